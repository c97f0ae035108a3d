import { rowTotalsRule } from "./lib/rowTotals";

/** R3 支出类表：每行 合计 = 基本支出 + 项目支出（+ 经营支出 + 上解上级 + 对附属单位补助）。 */
export default rowTotalsRule("R3-expense-row", "支出类表每行：合计 = 基本支出 + 项目支出（+ 经营支出等），基本支出 = 人员经费 + 公用经费各项", [
  "expense_summary",
  "gpb_expense",
  "gov_fund_expense",
  "soe_expense",
  "project_expense",
]);
