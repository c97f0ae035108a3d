/**
 * Benchmark (prints figures, asserts nothing): a 汇总 workbook holding every table of the sample budget
 * for N units (each sheet holds one table kind, the N units' tables stacked), at growing N. Per size: the
 * read (.xlsx → snapshot, as budget-check reads a file), the bound of that read (the same file unzipped
 * and tokenized by the same libraries with handlers that do nothing: what any reader built on them must
 * spend), their ratio, recognition (snapshot → model), rules (model → findings), engine/read and the
 * growth factors between sizes; then one `budget-check --format json` per size in a process of its own
 * under GNU time: wall time and maximum resident size.
 *
 * The reads are interleaved: each of --runs runs (7 by default) reads every size once, each read right
 * after its bound, so that sizes and bounds meet the same moments of a shared machine (measured size
 * after size, the growth between sizes swung from ×3.1 to ×4.8 between runs, the bound's as much as the
 * read's). Then each size's snapshot is checked --runs times in a row, the same way at every size. The
 * median of each phase is reported, so that a figure is the steady cost of the code rather than the
 * one-time cost of the JIT or a noisy moment; ratios and growth factors are computed from this one run.
 * The engine measured is the compiled one in lib/ (the script builds it first), in a node given
 * budget-check's V8 settings (src/cli/nodeFlags.ts), as budget-check runs it.
 * Usage: npm run bench [-- --units 50,200,800] [-- --runs 7]
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSources, type SourceWorkbook } from "./fixtures/source";
import { DEFAULT_LAYOUT } from "./fixtures/variants";
import { writeWorkbook } from "./fixtures/write";
// the compiled engine (npm run bench builds lib/ first), as the budget-check command runs it; the
// TypeScript sources run through tsx carry its helpers (a __name call for every closure created)
/* eslint-disable @typescript-eslint/no-require-imports */
const { readWorkbookFile } = require("../lib/host/file/readWorkbook") as typeof import("../src/host/file/readWorkbook");
const { recognize } = require("../lib/recognize/recognize") as typeof import("../src/recognize/recognize");
const { RULES } = require("../lib/rules/registry") as typeof import("../src/rules/registry");
const { runRules } = require("../lib/rules/runner") as typeof import("../src/rules/runner");
const { relaunchWithNodeFlags } = require("../lib/cli/nodeFlags") as typeof import("../src/cli/nodeFlags");
const { readZipDirectory } = require("../lib/host/file/zip") as typeof import("../src/host/file/zip");
const { parseEntryXml } = require("../lib/host/file/xlsx/xml") as typeof import("../src/host/file/xlsx/xml");
/* eslint-enable @typescript-eslint/no-require-imports */

function summaryWorkbook(base: SourceWorkbook, units: number): SourceWorkbook {
  return {
    ...base,
    id: `bench-${units}`,
    narrative: [],
    sheets: base.sheets.map((s) => ({
      name: s.name,
      tables: Array.from({ length: units }, (_, i) =>
        s.tables.map((t) => ({ ...t, meta: t.meta.map((m) => m.replace(/^\d{6}(.*)$/, `${String(450001 + i)}$1（第${i + 1}个单位）`)) })),
      ).flat(),
    })),
  };
}

/** The read's bound: every XML part of the file unzipped and tokenized, the handlers doing nothing. */
function unzipAndTokenize(file: string): void {
  const buf = fs.readFileSync(file);
  const nothing = () => undefined;
  for (const e of readZipDirectory(buf)) if (/\.(xml|rels)$/.test(e.part)) parseEntryXml(buf, e, Infinity, { open: nothing, close: nothing, text: nothing });
}

/** budget-check --format json of the file in a process of its own under GNU time: wall seconds and maximum resident MB. */
function endToEnd(file: string): { seconds: number; maxRssMb: number; exit: number | null } | undefined {
  if (!fs.existsSync("/usr/bin/time")) return undefined;
  const bin = path.join(__dirname, "..", "bin", "budget-check.js");
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, bin, "--format", "json", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  const last = run.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  return { seconds, maxRssMb: kb / 1024, exit: run.status };
}

/** Units of the warm-up workbook. */
const WARM_UNITS = 10;

function ms(t0: number): number {
  return performance.now() - t0;
}

/**
 * One timed check of a snapshot. (A function of its own: its model and findings are garbage once it
 * returns, as between two files of a real run; kept in the loop's variables, the run before's would
 * still be alive, and marked by the collector, during the next.)
 */
