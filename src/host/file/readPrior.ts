/** Prior-year figures from a file given on the command line (--prior): a .json file or last year's workbook. */
import * as fs from "fs";
import * as path from "path";
import { priorFromWorkbook } from "../../engine";
import type { PriorYear } from "../../model/prior";
import { priorFromJson } from "../../narrative/prior";
import { readWorkbookFile } from "./readWorkbook";

/** Reads prior-year figures from a .json file, or from last year's workbook (as the task pane's 从上年工作簿导入 does). */
export async function readPrior(file: string): Promise<PriorYear> {
  if (path.extname(file).toLowerCase() === ".json") return priorFromJson(await fs.promises.readFile(file, "utf8"), path.basename(file));
  return priorFromWorkbook(await readWorkbookFile(file));
}
