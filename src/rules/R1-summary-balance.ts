import { twoSidedEquations } from "./lib/twoSided";
import type { Rule } from "./types";

/** R1 收支总表：本年收入合计 = 各收入项目之和；本年支出合计 = 各类支出之和；总计 = 本年合计 + 结转结余；收入总计 = 支出总计。 */
const rule: Rule = {
  meta: {
    id: "R1-summary-balance",
    level: "强制",
    description: "收支总表：本年收入合计 = 各项收入之和，本年支出合计 = 各类支出之和，总计 = 本年合计 + 结转结余，收入总计 = 支出总计",
    explanation:
      "收支总表中，本年收入合计、本年支出合计应分别等于各收入项目、各支出项目之和，收入总计、支出总计应分别等于本年合计加结转结余，收入总计还应等于支出总计：预算收支必须平衡。",
    example: "收支总表收入总计 C39 为 9,064.26 万元，支出总计 E39 为 9,064.36 万元，相差 0.10 万元，超出尾差范围：两数中至少有一个填错。",
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
