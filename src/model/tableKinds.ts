/**
 * The known disclosure tables: how their titles read in the three template families (Hebei budget,
 * Henan budget, national 决算 公开01–10) and how their grids are laid out.
 */
import { squash } from "./amount";
import { withoutNumbering } from "./codes";

export type TableKind =
  | "income_expense_summary"
  | "income_summary"
  | "expense_summary"
  | "fiscal_summary"
  | "gpb_expense"
  | "gpb_basic"
  | "econ_summary"
  | "gov_fund_expense"
  | "soe_expense"
  | "three_public"
  | "project_expense"
  | "procurement"
  | "fixed_assets"
  | "project_performance"
  | "overall_performance"
  | "performance_summary"
  | "self_evaluation"
  | "final_info_stats";

export interface TableKindSpec {
  kind: TableKind;
  /** Chinese name shown to users. */
  name: string;
  /** Tested in order on the title with spaces, numbering and a leading year removed. */
  titles: RegExp[];
  /** grid: header rows over columns of amounts; form: label/value pairs (绩效目标表, 自评表). */
  layout: "grid" | "form";
  /** Groups of label + amount columns side by side (收入 | 支出; the four groups of 公开06). */
  sideBySide?: boolean;
  /** Header of the column that names a row, when it is not the usual 项目/科目名称. */
  nameHeader?: RegExp;
}

/** Order matters: the first spec whose pattern matches wins. */
export const TABLE_KINDS: TableKindSpec[] = [
  { kind: "self_evaluation", name: "项目支出绩效自评表", titles: [/绩效自评表/], layout: "form" },
  { kind: "overall_performance", name: "整体绩效目标表", titles: [/整体绩效目标/], layout: "form" },
  { kind: "performance_summary", name: "项目绩效目标汇总表", titles: [/绩效目标汇总/], layout: "grid", nameHeader: /项目名称/ },
  { kind: "project_performance", name: "项目绩效目标表", titles: [/绩效目标表$/, /绩效目标$/], layout: "form" },
  { kind: "final_info_stats", name: "部门决算公开相关信息统计表", titles: [/相关信息统计表/], layout: "grid" },
  { kind: "three_public", name: "财政拨款“三公”经费支出表", titles: [/三公/], layout: "grid" },
  { kind: "gpb_basic", name: "一般公共预算财政拨款基本支出表", titles: [/一般公共预算.*基本支出/], layout: "grid", sideBySide: true },
  { kind: "gov_fund_expense", name: "政府性基金预算财政拨款支出表", titles: [/政府性?基金预算/], layout: "grid" },
  { kind: "soe_expense", name: "国有资本经营预算财政拨款支出表", titles: [/国有资本经营预算/], layout: "grid" },
  { kind: "gpb_expense", name: "一般公共预算财政拨款支出表", titles: [/一般公共预算.*支出/], layout: "grid" },
  { kind: "fiscal_summary", name: "财政拨款收支总表", titles: [/财政拨款收支/, /财政拨款收入支出/], layout: "grid", sideBySide: true },
  {
    kind: "income_expense_summary",
    name: "收支总表",
    titles: [/收支总表/, /收支总体情况/, /收入支出决算总表/, /收支预算总表/, /收支决算总表/],
    layout: "grid",
    sideBySide: true,
  },
  { kind: "income_summary", name: "收入总表", titles: [/收入总表/, /收入总体情况/, /收入决算表/, /收入预算表/], layout: "grid" },
  { kind: "expense_summary", name: "支出总表", titles: [/支出总表/, /支出总体情况/, /支出决算表/, /支出预算表/], layout: "grid" },
  { kind: "econ_summary", name: "支出经济分类汇总表", titles: [/经济分类汇总/], layout: "grid" },
  { kind: "project_expense", name: "项目支出表", titles: [/项目支出表/, /项目支出预算表/], layout: "grid", nameHeader: /项目名称/ },
  { kind: "procurement", name: "政府采购预算表", titles: [/政府采购/], layout: "grid", nameHeader: /采购(物品|品目)|品目名称/ },
  { kind: "fixed_assets", name: "固定资产占用情况表", titles: [/固定资产/, /资产占用/], layout: "grid" },
];

/** Tables that are published with the disclosure but carry no amounts to check. */
const NOT_BUDGET_TABLES: { pattern: RegExp; what: string }[] = [
  { pattern: /机构设置/, what: "机构设置情况表" },
  { pattern: /目录$/, what: "目录" },
  { pattern: /名词解释/, what: "名词解释" },
];

export function normalizeTitle(title: string): string {
  return withoutNumbering(squash(title))
    .replace(/^\d{4}年(度)?/, "")
    .replace(/[“”"]/g, '"');
}

export function specOf(kind: TableKind): TableKindSpec {
  const s = TABLE_KINDS.find((k) => k.kind === kind);
  if (!s) throw new Error(`unknown table kind ${kind}`);
  return s;
}

export function classifyTitle(title: string): TableKindSpec | undefined {
  return kindOfNormalizedTitle(normalizeTitle(title));
}

/** classifyTitle of a title already normalized (normalizeTitle). */
export function kindOfNormalizedTitle(t: string): TableKindSpec | undefined {
  // (loops rather than find/some with arrows: recognition asks this of every row that could be a title,
  // and each call made a closure per table kind)
  for (const k of TABLE_KINDS) for (const p of k.titles) if (p.test(t)) return k;
  return undefined;
}

/** When a title names a known non-budget table, what it is. */
export function nonBudgetTable(title: string): string | undefined {
  return nonBudgetOfNormalizedTitle(normalizeTitle(title));
}

/** nonBudgetTable of a title already normalized. */
export function nonBudgetOfNormalizedTitle(t: string): string | undefined {
  for (const n of NOT_BUDGET_TABLES) if (n.pattern.test(t)) return n.what;
  return undefined;
}
