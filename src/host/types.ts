/**
 * What the task pane and the ribbon commands need from a host, whatever holds the workbook: Excel
 * through Office.js (src/host/excel) or a workbook in memory read from an .xlsx file (src/host/memory,
 * the browser harness). The engine never sees a host; it sees the WorkbookSnapshot a host reads.
 */
import type { CellAddress } from "../grid/address";
import type { CellEdit } from "../grid/edit";
import type { ProfileId } from "../model/profiles";
import type { WorkbookSnapshot } from "../grid/workbook";
import type { MappingOverride } from "../model/mapping";
import type { FindingLevel } from "../rules/types";
import type { NarrativeLine, NarrativeRecord, NarrativeWriteOptions } from "./narrativeSheet";
import type { ReportSheet, ResultSheetRecord } from "./resultSheet";

export type { MappingOverride, CellEdit };
export type { ExistingText, NarrativeWriteOptions } from "./narrativeSheet";

/** Why an accepted edit was not written: the cell holds a formula, no longer shows what the check read, is on a protected sheet, or does not exist. */
export type EditRefusal = { cell: CellAddress; reason: "formula" | "changed" | "protected" | "missing" };

/** Every edit written, or none (with the reason of each cell refused). */
export type EditResult = { status: "written"; count: number } | { status: "refused"; refused: EditRefusal[] };

/** One cell to mark, with the worst level of the findings on it and their messages (for a note/tooltip). */
export interface HighlightMark extends CellAddress {
  level: FindingLevel;
  messages: string[];
  /** The cell an error's failing equations point at (its suspect): painted in its own colour (host/marks.ts). */
  suspect?: boolean;
}

/** A 提示 finding the officer checked and explained (核实说明); it is listed apart and not marked again. */
export interface ConfirmedFinding {
  key: string;
  ruleId: string;
  message: string;
  explanation: string;
  /** ISO date of the confirmation. */
  at: string;
}

/** Prior-year figures as entered or imported: the JSON format of src/narrative/prior.ts (amounts in 万元, as strings). */
export type PriorYearJson = Record<string, unknown>;

/** Everything the add-in keeps in the workbook, so that it travels with the file. */
export interface AddinSettings {
  mapping: MappingOverride[];
  confirmed: ConfirmedFinding[];
  prior?: PriorYearJson;
  style?: "hebei" | "henan" | "final";
  /** The document family the officer chose to check under (model/profiles.ts); absent: chosen from the workbook. */
  profile?: ProfileId;
  liveCheck?: boolean;
  language?: "zh" | "en";
  /** Reasons the officer wrote into the generated narrative's slots, by slot key (section and item). */
  reasons?: Record<string, string>;
  /** What the add-in last wrote into the 情况说明 sheet (src/host/narrativeSheet.ts). */
  narrative?: NarrativeRecord;
  /** What the add-in last wrote into its 审核结果 sheet (src/host/resultSheet.ts); only writeResultSheet changes it. */
  resultSheet?: ResultSheetRecord;
}

export const EMPTY_SETTINGS: AddinSettings = { mapping: [], confirmed: [] };

export type WriteNarrativeResult =
  /** Written into `sheet` (情况说明, or the new sheet the officer chose); `sheetCreated` when the sheet did not exist. */
  | { status: "written"; sheet: string; range: string; sheetCreated: boolean }
  /** Not written: the user edited text the add-in wrote last time; the cells are listed. Call again with replaceEdited. */
  | { status: "edited"; sheet: string; editedCells: string[] }
  /** Not written: the sheet holds text the add-in did not write (these cells). Call again with `existing`: her choice. */
  | { status: "occupied"; sheet: string; cells: string[] };

/**
 * Where writeResultSheet wrote: `replaced` when it rewrote its own sheet of last time; `kept`: a sheet of the
 * name that is the officer's (not written by the add-in, or edited since) and was left as it is.
 */
export interface WriteResultSheetResult {
  sheet: string;
  replaced: boolean;
  kept?: string;
}

export interface ReadProgress {
  (done: number, total: number, what: string): void;
}

export interface BudgetHost {
  /** "excel" inside Excel; "memory" in the browser harness and in tests. */
  readonly kind: "excel" | "memory";
  /** The whole workbook as a snapshot (Excel: at most 2 syncs). */
  read(progress?: ReadProgress): Promise<WorkbookSnapshot>;
  /** Removes the previous marks (restoring the original fills), then marks these cells. */
  highlight(marks: HighlightMark[]): Promise<void>;
  /** Restores the original fills of every marked cell; returns how many cells were restored. */
  clearHighlights(): Promise<number>;
  /** Activates the sheet of the first cell and selects the cells. */
  select(cells: CellAddress[]): Promise<void>;
  /** The current selection (for "assign the selection to table kind …"). */
  getSelection(): Promise<CellAddress | null>;
  /**
   * Writes the narrative into the 情况说明 sheet (created if missing; or the sheet the add-in wrote into
   * last time), replacing only what the add-in wrote before. Text it did not write is never lost without
   * the officer's choice: without `existing` such a sheet is not written ("occupied").
   */
  writeNarrative(lines: NarrativeLine[], options?: NarrativeWriteOptions): Promise<WriteNarrativeResult>;
  /**
   * Writes the findings' sheet (审核结果) built by reportRows: replaces the sheet the add-in wrote last time if
   * it still holds what was written, else adds 审核结果（2）…; marks, selection and the officer's sheets are left
   * as they are, and the write is not reported to onUserChange.
   */
  writeResultSheet(sheet: ReportSheet): Promise<WriteResultSheetResult>;
  /** Whether the task pane can download a file (Blob and a download link); not in Excel on Mac and iPad. */
  readonly canDownload: boolean;
  loadSettings(): Promise<AddinSettings>;
  /** Saves the settings in the workbook. `narrative` and `resultSheet` are not taken from them: only their writers change those records. */
  saveSettings(settings: AddinSettings): Promise<void>;
  /**
   * Writes the edits as one batch (one sync in Excel) — all or none: refused when any cell holds a formula, no longer shows `before`, is on a
   * protected sheet, or does not exist. Never touches a formula cell. Not reported to onUserChange listeners (the add-in's own write).
   */
  applyEdits(edits: CellEdit[]): Promise<EditResult>;
  /** Calls `listener` after the user changes cells (the add-in's own writes are not reported); returns an unsubscribe function. */
  onUserChange(listener: () => void): Promise<() => void>;
}
