/**
 * Accepted edits (BudgetHost.applyEdits), the part every host shares: which cell an edit names and
 * whether it may be written as the cell is now. Each host reads the cells' state its own way (Excel in
 * one sync), asks refusalOf for each, and writes only when no edit is refused.
 */
import { parseA1, type CellPosition } from "../grid/address";
import type { CellEdit } from "../grid/edit";
import type { EditRefusal } from "./types";

/** The one cell an edit names; undefined when its address is not a single cell (a range, "第3段" of a .docx). */
export function editPosition(e: CellEdit): CellPosition | undefined {
  if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(e.address.trim())) return undefined;
  const p = parseA1(e.address);
  return p.row >= 0 && p.row < 1048576 && p.col >= 0 && p.col < 16384 ? p : undefined;
}

/** What a host knows of an edit's cell just before writing. */
export interface CellNow {
  /** The sheet exists and the address is one cell of it. */
  exists: boolean;
  /** The sheet is protected. */
  protected: boolean;
  /** The cell holds a formula. */
  formula: boolean;
  /** The cell's shown text ("" when blank). */
  text: string;
}

/** Why the edit may not be written to the cell as it is now, undefined when it may. */
export function refusalOf(e: CellEdit, now: CellNow): EditRefusal["reason"] | undefined {
  if (!now.exists) return "missing";
  if (now.protected) return "protected";
  if (now.formula) return "formula";
  if (now.text !== e.before) return "changed";
  return undefined;
}

/**
 * The refusals of a batch, given each edit's cell as it is now (undefined: missing). An edit of a cell
 * another edit of the batch already writes is refused as changed: the first write changes what it read.
 */
export function refusalsOf(edits: CellEdit[], nowOf: (e: CellEdit, i: number) => CellNow | undefined): EditRefusal[] {
  const refused: EditRefusal[] = [];
  const seen = new Set<string>();
  edits.forEach((e, i) => {
    const p = editPosition(e);
    const k = p ? `${e.sheet}!${p.row},${p.col}` : "";
    const now = p ? nowOf(e, i) : undefined;
    const reason = now === undefined ? "missing" : seen.has(k) ? "changed" : refusalOf(e, now);
    if (k) seen.add(k);
    if (reason) refused.push({ cell: { sheet: e.sheet, address: e.address }, reason });
  });
  return refused;
}

/**
 * The value to give Excel for a text: a text that Excel would take for a formula ("=…", "+…", "-…", "@…")
 * gets the apostrophe that keeps it text (not shown, not part of the text).
 */
export function excelTextValue(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
