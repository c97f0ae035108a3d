/**
 * Excel host, pure part: what Office.js returns for a range (values, text, formulas, number formats,
 * value types, merged-area addresses) turned into the snapshot the engine reads, with the same
 * meaning as the file host (src/host/file/readWorkbook.ts): text is the shown text, a formula has no
 * leading "=", an error value is a CellError, a blank cell is null, and top/left are 0-based sheet
 * coordinates of the smallest block holding every non-blank cell. No Office.js here, so it is tested
 * directly.
 */
import { parseRangeA1, type RangeRef } from "../../grid/address";
import { formatNumber } from "../../grid/numfmt";
import type { Cell, RawValue } from "../../grid/workbook";

/** One block of a used range as Office.js loads it (the 2-D arrays of Range). */
export interface LoadedBlock {
  /** 0-based sheet row and column of the block's top-left cell (Range.rowIndex / columnIndex). */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  text: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** Range.valueTypes: "Empty" | "String" | "Double" | "Boolean" | "Error" | … */
  valueTypes: string[][];
}

/** Excel shows #### when a number does not fit its column; the snapshot wants the formatted number instead. */
const OVERFLOW = /^#+$/;

/** One cell of a loaded block, or null when it is blank (no value, no formula). */
export function cellFromExcel(value: unknown, text: string, formula: unknown, numberFormat: unknown, valueType: string): Cell | null {
  // Range.formulas gives a constant itself: a text such as "=100%" (a 指标值 typed as text) is no formula
  const f = typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula.slice(1) : undefined;
  let v: RawValue;
  if (valueType === "Empty" || value === "" || value === null || value === undefined) v = valueType === "String" ? "" : null;
  else if (valueType === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") v = value;
  else v = String(value);
  if (v === null && f === undefined) return null;
  const numFmt = typeof numberFormat === "string" && numberFormat !== "" && numberFormat !== "General" ? numberFormat : undefined;
  let shown = typeof text === "string" ? text : "";
  if (typeof v === "number" && OVERFLOW.test(shown)) shown = formatNumber(v, numFmt);
  const cell: Cell = { value: v, text: shown };
  if (f !== undefined) cell.formula = f;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

/** Cells of several row blocks of one sheet (the blocks of a split read come in any order). */
export function cellsFromBlocks(blocks: LoadedBlock[]): { top: number; left: number; cells: (Cell | null)[][] } {
  const found: { r: number; c: number; cell: Cell }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const b of blocks) {
    for (let r = 0; r < b.values.length; r++) {
      for (let c = 0; c < b.values[r].length; c++) {
        const cell = cellFromExcel(b.values[r][c], b.text[r]?.[c] ?? "", b.formulas[r]?.[c], b.numberFormat[r]?.[c], b.valueTypes[r]?.[c] ?? "");
        if (!cell) continue;
        const row = b.rowIndex + r;
        const col = b.columnIndex + c;
        found.push({ r: row, c: col, cell });
        top = Math.min(top, row);
        left = Math.min(left, col);
        bottom = Math.max(bottom, row);
        right = Math.max(right, col);
      }
    }
  }
  if (found.length === 0) return { top: 0, left: 0, cells: [] };
  const cells: (Cell | null)[][] = [];
  for (let r = top; r <= bottom; r++) cells.push(new Array(right - left + 1).fill(null));
  for (const f of found) cells[f.r - top][f.c - left] = f.cell;
  return { top, left, cells };
}

/**
 * The rectangles of a RangeAreas address as Excel writes it: "Sheet1!A1:C1, Sheet1!A3:A4" or
 * "'预算 表'!A1:B1,'预算 表'!C2" (the sheet part may itself hold commas and "!" inside quotes).
 */
export function parseAreasAddress(address: string | null | undefined): RangeRef[] {
  if (!address) return [];
  const out: RangeRef[] = [];
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*(?:,|$))/g;
  for (let m = re.exec(address); m; m = re.exec(address)) out.push(parseRangeA1(m[1].replace(/\$/g, "")));
  return out;
}

/** The address part of a sheet-qualified address ("'My sheet'!B7:C9" → "B7:C9"). */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return (i < 0 ? address : address.slice(i + 1)).replace(/\$/g, "");
}

/** The sheet part of a sheet-qualified address, unquoted ("'It''s'!A1" → "It's"). */
export function sheetOfAddress(address: string): string | undefined {
  const i = address.lastIndexOf("!");
  if (i < 0) return undefined;
  const s = address.slice(0, i);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * How a sheet's used range is split for reading: row chunks of at most `maxCells` cells each (Excel on
 * the web refuses a read of more than 5 million cells and a response over 5 MB; with values, text,
 * formulas, number formats and value types per cell, 50,000 cells is about 4 MB at 80 bytes a cell).
 */
export function rowChunks(rowCount: number, columnCount: number, maxCells: number): { start: number; count: number }[] {
  if (rowCount <= 0 || columnCount <= 0) return [];
  const per = Math.max(1, Math.floor(maxCells / columnCount));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rowCount; start += per) out.push({ start, count: Math.min(per, rowCount - start) });
  return out;
}
