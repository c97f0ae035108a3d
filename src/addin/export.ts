/**
 * 导出审核结果 from the task pane: the 审核结果 sheet written into the workbook (rows from reportRows, written
 * by the host), and the CLI's HTML report (renderHtmlReport) made from the pane's check. Both hold the
 * findings the pane lists, of every level, and the confirmed 提示 with their explanations.
 */
import { countByLevel } from "../engine";
import type { AddinSettings, BudgetHost, WriteResultSheetResult } from "../host/types";
import { renderHtmlReport } from "../report/html";
import { confirmedFindings, reportRows } from "../report/rows";
import type { BatchReport } from "../report/types";
import { openFindings, type CheckOutcome } from "./check";

export interface ExportResult extends WriteResultSheetResult {
  /** Rows written: the open findings and the confirmed 提示. */
  rows: number;
}

/** Writes the 审核结果 sheet of this check (the settings: the confirmations to list). */
export async function exportResultSheet(host: BudgetHost, outcome: CheckOutcome, settings: AddinSettings): Promise<ExportResult> {
  const content = reportRows(outcome, settings, outcome.checkedAt);
  const written = await host.writeResultSheet(content);
  return { ...written, rows: content.rows.length };
}

/** The workbook's name without its extension ("" for none). */
function bookName(outcome: CheckOutcome): string {
  return outcome.snapshot.name.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim();
}

/** The check as the CLI's batch report of one file: the open findings, and the confirmed 提示 apart. */
export function paneReport(outcome: CheckOutcome, settings: AddinSettings): BatchReport {
  const open = openFindings(outcome.findings, settings);
  const m = outcome.model;
  const name = outcome.snapshot.name || m.unitName || "工作簿";
  return {
    inputs: [name],
    generatedAt: outcome.checkedAt.toISOString(),
    files: [
      {
        path: name,
        kind: m.documentKind,
        unitName: m.unitName,
        unitCode: m.unitCode,
        year: m.year,
        amountUnit: m.amountUnit,
        counts: countByLevel(open),
        findings: open,
        confirmed: confirmedFindings(outcome.findings, settings).map(({ finding, confirmed }) => ({
          finding,
          explanation: confirmed.explanation,
          at: confirmed.at,
        })),
      },
    ],
  };
}

/** The HTML report of the pane's check: the page `budget-check --report` writes, for this workbook. */
export function reportHtml(outcome: CheckOutcome, settings: AddinSettings): string {
  return renderHtmlReport(paneReport(outcome, settings));
}

/** "<workbook>-审核报告.html" (the unit's name when the workbook has none), without characters a file name cannot hold. */
export function reportFileName(outcome: CheckOutcome): string {
  const base = bookName(outcome) || outcome.model.unitName || "预决算公开";
  const safe = [...base]
    .map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch))
    .slice(0, 80)
    .join("");
  return `${safe}-审核报告.html`;
}
