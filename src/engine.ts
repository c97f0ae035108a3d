/** The engine in one call: workbook snapshot → budget model → findings. Hosts and the CLI use this. */
import type { WorkbookSnapshot } from "./grid/workbook";
import type { BudgetModel, NarrativeParagraph } from "./model/budgetModel";
import { recognize } from "./recognize/recognize";
import { RULES } from "./rules/registry";
import { runRules } from "./rules/runner";
import type { Finding, FindingLevel } from "./rules/types";

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
}

export function checkWorkbook(workbook: WorkbookSnapshot, inputs: CheckInputs = {}): CheckResult {
  const model = recognize(workbook);
  if (inputs.narrative) model.narrative = inputs.narrative;
  const { findings } = runRules(model, RULES);
  return { model, findings, counts: countByLevel(findings) };
}

export const LEVEL_NAMES: Record<FindingLevel, string> = { error: "错误", warning: "提示", info: "尾差" };
