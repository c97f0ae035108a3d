/**
 * budget-check: check 部门预算/决算公开 workbooks from the command line.
 * Exit codes (as eslint): 0 no error-level finding, 1 an error-level finding, 2 unusable input or usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook, countByLevel, LEVEL_NAMES } from "../engine";
import { qualified } from "../grid/address";
import { AnnotateError, writeAnnotatedCopy } from "../host/file/annotate";
import { readWorkbookFile, WorkbookReadError } from "../host/file/readWorkbook";
import type { BudgetModel } from "../model/budgetModel";
import { describeMapping, modelHeadline, rowCount, rowCountText } from "../model/describe";
import type { Finding, FindingLevel } from "../rules/types";

const USAGE = `用法：budget-check [选项] <工作簿或文件夹>...

检查部门预算/决算公开工作簿（.xlsx）：识别各张公开表，核对表内、表间的勾稽关系，
按工作表列出问题（错误在前），并给出每个问题涉及的单元格。

选项：
  --format text|json   输出格式（默认 text）
  --annotate <文件夹>  在该文件夹中为每个工作簿写一份标注副本：问题单元格按级别着色并加批注，
                       另加“审核结果”工作表（原文件不会被修改）
  --mapping            同时列出每张表的行、金额及其单元格（便于核对识别结果）
  -h, --help           显示本帮助
  -v, --version        显示版本

退出码：0 没有错误；1 有错误级别的问题；2 输入无法读取或用法错误。`;

interface Options {
  format: "text" | "json";
  mapping: boolean;
  annotate?: string;
  inputs: string[];
}

function parseArgs(argv: string[]): Options | { exit: number; message: string } {
  const o: Options = { format: "text", mapping: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return { exit: 0, message: USAGE };
    if (a === "-v" || a === "--version") return { exit: 0, message: readVersion() };
    if (a === "--mapping") o.mapping = true;
    else if (a === "--annotate" || a.startsWith("--annotate=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v) return { exit: 2, message: `--annotate 需要一个输出文件夹。\n\n${USAGE}` };
      o.annotate = v;
    }
    else if (a === "--format" || a.startsWith("--format=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v !== "text" && v !== "json") return { exit: 2, message: `--format 只能是 text 或 json，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.format = v;
    } else if (a.startsWith("-")) return { exit: 2, message: `未知选项：${a}\n\n${USAGE}` };
    else o.inputs.push(a);
  }
  if (o.inputs.length === 0) return { exit: 2, message: `请指定至少一个工作簿或文件夹。\n\n${USAGE}` };
  return o;
}

function readVersion(): string {
  for (const p of [path.join(__dirname, "..", "..", "package.json"), path.join(__dirname, "..", "..", "..", "package.json")]) {
    if (fs.existsSync(p)) return String(JSON.parse(fs.readFileSync(p, "utf8")).version);
  }
  return "unknown";
}

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls)$/i;

/** Files to check: the files given, and the workbooks inside the folders given (recursively, sorted). */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (WORKBOOK_EXT.test(e.name) && !e.name.startsWith("~$")) out.push(p);
    }
  };
  for (const i of inputs) {
    if (fs.existsSync(i) && fs.statSync(i).isDirectory()) walk(i);
    else out.push(i);
  }
  return out;
}

export interface FileReport {
  path: string;
  model?: BudgetModel;
  findings?: Finding[];
  error?: string;
  annotated?: string;
}

function cellRef(f: Finding, c: { sheet: string; address: string }): string {
  return c.sheet === f.sheet ? c.address : qualified(c.sheet, c.address);
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
  };
}

export function jsonReport(reports: FileReport[]): unknown {
  return {
    files: reports.map((r) =>
      r.error
        ? { path: r.path, error: r.error }
        : {
            path: r.path,
            kind: r.model!.documentKind,
            year: r.model!.year,
            unit: r.model!.amountUnit,
            unitName: r.model!.unitName,
            unitCode: r.model!.unitCode,
            tables: r.model!.tables.map((t) => ({
              kind: t.kind,
              kindName: t.kindName,
              sheet: t.sheet,
              range: t.range,
              title: t.title,
              unit: t.unit,
              rows: rowCount(t),
              columns: t.blocks.flatMap((b) => b.columns.map((c) => ({ side: b.side, column: c.letter, role: c.role }))),
            })),
            unrecognized: r.model!.unrecognized,
            narrative: { paragraphs: r.model!.narrative.length },
            summary: countByLevel(r.findings ?? []),
            findings: (r.findings ?? []).map(findingJson),
            ...(r.annotated ? { annotated: r.annotated } : {}),
          },
    ),
  };
}

function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + " ".repeat(Math.max(1, width - w));
}

