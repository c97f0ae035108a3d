import { mainItems } from "../model/query/threePublic";
import { codedTerm } from "../model/query/tables";
import { showIn } from "../model/terms";
import type { Rule } from "./types";

/** R12（提示）“三公”公务用车运行维护费 ≥ 基本支出表 30231，公务接待费 ≥ 30217；有支出经济分类汇总表时应相等。 */
const rule: Rule = {
  meta: {
    id: "R12-three-public-vs-basic",
    level: "提示",
    description: "“三公”经费的公务用车运行维护费、公务接待费不应少于基本支出表的 30231、30217；有支出经济分类汇总表时应与之相等",
    explanation:
      "“三公”经费中的公务用车运行维护费、公务接待费包含基本支出中的同名支出，不应少于基本支出表的 30231 公务用车运行维护费、30217 公务接待费；有支出经济分类汇总表时，应与其中的同名科目相等。",
    example:
      "“三公”经费表公务用车运行维护费 C10 为 3.00 万元，基本支出表 30231 公务用车运行维护费 D28 为 4.00 万元，“三公”数比基本支出少 1.00 万元：请核实两表是否漏列或多列。",
    tables: ["three_public"],
    messages: {
      less: "{item} {left} 少于{basicLabel} {right}，相差 {diff}{unit}；“三公”经费应包含基本支出中的该项支出，请核实。",
      equal: "{leftLabel} {left} 应等于{rightLabel} {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    const tp = ctx.tables("three_public")[0];
    const items = tp && mainItems(tp);
    if (!items) return;
    const pairs = [
      { item: "运行" as const, code: "30231", name: "公务用车运行维护费" },
      { item: "公务接待" as const, code: "30217", name: "公务接待费" },
    ];
    const econ = ctx.tables("econ_summary")[0];
    const basic = ctx.tables("gpb_basic")[0];
    for (const p of pairs) {
      const mine = items.get(p.item);
      if (!mine) continue;
      if (econ) {
        const other = codedTerm(econ, p.code, "合计");
        if (other)
          ctx.equation({ left: [mine], right: [other], messageId: "equal", data: { leftLabel: mine.label, rightLabel: other.label }, sheet: tp.sheet });
        continue;
      }
      const b = basic && codedTerm(basic, p.code);
      if (b && mine.yuan.plus(mine.half).plus(b.half).lessThan(b.yuan)) {
        ctx.report({
          messageId: "less",
          data: {
            item: mine.label,
            left: showIn(mine.yuan, mine.unit),
            basicLabel: b.label,
            right: showIn(b.yuan, b.unit),
            diff: showIn(b.yuan.minus(mine.yuan), mine.unit),
            unit: mine.unit ?? "",
          },
          cells: [
            { sheet: mine.cell.sheet, address: mine.cell.address, side: "left" },
            { sheet: b.cell.sheet, address: b.cell.address, side: "right" },
          ],
          expected: `≥ ${showIn(b.yuan, mine.unit)}`,
          actual: showIn(mine.yuan, mine.unit),
          sheet: tp.sheet,
        });
      }
    }
  },
};
export default rule;
