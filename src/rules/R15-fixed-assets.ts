import { hasAmounts, plainColumns, rowLabel } from "../model/query/tables";
import { termAt } from "../model/terms";
import type { Rule } from "./types";

/** R15 固定资产占用情况表：合计（资产总额）= 各类资产之和（金额和数量）。 */
const rule: Rule = {
  meta: {
    id: "R15-fixed-assets",
    level: "强制",
    description: "固定资产占用情况表：合计（资产总额）= 房屋、车辆、设备、其他固定资产之和（金额和数量）",
    explanation: "固定资产占用情况表中，合计和资产总额的价值与数量，应等于房屋、车辆、设备、其他固定资产等各类资产之和。",
    example:
      "固定资产占用情况表合计价值 C4 为 89.44 万元，车辆 C8 填成 22.98 万元，加上其他固定资产 C10 的 67.46 万元为 90.44 万元，相差 1.00 万元：合计或某一类资产填错。",
    tables: ["fixed_assets"],
    messages: {
      total: "{row}的「{column}」{left} 应等于各类资产之和 {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    for (const t of ctx.tables("fixed_assets")) {
      const b = t.blocks[0];
      if (!b) continue;
      const categories = b.rows.filter((r) => /^\d+[、.．]/.test(r.name));
      const totals = b.rows.filter((r) => r.isTotal || /^资产总额$/.test(r.name));
      if (categories.length === 0) continue;
      for (const total of totals) {
        if (!hasAmounts(total) && !categories.some(hasAmounts)) continue;
        for (const col of plainColumns(b)) {
          ctx.equation({
            left: [termAt(t, total, col)],
            right: categories.map((r) => termAt(t, r, col)),
            messageId: "total",
            data: { row: rowLabel(t, total), column: col.role },
            sheet: t.sheet,
          });
        }
      }
    }
  },
};
export default rule;
