/** Queries over recognized tables that several rules share. */
import { withoutNumbering } from "../codes";
import { isZeroNumber, squash } from "../amount";
import type { BudgetRow, BudgetTable, ColumnInfo, Period, TableBlock } from "../budgetModel";
import { termAt, type Term } from "../terms";

/** "「支出总表」第7行「卫生健康支出」" */
export function rowLabel(t: BudgetTable, r: BudgetRow): string {
  const name = r.name || (r.code ?? "");
  return `「${t.kindName}」第${r.row + 1}行${name ? `「${r.code && !r.codeFromName ? `${r.code} ` : ""}${name}」` : ""}`;
}

export function hasAmounts(r: BudgetRow): boolean {
  for (const role in r.amounts) if (!isZeroNumber(r.amounts[role].number)) return true;
  return false;
}

export function tableHasData(t: BudgetTable): boolean {
  return t.blocks.some((b) => b.rows.some(hasAmounts)) || t.fields.some((f) => f.amount && !isZeroNumber(f.amount.number));
}

/** The total row of a block: 合计/总计 (the first one). */
export function totalRow(b: TableBlock): BudgetRow | undefined {
  return b.rows.find((r) => r.isTotal && /^(合计|总计)$/.test(r.name));
}

export function findRow(b: TableBlock, pattern: RegExp): BudgetRow | undefined {
  return b.rows.find((r) => pattern.test(squash(r.name)));
}

/** This year's columns, once each (no duplicates; no 上年, 增减 or 年初预算 columns). */
export function plainColumns(b: TableBlock): ColumnInfo[] {
  return b.columns.filter((c) => !c.role.includes("#") && c.period === undefined);
}

/** The column of a period (上年, 增减额 …) that stands beside this year's column with the given role. */
export function periodColumn(b: TableBlock, period: Period, of: string): ColumnInfo | undefined {
  return b.columns.find((c) => c.period === period && c.of === of && !c.role.includes("#"));
}

/**
 * Each column that has shares, with its nearest share columns: 合计 = 本年收入 + 上年结转, 本年收入 = its
 * sources, 基本支出 = 人员经费 parts + 公用经费 parts (when those groups have no column of their own).
 * "其中" columns are not shares; a column with fewer than two shares is no group.
 */
export function columnGroups(b: TableBlock): { parent: ColumnInfo; shares: ColumnInfo[] }[] {
  const cols = plainColumns(b);
  const roles = new Set(cols.map((c) => c.role));
  const nearestAncestor = (role: string): string | undefined => {
    const parts = role.split("/");
    for (let i = parts.length - 1; i >= 1; i--) {
      const p = parts.slice(0, i).join("/");
      if (roles.has(p)) return p;
    }
    return roles.has("合计") && role !== "合计" ? "合计" : undefined;
  };
  return cols
    .map((parent) => ({ parent, shares: cols.filter((c) => c !== parent && !c.subset && nearestAncestor(c.role) === parent.role) }))
    .filter((g) => g.shares.length >= 2);
}

/** rowsByCode of each list of rows already asked for (rules look up the same table for every 类). */
const rowsByCodeOf = { 功能分类: new WeakMap<BudgetRow[], Map<string, BudgetRow>>(), 经济分类: new WeakMap<BudgetRow[], Map<string, BudgetRow>>() };

/** Coded rows of one code system, by code (the first row of each code). The map is shared: do not change it. */
export function rowsByCode(rows: BudgetRow[], system: "功能分类" | "经济分类"): Map<string, BudgetRow> {
  let m = rowsByCodeOf[system].get(rows);
  if (!m) {
    m = new Map<string, BudgetRow>();
    for (const r of rows) if (r.code && r.codeSystem === system && !m.has(r.code)) m.set(r.code, r);
    rowsByCodeOf[system].set(rows, m);
  }
  return m;
}

/** A block's coded rows that have children, each with its direct children, and the total row with the top rows. */
export interface HierarchyShape {
  parents: { row: BudgetRow; children: BudgetRow[] }[];
  /** The plain columns where some coded row has an amount: in each, parent = Σ direct children. */
  columns: ColumnInfo[];
}

/** The hierarchy of each block already asked for (R4/R8 and X2 go through the same tables). */
const hierarchyShapeOf = { 功能分类: new WeakMap<TableBlock, HierarchyShape>(), 经济分类: new WeakMap<TableBlock, HierarchyShape>() };

/**
 * The sums of a block's coded rows (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类), as rows and columns: rules state
 * them cell by cell (see CellSumInput), so that the many that hold make no terms.
 */
