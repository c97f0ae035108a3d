/**
 * budget-check: check 部门预算/决算公开 workbooks from the command line.
 * Exit codes (as eslint): 0 ok, 2 unusable input or usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile, WorkbookReadError } from "../host/file/readWorkbook";
import type { BudgetModel } from "../model/budgetModel";
import { describeMapping, modelHeadline, rowCount, rowCountText } from "../model/describe";
import { recognize } from "../recognize/recognize";

const USAGE = `用法：budget-check [选项] <工作簿或文件夹>...

检查部门预算/决算公开工作簿（.xlsx），列出识别出的表格。

选项：
  --format text|json   输出格式（默认 text）
  --mapping            同时列出每张表的行、金额及其单元格（便于核对识别结果）
  -h, --help           显示本帮助
  -v, --version        显示版本

退出码：0 正常；2 输入无法读取或用法错误。`;

interface Options {
  format: "text" | "json";
  mapping: boolean;
  inputs: string[];
}

function parseArgs(argv: string[]): Options | { exit: number; message: string } {
  const o: Options = { format: "text", mapping: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return { exit: 0, message: USAGE };
    if (a === "-v" || a === "--version") return { exit: 0, message: readVersion() };
    if (a === "--mapping") o.mapping = true;
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
  error?: string;
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
  return lines.join("\n") + "\n";
}

export async function checkFile(file: string): Promise<FileReport> {
  try {
    return { path: file, model: recognize(await readWorkbookFile(file)) };
  } catch (e) {
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
  if (files.length === 0) {
    err(`在 ${parsed.inputs.join("、")} 中没有找到 .xlsx 工作簿。\n`);
    return 2;
  }
  const reports: FileReport[] = [];
  for (const f of files) {
    const r = await checkFile(f);
    reports.push(r);
    if (parsed.format === "text") out(textReport(r, parsed.mapping) + "\n");
  }
  if (parsed.format === "json") out(JSON.stringify(jsonReport(reports), null, 2) + "\n");
  const failed = reports.filter((r) => r.error);
  if (failed.length) err(`${failed.length} 个文件无法读取：${failed.map((r) => r.path).join("、")}\n`);
  return failed.length ? 2 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
