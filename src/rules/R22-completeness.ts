import type { TableKind } from "../model/tableKinds";
import { specOf } from "../model/tableKinds";
import { tableHasData } from "../model/query/tables";
import type { Rule } from "./types";

const BUDGET_TABLES: TableKind[] = [
  "income_expense_summary",
  "income_summary",
  "expense_summary",
  "fiscal_summary",
  "gpb_expense",
  "gpb_basic",
  "gov_fund_expense",
  "soe_expense",
  "three_public",
];
const FINAL_TABLES: TableKind[] = [...BUDGET_TABLES, "final_info_stats"];
const EMPTY_NOTE = /空表|本表无数据|无数据|本表为空/;

/** R22 必须公开的表齐全；没有数据的表注明“空表列示”，有数据的表不得注明空表。 */
const rule: Rule = {
  meta: {
    id: "R22-completeness",
    level: "强制",
    description: "必须公开的表齐全；没有数据的表应注明“无…，空表列示”；有数据的表不应注明空表",
    tables: [],
    messages: {
      missing: "缺少必须公开的「{table}」。",
      emptyWithoutNote: "「{table}」没有数据，但表下没有“无…，空表列示”的说明。",
      noteWithData: "「{table}」有数据，但表下注明“{note}”，说明与表格内容矛盾。",
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.tables.length === 0 || !m.documentKind) return;
    const required = m.documentKind === "决算" ? FINAL_TABLES : BUDGET_TABLES;
    for (const kind of required) {
      if (!m.tables.some((t) => t.kind === kind)) ctx.report({ messageId: "missing", data: { table: specOf(kind).name }, cells: [] });
    }
    for (const t of m.tables) {
      if (t.blocks.length === 0) continue;
      const note = t.notes.find((n) => EMPTY_NOTE.test(n.text));
      const hasData = tableHasData(t);
      const at = t.titleCell ?? { sheet: t.sheet, address: t.range.split(":")[0] };
      if (!hasData && !note)
        ctx.report({ messageId: "emptyWithoutNote", data: { table: t.kindName }, cells: [{ sheet: t.sheet, address: at.address }], sheet: t.sheet });
      if (hasData && note)
        ctx.report({
          messageId: "noteWithData",
          data: { table: t.kindName, note: note.text },
          cells: [{ sheet: note.cell.sheet, address: note.cell.address }],
          suspect: note.cell,
          sheet: t.sheet,
        });
    }
  },
};
export default rule;
