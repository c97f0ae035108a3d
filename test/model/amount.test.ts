import {
  convert,
  decOfNumber,
  fixedYuanOf,
  halfUnitOfShown,
  parseCount,
  parseShownNumber,
  readShownNumber,
  toYuan,
  type AmountUnit,
} from "../../src/model/amount";
import { cleanCode, codeLevel, guessCodeSystem, parentCode } from "../../src/model/codes";
import { Dec } from "../../src/grid/decimal";

describe("amounts read from shown text", () => {
  it.each([
    ["9064.36", "9064.36"],
    ["1,234.50", "1234.5"],
    ["5056. 26", "5056.26"],
    ["５０５６．２６", "5056.26"],
    [" 3.00 ", "3"],
    ["-3.00", "-3"],
    ["(3.00)", "-3"],
    ["-", "0"],
    ["—", "0"],
    ["0", "0"],
  ])("%p → %p", (text, value) => {
    expect(parseShownNumber(text)?.toString()).toBe(value);
  });

  it.each(["", "≥90%", "2人", "1,23.4", "12a", "一百", "#REF!"])("%p is not a number", (text) => {
    expect(parseShownNumber(text)).toBeNull();
  });

  it("reads counts with their unit words", () => {
    expect(parseCount("305（个、台、辆、件、套等）")?.toString()).toBe("305");
    expect(parseCount("2辆")?.toString()).toBe("2");
    expect(parseCount("辆")).toBeNull();
  });

  it("converts 元 and 万元 exactly, without floats", () => {
    expect(toYuan(new Dec("9064.36"), "万元").toString()).toBe("90643600");
    expect(convert(new Dec("10396723.96"), "元", "万元").toString()).toBe("1039.672396");
    expect(convert(new Dec("0.1"), "万元", "万元").plus(new Dec("0.2")).toString()).toBe("0.3");
  });

  it("gives half a unit of the last shown decimal", () => {
    expect(halfUnitOfShown("3.61").toString()).toBe("0.005");
    expect(halfUnitOfShown("127500").toString()).toBe("0.5");
    expect(halfUnitOfShown("5,056.2").toString()).toBe("0.05");
  });
});

describe("amounts in whole 0.0001 元 (the exact fast path of sums)", () => {
  /**
   * What Decimal gives: the value in 元 × 10^4 when the text shows at most 4 decimals (8 in 万元) and
   * that is a safe integer (a text with more decimals goes the Decimal way, even when they are zeros).
   */
  function byDecimal(text: string, unit: AmountUnit | null): number | undefined {
    const n = readShownNumber(text)!;
    const shown = n.digits.includes(".") ? n.digits.length - n.digits.indexOf(".") - 1 : 0;
    const units = toYuan(decOfNumber(n), unit).times(10000);
    if (shown > (unit === "万元" ? 8 : 4) || units.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return undefined;
    return units.toNumber() + 0; // (+ 0: no −0)
  }
  const edge = [
    "0",
    "-0",
    "0.00",
    "-",
    "7",
    "7.",
    ".5",
    "-0.0001",
    "1,234.50",
    "(3.25)",
    "0.12345",
    "0.00000001",
    "0.000000001",
    "900719925474.0991",
    "900719925474.0992",
    "90071992547409.91",
    "12345678901234567890",
  ];
  it.each(["元", "万元", null] as const)("agrees with Decimal in %s on edge and 20,000 random texts", (unit) => {
    let seed = 777;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
    const random = Array.from({ length: 20000 }, () => {
      const whole = String(next() % 10 ** (next() % 16));
      const decimals = next() % 11;
      const fraction = String(next()).padStart(10, "0").slice(0, decimals);
      return `${next() % 4 === 0 ? "-" : ""}${whole}${decimals ? `.${fraction}` : ""}`;
    });
    for (const text of [...edge, ...random]) expect([text, fixedYuanOf(readShownNumber(text)!, unit)]).toEqual([text, byDecimal(text, unit)]);
  });
  it("has none for a number Decimal reads in exponent form", () => {
    expect(fixedYuanOf({ negative: false, digits: "1e+21" }, "元")).toBeUndefined();
  });
});

describe("subject codes", () => {
  it("joins broken and split codes", () => {
    expect(cleanCode("208010\n9")).toBe("2080109");
    expect(cleanCode("210 15 01")).toBe("2101501");
  });
  it("knows levels, parents and systems", () => {
    expect(codeLevel("208")).toBe(1);
    expect(codeLevel("20805")).toBe(2);
    expect(codeLevel("2080505")).toBe(3);
    expect(parentCode("2080505")).toBe("20805");
    expect(parentCode("208")).toBeUndefined();
    expect(guessCodeSystem("2080505")).toBe("功能分类");
    expect(guessCodeSystem("30108")).toBe("经济分类");
    expect(guessCodeSystem("50102")).toBe("经济分类");
  });
});
