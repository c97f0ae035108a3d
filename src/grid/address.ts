/** A1 addresses. Rows and columns are 0-based everywhere in the code; only the A1 text is 1-based. */

/** Letters of the columns asked for so far, by index (every address of a sheet names a few columns many times). */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (col >= 0 && col < 16384) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A cell by its 0-based row and column. */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * A cell (or a range) of a workbook: its sheet and its A1 address. The one address type of engine,
 * findings, hosts and task pane (a model's cells add their position: model/amount.ts, CellLocation).
 */
export interface CellAddress {
  sheet: string;
  /** A1 address, e.g. "C7" (or a range, "B5:H30", where a range is meant). */
  address: string;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseA1(a1: string): CellPosition {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`不是有效的单元格地址：${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function parseRangeA1(text: string): RangeRef {
  const [a, b] = text.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A sheet-qualified address as users and Excel write it: 'Sheet name'!B7. */
export function qualified(sheet: string, a1: string): string {
  const needsQuotes = /[^A-Za-z0-9_\u4e00-\u9fff]/.test(sheet);
  return `${needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet}!${a1}`;
}

/** Every single-cell address of an A1 cell or range ("B2:C3" → B2, C2, B3, C3), capped to keep a bad range from flooding. */
export function cellsOfRange(a1: string, cap = 10_000): string[] {
  const r = parseRangeA1(a1);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      if (out.length >= cap) return out;
      out.push(toA1(row, col));
    }
  }
  return out;
}
