/**
 * The 审核结果 sheet the task pane exports into the workbook: what it holds (built by reportRows in
 * src/report/rows.ts), where each line and cell goes, and the decision every host makes before writing —
 * replace the sheet the add-in wrote last time, or write beside a sheet of that name the officer owns.
 *
 * The add-in keeps a record of what it wrote (the sheet's name and a fingerprint of every cell's text, in
 * the workbook's settings). A sheet is replaced only when it still holds exactly that; a sheet of the name
 * that the add-in did not write, or one the officer has edited since, is kept and the export goes to
 * 审核结果（2）, 审核结果（3）…, as the CLI's annotated copy names it.
 */
import { toA1, type CellAddress } from "../grid/address";
import type { FindingLevel } from "../rules/types";

export const RESULT_SHEET_NAME = "审核结果";

/** One cell of a finding's row: its value, and the workbook cell it links to (an internal hyperlink). */
export interface ReportCell {
  value: string | number;
  link?: CellAddress;
}

/** One finding: its level (the 级别 cell is filled in the level's mark colour) and its cells, one per column. */
export interface ReportRow {
  level: FindingLevel;
  cells: ReportCell[];
}

/** The content of the sheet, as reportRows builds it. */
export interface ReportSheet {
  /** Lines above the table, each in column A: the title (bold), then what the table holds. */
  lines: string[];
  /** The column headings (bold). */
  header: string[];
  rows: ReportRow[];
  /** Column widths in characters of the default font (a Chinese character takes two). */
  widths: number[];
  /** The columns whose text wraps (long texts: rule, message, cells, explanation). */
  wrap: number[];
}

/** What the add-in wrote last time, kept in the workbook's settings. */
export interface ResultSheetRecord {
  sheet: string;
  /** fingerprintOf the sheet's cells as written. */
  fingerprint: string;
}

/** One cell to write, 0-based. `text` is what the sheet shows (a number's General text). */
export interface PlacedCell {
  row: number;
  col: number;
  value: string | number;
  text: string;
  bold?: boolean;
  link?: CellAddress;
  /** The finding's level, on its 级别 cell. */
  level?: FindingLevel;
  wrap?: boolean;
}

/** The 级别 column (filled by level). */
const LEVEL_COLUMN = 1;

/** Where the content goes: the lines from A1, a blank row, the header, then one row per finding. */
export function placeReportSheet(sheet: ReportSheet): { cells: PlacedCell[]; headerRow: number; rows: number; columns: number } {
  const cells: PlacedCell[] = [];
  sheet.lines.forEach((text, row) => cells.push({ row, col: 0, value: text, text, bold: row === 0 }));
  const headerRow = sheet.lines.length + 1;
  sheet.header.forEach((text, col) => cells.push({ row: headerRow, col, value: text, text, bold: true }));
  const wrap = new Set(sheet.wrap);
  sheet.rows.forEach((r, i) =>
    r.cells.forEach((c, col) => {
      if (c.value === "") return;
      const cell: PlacedCell = { row: headerRow + 1 + i, col, value: c.value, text: String(c.value) };
      if (c.link) cell.link = c.link;
      if (col === LEVEL_COLUMN) cell.level = r.level;
      if (wrap.has(col)) cell.wrap = true;
      cells.push(cell);
    }),
  );
  return { cells, headerRow, rows: headerRow + 1 + sheet.rows.length, columns: Math.max(sheet.header.length, 1) };
}

/**
 * A short digest of a sheet's non-blank cells (position and shown text), order-free: what the add-in wrote
 * compared with what the sheet holds now. Any difference (an edit, a typed note, a row deleted) tells the
 * sheet is no longer the add-in's alone.
 */
export function fingerprintOf(cells: Iterable<{ row: number; col: number; text: string }>): string {
  const lines: string[] = [];
  for (const c of cells) if (c.text !== "") lines.push(`${toA1(c.row, c.col)}\t${c.text}`);
  lines.sort();
  // FNV-1a, 32 bits, twice with different offsets: enough to tell an edit, small enough to keep in the settings
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = lines.join("\n");
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193) >>> 0;
    b = Math.imul(b ^ ch, 0x01000193 + 2) >>> 0;
  }
  return `${lines.length}:${text.length}:${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}

/** The cells of a block of shown texts (a used range's `text`, its top-left cell at top/left), for fingerprintOf. */
export function blockCells(text: string[][], top: number, left: number): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  text.forEach((line, r) => line.forEach((t, c) => t !== "" && out.push({ row: top + r, col: left + c, text: t })));
  return out;
}

/** 审核结果, or 审核结果（2）, 审核结果（3）… when the name is taken (sheet names compare case-blind, as in Excel). */
export function freeResultSheetName(taken: Iterable<string>): string {
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  let name = RESULT_SHEET_NAME;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${RESULT_SHEET_NAME}（${n}）`;
  return name;
}

/** The target of an internal hyperlink to a cell, the sheet always quoted ('03支出总表'!E10: a name that begins with a digit needs the quotes). */
export function internalLink(c: CellAddress): string {
  return `'${c.sheet.replace(/'/g, "''")}'!${c.address}`;
}

/** The cell an internal hyperlink ("#'Sheet'!A1", or without the "#") goes to; null for any other link. */
export function parseInternalLink(link: string): CellAddress | null {
  const m = /^#?(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(link);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, "") };
}

/** A stored record, tolerating a missing or foreign value. */
export function parseResultRecord(value: unknown): ResultSheetRecord | undefined {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (!v || typeof v !== "object") return undefined;
  const { sheet, fingerprint } = v as Record<string, unknown>;
  return typeof sheet === "string" && typeof fingerprint === "string" ? { sheet, fingerprint } : undefined;
}

/**
 * Where to write: into the recorded sheet when it exists, is not protected and still holds exactly what the
 * add-in wrote (`current`: its fingerprint now, or undefined when it was not read); else under a free name.
 * `kept`: the sheet of the recorded or default name that is left as it is, if any.
 */
export function planResultSheet(
  record: ResultSheetRecord | undefined,
  sheets: { name: string; protected?: boolean }[],
  current: string | undefined,
): { sheet: string; replace: boolean; kept?: string } {
  const recorded = record && sheets.find((s) => s.name === record.sheet);
  if (recorded && !recorded.protected && current === record.fingerprint) return { sheet: recorded.name, replace: true };
  const sheet = freeResultSheetName(sheets.map((s) => s.name));
  const kept = recorded ? recorded.name : sheets.find((s) => s.name.toLowerCase() === RESULT_SHEET_NAME.toLowerCase())?.name;
  return kept ? { sheet, replace: false, kept } : { sheet, replace: false };
}
