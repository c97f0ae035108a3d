/**
 * The rows of the 审核结果 sheet the task pane exports: one pure function, used by every host's writer
 * (src/host/resultSheet.ts places them, the Excel and memory hosts write them).
 *
 * The findings are those the pane lists (openFindings: every level, 尾差 included even when the pane hides
 * them), errors first, then 提示, then 尾差, each level in the pane's by-table order; the 提示 the officer
 * confirmed (核实) follow, with her explanation. The rule is named by its Chinese description, never its id.
 */
import { findingKey, openFindings } from "../addin/check";
import { countByLevel, findingsBySheet, type CheckResult } from "../engine";
import type { AddinSettings, ConfirmedFinding } from "../host/types";
import type { ReportCell, ReportRow, ReportSheet } from "../host/resultSheet";
import { RULES } from "../rules/registry";
import { LEVEL_NAMES, LEVEL_ORDER, type Finding, type FindingCell } from "../rules/types";

export const REPORT_HEADER = ["序号", "级别", "规则", "说明", "单元格", "可疑单元格及建议值", "核实说明"];
const WIDTHS = [6, 6, 36, 64, 26, 24, 32];
const WRAP = [2, 3, 4, 5, 6];
/** How many cells a finding lists before "等 N 个单元格". */
const MAX_CELLS = 20;

const RULE_NAMES = new Map(RULES.map((r) => [r.meta.id, r.meta.description]));

/** "2026-05-01 18:30", in the time of the machine that checked (the officer's). */
export function checkTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A cell as the sheet names it: with its sheet when it is the first or the sheet changes ("03支出总表!E10、F10"). */
function cellLabel(c: FindingCell, previous: string | null): string {
  return c.sheet === previous ? c.address : `${c.sheet}!${c.address}`;
}

/** The finding's cells (left ↔ right of the equation), the first one linked. */
function cellsCell(f: Finding): ReportCell {
  const left = f.cells.filter((c) => c.side !== "right");
  const right = f.cells.filter((c) => c.side === "right");
  const ordered = left.length && right.length ? [...left, ...right] : f.cells;
  if (ordered.length === 0) return { value: "" };
  let previous: string | null = null;
  const parts = ordered.slice(0, MAX_CELLS).map((c, i) => {
    const sep = i === 0 ? "" : left.length && right.length && i === left.length ? " ↔ " : "、";
    const label = cellLabel(c, previous);
    previous = c.sheet;
    return sep + label;
  });
  const more = ordered.length > MAX_CELLS ? ` … 等 ${ordered.length} 个单元格` : "";
  return { value: parts.join("") + more, link: { sheet: ordered[0].sheet, address: ordered[0].address } };
}

function suspectCell(f: Finding): ReportCell {
  if (!f.suspect) return { value: "" };
  const proposed = f.suspect.proposed !== undefined ? `（应为 ${f.suspect.proposed}）` : "";
  return { value: `${f.suspect.sheet}!${f.suspect.address}${proposed}`, link: { sheet: f.suspect.sheet, address: f.suspect.address } };
}

function findingRow(n: number, f: Finding, confirmed?: ConfirmedFinding): ReportRow {
  return {
    level: f.level,
    cells: [
      { value: n },
      { value: LEVEL_NAMES[f.level] },
      { value: RULE_NAMES.get(f.ruleId) ?? "" },
      { value: f.message },
      cellsCell(f),
      suspectCell(f),
      { value: confirmed ? `${confirmed.explanation}（${confirmed.at} 核实）` : "" },
    ],
  };
}

/** The title line: the unit, year and kind when the workbook says them, and when it was checked. */
function titleLine(model: CheckResult["model"], checkedAt: Date): string {
  const unit = model.unitName ? `单位：${model.unitName}${model.unitCode ? `（${model.unitCode}）` : ""}` : "";
  const year = model.year !== null ? `年度：${model.year}` : "";
  const kind = model.documentKind ? `类型：${model.documentKind}` : "";
  return ["审核结果", unit, year, kind, `检查时间：${checkTime(checkedAt)}`].filter(Boolean).join(" · ");
}

/** What the table holds and in which order. */
function contentLine(open: Finding[], confirmed: number): string {
  const c = countByLevel(open);
  const tail = confirmed > 0 ? `；已核实的提示 ${confirmed} 条列在最后，附核实说明` : "";
  if (open.length === 0) return `未发现问题${tail}。`;
  return `共 ${open.length} 条：错误 ${c.error} 条，提示 ${c.warning} 条，尾差 ${c.info} 条，按错误、提示、尾差排列（尾差是四舍五入造成的差异，在允许范围内，任务窗格默认不显示，这里全部列出）${tail}。单击“单元格”或“可疑单元格”列的链接可转到该单元格。`;
}

/** The 提示 confirmed (核实) that the check still finds, each with its confirmation, in the check's order. */
export function confirmedFindings(findings: Finding[], settings: Pick<AddinSettings, "confirmed">): { finding: Finding; confirmed: ConfirmedFinding }[] {
  const byKey = new Map(settings.confirmed.map((c) => [c.key, c]));
  return findings.flatMap((finding) => {
    const confirmed = finding.level === "warning" ? byKey.get(findingKey(finding)) : undefined;
    return confirmed ? [{ finding, confirmed }] : [];
  });
}

/**
 * The sheet's content for a check's findings: the open findings of every level, sorted by level, then the
 * confirmed 提示 that the check still finds, each with its 核实说明.
 */
export function reportRows(result: Pick<CheckResult, "model" | "findings">, settings: Pick<AddinSettings, "confirmed">, checkedAt: Date): ReportSheet {
  const open = openFindings(result.findings, { ...settings, mapping: [] });
  const ordered = findingsBySheet(open)
    .flatMap(([, list]) => list)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const confirmed = confirmedFindings(result.findings, settings);
  const rows = [
    ...ordered.map((f, i) => findingRow(i + 1, f)),
    ...confirmed.map(({ finding, confirmed: c }, i) => findingRow(ordered.length + i + 1, finding, c)),
  ];
  return {
    lines: [titleLine(result.model, checkedAt), contentLine(ordered, confirmed.length)],
    header: REPORT_HEADER,
    rows,
    widths: WIDTHS,
    wrap: WRAP,
  };
}
