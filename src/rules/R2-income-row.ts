import { rowTotalsRule } from "./lib/rowTotals";

/** R2 收入总表：每行 合计 = 本年收入 + 上年结转，本年收入 = 各收入来源之和。 */
export default rowTotalsRule("R2-income-row", "收入总表每行：合计 = 本年收入 + 上年结转，本年收入 = 各项收入之和", ["income_summary"]);
