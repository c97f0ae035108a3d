import { rowTotalsRule } from "./lib/rowTotals";

/** R2 收入总表：每行 合计 = 本年收入 + 上年结转，本年收入 = 各收入来源之和。 */
export default rowTotalsRule(
  "R2-income-row",
  {
    description: "收入总表每行：合计 = 本年收入 + 上年结转，本年收入 = 各项收入之和",
    explanation:
      "收入总表的每一行，合计应等于本年收入与上年结转之和，本年收入应等于财政拨款收入、事业收入等各项收入来源之和：同一行的各列是同一笔收入按来源的拆分。",
    example:
      "收入总表第 9 行“2080501 行政单位离退休”本年收入 E9 为 4.87 万元，财政拨款收入 F9 却填成 4.97 万元，其余来源为空，相差 0.10 万元，超出尾差范围：E9 和 F9 中有一个填错。",
  },
  ["income_summary"],
);
