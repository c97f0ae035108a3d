/** Prior-year figures from a file given on the command line (--prior): a .json file or last year's workbook. */
import * as fs from "fs";
import * as path from "path";
import type { BudgetModel } from "../../model/budgetModel";
import type { PriorYear } from "../../model/prior";
import { priorFromJson, priorFromModel } from "../../narrative/prior";

/** Reads prior-year figures from a .json file, or from last year's workbook through `readModel`. */
export async function readPrior(file: string, readModel: (file: string) => Promise<BudgetModel>): Promise<PriorYear> {
  if (path.extname(file).toLowerCase() === ".json") return priorFromJson(await fs.promises.readFile(file, "utf8"), path.basename(file));
  return priorFromModel(await readModel(file));
}
