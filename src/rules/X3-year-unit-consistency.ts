import type { Rule } from "./types";

/** 各表的年度、金额单位应一致。 */
const rule: Rule = {
  meta: {
    id: "X3-year-unit-consistency",
    level: "强制",
    description: "工作簿中各表的年度和金额单位（元/万元）应一致",
    tables: [],
    messages: {
      year: "「{table}」的年度是 {year} 年，而其他表是 {majority} 年。",
      unit: "「{table}」的金额单位是{unit}，而其他表是{majority}；各表单位应一致。",
    },
  },
  check(ctx) {
    const m = ctx.model;
    const main = new Set([
      "income_expense_summary",
      "income_summary",
      "expense_summary",
      "fiscal_summary",
      "gpb_expense",
      "gpb_basic",
      "gov_fund_expense",
      "soe_expense",
      "three_public",
      "econ_summary",
      "project_expense",
    ]);
    for (const t of m.tables) {
      const at = [{ sheet: t.sheet, address: (t.titleCell ?? { address: t.range.split(":")[0] }).address }];
      if (m.year && t.year && t.year !== m.year && t.kind !== "self_evaluation")
        ctx.report({ messageId: "year", data: { table: t.kindName, year: t.year, majority: m.year }, cells: at, sheet: t.sheet });
      if (m.amountUnit && t.unit && t.unit !== m.amountUnit && main.has(t.kind))
        ctx.report({ messageId: "unit", data: { table: t.kindName, unit: t.unit, majority: m.amountUnit }, cells: at, sheet: t.sheet });
    }
  },
};
export default rule;
