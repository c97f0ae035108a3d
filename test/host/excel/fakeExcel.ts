/**
 * A small fake of the parts of the Excel JavaScript object model that ExcelHost uses, written for these
 * tests because office-addin-mock models neither collections, nor ClientResult (getCellProperties),
 * nor settings, events, null objects or command order. It keeps Office.js's batch semantics where they
 * matter for the host:
 * - every method call and property write is queued and runs, in order, at context.sync();
 * - a loaded property can be read only after a sync that loaded it (else PropertyNotLoaded);
 * - a command that fails at sync (getItem of a missing sheet, …) rejects the sync with its error code
 *   and drops the rest of the batch (the commands before it stay done, as in Excel);
 * - fills have Excel's model: "No Fill" is pattern None and reads as #FFFFFF through format.fill.color.
 * It counts syncs, logs every write (values, formulas, number formats, fills, settings, selection), and
 * can refuse a sync that loads more than a given number of cells (Excel on the web's read limits).
 * It is not Excel: what it cannot tell is listed in the tests' report.
 */
import { parseRangeA1, qualified, rangeToA1, type RangeRef } from "../../../src/grid/address";
import { formatNumber } from "../../../src/grid/numfmt";
import { isCellError, type WorkbookSnapshot } from "../../../src/grid/workbook";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: string | number | boolean;
  type: "String" | "Double" | "Boolean" | "Error";
  text: string;
  formula?: string;
  numFmt: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  allowFormatCells: boolean;
  cells: Map<string, FakeCell>;
  fills: Map<string, FakeFill>;
  bold: Map<string, boolean>;
  /** Hyperlinks (Range.hyperlink, ExcelApi 1.7) by cell, column widths in points by column, wrapped cells, and the other formats set, by cell. */
  links: Map<string, { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }>;
  widths: Map<number, number>;
  wrap: Set<string>;
  formats: Map<string, Record<string, unknown>>;
  merges: RangeRef[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

export interface WriteEntry {
  kind:
    | "values"
    | "formulas"
    | "numberFormat"
    | "fill"
    | "clearFill"
    | "bold"
    | "setting"
    | "deleteSetting"
    | "addSheet"
    | "activate"
    | "select"
    | "hyperlink"
    | "clear"
    | "format";
  sheet?: string;
  address?: string;
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (r: number, c: number) => `${r},${c}`;
const MAX_ROW = 1048575;
const MAX_COL = 16383;

function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

export function fakeSheetsFrom(snapshot: WorkbookSnapshot): FakeSheet[] {
  return snapshot.sheets.map((s, i) => {
    const sheet = emptySheet(s.name, i);
    sheet.visibility = s.hidden ? "Hidden" : "Visible";
    sheet.protected = Boolean(s.protected);
    sheet.merges = s.merges.map((m) => ({ ...m }));
    s.hiddenRows.forEach((r) => sheet.hiddenRows.add(r));
    s.hiddenCols.forEach((c) => sheet.hiddenCols.add(c));
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const v = cell.value;
        let value: FakeCell["value"];
        let type: FakeCell["type"];
        if (v === null) [value, type] = ["", "String"];
        else if (isCellError(v)) [value, type] = [v.error, "Error"];
        else if (v instanceof Date) [value, type] = [excelSerial(v), "Double"];
        else if (typeof v === "number") [value, type] = [v, "Double"];
        else if (typeof v === "boolean") [value, type] = [v, "Boolean"];
        else [value, type] = [v, "String"];
        sheet.cells.set(key(s.top + r, s.left + c), { value, type, text: cell.text, formula: cell.formula, numFmt: cell.numFmt ?? "General" });
      }),
    );
    return sheet;
  });
}

export function emptySheet(name: string, i: number): FakeSheet {
  return {
    id: `{sheet-${i}}`,
    name,
    visibility: "Visible",
    protected: false,
    allowFormatCells: false,
    cells: new Map(),
    fills: new Map(),
    bold: new Map(),
    links: new Map(),
    widths: new Map(),
    wrap: new Set(),
    formats: new Map(),
    merges: [],
    hiddenRows: new Set(),
    hiddenCols: new Set(),
  };
}

