/** Column sums (纵向): 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, in every amount column. */
import type { TableKind } from "../../model/tableKinds";
import type { CellSumInput, Rule, RuleText } from "../types";
import { hierarchyOf, rowLabel } from "../../model/query/tables";

/** The message's placeholders for a parent row's sum in one column. */
function sumData(e: CellSumInput): Record<string, string | number> {
  const count = Array.isArray(e.rows) ? e.rows.length : 1;
  const childLen = e.row.code ? e.row.code.length + 2 : 3;
  const childLevel = e.row.isTotal ? "顶层科目" : childLen === 3 ? "类" : childLen === 5 ? "款" : "项";
  return { row: rowLabel(e.table, e.row), column: e.col.role, count, childLevel };
}

export function hierarchyRule(id: string, text: RuleText, kinds: TableKind[], system: "功能分类" | "经济分类"): Rule {
  return {
    meta: {
      id,
      level: "强制",
      ...text,
      tables: kinds,
      messages: {
        childrenSum: "{row}的「{column}」{left} 应等于其下 {count} 个{childLevel}之和 {right}，相差 {diff}{unit}，{verdict}。",
        totalSum: "{row}的「{column}」{left} 应等于 {count} 个{childLevel}之和 {right}，相差 {diff}{unit}，{verdict}。",
      },
    },
    check(ctx) {
      for (const table of ctx.tables(...kinds)) {
        for (const b of table.blocks) {
          const { parents, columns } = hierarchyOf(b, system);
          for (const col of columns) {
            for (const p of parents) {
              ctx.cellSum({ table, row: p.row, col, rows: p.children, cols: col, messageId: p.row.isTotal ? "totalSum" : "childrenSum", data: sumData });
            }
          }
        }
      }
    },
  };
}
