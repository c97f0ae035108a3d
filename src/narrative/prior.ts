/**
 * Prior-year figures for the comparison sentences of the 情况说明, from three sources:
 *
 * 1. last year's workbook (recognized with the same engine: priorFromModel) or a small JSON file the officer
 *    writes (priorFromJson):
 *
 *      { "year": 2023, "total": "8378.87", "basic": "799.60", "project": "7579.27",
 *        "threePublic": { "合计": "3.67", "因公出国": "0.03", "公务用车": "3.00", "公务接待": "0.64" } }
 *
 *    "threePublic" may also give "购置" and "运行" (公务用车购置费, 运行维护费). For a 决算 the figures are
 *    last year's 决算数, plus "grand" (收入/支出总计), "fiscalGrand" (财政拨款收支总计), "gpb" (一般公共预算
 *    财政拨款支出) and "categories" (each 类, by code "208" or name "社会保障和就业支出"); "budget" gives this
 *    year's 年初预算: { "gpb": "5015.28", "categories": { "208": "151.50", … } }. Amounts are in 万元; write
 *    them as strings to keep every digit (numbers are accepted too).
 * 2. the workbook's own tables (priorFromColumns): the 上年 columns beside this year's (上年预算数,
 *    "2023年预算数" in a 2024 table, 上年决算数) give last year's figures as last year's workbook would, and a
 *    决算's 年初预算数 columns give this year's 年初预算 (公开05: the total and each 类).
 *
 * Precedence (mergePrior): the explicit figures (--prior, the task pane's JSON) first, then the tables'
 * columns, item by item: each figure the explicit source does not give (total, basic, project, each “三公”
 * item, grand, fiscalGrand, gpb, each 类, the 年初预算 total and each 类) is taken from the columns. Last
 * year's figures from the columns are only merged when the explicit source is of the same year.
 *
 * The engine resolves them once per check (resolvePrior): the generator writes from the merged figures,
 * and the narrative check compares with the same figures, each with where it comes from (the explicit
 * source, or the 上年 cell it is read from), keyed by the quantity of this year each is last year's figure of.
 */
import type { BudgetModel } from "../model/budgetModel";
import { periodModel } from "../model/periods";
import { Dec, ZERO } from "../grid/decimal";
import { categoryCodeOfName } from "../model/query/functional";
import { ITEM_NAMES } from "../model/query/threePublic";
import type { PriorYear, ThreePublicFigures } from "../model/prior";
import { modelQuantities, type Quantity } from "./quantities";

export class PriorYearError extends Error {}

const TP_ITEMS = ["合计", "因公出国", "公务用车", "购置", "运行", "公务接待"] as const;

type PlainField = "total" | "basic" | "project" | "grand" | "fiscalGrand" | "gpb";

/**
 * Each plain figure of a PriorYear: the quantities of a workbook it is read from (the first one there is)
 * and those of this year's workbook it is last year's figure of; `final`: only a 决算 gives it.
 */
const FIGURES: { field: PlainField; keys: string[]; final?: boolean }[] = [
  { field: "total", keys: ["expense.total"] },
  { field: "basic", keys: ["basic"] },
  { field: "project", keys: ["project"] },
  { field: "grand", keys: ["expense.grand", "income.grand"], final: true },
  { field: "fiscalGrand", keys: ["expense.fiscalGrand", "income.fiscalGrand"], final: true },
  { field: "gpb", keys: ["expense.gpb"] },
];

/** The quantity of a workbook a PriorYear figure is read from: the first of its keys the workbook has. */
function figureQuantity(q: Map<string, Quantity>, keys: string[]): Quantity | undefined {
  for (const k of keys) {
    const x = q.get(k);
    if (x) return x;
  }
  return undefined;
}

