import { twoSidedEquations } from "./lib/twoSided";
import type { Rule } from "./types";

/** R1 收支总表：本年收入合计 = 各收入项目之和；本年支出合计 = 各类支出之和；总计 = 本年合计 + 结转结余；收入总计 = 支出总计。 */
const rule: Rule = {
  meta: {
    id: "R1-summary-balance",
    level: "强制",
    description: "收支总表：本年收入合计 = 各项收入之和，本年支出合计 = 各类支出之和，总计 = 本年合计 + 结转结余，收入总计 = 支出总计",
    tables: ["income_expense_summary"],
    messages: {
      sum: "{row}的「{column}」{left} 应等于 {parts} 之和 {right}，相差 {diff}{unit}，{verdict}。",
      balance: "「{table}」{income} {left} 应等于 {expense} {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    for (const t of ctx.tables("income_expense_summary")) twoSidedEquations(ctx, t, { sum: "sum", balance: "balance" });
  },
};
export default rule;
