/**
 * Property-based robustness of the recognizer and the rule engine (fast-check, fixed seeds).
 *
 * Every random or mangled workbook must satisfy:
 *  1. recognize() and checkWorkbook() do not throw, and neither swallows an exception of its own (no
 *     "识别此工作表时出错" sheet, no internalError finding);
 *  2. every cell a finding names (cells and suspect) exists: its sheet is a sheet of the snapshot and
 *     its address parses with parseA1 and lies within [0, top + rows) × [0, left + width) of that sheet;
 *  3. blank rows and columns around a real, unmangled table do not change what is recognized
 *     (canonicalModel before = after).
 *
 * Grids: realistic random cells (free and table-shaped), and the seed fixtures mangled (rows shuffled,
 * deleted, duplicated; header rows deleted; text in number cells; merges random, over the header,
 * out of range, inverted; tables stacked; sheets duplicated; huge, negative and parenthesised amounts).
 * Plus extremes built in memory: a 1,000,000-row table, a 300,000-row 情况说明 sheet, and two
 * 100 × 16384 (A:XFD) sheets. Seeds are frozen: neither the operators nor the engine may change them.
 */
import * as fc from "fast-check";
import * as path from "path";
import { parseA1, type RangeRef } from "../../src/grid/address";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/workbook";
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { canonicalModel } from "../../src/model/describe";
import { recognize } from "../../src/recognize/recognize";
import type { BudgetModel } from "../../src/model/budgetModel";
import type { Finding } from "../../src/rules/types";
import { FIXTURES, SEED_WORKBOOKS } from "../helpers";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------

const TITLES = [
  "部门收支总表",
  "2024年部门收支预算总表",
  "部门收入总表",
  "部门支出总表",
  "财政拨款收支总表",
  "一般公共预算支出表",
  "一般公共预算基本支出表",
  "政府性基金预算支出表",
  "国有资本经营预算支出表",
  "一般公共预算“三公”经费支出表",
  "政府采购预算表",
  "固定资产占用情况表",
  "项目支出绩效目标表",
  "项目支出绩效自评表",
  "部门整体绩效目标表",
  "项目绩效目标汇总表",
  "支出经济分类汇总表",
  "项目支出表",
  "部门决算公开相关信息统计表",
  "收入支出决算总表",
  "2023年度收入决算表",
  "机构设置情况表",
  "单位工资明细表",
];

const META = [
  "单位：万元",
  "单位：元",
  "金额单位：万元",
  "单位:万元",
  "部门名称：某某区医疗保障局",
  "编制单位：某某局",
  "预算年度：2024",
  "2024年度",
  "公开01表",
  "预算01表",
  "决算 09 表",
  "表",
  "308 平顶山市石龙区医疗保障局",
  "截止时间：2024-12-31",
  "截止日期：2023年12月31日",
];

const HEADERS = [
  "项目",
  "科目编码",
  "科目名称",
  "功能分类科目编码",
  "经济分类科目编码",
  "项目名称",
  "项目编码",
  "单位编码",
  "单位名称",
  "类",
  "款",
  "项",
  "合计",
  "总计",
  "小计",
  "基本支出",
  "项目支出",
  "人员经费",
  "公用经费",
  "一般公共预算",
  "政府性基金",
  "国有资本经营",
  "财政拨款",
  "财政专户管理资金",
  "上年结转",
  "本年收入",
  "本年支出",
  "事业收入",
  "经营收入",
  "其他收入",
  "预算数",
  "决算数",
  "金额",
  "栏次",
  "行次",
  "序号",
  "收入",
  "支出",
  "收入：",
  "资金性质",
  "其中：财政拨款",
  "因公出国（境）费",
  "公务接待费",
  "公务用车购置及运行维护费",
  "公务用车购置费",
  "公务用车运行维护费",
  "车辆数（辆）",
  "采购品目",
  "政府采购金额",
  "数量",
  "计量单位",
  "价值(万元)",
  "绩效目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标值",
  "年度预算数",
  "财政资金",
  "其他资金",
  "执行率",
  "全年预算数",
  "全年执行数",
  "总分",
  "主管部门",
  "实施单位",
  "预算总额",
  "备注",
];

const LABELS = [
  "合计",
  "总计",
  "本年收入合计",
  "本年支出合计",
  "收入总计",
  "支出总计",
  "人员经费合计",
  "“三公”经费合计",
  "一、一般公共预算拨款收入",
  "二、政府性基金预算拨款收入",
  "一、一般公共服务支出",
  "二十三、国有资本经营预算",
  "（一）基本支出",
  "(二)项目支出",
  "1、其他",
  "1.办公费",
  "其中：财政拨款",
  "社会保障和就业支出",
  "行政事业单位养老支出",
  "机关事业单位基本养老保险缴费支出",
  "工资福利支出",
  "基本工资",
  "办公费",
  "医疗保障管理事务",
  "[208]社会保障和就业支出",
  "20805行政事业单位养老支出",
  "车辆（台、辆）",
  "办公设备",
  "注：本表为空表",
  "注1：本单位无政府性基金预算支出",
  "备注：无",
  "说明：以上数据为预计数",
  "填报说明：无",
];

const CODES = [
  "208",
  "20805",
  "2080505",
  "208010\n9",
  "2 08",
  "2080 505",
  "301",
  "30101",
  "30201",
  "50501",
  "2010101",
  "229",
  "22999",
  "2299999",
  "99999999",
  "0",
  "01",
  "1",
  "001",
  "308001",
  "[208]",
];