type Handler = (args: Record<string, unknown>) => Promise<void> | void;

/** Base of the proxies: a store of loaded properties, readable after the sync that filled it. */
class Proxy0 {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected got<T>(name: string): T {
    if (!this.loaded.has(name)) throw new FakeError("PropertyNotLoaded", `property ${name} not loaded`);
    return this.loaded.get(name) as T;
  }
}

class Result<T> {
  private v: T | undefined;
  private set = false;
  get value(): T {
    if (!this.set) throw new FakeError("PropertyNotLoaded", "ClientResult read before sync");
    return this.v as T;
  }
  put(v: T) {
    this.v = v;
    this.set = true;
  }
}

export class FakeExcel {
  sheets: FakeSheet[];
  settings = new Map<string, unknown>();
  name: string;
  active = 0;
  selection: { sheet: string; address: string } = { sheet: "", address: "A1" };
  /** The ExcelApi minor version this fake claims: 8 for ExcelApi 1.8 … 18 for 1.18. */
  api: number;
  syncs = 0;
  log: WriteEntry[] = [];
  /** A sync that loads more cells (× properties) than this fails, as a read over Excel on the web's limits. */
  maxLoadedCells = Infinity;
  handlers: { sheet?: string; handler: Handler }[] = [];
  events: Promise<void>[] = [];

  constructor(sheets: FakeSheet[], options: { api?: number; name?: string } = {}) {
    this.sheets = sheets;
    this.api = options.api ?? 13;
    this.name = options.name ?? "workbook.xlsx";
    this.selection = { sheet: sheets[0]?.name ?? "", address: "A1" };
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options: { api?: number } = {}): FakeExcel {
    return new FakeExcel(fakeSheetsFrom(snapshot), { ...options, name: snapshot.name });
  }

  supports = (version: string): boolean => Number(version.split(".")[1]) <= this.api;

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(new FakeContext(this) as unknown as Excel.RequestContext);

  /** Excel.run on the context of an earlier batch (event handlers are removed through it). */
  runWith = async <T>(context: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(context as Excel.RequestContext);

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeError("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  fillAt(sheet: string, address: string): FakeFill {
    const p = parseRangeA1(address);
    return { ...(this.sheet(sheet).fills.get(key(p.top, p.left)) ?? NO_FILL) };
  }

  setFill(sheet: string, address: string, fill: Partial<FakeFill>): void {
    const p = parseRangeA1(address);
    this.sheet(sheet).fills.set(key(p.top, p.left), { ...NO_FILL, pattern: "Solid", ...fill });
  }

  textAt(sheet: string, address: string): string {
    const p = parseRangeA1(address);
    return this.sheet(sheet).cells.get(key(p.top, p.left))?.text ?? "";
  }

  /** The user types into a cell: the value changes and onChanged handlers run. */
  userEdit(sheet: string, address: string, text: string): void {
    const s = this.sheet(sheet);
    const p = parseRangeA1(address);
    s.cells.set(key(p.top, p.left), { value: text, type: "String", text, numFmt: "General" });
    this.fire(s, address, "Unknown");
  }

  fire(s: FakeSheet, address: string, triggerSource: string): void {
    for (const h of this.handlers) {
      if (h.sheet && h.sheet !== s.id) continue;
      this.events.push(
        Promise.resolve(h.handler({ address, worksheetId: s.id, source: "Local", changeType: "RangeEdited", triggerSource, type: "WorksheetChanged" })),
      );
    }
  }

  /** Writes of a kind, for asserting that a pass never wrote values, formulas or number formats. */
  writes(...kinds: WriteEntry["kind"][]): WriteEntry[] {
    return this.log.filter((w) => kinds.includes(w.kind));
  }

  /** What a save and reopen keeps: cells, fills, settings (as JSON, like the file). */
  reopened(): FakeExcel {
    const copy = new FakeExcel(
      this.sheets.map((s) => ({
        ...s,
        cells: new Map(s.cells),
        fills: new Map(s.fills),
        bold: new Map(s.bold),
        links: new Map(s.links),
        widths: new Map(s.widths),
        wrap: new Set(s.wrap),
        formats: new Map(s.formats),
        merges: [...s.merges],
        hiddenRows: new Set(s.hiddenRows),
        hiddenCols: new Set(s.hiddenCols),
      })),
      { api: this.api, name: this.name },
    );
    for (const [k, v] of this.settings) copy.settings.set(k, JSON.parse(JSON.stringify(v)));
    return copy;
  }
}

export class FakeContext {
  queue: (() => void)[] = [];
  loadedCells = 0;
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  push(op: () => void) {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.excel.syncs++;
    const ops = this.queue;
    this.queue = [];
    this.loadedCells = 0;
    for (const op of ops) {
      op();
      if (this.loadedCells > this.excel.maxLoadedCells) throw new FakeError("ResponsePayloadSizeLimitExceeded", "response too large");
    }
    await Promise.all(this.excel.events.splice(0));
  }
}

class FakeWorkbook extends Proxy0 {
  readonly worksheets: FakeWorksheets;
  readonly settings: FakeSettings;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheets(ctx);
    this.settings = new FakeSettings(ctx);
  }
  get name(): string {
    return this.got("name");
  }
  load(props: string) {
    this.ctx.push(() => props.split(",").forEach((p) => p.trim() === "name" && this.loaded.set("name", this.ctx.excel.name)));
  }
  getSelectedRange(): FakeRange {
    const x = this.ctx.excel;
    return new FakeRange(this.ctx, new FakeWorksheet(this.ctx, () => x.sheet(x.selection.sheet)), () => parseRangeA1(x.selection.address));
  }
}

