/**
 * Legacy workbooks — Excel 97–2003 .xls (BIFF8, and the BIFF5 of older Excel and WPS) and the WPS .et files
 * that are BIFF inside — read by SheetJS into the same snapshot as an .xlsx: values, formulas with their
 * cached results, number formats (shown text by the project's formatter, dates by format, as for .xlsx),
 * merges, hidden rows and columns, sheet states and protection.
 */
import * as XLSX from "@e965/xlsx";
import type { RangeRef } from "../../grid/address";
import type { Cell, RawValue, SheetSnapshot } from "../../grid/workbook";
import { isDateFormat } from "../../grid/numfmt";
import { makeCell, serialToDate } from "./cells";
import { coveredCells } from "./xlsx/merges";
import type { XlsxRead } from "./xlsx/read";

/** A legacy file that cannot be read, with the Chinese message that names it. */
export class LegacyReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LegacyReadError";
  }
}

/** A legacy file is read whole by SheetJS (several times its size in memory): it gets a lower size limit than .xlsx. */
export const LEGACY_FILE_BYTES = 60 * 1024 * 1024;

function valueOf(c: XLSX.CellObject, date1904: boolean): RawValue {
  switch (c.t) {
    case "n":
      return typeof c.v === "number" && isDateFormat(typeof c.z === "string" ? c.z : undefined) ? serialToDate(c.v, date1904) : ((c.v as number) ?? null);
    case "s":
      return c.v === undefined ? null : String(c.v);
    case "b":
      return Boolean(c.v);
    case "e":
      return { error: c.w ?? XLSX.SSF.format("General", c.v as number) };
    case "d":
      return c.v instanceof Date ? c.v : null;
    default:
      return null;
  }
}

function cellOf(c: XLSX.CellObject | undefined, date1904: boolean): Cell | null {
  if (!c) return null;
  const numFmt = typeof c.z === "string" && c.z !== "General" ? c.z : undefined;
  return makeCell(valueOf(c, date1904), c.f, numFmt);
}

function sheetOf(ws: XLSX.WorkSheet, name: string, state: number | undefined, date1904: boolean): SheetSnapshot {
  const rows = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges: RangeRef[] = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const hiddenRows: number[] = [];
  (ws["!rows"] ?? []).forEach((r, i) => r?.hidden && hiddenRows.push(i));
  const hiddenCols: number[] = [];
  (ws["!cols"] ?? []).forEach((c, i) => c?.hidden && hiddenCols.push(i));
  const held: { row: number; cols: number[] }[] = [];
  rows.forEach((row, r) => {
    const cols: number[] = [];
    row?.forEach((c, col) => c && cols.push(col));
    if (cols.length > 0) held.push({ row: r, cols });
  });
  const coveredAt = new Set<string>();
  coveredCells(merges, held, (ri, ci) => coveredAt.add(`${held[ri].row}:${held[ri].cols[ci]}`));
  const covered = (r: number, c: number) => coveredAt.size > 0 && coveredAt.has(`${r}:${c}`);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const built: (Cell | null)[][] = [];
  rows.forEach((row, r) => {
    built[r] = [];
    row?.forEach((c, col) => {
      const cell = covered(r, col) ? null : cellOf(c, date1904);
      if (!cell) return;
      built[r][col] = cell;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, col);
      right = Math.max(right, col);
    });
  });
  const base = { name, merges, hiddenRows, hiddenCols, hidden: (state ?? 0) !== 0, protected: Boolean(ws["!protect"]) };
  if (bottom < 0) return { ...base, top: 0, left: 0, cells: [] };
  const cells: (Cell | null)[][] = [];
  for (let r = top; r <= bottom; r++) cells.push(Array.from({ length: right - left + 1 }, (_, i) => built[r]?.[left + i] ?? null));
  return { ...base, top, left, cells };
}

/** Reads a legacy workbook. Throws LegacyReadError with a Chinese message for any file it cannot read. */
export function readLegacy(buf: Buffer, name: string): XlsxRead {
  const ext = name.toLowerCase().endsWith(".et") ? "WPS 表格 .et" : "旧版 .xls";
  if (buf.length > LEGACY_FILE_BYTES)
    throw new LegacyReadError(
      `文件「${name}」是${ext} 格式，有 ${(buf.length / 1048576).toFixed(0)} MB，超过旧格式 ${LEGACY_FILE_BYTES / 1048576} MB 的上限；请另存为 .xlsx 后再检查。`,
    );
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: "buffer", dense: true, cellFormula: true, cellNF: true, cellStyles: true, cellDates: false, cellHTML: false, cellText: false });
  } catch (e) {
    const message = (e as Error).message ?? "";
    if (/password/i.test(message)) throw new LegacyReadError(`文件「${name}」设有打开密码，无法读取。请在 Excel 或 WPS 中取消密码后另存再检查。`);
    throw new LegacyReadError(
      `文件「${name}」是${ext} 格式，但其内容无法读取（可能已损坏，或是本工具不支持的版本）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查。`,
    );
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((n, i) => sheetOf(wb.Sheets[n], n, wb.Workbook?.Sheets?.[i]?.Hidden, date1904));
  return { sheets, notes: [] };
}

/**
 * A legacy workbook converted to .xlsx bytes (values, formulas, number formats, merges, hidden rows and
 * columns; fonts, fills and borders are not carried over): what an annotated copy of a legacy input is
 * made from.
 */
export function legacyAsXlsx(buf: Buffer): Buffer {
  const wb = XLSX.read(buf, { type: "buffer", cellFormula: true, cellNF: true, cellStyles: true });
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
