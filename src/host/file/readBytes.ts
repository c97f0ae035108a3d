/**
 * A workbook's bytes into a WorkbookSnapshot, with no Node module: the CLI and the harness server reach
 * it through readWorkbook.ts (which adds the legacy .xls/.et reader and files on disk), the task pane calls
 * it on a file the officer chooses (last year's workbook), in the browser. The kind and declared sizes
 * are checked against LIMITS before anything is unzipped; unusable files give a WorkbookReadError whose
 * message is Chinese and names the file.
 */
import type { WorkbookSnapshot } from "../../grid/workbook";
import { XlsxError, XlsxLimitError } from "./xlsx/package";
import { readXlsx, type XlsxRead } from "./xlsx/read";
import { XmlError } from "./xlsx/xml";
import { readZipDirectory, ZipError, type ZipEntry } from "./zip";

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

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** "EncryptionInfo" as a compound file names its streams (UTF-16LE). */
const ENCRYPTION_INFO = [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]);

function contains(buf: Uint8Array, bytes: number[]): boolean {
  const first = bytes[0];
  for (let i = buf.indexOf(first); i >= 0 && i + bytes.length <= buf.length; i = buf.indexOf(first, i + 1)) {
    let k = 1;
    while (k < bytes.length && buf[i + k] === bytes[k]) k++;
    if (k === bytes.length) return true;
  }
  return false;
}

/** What kind of file the bytes are, before any parser sees them. */
export function sniffFile(buf: Uint8Array): "xlsx" | "encrypted" | "xls" | "empty" | "other" {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, ZIP_MAGIC)) return "xlsx";
  if (startsWith(buf, CFB_MAGIC)) {
    // An encrypted OOXML package is a compound file holding an "EncryptionInfo" stream (names are UTF-16LE).
    return contains(buf, ENCRYPTION_INFO) ? "encrypted" : "xls";
  }
  return "other";
}

/** Limits that keep a hostile or broken file from exhausting memory or time (docs/limits in the README). */
export const LIMITS = {
  /** Size of the file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Size of the package once unzipped (a zip bomb unpacks to gigabytes). */
  unzippedBytes: 1024 * 1024 * 1024,
  /** Size of one worksheet's XML once unzipped (about 450,000 rows of five cells). */
  sheetXmlBytes: 100 * 1024 * 1024,
  /** Size of any other part once unzipped (shared strings, styles, the workbook). */
  partBytes: 100 * 1024 * 1024,
  /** Non-blank cells of a workbook (the bench's 800-unit 汇总 workbook has 1.2 million and needs 640 MB resident: 2 million, scaled linearly, about 1.1 GB). */
  cells: 2_000_000,
  /** Rows × columns of one sheet's used range. */
  sheetArea: 20_000_000,
};

/** What a zip package that is not a workbook is (a Word or PowerPoint file renamed .xlsx, an archive), by its parts. */
function otherOfficeDocument(parts: string[]): string | undefined {
  const has = (re: RegExp) => parts.some((n) => re.test(n));
  if (has(/^xl\/workbook\.xml$/) || parts.includes("_rels/.rels")) return undefined;
  if (has(/^word\/document\.xml$/)) return "Word 文档（.docx）";
  if (has(/^ppt\/presentation\.xml$/)) return "PowerPoint 演示文稿（.pptx）";
  return "一个压缩包（zip），其中没有 Excel 工作簿";
}

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(0);
}

/** The file's kind, or a refusal when this reader does not take its kind or size, before anything is unzipped. */
function acceptedKind(buf: Uint8Array, name: string): "xlsx" | "xls" {
  const kind = sniffFile(buf);
  const ext = /\.[^./\\]*$/.exec(name)?.[0].toLowerCase() ?? "";
  if (kind === "empty") throw new WorkbookReadError(name, `文件「${name}」是空文件（0 字节），不是 Excel 工作簿。`);
  if (buf.length > LIMITS.fileBytes)
    throw new WorkbookReadError(name, `文件「${name}」有 ${mb(buf.length)} MB，超过 ${mb(LIMITS.fileBytes)} MB 的上限，不予读取。`);
  if (kind === "encrypted")
    throw new WorkbookReadError(name, `文件「${name}」设有打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存再检查。`);
  if (kind === "other" && (ext === ".csv" || ext === ".txt"))
    throw new WorkbookReadError(name, `文件「${name}」是 CSV 文本文件，不是 Excel 工作簿；公开表需要标题、表头和合并单元格，请提供 .xlsx 文件。`);
  if (kind === "other") throw new WorkbookReadError(name, `文件「${name}」不是 Excel 工作簿（.xlsx），无法读取。`);
  return kind;
}