const NUMBER_TEXTS = [
  "1,234.50",
  "5056. 26",
  "１２３４．５６",
  "９０６４．３６",
  "9064.36",
  "-",
  "—",
  "－",
  "--",
  "0.00",
  "0",
  "(1,234.00)",
  "（1,234.00）",
  "-12.5",
  "+3",
  "1e5",
  "1E+308",
  "12,34",
  "1.2.3",
  ".5",
  "10.",
  "1,234,567,890.12",
  "99999999999999999999999999999999999999.99",
  "-0.00",
  "十元",
  "3辆",
  "305（个、台、辆、件、套等）",
  "100%",
  "95.5%",
  "NaN",
  "Infinity",
  "1/3",
  "2024-12-31",
];

const BLANKISH = ["", " ", "\u3000", "\n", "\t", "  \u00a0  "];

const FORMULAS = [
  "SUM(C5:C9)",
  "C5+C6+C7",
  "SUM(C5,C7,C9)",
  "D6+E6",
  "SUM(D6:F6)",
  "SUM(C:C)",
  "SUM(",
  ")",
  "'其他表'!C5+1",
  "SUM(A1:XFD1048576)",
  "SUM(C5:C99999)",
  "C0+C1",
  "SUM($C$5:$C$9)",
  "ZZZZ1",
  "",
  "SUM(C5:A1)",
];

const ERRORS = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"];

const SHEET_NAMES = ["Sheet1", "情况说明", "说明", "封面", "目录", "01收支总表", "公开09表", "表1", "Sheet 2", "数据'表", ...TITLES];

/** A string cell: value and shown text alike. */
function textCell(t: string): Cell {
  return { value: t, text: t };
}

