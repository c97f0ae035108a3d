/** The pure part of the Excel host: Office.js range arrays into snapshot cells. */
import { cellFromExcel, cellsFromBlocks, parseAreasAddress, rowChunks, sheetOfAddress, localAddress } from "../../../src/host/excel/cells";

describe("Excel range arrays into snapshot cells", () => {
  it("keeps the file host's meaning: shown text, formula without =, errors, blanks", () => {
    expect(cellFromExcel(1234.5, "1,234.50", "=SUM(B2:B3)", "#,##0.00", "Double")).toEqual({
      value: 1234.5,
      text: "1,234.50",
      formula: "SUM(B2:B3)",
      numFmt: "#,##0.00",
    });
    expect(cellFromExcel("#REF!", "#REF!", "=A0", "General", "Error")).toEqual({ value: { error: "#REF!" }, text: "#REF!", formula: "A0" });
    expect(cellFromExcel("", "", "", "General", "Empty")).toBeNull();
    expect(cellFromExcel("=100%", "=100%", "=100%", "@", "String")).toEqual({ value: "=100%", text: "=100%", numFmt: "@" });
    expect(cellFromExcel(true, "TRUE", true, "General", "Boolean")).toEqual({ value: true, text: "TRUE" });
  });

  it("a number too wide for its column (####) gets its formatted text", () => {
    expect(cellFromExcel(1234567.891, "########", 1234567.891, "#,##0.00", "Double")?.text).toBe("1,234,567.89");
  });

  it("trims blank edges and places blocks at their sheet rows", () => {
    const block = (rowIndex: number, values: unknown[][]) => ({
      rowIndex,
      columnIndex: 1,
      values,
      text: values.map((r) => r.map(String)),
      formulas: values,
      numberFormat: values.map((r) => r.map(() => "General")),
      valueTypes: values.map((r) => r.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : "String"))),
    });
    const out = cellsFromBlocks([
      block(3, [["", 5]]),
      block(0, [
        ["", ""],
        ["", ""],
        ["a", ""],
      ]),
    ]);
    expect(out.top).toBe(2);
    expect(out.left).toBe(1);
    expect(out.cells).toEqual([
      [{ value: "a", text: "a" }, null],
      [null, { value: 5, text: "5" }],
    ]);
  });

  it("reads merged-area addresses, quoted sheet names included", () => {
    expect(parseAreasAddress("'收支, 总表!'!A1:C1, '收支, 总表!'!$B$3:$B$4,Sheet1!D5")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 4, left: 3, bottom: 4, right: 3 },
    ]);
    expect(parseAreasAddress(null)).toEqual([]);
    expect(sheetOfAddress("'It''s'!A1")).toBe("It's");
    expect(localAddress("Sheet1!$B$7:$C$9")).toBe("B7:C9");
  });

  it("splits a large used range into row chunks under the cell budget", () => {
    expect(rowChunks(10, 4, 12)).toEqual([
      { start: 0, count: 3 },
      { start: 3, count: 3 },
      { start: 6, count: 3 },
      { start: 9, count: 1 },
    ]);
    expect(rowChunks(0, 4, 12)).toEqual([]);
    expect(rowChunks(2, 100, 12)).toEqual([
      { start: 0, count: 1 },
      { start: 1, count: 1 },
    ]);
  });
});
