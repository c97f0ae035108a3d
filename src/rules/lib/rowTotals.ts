/** Row identities (横向): in every row, a column equals the sum of its share columns. */
import type { TableKind } from "../../model/tableKinds";
import { termAt } from "../terms";
import type { Rule } from "../types";
import { columnGroups, hasAmounts, rowLabel } from "./tables";

export function rowTotalsRule(id: string, description: string, kinds: TableKind[]): Rule {
  return {
    meta: {
      id,
      level: "强制",
      description,
      tables: kinds,
      messages: {
        rowTotal: "{row}：{parent} {left} 应等于 {shares} 之和 {right}，相差 {diff}{unit}，{verdict}。",
      },
    },
    check(ctx) {
      for (const t of ctx.tables(...kinds)) {
        for (const b of t.blocks) {
          const groups = columnGroups(b).map((g) => ({ ...g, sharesText: g.shares.map((c) => c.role.split("/").pop()).join(" + ") }));
          for (const r of b.rows) {
            if (!hasAmounts(r)) continue;
            for (const g of groups) {
              ctx.equation({
                left: [termAt(t, r, g.parent)],
                right: g.shares.map((c) => termAt(t, r, c)),
                messageId: "rowTotal",
                data: () => ({ row: rowLabel(t, r), parent: g.parent.role, shares: g.sharesText }),
                sheet: t.sheet,
              });
            }
          }
        }
      }
    },
  };
}
