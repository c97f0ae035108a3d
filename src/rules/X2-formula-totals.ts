import { parseA1, parseRangeA1 } from "../grid/address";
import type { BudgetRow, BudgetTable } from "../model/budgetModel";
import { columnGroups, hierarchyOf, rowLabel } from "../model/query/tables";
import { termAt, type Term } from "../model/terms";
import type { Rule, RuleContext } from "./types";

/** Cells of the same sheet that a formula refers to (ranges expanded); undefined when it refers elsewhere. */
export function referencedCells(formula: string): Set<string> | undefined {
  if (/!/.test(formula)) return undefined;
  const out = new Set<string>();
  for (const m of formula.toUpperCase().matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)) {
    if (m[3]) {
      const r = parseRangeA1(`${m[1]}${m[2]}:${m[3]}${m[4]}`);
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100000) return undefined;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.add(`${row},${col}`);
    } else {
      const p = parseA1(`${m[1]}${m[2]}`);
      out.add(`${p.row},${p.col}`);
    }
  }
  return out;
}

/** An identity whose left cell is a total: vertical (类 = Σ 款) or horizontal (合计 = 基本 + 项目). */
interface Identity {
  parent: Term;
  parts: Term[];
  /** What the total is, for messages (built when reported). */
  label: () => string;
  kind: "vertical" | "horizontal";
  formula?: string;
}

function identities(t: BudgetTable): Identity[] {
  const out: Identity[] = [];
  for (const b of t.blocks) {
    for (const system of ["功能分类", "经济分类"] as const) {
      const { parents, columns } = hierarchyOf(b, system);
      for (const col of columns) {
        for (const p of parents) {
          out.push({
            parent: termAt(t, p.row, col),
            parts: p.children.map((k) => termAt(t, k, col)),
            label: () => `${rowLabel(t, p.row)}「${col.role}」`,
            kind: "vertical",
            formula: p.row.amounts[col.role]?.formula,
          });
        }
      }
    }
    for (const g of columnGroups(b)) {
      for (const r of b.rows) {
        const a = r.amounts[g.parent.role];
        if (a)
          out.push({
            parent: termAt(t, r, g.parent),
            parts: g.shares.map((c) => termAt(t, r, c)),
            label: () => `${rowLabel(t, r)}「${g.parent.role}」`,
            kind: "horizontal",
            formula: a.formula,
          });
      }
    }
  }
  return out;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cellKey = (x: Term) => `${x.cellRow},${x.cellCol}`;

function hasFormula(r: BudgetRow): boolean {
  for (const role in r.amounts) if (r.amounts[role].formula) return true;
  return false;
}

function check(ctx: RuleContext, t: BudgetTable): void {
  if (!t.blocks.some((b) => b.rows.some(hasFormula))) return; // no formulas: nothing to compare
  const list = identities(t);
  // a total's formula must cover the parts of one of the identities the cell is the total of
  const byParent = new Map<string, Identity[]>();
  for (const x of list) pushTo(byParent, cellKey(x.parent), x);
  for (const group of byParent.values()) {
    const formula = group[0].formula;
    const refs = formula && /SUM|\+/i.test(formula) ? referencedCells(formula) : undefined;
    if (!refs) continue;
    const missingOf = (x: Identity) => x.parts.filter((p) => !p.blank && !refs.has(cellKey(p)));
    if (group.some((x) => missingOf(x).length === 0)) continue;
    const covered = (x: Identity) => x.parts.filter((p) => refs.has(cellKey(p))).length;
    const meant = [...group].sort((a, b) => covered(b) - covered(a))[0];
    const missing = missingOf(meant);
    ctx.report({
      messageId: "omits",
      data: { total: meant.label(), cell: meant.parent.cell.address, formula: `=${formula}`, missing: missing.map((p) => p.cell.address).join("、") },
      cells: [
        { sheet: meant.parent.cell.sheet, address: meant.parent.cell.address, side: "left" },
        ...missing.map((p) => ({ sheet: p.cell.sheet, address: p.cell.address, side: "right" as const })),
      ],
      suspect: meant.parent.cell,
      sheet: t.sheet,
    });
  }
  // a hard-coded total among sibling totals (same column, same kind of identity) that are mostly formulas
  const siblings = new Map<string, Identity[]>();
  for (const x of list) pushTo(siblings, `${x.kind}:${x.parent.cellCol}`, x);
  const flagged = new Set<string>();
  for (const group of siblings.values()) {
    const withFormula = group.filter((x) => x.formula).length;
    if (withFormula < 2 || withFormula * 2 < group.length) continue;
    for (const x of group) {
      if (x.formula || x.parent.blank || flagged.has(cellKey(x.parent))) continue;
      flagged.add(cellKey(x.parent));
      ctx.report({
        messageId: "hardCoded",
        data: { total: x.label(), cell: x.parent.cell.address, count: withFormula },
        cells: [{ sheet: x.parent.cell.sheet, address: x.parent.cell.address }],
        suspect: x.parent.cell,
        sheet: t.sheet,
      });
    }
  }
}

/** 合计单元格的公式漏掉了明细行，或在其他合计都用公式时手工填写数字。 */
const rule: Rule = {
  meta: {
    id: "X2-formula-totals",
    level: "提示",
    description: "合计单元格的求和公式应包含全部明细行；同表其他合计使用公式时，合计不应手工填写",
    explanation: "合计单元格用求和公式时，公式应包含全部明细单元格；同一列的其他合计都用公式时，手工填写数字的合计在明细修改后不会随之更新。",
    example: "支出总表“20805 行政事业单位养老支出”合计 D8 的公式只加了 D9 至 D10，漏了明细单元格 D11：D11 改动后合计不会变化，合计可能少算一项。",
    tables: [],
    messages: {
      omits: "{total}（{cell}）的公式 {formula} 没有包含明细单元格 {missing}。",
      hardCoded: "{total}（{cell}）是手工填写的数字，而同列 {count} 个同类合计单元格使用公式；明细修改后它不会随之更新。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) check(ctx, t);
  },
};
export default rule;
