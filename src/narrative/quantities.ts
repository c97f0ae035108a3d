/**
 * The model quantities a 情况说明 talks about, computed from a BudgetModel: one plain function per family
 * of quantities, each returning the values (decimals in 万元, converted from 元 when a table is in 元) with
 * the table cell(s) they come from. The narrative checker ties stated numbers to these; the narrative
 * generator writes its sentences from them.
 *
 *   totalQuantities           收入总额/合计、收入总计、支出总额/合计、支出总计
 *   incomeQuantities          一般公共预算/政府性基金/国有资本经营/财政专户/单位资金收入、上年结转、财政拨款收入
 *   expenseQuantities         基本支出、项目支出、人员经费、公用经费、机关运行经费、一般公共预算支出、政府性基金支出
 *   threePublicQuantities     “三公”经费合计及各项（决算：预算数和决算数）
 *   categoryQuantities        功能分类各类支出（社会保障和就业支出 …）；categoryShares 给出各类占合计的比例
 *   subjectQuantities         功能分类款/项、基本支出表的经济分类类/款（按科目名称）
 *   projectQuantities         各项目预算数（项目绩效目标表、项目支出表、项目绩效目标汇总表）
 *   procurementQuantities     政府采购合计（决算：公开10 合计/货物/工程/服务，授予中小企业/小微企业合同金额）
 *   assetQuantities           固定资产（国有资产）合计价值；决算：公开10 车辆数
 *   budgetQuantities          决算表中年初预算数列的一般公共预算财政拨款支出及各类（公开05 带年初预算数时）
 *   modelQuantities           all of the above, by key
 */
import { toA1 } from "../grid/address";
import { halfUnit, shownDecimals, squash, type CellLocation } from "../model/amount";
import { withoutNumbering } from "../model/codes";
import type { BudgetModel, BudgetRow, BudgetTable } from "../model/budgetModel";
import { periodModel } from "../model/periods";
import { Dec, ZERO } from "../grid/decimal";
import type { TableKind } from "../model/tableKinds";
import { categoryCodeOfName, categoryName } from "../model/query/functional";
import { bareName, categoryRows, categoryTerms, columnOf, plainColumns, rowsByCode, totalRow } from "../model/query/tables";
import { ITEM_NAMES, threePublicItems, type ThreePublicItem } from "../model/query/threePublic";
import { mainColumn, sideBlocks, sideOutline } from "../model/query/twoSided";
import { termAt, termOfAmount, type Term } from "../model/terms";

export type QuantityFamily = "total" | "income" | "expense" | "three_public" | "category" | "subject" | "project" | "procurement" | "assets" | "budget";

/** 决算 “三公” tables carry both; every other quantity has no aspect. */
export type Aspect = "预算数" | "决算数";

export interface Quantity {
  /**
   * Stable id: "income.total", "expense.total", "basic", "project", "personnel", "public", "operating",
   * "tp.合计" / "tp.因公出国" … (决算: "tp.合计@决算数"), "category.210", "econ.30101", "func.2101501",
   * "project.<名称>", "procurement.total", "assets.total", "vehicles.total" …
   */
  key: string;
  family: QuantityFamily;
  /** How a finance officer names it: "基本支出", "因公出国（境）费（决算数）". */
  name: string;
  /** In 万元 (vehicles: a count). */
  value: Dec;
  unit: "万元" | "辆";
  /** Half a unit of the last decimal the table shows, in the same unit as value (0 for blank cells). */
  tolerance: Dec;
  /** The cells the value comes from (several when it is a sum of rows). */
  cells: CellLocation[];
  /** What the table shows: "805.64万元", "10396723.96元", "空白". */
  shown: string;
  /** Where it comes from, for messages: "「支出总表」03支出总表!E6". */
  source: string;
  aspect?: Aspect;
  /** The kind of table the value is read from (the first of its cells' tables). */
  table?: TableKind;
  /** Subject code of category/subject quantities. */
  code?: string;
  /** Names the narrative may use for it besides `name` (row names, project names). */
  names?: string[];
  /** Alternatives of component keys that add up to it (基本支出 = 人员经费 + 公用经费 …). */
  parts?: string[][];
}

/** A value in 元 or 万元 as 万元. */
function wan(yuan: Dec): Dec {
  return yuan.dividedBy(10000);
}

