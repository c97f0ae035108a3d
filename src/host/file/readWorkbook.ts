/**
 * File host, read side: a workbook file into a WorkbookSnapshot — .xlsx/.xlsm by the streaming reader
 * (xlsx/), .xls/.et by the legacy reader — after its kind and declared sizes are checked against LIMITS
 * (readBytes.ts, which the task pane uses alone in the browser). Formula cells give their cached value;
 * shown text is computed from the number format. Unusable files give a WorkbookReadError whose message
 * is Chinese and names the file.
 */
import * as fs from "fs";
import * as path from "path";
import type { WorkbookSnapshot } from "../../grid/workbook";
import { LegacyReadError, readLegacy } from "./legacy";
import { readWorkbookBytes, WorkbookReadError } from "./readBytes";

export { LIMITS, sniffFile, WorkbookReadError } from "./readBytes";

export async function readWorkbookBuffer(buf: Buffer, name: string): Promise<WorkbookSnapshot> {
  return readWorkbookBytes(buf, name, (bytes, n) => {
    try {
      return readLegacy(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), n);
    } catch (e) {
      throw e instanceof LegacyReadError ? new WorkbookReadError(n, e.message) : e;
    }
  });
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
