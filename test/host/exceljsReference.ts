/**
 * The reader this project used before the streaming one: exceljs's workbook model turned into the
 * snapshot. Kept for the tests only, as the reference the streaming reader is compared with
 * (test/host/differential.test.ts); it is quadratic in merges and needs the whole workbook in memory.
 */
import ExcelJS from "exceljs";
import { parseRangeA1 } from "../../src/grid/address";
import { makeCell } from "../../src/host/file/cells";
import type { Cell, RawValue, SheetSnapshot } from "../../src/grid/workbook";

function toCell(c: ExcelJS.Cell): Cell | null {
  const v = c.value as unknown;
  const numFmt = c.numFmt || undefined;
  let value: RawValue = null;
  let formula: string | undefined;
  let inner: unknown = v;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      formula = c.formula || (o.formula as string | undefined) || undefined;
      inner = o.result ?? null;
    }
  }
  if (inner === null || inner === undefined) value = null;
  else if (typeof inner === "number" || typeof inner === "string" || typeof inner === "boolean") value = inner;
  else if (inner instanceof Date) value = inner;
  else if (typeof inner === "object") {
    const o = inner as Record<string, unknown>;
    if (Array.isArray(o.richText)) value = (o.richText as { text: string }[]).map((r) => r.text).join("");
    else if (typeof o.error === "string") value = { error: o.error };
    else if (typeof o.text === "string")
      value = o.text; // hyperlink
    else if (typeof o.error === "object" && o.error) value = { error: String((o.error as { error?: string }).error ?? "#VALUE!") };
  }
  // (the shown text, dates and flags by the reader's own makeCell: what differs between the readers is how they find values)
  return makeCell(value, formula, numFmt);
}

/** Whether toCell gives a cell (a value or a formula); told without building it for plain values. */
function hasContent(c: ExcelJS.Cell): boolean {
  const v = c.value as unknown;
  if (v === null || v === undefined) return false;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return true;
  return toCell(c) !== null; // a formula, rich text, an error value, a hyperlink
}

/** A covered part of a merge (the master holds the value). */
function isCovered(c: ExcelJS.Cell): boolean {
  return c.isMerged && c.master !== c;
}

function sheetFrom(ws: ExcelJS.Worksheet): SheetSnapshot {
  // Two passes: the bounds, then each cell built straight into its row. (Cells gathered in a list first
  // and placed afterwards left the list's entries between them: promoted together, the cells of a large
  // workbook lay on a third more pages than they fill once the list was garbage, and every later pass
  // over them was slower.)
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (isCovered(c) || !hasContent(c)) return;
      top = Math.min(top, rowNumber - 1);
      left = Math.min(left, colNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRangeA1);
  // the columns the sheet defines (<cols>), read once: ws.columnCount walks every row each time it is asked,
  // and a sheet with one cell in column XFD made that loop run for minutes
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.hidden) hiddenCols.push(i);
  });
  const protectedSheet = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  if (bottom < 0) {
    return { name: ws.name, top: 0, left: 0, cells: [], merges, hiddenRows, hiddenCols, hidden: ws.state !== "visible", protected: protectedSheet };
  }
  const width = right - left + 1;
  const cells: (Cell | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const rowCells: (Cell | null)[] = new Array(width).fill(null);
    ws.findRow(r + 1)?.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (!isCovered(c)) rowCells[colNumber - 1 - left] = toCell(c);
    });
    cells.push(rowCells);
  }
  return {
    name: ws.name,
    top,
    left,
    cells,
    merges,
    hiddenRows,
    hiddenCols,
    hidden: ws.state !== undefined && ws.state !== "visible",
    protected: protectedSheet,
  };
}

/** The sheets of an .xlsx as exceljs reads them. */
export async function readWithExcelJs(buf: Buffer): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetFrom(ws));
  });
  return sheets;
}
