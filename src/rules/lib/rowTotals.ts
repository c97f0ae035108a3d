/** Row identities (横向): in every row, a column equals the sum of its share columns. */
import type { TableKind } from "../../model/tableKinds";
import type { CellSumInput, Rule, RuleText } from "../types";
import { columnGroups, hasAmounts, rowLabel } from "../../model/query/tables";

/** The message's placeholders for a row's total in one column group. */
function rowData(e: CellSumInput): Record<string, string | number> {
  const shares = Array.isArray(e.cols) ? e.cols : [e.cols];
  return { row: rowLabel(e.table, e.row), parent: e.col.role, shares: shares.map((c) => c.role.split("/").pop()).join(" + ") };
}

export function rowTotalsRule(id: string, text: RuleText, kinds: TableKind[]): Rule {
  return {
    meta: {
      id,
      level: "强制",
      ...text,
      tables: kinds,
      messages: {
        rowTotal: "{row}：{parent} {left} 应等于 {shares} 之和 {right}，相差 {diff}{unit}，{verdict}。",
      },
    },
    check(ctx) {
      for (const table of ctx.tables(...kinds)) {
        for (const b of table.blocks) {
          const groups = columnGroups(b);
          for (const row of b.rows) {
            if (!hasAmounts(row)) continue;
            for (const g of groups) ctx.cellSum({ table, row, col: g.parent, rows: row, cols: g.shares, messageId: "rowTotal", data: rowData });
          }
        }
      }
    },
  };
}
