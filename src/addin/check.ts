/**
 * One check of the open workbook, as the task pane and the ribbon's 检查工作簿 button both run it:
 * read through the host, recognize with the user's mapping corrections, run the rules (with the prior-year
 * figures kept in the workbook), mark the cells of the findings shown.
 */
import { checkWorkbook, type CheckResult } from "../engine";
import { toA1 } from "../grid/address";
import { cellAt, cellOf, type WorkbookSnapshot } from "../grid/workbook";
import type { Finding, FindingLevel } from "../rules/types";
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

/** Which levels the list shows; only their cells are painted. */
export type ShownLevels = Record<FindingLevel, boolean>;

/** What the pane shows at first: errors and 提示; 尾差 hidden (and unpainted) until asked for. */
export const DEFAULT_SHOWN: ShownLevels = { error: true, warning: true, info: false };

export interface CheckOutcome extends CheckResult {
  settings: AddinSettings;
  /** The workbook as read (to tell blank cells, which are never painted themselves). */
  snapshot: WorkbookSnapshot;
  /** The cells marked in the workbook. */
  marked: number;
  /** When the workbook was read (the 审核结果 sheet and the HTML report say it). */
  checkedAt: Date;
}

/**
 * Where a finding's cell is painted: the cell itself when it holds something; for a blank cell (an amount
 * left empty) the nearest cell to its left in the row that holds something — an amount or the row's
 * label — so that the eye still finds the row; nowhere when the row is empty to its left.
 */
function paintedAt(snapshot: WorkbookSnapshot, sheet: string, address: string): string | null {
  const at = cellOf(snapshot, { sheet, address });
  if (!at) return null;
  for (let c = at.col; c >= at.sheet.left; c--) if ((cellAt(at.sheet, at.row, c)?.text.trim() ?? "") !== "") return toA1(at.row, c);
  return null;
}

/**
 * The marks to paint: the open findings of the shown levels, each on its cells — a blank cell's mark on
 * the nearest filled cell to its left (see paintedAt; its card still names the blank cell).
 */
export function marksToPaint(findings: Finding[], settings: AddinSettings, shown: ShownLevels, snapshot: WorkbookSnapshot) {
  const open = openFindings(findings, settings).filter((f) => shown[f.level]);
  const placed = open.map((f) => {
    const suspectAt = f.suspect ? paintedAt(snapshot, f.suspect.sheet, f.suspect.address) : null;
    return {
      ...f,
      cells: f.cells.flatMap((c) => {
        const at = paintedAt(snapshot, c.sheet, c.address);
        return at === null ? [] : [{ ...c, address: at }];
      }),
      suspect: f.suspect && suspectAt !== null ? { ...f.suspect, address: suspectAt } : null,
    };
  });
  return marksOf(placed);
}

/** The prior-year figures kept in the workbook's settings (the 情况说明 tab's 上年数据), read as --prior reads a JSON file. */
export function settingsPrior(settings: AddinSettings): PriorYear | undefined {
  return settings.prior ? priorFromJson(JSON.stringify(settings.prior), "上年数据") : undefined;
}

/**
 * Reads the workbook, checks it with the stored mapping corrections and prior-year figures (the narrative
 * check compares the stated changes with them), and marks the cells of the open findings of the shown levels.
 */
export async function checkAndHighlight(host: BudgetHost, progress?: ReadProgress, shown: ShownLevels = DEFAULT_SHOWN): Promise<CheckOutcome> {
  const settings = await host.loadSettings();
  const snapshot = withoutResultSheet(await host.read(progress), settings);
  const checkedAt = new Date();
  const result = checkWorkbook(snapshot, { mapping: settings.mapping, prior: settingsPrior(settings), profile: settings.profile });
  const marks = marksToPaint(result.findings, settings, shown, snapshot);
  await host.highlight(marks);
  return { ...result, settings, snapshot, marked: marks.length, checkedAt };
}

/** The workbook without the 审核结果 sheet the add-in exported (it lists findings; it is no disclosure table to check). */
export function withoutResultSheet(snapshot: WorkbookSnapshot, settings: AddinSettings): WorkbookSnapshot {
  const own = settings.resultSheet?.sheet;
  return own && snapshot.sheets.some((s) => s.name === own) ? { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== own) } : snapshot;
}
