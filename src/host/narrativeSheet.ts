/**
 * Where and what to write when the add-in puts its 情况说明 into the workbook: one place for the
 * decision, used by every host. The add-in writes one line per cell down one column and remembers what
 * it wrote (in the workbook settings); next time it rewrites only those cells, keeps everything else in
 * the sheet, and stops to ask when the user has edited one of them or when the longer text would cover
 * the user's own cells. A sheet holding text the add-in did not write (the officer's own 情况说明) is
 * never written without her choice (ExistingText): replace her text, append below it, or write into a
 * new sheet beside it; the record then follows the add-in's text wherever it went.
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
  /** Every cell of the sheet holding text, 0-based, row by row. */
  textCells(): { row: number; col: number }[];
}

/**
 * What to do with text the add-in did not write in the sheet it would write to (the officer's choice):
 * "replace" clears it and writes from A1, "append" writes below it after a blank row, "newSheet" writes
 * into a new sheet (newNarrativeSheetName) and leaves it alone.
 */
export type ExistingText = "replace" | "append" | "newSheet";

export interface NarrativeWriteOptions {
  /** Write over lines the officer edited in the add-in's own block (after she said so). */
  replaceEdited?: boolean;
  /** What to do with the officer's own text in the sheet; without it, such text stops the write (occupied). */
  existing?: ExistingText;
}

export type NarrativePlan =
  | { kind: "write"; record: NarrativeRecord; cells: { address: string; value: string }[] }
  | { kind: "conflict"; editedCells: string[] }
  /** The sheet holds text the add-in did not write (these cells) and no choice was given, or "newSheet" was. */
  | { kind: "occupied"; cells: string[] };

export function lineText(l: NarrativeLine): string {
  return l.text;
}

/** The sheet to write to: the one the add-in wrote into last time while it is there, else 情况说明. */
export function narrativeTargetSheet(previous: NarrativeRecord | undefined, sheetNames: string[]): string {
  return previous && sheetNames.includes(previous.sheet) ? previous.sheet : NARRATIVE_SHEET_NAME;
}

/** A name for a new sheet beside the officer's 情况说明: 情况说明（2）, 情况说明（3）… (Excel compares names without case). */
export function newNarrativeSheetName(sheetNames: string[]): string {
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  for (let i = 2; ; i++) {
    const name = `${NARRATIVE_SHEET_NAME}（${i}）`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The cells to write (new lines, and "" for lines written last time and now gone, or for the officer's
 * text she chose to replace), or the cells the user edited / would lose, or the officer's own text that
 * needs her choice. With `replaceEdited`, edited lines are written over.
 */
export function planNarrativeWrite(
  lines: NarrativeLine[],
  state: NarrativeSheetState,
  previous: NarrativeRecord | undefined,
  options: NarrativeWriteOptions = {},
  sheet = NARRATIVE_SHEET_NAME,
): NarrativePlan {
  const texts = lines.map(lineText);
  const usable = previous && previous.sheet === sheet && state.exists ? previous : undefined;
  // text the add-in did not write, in a sheet it has no block in: the officer's; she chooses
  const foreign = !usable && state.exists && state.bottom >= 0;
  if (foreign && options.existing !== "replace" && options.existing !== "append")
    return { kind: "occupied", cells: state.textCells().map((c) => toA1(c.row, c.col)) };
  const replacing = foreign && options.existing === "replace";
  // a new block goes to A1 of an empty sheet (or one whose text is replaced), or below the officer's text after one blank row
  const column = usable ? usable.column : 0;
  const top = usable ? usable.top : replacing || state.bottom < 0 ? 0 : state.bottom + 2;
  const before = usable ? usable.texts : [];
  const textAt = (row: number, col: number) => (state.exists ? state.textAt(row, col) : "");
  const span = Math.max(before.length, texts.length);
  const conflicts: string[] = [];
  for (let i = 0; i < span && !replacing; i++) {
    const now = textAt(top + i, column);
    const ours = i < before.length ? before[i] : "";
    if (now !== ours && now.trim() !== "") conflicts.push(toA1(top + i, column));
  }
  if (conflicts.length > 0 && !options.replaceEdited) return { kind: "conflict", editedCells: conflicts };
  const cells: { address: string; value: string }[] = [];
  for (let i = 0; i < span; i++) {
    const value = i < texts.length ? texts[i] : "";
    if (value !== textAt(top + i, column)) cells.push({ address: toA1(top + i, column), value });
  }
  if (replacing) for (const c of state.textCells()) if (c.col !== column || c.row >= top + texts.length) cells.push({ address: toA1(c.row, c.col), value: "" });
  return { kind: "write", record: { sheet, column, top, texts }, cells };
}
