/** What budget-check prints: per-file text, findings grouped by sheet, the batch summary, and JSON. */
import type { CellAddress } from "../grid/address";
import { countByLevel, findingsBySheet } from "../engine";
import { qualified } from "../grid/address";
import { LEVEL_NAMES, type Finding, type FindingLevel } from "../rules/types";
import type { FileReport } from "./checkFile";

function cellRef(f: Finding, c: CellAddress): string {
  return c.sheet === f.sheet ? c.address : qualified(c.sheet, c.address);
}

function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + " ".repeat(Math.max(1, width - w));
}

export function textReport(r: FileReport): string {
  if (r.error) return `${r.path}\n  无法读取：${r.error}\n`;
  const lines = [r.path, `  ${r.headline}`];
  if (r.profile) lines.push(`  格式：${r.profile.name} —— ${r.profile.reason}`);
  lines.push(`  已识别 ${r.tables!.length} 张表：`);
  for (const t of r.tables!)
    lines.push(`    ${pad(t.kindName, 34)}${pad(`${t.sheet}!${t.range}`, 44)}${t.rowsText}${t.recognizedBy ? `（按表头和行识别：${t.recognizedBy}）` : ""}`);
  if (r.unrecognized!.length) {
    lines.push(`  未识别 ${r.unrecognized!.length} 处：`);
    for (const u of r.unrecognized!) lines.push(`    ${u.sheet}${u.range ? `!${u.range}` : ""}：${u.reason}`);
  }
  for (const note of r.readNotes ?? []) lines.push(`  读取时已处理：${note}`);
  if (r.narrative!.paragraphs) lines.push(`  情况说明：${r.narrative!.paragraphs} 段（工作表「${r.narrative!.sheet}」）`);
  if (r.mapping) lines.push("", r.mapping.replace(/^/gm, "  "));
  lines.push(...findingLines(r.findings ?? []));
  if (r.annotated) lines.push(`  标注副本：${r.annotated}`);
  return lines.join("\n") + "\n";
}

/** Findings grouped by sheet (sheets with errors first), errors first within a sheet, then the summary. */
export function findingLines(findings: Finding[]): string[] {
  const lines: string[] = [];
  const sheets = findingsBySheet(findings);
  if (sheets.length) lines.push("", "  审核结果：");
  for (const [sheet, list] of sheets) {
    lines.push(`  ${sheet}`);
    for (const f of list) {
      const left = f.cells.filter((c) => c.side !== "right").map((c) => cellRef(f, c));
      const right = f.cells.filter((c) => c.side === "right").map((c) => cellRef(f, c));
      const where = left.length && right.length ? `${left.join("、")} ↔ ${right.join("、")}` : [...left, ...right].join("、");
      const suspect = f.suspect ? `  可疑单元格：${cellRef(f, f.suspect)}${f.suspect.proposed !== undefined ? `（应为 ${f.suspect.proposed}）` : ""}` : "";
      lines.push(`    ${LEVEL_NAMES[f.level]}  ${f.ruleId}  ${where}${suspect}`);
      lines.push(`          ${f.message}`);
      if (f.fix) lines.push(`          建议修改：${f.fix.label}`);
    }
  }
  const c = countByLevel(findings);
  lines.push("", `  共 ${findings.length} 条审核结果：错误 ${c.error} 个，提示 ${c.warning} 个，尾差 ${c.info} 个。`);
  return lines;
}

/** The closing summary of a batch: files, files with errors, counts by level, the slowest files. */
export function batchSummaryLines(reports: FileReport[], seconds: number): string[] {
  const read = reports.filter((r) => !r.error);
  const totals: Record<FindingLevel, number> = { error: 0, warning: 0, info: 0 };
  for (const r of read) for (const k of ["error", "warning", "info"] as const) totals[k] += r.counts?.[k] ?? 0;
  const withErrors = read.filter((r) => (r.counts?.error ?? 0) > 0).length;
  const slowest = [...reports].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 3);
  return [
    "══ 汇总 ══",
    `共检查 ${reports.length} 个文件（${seconds.toFixed(1)} 秒）：${withErrors} 个有错误，${read.length - withErrors} 个没有错误，${reports.length - read.length} 个无法读取。`,
    `错误 ${totals.error} 个，提示 ${totals.warning} 个，尾差 ${totals.info} 个。`,
    `最慢的文件：${slowest.map((r) => `${r.path}（${((r.ms ?? 0) / 1000).toFixed(2)} 秒）`).join("，")}`,
  ];
}

function findingJson(f: Finding) {
  return {
    ruleId: f.ruleId,
    level: f.level,
    message: f.message,
    sheet: f.sheet ?? null,
    cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address, ...(c.side ? { side: c.side } : {}) })),
    suspect: f.suspect,
    suspectNote: f.suspectNote ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
    tolerance: f.tolerance ?? null,
    ...(f.fix
      ? { fix: { label: f.fix.label, edits: f.fix.edits.map((e) => ({ sheet: e.sheet, address: e.address, before: e.before, after: e.after })) } }
      : {}),
  };
}

export function jsonReport(reports: FileReport[]): unknown {
  return {
    files: reports.map((r) =>
      r.error
        ? { path: r.path, error: r.error }
        : {
            path: r.path,
            kind: r.kind,
            year: r.year,
            unit: r.amountUnit,
            unitName: r.unitName,
            unitCode: r.unitCode,
            profile: r.profile ?? null,
            tables: r.tables,
            unrecognized: r.unrecognized,
            ...(r.readNotes ? { readNotes: r.readNotes } : {}),
            narrative: { paragraphs: r.narrative!.paragraphs },
            summary: r.counts,
            findings: (r.findings ?? []).map(findingJson),
            ...(r.generated ? { narrative: { paragraphs: r.narrative!.paragraphs, sections: r.generated } } : {}),
            ...(r.annotated ? { annotated: r.annotated } : {}),
          },
    ),
  };
}
