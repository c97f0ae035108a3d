/**
 * budget-check: check 部门预算/决算公开 workbooks from the command line.
 * Exit codes (as eslint): 0 no error-level finding, 1 an error-level finding, 2 unusable input or usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { checkFiles, DEFAULT_BATCH_LIMITS, defaultJobs } from "./batch";
import { relaunchWithNodeFlags } from "./nodeFlags";
import type { FileReport, FileTask } from "./checkFile";
import { annotatedCopyPaths, folderRefusal, InputSet, OutputError, refusal, writeNewFile } from "../host/file/outputs";
import { batchSummaryLines, jsonReport, textReport } from "./format";
import { renderHtmlReport } from "../report/html";
import { PROFILES, profileById, type NarrativeStyle, type ProfileId } from "../model/profiles";

const PROFILE_LIST = PROFILES.map((p) => `${p.id}（${p.name}）`).join("、");

const USAGE = `用法：budget-check [选项] <工作簿或文件夹>...

检查部门预算/决算公开工作簿（.xlsx）：识别各张公开表，核对表内、表间的勾稽关系，
按工作表列出问题（错误在前），并给出每个问题涉及的单元格。

选项：
  --format text|json   输出格式（默认 text）
  --annotate <文件夹>  在该文件夹中为每个工作簿写一份标注副本：问题单元格按级别着色并加批注，
                       另加“审核结果”工作表（原文件不会被修改；同名的输入文件依次命名为 名（2）.xlsx …）
  --report <文件.html> 另写一份 HTML 审核报告（无需联网，双击即可在浏览器中打开）
  --narrative <文件>   用这份情况说明（.docx 或 .txt）代替工作簿中的“情况说明”工作表进行核对
                       （只用于检查一个工作簿）
  --narrative-out <文件>  根据表中数字生成情况说明，写入 .docx、.md 或 .txt 文件（只用于一个工作簿）
  --prior <文件>       上年工作簿（.xlsx）或上年数据（.json）：核对情况说明所写的比上年增减，
                       并用于生成“比上年增减”等比较内容（表中有上年数列时，未给出的项取自该列）
  --style hebei|henan|final  情况说明的措辞（默认按工作簿所属格式自动判断）
  --profile <格式>     按指定的公开格式检查（默认自动判断）：${PROFILE_LIST}
  --mapping            同时列出每张表的行、金额及其单元格（便于核对识别结果）
  --jobs <n>           同时检查的文件数（默认为 CPU 核数；1 表示逐个检查）
  --file-timeout <秒>  检查多个文件时，每个文件最多用时（默认 120 秒）；超时或内存超过上限的文件
                       报告为无法检查，其余文件照常检查
  --                   其后的参数都是文件名（即使以 - 开头）
  -h, --help           显示本帮助
  -v, --version        显示版本

输出文件（标注副本、--report、--narrative-out）只写新文件：若与输入文件相同（包括通过链接），
或该位置已有文件，则不做检查、直接报告原因并以退出码 2 结束。

退出码：0 没有错误；1 有错误级别的问题；2 输入无法读取、输出无法写入或用法错误。`;

interface Options {
  format: "text" | "json";
  mapping: boolean;
  annotate?: string;
  report?: string;
  narrative?: string;
  narrativeOut?: string;
  prior?: string;
  style?: NarrativeStyle;
  profile?: ProfileId;
  jobs: number;
  /** Seconds one file of a batch may take. */
  fileSeconds: number;
  inputs: string[];
}

function optionValue(argv: string[], i: number): [string | undefined, number] {
  const a = argv[i];
  return a.includes("=") ? [a.slice(a.indexOf("=") + 1), i] : [argv[i + 1], i + 1];
}