class FakeWorksheets extends Proxy0 {
  get items(): FakeWorksheet[] {
    return this.got("items");
  }
  load(props: string) {
    const paths = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.push(() => {
      const items = this.ctx.excel.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.fill(paths);
        return ws;
      });
      this.loaded.set("items", items);
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name));
  }
  add(name: string): FakeWorksheet {
    const x = this.ctx.excel;
    this.ctx.push(() => {
      if (x.sheets.some((s) => s.name === name)) throw new FakeError("ItemAlreadyExists", name);
      x.sheets.push(emptySheet(name, x.sheets.length + 100));
      x.log.push({ kind: "addSheet", sheet: name });
    });
    return new FakeWorksheet(this.ctx, () => x.sheet(name));
  }
  get onChanged() {
    return eventSource(this.ctx, undefined, 9);
  }
}

function eventSource(ctx: FakeContext, sheet: (() => FakeSheet) | undefined, api: number) {
  return {
    add(handler: Handler) {
      if (ctx.excel.api < api) throw new FakeError("ApiNotFound", "onChanged");
      const entry = { sheet: undefined as string | undefined, handler };
      ctx.push(() => {
        entry.sheet = sheet?.().id;
        ctx.excel.handlers.push(entry);
      });
      return {
        context: ctx,
        remove() {
          ctx.push(() => {
            ctx.excel.handlers = ctx.excel.handlers.filter((h) => h !== entry);
          });
        },
      };
    },
  };
}

