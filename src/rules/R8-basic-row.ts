import { rowTotalsRule } from "./lib/rowTotals";

/** R8 基本支出表（及经济分类汇总表）：每行 合计 = 人员经费 + 公用经费（或各资金来源之和）。 */
export default rowTotalsRule("R8-basic-row", "基本支出表每行：合计 = 人员经费 + 公用经费；经济分类汇总表每行：合计 = 各资金来源之和", [
  "gpb_basic",
  "econ_summary",
]);
