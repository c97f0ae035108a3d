/**
 * Document-family profiles: what a family of disclosure packages publishes and how its 情况说明 is worded.
 * Data, not code branches: the rules read a profile's table set (R22), the generator its wording. A profile
 * is chosen from the recognized workbook with the reason shown, and can be overridden (--profile, the task
 * pane's setting kept in the workbook).
 */
import type { BudgetModel, DocumentKind } from "./budgetModel";
import type { TableKind } from "./tableKinds";

/** hebei: 河北 budget wording (seeds 000–002); henan: 河南 budget wording with shares (seed 003); final: 决算. */
export type NarrativeStyle = "hebei" | "henan" | "final";

export type ProfileId = "budget-national" | "budget-henan" | "final-national" | "final-shanghai";

export interface DocumentProfile {
  id: ProfileId;
  /** How the officer calls the family. */
  name: string;
  kind: DocumentKind;
  /** Tables every package of the family publishes: one missing is an error (R22). */
  mandatory: TableKind[];
  /** Tables some packages of the family publish besides: their absence says nothing. */
  optional: TableKind[];
  /** The wording of the 情况说明 generated for the family. */
  style: NarrativeStyle;
}

/** The nine tables of a budget package (部门预算/单位预算), as the seed families publish them. */
export const BUDGET_TABLES: TableKind[] = [
  "income_expense_summary",
  "income_summary",
  "expense_summary",
  "fiscal_summary",
  "gpb_expense",
  "gpb_basic",
  "gov_fund_expense",
  "soe_expense",
  "three_public",
];

/** The nine tables of the national 部门决算 pattern (公开01–09); 公开10 and the 绩效自评表 only in some provinces. */
const FINAL_TABLES: TableKind[] = BUDGET_TABLES;

const BUDGET_OPTIONAL: TableKind[] = [
  "econ_summary",
  "project_expense",
  "procurement",
  "fixed_assets",
  "project_performance",
  "overall_performance",
  "performance_summary",
];
const FINAL_OPTIONAL: TableKind[] = ["final_info_stats", "self_evaluation", "project_performance"];

export const PROFILES: DocumentProfile[] = [
  { id: "budget-national", name: "部门预算·通用格式（河北措辞）", kind: "预算", mandatory: BUDGET_TABLES, optional: BUDGET_OPTIONAL, style: "hebei" },
  { id: "budget-henan", name: "部门预算·河南格式（收支总体情况表）", kind: "预算", mandatory: BUDGET_TABLES, optional: BUDGET_OPTIONAL, style: "henan" },
  { id: "final-national", name: "部门决算·全国通用九张表", kind: "决算", mandatory: FINAL_TABLES, optional: FINAL_OPTIONAL, style: "final" },
  { id: "final-shanghai", name: "部门决算·上海格式", kind: "决算", mandatory: FINAL_TABLES, optional: FINAL_OPTIONAL, style: "final" },
];

export function profileById(id: string): DocumentProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** The profile a workbook is checked under, and why (shown to the officer). */
export interface ChosenProfile {
  profile: DocumentProfile;
  reason: string;
}

/**
 * The family of a recognized workbook: by its kind (预算/决算), then by what tells the families apart —
 * the Henan 总体情况表 titles, a Shanghai unit. Undefined when the kind is not known (no table recognized).
 */
export function chooseProfile(model: BudgetModel): ChosenProfile | undefined {
  const byId = (id: ProfileId) => profileById(id)!;
  if (model.documentKind === "决算") {
    // a 上海市 department or unit (not a central unit that happens to sit in Shanghai, such as 上海国家会计学院)
    const where = [model.unitName ?? "", ...model.tables.map((t) => t.title)].find((s) => /^上海市/.test(s));
    if (where) return { profile: byId("final-shanghai"), reason: `决算；「${where}」为上海市的单位` };
    return { profile: byId("final-national"), reason: "决算；未见地方格式的标志，按全国通用九张表" };
  }
  if (model.documentKind === "预算") {
    const henan = model.tables.find((t) => /总体情况表|支出情况表/.test(t.title));
    if (henan) return { profile: byId("budget-henan"), reason: `预算；表名「${henan.title}」为河南格式` };
    return { profile: byId("budget-national"), reason: "预算；未见河南格式的“总体情况表”，按通用格式" };
  }
  return undefined;
}
