import { rowTotalsRule } from "./lib/rowTotals";

/** R6 财政拨款收支总表：每个支出科目 合计 = 一般公共预算 + 政府性基金 + 国有资本经营。 */
export default rowTotalsRule("R6-fiscal-row", "财政拨款收支总表每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算", ["fiscal_summary"]);
