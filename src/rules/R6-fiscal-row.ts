import { rowTotalsRule } from "./lib/rowTotals";

/** R6 财政拨款收支总表：每个支出科目 合计 = 一般公共预算 + 政府性基金 + 国有资本经营。 */
export default rowTotalsRule(
  "R6-fiscal-row",
  {
    description: "财政拨款收支总表每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算",
    explanation: "财政拨款收支总表的每个支出项目，合计应等于一般公共预算、政府性基金预算、国有资本经营预算三类财政拨款之和。",
    example:
      "财政拨款收支总表“八、社会保障和就业支出”合计 E13 为 115.18 万元，一般公共预算财政拨款 F13 却填成 115.08 万元，另两类为空，相差 0.10 万元：E13 和 F13 中有一个填错。",
  },
  ["fiscal_summary"],
);
