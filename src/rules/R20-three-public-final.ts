import { ITEM_NAMES, threePublicItems } from "../model/query/threePublic";
import { showIn } from "../model/terms";
import type { Rule } from "./types";

/** R20（提示）决算“三公”经费：决算数超过预算数时应说明原因。 */
const rule: Rule = {
  meta: {
    id: "R20-three-public-final",
    level: "提示",
    description: "决算“三公”经费：各项决算数不应超过预算数，超过时须说明原因",
    explanation: "决算“三公”经费表中，各项的决算数一般不应超过预算数；超过时应在情况说明中说明原因。",
    example: "“三公”经费支出决算表公务接待费决算数 L8 为 0.26 万元，预算数 F8 为 0.16 万元，超出 0.10 万元：请在情况说明中写明超出预算的原因。",
    tables: ["three_public"],
    messages: {
      over: "「{item}」决算数 {actual} 超过预算数 {budget}，超出 {diff}{unit}；请在情况说明中说明原因。",
    },
  },
  check(ctx) {
    for (const t of ctx.tables("three_public")) {
      const all = threePublicItems(t);
      const budget = all.get("预算数");
      const final = all.get("决算数");
      if (!budget || !final) continue;
      for (const [item, f] of final) {
        const b = budget.get(item);
        if (!b || f.yuan.minus(f.half).lessThanOrEqualTo(b.yuan.plus(b.half))) continue;
        ctx.report({
          messageId: "over",
          data: {
            item: ITEM_NAMES[item],
            actual: showIn(f.yuan, f.unit),
            budget: showIn(b.yuan, b.unit),
            diff: showIn(f.yuan.minus(b.yuan), f.unit),
            unit: f.unit ?? "",
          },
          cells: [
            { sheet: t.sheet, address: f.cell.address, side: "left" },
            { sheet: t.sheet, address: b.cell.address, side: "right" },
          ],
          expected: `≤ ${showIn(b.yuan, b.unit)}`,
          actual: showIn(f.yuan, f.unit),
          sheet: t.sheet,
        });
      }
    }
  },
};
export default rule;
