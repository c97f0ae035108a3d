import type { BudgetTable, ColumnInfo, TableBlock } from "../model/budgetModel";
import { checkRate, rateCells, shownFigure } from "./lib/rate";
import { columnOf, periodColumn, rowLabel } from "../model/query/tables";
import { termAt } from "../model/terms";
import type { Rule, RuleContext } from "./types";

/** This year's column and its 上年 column for a column of another period that belongs to them. */
function pair(b: TableBlock, c: ColumnInfo): { current: ColumnInfo; prior: ColumnInfo } | undefined {
  const current = c.of === undefined ? undefined : columnOf(b, c.of);
  const prior = c.of === undefined ? undefined : periodColumn(b, "上年", c.of);
  return current && prior ? { current, prior } : undefined;
}

function checkBlock(ctx: RuleContext, t: BudgetTable, b: TableBlock): void {
  for (const c of b.columns) {
    if (c.period !== "增减额" && c.period !== "增减率") continue;
    const p = pair(b, c);
    if (!p) continue;
    for (const r of b.rows) {
      if (!r.amounts[c.role] && !r.amounts[p.current.role] && !r.amounts[p.prior.role]) continue;
      const current = termAt(t, r, p.current);
      const prior = termAt(t, r, p.prior);
      if (c.period === "增减额") {
        ctx.equation({
          left: [current],
          right: [prior, termAt(t, r, c)],
          messageId: "change",
          data: () => ({ row: rowLabel(t, r), column: p.current.role }),
          sheet: t.sheet,
        });
        continue;
      }
      const rate = r.amounts[c.role];
      if (!rate) continue;
      const data = { row: rowLabel(t, r), column: p.current.role, current: shownFigure(current), prior: shownFigure(prior) };
      const cells = rateCells(t.sheet, rate, [current, prior]);
      checkRate(ctx, {
        rate,
        part: current.shown.minus(prior.shown),
        whole: prior.shown,
        messageIds: { wrong: "rate", rounding: "rateRounding", zeroWhole: "rateFromZero" },
        data,
        cells,
        sheet: t.sheet,
      });
    }
  }
}

/**
 * R23 表中与上年比较的列：增减额 = 本年数 − 上年数（即 本年数 = 上年数 + 增减额，按尾差区间比较）；增减率 =
 * （本年数 − 上年数）÷ 上年数 × 100%（四舍五入到 0.01%）。增减率由本年数和上年数算出，不取增减额列：一个错的单元格只报一次。
 */
const rule: Rule = {
  meta: {
    id: "R23-prior-year-change",
    level: "强制",
    description: "表中列有上年数时：增减额 = 本年数 − 上年数；增减率 = 增减额 ÷ 上年数 × 100%（四舍五入到 0.01%）",
    explanation:
      "表中列有上年数和增减额、增减率时，增减额应等于本年数减上年数，增减率应等于本年数减上年数后除以上年数再乘以 100%，四舍五入保留两位小数；上年数为 0 时无法计算增减率，不应填写。",
    example:
      "“三公”经费表公务接待费本年数 D11 为 0.61 万元、上年数 C11 为 0.64 万元，增减额应为 -0.03 万元，H11 却填 -0.05 万元；增减率应为 -4.69%：H11 填错。",
    tables: [],
    messages: {
      change: "{row}（{column}）：本年数 {left} 应等于上年数与增减额之和 {right}（增减额应为本年数减上年数），相差 {diff}{unit}，{verdict}。",
      rate: "{row}（{column}）：增减率 {shown}% 与（本年数 {current} − 上年数 {prior}）÷ 上年数 = {exact}% 不符（应为 {expected}%）。",
      rateRounding:
        "{row}（{column}）：增减率 {shown}% 与（本年数 {current} − 上年数 {prior}）÷ 上年数 = {exact}% 在四舍五入尾差范围内（按四舍五入应为 {expected}%）。",
      rateFromZero: "{row}（{column}）：上年数为 0，增减率无法计算，表中却为 {shown}%。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables)
      for (const b of t.blocks) if (b.columns.some((c) => c.period === "增减额" || c.period === "增减率")) checkBlock(ctx, t, b);
  },
};
export default rule;