/** The package's directory, refused when it is not a workbook's or declares more than the limits allow. */
function workbookDirectory(buf: Uint8Array, name: string): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buf);
  } catch {
    throw new WorkbookReadError(name, `文件「${name}」已损坏或不完整（压缩结构无法读取，可能下载未完成），无法读取。`);
  }
  const other = otherOfficeDocument(entries.map((e) => e.part));
  if (other) throw new WorkbookReadError(name, `文件「${name}」是${other}，不是 Excel 工作簿，无法读取。`);
  const unzipped = entries.reduce((sum, e) => sum + e.size, 0);
  if (unzipped > LIMITS.unzippedBytes)
    throw new WorkbookReadError(
      name,
      `文件「${name}」解压后达 ${mb(unzipped)} MB，超过 ${mb(LIMITS.unzippedBytes)} MB 的上限；可能是损坏或恶意构造的文件，不予读取。`,
    );
  const hugeSheet = entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.part) && e.size > LIMITS.sheetXmlBytes);
  if (hugeSheet) throw new WorkbookReadError(name, hugeSheetMessage(name, hugeSheet.size));
  return entries;
}

function hugeSheetMessage(name: string, bytes: number | undefined): string {
  const size = bytes === undefined ? "" : `解压后达 ${mb(bytes)} MB`;
  return `文件「${name}」中有一张工作表${size}（数十万行以上），超过一次读取 ${mb(LIMITS.sheetXmlBytes)} MB 的上限；公开表不会有这么多行，请删除多余的行或拆分文件后再检查。`;
}

/** A fault met while reading the package, as the Chinese message that names the file. */
function readFailure(e: unknown, name: string): WorkbookReadError {
  if (e instanceof XlsxLimitError && e.limit === "cells")
    return new WorkbookReadError(
      name,
      `文件「${name}」的非空单元格超过 ${LIMITS.cells / 10000} 万个的上限，不予读取；公开表不会有这么多数据，请拆分文件后再检查。`,
    );
  if (e instanceof XlsxLimitError)
    return new WorkbookReadError(
      name,
      `文件「${name}」的工作表「${e.sheet}」的数据范围从 ${e.from} 到 ${e.to}，超过 ${LIMITS.sheetArea / 10000} 万个单元格的上限；通常是远处有零星的内容（如一个空格或数字），请删除多余的行和列后再检查。`,
    );
  if (e instanceof XlsxError) return new WorkbookReadError(name, `文件「${name}」已损坏：${e.message}，无法读取。`);
  if (e instanceof XmlError) return new WorkbookReadError(name, `文件「${name}」已损坏：其中的「${e.part}」不是有效的 XML，无法读取。`);
  if (e instanceof ZipError && e.reason === "over-limit") return new WorkbookReadError(name, hugeSheetMessage(name, undefined));
  if (e instanceof ZipError && e.reason === "size-mismatch")
    return new WorkbookReadError(name, `文件「${name}」已损坏：其中的部件解压后的大小与文件所声明的不符，可能是损坏或恶意构造的文件，不予读取。`);
  if (e instanceof ZipError && e.reason === "encrypted") return new WorkbookReadError(name, `文件「${name}」的部件经过加密，无法读取。`);
  if (e instanceof ZipError && e.reason === "method")
    return new WorkbookReadError(name, `文件「${name}」使用了不支持的压缩方式，无法读取；请在 Excel 中另存为 .xlsx 后再检查。`);
  if (e instanceof ZipError) return new WorkbookReadError(name, `文件「${name}」已损坏或不完整（压缩结构无法读取，可能下载未完成），无法读取。`);
  throw e;
}

/** Reads a legacy .xls/.et workbook (readWorkbook.ts passes SheetJS's; the task pane has none). */
export type LegacyReader = (buf: Uint8Array, name: string) => XlsxRead;

/**
 * Reads a workbook from its bytes. A legacy .xls/.et file is read by `legacy` when given; without it the
 * message asks for an .xlsx.
 */
export function readWorkbookBytes(buf: Uint8Array, name: string, legacy?: LegacyReader): WorkbookSnapshot {
  let read: XlsxRead;
  if (acceptedKind(buf, name) === "xls") {
    if (!legacy)
      throw new WorkbookReadError(
        name,
        `文件「${name}」是旧版 Excel（.xls）或 WPS（.et）格式，这里只能读取 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 后再选择。`,
      );
    read = legacy(buf, name);
  } else {
    const entries = workbookDirectory(buf, name);
    try {
      read = readXlsx(buf, entries, LIMITS);
    } catch (e) {
      throw readFailure(e, name);
    }
  }
  if (read.sheets.length === 0 || read.sheets.every((s) => s.cells.length === 0)) {
    throw new WorkbookReadError(name, `文件「${name}」是空工作簿：没有任何含数据的工作表。`);
  }
  return read.notes.length > 0 ? { name, sheets: read.sheets, notes: read.notes } : { name, sheets: read.sheets };
}
