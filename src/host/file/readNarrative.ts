/**
 * A 情况说明 written outside the workbook (.docx or .txt), as paragraphs. Each paragraph is located as
 * "第N段" of the file, which is how findings on it are shown.
 */
import * as fs from "fs";
import * as path from "path";
import mammoth from "mammoth";
import type { NarrativeParagraph } from "../../model/budgetModel";
import { WorkbookReadError } from "./readWorkbook";
import { inflateEntry, readZipDirectory, ZipError } from "./zip";

/** Limits of a 情况说明 file: its size, and for a .docx the size of its parts once unzipped. */
export const NARRATIVE_LIMITS = { fileBytes: 20 * 1024 * 1024, unzippedBytes: 64 * 1024 * 1024 };

/**
 * A .docx is refused before the Word reader (mammoth, which unzips whole parts) sees it when it declares
 * more than the limit unzipped, or when a part unzips to more than it declares (inflated here in chunks
 * and dropped, so that nothing large is held).
 */
function checkDocxSizes(buf: Buffer, name: string): void {
  const tooBig = new WorkbookReadError(
    name,
    `情况说明文件「${name}」解压后超过 ${NARRATIVE_LIMITS.unzippedBytes / 1048576} MB，不像是一份情况说明（可能是损坏或恶意构造的文件），不予读取。`,
  );
  try {
    const entries = readZipDirectory(buf);
    if (entries.reduce((sum, e) => sum + e.size, 0) > NARRATIVE_LIMITS.unzippedBytes) throw tooBig;
    for (const e of entries) inflateEntry(buf, e, NARRATIVE_LIMITS.unzippedBytes, () => undefined);
  } catch (e) {
    if (e === tooBig) throw e;
    if (e instanceof ZipError && e.reason !== "corrupt") throw tooBig;
    throw new WorkbookReadError(name, `情况说明文件「${name}」不是有效的 Word 文档（.docx），无法读取。`);
  }
}

export function paragraphsOf(text: string, source: string): NarrativeParagraph[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t, i) => ({ text: t, cell: { sheet: source, address: `第${i + 1}段`, row: i, col: 0 } }));
}

export async function readNarrativeFile(file: string): Promise<NarrativeParagraph[]> {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch {
    throw new WorkbookReadError(name, `无法打开情况说明文件「${file}」。`);
  }
  if (buf.length > NARRATIVE_LIMITS.fileBytes)
    throw new WorkbookReadError(
      name,
      `情况说明文件「${name}」有 ${(buf.length / 1048576).toFixed(0)} MB，超过 ${NARRATIVE_LIMITS.fileBytes / 1048576} MB 的上限，不像是一份情况说明，不予读取。`,
    );
  if (ext === ".txt" || ext === ".md") {
    const text = buf.toString("utf8");
    if (text.includes("\ufffd")) throw new WorkbookReadError(name, `情况说明文件「${name}」不是 UTF-8 编码的文本，请另存为 UTF-8 后再试。`);
    return paragraphsOf(text.replace(/^\ufeff/, ""), name);
  }
  if (ext === ".docx") {
    checkDocxSizes(buf, name);
    try {
      const { value } = await mammoth.extractRawText({ buffer: buf });
      return paragraphsOf(value, name);
    } catch {
      throw new WorkbookReadError(name, `情况说明文件「${name}」不是有效的 Word 文档（.docx），无法读取。`);
    }
  }
  throw new WorkbookReadError(name, `情况说明文件「${name}」的格式不受支持：请提供 .docx 或 .txt 文件（旧版 .doc 请先另存为 .docx）。`);
}
