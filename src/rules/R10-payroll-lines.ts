import { codedTerm } from "../model/query/tables";
import type { Term } from "../model/terms";
import type { Rule } from "./types";

/** Functional 项 ↔ economic 款 pairs that pay the same payroll lines. */
const PAIRS: { functional: string[]; economic: string[]; what: string }[] = [
  { functional: ["2080505"], economic: ["30108"], what: "机关事业单位基本养老保险缴费" },
  { functional: ["2080506"], economic: ["30109"], what: "职业年金缴费" },
  { functional: ["2210201"], economic: ["30113"], what: "住房公积金" },
  { functional: ["2101101", "2101102"], economic: ["30110"], what: "职工基本医疗保险缴费" },
  { functional: ["2101103"], economic: ["30111"], what: "公务员医疗补助" },
];

/** R10（提示）工资福利类科目对应：2080505↔30108、2080506↔30109、2210201↔30113、2101101/2101102↔30110、2101103↔30111。 */
const rule: Rule = {
  meta: {
    id: "R10-payroll-lines",
    level: "提示",
    description:
      "功能分类与经济分类的社保缴费、公积金等科目金额应对应一致（2080505↔30108、2080506↔30109、2210201↔30113、2101101/2101102↔30110、2101103↔30111）",
    explanation:
      "同一笔社保缴费、住房公积金在功能分类和经济分类中各列一次，金额应对应相等：基本养老保险缴费 2080505 与 30108，职业年金 2080506 与 30109，住房公积金 2210201 与 30113，职工基本医疗保险 2101101、2101102 与 30110，公务员医疗补助 2101103 与 30111。不相等时请核实科目是否用错。",
    example:
      "一般公共预算财政拨款支出表 2080505 的基本支出 E10 为 71.99 万元，基本支出表 30108 机关事业单位基本养老保险缴费 D12 却为 72.99 万元，相差 1.00 万元：请核实两处的科目和金额。",
    tables: ["gpb_basic"],
    messages: {
      pair: "{what}：功能分类 {functional} 合计 {left}，经济分类 {economic} 为 {right}，相差 {diff}{unit}，{verdict}；请核实科目是否对应。",
    },
  },
  check(ctx) {
    const basic = ctx.tables("gpb_basic")[0];
    const fn = ctx.tables("gpb_expense")[0] ?? ctx.tables("expense_summary")[0];
    if (!basic || !fn) return;
    const role = fn.blocks[0]?.columns.some((c) => c.role === "基本支出") ? "基本支出" : "合计";
    for (const p of PAIRS) {
      const left = p.functional.map((c) => codedTerm(fn, c, role)).filter((x): x is Term => x !== undefined);
      const right = p.economic.map((c) => codedTerm(basic, c)).filter((x): x is Term => x !== undefined);
      if (left.length === 0 && right.length === 0) continue;
      ctx.equation({
        left,
        right,
        messageId: "pair",
        data: {
          what: p.what,
          functional: p.functional.join("+") + (left.length ? "" : "（无此科目）"),
          economic: p.economic.join("+") + (right.length ? "" : "（无此科目）"),
        },
        sheet: basic.sheet,
      });
    }
  },
};
export default rule;
