/** The engine in one call: workbook snapshot → budget model → findings. Hosts and the CLI use this. */
import type { WorkbookSnapshot } from "./grid/workbook";
import type { BudgetModel, NarrativeParagraph } from "./model/budgetModel";
import type { MappingOverride } from "./model/mapping";
import type { PriorYear } from "./model/prior";
import { recognize } from "./recognize/recognize";
import { RULES } from "./rules/registry";
import { runRules } from "./rules/runner";
import { LEVEL_ORDER, type Finding, type FindingLevel } from "./rules/types";

export interface CheckResult {
  model: BudgetModel;
  findings: Finding[];
  counts: Record<FindingLevel, number>;
}

export function countByLevel(findings: Finding[]): Record<FindingLevel, number> {
  const counts: Record<FindingLevel, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

export interface CheckInputs {
  /** A 情况说明 from outside the workbook; it replaces the workbook's own 情况说明 sheet. */
  narrative?: NarrativeParagraph[];
  /** The user's corrections of recognition (ranges assigned to a table kind, or ignored). */
  mapping?: MappingOverride[];
  /**
   * Last year's figures the user gave (--prior, the task pane's 上年数据): the narrative check (N1) compares
   * the changes the 情况说明 states with them, and with the tables' own 上年 columns for what they do not give.
   */
  prior?: PriorYear;
}

export function checkWorkbook(workbook: WorkbookSnapshot, inputs: CheckInputs = {}): CheckResult {
  const model = recognize(workbook, inputs.mapping);
  if (inputs.narrative) model.narrative = inputs.narrative;
  if (inputs.prior) model.prior = inputs.prior;
  const { findings } = runRules(model, RULES);
  return { model, findings, counts: countByLevel(findings) };
}

export const LEVEL_NAMES: Record<FindingLevel, string> = { error: "错误", warning: "提示", info: "尾差" };

export { LEVEL_ORDER };

/** Where findings without a sheet are listed. */
export const WHOLE_WORKBOOK = "（整个工作簿）";

/** Findings grouped by sheet (sheets with errors first), errors first within a sheet: how reports list them. */
export function findingsBySheet(findings: Finding[]): [string, Finding[]][] {
  return groupFindings(findings, (f) => f.sheet ?? WHOLE_WORKBOOK);
}

/** Findings grouped by a key (groups with the worst level first, else in order of appearance), errors first within a group. */
export function groupFindings(findings: Finding[], keyOf: (f: Finding) => string): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = keyOf(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const worst = (list: Finding[]) => list.reduce((w, f) => Math.min(w, LEVEL_ORDER[f.level]), 2);
  return [...groups.entries()]
    .sort((a, b) => worst(a[1]) - worst(b[1]))
    .map(([key, list]) => [key, [...list].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])]);
}