/** The prior-year figures a recognized workbook of last year holds. */
export function priorFromModel(model: BudgetModel, q = modelQuantities(model)): PriorYear {
  const final = model.documentKind === "决算";
  const prior: PriorYear = { year: model.year ?? 0 };
  for (const f of FIGURES) if (final || !f.final) prior[f.field] = figureQuantity(q, f.keys)?.value;
  if (final) prior.categories = Object.fromEntries([...q.values()].filter((x) => x.family === "category" && x.code).map((x) => [x.code!, x.value]));
  const aspect = final ? "@决算数" : "";
  const tp: ThreePublicFigures = {};
  for (const item of TP_ITEMS) {
    const x = q.get(`tp.${item}${aspect}`)?.value;
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
  const prior: PriorYear = {
    year,
    total: amount(data.total, "total", file),
    basic: amount(data.basic, "basic", file),
    project: amount(data.project, "project", file),
  };
  const object = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
  const threePublic = (x: unknown, what: string): ThreePublicFigures | undefined => {
    if (!object(x)) return undefined;
    const out: ThreePublicFigures = {};
    for (const item of TP_ITEMS) {
      const a = amount(x[item], `${what}.${item}`, file);
      if (a) out[item] = a;
    }
    return out;
  };
  /** Amounts by 类 code; a 类 may be named instead ("社会保障和就业支出"). */
  const categories = (x: unknown, what: string): Record<string, Dec> | undefined => {
    if (!object(x)) return undefined;
    const out: Record<string, Dec> = {};
    for (const [k, raw] of Object.entries(x)) {
      const code = /^\d{3}$/.test(k.trim()) ? k.trim() : categoryCodeOfName(k);
      if (!code) throw new PriorYearError(`上年数据文件「${file}」中「${what}」的「${k}」不是功能分类的类（请写类级科目代码，如 "208"，或类名称）。`);
      const a = amount(raw, `${what}.${k}`, file);
      if (a) out[code] = a;
    }
    return out;
  };
  prior.threePublic = threePublic(data.threePublic, "threePublic");
  prior.grand = amount(data.grand, "grand", file);
  prior.fiscalGrand = amount(data.fiscalGrand, "fiscalGrand", file);
  prior.gpb = amount(data.gpb, "gpb", file);
  prior.categories = categories(data.categories, "categories");
  if (object(data.budget))
    prior.budget = { gpb: amount(data.budget.gpb, "budget.gpb", file), categories: categories(data.budget.categories, "budget.categories") };
  return prior;
}

/**
 * The prior-year figures the workbook's own tables hold: last year's from its 上年 columns, and for a 决算
 * this year's 年初预算 from its 年初预算 columns. Undefined when the tables have neither.
 */
export function priorFromColumns(model: BudgetModel, last = lastYearModel(model), lastQuantities = last && modelQuantities(last)): PriorYear | undefined {
  const year = model.year === null ? null : model.year - 1;
  const initial = model.documentKind === "决算" ? periodModel(model, "年初预算", model.year) : undefined;
  if (!last && !initial) return undefined;
  const prior: PriorYear = last ? withoutUndefined(priorFromModel(last, lastQuantities)) : { year: year ?? 0 };
  if (initial) {
    const q = modelQuantities(initial);
    const categories = Object.fromEntries([...q.values()].filter((x) => x.family === "category" && x.code).map((x) => [x.code!, x.value]));
    const gpb = q.get("expense.gpb")?.value;
    if (gpb !== undefined || Object.keys(categories).length)
      prior.budget = withoutUndefined({ gpb, categories: Object.keys(categories).length ? categories : undefined });
  }
  return prior;
}

/** The model as last year's workbook: the 上年 columns in place of this year's (undefined when the tables have none). */
function lastYearModel(model: BudgetModel): BudgetModel | undefined {
  return periodModel(model, "上年", model.year === null ? null : model.year - 1);
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Each figure of `first`, and each of `second` that `first` does not give (last year's only when both are of the same year). */
export function mergePrior(first: PriorYear | undefined, second: PriorYear | undefined): PriorYear | undefined {
  if (!first || !second) return first ?? second;
  const out: PriorYear = { ...first };
  if (first.year === second.year) {
    for (const k of ["total", "basic", "project", "grand", "fiscalGrand", "gpb"] as const)
      if (out[k] === undefined && second[k] !== undefined) out[k] = second[k];
    if (second.threePublic) out.threePublic = { ...second.threePublic, ...withoutUndefined(first.threePublic ?? {}) };
    if (second.categories) out.categories = { ...second.categories, ...first.categories };
  }
  if (second.budget) {
    const gpb = first.budget?.gpb ?? second.budget.gpb;
    const categories = second.budget.categories || first.budget?.categories ? { ...second.budget.categories, ...first.budget?.categories } : undefined;
    out.budget = withoutUndefined({ gpb, categories });
  }
  return out;
}

/** A prior-year figure the narrative check compares a stated change with, and where it comes from. */
export interface PriorFigure {
  /** Last year's amount in 万元. */
  value: Dec;
  /** Half a unit of the rounding of the 上年 cells it is read from; 0 for a figure the user gave. */
  tolerance: Dec;
  /** The year of the figures (0 when the tables' year is unknown). */
  year: number;
  /** For messages: "上年数据文件", or the 上年 column's table and cell ("「财政拨款“三公”经费支出表」上年列 09三公经费!C7"). */
  source: string;
  /** The 上年 column quantities it is read from (none for a figure the user gave). */
  quantities: Quantity[];
}

export const EXPLICIT_SOURCE = "上年数据文件";

/**
 * Last year's figures as one check uses them, resolved once by the engine (resolvePrior) and handed, the
 * same value, to the narrative check (through the rules' settings) and to the generator.
 */
export interface LastYear {
  /** The figures the user gave (--prior, the task pane's 上年数据), as given. */
  readonly explicit?: PriorYear;
  /** Those merged with the tables' own 上年 and 年初预算 columns (mergePrior): what the generator writes from. */
  readonly merged?: PriorYear;
  /**
   * The merged figures keyed by the quantity of this year each is last year's figure of ("expense.total",
   * "basic", "tp.合计", "category.208" …), each with its source: what the narrative check compares with.
   */
  readonly figures: Map<string, PriorFigure>;
}

/**
 * Resolves last year's figures for one check: the explicit figures merged with the tables' columns by
 * mergePrior, and the same figures with where each comes from (the explicit source, or the 上年 cell it is
 * read from). A “三公” 公务用车 or 合计 that neither gives is the sum of its items, as the generator takes
 * it (priorThreePublic).
 */
export function resolvePrior(model: BudgetModel, explicit?: PriorYear): LastYear {
  // resolved on first use, once: a check without a 情况说明 to check or write never reads the 上年 columns
  let resolved: { merged?: PriorYear; figures: Map<string, PriorFigure> } | undefined;
  const resolve = () => {
    if (resolved) return resolved;
    const last = lastYearModel(model);
    const columns = last ? modelQuantities(last) : new Map<string, Quantity>();
    const merged = mergePrior(explicit, priorFromColumns(model, last, columns));
    return (resolved = { merged, figures: merged ? priorFigures(model, explicit, merged, columns) : new Map<string, PriorFigure>() });
  };
  return {
    explicit,
    get merged() {
      return resolve().merged;
    },
    get figures() {
      return resolve().figures;
    },
  };
}

function priorFigures(model: BudgetModel, explicit: PriorYear | undefined, merged: PriorYear, columns: Map<string, Quantity>): Map<string, PriorFigure> {
  const out = new Map<string, PriorFigure>();
  const fromColumn = (value: Dec, q: Quantity | undefined): PriorFigure | undefined => {
    if (!q || !q.value.equals(value)) return undefined;
    return { value, tolerance: q.tolerance, year: merged.year, source: q.source.replace(/^(「[^」]*」)/, "$1上年列 "), quantities: [q] };
  };
  /** A figure of the explicit source when it gives it, else of the 上年 column it was merged from. */
  const figure = (value: Dec | undefined, given: boolean, column: Quantity | undefined): PriorFigure | undefined => {
    if (value === undefined) return undefined;
    if (given) return { value, tolerance: ZERO, year: merged.year, source: EXPLICIT_SOURCE, quantities: [] };
    return fromColumn(value, column);
  };
  const final = model.documentKind === "决算";
  for (const f of FIGURES) {
    if (f.final && !final) continue;
    const x = figure(merged[f.field], explicit?.[f.field] !== undefined, figureQuantity(columns, f.keys));
    if (x) for (const k of f.keys) out.set(k, x);
  }
  for (const [code, value] of Object.entries(merged.categories ?? {})) {
    const x = figure(value, explicit?.categories?.[code] !== undefined, columns.get(`category.${code}`));
    if (x) out.set(`category.${code}`, x);
  }
  const aspect = final ? "@决算数" : "";
  const tp = new Map<(typeof TP_ITEMS)[number], PriorFigure>();
  for (const item of TP_ITEMS) {
    const x = figure(merged.threePublic?.[item], explicit?.threePublic?.[item] !== undefined, columns.get(`tp.${item}${aspect}`));
    if (x) tp.set(item, x);
  }
  const sum = (whole: "公务用车" | "合计", parts: (typeof TP_ITEMS)[number][]) => {
    const xs = parts.map((p) => tp.get(p));
    if (tp.has(whole) || xs.some((x) => x === undefined)) return;
    const all = xs as PriorFigure[];
    // where the parts come from: 上年数据文件, or a table's 上年 column
    const origin = (x: PriorFigure) => (x.source.startsWith(EXPLICIT_SOURCE) ? EXPLICIT_SOURCE : (/^「[^」]*」上年列/.exec(x.source)?.[0] ?? x.source));
    const sources = [...new Set(all.map(origin))];
    tp.set(whole, {
      value: all.reduce((s, x) => s.plus(x.value), ZERO),
      tolerance: all.reduce((s, x) => s.plus(x.tolerance), ZERO),
      year: merged.year,
      source: `${sources.join("、")}中${parts.map((p) => ITEM_NAMES[p]).join("、")}之和`,
      quantities: all.flatMap((x) => x.quantities),
    });
  };
  sum("公务用车", ["购置", "运行"]);
  sum("合计", ["因公出国", "公务用车", "公务接待"]);
  for (const [item, x] of tp) out.set(`tp.${item}`, x);
  return out;
}
