/**
 * A 情况说明 written outside the workbook (.docx or .txt), as paragraphs. Each paragraph is located as
 * "第N段" of the file, which is how findings on it are shown.
 */
import * as fs from "fs";
import * as path from "path";
import mammoth from "mammoth";
import type { NarrativeParagraph } from "../../model/budgetModel";
import { WorkbookReadError } from "./readWorkbook";

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
  if (ext === ".txt" || ext === ".md") {
    const text = buf.toString("utf8");
    if (text.includes("\ufffd")) throw new WorkbookReadError(name, `情况说明文件「${name}」不是 UTF-8 编码的文本，请另存为 UTF-8 后再试。`);
    return paragraphsOf(text.replace(/^\ufeff/, ""), name);
  }
  if (ext === ".docx") {
    try {
      const { value } = await mammoth.extractRawText({ buffer: buf });
      return paragraphsOf(value, name);
    } catch {
      throw new WorkbookReadError(name, `情况说明文件「${name}」不是有效的 Word 文档（.docx），无法读取。`);
    }
  }
  throw new WorkbookReadError(name, `情况说明文件「${name}」的格式不受支持：请提供 .docx 或 .txt 文件（旧版 .doc 请先另存为 .docx）。`);
}
