import { checkRate, rateCells, shownFigure } from "./lib/rate";
import { columnOf, periodColumn, rowLabel } from "../model/query/tables";
import { termAt } from "../model/terms";
import type { Rule } from "./types";

/**
 * R19 决算表中的完成率列：完成率 = 决算数 ÷ 年初预算数 × 100%（四舍五入到 0.01%），决算数为完成率所属的本年列
 * （公开05 的支出合计），年初预算数为同一行的年初预算数列。
 */
const rule: Rule = {
  meta: {
    id: "R19-budget-completion",
    level: "强制",
    description: "决算表列有年初预算数和完成率时：完成率 = 决算数 ÷ 年初预算数 × 100%（四舍五入到 0.01%）",
    explanation:
      "决算表列有年初预算数和完成率时，完成率应等于决算数除以年初预算数再乘以 100%，四舍五入保留两位小数；年初预算数为 0 时无法计算完成率，不应填写。",
    example:
      "一般公共预算财政拨款支出决算表“208 社会保障和就业支出”决算数 E8 为 51.85 万元，年初预算数 C8 为 151.50 万元，完成率应为 34.22%，H8 却填 34.25%：H8 填错。",
    tables: [],
    messages: {
      rate: "{row}（{column}）：完成率 {shown}% 与 决算数 {final} ÷ 年初预算数 {budget} = {exact}% 不符（应为 {expected}%）。",
      rateRounding:
        "{row}（{column}）：完成率 {shown}% 与 决算数 {final} ÷ 年初预算数 {budget} = {exact}% 在四舍五入尾差范围内（按四舍五入应为 {expected}%）。",
      noBudget: "{row}（{column}）：年初预算数为 0，完成率无法计算，表中却为 {shown}%。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      for (const b of t.blocks) {
        for (const c of b.columns) {
          if (c.period !== "完成率" || c.of === undefined) continue;
          const current = columnOf(b, c.of);
          const initial = periodColumn(b, "年初预算", c.of);
          if (!current || !initial) continue;
          for (const r of b.rows) {
            const rate = r.amounts[c.role];
            if (!rate) continue;
            const final = termAt(t, r, current);
            const budget = termAt(t, r, initial);
            const data = { row: rowLabel(t, r), column: c.of, final: shownFigure(final), budget: shownFigure(budget) };
            const cells = rateCells(t.sheet, rate, [final, budget]);
            checkRate(ctx, {
              rate,
              part: final.shown,
              whole: budget.shown,
              messageIds: { wrong: "rate", rounding: "rateRounding", zeroWhole: "noBudget" },
              data,
              cells,
              sheet: t.sheet,
            });
          }
        }
      }
    }
  },
};
export default rule;
