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
 * - applyEdits: 2 — read the sheets' protection and each cell's values, text, formulas and number format,
 *   then (when no edit is refused) write every value in one batch; 1 when refused. A sheet that does not
 *   exist fails the first batch (ItemNotFound): the sheet names are then read and the other cells again,
 *   so that every refusal is listed (3 syncs, nothing written).
 * - writeResultSheet: 2, or 3 when the sheet it wrote last time is still there — read the record and the
 *   sheet list, (read that sheet's text, to tell whether the officer has changed it), then write.
 *
 * Stored in the workbook through its settings (Excel.SettingCollection, ExcelApi 1.4: the same store
 * as Office.context.document.settings, saved with the file, read and written inside the same batches as
 * the ranges, so no extra round trip and no saveAsync): the add-in settings, the narrative record and
 * the record of the fills under the marks. Values are stored as JSON text.
 */
import { cellsOfRange, rangeToA1, type CellAddress } from "../../grid/address";
import type { CellEdit } from "../../grid/edit";
import { MARK_COLORS } from "../marks";
import {
  blockCells,
  fingerprintOf,
  internalLink,
  parseResultRecord,
  placeReportSheet,
  planResultSheet,
  type ReportSheet,
  type ResultSheetRecord,
} from "../resultSheet";
import type { SheetSnapshot, WorkbookSnapshot } from "../../grid/workbook";
import { editPosition, excelTextValue, refusalsOf, type CellNow } from "../edits";
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
import {
  EMPTY_SETTINGS,
  type AddinSettings,
  type BudgetHost,
  type EditResult,
  type HighlightMark,
  type ReadProgress,
  type WriteNarrativeResult,
  type WriteResultSheetResult,
} from "../types";
import { LEVEL_ORDER, type FindingLevel } from "../../rules/types";
import { cellFromExcel, cellsFromBlocks, localAddress, parseAreasAddress, rowChunks, type LoadedBlock } from "./cells";
import { cellKey, isNoFill, markColor, parseMarkRecord, savedFromCellProperties, type MarkedCell, type MarkRecord, type SavedFill } from "./fills";

export const SETTINGS_KEY = "BudgetChecker.settings";
export const NARRATIVE_KEY = "BudgetChecker.narrative";
export const MARKS_KEY = "BudgetChecker.marks";
export const RESULT_KEY = "BudgetChecker.resultSheet";

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
  /** Office.context.platform ("PC", "OfficeOnline", "Mac", "iOS" …); default: the running Office's. */
  platform?: string;
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

function defaultPlatform(): string | undefined {
  const platform = typeof Office !== "undefined" ? Office.context?.platform : undefined;
  return platform === undefined || platform === null ? undefined : String(platform);
}

/** A column width in characters of the default font as Excel's points (7 pixels a character and 5 of padding, at 96 dpi). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
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
  /** Excel on Mac and iPad ignores a download link in the task pane (no error, no file); Windows and the web download. */
  readonly canDownload: boolean;
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
    const platform = options.platform ?? defaultPlatform();
    this.canDownload = platform !== "Mac" && platform !== "iOS";
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
    const wanted = new Map<string, { sheet: string; address: string; level: FindingLevel; suspect?: boolean }>();
    for (const m of marks) {
      for (const address of cellsOfRange(localAddress(m.address))) {
        const key = cellKey(m.sheet, address);
        const had = wanted.get(key);
        const suspect = m.suspect || had?.suspect ? { suspect: true } : {};
        const level = had && LEVEL_ORDER[had.level] <= LEVEL_ORDER[m.level] ? had.level : m.level;
        wanted.set(key, { sheet: m.sheet, address, level, ...suspect });
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
        next.push({ sheet: r.w.sheet, address: r.w.address, level: r.w.level, ...(r.w.suspect ? { suspect: true } : {}), original });
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
      for (const c of next) this.paint(sheet(c.sheet).getRange(c.address), markColor(c), full);
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

  private paint(range: Excel.Range, color: string, full: boolean): void {
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

  // ---------------------------------------------------------------- accepted edits

  /**
   * Writes the edits the officer accepted, all or none (BudgetHost.applyEdits): one batch reads what each
   * cell holds now, and only when no edit is refused a second writes the values (a number keeps the
   * cell's number format, Excel does not change it when a value is written). Nothing else is written in
   * that batch (no settings), so that Excel keeps the write on the officer's undo stack where it keeps
   * add-ins' writes (docs/excel-host.md).
   */
  async applyEdits(edits: CellEdit[]): Promise<EditResult> {
    if (edits.length === 0) return { status: "written", count: 0 };
    return this.run(async (context) => {
      const now = await this.readEditCells(context, edits);
      const refused = refusalsOf(edits, (_e, i) => now[i]);
      if (refused.length) return { status: "refused", refused };
      for (const e of edits) {
        const range = context.workbook.worksheets.getItem(e.sheet).getRange(localAddress(e.address));
        range.values = [[typeof e.after === "number" ? e.after : excelTextValue(e.after)]];
      }
      // noted before the sync (the change events may come while it runs) and again after it, for the window
      const addresses = edits.map((e) => localAddress(e.address));
      this.noteOwnWrite(addresses);
      await context.sync();
      this.noteOwnWrite(addresses);
      return { status: "written", count: edits.length };
    });
  }

  /**
   * What each edit's cell holds now (undefined: its sheet does not exist or its address is not one cell),
   * read as the snapshot reads it (cellFromExcel): one sync, three when a sheet is missing.
   */
  private async readEditCells(context: Excel.RequestContext, edits: CellEdit[]): Promise<(CellNow | undefined)[]> {
    const queue = (sheets?: Set<string>) => {
      const sheetsOf = this.collections.worksheets(context, ["name", "protection/protected"]);
      const ranges = edits.map((e) => {
        if (!editPosition(e) || (sheets && !sheets.has(e.sheet))) return undefined;
        const range = context.workbook.worksheets.getItem(e.sheet).getRange(localAddress(e.address));
        range.load(["values", "text", "formulas", "numberFormat", "valueTypes"]);
        return range;
      });
      return { sheetsOf, ranges };
    };
    let queued = queue();
    try {
      await context.sync();
    } catch (e) {
      if (errorCode(e) !== "ItemNotFound") throw e;
      // a sheet renamed or deleted since the check: read the names, then the cells of the sheets there are
      const namesOf = this.collections.worksheets(context, ["name"]);
      await context.sync();
      queued = queue(new Set(namesOf().map((ws) => ws.name)));
      await context.sync();
    }
    const locked = new Set(
      queued
        .sheetsOf()
        .filter((ws) => ws.protection?.protected)
        .map((ws) => ws.name),
    );
    return queued.ranges.map((r, i) => {
      if (!r) return undefined;
      const cell = cellFromExcel(r.values[0]?.[0], r.text[0]?.[0] ?? "", r.formulas[0]?.[0], r.numberFormat[0]?.[0], (r.valueTypes[0]?.[0] as string) ?? "");
      return { exists: true, protected: locked.has(edits[i].sheet), formula: cell?.formula !== undefined, text: cell?.text ?? "" };
    });
  }

  // ---------------------------------------------------------------- 审核结果

  async writeResultSheet(content: ReportSheet): Promise<WriteResultSheetResult> {
    const placed = placeReportSheet(content);
    return this.run(async (context) => {
      const stored = context.workbook.settings.getItemOrNullObject(RESULT_KEY);
      stored.load("value");
      const sheetsOf = this.collections.worksheets(context, ["name", "protection/protected"]);
      await context.sync();
      const previous = stored.isNullObject ? undefined : parseResultRecord(stored.value);
      const sheets = sheetsOf().map((ws) => ({ name: ws.name, protected: Boolean(ws.protection?.protected) }));
      const old = await this.readRecordedSheet(context, previous, sheets);
      const plan = planResultSheet(previous, sheets, old?.fingerprint);
      const ws = plan.replace ? context.workbook.worksheets.getItem(plan.sheet) : context.workbook.worksheets.add(plan.sheet);
      // what the add-in wrote before goes (values, formats, links); only its own used range, so the events name only it
      if (plan.replace && old)
        ws.getRangeByIndexes(old.area.top, old.area.left, old.area.bottom - old.area.top + 1, old.area.right - old.area.left + 1).clear();
      this.queueReportCells(ws, content, placed);
      const record: ResultSheetRecord = { sheet: plan.sheet, fingerprint: fingerprintOf(placed.cells) };
      context.workbook.settings.add(RESULT_KEY, JSON.stringify(record));
      const written = cellsOfRange(rangeToA1({ top: 0, left: 0, bottom: placed.rows - 1, right: placed.columns - 1 }), 100_000);
      if (plan.replace && old) written.push(...cellsOfRange(rangeToA1(old.area), 100_000));
      this.noteOwnWrite(written);
      await context.sync();
      this.noteOwnWrite(written);
      return plan.kept ? { sheet: plan.sheet, replaced: plan.replace, kept: plan.kept } : { sheet: plan.sheet, replaced: plan.replace };
    });
  }

  /** The text of the sheet the record names (one sync), when it is there and not protected: its fingerprint and used area. */
  private async readRecordedSheet(context: Excel.RequestContext, record: ResultSheetRecord | undefined, sheets: { name: string; protected: boolean }[]) {
    if (!record || !sheets.some((s) => s.name === record.sheet && !s.protected)) return undefined;
    const used = context.workbook.worksheets.getItem(record.sheet).getUsedRange(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "text"]);
    await context.sync();
    const area = { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
    return { fingerprint: fingerprintOf(blockCells(used.text, used.rowIndex, used.columnIndex)), area };
  }

  /** Queues the sheet's values (text kept as text), bold lines, widths, wrapping, the level fills and the links to the cells. */
  private queueReportCells(ws: Excel.Worksheet, content: ReportSheet, placed: ReturnType<typeof placeReportSheet>): void {
    const matrix: (string | number)[][] = Array.from({ length: placed.rows }, () => new Array<string | number>(placed.columns).fill(""));
    // the apostrophe keeps a text as it is (no number, date or formula made of it) and is not shown
    for (const c of placed.cells) if (c.col < placed.columns) matrix[c.row][c.col] = typeof c.value === "string" ? `'${c.value}` : c.value;
    ws.getRangeByIndexes(0, 0, placed.rows, placed.columns).values = matrix;
    content.widths.forEach((w, col) => (ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = widthPoints(w)));
    const body = content.rows.length > 0 ? ws.getRangeByIndexes(placed.headerRow + 1, 0, content.rows.length, placed.columns) : undefined;
    if (body) body.format.verticalAlignment = "Top";
    for (const col of content.wrap) if (body) ws.getRangeByIndexes(placed.headerRow + 1, col, content.rows.length, 1).format.wrapText = true;
    for (const c of placed.cells) {
      if (!c.bold && !c.level && !c.link) continue;
      const range = ws.getRangeByIndexes(c.row, c.col, 1, 1);
      if (c.bold) range.format.font.bold = true;
      if (c.level) range.format.fill.color = MARK_COLORS[c.level];
      if (c.link) range.hyperlink = { documentReference: internalLink(c.link), textToDisplay: c.text, screenTip: `转到 ${c.link.sheet}!${c.link.address}` };
    }
    body?.format.autofitRows();
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
      const result = context.workbook.settings.getItemOrNullObject(RESULT_KEY);
      main.load("value");
      narrative.load("value");
      result.load("value");
      await context.sync();
      const parsed = main.isNullObject ? undefined : parseJson(main.value);
      const settings: AddinSettings = { ...EMPTY_SETTINGS, ...(parsed && typeof parsed === "object" ? (parsed as Partial<AddinSettings>) : {}) };
      if (!Array.isArray(settings.mapping)) settings.mapping = [];
      if (!Array.isArray(settings.confirmed)) settings.confirmed = [];
      delete settings.narrative;
      delete settings.resultSheet;
      const resultSheet = result.isNullObject ? undefined : parseResultRecord(result.value);
      if (resultSheet) settings.resultSheet = resultSheet;
      const record = narrative.isNullObject ? undefined : parseJson(narrative.value);
      if (record && typeof record === "object") settings.narrative = record as NarrativeRecord;
      return settings;
    });
  }

  /** Saves the settings in the workbook. The narrative and result-sheet records are not taken from `settings`: only their writers change them. */
  async saveSettings(settings: AddinSettings): Promise<void> {
    const { narrative: _record, resultSheet: _result, ...rest } = settings;
    void _record;
    void _result;
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
