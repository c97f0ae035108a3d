import { hierarchyRule } from "./lib/hierarchy";

/** R4 功能分类表：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和（每个金额列）。 */
export default hierarchyRule(
  "R4-functional-hierarchy",
  "功能分类科目逐级汇总：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和",
  ["income_summary", "expense_summary", "gpb_expense", "gov_fund_expense", "soe_expense"],
  "功能分类",
);
