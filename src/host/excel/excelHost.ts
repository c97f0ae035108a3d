/**
 * The Excel host: BudgetHost over Office.js. The only module of the add-in that calls Excel.
 *
 * Round trips (context.sync) per call, whatever the size of the workbook:
 * - read: 2 — the sheet list, then every sheet's used range (values, text, formulas, number formats,
 *   value types), hidden rows/columns (ExcelApi 1.9) and merged areas (ExcelApi 1.13) in one batch.
 *   If that batch fails (Excel on the web refuses a response over 5 MB or a read over 5 million
 *   cells; a merged-area query fails beyond 512 areas), the read is redone split: one sync for the
 *   used-range sizes, then row chunks grouped into batches of at most `chunkCells` cells (one sync each).
 * - highlight: 2 — read the saved record, the sheets' protection and the fills of the cells to mark;
 *   then restore the previous marks that are gone, save the new record and paint, in one batch.
 * - clearHighlights: 2 (1 when nothing is marked). select, getSelection, loadSettings, saveSettings: 1.
 * - writeNarrative: 2 — read the previous record, the sheet names and the 情况说明 sheet's text (when the
 *   sheet does not exist this batch fails with ItemNotFound, which is the answer), then write; 3 when the
 *   add-in's text is in another sheet (the new sheet the officer chose once), whose text is read apart.
 *
 * Stored in the workbook through its settings (Excel.SettingCollection, ExcelApi 1.4: the same store
 * as Office.context.document.settings, saved with the file, read and written inside the same batches as
 * the ranges, so no extra round trip and no saveAsync): the add-in settings, the narrative record and
 * the record of the fills under the marks. Values are stored as JSON text.
 */
import { cellsOfRange, rangeToA1, type CellAddress } from "../../grid/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../grid/workbook";
import {
  NARRATIVE_SHEET_NAME,
  narrativeTargetSheet,
  newNarrativeSheetName,
  planNarrativeWrite,
  type NarrativeLine,
  type NarrativePlan,
  type NarrativeRecord,
  type NarrativeSheetState,
  type NarrativeWriteOptions,
} from "../narrativeSheet";
import { EMPTY_SETTINGS, type AddinSettings, type BudgetHost, type HighlightMark, type ReadProgress, type WriteNarrativeResult } from "../types";
import { LEVEL_ORDER, type FindingLevel } from "../../rules/types";
import { cellsFromBlocks, localAddress, parseAreasAddress, rowChunks, type LoadedBlock } from "./cells";
import { cellKey, isNoFill, MARK_COLORS, parseMarkRecord, savedFromCellProperties, type MarkedCell, type MarkRecord, type SavedFill } from "./fills";

export const SETTINGS_KEY = "BudgetChecker.settings";
export const NARRATIVE_KEY = "BudgetChecker.narrative";
export const MARKS_KEY = "BudgetChecker.marks";

/**
 * Access to Office.js collections, in one place: office-addin-mock cannot load `items/…` of a
 * collection, so tests pass their own. Queues the load of the worksheets' properties (paths relative to
 * a worksheet, e.g. "protection/protected") and returns a getter for the items, valid after the next sync.
 */
export interface CollectionAccess {
  worksheets(context: Excel.RequestContext, props: string[]): () => Excel.Worksheet[];
}

export const officeCollections: CollectionAccess = {
  worksheets(context, props) {
    const collection = context.workbook.worksheets;
    collection.load(props.map((p) => `items/${p}`).join(","));
    return () => collection.items;
  },
};

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.run on an existing context (needed to remove event handlers). */
export type ExcelRunWith = <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Excel.run, or a test double. */
  run?: ExcelRun;
  /** Excel.run(context, batch), or a test double. */
  runWith?: ExcelRunWith;
  /** Whether an ExcelApi requirement set (e.g. "1.9") is supported; default Office.context.requirements. */
  supports?: (version: string) => boolean;
  collections?: CollectionAccess;
  now?: () => number;
  /** Most cells per batch when a read has to be split (default 50,000, about 4 MB). */
  chunkCells?: number;
}

const CONTENT = ["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "text", "formulas", "numberFormat", "valueTypes"];
const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };
/** How long after its own write the add-in ignores change events on the cells it wrote. */
const OWN_WRITE_WINDOW_MS = 5000;

