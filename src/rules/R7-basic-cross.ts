import type { BudgetTable } from "../model/budgetModel";
import { hasAmounts, plainColumns, rowLabel, rowsByCode, totalRow, columnOf } from "../model/query/tables";
import { sideBlocks, sideOutline } from "../model/query/twoSided";
import { termAt, termOfAmount, type Term } from "../model/terms";
import type { Rule } from "./types";

/** 基本支出表的总额：合计行，或（决算明细表）人员经费合计 + 公用经费合计。 */
export function basicTotal(t: BudgetTable): Term[] | undefined {
  for (const b of t.blocks) {
    const tot = totalRow(b);
    const col = tot && (columnOf(b, "合计") ?? plainColumns(b)[0]);
    if (tot && col) return [termAt(t, tot, col, `「${t.kindName}」合计`)];
  }
  const parts: Term[] = [];
  for (const b of t.blocks)
    for (const r of b.rows) {
      if (/^(人员经费|公用经费)合计$/.test(r.name)) {
        const col = plainColumns(b).find((c) => r.amounts[c.role]);
        const a = col && r.amounts[col.role];
        if (a) parts.push(termOfAmount(a, `「${t.kindName}」${r.name}`));
      }
    }
  return parts.length ? parts : undefined;
}

/** R7 一般公共预算财政拨款支出表的基本支出合计 = 基本支出表合计；全部为财政拨款时，支出总表与一般公共预算支出表同一科目金额一致。 */
const rule: Rule = {
  meta: {
    id: "R7-basic-cross",
    level: "强制",
    description: "一般公共预算财政拨款支出表的基本支出合计 = 基本支出表合计；收入全部为财政拨款时，支出总表与一般公共预算财政拨款支出表同一科目的金额一致",
    explanation:
      "一般公共预算财政拨款支出表的基本支出合计应等于基本支出表的合计；收入全部是一般公共预算拨款时（决算中还须没有使用结转结余），支出总表与一般公共预算财政拨款支出表同一科目的合计、基本支出、项目支出也应相同。",
    example: "一般公共预算财政拨款支出表基本支出合计 E6 为 805.64 万元，基本支出表合计 D6 填成 805.74 万元，相差 0.10 万元：两表中有一处填错。",
    tables: ["gpb_expense"],
    messages: {
      basic: "{leftLabel} {left} 应等于{rightLabel} {right}，相差 {diff}{unit}，{verdict}。",
      sameRow: "收入全部为一般公共预算财政拨款，{leftLabel} {left} 应等于{rightLabel} {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    const gpb = ctx.tables("gpb_expense")[0];
    const b = gpb?.blocks[0];
    const tot = b && totalRow(b);
    const basicCol = b && columnOf(b, "基本支出");
    const basic = ctx.tables("gpb_basic")[0];
    const basicSum = basic && basicTotal(basic);
    if (gpb && tot && basicCol && basicSum) {
      const a = termAt(gpb, tot, basicCol, `「${gpb.kindName}」基本支出合计`);
      ctx.equation({
        left: [a],
        right: basicSum,
        messageId: "basic",
        data: { leftLabel: a.label, rightLabel: basicSum.map((x) => x.label).join(" + ") },
        sheet: gpb.sheet,
      });
    }
    // 03 vs 05 when every yuan is 一般公共预算
    const summary = ctx.tables("income_expense_summary")[0];
    const exp = ctx.tables("expense_summary")[0];
    const { income } = summary ? sideBlocks(summary) : { income: undefined };
    if (!gpb || !b || !exp?.blocks[0] || !income) return;
    const outline = sideOutline(income, "收入");
    const items = outline.items.filter(hasAmounts);
    if (items.length === 0 || !items.every((r) => /一般公共预算/.test(r.name))) return;
    // in a 决算, spending may also come from carry-overs and non-fiscal balances (年初结转和结余, 使用非财政拨款结余):
    // all spending is 一般公共预算 only when none were used
    const carried = outline.grandParts.filter((r) => r !== outline.current && Object.values(r.amounts).some((a) => a && !a.value.isZero()));
    if (ctx.model.documentKind === "决算" && carried.length) return;
    const gpbRows = rowsByCode(b.rows, "功能分类");
    for (const r of exp.blocks[0].rows) {
      const other = r.code && r.codeSystem === "功能分类" ? gpbRows.get(r.code) : undefined;
      if (!other) continue;
      for (const role of ["合计", "基本支出", "项目支出"]) {
        const c1 = columnOf(exp.blocks[0], role);
        const c2 = columnOf(b, role);
        if (!c1 || !c2) continue;
        const x = termAt(exp, r, c1, `${rowLabel(exp, r)}${role}`);
        const y = termAt(gpb, other, c2, `${rowLabel(gpb, other)}${role}`);
        ctx.equation({ left: [x], right: [y], messageId: "sameRow", data: { leftLabel: x.label, rightLabel: y.label }, sheet: exp.sheet });
      }
    }
  },
};
export default rule;
