import { convert, halfUnitOfShown, parseCount, parseShownNumber, toYuan } from "../../src/model/amount";
import { cleanCode, codeLevel, guessCodeSystem, parentCode } from "../../src/model/codes";
import { Dec } from "../../src/model/decimal";

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
