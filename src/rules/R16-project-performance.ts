import { columnOf, totalRow } from "../model/query/tables";
import { termAt, termOfAmount, type Term } from "../model/terms";
import type { Rule } from "./types";

/** R16 项目绩效目标表：各项目预算数之和 = 项目支出；资金支出计划 12月底 = 预算数。 */
const rule: Rule = {
  meta: {
    id: "R16-project-performance",
    level: "强制",
    description: "项目绩效目标表：各项目预算数之和 = 支出总表项目支出合计；资金支出计划 12月底 应等于预算数",
    explanation:
      "各张项目绩效目标表的预算数加起来，应等于支出总表（没有支出总表时为一般公共预算财政拨款支出表）的项目支出合计；每个项目资金支出计划中到 12 月底的数应等于该项目的预算数，不等时作为提示。",
    example:
      "“办公室整修”项目绩效目标表预算数 C4 填成 60.00 万元后，8 个项目的预算数之和为 8,268.72 万元，支出总表项目支出合计 F6 为 8,258.72 万元，相差 10.00 万元；该项目 12 月底计划 F7 为 50.00 万元，也与预算数不符：C4 很可能填错。",
    tables: ["project_performance"],
    messages: {
      sum: "{count} 张项目绩效目标表的预算数之和 {right} 应等于{leftLabel} {left}，相差 {diff}{unit}，{verdict}。",
      plan: "「{project}」资金支出计划 12月底 {right} 应等于预算数 {left}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    const projects = ctx.tables("project_performance");
    const budgets: Term[] = [];
    for (const t of projects) {
      const budget = t.fields.find((f) => f.label === "预算数")?.amount;
      if (!budget) continue;
      const name = t.fields.find((f) => f.label === "项目名称")?.text || t.title;
      const bt = termOfAmount(budget, `「${name}」预算数`);
      budgets.push(bt);
      const dec = t.fields.find((f) => f.label === "12月底")?.amount;
      if (dec)
        ctx.equation({
          left: [bt],
          right: [termOfAmount(dec, `「${name}」12月底`)],
          messageId: "plan",
          level: "warning",
          data: { project: name },
          sheet: t.sheet,
        });
    }
    const exp = ctx.tables("expense_summary")[0] ?? ctx.tables("gpb_expense")[0];
    const b = exp?.blocks[0];
    const tot = b && totalRow(b);
    const col = b && columnOf(b, "项目支出");
    if (!exp || !tot || !col || budgets.length === 0) return;
    const left = termAt(exp, tot, col, `「${exp.kindName}」项目支出合计`);
    ctx.equation({ left: [left], right: budgets, messageId: "sum", data: { count: budgets.length, leftLabel: left.label }, sheet: exp.sheet });
  },
};
export default rule;
