/**
 * budget-check: check 部门预算/决算公开 workbooks from the command line.
 * Exit codes (as eslint): 0 no error-level finding, 1 an error-level finding, 2 unusable input or usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { checkFiles, defaultJobs } from "./batch";
import { relaunchWithNodeFlags } from "./nodeFlags";
import type { FileReport } from "./checkFile";
import { batchSummaryLines, jsonReport, textReport } from "./format";
import { renderHtmlReport } from "../report/html";
import type { NarrativeStyle } from "../narrative/generate";

const USAGE = `用法：budget-check [选项] <工作簿或文件夹>...

检查部门预算/决算公开工作簿（.xlsx）：识别各张公开表，核对表内、表间的勾稽关系，
按工作表列出问题（错误在前），并给出每个问题涉及的单元格。

选项：
  --format text|json   输出格式（默认 text）
  --annotate <文件夹>  在该文件夹中为每个工作簿写一份标注副本：问题单元格按级别着色并加批注，
                       另加“审核结果”工作表（原文件不会被修改）
  --report <文件.html> 另写一份 HTML 审核报告（无需联网，双击即可在浏览器中打开）
  --narrative <文件>   用这份情况说明（.docx 或 .txt）代替工作簿中的“情况说明”工作表进行核对
                       （只用于检查一个工作簿）
  --narrative-out <文件>  根据表中数字生成情况说明，写入 .docx、.md 或 .txt 文件（只用于一个工作簿）
  --prior <文件>       上年工作簿（.xlsx）或上年数据（.json）：核对情况说明所写的比上年增减，
                       并用于生成“比上年增减”等比较内容（表中有上年数列时，未给出的项取自该列）
  --style hebei|henan|final  情况说明的措辞（默认按工作簿的模板自动判断）
  --mapping            同时列出每张表的行、金额及其单元格（便于核对识别结果）
  --jobs <n>           同时检查的文件数（默认为 CPU 核数；1 表示逐个检查）
  -h, --help           显示本帮助
  -v, --version        显示版本

退出码：0 没有错误；1 有错误级别的问题；2 输入无法读取或用法错误。`;

interface Options {
  format: "text" | "json";
  mapping: boolean;
  annotate?: string;
  report?: string;
  narrative?: string;
  narrativeOut?: string;
  prior?: string;
  style?: NarrativeStyle;
  jobs: number;
  inputs: string[];
}

function optionValue(argv: string[], i: number): [string | undefined, number] {
  const a = argv[i];
  return a.includes("=") ? [a.slice(a.indexOf("=") + 1), i] : [argv[i + 1], i + 1];
}

function parseArgs(argv: string[]): Options | { exit: number; message: string } {
  const o: Options = { format: "text", mapping: false, jobs: defaultJobs(), inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split("=")[0];
    if (a === "-h" || a === "--help") return { exit: 0, message: USAGE };
    if (a === "-v" || a === "--version") return { exit: 0, message: readVersion() };
    if (a === "--mapping") o.mapping = true;
    else if (name === "--annotate") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (!v) return { exit: 2, message: `--annotate 需要一个输出文件夹。\n\n${USAGE}` };
      o.annotate = v;
    } else if (name === "--format") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (v !== "text" && v !== "json") return { exit: 2, message: `--format 只能是 text 或 json，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.format = v;
    } else if (name === "--report") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (!v || !/\.html?$/i.test(v)) return { exit: 2, message: `--report 需要一个 .html 文件名，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.report = v;
    } else if (name === "--narrative") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (!v) return { exit: 2, message: `--narrative 需要一个 .docx 或 .txt 文件。\n\n${USAGE}` };
      o.narrative = v;
    } else if (name === "--narrative-out") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (!v || !/\.(docx|md|txt)$/i.test(v)) return { exit: 2, message: `--narrative-out 需要一个 .docx、.md 或 .txt 文件名，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.narrativeOut = v;
    } else if (name === "--prior") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (!v) return { exit: 2, message: `--prior 需要上年工作簿（.xlsx）或上年数据（.json）。\n\n${USAGE}` };
      o.prior = v;
    } else if (name === "--style") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (v !== "hebei" && v !== "henan" && v !== "final") return { exit: 2, message: `--style 只能是 hebei、henan 或 final，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.style = v;
    } else if (name === "--jobs") {
      const [v, j] = optionValue(argv, i);
      i = j;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) return { exit: 2, message: `--jobs 需要一个正整数，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.jobs = n;
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

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et)$/i;

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

/** Progress on stderr: a bar that redraws itself on a terminal, plain lines otherwise. */
function progress(err: (s: string) => void, tty: boolean): (done: number, total: number, r: FileReport) => void {
  return (done, total, r) => {
    if (total < 2) return;
    const name = path.basename(r.path);
    if (tty) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      err(`\r检查中 ${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total} ${name.slice(0, 40).padEnd(40)}${done === total ? "\n" : ""}`);
    } else {
      err(`[${done}/${total}] ${r.path}${r.error ? "：无法读取" : `：错误 ${r.counts?.error ?? 0}，提示 ${r.counts?.warning ?? 0}，尾差 ${r.counts?.info ?? 0}`}\n`);
    }
  };
}

export interface MainIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stderr is a terminal (progress bar) or not (plain lines). */
  tty: boolean;
}

const defaultIO: MainIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
};

export async function main(argv: string[], io: Partial<MainIO> = {}): Promise<number> {
  const { out, err, tty } = { ...defaultIO, ...io };
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
  if ((parsed.narrative || parsed.narrativeOut || parsed.prior) && files.length !== 1) {
    err(`${parsed.narrative ? "--narrative" : parsed.narrativeOut ? "--narrative-out" : "--prior"} 只能和一个工作簿一起使用（收到 ${files.length} 个）。\n`);
    return 2;
  }
  if (parsed.report && files.some((f) => path.resolve(f) === path.resolve(parsed.report!))) {
    err(`--report 不能写到输入文件「${parsed.report}」上。\n`);
    return 2;
  }
  const t0 = performance.now();
  const reports = await checkFiles(files, { annotateDir: parsed.annotate, mapping: parsed.mapping, narrativeFile: parsed.narrative, narrativeOut: parsed.narrativeOut, priorFile: parsed.prior, style: parsed.style }, parsed.jobs, progress(err, tty));
  if (parsed.format === "json") out(JSON.stringify(jsonReport(reports), null, 2) + "\n");
  else {
    for (const r of reports) out(textReport(r) + "\n");
    if (reports.length > 1) out(batchSummaryLines(reports, (performance.now() - t0) / 1000).join("\n") + "\n");
  }
  if (parsed.report) {
    const html = renderHtmlReport({ inputs: parsed.inputs, generatedAt: new Date().toISOString(), files: reports });
    await fs.promises.mkdir(path.dirname(path.resolve(parsed.report)), { recursive: true });
    await fs.promises.writeFile(parsed.report, html, "utf8");
    err(`HTML 报告已写入 ${parsed.report}\n`);
  }
  const failed = reports.filter((r) => r.error);
  if (failed.length) err(`${failed.length} 个文件无法读取：${failed.map((r) => r.path).join("、")}\n`);
  if (failed.length) return 2;
  return reports.some((r) => r.findings?.some((f) => f.level === "error")) ? 1 : 0;
}

if (require.main === module) {
  // (run from source, as npm run demo does; bin/budget-check.js runs the compiled one the same way)
  relaunchWithNodeFlags()
    .then((code) => code ?? main(process.argv.slice(2)))
    .then((code) => {
      process.exitCode = code;
    });
}
