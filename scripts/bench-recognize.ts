/**
 * Benchmark: time to read (.xlsx → snapshot) and recognize (snapshot → budget model) the largest seed
 * fixture and generated workbooks of growing size. Prints figures; asserts nothing (machines are shared).
 * Usage: npm run bench [-- --rows 20000]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../src/host/file/readWorkbook";
import { recognize } from "../src/recognize/recognize";
import { allRows } from "../src/model/budgetModel";

const FIXTURES = path.join(__dirname, "..", "test", "fixtures");

function cellsOf(wb: Awaited<ReturnType<typeof readWorkbookFile>>): number {
  return wb.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter((c) => c !== null).length, 0), 0);
}

async function measure(file: string, repeat: number): Promise<{ cells: number; readMs: number; recognizeMs: number; tables: number; rows: number }> {
  let readMs = Infinity;
  let recognizeMs = Infinity;
  let result = { cells: 0, tables: 0, rows: 0 };
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    const wb = await readWorkbookFile(file);
    const t1 = performance.now();
    const m = recognize(wb);
    const t2 = performance.now();
    readMs = Math.min(readMs, t1 - t0);
    recognizeMs = Math.min(recognizeMs, t2 - t1);
    result = { cells: cellsOf(wb), tables: m.tables.length, rows: m.tables.reduce((n, t) => n + allRows(t).length, 0) };
  }
  return { ...result, readMs, recognizeMs };
}

/** A 支出总表 with `rows` 项-level rows (plus their 类/款) in 万元, as a budget system exports it. */
async function writeLarge(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("03支出总表");
  ws.addRow(["部门预算支出总表"]);
  ws.mergeCells(1, 1, 1, 9);
  ws.addRow(["999001测试单位", "", "", "", "预算年度：2024", "", "", "", "单位：万元"]);
  ws.addRow(["序号", "功能分类科目", "", "合计", "基本支出", "项目支出", "经营支出", "上解上级支出", "对附属单位补助支出"]);
  ws.addRow(["", "科目编码", "科目名称", "", "", "", "", "", ""]);
  ws.mergeCells(3, 2, 3, 3);
  for (const c of [1, 4, 5, 6, 7, 8, 9]) ws.mergeCells(3, c, 4, c);
  ws.addRow(["栏次", "1", "2", "3", "4", "5", "6", "7", "8"]);
  let n = 1;
  for (let i = 0; i < rows; i++) {
    const lei = 200 + Math.floor(i / 1000);
    const kuan = Math.floor((i % 1000) / 10);
    const xiang = i % 10;
    const code = `${lei}${String(kuan).padStart(2, "0")}${String(xiang).padStart(2, "0")}`;
    const a = (i * 37) % 10000;
    const r = ws.addRow([n++, code, `测试科目${i}`, (a * 2) / 100, a / 100, a / 100, null, null, null]);
    for (const c of [4, 5, 6]) r.getCell(c).numFmt = "0.00";
  }
  await wb.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  const rowsArg = process.argv.indexOf("--rows");
  const big = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 20000;
  const seeds = fs.readdirSync(FIXTURES).filter((f) => /^seed.*\.xlsx$/.test(f));
  if (seeds.length === 0) throw new Error("没有测试工作簿：请先运行 npm run fixtures");
  const sized = seeds.map((f) => ({ f, size: fs.statSync(path.join(FIXTURES, f)).size })).sort((a, b) => b.size - a.size);
  console.log("read = .xlsx → snapshot; recognize = snapshot → budget model; best of 3 runs\n");
  console.log("workbook                              cells    read ms  recognize ms  µs/cell(recognize)  tables  rows");
  const line = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
    console.log(`${name.padEnd(36)}${String(r.cells).padStart(7)}${r.readMs.toFixed(0).padStart(11)}${r.recognizeMs.toFixed(1).padStart(14)}${((r.recognizeMs * 1000) / r.cells).toFixed(2).padStart(20)}${String(r.tables).padStart(8)}${String(r.rows).padStart(6)}`);
  const results: { rows: number; r: Awaited<ReturnType<typeof measure>> }[] = [];
  for (const { f } of sized.slice(0, 1)) line(`${f} (largest fixture)`, await measure(path.join(FIXTURES, f), 3));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-bench-"));
  try {
    for (const rows of [big / 10, big]) {
      const file = path.join(dir, `large-${rows}.xlsx`);
      await writeLarge(file, rows);
      const r = await measure(file, 3);
      results.push({ rows, r });
      line(`generated 支出总表, ${rows} rows`, r);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const [small, large] = results;
  const perCell = (x: typeof small) => x.r.recognizeMs / x.r.cells;
  const perCellRead = (x: typeof small) => x.r.readMs / x.r.cells;
  console.log(`\nscaling ×${large.rows / small.rows} rows: recognize time per cell ratio ${(perCell(large) / perCell(small)).toFixed(2)}, read time per cell ratio ${(perCellRead(large) / perCellRead(small)).toFixed(2)} (1.00 = linear)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
