import type { BudgetTable } from "../model/budgetModel";
import { bareName, hasAmounts, plainColumns, rowLabel } from "../model/query/tables";
import { showIn, termAt, termOfAmount } from "../model/terms";
import type { Rule, RuleContext } from "./types";

function checkLines(ctx: RuleContext, t: BudgetTable): void {
  const b = t.blocks[0];
  if (!b) return;
  const cols = plainColumns(b);
  const qty = cols.find((c) => /数量$/.test(c.role));
  const price = cols.find((c) => /单价$/.test(c.role));
  const amount = cols.find((c) => /^政府采购金额$|^(采购)?金额$/.test(c.role)) ?? cols.find((c) => /金额/.test(c.role) && !c.role.includes("/"));
  const items = b.rows.filter((r) => !r.isTotal && hasAmounts(r));
  if (qty && price && amount) {
    for (const r of items) {
      const q = r.amounts[qty.role];
      const p = r.amounts[price.role];
      const a = r.amounts[amount.role];
      if (!q || !p || !a) continue;
      const pt = termOfAmount(p, "单价");
      const at = termOfAmount(a, "金额");
      const product = q.value.times(pt.yuan);
      const tol = q.value.abs().times(pt.half).plus(at.half);
      const diff = at.yuan.minus(product);
      if (diff.isZero()) continue;
      const rounding = diff.abs().lessThanOrEqualTo(tol);
      ctx.report({
        messageId: "line",
        level: rounding ? "info" : undefined,
        data: {
          row: rowLabel(t, r),
          qty: q.value.toString(),
          price: showIn(pt.yuan, p.unit),
          product: showIn(product, a.unit),
          amount: showIn(at.yuan, a.unit),
          diff: showIn(diff, a.unit),
          unit: a.unit ?? "",
          verdict: rounding ? "在尾差范围内" : "超出尾差范围",
        },
        cells: [
          { sheet: t.sheet, address: a.cell.address, side: "left" },
          { sheet: t.sheet, address: q.cell.address, side: "right" },
          { sheet: t.sheet, address: p.cell.address, side: "right" },
        ],
        expected: showIn(product, a.unit),
        actual: showIn(at.yuan, a.unit),
        difference: showIn(diff, a.unit),
        tolerance: showIn(tol, a.unit),
        sheet: t.sheet,
      });
    }
  }
  const total = b.rows.find((r) => r.isTotal);
  if (total && items.length) {
    for (const col of plainColumns(b).filter((c) => c !== qty && c !== price)) {
      ctx.equation({
        left: [termAt(t, total, col)],
        right: items.map((r) => termAt(t, r, col)),
        messageId: "total",
        data: { row: rowLabel(t, total), column: col.role, count: items.length },
        sheet: t.sheet,
      });
    }
  }
}

/** 决算 公开10：政府采购 合计 = 货物 + 工程 + 服务。 */
function checkFinalStats(ctx: RuleContext, t: BudgetTable): void {
  const b = t.blocks[0];
  if (!b) return;
  const idx = b.rows.findIndex((r) => r.isTotal);
  if (idx < 0) return;
  const parts = b.rows.slice(idx + 1, idx + 4).filter((r) => /^(货物|工程|服务)/.test(bareName(r.name)));
  const col = plainColumns(b)[0];
  if (parts.length === 0 || !col) return;
  ctx.equation({
    left: [termAt(t, b.rows[idx], col, "政府采购合计")],
    right: parts.map((r) => termAt(t, r, col, bareName(r.name))),
    messageId: "kinds",
    data: { table: t.kindName },
    sheet: t.sheet,
  });
}

/** R14 政府采购：数量 × 单价 = 金额，合计 = 各项之和；决算：政府采购合计 = 货物 + 工程 + 服务。 */
const rule: Rule = {
  meta: {
    id: "R14-procurement",
    level: "强制",
    description: "政府采购：数量 × 单价 = 金额，合计 = 各项之和；决算：政府采购支出合计 = 货物 + 工程 + 服务",
    explanation: "政府采购表每一行的数量乘以单价应等于金额，合计应等于各行之和；决算的相关信息统计表中，政府采购支出合计应等于货物、工程、服务三类之和。",
    example:
      "政府采购预算表第 8 行“金属质柜类”数量 F8 为 10、单价 G8 为 900 元，应为 9,000.00 元，金额 H8 却是 8,500.00 元，相差 500.00 元：数量、单价或金额有一处填错。",
    tables: ["procurement", "final_info_stats"],
    messages: {
      line: "{row}：数量 {qty} × 单价 {price} = {product}，但金额为 {amount}，相差 {diff}{unit}，{verdict}。",
      total: "{row}的「{column}」{left} 应等于 {count} 项之和 {right}，相差 {diff}{unit}，{verdict}。",
      kinds: "「{table}」政府采购合计 {left} 应等于 货物 + 工程 + 服务 {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    for (const t of ctx.tables("procurement")) checkLines(ctx, t);
    for (const t of ctx.tables("final_info_stats")) checkFinalStats(ctx, t);
  },
};
export default rule;