class FakeWorksheet extends Proxy0 {
  constructor(
    ctx: FakeContext,
    readonly data: () => FakeSheet,
  ) {
    super(ctx);
  }
  fill(paths: string[]) {
    const s = this.data();
    const protection: Record<string, unknown> = {};
    for (const p of paths) {
      if (p === "name" || p === "visibility" || p === "id") this.loaded.set(p, s[p]);
      else if (p === "protection/protected") protection.protected = s.protected;
      else if (p === "protection/options/allowFormatCells") protection.options = { allowFormatCells: s.allowFormatCells };
      else throw new FakeError("InvalidArgument", `unknown property ${p}`);
    }
    if (Object.keys(protection).length > 0) this.loaded.set("protection", protection);
  }
  get name(): string {
    return this.got("name");
  }
  get visibility(): string {
    return this.got("visibility");
  }
  get protection(): { protected: boolean; options?: { allowFormatCells: boolean } } {
    return this.got("protection");
  }
  load(props: string | string[]) {
    const paths = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    this.ctx.push(() => this.fill(paths));
  }
  activate() {
    this.ctx.push(() => {
      const s = this.data();
      this.ctx.excel.active = this.ctx.excel.sheets.indexOf(s);
      this.ctx.excel.log.push({ kind: "activate", sheet: s.name });
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address ? parseRangeA1(address) : { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }));
  }
  getRangeByIndexes(r: number, c: number, rc: number, cc: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: r, left: c, bottom: r + rc - 1, right: c + cc - 1 }));
  }
  getRanges(addresses: string) {
    const ranges = addresses.split(/[,;]/).map((a) => this.getRange(a.trim()));
    return {
      select: () => {
        if (this.ctx.excel.api < 18) throw new FakeError("ApiNotFound", "RangeAreas.select");
        this.ctx.push(() => {
          this.ctx.excel.selection = { sheet: this.data().name, address: addresses };
          this.ctx.excel.log.push({ kind: "select", sheet: this.data().name, address: addresses });
        });
        void ranges;
      },
    };
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      const s = this.data();
      const keys = [...s.cells.keys(), ...(valuesOnly ? [] : [...s.fills.keys()])];
      if (keys.length === 0) return { top: 0, left: 0, bottom: 0, right: 0 };
      const rc = keys.map((k) => k.split(",").map(Number));
      return {
        top: Math.min(...rc.map((x) => x[0])),
        left: Math.min(...rc.map((x) => x[1])),
        bottom: Math.max(...rc.map((x) => x[0])),
        right: Math.max(...rc.map((x) => x[1])),
      };
    });
  }
  get onChanged() {
    return eventSource(this.ctx, this.data, 7);
  }
}

