import { rowTotalsRule } from "./lib/rowTotals";

/** R8 基本支出表（及经济分类汇总表）：每行 合计 = 人员经费 + 公用经费（或各资金来源之和）。 */
export default rowTotalsRule(
  "R8-basic-row",
  {
    description: "基本支出表每行：合计 = 人员经费 + 公用经费；经济分类汇总表每行：合计 = 各资金来源之和",
    explanation: "基本支出表的每一行，合计应等于人员经费与公用经费之和；支出经济分类汇总表的每一行，合计应等于各资金来源之和。",
    example: "基本支出表第 9 行“30102 津贴补贴”合计 D9 为 44.00 万元，人员经费 E9 却填成 45.00 万元，公用经费为空，相差 1.00 万元：D9 和 E9 中有一个填错。",
  },
  ["gpb_basic", "econ_summary"],
);
