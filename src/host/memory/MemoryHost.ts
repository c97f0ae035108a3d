/**
 * A host over a workbook held in memory (read from an .xlsx by the harness server, or built in tests):
 * the same BudgetHost the task pane uses inside Excel. Fills, selection and the 情况说明 sheet live here,
 * so a page can draw them; settings are kept through a small store (the harness keeps them per file in
 * the browser, as Excel keeps them in the workbook).
 */
import { cellsOfRange, parseA1, toA1, type CellAddress } from "../../grid/address";
import type { CellEdit } from "../../grid/edit";
import { formatNumber } from "../../grid/numfmt";
import { cellAt, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../../grid/workbook";
import { editPosition, refusalsOf } from "../edits";
import {
  narrativeTargetSheet,
  newNarrativeSheetName,
  planNarrativeWrite,
  type NarrativeLine,
  type NarrativeRecord,
  type NarrativeSheetState,
  type NarrativeWriteOptions,
} from "../narrativeSheet";
import { MARK_COLORS, markColor } from "../marks";
import { blockCells, fingerprintOf, internalLink, placeReportSheet, planResultSheet, type ReportSheet, type ResultSheetRecord } from "../resultSheet";
import {
  EMPTY_SETTINGS,
  type AddinSettings,
  type BudgetHost,
  type EditResult,
  type HighlightMark,
  type WriteNarrativeResult,
  type WriteResultSheetResult,
} from "../types";

export interface SettingsStore {
  load(): AddinSettings | undefined;
  save(settings: AddinSettings): void;
}

export function memoryStore(initial?: AddinSettings): SettingsStore {
  let kept = initial;
  return { load: () => kept, save: (s) => (kept = s) };
}

function key(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

export class MemoryHost implements BudgetHost {
  readonly kind = "memory" as const;
  readonly canDownload = true;
  /** Fills by "sheet!A1": what the page draws. Cells without an entry have no fill. */
  readonly fills = new Map<string, string>();
  /** Internal hyperlinks by "sheet!A1", as Excel keeps them: "#'Sheet'!A1". */
  readonly links = new Map<string, string>();
  /** Bold cells, "sheet!A1". */
  readonly bold = new Set<string>();
  /** Column widths (in characters) by sheet, where the add-in set them. */
  readonly columnWidths = new Map<string, number[]>();
  /** Notes by "sheet!A1" shown as tooltips while a cell is marked. */
  readonly notes = new Map<string, string>();
  selection: CellAddress | null = null;
  activeSheet: string;
  /** Original fills of the marked cells (undefined: no fill), to restore. */
  private marked = new Map<string, string | undefined>();
  private changeListeners = new Set<() => void>();
  private viewListeners = new Set<() => void>();
  /** Counts of calls, for tests and the harness status line. */
  readonly calls = { read: 0, highlight: 0, clear: 0, select: 0, write: 0, edit: 0, result: 0 };

  constructor(
    public workbook: WorkbookSnapshot,
    private readonly store: SettingsStore = memoryStore(),
    originalFills: Record<string, string> = {},
  ) {
    for (const [k, v] of Object.entries(originalFills)) this.fills.set(k, v);
    this.activeSheet = workbook.sheets[0]?.name ?? "";
  }

  /** Redraw callbacks for a page showing this workbook. */
  subscribe(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  /** Bumped on every change a page should redraw for. */
  version = 0;

  private changed(): void {
    this.version++;
    for (const l of this.viewListeners) l();
  }

  async read(progress?: (done: number, total: number, what: string) => void): Promise<WorkbookSnapshot> {
    this.calls.read++;
    const n = this.workbook.sheets.length;
    this.workbook.sheets.forEach((s, i) => progress?.(i + 1, n, s.name));
    // a copy: the engine's snapshot must not change when the user edits the page afterwards
    return { name: this.workbook.name, sheets: this.workbook.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => [...r]) })) };
  }

  async highlight(marks: HighlightMark[]): Promise<void> {
    this.calls.highlight++;
    this.restore();
    for (const m of marks) {
      for (const address of cellsOfRange(m.address)) {
        const k = key(m.sheet, address);
        if (!this.marked.has(k)) this.marked.set(k, this.fills.get(k));
        this.fills.set(k, markColor(m));
        this.notes.set(k, m.messages.join("\n"));
      }
    }
    this.changed();
  }

  private restore(): number {
    const n = this.marked.size;
    for (const [k, original] of this.marked) {
      if (original === undefined) this.fills.delete(k);
      else this.fills.set(k, original);
      this.notes.delete(k);
    }
    this.marked.clear();
    return n;
  }

  async clearHighlights(): Promise<number> {
    this.calls.clear++;
    const n = this.restore();
    this.changed();
    return n;
  }

  isMarked(sheet: string, address: string): boolean {
    return this.marked.has(key(sheet, address));
  }

  async select(cells: CellAddress[]): Promise<void> {
    this.calls.select++;
    const first = cells[0];
    if (!first) return;
    if (!this.workbook.sheets.some((s) => s.name === first.sheet)) throw new Error(`工作表「${first.sheet}」不存在`);
    this.activeSheet = first.sheet;
    this.selection = { sheet: first.sheet, address: first.address };
    this.changed();
  }

  /** The page's own selection (a click on the grid). */
  selectFromPage(sel: CellAddress): void {
    this.activeSheet = sel.sheet;
    this.selection = sel;
    this.changed();
  }

  activate(sheet: string): void {
    this.activeSheet = sheet;
    this.changed();
  }

  async getSelection(): Promise<CellAddress | null> {
    return this.selection;
  }

  async writeNarrative(lines: NarrativeLine[], options: NarrativeWriteOptions = {}): Promise<WriteNarrativeResult> {
    this.calls.write++;
    const previous = (await this.loadSettings()).narrative;
    const names = this.workbook.sheets.map((s) => s.name);
    let target = narrativeTargetSheet(previous, names);
    let plan = planNarrativeWrite(lines, this.sheetState(target), previous, options, target);
    if (plan.kind === "occupied" && options.existing === "newSheet") {
      target = newNarrativeSheetName(names);
      plan = planNarrativeWrite(lines, this.sheetState(target), previous, options, target);
    }
    if (plan.kind === "occupied") return { status: "occupied", sheet: target, cells: plan.cells };
    if (plan.kind === "conflict") return { status: "edited", sheet: target, editedCells: plan.editedCells };
    const existing = this.workbook.sheets.find((s) => s.name === target);
    const sheet = existing ?? this.addSheet(target);
    for (const c of plan.cells) {
      const { row, col } = parseA1(c.address);
      setCell(sheet, row, col, c.value === "" ? null : { value: c.value, text: c.value });
    }
    this.narrativeRecord = plan.record;
    this.changed();
    const last = plan.record.top + Math.max(plan.record.texts.length, 1) - 1;
    return {
      status: "written",
      sheet: target,
      range: `${toA1(plan.record.top, plan.record.column)}:${toA1(last, plan.record.column)}`,
      sheetCreated: existing === undefined,
    };
  }

  /** The 审核结果 sheet: replaces the add-in's own of last time when unchanged, else writes 审核结果（2）…; the officer's sheets are kept. */
  async writeResultSheet(content: ReportSheet): Promise<WriteResultSheetResult> {
    this.calls.result++;
    const placed = placeReportSheet(content);
    const previous = this.store.load()?.resultSheet;
    const recorded = previous && this.workbook.sheets.find((s) => s.name === previous.sheet);
    const current = recorded
      ? fingerprintOf(recorded.cells.flatMap((row, r) => blockCells([row.map((c) => c?.text ?? "")], recorded.top + r, recorded.left)))
      : undefined;
    const plan = planResultSheet(
      previous,
      this.workbook.sheets.map((s) => ({ name: s.name, protected: s.protected })),
      current,
    );
    const sheet = plan.replace ? this.clearSheet(plan.sheet) : this.addSheet(plan.sheet);
    for (const c of placed.cells) {
      setCell(sheet, c.row, c.col, { value: c.value, text: c.text });
      const k = key(sheet.name, toA1(c.row, c.col));
      if (c.bold) this.bold.add(k);
      if (c.level) this.fills.set(k, MARK_COLORS[c.level]);
      if (c.link) this.links.set(k, `#${internalLink(c.link)}`);
    }
    this.columnWidths.set(sheet.name, [...content.widths]);
    this.resultRecord = { sheet: sheet.name, fingerprint: fingerprintOf(placed.cells) };
    this.changed();
    return plan.kept ? { sheet: plan.sheet, replaced: plan.replace, kept: plan.kept } : { sheet: plan.sheet, replaced: plan.replace };
  }

  /** Empties a sheet the add-in wrote: its cells and what the add-in put on them (fills, links, bold). */
  private clearSheet(name: string): SheetSnapshot {
    const sheet = this.workbook.sheets.find((s) => s.name === name)!;
    Object.assign(sheet, { top: 0, left: 0, cells: [], merges: [] });
    const prefix = `${name}!`;
    for (const m of [this.fills, this.links, this.notes]) for (const k of [...m.keys()]) if (k.startsWith(prefix) && !this.marked.has(k)) m.delete(k);
    for (const k of [...this.bold]) if (k.startsWith(prefix)) this.bold.delete(k);
    return sheet;
  }

  /** The 情况说明 sheet's text as planNarrativeWrite reads it (a sheet of that name may not exist). */
  private sheetState(name: string): NarrativeSheetState {
    const sheet = this.workbook.sheets.find((s) => s.name === name);
    const textCells = () =>
      (sheet?.cells ?? []).flatMap((line, r) => line.flatMap((c, k) => (c && c.text.trim() !== "" ? [{ row: sheet!.top + r, col: sheet!.left + k }] : [])));
    return {
      exists: sheet !== undefined,
      bottom: sheet ? lastUsedRow(sheet) : -1,
      textAt: (row, col) => (sheet ? (cellAt(sheet, row, col)?.text ?? "") : ""),
      textCells,
    };
  }

  private addSheet(name: string): SheetSnapshot {
    const sheet: SheetSnapshot = { name, top: 0, left: 0, cells: [], merges: [], hiddenRows: [], hiddenCols: [] };
    this.workbook.sheets.push(sheet);
    return sheet;
  }

  /** A user's edit on the page: changes the cell and tells the change listeners (live re-check). */
  editCell(sheetName: string, address: string, text: string): void {
    const sheet = this.workbook.sheets.find((s) => s.name === sheetName);
    if (!sheet) return;
    const { row, col } = parseA1(address);
    const trimmed = text.trim();
    const number = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
    const old = cellAt(sheet, row, col);
    setCell(
      sheet,
      row,
      col,
      trimmed === ""
        ? null
        : { ...(old ?? {}), value: number ?? text, text: number !== null && old?.numFmt ? formatLike(trimmed, old.text) : text, formula: undefined },
    );
    this.changed();
    for (const l of this.changeListeners) l();
  }

  /**
   * Writes accepted edits, all or none (see BudgetHost.applyEdits): a number keeps the cell's number format
   * (its shown text formatted with it), a text replaces the cell's text. The page redraws; the change
   * listeners are not called (the add-in's own write).
   */
  async applyEdits(edits: CellEdit[]): Promise<EditResult> {
    this.calls.edit++;
    const sheetOf = (name: string) => this.workbook.sheets.find((s) => s.name === name);
    const refused = refusalsOf(edits, (e) => {
      const sheet = sheetOf(e.sheet);
      const p = editPosition(e)!;
      if (!sheet) return undefined;
      const cell = cellAt(sheet, p.row, p.col);
      return { exists: true, protected: Boolean(sheet.protected), formula: cell?.formula !== undefined, text: cell?.text ?? "" };
    });
    if (refused.length) return { status: "refused", refused };
    for (const e of edits) {
      const sheet = sheetOf(e.sheet)!;
      const { row, col } = editPosition(e)!;
      const old = cellAt(sheet, row, col);
      const numFmt = old?.numFmt;
      const text = typeof e.after === "number" ? formatNumber(e.after, numFmt) : e.after;
      setCell(sheet, row, col, e.after === "" ? null : { value: e.after, text, ...(numFmt ? { numFmt } : {}) });
    }
    this.changed();
    return { status: "written", count: edits.length };
  }

  /** What writeNarrative wrote last; kept with the settings, changed only by writeNarrative. */
  private get narrativeRecord(): NarrativeRecord | undefined {
    return this.store.load()?.narrative;
  }

  private set narrativeRecord(record: NarrativeRecord | undefined) {
    this.store.save({ ...EMPTY_SETTINGS, ...this.store.load(), narrative: record });
  }

  /** What writeResultSheet wrote last; kept with the settings, changed only by writeResultSheet. */
  private get resultRecord(): ResultSheetRecord | undefined {
    return this.store.load()?.resultSheet;
  }

  private set resultRecord(record: ResultSheetRecord | undefined) {
    this.store.save({ ...EMPTY_SETTINGS, ...this.store.load(), resultSheet: record });
  }

  async loadSettings(): Promise<AddinSettings> {
    const s = this.store.load();
    return s ? { ...EMPTY_SETTINGS, ...s } : { ...EMPTY_SETTINGS };
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    const { narrative: _ignored, resultSheet: _result, ...rest } = settings;
    void _ignored;
    void _result;
    this.store.save({ ...rest, narrative: this.narrativeRecord, resultSheet: this.resultRecord });
  }

  async onUserChange(listener: () => void): Promise<() => void> {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
}