/** "1234567.5" → "1,234,567.50". */
function withThousands(v: number): string {
  const [int, frac] = Math.abs(v).toFixed(2).split(".");
  return `${v < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

const FULL_WIDTH_OF: Record<string, string> = { ".": "．", ",": "，", "-": "－", "(": "（", ")": "）" };
function fullWidth(t: string): string {
  return t.replace(/[0-9.,\-()]/g, (ch) => FULL_WIDTH_OF[ch] ?? String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const longTextArb = fc.string({
  unit: fc.constantFrom("合", "计", "项", "目", "表", "支", "出", "2", "0", "8", "：", "、", "（", "）", " ", "\n", "。"),
  minLength: 60,
  maxLength: 2000,
});

const numberCellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => ({ value: n, text: String(n), numFmt: "General" })),
  fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((n) => ({ value: n / 100, text: withThousands(n / 100), numFmt: "#,##0.00" })),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => ({ value: n / 100, text: (n / 100).toFixed(2), numFmt: "0.00" })),
  fc
    .constantFrom(9.99e307, 1e20, -1e15, 1e-300, -0, 0, 123456789.12345679 /* the nearest double to 123456789.123456789 */, Number.MAX_SAFE_INTEGER)
    .map((v) => ({ value: v, text: String(v) })),
  // the shown text disagrees with the stored value (a format hides decimals, or a stale cache)
  fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.constantFrom(...NUMBER_TEXTS)).map(([v, t]) => ({ value: v, text: t })),
);

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HEADERS, ...LABELS).map(textCell) },
  { weight: 1, arbitrary: fc.constantFrom(...TITLES, ...META).map(textCell) },
  { weight: 2, arbitrary: fc.constantFrom(...CODES).map(textCell) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_TEXTS).map(textCell) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_TEXTS).map((t) => textCell(fullWidth(t))) },
  { weight: 4, arbitrary: numberCellArb },
  { weight: 1, arbitrary: fc.tuple(numberCellArb, fc.constantFrom(...FORMULAS)).map(([c, f]) => ({ ...c, formula: f })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((e) => ({ value: { error: e }, text: e })) },
  { weight: 1, arbitrary: fc.constantFrom(...BLANKISH).map(textCell) },
  { weight: 1, arbitrary: fc.constant<Cell>({ value: null, text: "", formula: "SUM(C5:C9)" }) },
  { weight: 1, arbitrary: longTextArb.map(textCell) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }).map(textCell) },
  { weight: 1, arbitrary: fc.boolean().map((b) => ({ value: b, text: b ? "TRUE" : "FALSE" })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 20000 }).map((d) => {
      const date = new Date(Date.UTC(2000, 0, 1 + d));
      return { value: date, text: date.toISOString().slice(0, 10) };
    }),
  },
);

/** A merge described relative to the grid's top-left, turned into absolute sheet coordinates later. */
type MergeSpec =
  | { kind: "inside"; r: number; c: number; h: number; w: number }
  | { kind: "header"; rows: number }
  | { kind: "beyond"; r: number; c: number; h: number; w: number }
  | { kind: "overhang"; r: number; c: number; down: number; across: number }
  | { kind: "inverted"; r: number; c: number; h: number; w: number }
  | { kind: "huge" }
  | { kind: "negative"; r: number; c: number };

const mergeSpecArb: fc.Arbitrary<MergeSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("inside" as const), r: fc.nat(30), c: fc.nat(14), h: fc.nat(4), w: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("header" as const), rows: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("beyond" as const), r: fc.nat(40), c: fc.nat(20), h: fc.nat(60), w: fc.nat(60) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("overhang" as const), r: fc.nat(6), c: fc.nat(14), down: fc.nat(2), across: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("inverted" as const),
      r: fc.nat(30),
      c: fc.nat(14),
      h: fc.integer({ min: 1, max: 10 }),
      w: fc.integer({ min: 1, max: 10 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "huge" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("negative" as const), r: fc.nat(5), c: fc.nat(5) }) },
);

function mergeFrom(spec: MergeSpec, s: SheetSnapshot): RangeRef {
  const { top, left } = s;
  const width = Math.max(1, gridWidth(s));
  switch (spec.kind) {
    case "inside":
      return { top: top + spec.r, left: left + spec.c, bottom: top + spec.r + spec.h, right: left + spec.c + spec.w };
    case "header": // one merge over the title and the whole header
      return { top, left, bottom: top + spec.rows - 1, right: left + width - 1 };
    case "beyond": // reaches past the used range (and maybe past Excel's grid)
      return { top: top + spec.r, left: left + spec.c, bottom: top + spec.r + spec.h * 1000, right: left + spec.c + spec.w * 300 };
    case "overhang": // a header cell merged on past the last column (or row) that holds a value
      return { top: top + spec.r, left: Math.min(left + spec.c, left + width - 1), bottom: top + spec.r + spec.down, right: left + width - 1 + spec.across };
    case "inverted":
      return { top: top + spec.r + spec.h, left: left + spec.c + spec.w, bottom: top + spec.r, right: left + spec.c };
    case "huge":
      return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
    case "negative":
      return { top: -1 - spec.r, left: -1 - spec.c, bottom: top + 1, right: left + 1 };
  }
}

function gridWidth(s: SheetSnapshot): number {
  let w = 0;
  for (const row of s.cells) w = Math.max(w, row.length);
  return w;
}

/** Sheet names made unique the way Excel would ("表 (2)"). */
function uniqueNames(sheets: SheetSnapshot[]): SheetSnapshot[] {
  const seen = new Set<string>();
  return sheets.map((s) => {
    let name = s.name;
    for (let i = 2; seen.has(name); i++) name = `${s.name} (${i})`;
    seen.add(name);
    return name === s.name ? s : { ...s, name };
  });
}

// ---------------------------------------------------------------------------------------------------
// Random grids: free-form, and table-shaped (title, meta, header, body, notes)
// ---------------------------------------------------------------------------------------------------

const originArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ top: 0, left: 0 }) },
  { weight: 3, arbitrary: fc.record({ top: fc.nat(20), left: fc.nat(8) }) },
  { weight: 1, arbitrary: fc.record({ top: fc.nat(MAX_ROWS - 100), left: fc.nat(MAX_COLS - 40) }) },
);

function sheetFromRows(name: string, origin: { top: number; left: number }, cells: (Cell | null)[][], merges: MergeSpec[]): SheetSnapshot {
  const s: SheetSnapshot = { name, top: origin.top, left: origin.left, cells, merges: [], hiddenRows: [], hiddenCols: [] };
  s.merges = merges.map((m) => mergeFrom(m, s));
  return s;
}

const freeSheetArb: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ maxLength: 10 })),
    origin: originArb,
    cells: fc.array(fc.array(fc.option(cellArb, { nil: null, freq: 3 }), { maxLength: 14 }), { maxLength: 30 }),
    merges: fc.array(mergeSpecArb, { maxLength: 5 }),
  })
  .map(({ name, origin, cells, merges }) => sheetFromRows(name, origin, cells, merges));

const headerCellArb = fc.option(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...HEADERS).map(textCell) }, { weight: 1, arbitrary: cellArb }), {
  nil: null,
  freq: 6,
});
const bodyCellArb = fc.option(
  fc.oneof(
    { weight: 6, arbitrary: numberCellArb },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBER_TEXTS).map(textCell) },
    { weight: 1, arbitrary: cellArb },
  ),
  { nil: null, freq: 5 },
);
const bodyRowArb = fc.tuple(
  fc.option(fc.constantFrom(...CODES).map(textCell), { nil: null, freq: 3 }),
  fc.option(fc.constantFrom(...LABELS).map(textCell), { nil: null, freq: 5 }),
  fc.array(bodyCellArb, { minLength: 1, maxLength: 8 }),
);

/** A sheet that looks like a disclosure table, so that recognition gets far and rules run. */
const tableSheetArb: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.constantFrom(...SHEET_NAMES),
    origin: originArb,
    title: fc.option(fc.constantFrom(...TITLES), { nil: null, freq: 8 }),
    meta: fc.array(fc.constantFrom(...META), { maxLength: 3 }),
    header: fc.array(fc.array(headerCellArb, { minLength: 2, maxLength: 10 }), { minLength: 0, maxLength: 4 }),
    lanci: fc.boolean(),
    body: fc.array(bodyRowArb, { maxLength: 25 }),
    notes: fc.array(fc.constantFrom(...LABELS.filter((l) => /^(注|备注|说明|填报说明)/.test(l))), { maxLength: 2 }),
    merges: fc.array(mergeSpecArb, { maxLength: 4 }),
    stacked: fc.nat(2),
  })
  .map((g) => {
    const block = (): (Cell | null)[][] => {
      const rows: (Cell | null)[][] = [];
      if (g.title) rows.push([textCell(g.title)]);
      if (g.meta.length) rows.push(g.meta.map(textCell));
      rows.push(...g.header);
      const width = Math.max(2, ...g.header.map((r) => r.length));
      if (g.lanci) rows.push([textCell("栏次"), null, ...Array.from({ length: width - 2 }, (_, i) => textCell(String(i + 1)))]);
      for (const [code, label, amounts] of g.body) rows.push([code, label, ...amounts]);
      for (const n of g.notes) rows.push([textCell(n)]);
      return rows;
    };
    const cells: (Cell | null)[][] = [];
    // one to three copies of the same table stacked on one sheet, a blank row apart
    for (let i = 0; i <= g.stacked; i++) {
      if (i > 0) cells.push([]);
      cells.push(...block());
    }
    return sheetFromRows(g.name, g.origin, cells, g.merges);
  });

const randomWorkbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(fc.oneof(freeSheetArb, tableSheetArb, tableSheetArb), { minLength: 1, maxLength: 4 })
  .map((sheets) => ({ name: "随机.xlsx", sheets: uniqueNames(sheets) }));

// ---------------------------------------------------------------------------------------------------
// Invariants 1 and 2
// ---------------------------------------------------------------------------------------------------

/** What is wrong with the places a finding names (empty when they all exist). */
function badFindingCells(wb: WorkbookSnapshot, findings: Finding[]): string[] {
  const bounds = new Map<string, { rows: number; cols: number }>();
  for (const s of wb.sheets) bounds.set(s.name, { rows: s.top + s.cells.length, cols: s.left + gridWidth(s) });
  const out: string[] = [];
  const check = (f: Finding, what: string, sheet: string, address: string) => {
    const b = bounds.get(sheet);
    const where = `${f.ruleId}/${f.messageId} ${what} ${sheet}!${address}`;
    if (!b) return void out.push(`${where}: no such sheet`);
    let p: { row: number; col: number };
    try {
      p = parseA1(address);
    } catch {
      return void out.push(`${where}: not an A1 address`);
    }
    if (!(p.row >= 0 && p.row < b.rows && p.col >= 0 && p.col < b.cols)) out.push(`${where}: outside [0,${b.rows})×[0,${b.cols}) (row ${p.row}, col ${p.col})`);
  };
  for (const f of findings) {
    for (const c of f.cells) check(f, "cell", c.sheet, c.address);
    if (f.suspect) check(f, "suspect", f.suspect.sheet, f.suspect.address);
  }
  // name the merges that reach outside the grid of the sheets concerned: the usual cause
  for (const s of wb.sheets) {
    if (!out.some((line) => line.includes(` ${s.name}!`))) continue;
    const b = bounds.get(s.name)!;
    const outside = s.merges.filter((m) => m.top < 0 || m.left < 0 || m.bottom >= b.rows || m.right >= b.cols);
    if (outside.length) out.push(`(${s.name}: merges reaching outside the grid: ${JSON.stringify(outside)})`);
  }
  return out;
}

/** Sheets where recognition threw and the per-sheet safety net caught it. */
function crashedSheets(model: BudgetModel): string[] {
  return model.unrecognized.filter((u) => u.reason.startsWith("识别此工作表时出错")).map((u) => `${u.sheet}: ${u.reason}`);
}

/**
 * Runs the engine (checkWorkbook, which runs recognize first) and states invariants 1 and 2: nothing
 * thrown, nothing swallowed by the per-sheet or per-rule safety nets, every finding cell exists.
 */
function assertEngineInvariants(wb: WorkbookSnapshot): ReturnType<typeof checkWorkbook> {
  const result = checkWorkbook(wb);
  expect(crashedSheets(result.model)).toEqual([]);
  expect(result.findings.filter((f) => f.messageId === "internalError").map((f) => f.message)).toEqual([]);
  expect(badFindingCells(wb, result.findings)).toEqual([]);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// The seed fixtures and the mangling operators
// ---------------------------------------------------------------------------------------------------

let SEEDS: WorkbookSnapshot[] = [];

/** Frozen: neither the operators nor the engine may change the seeds (a write throws in strict mode). */
function freezeWorkbook(wb: WorkbookSnapshot): WorkbookSnapshot {
  for (const s of wb.sheets) {
    for (const row of s.cells) {
      for (const c of row) if (c) Object.freeze(c);
      Object.freeze(row);
    }
    for (const m of s.merges) Object.freeze(m);
    [s.cells, s.merges, s.hiddenRows, s.hiddenCols, s].forEach((x) => Object.freeze(x));
  }
  Object.freeze(wb.sheets);
  return Object.freeze(wb);
}

beforeAll(async () => {
  SEEDS = await Promise.all(SEED_WORKBOOKS.map((id) => readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)).then(freezeWorkbook)));
}, 60_000);

/** A copy of a sheet that the operators may change freely (cells themselves are never mutated). */
function copySheet(s: SheetSnapshot, name = s.name): SheetSnapshot {
  return {
    ...s,
    name,
    cells: s.cells.map((r) => r.slice()),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenRows: s.hiddenRows.slice(),
    hiddenCols: s.hiddenCols.slice(),
  };
}

type Op =
  | { op: "shuffleRows"; a: number; b: number; keys: number[] }
  | { op: "deleteRows"; at: number; count: number }
  | { op: "deleteHeader"; count: number }
  | { op: "duplicateRows"; at: number; count: number }
  | { op: "insertBlankRows"; at: number; count: number }
  | { op: "deleteColumn"; at: number }
  | { op: "textIntoNumbers"; picks: number[]; texts: string[] }
  | { op: "setCells"; at: { r: number; c: number }[]; cells: Cell[] }
  | { op: "merge"; merges: MergeSpec[] }
  | { op: "clearMerges" }
  | { op: "stack"; seed: number; sheet: number; gap: number; side: "below" | "right" }
  | { op: "hugeNumbers"; picks: number[]; values: number[] }
  | { op: "negate"; picks: number[]; style: "minus" | "paren" | "fullwidth" | "stored" }
  | { op: "fullWidthDigits"; picks: number[] }
  | { op: "formulas"; picks: number[]; formulas: string[] }
  | { op: "rename"; name: string };

const picksArb = fc.array(fc.nat(10_000), { minLength: 1, maxLength: 12 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("shuffleRows" as const), a: fc.nat(60), b: fc.nat(60), keys: fc.array(fc.nat(100), { minLength: 1, maxLength: 20 }) }),
  fc.record({ op: fc.constant("deleteRows" as const), at: fc.nat(60), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant("deleteHeader" as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant("duplicateRows" as const), at: fc.nat(60), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant("insertBlankRows" as const), at: fc.nat(60), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant("deleteColumn" as const), at: fc.nat(20) }),
  fc.record({
    op: fc.constant("textIntoNumbers" as const),
    picks: picksArb,
    texts: fc.array(fc.constantFrom(...HEADERS, ...LABELS, ...NUMBER_TEXTS, ...BLANKISH, ...ERRORS), { minLength: 1, maxLength: 5 }),
  }),
  fc.record({
    op: fc.constant("setCells" as const),
    at: fc.array(fc.record({ r: fc.nat(60), c: fc.nat(16) }), { minLength: 1, maxLength: 8 }),
    cells: fc.array(cellArb, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ op: fc.constant("merge" as const), merges: fc.array(mergeSpecArb, { minLength: 1, maxLength: 4 }) }),
  fc.constant({ op: "clearMerges" as const }),
  fc.record({
    op: fc.constant("stack" as const),
    seed: fc.nat(100),
    sheet: fc.nat(100),
    gap: fc.nat(3),
    side: fc.constantFrom("below" as const, "right" as const),
  }),
  fc.record({
    op: fc.constant("hugeNumbers" as const),
    picks: picksArb,
    values: fc.array(fc.constantFrom(9.99e307, 1e20, 1e15 + 0.5, -1e18, 123456789012345.67, 1e-300, 4.9e-324), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant("negate" as const),
    picks: picksArb,
    style: fc.constantFrom("minus" as const, "paren" as const, "fullwidth" as const, "stored" as const),
  }),
  fc.record({ op: fc.constant("fullWidthDigits" as const), picks: picksArb }),
  fc.record({ op: fc.constant("formulas" as const), picks: picksArb, formulas: fc.array(fc.constantFrom(...FORMULAS), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant("rename" as const), name: fc.constantFrom(...SHEET_NAMES) }),
);

/** Positions (relative row, column) of the cells that show a number. */
function numberCells(s: SheetSnapshot): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  s.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && (typeof cell.value === "number" || /^[\s\d,.\-+()（）－]*\d[\s\d,.\-+()（）－]*$/.test(cell.text))) out.push({ r, c });
    }),
  );
  return out;
}

function picked<T>(list: T[], picks: number[]): T[] {
  return list.length === 0 ? [] : picks.map((p) => list[p % list.length]);
}

/** Removes relative rows [at, at + count) and moves merges and hidden rows below them up. */
function deleteRows(s: SheetSnapshot, at: number, count: number): void {
  if (s.cells.length === 0) return;
  at = at % s.cells.length;
  count = Math.min(count, s.cells.length - at);
  s.cells.splice(at, count);
  const first = s.top + at;
  const last = first + count - 1;
  s.merges = s.merges.filter((m) => m.bottom < first || m.top > last).map((m) => (m.top > last ? { ...m, top: m.top - count, bottom: m.bottom - count } : m));
  s.hiddenRows = s.hiddenRows.filter((r) => r < first || r > last).map((r) => (r > last ? r - count : r));
}

function applyOp(s: SheetSnapshot, op: Op): SheetSnapshot {
  const n = s.cells.length;
  switch (op.op) {
    case "shuffleRows": {
      if (n < 2) return s;
      const a = Math.min(op.a % n, op.b % n);
      const b = Math.max(op.a % n, op.b % n);
      const part = s.cells.slice(a, b + 1).map((row, i) => ({ row, key: op.keys[i % op.keys.length] * 1000 + i }));
      part.sort((x, y) => x.key - y.key);
      // a single key would keep the order: reverse the rows then
      s.cells.splice(a, part.length, ...(op.keys.length === 1 ? part.reverse() : part).map((x) => x.row));
      return s;
    }
    case "deleteRows":
      deleteRows(s, op.at, op.count);
      return s;
    case "deleteHeader": {
      // the header sits right under the title (and the meta line): delete rows 1.. or 2..
      const at = s.cells.length > 3 && s.cells[1]?.some((c) => c && /单位|年度|表$/.test(c.text)) ? 2 : 1;
      if (s.cells.length > at) deleteRows(s, at, op.count);
      return s;
    }
    case "duplicateRows": {
      if (n === 0) return s;
      const at = op.at % n;
      s.cells.splice(at, 0, ...s.cells.slice(at, at + op.count).map((r) => r.slice()));
      return s;
    }
    case "insertBlankRows": {
      const at = n === 0 ? 0 : op.at % (n + 1);
      s.cells.splice(at, 0, ...Array.from({ length: op.count }, () => [] as (Cell | null)[]));
      return s;
    }
    case "deleteColumn": {
      const w = gridWidth(s);
      if (w < 2) return s;
      const at = op.at % w;
      for (const row of s.cells) row.splice(at, 1);
      // merges and hidden columns right of it move left; a merge over it loses that column
      const x = s.left + at;
      s.merges = s.merges
        .filter((m) => !(m.left === x && m.right === x))
        .map((m) => (m.left > x ? { ...m, left: m.left - 1, right: m.right - 1 } : m.right >= x ? { ...m, right: m.right - 1 } : m));
      s.hiddenCols = s.hiddenCols.filter((c) => c !== x).map((c) => (c > x ? c - 1 : c));
      return s;
    }
    case "textIntoNumbers": {
      picked(numberCells(s), op.picks).forEach(({ r, c }, i) => (s.cells[r][c] = textCell(op.texts[i % op.texts.length])));
      return s;
    }
    case "setCells": {
      if (n === 0) return s;
      op.at.forEach(({ r, c }, i) => {
        const row = s.cells[r % n];
        while (row.length < c) row.push(null);
        row[c] = op.cells[i % op.cells.length];
      });
      return s;
    }
    case "merge":
      s.merges.push(...op.merges.map((m) => mergeFrom(m, s)));
      return s;
    case "clearMerges":
      s.merges = [];
      return s;
    case "stack": {
      const wb = SEEDS[op.seed % SEEDS.length];
      const other = wb.sheets[op.sheet % wb.sheets.length];
      if (op.side === "below") {
        const dy = s.top + n + op.gap - other.top;
        for (let i = 0; i < op.gap; i++) s.cells.push([]);
        // the other table keeps its own columns; pad to its left edge
        const dx = other.left - s.left;
        for (const row of other.cells) s.cells.push(dx >= 0 ? [...Array<null>(dx).fill(null), ...row] : row.slice(-dx));
        s.merges.push(...other.merges.map((m) => ({ top: m.top + dy, bottom: m.bottom + dy, left: m.left, right: m.right })));
      } else {
        const w = gridWidth(s) + op.gap;
        const dy = s.top - other.top;
        other.cells.forEach((row, i) => {
          const mine = (s.cells[i] ??= []);
          while (mine.length < w) mine.push(null);
          mine.push(...row);
        });
        const dx = s.left + w - other.left;
        s.merges.push(...other.merges.map((m) => ({ top: m.top + dy, bottom: m.bottom + dy, left: m.left + dx, right: m.right + dx })));
      }
      return s;
    }
    case "hugeNumbers": {
      picked(numberCells(s), op.picks).forEach(({ r, c }, i) => {
        const v = op.values[i % op.values.length];
        s.cells[r][c] = { value: v, text: String(v) };
      });
      return s;
    }
    case "negate": {
      for (const { r, c } of picked(numberCells(s), op.picks)) {
        const cell = s.cells[r][c]!;
        const t = cell.text.trim();
        const num = typeof cell.value === "number" ? -cell.value : cell.value;
        if (op.style === "minus") s.cells[r][c] = { ...cell, value: num, text: `-${t}` };
        else if (op.style === "paren") s.cells[r][c] = { ...cell, value: num, text: `(${t})`, numFmt: "#,##0.00;(#,##0.00)" };
        else if (op.style === "fullwidth") s.cells[r][c] = textCell(`－${fullWidth(t)}`);
        else s.cells[r][c] = textCell(`(${t})`);
      }
      return s;
    }
    case "fullWidthDigits": {
      for (const { r, c } of picked(numberCells(s), op.picks)) s.cells[r][c] = textCell(fullWidth(s.cells[r][c]!.text));
      return s;
    }
    case "formulas": {
      picked(numberCells(s), op.picks).forEach(({ r, c }, i) => (s.cells[r][c] = { ...s.cells[r][c]!, formula: op.formulas[i % op.formulas.length] }));
      return s;
    }
    case "rename":
      s.name = op.name;
      return s;
  }
}

interface MangleCase {
  seed: number;
  /** Sheets of the seed workbook to take, each with the operators applied to it. */
  sheets: { sheet: number; ops: Op[]; duplicate: boolean }[];
}

const mangleCaseArb = (maxSheets: number): fc.Arbitrary<MangleCase> =>
  fc.record({
    seed: fc.nat(100),
    sheets: fc.array(fc.record({ sheet: fc.nat(100), ops: fc.array(opArb, { minLength: 1, maxLength: 4 }), duplicate: fc.boolean() }), {
      minLength: 1,
      maxLength: maxSheets,
    }),
  });

function mangledWorkbook(c: MangleCase): WorkbookSnapshot {
  const wb = SEEDS[c.seed % SEEDS.length];
  const sheets: SheetSnapshot[] = [];
  for (const x of c.sheets) {
    const base = wb.sheets[x.sheet % wb.sheets.length];
    let s = copySheet(base);
    for (const op of x.ops) s = applyOp(s, op);
    sheets.push(s);
    if (x.duplicate) sheets.push(copySheet(s, `${s.name} (2)`));
  }
  return { name: `${SEED_WORKBOOKS[c.seed % SEEDS.length]}-mangled.xlsx`, sheets: uniqueNames(sheets) };
}

/** Whole seed workbooks, every sheet (possibly) mangled: the cross-table rules get their tables. */
interface WholeCase {
  seed: number;
  ops: { sheet: number; op: Op }[];
  duplicate: number[];
}

const wholeCaseArb: fc.Arbitrary<WholeCase> = fc.record({
  seed: fc.nat(100),
  ops: fc.array(fc.record({ sheet: fc.nat(100), op: opArb }), { minLength: 1, maxLength: 8 }),
  duplicate: fc.array(fc.nat(100), { maxLength: 2 }),
});

function mangledWhole(c: WholeCase): WorkbookSnapshot {
  const wb = SEEDS[c.seed % SEEDS.length];
  const sheets = wb.sheets.map((s) => copySheet(s));
  for (const { sheet, op } of c.ops) {
    const i = sheet % sheets.length;
    sheets[i] = applyOp(sheets[i], op);
  }
  for (const d of c.duplicate) sheets.push(copySheet(sheets[d % sheets.length]));
  return { name: `${SEED_WORKBOOKS[c.seed % SEEDS.length]}-whole.xlsx`, sheets: uniqueNames(sheets) };
}

// ---------------------------------------------------------------------------------------------------
// Invariant 3: blank rows and columns around a table
// ---------------------------------------------------------------------------------------------------

interface Shift {
  /** Blank rows above and columns to the left: moves the table in sheet coordinates. */
  rowsAbove: number;
  colsLeft: number;
  /** Blank rows below and columns to the right (right padding on some rows only: ragged rows). */
  rowsBelow: number;
  colsRight: number;
  /** "origin": top/left change; "pad": blank cells are added in front; "mixed": part each way. */
  how: "origin" | "pad" | "mixed";
  /** A blank row as [] or as a row of blank cells. */
  emptyRows: boolean;
  /** A blank cell as null, or as an empty cell object (how Office.js reports an empty cell: value ""). */
  blank: "null" | "emptyText";
}

const shiftArb: fc.Arbitrary<Shift> = fc.record({
  rowsAbove: fc.oneof({ weight: 6, arbitrary: fc.nat(30) }, { weight: 1, arbitrary: fc.nat(MAX_ROWS - 200) }),
  colsLeft: fc.oneof({ weight: 6, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.nat(MAX_COLS - 40) }),
  rowsBelow: fc.nat(5),
  colsRight: fc.nat(4),
  how: fc.constantFrom("origin" as const, "pad" as const, "mixed" as const),
  emptyRows: fc.boolean(),
  blank: fc.constantFrom("null" as const, "emptyText" as const),
});

/** The sheet with blank rows/columns around it: same cells, merges and hidden rows/cols moved along. */
function shifted(s: SheetSnapshot, d: Shift): SheetSnapshot {
  const width = gridWidth(s);
  // never beyond Excel's grid; padding (real blank cells in the array) is kept small
  const rowsAbove = Math.min(d.rowsAbove, MAX_ROWS - (s.top + s.cells.length + d.rowsBelow));
  const colsLeft = Math.min(d.colsLeft, MAX_COLS - (s.left + width + d.colsRight));
  let padRows = d.how === "pad" ? Math.min(rowsAbove, 40) : d.how === "mixed" ? Math.min(Math.floor(rowsAbove / 2), 40) : 0;
  let padCols = d.how === "pad" ? Math.min(colsLeft, 20) : d.how === "mixed" ? Math.min(Math.floor(colsLeft / 2), 20) : 0;
  padRows = Math.max(0, padRows);
  padCols = Math.max(0, padCols);
  const blankCell = (): Cell | null => (d.blank === "null" ? null : { value: "", text: "" });
  const blanks = (n: number): (Cell | null)[] => Array.from({ length: n }, blankCell);
  const blankRow = (w: number): (Cell | null)[] => (d.emptyRows ? [] : blanks(w));
  const cells: (Cell | null)[][] = [];
  for (let i = 0; i < padRows; i++) cells.push(blankRow(padCols + width));
  s.cells.forEach((row, i) => {
    const out: (Cell | null)[] = [...blanks(padCols), ...row];
    if (i % 2 === 0) out.push(...blanks(d.colsRight));
    cells.push(out);
  });
  for (let i = 0; i < d.rowsBelow; i++) cells.push(blankRow(padCols + width + d.colsRight));
  const dy = Math.max(0, rowsAbove);
  const dx = Math.max(0, colsLeft);
  return {
    ...s,
    top: s.top + dy - padRows,
    left: s.left + dx - padCols,
    cells,
    merges: s.merges.map((m) => ({ top: m.top + dy, bottom: m.bottom + dy, left: m.left + dx, right: m.right + dx })),
    hiddenRows: s.hiddenRows.map((r) => r + dy),
    hiddenCols: s.hiddenCols.map((c) => c + dx),
  };
}

// ---------------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------------

/** Runs per property; their sum is the number of random and mangled grids the engine is fed. */
const RUNS = {
  randomGrids: 4500,
  mangledSheets: 2500,
  mangledWorkbooks: 150,
  shiftedSheets: 3000,
  shiftedWorkbooks: 150,
};

describe("property: random and mangled grids", () => {
  it(`random realistic grids (${RUNS.randomGrids} workbooks): no exception, findings point at existing cells`, () => {
    fc.assert(
      fc.property(randomWorkbookArb, (wb) => {
        assertEngineInvariants(wb);
      }),
      { numRuns: RUNS.randomGrids, seed: 20240601 },
    );
  }, 120_000);

  it(`mangled seed sheets (${RUNS.mangledSheets} workbooks of 1–3 sheets): no exception, findings point at existing cells`, () => {
    fc.assert(
      fc.property(mangleCaseArb(3), (c) => {
        assertEngineInvariants(mangledWorkbook(c));
      }),
      { numRuns: RUNS.mangledSheets, seed: 20240602 },
    );
  }, 120_000);

  it(`whole seed workbooks with mangled sheets (${RUNS.mangledWorkbooks}): no exception, findings point at existing cells`, () => {
    fc.assert(
      fc.property(wholeCaseArb, (c) => {
        assertEngineInvariants(mangledWhole(c));
      }),
      { numRuns: RUNS.mangledWorkbooks, seed: 20240603 },
    );
  }, 120_000);
});

describe("property: blank rows and columns around a real table change nothing", () => {
  it(`one seed sheet shifted (${RUNS.shiftedSheets} runs): same canonical model`, () => {
    const sheets = SEEDS.flatMap((wb) => wb.sheets.filter((s) => s.cells.length > 0));
    const before = new Map<SheetSnapshot, unknown>();
    const baseline = (s: SheetSnapshot) => {
      let m = before.get(s);
      if (m === undefined) before.set(s, (m = canonicalModel(recognize({ name: "seed.xlsx", sheets: [s] }))));
      return m;
    };
    fc.assert(
      fc.property(fc.nat(sheets.length - 1), shiftArb, (i, d) => {
        const s = sheets[i];
        const after = recognize({ name: "seed.xlsx", sheets: [shifted(s, d)] });
        expect(canonicalModel(after)).toEqual(baseline(s));
      }),
      { numRuns: RUNS.shiftedSheets, seed: 20240604 },
    );
  }, 120_000);

  it(`whole seed workbooks, every sheet shifted its own way (${RUNS.shiftedWorkbooks} runs): same canonical model`, () => {
    const baselines = SEEDS.map((wb) => canonicalModel(recognize(wb)));
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(shiftArb, { minLength: 1, maxLength: 25 }), (i, shifts) => {
        const wb = SEEDS[i];
        const after = recognize({ name: wb.name, sheets: wb.sheets.map((s, k) => shifted(s, shifts[k % shifts.length])) });
        expect(canonicalModel(after)).toEqual(baselines[i]);
      }),
      { numRuns: RUNS.shiftedWorkbooks, seed: 20240605 },
    );
  }, 120_000);

  it("feeds at least 10,000 grids in total", () => {
    expect(Object.values(RUNS).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });
});

// ---------------------------------------------------------------------------------------------------
// Extremes
// ---------------------------------------------------------------------------------------------------

describe("extreme sheets", () => {
  /** Rows of a table body, sharing cell objects so that a million rows stay small in memory. */
  const CODES_1M = ["208", "20805", "2080501", "2080505", "210", "21011", "2101101"].map(textCell);
  const NAMES_1M = [
    "社会保障和就业支出",
    "行政事业单位养老支出",
    "行政单位离退休",
    "机关事业单位基本养老保险缴费支出",
    "卫生健康支出",
    "行政事业单位医疗",
    "行政单位医疗",
  ].map(textCell);
  const AMOUNTS_1M: Cell[] = Array.from({ length: 97 }, (_, i) => ({ value: i + 0.25, text: (i + 0.25).toFixed(2), numFmt: "0.00" }));

  it("a table of 1,000,000 rows × 3 columns is recognized without exception", () => {
    const N = 1_000_000;
    const cells: (Cell | null)[][] = [
      [textCell("一般公共预算支出表")],
      [null, null, textCell("单位：万元")],
      [textCell("科目编码"), textCell("科目名称"), textCell("合计")],
    ];
    for (let i = cells.length; i < N; i++) cells.push([CODES_1M[i % 7], NAMES_1M[i % 7], AMOUNTS_1M[i % 97]]);
    const sheet: SheetSnapshot = {
      name: "05一般公共预算支出表",
      top: 0,
      left: 0,
      cells,
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      hiddenRows: [],
      hiddenCols: [],
    };
    const m = recognize({ name: "百万行.xlsx", sheets: [sheet] });
    expect(crashedSheets(m)).toEqual([]);
    expect(m.tables.map((t) => [t.kind, t.range, t.blocks[0].rows.length])).toEqual([["gpb_expense", `A1:C${N}`, N - 3]]);
  }, 90_000);

  it("a 情况说明 sheet of 300,000 rows × 3 columns is read without exception", () => {
    const N = 300_000;
    const para = textCell("本部门2024年收支预算总额193.86万元，比上年增加12.50万元，主要原因是人员经费和医疗救助补助资金增加。");
    const year = textCell("二〇二四年");
    const cells: (Cell | null)[][] = Array.from({ length: N }, (_, i) => [para, i % 2 ? year : null, AMOUNTS_1M[i % 97]]);
    const sheet: SheetSnapshot = { name: "情况说明", top: 0, left: 0, cells, merges: [], hiddenRows: [], hiddenCols: [] };
    const m = recognize({ name: "长说明.xlsx", sheets: [sheet] });
    expect(crashedSheets(m)).toEqual([]);
    expect(m.narrative).toHaveLength(N * 2 + N / 2);
  }, 90_000);

  it("100 × 16384 (A:XFD): a seed table with a stray value in XFD100 is recognized and checked as without it", () => {
    const base = SEEDS[0].sheets.find((s) => s.name === "05一般公共预算支出表")!;
    const cells: (Cell | null)[][] = Array.from({ length: 100 }, (_, r) => {
      const row = new Array<Cell | null>(MAX_COLS).fill(null);
      (base.cells[r] ?? []).forEach((c, k) => (row[k] = c));
      return row;
    });
    cells[99][MAX_COLS - 1] = textCell("x");
    const wide: SheetSnapshot = { ...base, cells };
    const result = assertEngineInvariants({ name: "宽表.xlsx", sheets: [wide] });
    expect(canonicalModel(result.model)).toEqual(canonicalModel(recognize({ name: "宽表.xlsx", sheets: [base] })));
  }, 60_000);

  it("100 × 16384 (A:XFD): a table with a header over every column is recognized and checked without exception", () => {
    const header: (Cell | null)[] = [textCell("项目"), textCell("合计")];
    for (let c = 2; c < MAX_COLS; c++) header.push(textCell(c % 2 === 0 ? "基本支出" : "项目支出"));
    const cells: (Cell | null)[][] = [[textCell("部门支出总表")], [textCell("单位：万元")], header];
    for (let r = 3; r < 100; r++) {
      const row = new Array<Cell | null>(MAX_COLS).fill(null);
      row[0] = textCell(r === 3 ? "合计" : `项目${r}`);
      // an amount in every 16th column, and in the last one
      for (let c = 1; c < MAX_COLS; c += 16) row[c] = { value: r + c, text: `${r + c}.00` };
      row[MAX_COLS - 1] = { value: r, text: `${r}.00` };
      cells.push(row);
    }
    const sheet: SheetSnapshot = {
      name: "宽表",
      top: 0,
      left: 0,
      cells,
      merges: [{ top: 0, left: 0, bottom: 0, right: MAX_COLS - 1 }],
      hiddenRows: [],
      hiddenCols: [],
    };
    const result = assertEngineInvariants({ name: "宽表.xlsx", sheets: [sheet] });
    expect(result.model.tables).toHaveLength(1);
    const cols = result.model.tables[0].blocks.flatMap((b) => b.columns);
    expect(cols).toHaveLength(MAX_COLS - 1);
    expect(cols[cols.length - 1].letter).toBe("XFD");
    expect(result.model.tables[0].range).toBe("A1:XFD100");
  }, 60_000);
});