function parseArgs(argv: string[]): Options | { exit: number; message: string } {
  const o: Options = { format: "text", mapping: false, jobs: defaultJobs(), fileSeconds: DEFAULT_BATCH_LIMITS.fileSeconds, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split("=")[0];
    if (a === "--") {
      o.inputs.push(...argv.slice(i + 1)); // everything after -- is a file, even a name that starts with -
      break;
    }
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
      if (!v || !/\.(docx|md|txt)$/i.test(v))
        return { exit: 2, message: `--narrative-out 需要一个 .docx、.md 或 .txt 文件名，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.narrativeOut = v;
    } else if (name === "--prior") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (!v) return { exit: 2, message: `--prior 需要上年工作簿（.xlsx）或上年数据（.json）。\n\n${USAGE}` };
      o.prior = v;
    } else if (name === "--style") {
      const [v, j] = optionValue(argv, i);
      i = j;
      if (v !== "hebei" && v !== "henan" && v !== "final")
        return { exit: 2, message: `--style 只能是 hebei、henan 或 final，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.style = v;
    } else if (name === "--profile") {
      const [v, j] = optionValue(argv, i);
      i = j;
      const p = v ? profileById(v) : undefined;
      if (!p) return { exit: 2, message: `--profile 只能是 ${PROFILES.map((x) => x.id).join("、")}，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.profile = p.id;
    } else if (name === "--jobs") {
      const [v, j] = optionValue(argv, i);
      i = j;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) return { exit: 2, message: `--jobs 需要一个正整数，收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.jobs = n;
    } else if (name === "--file-timeout") {
      const [v, j] = optionValue(argv, i);
      i = j;
      const n = Number(v);
      if (!(n > 0)) return { exit: 2, message: `--file-timeout 需要一个正数（秒），收到：${v ?? "（空）"}\n\n${USAGE}` };
      o.fileSeconds = n;
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

/**
 * The order of a folder's files: Chinese names by pinyin and numbers by value, as a reviewer reads them,
 * whatever the locale of the machine that runs the check (a bare localeCompare follows LANG).
 */
const FILE_ORDER = new Intl.Collator("zh-CN", { numeric: true });

/** Files to check: the files given, and the workbooks inside the folders given (recursively, sorted). */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => FILE_ORDER.compare(a.name, b.name))) {
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
      err(
        `[${done}/${total}] ${r.path}${r.error ? "：无法读取" : `：错误 ${r.counts?.error ?? 0}，提示 ${r.counts?.warning ?? 0}，尾差 ${r.counts?.info ?? 0}`}\n`,
      );
    }
  };
}

/**
 * The files to check and where each output goes, checked before any work: no output may be an input
 * (the workbooks, --prior, --narrative; through links too) nor any file already there; the annotated
 * copies of same-named inputs get distinct names. (Outputs cannot meet: their extensions differ.)
 */
function planOutputs(o: Options, files: string[]): FileTask[] | { refused: string[] } {
  const inputs = new InputSet([...files, ...(o.prior ? [o.prior] : []), ...(o.narrative ? [o.narrative] : [])]);
  const copies = o.annotate ? annotatedCopyPaths(files, o.annotate) : [];
  const folder = o.annotate ? folderRefusal(o.annotate, inputs) : undefined;
  const outputs: [string | undefined, string][] = [
    ...(folder ? [] : copies.map((c): [string, string] => [c, "标注副本"])),
    [o.report, "--report"],
    [o.narrativeOut, "--narrative-out"],
  ];
  const refused = [folder, ...outputs.map(([out, what]) => (out ? refusal(out, what, inputs) : undefined))].filter((r): r is string => r !== undefined);
  if (refused.length) return { refused };
  return files.map((file, i) => ({ file, annotateTo: copies[i] }));
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
  if (files.length === 0) {
    err(`在 ${parsed.inputs.join("、")} 中没有找到 .xlsx 工作簿。\n`);
    return 2;
  }
  if ((parsed.narrative || parsed.narrativeOut || parsed.prior) && files.length !== 1) {
    err(`${parsed.narrative ? "--narrative" : parsed.narrativeOut ? "--narrative-out" : "--prior"} 只能和一个工作簿一起使用（收到 ${files.length} 个）。\n`);
    return 2;
  }
  const tasks = planOutputs(parsed, files);
  if ("refused" in tasks) {
    err(tasks.refused.join("\n") + "\n");
    return 2;
  }
  // more threads than cores only compete for them (and each holds a workbook in memory)
  const cores = defaultJobs();
  if (parsed.jobs > cores) {
    err(`--jobs ${parsed.jobs} 超过本机的 CPU 核数，已按 ${cores} 个同时检查。\n`);
    parsed.jobs = cores;
  }
  const t0 = performance.now();
  const reports = await checkFiles(
    tasks,
    {
      mapping: parsed.mapping,
      narrativeFile: parsed.narrative,
      narrativeOut: parsed.narrativeOut,
      priorFile: parsed.prior,
      style: parsed.style,
      profile: parsed.profile,
    },
    parsed.jobs,
    progress(err, tty),
    { ...DEFAULT_BATCH_LIMITS, fileSeconds: parsed.fileSeconds },
  );
  if (parsed.format === "json") out(JSON.stringify(jsonReport(reports), null, 2) + "\n");
  else {
    for (const r of reports) out(textReport(r) + "\n");
    if (reports.length > 1) out(batchSummaryLines(reports, (performance.now() - t0) / 1000).join("\n") + "\n");
  }
  if (parsed.report) {
    const html = renderHtmlReport({ inputs: parsed.inputs, generatedAt: new Date().toISOString(), files: reports });
    try {
      await writeNewFile(parsed.report, html);
      err(`HTML 报告已写入 ${parsed.report}\n`);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      err(`HTML 报告没有写入：${e.message}\n`);
      return 2;
    }
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
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`budget-check 运行出错：${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      },
    );
}