function cellRef(c: CellLocation): string {
  return `${c.sheet}!${c.address}`;
}

/** What a term shows, with its unit: "805.64万元", "10396723.96元", "空白（按 0 计）". */
function shownOf(t: Term, fallback: string): string {
  if (t.blank) return "空白（按 0 计）";
  return `${t.shown.toFixed(t.decimals)}${t.unit ?? fallback}`;
}

/**
 * A quantity from one or more terms of the same table (a sum when several). A table that states no unit
 * (项目绩效目标汇总表 "单位：-") is read in the unit of the workbook's other tables.
 */
export function quantityOfTerms(
  model: BudgetModel,
  key: string,
  family: QuantityFamily,
  name: string,
  terms: Term[],
  table: BudgetTable,
  extra: Partial<Quantity> = {},
): Quantity {
  let yuan = ZERO;
  let half = ZERO;
  const assumeWan = (model.amountUnit ?? "万元") === "万元";
  for (const t of terms) {
    const scale = t.unit === null && assumeWan ? 10000 : 1;
    yuan = yuan.plus(t.yuan.times(scale));
    half = half.plus(t.half.times(scale));
  }
  const fallback = model.amountUnit ?? "万元";
  const shown = terms.map((t) => shownOf(t, fallback)).join(" + ");
  const cells = terms.map((t) => t.cell);
  return {
    key,
    family,
    name,
    value: wan(yuan),
    unit: "万元",
    tolerance: wan(half),
    cells,
    shown,
    source: `「${table.kindName}」${cells.map(cellRef).join("、")}`,
    table: table.kind,
    ...extra,
  };
}

function rowTerm(t: BudgetTable, r: BudgetRow | undefined, role: string | undefined): Term | undefined {
  if (!r) return undefined;
  const b = t.blocks.find((x) => x.rows.includes(r));
  const col = b && (role ? columnOf(b, role) : mainColumn(b));
  return b && col ? termAt(t, r, col) : undefined;
}

function firstTable(model: BudgetModel, ...kinds: TableKind[]): BudgetTable | undefined {
  for (const k of kinds) {
    const t = model.tables.find((x) => x.kind === k);
    if (t) return t;
  }
  return undefined;
}

