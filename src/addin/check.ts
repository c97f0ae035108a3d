/**
 * One check of the open workbook, as the task pane and the ribbon's 检查工作簿 button both run it:
 * read through the host, recognize with the user's mapping corrections, run the rules (with the prior-year
 * figures kept in the workbook), mark the cells.
 */
import { checkWorkbook, type CheckResult } from "../engine";
import type { Finding } from "../rules/types";
import { marksOf } from "../host/marks";
import type { PriorYear } from "../model/prior";
import { priorFromJson } from "../narrative/prior";
import type { AddinSettings, BudgetHost, ReadProgress } from "../host/types";

/** A finding's identity across re-checks: rule, message kind and cells (not the amounts, which the user may fix). */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.messageId}|${f.cells.map((c) => `${c.sheet}!${c.address}`).join(",")}`;
}

/** Findings the officer has not confirmed (a confirmed 提示 is listed apart and not marked). */
export function openFindings(findings: Finding[], settings: AddinSettings): Finding[] {
  const confirmed = new Set(settings.confirmed.map((c) => c.key));
  return findings.filter((f) => !(f.level === "warning" && confirmed.has(findingKey(f))));
}

export interface CheckOutcome extends CheckResult {
  settings: AddinSettings;
  /** The cells marked in the workbook. */
  marked: number;
}

/** The prior-year figures kept in the workbook's settings (the 情况说明 tab's 上年数据), read as --prior reads a JSON file. */
export function settingsPrior(settings: AddinSettings): PriorYear | undefined {
  return settings.prior ? priorFromJson(JSON.stringify(settings.prior), "上年数据") : undefined;
}

/**
 * Reads the workbook, checks it with the stored mapping corrections and prior-year figures (the narrative
 * check compares the stated changes with them), and marks the open findings' cells.
 */
export async function checkAndHighlight(host: BudgetHost, progress?: ReadProgress): Promise<CheckOutcome> {
  const settings = await host.loadSettings();
  const snapshot = await host.read(progress);
  const result = checkWorkbook(snapshot, { mapping: settings.mapping, prior: settingsPrior(settings), profile: settings.profile });
  const marks = marksOf(openFindings(result.findings, settings));
  await host.highlight(marks);
  return { ...result, settings, marked: marks.length };
}
