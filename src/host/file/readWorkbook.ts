/**
 * File host, read side: an .xlsx file into a WorkbookSnapshot. Formula cells give their cached value;
 * shown text is computed from the number format. Unusable files give a WorkbookReadError whose message
 * is Chinese and names the file.
 */
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import ExcelJS from "exceljs";
import { parseRangeA1 } from "../../grid/address";
import { formatNumber } from "../../grid/numfmt";
import type { Cell, RawValue, SheetSnapshot, WorkbookSnapshot } from "../../grid/workbook";

export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** What kind of file the bytes are, before any parser sees them. */
export function sniffFile(buf: Buffer): "xlsx" | "encrypted" | "xls" | "empty" | "other" {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, ZIP_MAGIC)) return "xlsx";
  if (startsWith(buf, CFB_MAGIC)) {
    // An encrypted OOXML package is a compound file holding an "EncryptionInfo" stream (names are UTF-16LE).
    return buf.includes(Buffer.from("EncryptionInfo", "utf16le")) ? "encrypted" : "xls";
  }
  return "other";
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function toCell(c: ExcelJS.Cell): Cell | null {
  const v = c.value as unknown;
  const numFmt = c.numFmt || undefined;
  let value: RawValue = null;
  let formula: string | undefined;
  let inner: unknown = v;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      formula = c.formula || (o.formula as string | undefined) || undefined;
      inner = o.result ?? null;
    }
  }
  if (inner === null || inner === undefined) value = null;
  else if (typeof inner === "number" || typeof inner === "string" || typeof inner === "boolean") value = inner;
  else if (inner instanceof Date) value = inner;
  else if (typeof inner === "object") {
    const o = inner as Record<string, unknown>;
    if (Array.isArray(o.richText)) value = (o.richText as { text: string }[]).map((r) => r.text).join("");
    else if (typeof o.error === "string") value = { error: o.error };
    else if (typeof o.text === "string")
      value = o.text; // hyperlink
    else if (typeof o.error === "object" && o.error) value = { error: String((o.error as { error?: string }).error ?? "#VALUE!") };
  }
  if (value === null && formula === undefined) return null;
  const uncalculated = formula !== undefined && value === null;
  let text: string;
  if (value === null) text = "";
  else if (typeof value === "number") text = formatNumber(value, numFmt);
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else if (value instanceof Date) text = dateText(value);
  else if (typeof value === "string") text = value;
  else text = value.error;
  const cell: Cell = { value, text };
  if (formula) cell.formula = formula.replace(/^=/, "");
  if (uncalculated) cell.uncalculated = true;
  if (numFmt && numFmt !== "General") cell.numFmt = numFmt;
  return cell;
}

/** Whether toCell gives a cell (a value or a formula); told without building it for plain values. */
function hasContent(c: ExcelJS.Cell): boolean {
  const v = c.value as unknown;
  if (v === null || v === undefined) return false;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return true;
  return toCell(c) !== null; // a formula, rich text, an error value, a hyperlink
}

/** A covered part of a merge (the master holds the value). */
function isCovered(c: ExcelJS.Cell): boolean {
  return c.isMerged && c.master !== c;
}

function sheetFrom(ws: ExcelJS.Worksheet): SheetSnapshot {
  // Two passes: the bounds, then each cell built straight into its row. (Cells gathered in a list first
  // and placed afterwards left the list's entries between them: promoted together, the cells of a large
  // workbook lay on a third more pages than they fill once the list was garbage, and every later pass
  // over them was slower.)
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (isCovered(c) || !hasContent(c)) return;
      top = Math.min(top, rowNumber - 1);
      left = Math.min(left, colNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRangeA1);
  // the columns the sheet defines (<cols>), read once: ws.columnCount walks every row each time it is asked,
  // and a sheet with one cell in column XFD made that loop run for minutes
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.hidden) hiddenCols.push(i);
  });
  const protectedSheet = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  if (bottom < 0) {
    return { name: ws.name, top: 0, left: 0, cells: [], merges, hiddenRows, hiddenCols, hidden: ws.state !== "visible", protected: protectedSheet };
  }
  const width = right - left + 1;
  const cells: (Cell | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const rowCells: (Cell | null)[] = new Array(width).fill(null);
    ws.findRow(r + 1)?.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (!isCovered(c)) rowCells[colNumber - 1 - left] = toCell(c);
    });
    cells.push(rowCells);
  }
  return {
    name: ws.name,
    top,
    left,
    cells,
    merges,
    hiddenRows,
    hiddenCols,
    hidden: ws.state !== undefined && ws.state !== "visible",
    protected: protectedSheet,
  };
}

/** Limits that keep a hostile or broken file from exhausting memory. */
export const LIMITS = {
  /** Size of the file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Size of the package once unzipped (a zip bomb unpacks to gigabytes). */
  unzippedBytes: 1024 * 1024 * 1024,
  /** Size of one worksheet's XML once unzipped (about 450,000 rows of five cells). */
  sheetXmlBytes: 100 * 1024 * 1024,
};

/**
 * The entries of a zip as its central directory declares them (name and unzipped size), or undefined
 * when the directory cannot be read or uses ZIP64 sizes (no workbook this tool reads needs them).
 */
export function zipEntries(buf: Buffer): { name: string; size: number }[] | undefined {
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; size: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) return undefined;
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLength), size });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** What a zip package that is not a workbook is (a Word or PowerPoint file renamed .xlsx, an archive), by its parts. */
function otherOfficeDocument(names: string[]): string | undefined {
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (has(/^\/?xl\/workbook\.xml$/i)) return undefined;
  if (has(/^\/?word\/document\.xml$/i)) return "Word 文档（.docx）";
  if (has(/^\/?ppt\/presentation\.xml$/i)) return "PowerPoint 演示文稿（.pptx）";
  return "一个压缩包（zip），其中没有 Excel 工作簿";
}

