/**
 * Excel host, pure part: the marks' colours and the record of the fills they covered.
 *
 * Before a cell is marked its fill is saved; the record of saved fills is kept in the workbook (the
 * workbook's settings, see excelHost.ts) so that 清除标记 restores the original fills after a save and
 * reopen, on any machine. A saved fill is the full CellPropertiesFill when ExcelApi 1.9 is there
 * (colour, pattern, pattern colour, tints), so "no fill" (pattern "None") is told apart from a white
 * fill; below 1.9 only `format.fill.color` can be read, and "No Fill" reads as #FFFFFF, so white is
 * restored as no fill.
 */
import type { CellAddress } from "../../grid/address";
import type { FindingLevel } from "../../rules/types";

export { MARK_COLORS, markColor } from "../marks";

/** A cell's fill as it was before marking. `pattern: "None"` is no fill. */
export interface SavedFill {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** A cell the add-in marked (its address: one cell, A1 without sheet). */
export interface MarkedCell extends CellAddress {
  level: FindingLevel;
  /** Painted as the suspect cell (host/marks.ts). */
  suspect?: boolean;
  /** The fill before the add-in marked the cell. */
  original: SavedFill;
}

/** What the workbook remembers between a highlight and its clearing. */
export interface MarkRecord {
  version: 1;
  cells: MarkedCell[];
}

export const EMPTY_MARKS: MarkRecord = { version: 1, cells: [] };

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address.toUpperCase()}`;
}

/** A stored record, tolerating a missing or foreign value (a record we cannot read is treated as empty). */
export function parseMarkRecord(value: unknown): MarkRecord {
  const v = typeof value === "string" ? safeJson(value) : value;
  if (!v || typeof v !== "object") return EMPTY_MARKS;
  const cells = (v as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) return EMPTY_MARKS;
  const out: MarkedCell[] = [];
  for (const c of cells) {
    if (!c || typeof c !== "object") continue;
    const { sheet, address, level, suspect, original } = c as Record<string, unknown>;
    if (typeof sheet !== "string" || typeof address !== "string") continue;
    out.push({
      sheet,
      address,
      level: level === "warning" || level === "info" ? level : "error",
      ...(suspect === true ? { suspect: true } : {}),
      original: original && typeof original === "object" ? (original as SavedFill) : { pattern: "None" },
    });
  }
  return { version: 1, cells: out };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Whether a saved fill means "no fill": pattern None, or (colour-only reads below ExcelApi 1.9) white or unknown. */
export function isNoFill(f: SavedFill): boolean {
  if (f.pattern !== undefined) return f.pattern === "None";
  return !f.color || f.color.toUpperCase() === "#FFFFFF" || f.color.toUpperCase() === "WHITE";
}

/** The fill to save from what getCellProperties returned (ExcelApi 1.9). */
export function savedFromCellProperties(fill: SavedFill | undefined): SavedFill {
  if (!fill) return { pattern: "None" };
  const out: SavedFill = {};
  if (fill.color !== undefined) out.color = fill.color;
  if (fill.pattern !== undefined) out.pattern = fill.pattern;
  if (fill.patternColor !== undefined) out.patternColor = fill.patternColor;
  if (fill.tintAndShade !== undefined) out.tintAndShade = fill.tintAndShade;
  if (fill.patternTintAndShade !== undefined) out.patternTintAndShade = fill.patternTintAndShade;
  return out;
}
