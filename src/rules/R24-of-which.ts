import type { BudgetRow, BudgetTable, ColumnInfo, TableBlock } from "../model/budgetModel";
import { plainColumns, rowLabel } from "../model/query/tables";
import { showIn, termAt, toleranceParts, toleranceYuan, type Term } from "../model/terms";
import type { Rule, RuleContext } from "./types";

/** A row labelled "其中：…" (or "其中…"): a part of the row it stands under. */
const OF_WHICH = /^\s*其中\s*[:：]?/;

/** The column a "其中" column is part of: the nearest column to its left that is not a "其中" column itself. */
function parentColumn(cols: ColumnInfo[], c: ColumnInfo): ColumnInfo | undefined {
  const byRole = cols.find((p) => !p.subset && p !== c && c.role.startsWith(`${p.role}/`));
  if (byRole) return byRole;
  const i = cols.indexOf(c);
  for (let j = i - 1; j >= 0; j--) if (!cols[j].subset) return cols[j];
  return undefined;
}

/** The row a "其中" row is part of: the nearest row above it that is not a "其中" row itself. */
function parentRow(rows: BudgetRow[], i: number): BudgetRow | undefined {
  for (let j = i - 1; j >= 0; j--) if (!OF_WHICH.test(rows[j].name)) return rows[j];
  return undefined;
}

/** Reports a part that exceeds its whole beyond the rounding of the two. */
function exceeds(ctx: RuleContext, t: BudgetTable, part: Term, whole: Term, data: Record<string, string>): void {
  const over = part.yuan.minus(whole.yuan);
  if (over.lte(toleranceYuan(toleranceParts([part], [whole])))) return;
  ctx.report({
    messageId: "exceeds",
    data: { ...data, part: showIn(part.yuan, t.unit), whole: showIn(whole.yuan, t.unit), unit: t.unit ?? "" },
    cells: [
      { ...part.cell, side: "left" },
      { ...whole.cell, side: "right" },
    ],
    suspect: null,
    sheet: t.sheet,
  });
}

function checkBlock(ctx: RuleContext, t: BudgetTable, b: TableBlock): void {
  const cols = plainColumns(b);
  for (const c of cols.filter((x) => x.subset)) {
    const parent = parentColumn(cols, c);
    if (!parent) continue;
    for (const r of b.rows) {
      if (!r.amounts[c.role] || !r.amounts[parent.role]) continue;
      exceeds(ctx, t, termAt(t, r, c), termAt(t, r, parent), { what: `${rowLabel(t, r)}的「${c.role}」列`, parentName: `「${parent.role}」列` });
    }
  }
  b.rows.forEach((r, i) => {
    if (!OF_WHICH.test(r.name)) return;
    const parent = parentRow(b.rows, i);
    if (!parent) return;
    for (const c of cols) {
      if (!r.amounts[c.role] || !parent.amounts[c.role]) continue;
      exceeds(ctx, t, termAt(t, r, c), termAt(t, parent, c), { what: `${rowLabel(t, r)}（${c.role}）`, parentName: `其所属的${rowLabel(t, parent)}` });
    }
  });
}

/** R24 “其中”不超过上级：标为“其中”的列或行是其上级的一部分，金额不应超过上级。 */
const rule: Rule = {
  meta: {
    id: "R24-of-which",
    level: "强制",
    description: "标为“其中”的列或行是其上级的一部分，金额不应超过上级（如“其中：财政拨款”不应大于所属的一般公共预算）",
    explanation: "标为“其中”的行或列是上一级的一部分，金额不应大于它所属的上级，例如“其中：财政拨款”不应大于所属的一般公共预算。",
    example: "收支总表“其中：财政拨款”B6 为 200.00 万元，而它所属的“一、一般公共预算”B5 只有 193.86 万元：部分大于整体，两数中至少有一个填错。",
    tables: [],
    messages: {
      exceeds: "{what} {part}{unit} 大于{parentName} {whole}{unit}；“其中”是上级的一部分，不应超过上级。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) for (const b of t.blocks) checkBlock(ctx, t, b);
  },
};
export default rule;
