/** Column sums (纵向): 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, in every amount column. */
import type { TableKind } from "../../model/tableKinds";
import type { Rule } from "../types";
import { hierarchySums, rowLabel } from "./tables";

export function hierarchyRule(id: string, description: string, kinds: TableKind[], system: "功能分类" | "经济分类"): Rule {
  return {
    meta: {
      id,
      level: "强制",
      description,
      tables: kinds,
      messages: {
        childrenSum: "{row}的「{column}」{left} 应等于其下 {count} 个{childLevel}之和 {right}，相差 {diff}{unit}，{verdict}。",
        totalSum: "{row}的「{column}」{left} 应等于 {count} 个{childLevel}之和 {right}，相差 {diff}{unit}，{verdict}。",
      },
    },
    check(ctx) {
      for (const t of ctx.tables(...kinds)) {
        for (const b of t.blocks) {
          for (const s of hierarchySums(t, b, system)) {
            ctx.equation({
              left: [s.parent],
              right: s.children,
              messageId: s.parentRow.isTotal ? "totalSum" : "childrenSum",
              data: () => {
                const childLen = s.parentRow.code ? s.parentRow.code.length + 2 : 3;
                const childLevel = childLen === 3 ? "类" : childLen === 5 ? "款" : "项";
                return { row: rowLabel(t, s.parentRow), column: s.column.role, count: s.children.length, childLevel: s.parentRow.isTotal ? "顶层科目" : childLevel };
              },
              sheet: t.sheet,
            });
          }
        }
      }
    },
  };
}
