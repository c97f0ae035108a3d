import { hierarchyRule } from "./lib/hierarchy";

/** R8 基本支出表：301/302/303… 类 = 所属款之和，合计 = 各类之和。 */
export default hierarchyRule(
  "R8-economic-hierarchy",
  {
    description: "经济分类科目逐级汇总：类 = 所属款之和，合计 = 各类之和",
    explanation:
      "按经济分类科目列示的基本支出表和支出经济分类汇总表中，每个类（如 301 工资福利支出）应等于其下各款之和，合计行应等于各类之和，每个金额列都要相符。",
    example:
      "基本支出表“301 工资福利支出”的人员经费 E7 为 709.73 万元，其下 10 个款中 30102 津贴补贴 E9 填成 45.00 万元，各款之和变为 710.72 万元，相差 0.99 万元：E9 很可能填错。",
  },
  ["gpb_basic", "econ_summary"],
  "经济分类",
);
