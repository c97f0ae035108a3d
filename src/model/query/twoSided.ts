import { squash } from "../amount";
/**
 * Two-sided summary tables (收支总表, 财政拨款收支总表, 公开01/04): income rows beside expenditure rows.
 * Found by the outline of row names, in both layouts the templates use:
 *   A: items 一、二、… then 本年收入合计, carry-over rows, 收入总计 (Hebei, 决算);
 *   B: 一、本年收入 with items （一）（二）… under it, 二、上年结转, then 收入合计 (Henan 财政拨款收支总体情况表).
 */
import type { BudgetRow, BudgetTable, ColumnInfo, TableBlock } from "../budgetModel";
import { plainColumns } from "./tables";

const label = (s: string) => squash(s).replace(/[:：]$/, "");

export function sideBlocks(t: BudgetTable): { income?: TableBlock; expense?: TableBlock } {
  const income = t.blocks.find((b) => b.side.startsWith("收入")) ?? (t.blocks.length === 2 ? t.blocks[0] : undefined);
  const expense = t.blocks.find((b) => b.side.startsWith("支出")) ?? (t.blocks.length === 2 ? t.blocks[1] : undefined);
  return { income, expense };
}

export interface SideOutline {
  /** 本年收入合计 / 本年支出合计 (or 一、本年收入). */
  current?: BudgetRow;
  items: BudgetRow[];
  /** 收入总计 / 支出总计 (or 收入合计). */
  grand?: BudgetRow;
  /** What adds to `current` to make `grand`. */
  grandParts: BudgetRow[];
}

/** Names of a side's outline rows: its grand total, the current-year total (layout A) and heading (layout B). */
const OUTLINE_NAMES = {
  收入: { grand: /^(收入)?总计$|^收入合计$/, current: /^本年收入合计$/, heading: /^[一二三四五六七八九十]+、本年收入$/ },
  支出: { grand: /^(支出)?总计$|^支出合计$/, current: /^本年支出合计$/, heading: /^[一二三四五六七八九十]+、本年支出$/ },
};

export function sideOutline(b: TableBlock, word: "收入" | "支出"): SideOutline {
  const rows = b.rows;
  const name = (r: BudgetRow) => label(r.name);
  const names = OUTLINE_NAMES[word];
  const grandIdx = rows.findIndex((r) => names.grand.test(name(r)));
  const grand = grandIdx >= 0 ? rows[grandIdx] : undefined;
  const aIdx = rows.findIndex((r) => names.current.test(name(r)));
  if (aIdx >= 0) {
    const items = rows.slice(0, aIdx).filter((r) => r.level === 1);
    const between = rows.slice(aIdx + 1, grandIdx >= 0 ? grandIdx : rows.length);
    return { current: rows[aIdx], items, grand, grandParts: [rows[aIdx], ...between.filter((r) => /结转|结余/.test(name(r)))] };
  }
  const bIdx = rows.findIndex((r) => r.level === 1 && names.heading.test(name(r)));
  if (bIdx >= 0) {
    const items: BudgetRow[] = [];
    for (const r of rows.slice(bIdx + 1)) {
      if (r.level === 1 || r === grand) break;
      if (r.level === 2) items.push(r);
    }
    const tops = rows.slice(0, grandIdx >= 0 ? grandIdx : rows.length).filter((r) => r.level === 1);
    return { current: rows[bIdx], items, grand, grandParts: tops };
  }
  return { items: [], grand, grandParts: [] };
}

/** The column that holds a side's amount: 合计 when there is one, else the side's first amount column. */
export function mainColumn(b: TableBlock): ColumnInfo | undefined {
  const cols = plainColumns(b);
  return cols.find((c) => c.role === "合计") ?? cols[0];
}
