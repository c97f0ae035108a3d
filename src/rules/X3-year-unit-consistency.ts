import { BUDGET_TABLES } from "../model/profiles";
import type { TableKind } from "../model/tableKinds";
import type { Rule } from "./types";

/** 各表的年度、金额单位应一致。 */
const rule: Rule = {
  meta: {
    id: "X3-year-unit-consistency",
    level: "强制",
    description: "工作簿中各表的年度和金额单位（元/万元）应一致",
    explanation: "同一工作簿中各表的预算年度应一致；主要各表的金额单位（元或万元）也应一致，单位不同时核对已按各表自己的单位换算，但请确认单位标注无误。",
    example: "其他表都是 2024 年，支出总表表头 E2 却写“预算年度：2023”：年度填错；收入总表 M2 写“单位：元”而其他表是万元：请确认单位标注。",
    tables: [],
    messages: {
      year: "「{table}」的年度是 {year} 年，而其他表是 {majority} 年。",
      unit: "「{table}」的金额单位是{unit}，而其他表是{majority}；核对时已按各表自己的单位换算，请确认单位标注无误。",
    },
  },
  check(ctx) {
    const m = ctx.model;
    // the tables of amounts that add up across the package (a “三公” table is often published in 万元 beside 元 tables)
    const main = new Set<TableKind>([...BUDGET_TABLES.filter((k) => k !== "three_public"), "econ_summary", "project_expense"]);
    for (const t of m.tables) {
      const at = [{ sheet: t.sheet, address: (t.titleCell ?? { address: t.range.split(":")[0] }).address }];
      if (m.year && t.year && t.year !== m.year && t.kind !== "self_evaluation")
        ctx.report({ messageId: "year", data: { table: t.kindName, year: t.year, majority: m.year }, cells: at, sheet: t.sheet });
      if (m.amountUnit && t.unit && t.unit !== m.amountUnit && main.has(t.kind))
        // each table's own unit rules and amounts are compared in 元: a different unit is worth a look, not an error
        ctx.report({ messageId: "unit", level: "warning", data: { table: t.kindName, unit: t.unit, majority: m.amountUnit }, cells: at, sheet: t.sheet });
    }
  },
};
export default rule;
