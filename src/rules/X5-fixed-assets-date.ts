import type { Rule } from "./types";

/** 预算公开的固定资产占用情况表应截止到上年末。 */
const rule: Rule = {
  meta: {
    id: "X5-fixed-assets-date",
    level: "提示",
    description: "预算公开的固定资产占用情况表应反映上年末（预算年度前一年 12 月 31 日）的资产",
    explanation: "预算公开的固定资产占用情况表应反映预算年度前一年年末（12 月 31 日）的资产。",
    example: "2021 年预算的固定资产占用情况表 C2 写“截止时间：2021-12-31”，应为上年末 2020-12-31。",
    tables: ["fixed_assets"],
    messages: {
      date: "「{table}」截止时间为 {asOf}，{year} 年预算应填上年末 {expected}。",
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.documentKind !== "预算" || !m.year) return;
    const expected = `${m.year - 1}-12-31`;
    for (const t of ctx.tables("fixed_assets")) {
      if (!t.asOf || t.asOf === expected) continue;
      // the cell that states the date (else the title)
      const at = t.asOfCell ?? t.titleCell ?? { sheet: t.sheet, address: t.range.split(":")[0] };
      ctx.report({
        messageId: "date",
        data: { table: t.kindName, asOf: t.asOf, year: m.year, expected },
        cells: [{ sheet: t.sheet, address: at.address }],
        expected,
        actual: t.asOf,
        sheet: t.sheet,
      });
    }
  },
};
export default rule;