interface SheetRead {
  name: string;
  hidden: boolean;
  protected: boolean;
  blocks: LoadedBlock[];
  hiddenRows: number[];
  hiddenCols: number[];
  merges: SheetSnapshot["merges"];
}

function defaultSupports(version: string): boolean {
  return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", version));
}

function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

function defaultRunWith<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(context, batch);
}

function errorCode(e: unknown): string | undefined {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const ABSENT_SHEET: NarrativeSheetState = { exists: false, bottom: -1, textAt: () => "", textCells: () => [] };

/**
 * One sync: a sheet's text as planNarrativeWrite reads it, and (`withRecord`: through these collections) the
 * add-in's narrative record and the sheet names. A missing sheet fails the batch with ItemNotFound, which is the answer: the sheet
 * is absent, and what else the batch loaded is unknown (no record, no names: the 情况说明 sheet is free).
 */
async function readNarrativeSheet(
  context: Excel.RequestContext,
  name: string,
  withRecord?: CollectionAccess,
): Promise<{ state: NarrativeSheetState; previous?: NarrativeRecord; names: string[] }> {
  const stored = withRecord ? context.workbook.settings.getItemOrNullObject(NARRATIVE_KEY) : undefined;
  stored?.load("value");
  const sheetsOf = withRecord?.worksheets(context, ["name"]);
  const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
  used.load(["rowIndex", "columnIndex", "text"]);
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
    return { state: ABSENT_SHEET, names: [] }; // the failed batch only read, nothing was changed
  }
  const text: string[][] = used.text;
  const top0 = used.rowIndex;
  const left0 = used.columnIndex;
  const cells: { row: number; col: number }[] = [];
  text.forEach((row, r) => row.forEach((t, c) => t.trim() !== "" && cells.push({ row: top0 + r, col: left0 + c })));
  const state: NarrativeSheetState = {
    exists: true,
    bottom: text.reduce((b, row, r) => (row.some((t) => t !== "") ? top0 + r : b), -1),
    textAt: (row, col) => text[row - top0]?.[col - left0] ?? "",
    textCells: () => cells,
  };
  const record = stored && !stored.isNullObject ? (parseJson(stored.value) as NarrativeRecord | undefined) : undefined;
  const previous = record && typeof record === "object" && Array.isArray(record.texts) && typeof record.sheet === "string" ? record : undefined;
  return { state, previous, names: sheetsOf ? sheetsOf().map((w) => w.name) : [] };
}

function blockOf(r: Excel.Range, rowIndex = r.rowIndex, columnIndex = r.columnIndex): LoadedBlock {
  return { rowIndex, columnIndex, values: r.values, text: r.text, formulas: r.formulas, numberFormat: r.numberFormat, valueTypes: r.valueTypes as string[][] };
}

