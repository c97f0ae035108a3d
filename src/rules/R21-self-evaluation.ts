import { checkRate } from "./lib/rate";
import { termOfAmount } from "../model/terms";
import type { Rule } from "./types";

/** R21 项目支出绩效自评表：结余 = 全年预算数 − 全年执行数；执行率 = 全年执行数 ÷ 全年预算数 × 100%。 */
const rule: Rule = {
  meta: {
    id: "R21-self-evaluation",
    level: "强制",
    description: "项目支出绩效自评表：资金结余 = 全年预算数 − 全年执行数；执行率 = 全年执行数 ÷ 全年预算数 × 100%（四舍五入到 0.01%）",
    explanation: "项目支出绩效自评表中，全年预算数应等于全年执行数加资金结余，执行率应等于全年执行数除以全年预算数再乘以 100%，四舍五入保留两位小数。",
    example: "“全国医疗保障服务示范点工作经费”全年预算数 I7 为 9 万元、全年执行数 J7 为 5.597 万元，执行率应为 62.19%，L7 却填 62.18%：L7 填错。",
    tables: ["self_evaluation"],
    messages: {
      balance: "「{project}」全年预算数 {left} 应等于全年执行数与结余之和 {right}，相差 {diff}{unit}，{verdict}。",
      rate: "「{project}」执行率 {shown}% 与 全年执行数 {spent} ÷ 全年预算数 {budget} = {exact}% 不符（应为 {expected}%）。",
      rateRounding: "「{project}」执行率 {shown}% 与 全年执行数 {spent} ÷ 全年预算数 {budget} = {exact}% 在四舍五入尾差范围内（按四舍五入应为 {expected}%）。",
    },
  },
  check(ctx) {
    for (const t of ctx.tables("self_evaluation")) {
      const field = (label: string) => t.fields.find((f) => f.label === label)?.amount;
      const project = t.fields.find((f) => f.label === "项目名称")?.text || t.title;
      const budget = field("全年预算数");
      const spent = field("全年执行数");
      const rest = field("资金结(转)余") ?? field("结余");
      const rate = field("执行率");
      if (budget && spent && rest) {
        ctx.equation({
          left: [termOfAmount(budget, "全年预算数")],
          right: [termOfAmount(spent, "全年执行数"), termOfAmount(rest, "结余")],
          messageId: "balance",
          data: { project },
          sheet: t.sheet,
        });
      }
      if (budget && spent && rate) {
        checkRate(ctx, {
          rate,
          part: spent.value,
          whole: budget.value,
          messageIds: { wrong: "rate", rounding: "rateRounding" },
          data: { project, spent: spent.text, budget: budget.text },
          cells: [
            { sheet: t.sheet, address: rate.cell.address, side: "left" },
            { sheet: t.sheet, address: spent.cell.address, side: "right" },
            { sheet: t.sheet, address: budget.cell.address, side: "right" },
          ],
          sheet: t.sheet,
        });
      }
    }
  },
};
export default rule;
