/**
 * Prior-year figures for the comparison sentences of the 情况说明: from last year's workbook (recognized
 * with the same engine) or from a small JSON file the officer writes:
 *
 *   { "year": 2023, "total": "8378.87", "basic": "799.60", "project": "7579.27",
 *     "threePublic": { "合计": "3.67", "因公出国": "0.03", "公务用车": "3.00", "公务接待": "0.64" } }
 *
 * Amounts are in 万元; write them as strings to keep every digit (numbers are accepted too).
 */
import type { BudgetModel } from "../model/budgetModel";
import { Dec } from "../model/decimal";
import type { PriorYear } from "./generate";
import { modelQuantities } from "./quantities";

export class PriorYearError extends Error {}

/** The prior-year figures a recognized workbook of last year holds. */
export function priorFromModel(model: BudgetModel): PriorYear {
  const q = modelQuantities(model);
  const v = (key: string) => q.get(key)?.value;
  const prior: PriorYear = { year: model.year ?? 0, total: v("expense.total"), basic: v("basic"), project: v("project") };
  const aspect = model.documentKind === "决算" ? "@决算数" : "";
  const tp: NonNullable<PriorYear["threePublic"]> = {};
  for (const item of ["合计", "因公出国", "公务用车", "公务接待"] as const) {
    const x = v(`tp.${item}${aspect}`);
    if (x) tp[item] = x;
  }
  if (Object.keys(tp).length) prior.threePublic = tp;
  return prior;
}

function amount(value: unknown, what: string, file: string): Dec | undefined {
  if (value === undefined || value === null) return undefined;
  if ((typeof value !== "string" && typeof value !== "number") || !/^-?\d+(\.\d+)?$/.test(String(value).trim())) {
    throw new PriorYearError(`上年数据文件「${file}」中「${what}」不是金额：${JSON.stringify(value)}。`);
  }
  return new Dec(String(value).trim());
}

/** Prior-year figures from the JSON format above. */
export function priorFromJson(text: string, file: string): PriorYear {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PriorYearError(`上年数据文件「${file}」不是有效的 JSON。`);
  }
  const year = Number(data.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new PriorYearError(`上年数据文件「${file}」缺少有效的 "year"（上年年度）。`);
  const prior: PriorYear = { year, total: amount(data.total, "total", file), basic: amount(data.basic, "basic", file), project: amount(data.project, "project", file) };
  if (data.threePublic && typeof data.threePublic === "object") {
    const tp = data.threePublic as Record<string, unknown>;
    prior.threePublic = {};
    for (const item of ["合计", "因公出国", "公务用车", "公务接待"] as const) {
      const x = amount(tp[item], `threePublic.${item}`, file);
      if (x) prior.threePublic[item] = x;
    }
  }
  return prior;
}
