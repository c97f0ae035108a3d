/**
 * Benchmark (prints figures, asserts nothing): a 汇总 workbook holding every table of the sample budget
 * for N units (each sheet holds one table kind, the N units' tables stacked), at growing N. Per size:
 * parse (.xlsx → snapshot), recognition (snapshot → model), rules (model → findings), engine/parse
 * ratio and the growth factor between sizes.
 * Usage: npm run bench [-- --units 50,200,800]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSources, type SourceWorkbook } from "./fixtures/source";
import { DEFAULT_LAYOUT } from "./fixtures/variants";
import { writeWorkbook } from "./fixtures/write";
import { readWorkbookFile } from "../src/host/file/readWorkbook";
import { recognize } from "../src/recognize/recognize";
import { RULES } from "../src/rules/registry";
import { runRules } from "../src/rules/runner";

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

function ms(t0: number): number {
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--units");
  const sizes = (arg > 0 ? process.argv[arg + 1] : "50,200,800").split(",").map(Number);
  const base = loadSources().find((w) => w.id === "seed000");
  if (!base) throw new Error("没有 seed000 的源数据");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-bench-"));
  // warm-up: one small workbook through parse and engine, so that the timed sizes measure steady-state
  // code rather than the JIT compiling exceljs, decimal.js and the engine (a one-time cost per process)
  {
    const warm = path.join(dir, "warm.xlsx");
    await writeWorkbook(summaryWorkbook(base, 2), DEFAULT_LAYOUT, warm);
    for (let i = 0; i < 3; i++) runRules(recognize(await readWorkbookFile(warm)), RULES);
  }
  const rows: { units: number; cells: number; parse: number; recognize: number; rules: number; tables: number; findings: number }[] = [];
  try {
    for (const units of sizes) {
      const file = path.join(dir, `summary-${units}.xlsx`);
      await writeWorkbook(summaryWorkbook(base, units), DEFAULT_LAYOUT, file);
      let t0 = performance.now();
      const wb = await readWorkbookFile(file);
      const parse = ms(t0);
      const cells = wb.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter((c) => c !== null).length, 0), 0);
      t0 = performance.now();
      const model = recognize(wb);
      const rec = ms(t0);
      t0 = performance.now();
      const { findings } = runRules(model, RULES);
      const rules = ms(t0);
      rows.push({ units, cells, parse, recognize: rec, rules, tables: model.tables.length, findings: findings.length });
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log("units   cells      parse ms  recognize ms  rules ms  engine/parse  tables  findings");
  for (const r of rows) {
    const engine = r.recognize + r.rules;
    console.log(
      `${String(r.units).padEnd(8)}${String(r.cells).padEnd(11)}${r.parse.toFixed(0).padStart(8)}${r.recognize.toFixed(0).padStart(14)}${r.rules.toFixed(0).padStart(10)}${(engine / r.parse).toFixed(2).padStart(14)}${String(r.tables).padStart(8)}${String(r.findings).padStart(10)}`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const growth = (b.recognize + b.rules) / (a.recognize + a.rules);
    console.log(`${a.units} → ${b.units} units (×${(b.units / a.units).toFixed(1)} data): engine time ×${growth.toFixed(2)}, parse time ×${(b.parse / a.parse).toFixed(2)}`);
  }
  console.log("targets: engine/parse ≤ 0.30; 4× the data ≤ 4.4× the engine time");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
