import * as path from "path";
import { main } from "../src/cli/main";
import { readWorkbookFile } from "../src/host/file/readWorkbook";
import type { BudgetModel } from "../src/model/budgetModel";
import { recognize } from "../src/recognize/recognize";
import type { PriorYear } from "../src/model/prior";
import { generateNarrative } from "../src/narrative/generate";
import type { NarrativeSection } from "../src/narrative/section";
import type { NarrativeStyle } from "../src/model/profiles";
import { resolvePrior } from "../src/narrative/prior";

export const FIXTURES = path.join(__dirname, "fixtures");
export const SEED_WORKBOOKS = ["seed000", "seed001-dept", "seed001-unit", "seed002", "seed003", "seed004"];
export const VARIANT_NAMES = ["stacked", "shifted", "yuan", "nolanci", "textnums"];
/** Variants that add columns of other periods (上年/增减, 年初预算) to some tables: the same model of this year's columns. */
export const PERIOD_VARIANT_NAMES = ["prior", "budget"];

const cache = new Map<string, Promise<BudgetModel>>();

/** The recognized model of a generated fixture: "seed000" or "variants/seed000-yuan". */
export function fixtureModel(id: string): Promise<BudgetModel> {
  let p = cache.get(id);
  if (!p) {
    p = readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)).then(recognize);
    cache.set(id, p);
  }
  return p;
}

/** The 情况说明 generated as a check would write it: last year's figures (explicit, else none) resolved with the tables' columns. */
export function generate(model: BudgetModel, explicit?: PriorYear, style?: NarrativeStyle): NarrativeSection[] {
  return generateNarrative(model, resolvePrior(model, explicit), style);
}

/** budget-check run in this process, its output collected: the exit code, stdout and stderr. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}
