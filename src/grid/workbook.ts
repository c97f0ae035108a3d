/**
 * The workbook snapshot: what every host (Office.js, .xlsx file) produces and the engine reads.
 * Plain data only: no Office.js, no exceljs. Rows/columns are 0-based absolute sheet coordinates.
 */
import { parseA1, type CellAddress, type RangeRef } from "./address";

/** An Excel error value such as #REF! or #VALUE!. */
export interface CellError {
  error: string;
}

export type RawValue = string | number | boolean | Date | CellError | null;

export interface Cell {
  /** The stored value (for a formula: its cached result). */
  value: RawValue;
  /** The text Excel shows (number format applied). */
  text: string;
  /** The formula without the leading "=", when the cell has one. */
  formula?: string;
  /** The number format code ("General", "0.00", "#,##0.00", "@" …). */
  numFmt?: string;
  /** A formula saved without its result (the file was written by a program and never calculated). */
  uncalculated?: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** The used range: top-left of `cells` in sheet coordinates. */
  top: number;
  left: number;
  /** cells[r][c] is the cell at (top + r, left + c); null where the cell is blank. */
  cells: (Cell | null)[][];
  merges: RangeRef[];
  hiddenRows: number[];
  hiddenCols: number[];
  hidden?: boolean;
  protected?: boolean;
}

export interface WorkbookSnapshot {
  /** File name or workbook name, used in messages. */
  name: string;
  sheets: SheetSnapshot[];
  /** What the reader repaired or left out (an overlapping merge …), in Chinese, for the user to see. */
  notes?: string[];
}

export function isCellError(v: RawValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

export function sheetBottom(s: SheetSnapshot): number {
  return s.top + s.cells.length - 1;
}

export function sheetRight(s: SheetSnapshot): number {
  let w = 0;
  for (const row of s.cells) w = Math.max(w, row.length);
  return s.left + w - 1;
}

export function cellAt(s: SheetSnapshot, row: number, col: number): Cell | null {
  const r = s.cells[row - s.top];
  if (!r) return null;
  return r[col - s.left] ?? null;
}

/** The shown text of a cell, "" for blank. */
export function textAt(s: SheetSnapshot, row: number, col: number): string {
  return cellAt(s, row, col)?.text ?? "";
}

/** The cell at a sheet name and an A1 address of one cell; null when the sheet or the cell is missing or the address is a range. */
export function cellOf(wb: WorkbookSnapshot, c: CellAddress): { sheet: SheetSnapshot; row: number; col: number; cell: Cell | null } | null {
  const sheet = wb.sheets.find((x) => x.name === c.sheet);
  if (!sheet || !/^\$?[A-Za-z]{1,3}\$?\d+$/.test(c.address)) return null;
  const { row, col } = parseA1(c.address);
  return { sheet, row, col, cell: cellAt(sheet, row, col) };
}

/** The shown text of a cell given by sheet name and address, "" for blank or missing. */
export function cellText(wb: WorkbookSnapshot, c: CellAddress): string {
  return cellOf(wb, c)?.cell?.text ?? "";
}