export function textReport(r: FileReport, mapping: boolean): string {
  if (r.error) return `${r.path}\n  无法读取：${r.error}\n`;
  const m = r.model!;
  const lines = [r.path, `  ${modelHeadline(m)}`];
  lines.push(`  已识别 ${m.tables.length} 张表：`);
  for (const t of m.tables) lines.push(`    ${pad(t.kindName, 34)}${pad(`${t.sheet}!${t.range}`, 44)}${rowCountText(t)}`);
  if (m.unrecognized.length) {
    lines.push(`  未识别 ${m.unrecognized.length} 处：`);
    for (const u of m.unrecognized) lines.push(`    ${u.sheet}${u.range ? `!${u.range}` : ""}：${u.reason}`);
  }
  if (m.narrative.length) lines.push(`  情况说明：${m.narrative.length} 段（工作表「${m.narrative[0].cell.sheet}」）`);
  if (mapping) lines.push("", describeMapping(m).replace(/^/gm, "  "));
  lines.push(...findingLines(r.findings ?? []));
  if (r.annotated) lines.push(`  标注副本：${r.annotated}`);
  return lines.join("\n") + "\n";
}

const ORDER: Record<FindingLevel, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by sheet (sheets with errors first), errors first within a sheet, then the summary. */
export function findingLines(findings: Finding[]): string[] {
  const lines: string[] = [];
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.sheet ?? "（整个工作簿）";
    bySheet.set(key, [...(bySheet.get(key) ?? []), f]);
  }
  const worst = (list: Finding[]) => Math.min(...list.map((f) => ORDER[f.level]));
  const sheets = [...bySheet.entries()].sort((a, b) => worst(a[1]) - worst(b[1]));
  if (sheets.length) lines.push("", "  审核结果：");
  for (const [sheet, list] of sheets) {
    lines.push(`  ${sheet}`);
    for (const f of [...list].sort((a, b) => ORDER[a.level] - ORDER[b.level])) {
      const left = f.cells.filter((c) => c.side !== "right").map((c) => cellRef(f, c));
      const right = f.cells.filter((c) => c.side === "right").map((c) => cellRef(f, c));
      const where = left.length && right.length ? `${left.join("、")} ↔ ${right.join("、")}` : [...left, ...right].join("、");
      const suspect = f.suspect ? `  可疑单元格：${cellRef(f, f.suspect)}` : "";
      lines.push(`    ${LEVEL_NAMES[f.level]}  ${f.ruleId}  ${where}${suspect}`);
      lines.push(`          ${f.message}`);
    }
  }
  const c = countByLevel(findings);
  lines.push("", `  共 ${findings.length} 条审核结果：错误 ${c.error} 个，提示 ${c.warning} 个，尾差 ${c.info} 个。`);
  return lines;
}

export async function checkFile(file: string, annotateDir?: string): Promise<FileReport> {
  try {
    const { model, findings } = checkWorkbook(await readWorkbookFile(file));
    const report: FileReport = { path: file, model, findings };
    if (annotateDir) {
      const out = path.join(annotateDir, path.basename(file).replace(/\.(xlsm|xls)$/i, ".xlsx"));
      await writeAnnotatedCopy(file, out, findings);
      report.annotated = out;
    }
    return report;
  } catch (e) {
    if (e instanceof AnnotateError) return { path: file, error: e.message };
    if (e instanceof WorkbookReadError) return { path: file, error: e.message };
    return { path: file, error: `读取「${path.basename(file)}」时出错：${(e as Error).message}` };
  }
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const parsed = parseArgs(argv);
  if ("exit" in parsed) {
    (parsed.exit === 0 ? out : err)(parsed.message + "\n");
    return parsed.exit;
  }
  const files = expandInputs(parsed.inputs);
  if (parsed.annotate) {
    const outDir = path.resolve(parsed.annotate);
    const clash = files.find((f) => path.dirname(path.resolve(f)) === outDir);
    if (clash) {
      err(`--annotate 的输出文件夹不能是输入文件所在的文件夹（${clash}），以免覆盖原文件。\n`);
      return 2;
    }
  }
  if (files.length === 0) {
    err(`在 ${parsed.inputs.join("、")} 中没有找到 .xlsx 工作簿。\n`);
    return 2;
  }
  const reports: FileReport[] = [];
  for (const f of files) {
    const r = await checkFile(f, parsed.annotate);
    reports.push(r);
    if (parsed.format === "text") out(textReport(r, parsed.mapping) + "\n");
  }
  if (parsed.format === "json") out(JSON.stringify(jsonReport(reports), null, 2) + "\n");
  const failed = reports.filter((r) => r.error);
  if (failed.length) err(`${failed.length} 个文件无法读取：${failed.map((r) => r.path).join("、")}\n`);
  if (failed.length) return 2;
  return reports.some((r) => r.findings?.some((f) => f.level === "error")) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
