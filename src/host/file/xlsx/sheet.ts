/**
 * One worksheet part, tokenized as it is inflated, straight into the snapshot: cell values by type
 * (shared, inline and rich strings, numbers, dates by number format, booleans, errors, ISO dates), formulas
 * (shared formulas moved to the cells that reuse them, cached results kept), hidden rows and columns,
 * protection and merges. The cells a merge covers are dropped (the top-left cell holds the value).
 */
import type { Cell, RawValue, SheetSnapshot } from "../../../grid/workbook";
import { toA1 } from "../../../grid/address";
import { makeCell, serialToDate } from "../cells";
import { checkedMerges, coveredCells } from "./merges";
import { XlsxError, XlsxLimitError, type PackageLimits, type SheetEntry, type WorkbookParts } from "./package";
import { moveFormula } from "./sharedFormula";
import { parseEntryXml } from "./xml";

/** What the whole workbook may still hold (shared by its sheets). */
export interface CellBudget {
  cells: number;
}

interface RowCells {
  row: number;
  cols: number[];
  /** The cells at those columns (null once found covered by a merge). */
  cells: (Cell | null)[];
}

/** The cell being read: its attributes and the text of its parts. */
interface PendingCell {
  row: number;
  col: number;
  type: string;
  style: number;
  v: string | undefined;
  f: string | undefined;
  fType: string | undefined;
  fRef: string | undefined;
  si: string | undefined;
  inline: string | undefined;
}

/** A cell reference such as "AB12" as [row, col] (0-based), or undefined when it is not one. */
function parseCellRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3 || i === ref.length || ref.length - i > 7) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return [row - 1, col - 1];
}
const MAX_ROW = 1048575;
const MAX_COL = 16383;

function flag(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** The value a cell's <v> (or inline text) stands for, by its type attribute. */
function valueOf(p: PendingCell, parts: WorkbookParts, sheetName: string): RawValue {
  const v = p.v;
  switch (p.type) {
    case "s": {
      if (v === undefined) return null;
      const i = Number(v);
      if (!Number.isInteger(i) || i < 0 || i >= parts.sharedStrings.length)
        throw new XlsxError(`工作表「${sheetName}」的 ${toA1(p.row, p.col)} 引用了不存在的共享字符串（第 ${v} 项）`);
      return parts.sharedStrings[i];
    }
    case "str":
      return v ?? null;
    case "inlineStr":
      return p.inline || v || null;
    case "b":
      return v === undefined ? null : parseInt(v, 10) !== 0;
    case "e":
      return v === undefined ? null : { error: v };
    case "d": {
      if (v === undefined) return null;
      // a date-time without a zone is read as UTC, as the snapshot holds dates (a date alone already is)
      const d = new Date(v.includes("T") && !/(Z|[+-]\d\d:?\d\d)$/i.test(v) ? `${v}Z` : v);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      if (v === undefined || v.length === 0 || (v.charCodeAt(0) <= 32 && v.trim() === "")) return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return v; // not a number: kept as the text it is (the checks report it)
      return parts.dateStyles[p.style] ? serialToDate(n, parts.date1904) : n;
    }
  }
}

interface SheetState {
  rows: Map<number, RowCells>;
  hiddenRows: number[];
  hiddenCols: number[];
  mergeRefs: string[];
  protected: boolean;
  /** Shared formulas by their si: the master's formula and position. */
  shared: Map<string, { formula: string; row: number; col: number }>;
  /** The row the last cell went to (cells come row by row). */
  last?: RowCells;
}

function formulaOf(p: PendingCell, state: SheetState): string | undefined {
  if (p.fType === "shared" && p.si !== undefined) {
    if (p.f) {
      if (p.fRef !== undefined) state.shared.set(p.si, { formula: p.f, row: p.row, col: p.col });
      return p.f;
    }
    const master = state.shared.get(p.si);
    return master ? moveFormula(master.formula, p.row - master.row, p.col - master.col) : undefined;
  }
  return p.f || undefined;
}

function finishCell(p: PendingCell, state: SheetState, parts: WorkbookParts, budget: CellBudget, sheetName: string): void {
  const formula = formulaOf(p, state);
  const value = valueOf(p, parts, sheetName);
  const cell = makeCell(value, formula, parts.formats[p.style]);
  if (!cell) return;
  if (--budget.cells < 0) throw new XlsxLimitError("cells");
  let row = state.last;
  if (!row || row.row !== p.row) {
    row = state.rows.get(p.row);
    if (!row) state.rows.set(p.row, (row = { row: p.row, cols: [], cells: [] }));
    state.last = row;
  }
  row.cols.push(p.col);
  row.cells.push(cell);
}

/** The rows that hold cells, in order, each row's cells in column order (a later cell at the same place wins). */
function orderedRows(rows: Map<number, RowCells>): RowCells[] {
  const list = [...rows.values()].sort((a, b) => a.row - b.row);
  for (const r of list) {
    let sorted = true;
    for (let i = 1; i < r.cols.length && sorted; i++) sorted = r.cols[i - 1] < r.cols[i];
    if (sorted) continue;
    const byCol = new Map<number, Cell | null>();
    r.cols.forEach((c, i) => byCol.set(c, r.cells[i]));
    r.cols = [...byCol.keys()].sort((a, b) => a - b);
    r.cells = r.cols.map((c) => byCol.get(c) ?? null);
  }
  return list;
}

/** The pending cell filled from a <c>'s attributes (a cell without r follows the one before it in its row). */
function startCell(p: PendingCell, a: Record<string, string>, row: number, previousCol: number, sheetName: string): PendingCell {
  let r = row;
  let col = previousCol + 1;
  if (a.r !== undefined) {
    const at = parseCellRef(a.r);
    if (!at) throw new XlsxError(`工作表「${sheetName}」中有无效的单元格地址「${a.r}」`);
    [r, col] = at;
  }
  if (r < 0 || r > MAX_ROW || col < 0 || col > MAX_COL) throw new XlsxError(`工作表「${sheetName}」中有超出工作表范围的单元格「${a.r ?? toA1(r, col)}」`);
  p.row = r;
  p.col = col;
  p.type = a.t ?? "n";
  p.style = a.s !== undefined ? Number(a.s) : 0;
  p.v = p.f = p.fType = p.fRef = p.si = p.inline = undefined;
  return p;
}

function tokenize(buf: Uint8Array, sheet: SheetEntry, parts: WorkbookParts, limits: PackageLimits, budget: CellBudget): SheetState {
  const state: SheetState = { rows: new Map(), hiddenRows: [], hiddenCols: [], mergeRefs: [], protected: false, shared: new Map() };
  let row = -1;
  let col = -1;
  // one pending cell, filled anew for each <c> (a million cells would otherwise leave a million of them as garbage)
  const pending: PendingCell = {
    row: 0,
    col: 0,
    type: "n",
    style: 0,
    v: undefined,
    f: undefined,
    fType: undefined,
    fRef: undefined,
    si: undefined,
    inline: undefined,
  };
  let cell: PendingCell | undefined;
  /** Which text is being read: the value, the formula or inline text (outside phonetic guides). */
  let reading: "v" | "f" | "t" | undefined;
  let phonetic = 0;
  parseEntryXml(buf, sheet.entry, limits.sheetXmlBytes, {
    open(name, a) {
      switch (name) {
        case "row": {
          row = a.r !== undefined ? Number(a.r) - 1 : row + 1;
          if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) throw new XlsxError(`工作表「${sheet.name}」中有无效的行号「${a.r}」`);
          col = -1;
          if (flag(a.hidden)) state.hiddenRows.push(row);
          return;
        }
        case "c":
          cell = startCell(pending, a, row, col, sheet.name);
          col = cell.col;
          return;
        case "v":
          reading = "v";
          return;
        case "f":
          if (cell) ({ t: cell.fType, ref: cell.fRef, si: cell.si } = a);
          reading = "f";
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          reading = phonetic === 0 ? "t" : undefined;
          return;
        case "col":
          if (flag(a.hidden)) for (let i = Math.max(1, Number(a.min)); i <= Math.min(MAX_COL + 1, Number(a.max)); i++) state.hiddenCols.push(i - 1);
          return;
        case "mergeCell":
          if (a.ref !== undefined) state.mergeRefs.push(a.ref);
          return;
        case "sheetProtection":
          state.protected = flag(a.sheet);
          return;
      }
    },
    close(name) {
      if (name === "c" && cell) {
        finishCell(cell, state, parts, budget, sheet.name);
        cell = undefined;
      } else if (name === "rPh") phonetic--;
      else if (name === "v" || name === "f" || name === "t") reading = undefined;
    },
    text(t) {
      if (!cell || !reading) return;
      if (reading === "v") cell.v = (cell.v ?? "") + t;
      else if (reading === "f") cell.f = (cell.f ?? "") + t;
      else cell.inline = (cell.inline ?? "") + t;
    },
  });
  return state;
}