export function hierarchyOf(b: TableBlock, system: "功能分类" | "经济分类"): HierarchyShape {
  let shape = hierarchyShapeOf[system].get(b);
  if (!shape) hierarchyShapeOf[system].set(b, (shape = hierarchyShape(b, system)));
  return shape;
}

function hierarchyShape(b: TableBlock, system: "功能分类" | "经济分类"): HierarchyShape {
  const coded = b.rows.filter((r) => r.code && r.codeSystem === system);
  if (coded.length === 0) return { parents: [], columns: [] };
  // Children by position: the rows one level down that follow a row, up to the next row at its level or
  // above. Tables that repeat the same codes under each unit (部门 tables) then add up unit by unit.
  const children = new Map<BudgetRow, BudgetRow[]>();
  const top: BudgetRow[] = [];
  const open: BudgetRow[] = []; // the chain of ancestors of the current row
  for (const r of b.rows) {
    if (r.codeSystem === "单位" || r.isTotal) {
      open.length = 0; // a unit row or a total starts a new section
      continue;
    }
    if (!r.code || r.codeSystem !== system) continue;
    while (open.length && !(r.code.length > open[open.length - 1].code!.length && r.code.startsWith(open[open.length - 1].code!))) open.pop();
    const parent = open[open.length - 1];
    // a row whose direct parent is missing counts under its nearest ancestor (X4 reports the gap)
    if (parent) {
      const kids = children.get(parent);
      if (kids) kids.push(r);
      else children.set(parent, [r]);
    } else top.push(r);
    open.push(r);
  }
  const parents = [...children].map(([row, kids]) => ({ row, children: kids }));
  const total = totalRow(b);
  if (total) parents.push({ row: total, children: top });
  // an empty column: nothing to add up
  return { parents, columns: plainColumns(b).filter((col) => coded.some((r) => r.amounts[col.role])) };
}

/** The amount column of a block with this role. */
export function columnOf(b: TableBlock, role: string): ColumnInfo | undefined {
  return b.columns.find((c) => c.role === role);
}

/** A row name without outline numbering and "其中：" ("二、公务用车购置及运维费" → "公务用车购置及运维费"). */
export function bareName(name: string): string {
  // "其中：（1）公务用车运行维护费": the 其中 first, then the numbering it is followed by
  return withoutNumbering(squash(name).replace(/^其中[:：]/, "")).replace(/[“”"]/g, "");
}

/**
 * The amount a functional table holds for a 类 code, as terms: the 类 row itself, or when the table
 * lists only 款/项 rows (类/款/项 columns), the shallowest rows under it. undefined when the table has
 * no 功能分类 rows at all.
 */
export function categoryTerms(t: BudgetTable, code: string, role: string, label: (r: BudgetRow) => string): Term[] | undefined {
  const b = t.blocks[0];
  const col = b && columnOf(b, role);
  if (!b || !col) return undefined;
  const coded = rowsByCode(b.rows, "功能分类");
  if (coded.size === 0) return undefined;
  const row = coded.get(code);
  if (row) return [termAt(t, row, col, label(row))];
  const under = [...coded.values()].filter((x) => x.code!.startsWith(code));
  if (under.length === 0) return [];
  const depth = under.reduce((d, x) => Math.min(d, x.code!.length), Infinity);
  return under.filter((x) => x.code!.length === depth).map((x) => termAt(t, x, col, label(x)));
}

/** The first amount of a coded row anywhere in a table (side-by-side groups included). */
export function codedTerm(t: BudgetTable, code: string, role?: string): Term | undefined {
  for (const b of t.blocks) {
    const row = b.rows.find((r) => r.code === code);
    if (!row) continue;
    const col = role ? columnOf(b, role) : plainColumns(b)[0];
    if (col) return termAt(t, row, col, `${rowLabel(t, row)}`);
  }
  return undefined;
}

/**
 * The rows of a 收支 side that name a 类 of spending, one per 类 (a template may carry an old and a new
 * name for the same 类, e.g. 医疗卫生与计划生育支出 and 卫生健康支出; the one with an amount wins).
 */
export function categoryRows(rows: BudgetRow[], categoryOf: (name: string) => string | undefined): { code: string; row: BudgetRow }[] {
  const byCode = new Map<string, BudgetRow>();
  for (const r of rows) {
    const code = categoryOf(r.name);
    if (!code) continue;
    const prev = byCode.get(code);
    if (!prev || (!hasAmounts(prev) && hasAmounts(r))) byCode.set(code, r);
  }
  return [...byCode].map(([code, row]) => ({ code, row }));
}
