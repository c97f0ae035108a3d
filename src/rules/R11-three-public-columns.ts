import { rowTotalsRule } from "./lib/rowTotals";

/** R11 “三公”经费表（按列）：合计 = 一般公共预算 + 政府性基金 + 国有资本经营；决算表 预算数/决算数 = 各项之和。 */
export default rowTotalsRule(
  "R11-three-public-columns",
  "“三公”经费表：合计 = 各资金来源之和；“三公”合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费（按列排列时）",
  ["three_public"],
);