interface CellPropsFill {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

class FakeRange extends Proxy0 {
  readonly format: ReturnType<typeof formatProxy>;
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    readonly ref: () => RangeRef,
  ) {
    super(ctx);
    this.format = formatProxy(ctx, this, new FakeFillProxy(ctx, this), fontProxy(ctx, this));
  }
  get worksheet(): FakeWorksheet {
    return this.ws;
  }
  /** Every cell of the range, at sync time. */
  each(fn: (s: FakeSheet, r: number, c: number) => void) {
    const s = this.ws.data();
    const ref = this.ref();
    for (let r = ref.top; r <= ref.bottom; r++) for (let c = ref.left; c <= ref.right; c++) fn(s, r, c);
  }
  private matrix<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
    const s = this.ws.data();
    const ref = this.ref();
    const out: T[][] = [];
    for (let r = ref.top; r <= ref.bottom; r++) {
      const row: T[] = [];
      for (let c = ref.left; c <= ref.right; c++) row.push(fn(s.cells.get(key(r, c))));
      out.push(row);
    }
    this.ctx.loadedCells += (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
    return out;
  }
  load(props: string | string[]) {
    const names = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    this.ctx.push(() => {
      const s = this.ws.data();
      const ref = this.ref();
      for (const n of names) {
        if (n === "address") this.loaded.set(n, qualified(s.name, rangeToA1(ref)));
        else if (n === "rowIndex") this.loaded.set(n, ref.top);
        else if (n === "columnIndex") this.loaded.set(n, ref.left);
        else if (n === "rowCount") this.loaded.set(n, ref.bottom - ref.top + 1);
        else if (n === "columnCount") this.loaded.set(n, ref.right - ref.left + 1);
        else if (n === "values")
          this.loaded.set(
            n,
            this.matrix((c) => (c ? c.value : "")),
          );
        else if (n === "text")
          this.loaded.set(
            n,
            this.matrix((c) => (c ? c.text : "")),
          );
        else if (n === "formulas")
          this.loaded.set(
            n,
            this.matrix((c) => (c ? (c.formula !== undefined ? `=${c.formula}` : c.value) : "")),
          );
        else if (n === "numberFormat")
          this.loaded.set(
            n,
            this.matrix((c) => (c ? c.numFmt : "General")),
          );
        else if (n === "valueTypes")
          this.loaded.set(
            n,
            this.matrix((c) => (c ? c.type : "Empty")),
          );
        else throw new FakeError("InvalidArgument", `unknown property ${n}`);
      }
    });
  }
  get address(): string {
    return this.got("address");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get values(): unknown[][] {
    return this.got("values");
  }
  get text(): string[][] {
    return this.got("text");
  }
  get formulas(): unknown[][] {
    return this.got("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.got("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.got("valueTypes");
  }
  set values(v: unknown[][]) {
    this.ctx.push(() => {
      const s = this.ws.data();
      const ref = this.ref();
      this.ctx.excel.log.push({ kind: "values", sheet: s.name, address: rangeToA1(ref) });
      this.each((sh, r, c) => {
        const x = v[r - ref.top][c - ref.left];
        if (x === "" || x === null) sh.cells.delete(key(r, c));
        else {
          // as Excel: the cell keeps its number format, a number is shown with it, an apostrophe keeps a text text
          const numFmt = sh.cells.get(key(r, c))?.numFmt ?? "General";
          const t = typeof x === "string" && x.startsWith("'") ? x.slice(1) : String(x);
          if (typeof x === "number") sh.cells.set(key(r, c), { value: x, type: "Double", text: formatNumber(x, numFmt), numFmt });
          else sh.cells.set(key(r, c), { value: t, type: "String", text: t, numFmt });
        }
      });
      this.ctx.excel.fire(s, rangeToA1(ref), this.ctx.excel.api >= 14 ? "ThisLocalAddin" : "Unknown");
    });
  }
  set formulas(_v: unknown[][]) {
    this.ctx.push(() => this.ctx.excel.log.push({ kind: "formulas", sheet: this.ws.data().name, address: rangeToA1(this.ref()) }));
  }
  set numberFormat(_v: unknown[][]) {
    this.ctx.push(() => this.ctx.excel.log.push({ kind: "numberFormat", sheet: this.ws.data().name, address: rangeToA1(this.ref()) }));
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.ctx.push(() => {
      const s = this.ws.data();
      const ref = this.ref();
      this.ctx.excel.log.push({ kind: "hyperlink", sheet: s.name, address: rangeToA1(ref) });
      s.links.set(key(ref.top, ref.left), { ...link });
      if (link.textToDisplay !== undefined) {
        const t = link.textToDisplay;
        s.cells.set(key(ref.top, ref.left), { value: t, type: "String", text: t, numFmt: "General" });
        this.ctx.excel.fire(s, rangeToA1(ref), this.ctx.excel.api >= 14 ? "ThisLocalAddin" : "Unknown");
      }
    });
  }
  /** Range.clear(): contents, formats and hyperlinks go. */
  clear() {
    this.ctx.push(() => {
      const s = this.ws.data();
      const ref = this.ref();
      this.ctx.excel.log.push({ kind: "clear", sheet: s.name, address: rangeToA1(ref) });
      this.each((sh, r, c) => {
        const k = key(r, c);
        sh.cells.delete(k);
        sh.fills.delete(k);
        sh.bold.delete(k);
        sh.links.delete(k);
        sh.wrap.delete(k);
        sh.formats.delete(k);
      });
      this.ctx.excel.fire(s, rangeToA1(ref), this.ctx.excel.api >= 14 ? "ThisLocalAddin" : "Unknown");
    });
  }
  getCellProperties(opts: { format?: { fill?: Record<string, boolean> } }): Result<{ format?: { fill?: CellPropsFill } }[][]> {
    if (this.ctx.excel.api < 9) throw new FakeError("ApiNotFound", "getCellProperties");
    const result = new Result<{ format?: { fill?: CellPropsFill } }[][]>();
    this.ctx.push(() => {
      const ref = this.ref();
      const s = this.ws.data();
      const out: { format?: { fill?: CellPropsFill } }[][] = [];
      for (let r = ref.top; r <= ref.bottom; r++) {
        const row: { format?: { fill?: CellPropsFill } }[] = [];
        for (let c = ref.left; c <= ref.right; c++) {
          const f = s.fills.get(key(r, c)) ?? NO_FILL;
          const fill: CellPropsFill = {};
          for (const k of Object.keys(opts.format?.fill ?? {}) as (keyof FakeFill)[]) (fill as Record<string, unknown>)[k] = f[k];
          row.push({ format: { fill } });
        }
        out.push(row);
      }
      result.put(out);
    });
    return result;
  }
  setCellProperties(props: { format?: { fill?: CellPropsFill } }[][]) {
    if (this.ctx.excel.api < 9) throw new FakeError("ApiNotFound", "setCellProperties");
    this.ctx.push(() => {
      const ref = this.ref();
      this.ctx.excel.log.push({ kind: "fill", sheet: this.ws.data().name, address: rangeToA1(ref) });
      this.each((s, r, c) => {
        const p = props[r - ref.top][c - ref.left].format?.fill;
        if (!p) return;
        const now = s.fills.get(key(r, c)) ?? NO_FILL;
        const next = { ...now, ...p } as FakeFill;
        if (p.pattern === undefined && p.color !== undefined && now.pattern === "None") next.pattern = "Solid";
        if (next.pattern === "None") s.fills.delete(key(r, c));
        else s.fills.set(key(r, c), next);
      });
    });
  }
  getRowProperties(_o: unknown): Result<{ rowIndex: number; rowHidden: boolean }[]> {
    if (this.ctx.excel.api < 9) throw new FakeError("ApiNotFound", "getRowProperties");
    const result = new Result<{ rowIndex: number; rowHidden: boolean }[]>();
    this.ctx.push(() => {
      const ref = this.ref();
      const s = this.ws.data();
      const out = [];
      for (let r = ref.top; r <= ref.bottom; r++) out.push({ rowIndex: r, rowHidden: s.hiddenRows.has(r) });
      result.put(out);
    });
    return result;
  }
  getColumnProperties(_o: unknown): Result<{ columnIndex: number; columnHidden: boolean }[]> {
    if (this.ctx.excel.api < 9) throw new FakeError("ApiNotFound", "getColumnProperties");
    const result = new Result<{ columnIndex: number; columnHidden: boolean }[]>();
    this.ctx.push(() => {
      const ref = this.ref();
      const s = this.ws.data();
      const out = [];
      for (let c = ref.left; c <= ref.right; c++) out.push({ columnIndex: c, columnHidden: s.hiddenCols.has(c) });
      result.put(out);
    });
    return result;
  }
  getMergedAreasOrNullObject() {
    if (this.ctx.excel.api < 13) throw new FakeError("ApiNotFound", "getMergedAreasOrNullObject");
    const areas = new FakeAreas(this.ctx);
    areas.resolve = () => {
      const ref = this.ref();
      const s = this.ws.data();
      const inside = s.merges.filter((m) => m.top <= ref.bottom && m.bottom >= ref.top && m.left <= ref.right && m.right >= ref.left);
      if (inside.length > 512) throw new FakeError("GeneralException", "more than 512 merged areas");
      return inside.length === 0 ? null : inside.map((m) => qualified(s.name, rangeToA1(m))).join(", ");
    };
    return areas;
  }
  select() {
    this.ctx.push(() => {
      const name = this.ws.data().name;
      const address = rangeToA1(this.ref());
      this.ctx.excel.selection = { sheet: name, address };
      this.ctx.excel.log.push({ kind: "select", sheet: name, address });
    });
  }
}

class FakeAreas extends Proxy0 {
  resolve: () => string | null = () => null;
  load(_p: string) {
    this.ctx.push(() => {
      const a = this.resolve();
      this.loaded.set("isNullObject", a === null);
      this.loaded.set("address", a);
    });
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  get address(): string {
    return this.got("address");
  }
}

class FakeFillProxy extends Proxy0 {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  load(_p: string) {
    this.ctx.push(() => {
      let color: string | null | undefined;
      this.range.each((s, r, c) => {
        const f = s.fills.get(key(r, c)) ?? NO_FILL;
        const shown = f.pattern === "None" ? "#FFFFFF" : f.color;
        color = color === undefined ? shown : color === shown ? color : null;
      });
      this.loaded.set("color", color ?? null);
    });
  }
  get color(): string {
    return this.got("color");
  }
  set color(v: string) {
    this.ctx.push(() => {
      this.ctx.excel.log.push({ kind: "fill", sheet: this.range.ws.data().name, address: rangeToA1(this.range.ref()) });
      this.range.each((s, r, c) => s.fills.set(key(r, c), { ...NO_FILL, color: v, pattern: "Solid" }));
    });
  }
  clear() {
    this.ctx.push(() => {
      this.ctx.excel.log.push({ kind: "clearFill", sheet: this.range.ws.data().name, address: rangeToA1(this.range.ref()) });
      this.range.each((s, r, c) => s.fills.delete(key(r, c)));
    });
  }
}

/** Range.format: fill and font, and the formats the 审核结果 sheet sets (written only; reading them is not modelled). */
function formatProxy(ctx: FakeContext, range: FakeRange, fill: FakeFillProxy, font: { bold: boolean }) {
  const set = (name: string, apply: (s: FakeSheet, r: number, c: number) => void) =>
    ctx.push(() => {
      ctx.excel.log.push({ kind: "format", sheet: range.ws.data().name, address: `${rangeToA1(range.ref())} ${name}` });
      range.each(apply);
    });
  return {
    fill,
    font,
    set columnWidth(points: number) {
      set("columnWidth", (s, _r, c) => s.widths.set(c, points));
    },
    set wrapText(v: boolean) {
      set("wrapText", (s, r, c) => (v ? s.wrap.add(key(r, c)) : s.wrap.delete(key(r, c))));
    },
    set verticalAlignment(v: string) {
      set("verticalAlignment", (s, r, c) => s.formats.set(key(r, c), { ...s.formats.get(key(r, c)), verticalAlignment: v }));
    },
    autofitRows() {
      ctx.push(() => ctx.excel.log.push({ kind: "format", sheet: range.ws.data().name, address: `${rangeToA1(range.ref())} autofitRows` }));
    },
  };
}

function fontProxy(ctx: FakeContext, range: FakeRange): { bold: boolean } {
  return {
    get bold(): boolean {
      throw new FakeError("PropertyNotLoaded", "font.bold");
    },
    set bold(v: boolean) {
      ctx.push(() => {
        ctx.excel.log.push({ kind: "bold", sheet: range.ws.data().name, address: rangeToA1(range.ref()) });
        range.each((s, r, c) => s.bold.set(key(r, c), v));
      });
    },
  };
}

class FakeSetting extends Proxy0 {
  constructor(
    ctx: FakeContext,
    private key: string,
    private orNull: boolean,
  ) {
    super(ctx);
  }
  load(_p: string) {
    this.ctx.push(() => {
      const has = this.ctx.excel.settings.has(this.key);
      if (!has && !this.orNull) throw new FakeError("ItemNotFound", this.key);
      this.loaded.set("isNullObject", !has);
      this.loaded.set("value", has ? this.ctx.excel.settings.get(this.key) : null);
    });
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  get value(): unknown {
    return this.got("value");
  }
  delete() {
    this.ctx.push(() => {
      if (!this.ctx.excel.settings.has(this.key)) throw new FakeError("ItemNotFound", this.key);
      this.ctx.excel.settings.delete(this.key);
      this.ctx.excel.log.push({ kind: "deleteSetting", address: this.key });
    });
  }
}

class FakeSettings extends Proxy0 {
  getItemOrNullObject(k: string) {
    return new FakeSetting(this.ctx, k, true);
  }
  getItem(k: string) {
    return new FakeSetting(this.ctx, k, false);
  }
  add(k: string, value: unknown) {
    this.ctx.push(() => {
      // Excel keeps a setting as JSON
      this.ctx.excel.settings.set(k, JSON.parse(JSON.stringify(value)));
      this.ctx.excel.log.push({ kind: "setting", address: k });
    });
  }
}