function check(wb: Awaited<ReturnType<typeof readWorkbookFile>>): { recognize: number; rules: number; tables: number; findings: number } {
  let t0 = performance.now();
  const model = recognize(wb);
  const rec = ms(t0);
  t0 = performance.now();
  const result = runRules(model, RULES);
  return { recognize: rec, rules: ms(t0), tables: model.tables.length, findings: result.findings.length };
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--units");
  const sizes = (arg > 0 ? process.argv[arg + 1] : "50,200,800").split(",").map(Number);
  const base = loadSources().find((w) => w.id === "seed000");
  if (!base) throw new Error("没有 seed000 的源数据");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-bench-"));
  // warm-up: a 10-unit workbook parsed and checked 5 times, so that the timed sizes measure steady-state
  // code rather than V8 compiling and re-compiling exceljs, decimal.js and the engine (a one-time cost
  // per process: after 3 runs of a 2-unit workbook, the first two runs of 50 units took about 1.7× the
  // later ones while V8 compiled some 200 functions; the first timed run's ratio is printed as well)
  {
    const warm = path.join(dir, "warm.xlsx");
    await writeWorkbook(summaryWorkbook(base, WARM_UNITS), DEFAULT_LAYOUT, warm);
    for (let i = 0; i < 5; i++) runRules(recognize(await readWorkbookFile(warm)), RULES);
  }
  const runsArg = process.argv.indexOf("--runs");
  const maxRuns = Math.max(1, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7);
  const rows: SizeRow[] = [];
  try {
    const files = sizes.map((units) => path.join(dir, `summary-${units}.xlsx`));
    for (const [i, units] of sizes.entries()) await writeWorkbook(summaryWorkbook(base, units), DEFAULT_LAYOUT, files[i]);
    const reads = await measureReads(files, maxRuns);
    for (const [i, units] of sizes.entries()) rows.push({ units, ...reads[i], ...(await measureChecks(files[i], maxRuns)), endToEnd: endToEnd(files[i]) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printRows(rows);
}

interface Check {
  recognize: number;
  rules: number;
}

interface SizeRow {
  units: number;
  cells: number;
  parses: number[];
  bounds: number[];
  checks: Check[];
  tables: number;
  findings: number;
  endToEnd?: ReturnType<typeof endToEnd>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function mediansOf(r: SizeRow): Check & { parse: number; bound: number } {
  return { parse: median(r.parses), bound: median(r.bounds), recognize: median(r.checks.map((c) => c.recognize)), rules: median(r.checks.map((c) => c.rules)) };
}

/**
 * The reads and their bounds, interleaved: each run reads every size once, each read right after its
 * bound, so that the sizes and the bound meet the same moments of a shared machine and the growth between
 * sizes compares like with like. No snapshot is kept between reads (each is garbage before the next).
 */
async function measureReads(files: string[], maxRuns: number): Promise<{ parses: number[]; bounds: number[] }[]> {
  const out = files.map(() => ({ parses: [] as number[], bounds: [] as number[] }));
  for (let run = 0; run < maxRuns; run++) {
    for (const [i, file] of files.entries()) {
      const m = out[i];
      if (run > 0 && m.parses[m.parses.length - 1] > 30_000) continue; // (a read of over 30 s is not repeated)
      let t0 = performance.now();
      unzipAndTokenize(file);
      m.bounds.push(ms(t0));
      t0 = performance.now();
      await readWorkbookFile(file);
      m.parses.push(ms(t0));
    }
  }
  return out;
}

/** One size's checks: its snapshot checked --runs times in a row, the same way at every size. */
async function measureChecks(file: string, maxRuns: number): Promise<{ cells: number; checks: Check[]; tables: number; findings: number }> {
  const snapshot = await readWorkbookFile(file);
  const cells = snapshot.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter((c) => c !== null).length, 0), 0);
  const checks: Check[] = [];
  let tables = 0;
  let findings = 0;
  while (checks.length < maxRuns) {
    const run = check(snapshot);
    checks.push({ recognize: run.recognize, rules: run.rules });
    tables = run.tables;
    findings = run.findings;
  }
  return { cells, checks, tables, findings };
}

function printRows(rows: SizeRow[]): void {
  const engineOf = (r: { recognize: number; rules: number }) => r.recognize + r.rules;
  console.log(
    `medians of the runs (load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}):`,
  );
  console.log("units   cells      runs  read ms  bound ms  read/bound  recognize ms  rules ms  engine/read  tables  findings");
  for (const r of rows) {
    const m = mediansOf(r);
    console.log(
      `${String(r.units).padEnd(8)}${String(r.cells).padEnd(11)}${String(r.parses.length).padEnd(4)}${m.parse.toFixed(0).padStart(9)}${m.bound.toFixed(0).padStart(10)}${(m.parse / m.bound).toFixed(2).padStart(12)}${m.recognize.toFixed(0).padStart(14)}${m.rules.toFixed(0).padStart(10)}${(engineOf(m) / m.parse).toFixed(2).padStart(13)}${String(r.tables).padStart(8)}${String(r.findings).padStart(10)}`,
    );
  }
  console.log("every run (ms): read / bound pairs, then the checks of the last snapshot in order (recognize / rules)");
  for (const r of rows)
    console.log(
      `  ${r.units} units: ${r.parses.map((x, i) => `${x.toFixed(0)} / ${r.bounds[i].toFixed(0)}`).join(", ")}; checks ${r.checks.map((x) => `${x.recognize.toFixed(0)} / ${x.rules.toFixed(0)}`).join("   ")}`,
    );
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    console.log(
      `${a.units} → ${b.units} units (×${(b.units / a.units).toFixed(1)} data): read ×${(mediansOf(b).parse / mediansOf(a).parse).toFixed(2)}, bound ×${(mediansOf(b).bound / mediansOf(a).bound).toFixed(2)}, engine ×${(engineOf(mediansOf(b)) / engineOf(mediansOf(a))).toFixed(2)}`,
    );
  }
  console.log("budget-check --format json, one process per size (GNU time):");
  for (const r of rows) {
    const e = r.endToEnd;
    console.log(
      e
        ? `  ${r.units} units: ${e.seconds.toFixed(1)} s, maximum resident ${e.maxRssMb.toFixed(0)} MB, exit ${e.exit}`
        : `  ${r.units} units: /usr/bin/time not installed`,
    );
  }
  console.log("targets: read ≤ 2 × bound; 4× the data ≤ 4.4× the read and the engine time; 800 units end to end < 10 s and < 800 MB");
}

// (in a node given budget-check's V8 settings, as the command runs: see src/cli/nodeFlags.ts)
relaunchWithNodeFlags()
  .then((code) => (code === undefined ? main() : void (process.exitCode = code)))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
