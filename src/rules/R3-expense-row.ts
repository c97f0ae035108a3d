import { rowTotalsRule } from "./lib/rowTotals";

/** R3 支出类表：每行 合计 = 基本支出 + 项目支出（+ 经营支出 + 上解上级 + 对附属单位补助）。 */
export default rowTotalsRule(
  "R3-expense-row",
  {
    description: "支出类表每行：合计 = 基本支出 + 项目支出（+ 经营支出等），基本支出 = 人员经费 + 公用经费各项",
    explanation:
      "支出总表、一般公共预算财政拨款支出表等支出类表的每一行，合计应等于基本支出与项目支出（以及经营支出等）之和；表中把基本支出分列为工资福利支出、商品和服务支出等细项时，基本支出还应等于这些细项之和。",
    example:
      "支出总表第 14 行“2101101 行政单位医疗”合计 D14 为 29.16 万元，基本支出 E14 却填成 29.96 万元，项目支出为空，相差 0.80 万元，超出尾差范围：E14 很可能填错。",
  },
  ["expense_summary", "gpb_expense", "gov_fund_expense", "soe_expense", "project_expense"],
);