/** The sheet's snapshot. Throws XlsxError for a fault of the file, XlsxLimitError for a limit passed. */
export function readSheet(
  buf: Uint8Array,
  sheet: SheetEntry,
  parts: WorkbookParts,
  limits: PackageLimits,
  budget: CellBudget,
): { snapshot: SheetSnapshot; notes: string[] } {
  const state = tokenize(buf, sheet, parts, limits, budget);
  const { merges, notes } = checkedMerges(state.mergeRefs, sheet.name);
  const rows = orderedRows(state.rows);
  // a covered cell is dropped (its merge's top-left cell holds the value)
  coveredCells(merges, rows, (ri, ci) => (rows[ri].cells[ci] = null));
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const r of rows)
    for (let i = 0; i < r.cols.length; i++) {
      if (r.cells[i] === null) continue;
      if (r.row < top) top = r.row;
      bottom = r.row;
      if (r.cols[i] < left) left = r.cols[i];
      if (r.cols[i] > right) right = r.cols[i];
    }
  const base = { name: sheet.name, merges, hiddenRows: state.hiddenRows, hiddenCols: state.hiddenCols, hidden: sheet.hidden, protected: state.protected };
  if (bottom < 0) return { snapshot: { ...base, top: 0, left: 0, cells: [] }, notes };
  const width = right - left + 1;
  const height = bottom - top + 1;
  if (width * height > limits.sheetArea) throw new XlsxLimitError("area", sheet.name, toA1(top, left), toA1(bottom, right));
  const cells: (Cell | null)[][] = new Array(height);
  for (let i = 0; i < height; i++) cells[i] = new Array<Cell | null>(width).fill(null);
  for (const r of rows) {
    const target = cells[r.row - top];
    if (target) for (let i = 0; i < r.cols.length; i++) if (r.cells[i] !== null) target[r.cols[i] - left] = r.cells[i];
  }
  return { snapshot: { ...base, top, left, cells }, notes };
}