/** A number typed over a cell keeps the cell's number of decimals as its shown text (a 0.00 cell shows 12.30). */
function formatLike(typed: string, oldText: string): string {
  const m = /\.(\d+)$/.exec(oldText.replace(/,/g, ""));
  const decimals = m ? m[1].length : 0;
  const [int, frac = ""] = typed.split(".");
  return decimals === 0 ? typed : `${int}.${(frac + "0".repeat(decimals)).slice(0, Math.max(decimals, frac.length))}`;
}

function lastUsedRow(sheet: SheetSnapshot): number {
  for (let i = sheet.cells.length - 1; i >= 0; i--) if (sheet.cells[i].some((c) => c !== null && c.text !== "")) return sheet.top + i;
  return -1;
}

/** Sets a cell, growing the sheet's grid (which starts at top/left) as needed. */
function setCell(sheet: SheetSnapshot, row: number, col: number, cell: Cell | null): void {
  if (sheet.cells.length === 0) {
    sheet.top = row;
    sheet.left = col;
  }
  if (row < sheet.top) {
    sheet.cells.unshift(...Array.from({ length: sheet.top - row }, () => [] as (Cell | null)[]));
    sheet.top = row;
  }
  if (col < sheet.left) {
    const add = sheet.left - col;
    for (const r of sheet.cells) r.unshift(...Array<Cell | null>(add).fill(null));
    sheet.left = col;
  }
  while (sheet.cells.length <= row - sheet.top) sheet.cells.push([]);
  const line = sheet.cells[row - sheet.top];
  while (line.length <= col - sheet.left) line.push(null);
  line[col - sheet.left] = cell;
}
