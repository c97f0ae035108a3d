/**
 * The items of a “三公” table in either layout: items as rows (Hebei; 合计/一般公共预算… columns) or
 * items as columns (Henan, 决算 公开09 with a 预算数 and a 决算数 block, one row).
 */
import type { BudgetTable } from "../budgetModel";
import { termAt, type Term } from "../terms";
import { bareName, plainColumns } from "./tables";

export type ThreePublicItem = "合计" | "小计" | "因公出国" | "公务用车" | "购置" | "运行" | "公务接待" | "会议费" | "培训费";

const ITEM_PATTERNS: [ThreePublicItem, RegExp][] = [
  ["小计", /小计$/],
  // (templates write 费 or 费用; some call the vehicle item just 公务用车费 and its parts 公务用车购置 / 运行维护费)
  ["因公出国", /^因公出国\(境\)费用?$/],
  ["公务用车", /公务用车购置及运(行维护|维|行)费用?$|^公务用车费用?$/],
  ["购置", /^公务用车购置(费用?)?$/],
  ["运行", /^公务用车运行(维护)?费用?$/],
  ["公务接待", /^公务接待费用?$/],
  ["会议费", /^会议费$/],
  ["培训费", /^培训费$/],
];

/** How messages name the items. */
export const ITEM_NAMES: Record<ThreePublicItem, string> = {
  合计: "“三公”经费合计",
  小计: "“三公”经费小计",
  因公出国: "因公出国（境）费",
  公务用车: "公务用车购置及运行维护费",
  购置: "公务用车购置费",
  运行: "公务用车运行维护费",
  公务接待: "公务接待费",
  会议费: "会议费",
  培训费: "培训费",
};

export function itemOf(name: string): ThreePublicItem | undefined {
  const n = bareName(name);
  if (/^合计$|三公经费合计$/.test(n)) return "合计";
  return ITEM_PATTERNS.find(([, re]) => re.test(n))?.[0];
}

/** Items → terms, for each amount column (row layout) or each block prefix (column layout: "", 预算数, 决算数). */
export function threePublicItems(t: BudgetTable): Map<string, Map<ThreePublicItem, Term>> {
  const out = new Map<string, Map<ThreePublicItem, Term>>();
  for (const b of t.blocks) {
    const rowLayout = b.rows.some((r) => itemOf(r.name) && itemOf(r.name) !== "合计") || b.rows.filter((r) => r.name).length > 1;
    if (rowLayout) {
      for (const col of plainColumns(b)) {
        const m = new Map<ThreePublicItem, Term>();
        for (const r of b.rows) {
          const item = r.isTotal ? "合计" : itemOf(r.name);
          if (item && !m.has(item)) m.set(item, termAt(t, r, col, `「${t.kindName}」${bareName(r.name)}${col.role === "合计" ? "" : `（${col.role}）`}`));
        }
        out.set(col.role, m);
      }
    } else {
      const row = b.rows.find((r) => Object.keys(r.amounts).length > 0) ?? b.rows[0];
      if (!row) continue;
      for (const col of plainColumns(b)) {
        const parts = col.role.split("/");
        const prefix = /^(预算数|决算数)$/.test(parts[0]) ? parts[0] : "";
        const rest = prefix ? parts.slice(1) : parts;
        const item: ThreePublicItem | undefined = rest.length === 0 ? "合计" : itemOf(rest[rest.length - 1]);
        if (!item) continue;
        const m = out.get(prefix) ?? new Map<ThreePublicItem, Term>();
        if (!m.has(item)) m.set(item, termAt(t, row, col, `「${t.kindName}」${prefix}${rest.length ? rest[rest.length - 1] : "合计"}`));
        out.set(prefix, m);
      }
    }
  }
  return out;
}

/** The amount of an item that the 三公 table reports as spent (决算数 block, or the 合计 column). */
export function mainItems(t: BudgetTable): Map<ThreePublicItem, Term> | undefined {
  const all = threePublicItems(t);
  return all.get("决算数") ?? all.get("合计") ?? all.get("") ?? [...all.values()][0];
}
