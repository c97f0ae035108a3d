/** The 栏次 row under a header: the word 栏次, or the column numbers 1, 2, 3 … alone in the row. */
import type { Cell, SheetSnapshot } from "../../src/grid/workbook";
import { isLanciRow } from "../../src/recognize/columns";
import { SheetView } from "../../src/recognize/sheetView";

function view(rows: (string | null)[][]): SheetView {
  const cells: (Cell | null)[][] = rows.map((r) => r.map((v) => (v === null ? null : { value: v, text: v })));
  const snapshot: SheetSnapshot = { name: "表", top: 0, left: 0, cells, merges: [], hiddenRows: [], hiddenCols: [] };
  return new SheetView(snapshot);
}

describe("isLanciRow", () => {
  const v = view([
    ["栏次", "1", "2", "3"],
    ["科目", null, "栏　次", null],
    ["1", "2", "3", "4"],
    ["１", "２", "３", null],
    ["1", "2", "4", "5"],
    ["1", "2", null, null],
    ["支出", "1", "2", "3"],
    ["2", "3", "4", "合计"],
    ["10", "11", "12", null],
    ["1", "2", "3", "100"],
  ]);
  it("knows the row by the word 栏次 anywhere in it, spaces and full-width forms aside", () => {
    expect(isLanciRow(v, 0)).toBe(true);
    expect(isLanciRow(v, 1)).toBe(true);
  });
  it("knows it by three or more column numbers each one more than the one before", () => {
    expect(isLanciRow(v, 2)).toBe(true);
    expect(isLanciRow(v, 3)).toBe(true);
    expect(isLanciRow(v, 8)).toBe(true);
  });
  it("does not take a row with a gap, fewer than three numbers, a word, or a number of three digits", () => {
    expect(isLanciRow(v, 4)).toBe(false);
    expect(isLanciRow(v, 5)).toBe(false);
    expect(isLanciRow(v, 6)).toBe(false);
    expect(isLanciRow(v, 7)).toBe(false);
    expect(isLanciRow(v, 9)).toBe(false);
  });
  it("reads only the columns it is given", () => {
    expect(isLanciRow(v, 6, 1, 3)).toBe(true);
    expect(isLanciRow(v, 9, 0, 2)).toBe(true);
    expect(isLanciRow(v, 0, 1, 3)).toBe(true);
    expect(isLanciRow(v, 2, 0, 1)).toBe(false);
  });
});
