import { categoryCodeOfName } from "../model/query/functional";
import { categoryRows, categoryTerms, columnOf, rowLabel, totalRow } from "../model/query/tables";
import { sideBlocks, sideOutline } from "../model/query/twoSided";
import { twoSidedEquations } from "./lib/twoSided";
import { termAt } from "../model/terms";
import type { Rule } from "./types";

/** R6 财政拨款收支总表：收支平衡；一般公共预算列各类金额与一般公共预算财政拨款支出表一致。 */
const rule: Rule = {
  meta: {
    id: "R6-fiscal-summary",
    level: "强制",
    description: "财政拨款收支总表：本年收入/支出合计 = 各项之和，收入总计 = 支出总计；一般公共预算列与一般公共预算财政拨款支出表一致",
    explanation:
      "财政拨款收支总表的本年收入合计、本年支出合计应等于各项之和，收入总计应等于支出总计；一般公共预算列的支出合计和各类支出，还应与一般公共预算财政拨款支出表一致。",
    example:
      "财政拨款收支总表“八、社会保障和就业支出”的一般公共预算 F13 填成 115.08 万元，一般公共预算财政拨款支出表 208 类合计 D7 为 115.18 万元，相差 0.10 万元：两表中有一处填错。",
    tables: ["fiscal_summary"],
    messages: {
      sum: "{row}的「{column}」{left} 应等于 {parts} 之和 {right}，相差 {diff}{unit}，{verdict}。",
      balance: "「{table}」{income} {left} 应等于 {expense} {right}，相差 {diff}{unit}，{verdict}。",
      cross: "{leftLabel} {left} 应等于{rightLabel} {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    const gpb = ctx.tables("gpb_expense")[0];
    for (const t of ctx.tables("fiscal_summary")) {
      twoSidedEquations(ctx, t, { sum: "sum", balance: "balance" });
      const { expense } = sideBlocks(t);
      const col = expense && columnOf(expense, "一般公共预算");
      if (!gpb || !expense || !col) continue;
      const o = sideOutline(expense, "支出");
      const gpbTotalRow = gpb.blocks[0] && totalRow(gpb.blocks[0]);
      const gpbTotal = gpbTotalRow && columnOf(gpb.blocks[0], "合计");
      if (o.current && gpbTotalRow && gpbTotal) {
        const a = termAt(t, o.current, col, `「${t.kindName}」${o.current.name}（一般公共预算）`);
        const b = termAt(gpb, gpbTotalRow, gpbTotal, `「${gpb.kindName}」合计`);
        ctx.equation({ left: [a], right: [b], messageId: "cross", data: { leftLabel: a.label, rightLabel: b.label }, sheet: t.sheet });
      }
      for (const { code, row: r } of categoryRows(expense.rows, categoryCodeOfName)) {
        const here = termAt(t, r, col, `「${t.kindName}」${r.name}（一般公共预算）`);
        const parts = categoryTerms(gpb, code, "合计", (x) => `${rowLabel(gpb, x)}合计`);
        if (parts === undefined || (parts.length === 0 && here.yuan.isZero())) continue;
        const what =
          parts.length === 1 ? parts[0].label : parts.length ? `「${gpb.kindName}」${code} 类下各科目之和` : `「${gpb.kindName}」中的 ${code} 类科目（缺失）`;
        ctx.equation({ left: [here], right: parts, messageId: "cross", data: { leftLabel: here.label, rightLabel: what }, sheet: t.sheet });
      }
    }
  },
};
export default rule;
