/** The equations of a two-sided table (收支总表, 财政拨款收支总表): each side's outline, and 收入总计 = 支出总计. */
import type { BudgetTable, TableBlock } from "../../model/budgetModel";
import { plainColumns, rowLabel } from "../../model/query/tables";
import { mainColumn, sideBlocks, sideOutline } from "../../model/query/twoSided";
import { termAt, type Term } from "../../model/terms";
import type { RuleContext } from "../types";

/** States the outline equations of both sides and income total = expenditure total. */
export function twoSidedEquations(ctx: RuleContext, t: BudgetTable, messageIds: { sum: string; balance: string }): void {
  const { income, expense } = sideBlocks(t);
  const sides: [TableBlock | undefined, "收入" | "支出"][] = [
    [income, "收入"],
    [expense, "支出"],
  ];
  const grands: Term[] = [];
  for (const [b, word] of sides) {
    if (!b) continue;
    const o = sideOutline(b, word);
    for (const col of plainColumns(b)) {
      if (o.current && o.items.length) {
        ctx.equation({
          left: [termAt(t, o.current, col)],
          right: o.items.map((r) => termAt(t, r, col)),
          messageId: messageIds.sum,
          data: { row: rowLabel(t, o.current), column: col.role, parts: `${o.items.length} 个${word}项目` },
          sheet: t.sheet,
        });
      }
      if (o.grand && o.grandParts.length) {
        ctx.equation({
          left: [termAt(t, o.grand, col)],
          right: o.grandParts.map((r) => termAt(t, r, col)),
          messageId: messageIds.sum,
          data: { row: rowLabel(t, o.grand), column: col.role, parts: o.grandParts.map((r) => r.name).join(" + ") },
          sheet: t.sheet,
        });
      }
    }
    const main = mainColumn(b);
    if (o.grand && main) grands.push(termAt(t, o.grand, main, `${o.grand.name}`));
  }
  if (grands.length === 2) {
    ctx.equation({ left: [grands[0]], right: [grands[1]], messageId: messageIds.balance, data: { table: t.kindName, income: grands[0].label, expense: grands[1].label }, sheet: t.sheet });
  }
}