export class ExcelHost implements BudgetHost {
  readonly kind = "excel" as const;
  private readonly run: ExcelRun;
  private readonly runWith: ExcelRunWith;
  private readonly supports: (version: string) => boolean;
  private readonly collections: CollectionAccess;
  private readonly now: () => number;
  private readonly chunkCells: number;
  /** Cells the add-in wrote recently (for onUserChange), with the time until which their events are ignored. */
  private ownWrites: { cells: Set<string>; until: number }[] = [];

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.runWith = options.runWith ?? defaultRunWith;
    this.supports = options.supports ?? defaultSupports;
    this.collections = options.collections ?? officeCollections;
    this.now = options.now ?? Date.now;
    this.chunkCells = options.chunkCells ?? 50_000;
  }

  // ---------------------------------------------------------------- read

  async read(progress?: ReadProgress): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      workbook.load("name");
      const sheetsOf = this.collections.worksheets(context, ["name", "visibility", "protection/protected"]);
      await context.sync();
      const sheets = sheetsOf();
      progress?.(0, sheets.length, "读取工作表");
      let reads: SheetRead[];
      try {
        reads = await this.readWhole(context, sheets);
      } catch {
        reads = await this.readSplit(context, sheets, progress);
      }
      const out: SheetSnapshot[] = reads.map((s, i) => {
        const { top, left, cells } = cellsFromBlocks(s.blocks);
        progress?.(i + 1, reads.length, s.name);
        return {
          name: s.name,
          top,
          left,
          cells,
          merges: s.merges,
          hiddenRows: s.hiddenRows,
          hiddenCols: s.hiddenCols,
          hidden: s.hidden,
          protected: s.protected,
        };
      });
      return { name: workbook.name || "工作簿", sheets: out };
    });
  }

  private sheetRead(ws: Excel.Worksheet): SheetRead {
    return {
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      protected: Boolean(ws.protection?.protected),
      blocks: [],
      hiddenRows: [],
      hiddenCols: [],
      merges: [],
    };
  }

  /** Queues hidden rows/columns (ExcelApi 1.9) of a range; the returned function reads them after the sync. */
  private queueHidden(range: Excel.Range, rows: boolean, cols: boolean): (s: SheetRead) => void {
    if (!this.supports("1.9")) return () => undefined;
    const r = rows ? range.getRowProperties({ rowIndex: true, rowHidden: true }) : undefined;
    const c = cols ? range.getColumnProperties({ columnIndex: true, columnHidden: true }) : undefined;
    return (s) => {
      for (const p of r?.value ?? []) if (p.rowHidden && p.rowIndex !== undefined) s.hiddenRows.push(p.rowIndex);
      for (const p of c?.value ?? []) if (p.columnHidden && p.columnIndex !== undefined) s.hiddenCols.push(p.columnIndex);
    };
  }

  /** Queues the merged areas of a sheet (ExcelApi 1.13; below it recognition does without merges). */
  private queueMerges(ws: Excel.Worksheet): (s: SheetRead) => void {
    if (!this.supports("1.13")) return () => undefined;
    const areas = ws.getRange().getMergedAreasOrNullObject();
    areas.load("address");
    return (s) => {
      if (!areas.isNullObject) s.merges = parseAreasAddress(areas.address);
    };
  }

  /** Every sheet in one batch (one sync). */
  private async readWhole(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<SheetRead[]> {
    const queued = sheets.map((ws) => {
      const used = ws.getUsedRange(true); // the top-left cell when the sheet is blank; never throws
      used.load(CONTENT);
      const hidden = this.queueHidden(used, true, true);
      const merges = this.queueMerges(ws);
      return { ws, used, hidden, merges };
    });
    await context.sync();
    return queued.map(({ ws, used, hidden, merges }) => {
      const s = this.sheetRead(ws);
      s.blocks.push(blockOf(used));
      hidden(s);
      merges(s);
      return s;
    });
  }

  /** The split read: the used ranges' sizes (one sync), then row chunks in batches of at most chunkCells cells. */
  private async readSplit(context: Excel.RequestContext, sheets: Excel.Worksheet[], progress?: ReadProgress): Promise<SheetRead[]> {
    const sizes = sheets.map((ws) => {
      const used = ws.getUsedRange(true);
      used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return used;
    });
    await context.sync();
    const reads = sheets.map((ws) => this.sheetRead(ws));
    type Job = { sheet: number; start: number; count: number; first: boolean };
    const batches: Job[][] = [];
    let batch: Job[] = [];
    let cells = 0;
    sizes.forEach((u, sheet) => {
      rowChunks(u.rowCount, u.columnCount, this.chunkCells).forEach((c, i) => {
        const n = c.count * u.columnCount;
        if (batch.length > 0 && cells + n > this.chunkCells) {
          batches.push(batch);
          batch = [];
          cells = 0;
        }
        batch.push({ sheet, start: c.start, count: c.count, first: i === 0 });
        cells += n;
      });
    });
    if (batch.length > 0) batches.push(batch);
    let withMerges = true;
    for (let b = 0; b < batches.length; b++) {
      const queue = (merges: boolean) =>
        batches[b].map((job) => {
          const u = sizes[job.sheet];
          const ws = sheets[job.sheet];
          const range = ws.getRangeByIndexes(u.rowIndex + job.start, u.columnIndex, job.count, u.columnCount);
          range.load(CONTENT);
          const hidden = this.queueHidden(range, true, job.first);
          const merged = merges && job.first ? this.queueMerges(ws) : () => undefined;
          return { job, range, hidden, merged };
        });
      let queued = queue(withMerges);
      try {
        await context.sync();
      } catch (e) {
        if (!withMerges) throw e;
        withMerges = false; // a sheet with more than 512 merged areas: read on without merges
        queued = queue(false);
        await context.sync();
      }
      for (const { job, range, hidden, merged } of queued) {
        const s = reads[job.sheet];
        s.blocks.push(blockOf(range, sizes[job.sheet].rowIndex + job.start, sizes[job.sheet].columnIndex));
        hidden(s);
        merged(s);
      }
      progress?.(b + 1, batches.length, "分块读取");
    }
    return reads;
  }

  // ---------------------------------------------------------------- marks

  async highlight(marks: HighlightMark[]): Promise<void> {
    const full = this.supports("1.9");
    const wanted = new Map<string, { sheet: string; address: string; level: FindingLevel }>();
    for (const m of marks) {
      for (const address of cellsOfRange(localAddress(m.address))) {
        const key = cellKey(m.sheet, address);
        const had = wanted.get(key);
        if (!had || LEVEL_ORDER[m.level] < LEVEL_ORDER[had.level]) wanted.set(key, { sheet: m.sheet, address, level: m.level });
      }
    }
    await this.run(async (context) => {
      const stored = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
      stored.load("value");
      const sheetsOf = this.collections.worksheets(context, ["name", "protection/protected", "protection/options/allowFormatCells"]);
      const sheetCache = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => {
        let ws = sheetCache.get(name);
        if (!ws) sheetCache.set(name, (ws = context.workbook.worksheets.getItem(name)));
        return ws;
      };
      const reads = [...wanted.entries()].map(([key, w]) => {
        const range = sheet(w.sheet).getRange(w.address);
        if (full) return { key, w, props: range.getCellProperties({ format: { fill: FILL_PROPS } }) };
        range.format.fill.load("color");
        return { key, w, range };
      });
      await context.sync();

      const previous = stored.isNullObject ? parseMarkRecord(undefined) : parseMarkRecord(stored.value);
      const { exists, writable } = this.sheetAccess(sheetsOf());
      const before = new Map(previous.cells.map((c) => [cellKey(c.sheet, c.address), c]));
      const next: MarkedCell[] = [];
      for (const r of reads) {
        if (!writable.has(r.w.sheet)) continue;
        const was = before.get(r.key);
        const original: SavedFill = was
          ? was.original
          : r.props
            ? savedFromCellProperties(r.props.value[0]?.[0]?.format?.fill as SavedFill | undefined)
            : { color: r.range?.format.fill.color ?? undefined };
        next.push({ sheet: r.w.sheet, address: r.w.address, level: r.w.level, original });
      }
      const nextKeys = new Set(next.map((c) => cellKey(c.sheet, c.address)));
      // the record first: should a later command of the batch fail, what was painted can still be restored
      // previous marks on a sheet protected since stay recorded, to be restored once it is unprotected
      const stuck = previous.cells.filter((c) => !nextKeys.has(cellKey(c.sheet, c.address)) && exists.has(c.sheet) && !writable.has(c.sheet));
      const record: MarkRecord = { version: 1, cells: [...next, ...stuck] };
      context.workbook.settings.add(MARKS_KEY, JSON.stringify(record));
      for (const c of previous.cells) {
        if (nextKeys.has(cellKey(c.sheet, c.address)) || !writable.has(c.sheet)) continue;
        this.restore(sheet(c.sheet).getRange(c.address), c.original, full);
      }
      for (const c of next) this.paint(sheet(c.sheet).getRange(c.address), c.level, full);
      await context.sync();
    });
  }

  async clearHighlights(): Promise<number> {
    const full = this.supports("1.9");
    return this.run(async (context) => {
      const stored = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
      stored.load("value");
      const sheetsOf = this.collections.worksheets(context, ["name", "protection/protected", "protection/options/allowFormatCells"]);
      await context.sync();
      if (stored.isNullObject) return 0;
      const record = parseMarkRecord(stored.value);
      const { exists, writable } = this.sheetAccess(sheetsOf());
      const keep = record.cells.filter((c) => exists.has(c.sheet) && !writable.has(c.sheet));
      let restored = 0;
      const sheets = new Map<string, Excel.Worksheet>();
      for (const c of record.cells) {
        if (!writable.has(c.sheet)) continue;
        let ws = sheets.get(c.sheet);
        if (!ws) sheets.set(c.sheet, (ws = context.workbook.worksheets.getItem(c.sheet)));
        this.restore(ws.getRange(c.address), c.original, full);
        restored++;
      }
      // marks on a sheet protected since stay recorded, to be restored once it is unprotected
      if (keep.length > 0) context.workbook.settings.add(MARKS_KEY, JSON.stringify({ version: 1, cells: keep }));
      else context.workbook.settings.getItem(MARKS_KEY).delete();
      await context.sync();
      return restored;
    });
  }

  /** The sheets that exist, and those whose fills the add-in may change (not protected, or protected with formatting allowed). */
  private sheetAccess(sheets: Excel.Worksheet[]): { exists: Set<string>; writable: Set<string> } {
    const exists = new Set<string>();
    const writable = new Set<string>();
    for (const ws of sheets) {
      exists.add(ws.name);
      const p = ws.protection;
      if (!p?.protected || p.options?.allowFormatCells) writable.add(ws.name);
    }
    return { exists, writable };
  }

  private paint(range: Excel.Range, level: FindingLevel, full: boolean): void {
    const color = MARK_COLORS[level];
    if (full) range.setCellProperties([[{ format: { fill: { color, pattern: "Solid", tintAndShade: 0 } } }]]);
    else range.format.fill.color = color;
  }

  private restore(range: Excel.Range, original: SavedFill, full: boolean): void {
    if (isNoFill(original)) range.format.fill.clear();
    else if (full && original.pattern !== undefined) range.setCellProperties([[{ format: { fill: original as Excel.CellPropertiesFill } }]]);
    else if (original.color) range.format.fill.color = original.color;
  }

  // ---------------------------------------------------------------- navigation

  async select(cells: CellAddress[]): Promise<void> {
    if (cells.length === 0) return;
    const sheetName = cells[0].sheet;
    const addresses = cells.filter((c) => c.sheet === sheetName).map((c) => localAddress(c.address));
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      if (addresses.length > 1 && this.supports("1.18")) ws.getRanges(addresses.join(",")).select();
      else ws.getRange(addresses[0]).select();
      await context.sync();
    });
  }

  async getSelection(): Promise<CellAddress | null> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      range.worksheet.load("name");
      try {
        await context.sync();
      } catch {
        return null; // several areas selected, or a chart/shape: no single range
      }
      return { sheet: range.worksheet.name, address: localAddress(range.address) };
    });
  }

  // ---------------------------------------------------------------- narrative

  async writeNarrative(lines: NarrativeLine[], options: NarrativeWriteOptions = {}): Promise<WriteNarrativeResult> {
    return this.run(async (context) => {
      const first = await readNarrativeSheet(context, NARRATIVE_SHEET_NAME, this.collections);
      const { previous, names } = first;
      let target = narrativeTargetSheet(previous, names);
      const state = target === NARRATIVE_SHEET_NAME ? first.state : (await readNarrativeSheet(context, target)).state;
      let plan = planNarrativeWrite(lines, state, previous, options, target);
      let exists = state.exists;
      if (plan.kind === "occupied" && options.existing === "newSheet") {
        target = newNarrativeSheetName(names);
        exists = false;
        plan = planNarrativeWrite(lines, ABSENT_SHEET, previous, options, target);
      }
      if (plan.kind === "occupied") return { status: "occupied", sheet: target, cells: plan.cells };
      if (plan.kind === "conflict") return { status: "edited", sheet: target, editedCells: plan.editedCells };
      return this.writePlan(context, lines, plan, target, exists);
    });
  }

  /** Writes the planned cells (a line beginning with "=" stays text), the record, and notes them as the add-in's own. */
  private async writePlan(
    context: Excel.RequestContext,
    lines: NarrativeLine[],
    plan: Extract<NarrativePlan, { kind: "write" }>,
    sheet: string,
    exists: boolean,
  ): Promise<WriteNarrativeResult> {
    const ws = exists ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.add(sheet);
    const { record } = plan;
    const heading = new Map<string, boolean>();
    lines.forEach((l, i) => heading.set(rangeToA1({ top: record.top + i, left: record.column, bottom: record.top + i, right: record.column }), l.heading));
    for (const c of plan.cells) {
      const range = ws.getRange(c.address);
      // a line beginning with "=" would become a formula; the apostrophe keeps it text and is not shown
      range.values = [[c.value.startsWith("=") ? `'${c.value}` : c.value]];
      range.format.font.bold = heading.get(c.address) ?? false;
    }
    context.workbook.settings.add(NARRATIVE_KEY, JSON.stringify(record));
    // noted before the sync (the change events may come while it runs) and again after it, for the window
    this.noteOwnWrite(plan.cells.map((c) => c.address));
    await context.sync();
    this.noteOwnWrite(plan.cells.map((c) => c.address));
    const last = record.top + Math.max(record.texts.length, 1) - 1;
    return { status: "written", sheet, range: rangeToA1({ top: record.top, left: record.column, bottom: last, right: record.column }), sheetCreated: !exists };
  }

  // ---------------------------------------------------------------- settings

  /** The add-in settings kept in the workbook; `narrative` is the record writeNarrative keeps. */
  async loadSettings(): Promise<AddinSettings> {
    return this.run(async (context) => {
      const main = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      const narrative = context.workbook.settings.getItemOrNullObject(NARRATIVE_KEY);
      main.load("value");
      narrative.load("value");
      await context.sync();
      const parsed = main.isNullObject ? undefined : parseJson(main.value);
      const settings: AddinSettings = { ...EMPTY_SETTINGS, ...(parsed && typeof parsed === "object" ? (parsed as Partial<AddinSettings>) : {}) };
      if (!Array.isArray(settings.mapping)) settings.mapping = [];
      if (!Array.isArray(settings.confirmed)) settings.confirmed = [];
      delete settings.narrative;
      const record = narrative.isNullObject ? undefined : parseJson(narrative.value);
      if (record && typeof record === "object") settings.narrative = record as NarrativeRecord;
      return settings;
    });
  }

  /** Saves the settings in the workbook. The narrative record is not taken from `settings`: only writeNarrative changes it. */
  async saveSettings(settings: AddinSettings): Promise<void> {
    const { narrative: _record, ...rest } = settings;
    void _record;
    await this.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(rest));
      await context.sync();
    });
  }

  // ---------------------------------------------------------------- changes

  /**
   * Calls `listener` after each change of cell contents by the user (or a co-author). Events caused by
   * the add-in's own writes are dropped: from ExcelApi 1.14 by their triggerSource ("ThisLocalAddin"),
   * and on every version when all the changed cells are cells the add-in wrote in the last few seconds.
   * Fill changes (the marks) raise onFormatChanged, not onChanged, so marking does not call back.
   * The listener is called once per event; the caller (the task pane) debounces before re-checking.
   * Below ExcelApi 1.9 the handler is added to each existing sheet (sheets added later are not watched).
   */
  async onUserChange(listener: () => void): Promise<() => void> {
    const handler = async (event: Excel.WorksheetChangedEventArgs) => {
      if (this.isOwnWrite(event)) return;
      listener();
    };
    const results = await this.run(async (context) => {
      if (this.supports("1.9")) {
        const one = context.workbook.worksheets.onChanged.add(handler);
        await context.sync();
        return [one];
      }
      const sheetsOf = this.collections.worksheets(context, ["name"]);
      await context.sync();
      const each = sheetsOf().map((ws) => ws.onChanged.add(handler));
      await context.sync();
      return each;
    });
    return () => {
      if (results.length === 0) return;
      void this.runWith(results[0].context, async (context) => {
        for (const r of results) r.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }

  private noteOwnWrite(addresses: string[]): void {
    const now = this.now();
    this.ownWrites = this.ownWrites.filter((w) => w.until > now);
    this.ownWrites.push({ cells: new Set(addresses.map((a) => a.toUpperCase())), until: now + OWN_WRITE_WINDOW_MS });
  }

  private isOwnWrite(event: Excel.WorksheetChangedEventArgs): boolean {
    if (event.triggerSource === "ThisLocalAddin") return true;
    const now = this.now();
    const recent = this.ownWrites.filter((w) => w.until > now);
    if (recent.length === 0 || !event.address) return false;
    const changed = cellsOfRange(localAddress(event.address), 100_000);
    return recent.some((w) => changed.every((c) => w.cells.has(c)));
  }
}
