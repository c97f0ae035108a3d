import * as path from "path";
import { readWorkbookFile } from "../src/host/file/readWorkbook";
import type { BudgetModel } from "../src/model/budgetModel";
import { recognize } from "../src/recognize/recognize";

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
