/**
 * The fixed-point figures of an equation must read exactly as the Decimal ones: showFixedIn against
 * showIn on whole 0.0001 元 (random and edge values, both units), and Balance's figures on real terms.
 */
import { Dec } from "../../src/grid/decimal";
import { CellAmount, readShownNumber, type AmountUnit } from "../../src/model/amount";
import { Balance, showFixedIn, showIn, termOfAmount } from "../../src/model/terms";

const units: (AmountUnit | null)[] = ["万元", "元", null];

function decOf(u: number): Dec {
  return new Dec(`${u}e-4`);
}

describe("showFixedIn", () => {
  const edge = [
    0,
    1,
    -1,
    49,
    50,
    51,
    -49,
    -50,
    -51,
    99,
    100,
    150,
    -150,
    9999,
    10000,
    12345678,
    -12345678,
    123456789012,
    99999950,
    99999949,
    -99999950,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ];
  it.each(units)("reads as showIn in %s on edge values", (unit) => {
    for (const u of edge) expect(showFixedIn(u, unit)).toBe(showIn(decOf(u), unit));
  });
  it.each(units)("reads as showIn in %s on 20,000 random values", (unit) => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
    for (let i = 0; i < 20000; i++) {
      const magnitude = 10 ** (next() % 14);
      const u = (next() % magnitude) * (next() % 2 ? -1 : 1);
      expect(showFixedIn(u, unit)).toBe(showIn(decOf(u), unit));
    }
  });
});

describe("Balance", () => {
  const cell = (text: string, unit: AmountUnit, col: number) => termOfAmount(new CellAmount(readShownNumber(text)!, unit, "S", 0, col, text, false), text);
  it("shows the same figures from fixed point as from Decimal sums", () => {
    const b = Balance.unlessExact([cell("100.05", "万元", 0)], [cell("60.00", "万元", 1), cell("40.00", "万元", 2)])!;
    expect([b.exact, b.failing]).toEqual([false, true]);
    for (const f of ["left", "right", "diff", "tol"] as const)
      expect(b.show(f, "万元")).toBe(showIn(b[f === "left" ? "leftYuan" : f === "right" ? "rightYuan" : f], "万元"));
    expect(b.show("diff", "万元")).toBe("0.05");
    expect(b.show("tol", "万元")).toBe("0.015");
  });
  it("gives no Balance for an equation that holds exactly, across units", () => {
    expect(Balance.unlessExact([cell("100.00", "万元", 0)], [cell("60.00", "万元", 1), cell("40.00", "万元", 2)])).toBeUndefined();
    expect(
      Balance.unlessExact([cell("1.50", "万元", 0)], [termOfAmount(new CellAmount(readShownNumber("15000")!, "元", "S", 0, 3, "15000", false), "15000")]),
    ).toBeUndefined();
  });
  it("falls back to Decimal when a term has no fixed value", () => {
    const b = Balance.unlessExact([cell("0.123456789", "万元", 0)], [cell("0.12", "万元", 1)])!;
    expect(b.failing).toBe(true);
    expect(b.show("diff", "万元")).toBe(showIn(b.diff, "万元"));
  });
});
