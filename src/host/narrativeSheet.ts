/**
 * Where and what to write when the add-in puts its 情况说明 into the workbook: one place for the
 * decision, used by every host. The add-in writes one line per cell down one column and remembers what
 * it wrote (in the workbook settings); next time it rewrites only those cells, keeps everything else in
 * the sheet, and stops to ask when the user has edited one of them or when the longer text would cover
 * the user's own cells.
 */
import { toA1 } from "../grid/address";

export const NARRATIVE_SHEET_NAME = "情况说明";

/** One line of the 情况说明 sheet as the add-in writes it (a heading or a paragraph). */
export interface NarrativeLine {
  heading: boolean;
  text: string;
}

/** What the add-in wrote last time: lines at rows top, top+1, … of one column (0-based). */
export interface NarrativeRecord {
  sheet: string;
  column: number;
  top: number;
  texts: string[];
}

export interface NarrativeSheetState {
  /** Whether the sheet exists. */
  exists: boolean;
  /** Last used row (0-based), or -1 for an empty sheet. */
  bottom: number;
  /** The shown text of a cell in the sheet ("" when blank). */
  textAt(row: number, col: number): string;
}

export type NarrativePlan =
  { kind: "write"; record: NarrativeRecord; cells: { address: string; value: string }[] } | { kind: "conflict"; editedCells: string[] };

export function lineText(l: NarrativeLine): string {
  return l.text;
}

/**
 * The cells to write (new lines, and "" for lines written last time and now gone), or the cells the
 * user edited / would lose. With `replaceEdited`, the plan writes anyway.
 */
export function planNarrativeWrite(
  lines: NarrativeLine[],
  state: NarrativeSheetState,
  previous: NarrativeRecord | undefined,
  replaceEdited = false,
  sheet = NARRATIVE_SHEET_NAME,
): NarrativePlan {
  const texts = lines.map(lineText);
  const usable = previous && previous.sheet === sheet && state.exists ? previous : undefined;
  // a new block goes to A1 of an empty sheet, or below the user's text after one blank row
  const column = usable ? usable.column : 0;
  const top = usable ? usable.top : state.bottom < 0 ? 0 : state.bottom + 2;
  const before = usable ? usable.texts : [];
  const conflicts: string[] = [];
  const span = Math.max(before.length, texts.length);
  for (let i = 0; i < span; i++) {
    const now = state.exists ? state.textAt(top + i, column) : "";
    const ours = i < before.length ? before[i] : "";
    if (now !== ours && now.trim() !== "") conflicts.push(toA1(top + i, column));
  }
  if (conflicts.length > 0 && !replaceEdited) return { kind: "conflict", editedCells: conflicts };
  const cells: { address: string; value: string }[] = [];
  for (let i = 0; i < span; i++) {
    const value = i < texts.length ? texts[i] : "";
    const now = state.exists ? state.textAt(top + i, column) : "";
    if (value !== now) cells.push({ address: toA1(top + i, column), value });
  }
  return { kind: "write", record: { sheet, column, top, texts }, cells };
}
