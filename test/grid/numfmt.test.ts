import { columnIndex, columnLetters, parseA1, parseRangeA1, qualified, rangeToA1, toA1 } from "../../src/grid/address";
import { formatNumber, generalText } from "../../src/grid/numfmt";
import fc from "fast-check";
import { Dec, decFromNumber } from "../../src/grid/decimal";

describe("number formats: the text a finance officer sees", () => {
  it.each([
    [9064.36, "0.00", "9064.36"],
    [9064.3649, "0.00", "9064.36"],
    [1.005, "0.00", "1.01"],
    [2.675, "0.00", "2.68"],
    [50562600, "#,##0.00", "50,562,600.00"],
    [5056.26, "#,##0.00", "5,056.26"],
    [-3, "0.00", "-3.00"],
    [-3, "#,##0.00;(#,##0.00)", "(3.00)"],
    [0, '#,##0.00;-#,##0.00;"-"', "-"],
    [0.0000001, "0.00", "0.00"],
    [-0.001, "0.00", "0.00"],
    [0.9312, "0.00%", "93.12%"],
    [12, "0", "12"],
    [12.5, "0", "13"],
    [1234.5, "[Red]#,##0.0", "1,234.5"],
    [0.1 + 0.2, "General", "0.3"],
    [3.61, undefined, "3.61"],
    [115.18, "@", "115.18"],
    [1234, '0"元"', "1234元"],
    // sections chosen by their conditions, not by sign (positives were read as negative)
    [5, "[Blue][<0]-0.00;[Green]0.00", "5.00"],
    [-5, "[Blue][<0]-0.00;[Green]0.00", "-5.00"],
    [150, "[>=100]#,##0;0.00", "150"],
    [15, "[>=100]#,##0;0.00", "15.00"],
    [-15, "[<0]0.00;0.0", "-15.00"],
  ])("%p in %p shows %p", (value, fmt, shown) => {
    expect(formatNumber(value, fmt)).toBe(shown);
  });

  it("General drops binary noise", () => {
    expect(generalText(805.6499999999999)).toBe("805.65");
    expect(generalText(7544.13)).toBe("7544.13");
  });
});

describe("A1 addresses", () => {
  it("converts both ways", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    expect(columnIndex("XFD")).toBe(16383);
    expect(toA1(6, 2)).toBe("C7");
    expect(parseA1("$C$7")).toEqual({ row: 6, col: 2 });
    expect(rangeToA1(parseRangeA1("B3:A1"))).toBe("A1:B3");
    expect(qualified("01收支总表", "C7")).toBe("01收支总表!C7");
    expect(qualified("My Sheet", "C7")).toBe("'My Sheet'!C7");
  });
});

describe("formatNumber without rounding (digits padded) agrees with decimal.js rounding", () => {
  it.each(["0", "0.00", "#,##0.00", "0.0000", "#,##0"])("%s", (code) => {
    const decimals = (code.split(".")[1] ?? "").length;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e13, max: 1e13, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
        ),
        (v) => {
          const digits = decFromNumber(Math.abs(v)).toFixed(decimals, Dec.ROUND_HALF_UP);
          const [whole, frac] = digits.split(".");
          const grouped = code.includes(",") ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
          const expected = `${/^[0.]*$/.test(digits) ? "" : v < 0 ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
          expect(formatNumber(v, code)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("generalText agrees with decimal.js on the 15 digits Excel keeps", () => {
  it("for any finite number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer().map((n) => n / 100),
        ),
        (v) => {
          expect(generalText(v)).toBe(decFromNumber(v).toString());
        },
      ),
      { numRuns: 5000 },
    );
  });
});
