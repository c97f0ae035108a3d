/**
 * Batch benchmark (prints figures, asserts nothing): N unit workbooks made from the transcribed seeds
 * (the six seed workbooks in turn, unit names and codes varied, every third without its project
 * tables, every tenth with an injected mistake), checked by one worker thread and by one per core.
 * Usage: npm run bench:batch [-- --files 100,1000]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Dec } from "../src/grid/decimal";
// the compiled engine (npm run bench:batch builds lib/ first), as the budget-check command runs it:
// worker threads then start from JavaScript instead of compiling the TypeScript sources each
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkFiles, defaultJobs } = require("../lib/cli/batch") as typeof import("../src/cli/batch");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { relaunchWithNodeFlags } = require("../lib/cli/nodeFlags") as typeof import("../src/cli/nodeFlags");
import { loadSources, PLAIN_NUMBER, type SourceWorkbook } from "./fixtures/source";
import { DEFAULT_LAYOUT } from "./fixtures/variants";
import { writeWorkbook } from "./fixtures/write";

function unitWorkbook(template: SourceWorkbook, i: number): SourceWorkbook {
  let injected = i % 10 !== 3;
  const sheets = i % 3 === 1 ? template.sheets.filter((s) => !/绩效|自评/.test(s.name)) : template.sheets;
  return {
    ...template,
    id: `unit-${i}`,
    sheets: sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => ({
        ...t,
        meta: t.meta.map((m) => m.replace(/^(\d{3,6})(.*)$/, `${100000 + i}$2（第${i + 1}单位）`)),
        rows: t.rows.map((r) =>
          r.map((v, c) => {
            if (injected || (t.codeCols ?? []).includes(c) || !PLAIN_NUMBER.test(v) || !v.includes(".") || !/支出总/.test(t.title)) return v;
            injected = true;
            return new Dec(v.replace(/,/g, "")).plus(1).toFixed(2); // a mistake the rules must catch
          }),
        ),
      })),
    })),
  };
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--files");
  const sizes = (arg > 0 ? process.argv[arg + 1] : "100,1000").split(",").map(Number);
  const templates = loadSources();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-batch-"));
  const cores = defaultJobs();
  try {
    const files: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < Math.max(...sizes); i++) {
      const file = path.join(dir, `单位${String(i + 1).padStart(4, "0")}.xlsx`);
      await writeWorkbook(unitWorkbook(templates[i % templates.length], i), DEFAULT_LAYOUT, file);
      files.push(file);
    }
    console.log(`generated ${files.length} workbooks in ${((performance.now() - t0) / 1000).toFixed(1)} s (${cores} cores available)\n`);
    console.log("files   workers   wall s   files/s   with errors   unreadable");
    for (const n of sizes) {
      for (const jobs of [1, cores]) {
        const t = performance.now();
        const reports = await checkFiles(
          files.slice(0, n).map((file) => ({ file })),
          {},
          jobs,
          () => {},
        );
        const s = (performance.now() - t) / 1000;
        const withErrors = reports.filter((r) => (r.counts?.error ?? 0) > 0).length;
        console.log(
          `${String(n).padEnd(8)}${String(jobs).padEnd(10)}${s.toFixed(1).padStart(6)}${(n / s).toFixed(1).padStart(10)}${String(withErrors).padStart(14)}${String(reports.filter((r) => r.error).length).padStart(13)}`,
        );
      }
    }
    console.log(
      `\nload average: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}; target: ≥ 30 files/s for 1,000 workbooks with 2 workers`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// (in a node given budget-check's V8 settings, as the command runs: see src/cli/nodeFlags.ts)
relaunchWithNodeFlags()
  .then((code) => (code === undefined ? main() : void (process.exitCode = code)))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