export async function readWorkbookBuffer(buf: Buffer, name: string): Promise<WorkbookSnapshot> {
  const kind = sniffFile(buf);
  const ext = path.extname(name).toLowerCase();
  if (kind === "empty") throw new WorkbookReadError(name, `文件「${name}」是空文件（0 字节），不是 Excel 工作簿。`);
  if (buf.length > LIMITS.fileBytes)
    throw new WorkbookReadError(name, `文件「${name}」有 ${(buf.length / 1048576).toFixed(0)} MB，超过 ${LIMITS.fileBytes / 1048576} MB 的上限，不予读取。`);
  if (kind === "encrypted")
    throw new WorkbookReadError(name, `文件「${name}」设有打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存再检查。`);
  if (kind === "xls" && ext === ".et")
    throw new WorkbookReadError(name, `文件「${name}」是 WPS 表格 .et 格式，暂不支持。请在 WPS 或 Excel 中另存为 .xlsx 后再检查。`);
  if (kind === "xls") throw new WorkbookReadError(name, `文件「${name}」是旧版 .xls 格式，暂不支持。请在 Excel 中另存为 .xlsx 后再检查。`);
  if (kind === "other" && (ext === ".csv" || ext === ".txt"))
    throw new WorkbookReadError(name, `文件「${name}」是 CSV 文本文件，不是 Excel 工作簿；公开表需要标题、表头和合并单元格，请提供 .xlsx 文件。`);
  if (kind === "other") throw new WorkbookReadError(name, `文件「${name}」不是 Excel 工作簿（.xlsx），无法读取。`);
  const entries = zipEntries(buf);
  const unzipped = entries ? entries.reduce((sum, e) => sum + e.size, 0) : Infinity;
  // (a part named with a leading slash or in capitals is the same part to a zip reader)
  const hugeSheet = entries?.find((e) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && e.size > LIMITS.sheetXmlBytes);
  const other = entries && otherOfficeDocument(entries.map((e) => e.name));
  if (other) throw new WorkbookReadError(name, `文件「${name}」是${other}，不是 Excel 工作簿，无法读取。`);
  if (unzipped === Infinity) throw new WorkbookReadError(name, `文件「${name}」已损坏或不完整（压缩结构无法读取，可能下载未完成），无法读取。`);
  if (unzipped > LIMITS.unzippedBytes)
    throw new WorkbookReadError(
      name,
      `文件「${name}」解压后达 ${(unzipped / 1048576).toFixed(0)} MB，超过 ${LIMITS.unzippedBytes / 1048576} MB 的上限；可能是损坏或恶意构造的文件，不予读取。`,
    );
  if (hugeSheet)
    throw new WorkbookReadError(
      name,
      `文件「${name}」中有一张工作表解压后达 ${(hugeSheet.size / 1048576).toFixed(0)} MB（数十万行以上），超过一次读取 ${LIMITS.sheetXmlBytes / 1048576} MB 的上限；公开表不会有这么多行，请删除多余的行或拆分文件后再检查。`,
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(name, `文件「${name}」已损坏或不是有效的 .xlsx 工作簿，无法读取（${(e as Error).message}）。`);
  }
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetFrom(ws));
  });
  if (sheets.length === 0 || sheets.every((s) => s.cells.length === 0)) {
    throw new WorkbookReadError(name, `文件「${name}」是空工作簿：没有任何含数据的工作表。`);
  }
  return { name, sheets };
}

export async function readWorkbookFile(file: string): Promise<WorkbookSnapshot> {
  const name = path.basename(file);
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个文件夹" : code === "EACCES" ? "没有读取权限" : (e as Error).message;
    throw new WorkbookReadError(name, `无法打开文件「${file}」：${why}。`);
  }
  return readWorkbookBuffer(buf, name);
}

/**
 * Reads a workbook to be checked: readWorkbookFile, then the parser's garbage collected before the
 * snapshot is handed on. ExcelJS holds the whole workbook in memory twice over while it parses, leaving
 * several times the snapshot's size in garbage. Left to V8, that garbage raises the limit of the old
 * generation so far that the next full collection is put off for several checks: their garbage then
 * piles up, and every young-generation collection walks all those pages, which makes the checks a third
 * slower. The collections are made only when the parse grew the heap by more than COLLECT_AFTER_GROWTH:
 * in a process that has checked other files they cost far more than their time in a fresh one, and a
 * workbook of ordinary size leaves only a few MB (figures: docs/performance.md).
 */
export async function readWorkbookToCheck(file: string): Promise<WorkbookSnapshot> {
  const before = v8.getHeapStatistics().used_heap_size;
  const snapshot = await readWorkbookFile(file);
  if (v8.getHeapStatistics().used_heap_size - before > COLLECT_AFTER_GROWTH) collectGarbage();
  return snapshot;
}

/** How much a parse must grow the heap (bytes) for readWorkbookToCheck to collect its garbage. */
const COLLECT_AFTER_GROWTH = 128 * 1024 * 1024;

/** V8's full collection: the global gc of --expose-gc, or the one a new context exposes once the flag is set. */
let fullCollection: (() => void) | undefined;

/**
 * Two full collections: the first frees the parser's objects, the second gives back the pages the first
 * emptied (after one, the old generation keeps several times its objects' size in pages).
 */
function collectGarbage(): void {
  if (!fullCollection) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) fullCollection = exposed;
    else {
      v8.setFlagsFromString("--expose-gc");
      fullCollection = vm.runInNewContext("gc") as () => void;
    }
  }
  fullCollection();
  fullCollection();
}