/** A 0 for an empty table (no rows at all): the title cell stands for it. */
function emptyTableQuantity(key: string, family: QuantityFamily, name: string, t: BudgetTable): Quantity {
  const cell = t.titleCell ?? { sheet: t.sheet, address: t.range.split(":")[0], row: 0, col: 0 };
  return {
    key,
    family,
    name,
    value: ZERO,
    unit: "万元",
    tolerance: ZERO,
    cells: [cell],
    shown: "空表（按 0 计）",
    source: `「${t.kindName}」${cellRef(cell)}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// 收支总额

/** 收入总额 (本年收入合计), 收入总计, 支出总额 (本年支出合计, or 支出总表 合计), 支出总计. */
export function totalQuantities(model: BudgetModel): Quantity[] {
  const out: Quantity[] = [];
  const summary = firstTable(model, "income_expense_summary");
  if (summary) {
    const { income, expense } = sideBlocks(summary);
    for (const [b, word, k] of [
      [income, "收入", "income"],
      [expense, "支出", "expense"],
    ] as const) {
      if (!b) continue;
      const o = sideOutline(b, word);
      const col = mainColumn(b);
      if (!col) continue;
      if (o.current) out.push(quantityOfTerms(model, `${k}.total`, "total", `本年${word}合计`, [termAt(summary, o.current, col)], summary));
      if (o.grand) out.push(quantityOfTerms(model, `${k}.grand`, "total", `${word}总计`, [termAt(summary, o.grand, col)], summary));
    }
  }
  if (!out.some((q) => q.key === "expense.total")) {
    const t = firstTable(model, "expense_summary");
    const tot = t?.blocks[0] && totalRow(t.blocks[0]);
    const term = t && rowTerm(t, tot, "合计");
    if (t && term) out.push(quantityOfTerms(model, "expense.total", "total", "支出合计", [term], t));
  }
  if (!out.some((q) => q.key === "income.total")) {
    const t = firstTable(model, "income_summary");
    const tot = t?.blocks[0] && totalRow(t.blocks[0]);
    const term = t && (rowTerm(t, tot, "本年收入") ?? rowTerm(t, tot, "合计"));
    if (t && term) out.push(quantityOfTerms(model, "income.total", "total", "收入合计", [term], t));
  }
  const exp = out.find((q) => q.key === "expense.total");
  if (exp) exp.parts = [["basic", "project"]];
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 收入来源

const INCOME_ROWS: [string, string, RegExp][] = [
  ["income.gpb", "一般公共预算收入", /一般公共预算/],
  ["income.fund", "政府性基金预算收入", /政府性?基金/],
  ["income.soe", "国有资本经营预算收入", /国有资本经营/],
  ["income.special", "财政专户管理资金收入", /财政专户/],
  ["income.unit", "单位资金收入", /^单位资金/],
  ["income.carry", "上年结转结余", /^(上年结转|年初结转)/],
];

/** Income by source (收支总表 收入 rows) and 财政拨款收入 (财政拨款收支总表 本年收入合计/收入总计). */
export function incomeQuantities(model: BudgetModel): Quantity[] {
  const out: Quantity[] = [];
  const summary = firstTable(model, "income_expense_summary");
  const income = summary && sideBlocks(summary).income;
  const col = income && mainColumn(income);
  if (summary && income && col) {
    for (const [key, name, re] of INCOME_ROWS) {
      const row = income.rows.find((r) => !r.isTotal && (r.level === 1 || r.level === undefined || key === "income.carry") && re.test(bareName(r.name)));
      if (row) out.push(quantityOfTerms(model, key, "income", name, [termAt(summary, row, col)], summary));
    }
  }
  const fiscal = firstTable(model, "fiscal_summary");
  const fIncome = fiscal && sideBlocks(fiscal).income;
  const fCol = fIncome && mainColumn(fIncome);
  if (fiscal && fIncome && fCol) {
    const o = sideOutline(fIncome, "收入");
    if (o.current) out.push(quantityOfTerms(model, "income.fiscal", "income", "财政拨款收入", [termAt(fiscal, o.current, fCol)], fiscal));
    if (o.grand) out.push(quantityOfTerms(model, "income.fiscalGrand", "income", "财政拨款收入总计", [termAt(fiscal, o.grand, fCol)], fiscal));
    const fExpense = sideBlocks(fiscal).expense;
    const eCol = fExpense && mainColumn(fExpense);
    const eo = fExpense && sideOutline(fExpense, "支出");
    if (fExpense && eCol && eo?.current)
      out.push(quantityOfTerms(model, "expense.fiscal", "income", "财政拨款支出", [termAt(fiscal, eo.current, eCol)], fiscal));
    if (fExpense && eCol && eo?.grand)
      out.push(quantityOfTerms(model, "expense.fiscalGrand", "income", "财政拨款支出总计", [termAt(fiscal, eo.grand, eCol)], fiscal));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 支出构成

/** The last amount (non-blank first) of the rows named like `pattern` in any block of a table, in a column. */
function namedTotal(t: BudgetTable, pattern: RegExp): Term | undefined {
  let found: Term | undefined;
  for (const b of t.blocks) {
    for (const r of b.rows) {
      if (!pattern.test(squash(r.name))) continue;
      for (const col of plainColumns(b)) {
        const term = termAt(t, r, col);
        if (!found || (found.blank && !term.blank)) found = term;
      }
    }
  }
  return found;
}

/**
 * 基本支出, 项目支出 (支出总表 合计 row, else 一般公共预算支出表), 人员经费, 公用经费 (基本支出表 合计 row,
 * or the 人员经费合计/公用经费合计 rows of a 决算 公开06), 机关运行经费 (预算: = 公用经费; 决算: 公开10),
 * 一般公共预算支出合计, 政府性基金支出合计.
 */
export function expenseQuantities(model: BudgetModel): Quantity[] {
  const out: Quantity[] = [];
  for (const [key, name, role] of [
    ["basic", "基本支出", "基本支出"],
    ["project", "项目支出", "项目支出"],
  ] as const) {
    for (const t of model.tables.filter((x) => x.kind === "expense_summary" || x.kind === "gpb_expense")) {
      const b = t.blocks[0];
      const tot = b && totalRow(b);
      const term = tot && rowTerm(t, tot, role);
      if (term) {
        out.push(quantityOfTerms(model, key, "expense", name, [term], t));
        break;
      }
    }
  }
  const basicTable = firstTable(model, "gpb_basic");
  if (basicTable) {
    const b = basicTable.blocks[0];
    const tot = b && totalRow(b);
    const personnel = (tot && rowTerm(basicTable, tot, "人员经费")) ?? namedTotal(basicTable, /^人员经费合计$/);
    const pub = (tot && rowTerm(basicTable, tot, "公用经费")) ?? namedTotal(basicTable, /^公用经费合计$/);
    if (personnel)
      out.push(quantityOfTerms(model, "personnel", "expense", "人员经费", [personnel], basicTable, { parts: economicParts(basicTable, "人员经费") }));
    if (pub) out.push(quantityOfTerms(model, "public", "expense", "公用经费", [pub], basicTable, { parts: economicParts(basicTable, "公用经费") }));
    if (!out.some((q) => q.key === "basic") && tot) {
      const basic = rowTerm(basicTable, tot, "合计");
      if (basic) out.push(quantityOfTerms(model, "basic", "expense", "基本支出", [basic], basicTable));
    }
  }
  const basic = out.find((q) => q.key === "basic");
  if (basic) basic.parts = [["personnel", "public"]];
  if (model.documentKind === "决算") {
    const stats = firstTable(model, "final_info_stats");
    const row = stats?.blocks.flatMap((b) => b.rows).find((r) => /机关运行经费/.test(r.name));
    const term = stats && rowTerm(stats, row, undefined);
    if (stats && term) out.push(quantityOfTerms(model, "operating", "expense", "机关运行经费", [term], stats));
  } else {
    const pub = out.find((q) => q.key === "public");
    if (pub) out.push({ ...pub, key: "operating", name: "机关运行经费（= 公用经费）", parts: undefined });
  }
  const gpb = firstTable(model, "gpb_expense");
  const gTot = gpb?.blocks[0] && totalRow(gpb.blocks[0]);
  const gTerm = gpb && rowTerm(gpb, gTot, "合计");
  if (gpb && gTerm) out.push(quantityOfTerms(model, "expense.gpb", "expense", "一般公共预算财政拨款支出", [gTerm], gpb, { parts: [["basic", "project"]] }));
  else {
    const fiscal = firstTable(model, "fiscal_summary");
    const fExpense = fiscal && sideBlocks(fiscal).expense;
    const o = fExpense && sideOutline(fExpense, "支出");
    const term = fiscal && o?.current && rowTerm(fiscal, o.current, "一般公共预算");
    if (fiscal && term)
      out.push(quantityOfTerms(model, "expense.gpb", "expense", "一般公共预算财政拨款支出", [term], fiscal, { parts: [["basic", "project"]] }));
  }
  const fund = firstTable(model, "gov_fund_expense");
  if (fund) {
    const b = fund.blocks[0];
    const tot = b && totalRow(b);
    const role = b && (columnOf(b, "合计") ? "合计" : columnOf(b, "本年支出") ? "本年支出" : undefined);
    const term = tot && role ? rowTerm(fund, tot, role) : undefined;
    if (term) out.push(quantityOfTerms(model, "expense.fund", "expense", "政府性基金预算财政拨款支出", [term], fund));
    else if (!fund.blocks.some((x) => x.rows.length)) out.push(emptyTableQuantity("expense.fund", "expense", "政府性基金预算财政拨款支出", fund));
  }
  return out;
}

/** 人员经费/公用经费 = the 经济分类 类 rows that have an amount in that column (by code). */
function economicParts(t: BudgetTable, role: "人员经费" | "公用经费"): string[][] | undefined {
  const codes: string[] = [];
  for (const b of t.blocks) {
    const col = b.columns.find((c) => c.role === role || c.role.startsWith(`${role}/`));
    if (!col) continue;
    for (const r of b.rows)
      if (r.code && r.code.length === 3 && r.codeSystem === "经济分类" && r.amounts[col.role] && !r.amounts[col.role].value.isZero()) codes.push(r.code);
  }
  return codes.length ? [codes.map((c) => `econ.${c}`)] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// “三公”经费

const TP_ITEMS: ThreePublicItem[] = ["合计", "因公出国", "公务用车", "购置", "运行", "公务接待"];

/** The item keys of “三公”经费 ("tp.合计" …), with the 决算 aspect suffix when there is one. */
export function threePublicKey(item: ThreePublicItem, aspect?: Aspect): string {
  return `tp.${item}${aspect ? `@${aspect}` : ""}`;
}

/**
 * Each “三公” item: 合计 (the “三公”小计 where the table also has 会议费/培训费), 因公出国（境）费,
 * 公务用车购置及运行维护费, 购置费, 运行维护费, 公务接待费. Budgets: the 合计 column; 决算: 预算数 and
 * 决算数 blocks (keys "tp.合计@预算数", "tp.合计@决算数" …).
 */
export function threePublicQuantities(model: BudgetModel): Quantity[] {
  const t = firstTable(model, "three_public");
  if (!t) return [];
  const all = threePublicItems(t);
  const out: Quantity[] = [];
  const sets: [Map<ThreePublicItem, Term> | undefined, Aspect | undefined][] =
    all.has("决算数") || all.has("预算数")
      ? [
          [all.get("预算数"), "预算数"],
          [all.get("决算数"), "决算数"],
        ]
      : [[all.get("合计") ?? all.get("") ?? [...all.values()][0], undefined]];
  for (const [items, aspect] of sets) {
    if (!items) continue;
    for (const item of TP_ITEMS) {
      const term = item === "合计" ? (items.get("小计") ?? items.get("合计")) : items.get(item);
      if (!term) continue;
      const k = (i: ThreePublicItem) => threePublicKey(i, aspect);
      const parts =
        item === "合计"
          ? [
              [k("因公出国"), k("公务用车"), k("公务接待")],
              [k("因公出国"), k("购置"), k("运行"), k("公务接待")],
            ]
          : item === "公务用车"
            ? [[k("购置"), k("运行")]]
            : undefined;
      const name = item === "合计" ? "“三公”经费" : ITEM_NAMES[item];
      out.push(quantityOfTerms(model, k(item), "three_public", aspect ? `${name}（${aspect}）` : name, [term], t, { aspect, parts }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 功能分类各类

/**
 * Each 类 of spending with an amount, from the table that states it most directly: the 类 row of the
 * 一般公共预算支出表, else of the 财政拨款收支总表 (一般公共预算 column), the 支出总表 or the 收支总表; when
 * only 款/项 rows exist, their sum.
 */
export function categoryQuantities(model: BudgetModel): Quantity[] {
  const found = new Map<string, Quantity>();
  const add = (code: string, terms: Term[], t: BudgetTable) => {
    if (found.has(code) || terms.length === 0) return;
    const name = categoryName(code) ?? code;
    found.set(code, quantityOfTerms(model, `category.${code}`, "category", name, terms, t, { code, names: [name] }));
  };
  const functional = [...model.tables.filter((x) => x.kind === "gpb_expense"), ...model.tables.filter((x) => x.kind === "expense_summary")];
  for (const t of functional) {
    const b = t.blocks[0];
    if (!b || !columnOf(b, "合计")) continue;
    for (const r of b.rows) if (r.code && r.codeSystem === "功能分类" && r.code.length === 3) add(r.code, [termAt(t, r, columnOf(b, "合计")!)], t);
  }
  for (const t of model.tables.filter((x) => x.kind === "fiscal_summary" || x.kind === "income_expense_summary")) {
    const expense = sideBlocks(t).expense;
    if (!expense) continue;
    const col = (t.kind === "fiscal_summary" ? columnOf(expense, "一般公共预算") : undefined) ?? mainColumn(expense);
    if (!col) continue;
    for (const { code, row } of categoryRows(expense.rows, categoryCodeOfName)) if (row.amounts[col.role]) add(code, [termAt(t, row, col)], t);
  }
  for (const t of functional) {
    const b = t.blocks[0];
    const col = b && columnOf(b, "合计");
    if (!b || !col) continue;
    for (const code of new Set([...rowsByCode(b.rows, "功能分类").keys()].map((c) => c.slice(0, 3)))) {
      add(code, categoryTerms(t, code, col.role, () => "") ?? [], t);
    }
  }
  return [...found.values()].filter((q) => !q.value.isZero());
}

/** A share in percent, rounded half-up to `decimals` (null when the whole is 0). */
export function percentOf(part: Dec, whole: Dec, decimals = 2): Dec | null {
  if (whole.isZero()) return null;
  return part.dividedBy(whole).times(100).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

/** Each 类 with its share of a total (一般公共预算支出 by default, else 支出总额), as the narrative prints it. */
export function categoryShares(model: BudgetModel, total?: Quantity): { category: Quantity; total: Quantity; percent: Dec }[] {
  const all = modelQuantities(model);
  const whole = total ?? all.get("expense.gpb") ?? all.get("expense.total");
  if (!whole) return [];
  const out: { category: Quantity; total: Quantity; percent: Dec }[] = [];
  for (const c of categoryQuantities(model)) {
    const p = percentOf(c.value, whole.value);
    if (p) out.push({ category: c, total: whole, percent: p });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 科目（款/项，经济分类）

/**
 * Named subjects a narrative lists: 功能分类 款/项 rows (一般公共预算支出表 or 支出总表, 合计 column) and
 * 经济分类 类/款 rows of the 基本支出表 (合计 column, or the 决算数 column of a 决算 公开06 group).
 * Keys "func.<code>" and "econ.<code>"; econ 类 carry their 款 as parts.
 */
export function subjectQuantities(model: BudgetModel): Quantity[] {
  const out: Quantity[] = [];
  const seen = new Set<string>();
  for (const t of model.tables.filter((x) => x.kind === "gpb_expense" || x.kind === "expense_summary")) {
    const b = t.blocks[0];
    const col = b && columnOf(b, "合计");
    if (!b || !col) continue;
    for (const r of b.rows) {
      if (!r.code || r.codeSystem !== "功能分类" || r.code.length === 3 || seen.has(`func.${r.code}`)) continue;
      seen.add(`func.${r.code}`);
      const name = bareName(r.name);
      out.push(quantityOfTerms(model, `func.${r.code}`, "subject", name, [termAt(t, r, col)], t, { code: r.code, names: [name] }));
    }
  }
  const basic = firstTable(model, "gpb_basic");
  if (basic) {
    const econ: Quantity[] = [];
    for (const b of basic.blocks) {
      const col = columnOf(b, "合计") ?? plainColumns(b).find((c) => /决算数$|^(人员经费|公用经费)$/.test(c.role)) ?? plainColumns(b)[0];
      if (!col) continue;
      for (const r of b.rows) {
        if (!r.code || r.codeSystem !== "经济分类" || seen.has(`econ.${r.code}`)) continue;
        seen.add(`econ.${r.code}`);
        const name = bareName(r.name);
        econ.push(quantityOfTerms(model, `econ.${r.code}`, "subject", name, [termAt(basic, r, col)], basic, { code: r.code, names: [name] }));
      }
    }
    for (const q of econ) {
      if (q.code!.length !== 3) continue;
      const kids = econ.filter((k) => k.code!.length === 5 && k.code!.startsWith(q.code!));
      if (kids.length) q.parts = [kids.map((k) => k.key)];
    }
    out.push(...econ);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 项目

/** A project name without numbering, years, document numbers and punctuation: how names are compared. */
export function projectCore(name: string): string {
  return withoutNumbering(squash(name))
    .replace(/[(（[【]?[\u4e00-\u9fa5]{1,3}[财社预]{1,2}[【[(（]?\d{4}[】\])）]?\d+号[)）\]】]?/g, "")
    .replace(/[“”"'‘’《》【】[\]()（）、，,.:：;；\s]/g, "");
}

/**
 * Each project's 预算数: 项目绩效目标表 (预算数 by 项目名称), 项目支出表 and 项目绩效目标汇总表 rows (Henan).
 * Projects of the same name with different amounts are left out (a narrative cannot be tied to one).
 */
export function projectQuantities(model: BudgetModel): Quantity[] {
  const byName = new Map<string, Quantity[]>();
  const add = (name: string, q: Quantity) => {
    const k = projectCore(name);
    if (!k) return;
    byName.set(k, [...(byName.get(k) ?? []), q]);
  };
  for (const t of model.tables.filter((x) => x.kind === "project_performance")) {
    const budget = t.fields.find((f) => f.label === "预算数")?.amount;
    const name = t.fields.find((f) => f.label === "项目名称")?.text || t.title.replace(/绩效目标表?$/, "");
    if (!budget || !name) continue;
    add(name, quantityOfTerms(model, `project.${name}`, "project", name, [termOfAmount(budget, name)], t, { names: [name] }));
  }
  for (const t of model.tables.filter((x) => x.kind === "project_expense" || x.kind === "performance_summary")) {
    const b = t.blocks[0];
    const col = b && (columnOf(b, "合计") ?? columnOf(b, "资金总额") ?? plainColumns(b)[0]);
    if (!b || !col) continue;
    const unit = model.unitName ? squash(model.unitName) : "";
    for (const r of b.rows) {
      const name = squash(r.name);
      if (r.isTotal || !name || r.code || /^\d+$/.test(name) || name === unit || /(局|中心|单位|部门)$/.test(name) || !r.amounts[col.role]) continue;
      add(name, quantityOfTerms(model, `project.${name}`, "project", name, [termAt(t, r, col)], t, { names: [name] }));
    }
  }
  const out: Quantity[] = [];
  for (const qs of byName.values()) {
    if (qs.some((q) => !q.value.equals(qs[0].value))) continue;
    out.push(qs[0]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 政府采购

/**
 * 政府采购 total: 预算 — the 政府采购预算表 合计 row (or the sum of its items when it has no 合计 row; 0
 * for an empty table); 决算 — 公开10 合计, 货物, 工程, 服务.
 */
export function procurementQuantities(model: BudgetModel): Quantity[] {
  const out: Quantity[] = [];
  const stats = firstTable(model, "final_info_stats");
  if (stats) {
    const b = stats.blocks[0];
    const idx = b ? b.rows.findIndex((r) => r.isTotal) : -1;
    const col = b && plainColumns(b)[0];
    if (b && col && idx >= 0) {
      out.push(
        quantityOfTerms(model, "procurement.total", "procurement", "政府采购支出总额", [termAt(stats, b.rows[idx], col)], stats, {
          parts: [["procurement.goods", "procurement.works", "procurement.services"]],
        }),
      );
      for (const [key, word] of [
        ["procurement.goods", "货物"],
        ["procurement.works", "工程"],
        ["procurement.services", "服务"],
      ] as const) {
        const r = b.rows.slice(idx + 1, idx + 4).find((x) => bareName(x.name).startsWith(word));
        if (r) out.push(quantityOfTerms(model, key, "procurement", `政府采购${word}`, [termAt(stats, r, col)], stats));
      }
      // 授予中小企业合同金额 and 其中：授予小微企业合同金额, where the table has them
      for (const [key, re, name] of [
        ["procurement.sme", /授予中小企业/, "授予中小企业合同金额"],
        ["procurement.micro", /授予小微企业/, "授予小微企业合同金额"],
      ] as const) {
        const block = stats.blocks.find((x) => x.rows.some((r) => re.test(bareName(r.name))));
        const r = block?.rows.find((x) => re.test(bareName(x.name)));
        const c = block && plainColumns(block)[0];
        if (block && r && c) out.push(quantityOfTerms(model, key, "procurement", name, [termAt(stats, r, c)], stats));
      }
    }
    return out;
  }
  const t = firstTable(model, "procurement");
  if (!t) return out;
  const b = t.blocks[0];
  const cols = b ? plainColumns(b) : [];
  const amount = b && (cols.find((c) => /^政府采购金额$|^(采购)?金额$/.test(c.role)) ?? cols.find((c) => /金额/.test(c.role) && !c.role.includes("/")));
  if (!b || b.rows.length === 0 || !amount) return [emptyTableQuantity("procurement.total", "procurement", "政府采购预算", t)];
  const total = b.rows.find((r) => r.isTotal);
  const terms = total ? [termAt(t, total, amount)] : b.rows.filter((r) => r.amounts[amount.role]).map((r) => termAt(t, r, amount));
  if (terms.length) out.push(quantityOfTerms(model, "procurement.total", "procurement", "政府采购预算", terms, t));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 国有资产

/** 固定资产（国有资产）合计 价值 (固定资产占用情况表); 决算: 公开10 车辆数 and its rows. */
export function assetQuantities(model: BudgetModel): Quantity[] {
  const out: Quantity[] = [];
  const t = firstTable(model, "fixed_assets");
  const b = t?.blocks[0];
  if (t && b) {
    const value = plainColumns(b).find((c) => /价值|金额|原值|账面/.test(c.role) && !/数量/.test(c.role)) ?? plainColumns(b).find((c) => !/数量/.test(c.role));
    const total = b.rows.find((r) => r.isTotal && /^(合计|总计)$/.test(r.name)) ?? b.rows.find((r) => /^资产总额$/.test(squash(r.name)));
    if (value && total) out.push(quantityOfTerms(model, "assets.total", "assets", "固定资产总额", [termAt(t, total, value)], t));
  }
  const stats = firstTable(model, "final_info_stats");
  const rows = stats?.blocks.flatMap((x) => x.rows) ?? [];
  const start = rows.findIndex((r) => /车辆数/.test(r.name));
  if (stats && start >= 0) {
    const count = (r: BudgetRow): Quantity | undefined => {
      const b2 = stats.blocks.find((x) => x.rows.includes(r))!;
      const col = plainColumns(b2)[0];
      if (!col) return undefined;
      const a = r.amounts[col.role];
      const cell = a?.cell ?? { sheet: stats.sheet, address: toA1(r.row, col.col), row: r.row, col: col.col };
      const name = bareName(r.name)
        .replace(/^\d+[.．]/, "")
        .replace(/\(辆\)$/, "");
      return {
        key: "",
        family: "assets",
        name,
        value: a ? a.value : ZERO,
        unit: "辆",
        tolerance: ZERO,
        cells: [cell],
        shown: a ? `${a.text}辆` : "空白（按 0 计）",
        source: `「${stats.kindName}」${cellRef(cell)}`,
      };
    };
    const tot = count(rows[start]);
    if (tot) out.push({ ...tot, key: "vehicles.total", name: "车辆数" });
    for (const r of rows.slice(start + 1)) {
      if (!/用车$/.test(bareName(r.name))) break;
      const q = count(r);
      if (q) out.push({ ...q, key: `vehicles.${q.name}`, names: [q.name] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 年初预算（决算）

/**
 * A 决算's 年初预算 where its tables carry a 年初预算数 column beside this year's (公开05): 一般公共预算财政
 * 拨款支出 and each 类, keyed "expense.gpb@预算数" and "category.208@预算数", so that what a 情况说明 says of
 * the 年初预算 is tied to the table.
 */
export function budgetQuantities(model: BudgetModel): Quantity[] {
  if (model.documentKind !== "决算") return [];
  const initial = periodModel(model, "年初预算", model.year);
  if (!initial) return [];
  const figures = [...expenseQuantities(initial).filter((q) => q.key === "expense.gpb"), ...categoryQuantities(initial)];
  return figures.map((q) => ({
    ...q,
    key: `${q.key}@预算数`,
    family: "budget" as const,
    name: `${q.name}（年初预算数）`,
    aspect: "预算数" as const,
    parts: undefined,
  }));
}

// ---------------------------------------------------------------------------------------------------

/** Every quantity of the model, by key (the first of a key wins). */
export function modelQuantities(model: BudgetModel): Map<string, Quantity> {
  const cached = CACHE.get(model);
  if (cached) return cached;
  const m = new Map<string, Quantity>();
  const families = [
    totalQuantities,
    incomeQuantities,
    expenseQuantities,
    threePublicQuantities,
    categoryQuantities,
    subjectQuantities,
    projectQuantities,
    procurementQuantities,
    assetQuantities,
    budgetQuantities,
  ];
  for (const f of families) for (const q of f(model)) if (!m.has(q.key)) m.set(q.key, q);
  const gpb = m.get("expense.gpb");
  const cats = [...m.values()].filter((q) => q.family === "category" && !q.value.isZero()).map((q) => q.key);
  if (cats.length) {
    if (gpb) gpb.parts = [...(gpb.parts ?? []), cats];
  }
  CACHE.set(model, m);
  return m;
}

const CACHE = new WeakMap<BudgetModel, Map<string, Quantity>>();

/** An amount in 万元 as the narratives print it: 2 decimals, with thousands separators when asked (决算). */
export function formatWan(value: Dec, thousands = false): string {
  const s = value.toFixed(2, Dec.ROUND_HALF_UP);
  if (!thousands) return s;
  const [int, dec] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`;
}

/** Half a unit of the last decimal of a printed number ("80" → 0.5, "103.97" → 0.005). */
export function halfUnitOfPrinted(text: string): Dec {
  return halfUnit(shownDecimals(text));
}
