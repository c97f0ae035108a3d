import { hierarchyRule } from "./lib/hierarchy";

/** R4 功能分类表：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和（每个金额列）。 */
export default hierarchyRule(
  "R4-functional-hierarchy",
  {
    description: "功能分类科目逐级汇总：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和",
    explanation:
      "按功能分类科目列示的收入表、支出表中，每个类的金额应等于其下各款之和，每个款应等于其下各项之和，合计行应等于各类之和，每个金额列都要逐级相符。",
    example:
      "收入总表第 8 行“20805 行政事业单位养老支出”合计 D8 为 115.18 万元，其下三个项 D9、D10、D11 为 4.87 + 71.99 + 38.31 = 115.17 万元，相差 0.01 万元：这是万元取两位小数造成的尾差，在允许范围内；若 D9 填成 5.87 万元，相差 0.99 万元，就是必须修改的错误。",
  },
  ["income_summary", "expense_summary", "gpb_expense", "gov_fund_expense", "soe_expense"],
  "功能分类",
);
