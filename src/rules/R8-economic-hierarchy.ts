import { hierarchyRule } from "./lib/hierarchy";

/** R8 基本支出表：301/302/303… 类 = 所属款之和，合计 = 各类之和。 */
export default hierarchyRule("R8-economic-hierarchy", "经济分类科目逐级汇总：类 = 所属款之和，合计 = 各类之和", ["gpb_basic", "econ_summary"], "经济分类");
