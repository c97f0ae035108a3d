import R3 from "../../src/rules/R3-expense-row";
import { ruleTester } from "./ruleTester";

ruleTester(R3, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a 基本支出 cell that breaks its row, its 款 and the same row of 一般公共预算支出表",
      workbook: "seed000",
      edits: { "03支出总表!E14": 29.96 },
      errors: [
        {
          level: "error",
          messageId: "rowTotal",
          suspect: "03支出总表!E14",
          cells: ["03支出总表!D14", "03支出总表!E14", "03支出总表!F14", "03支出总表!G14", "03支出总表!H14", "03支出总表!I14"],
          message:
            "「支出总表」第14行「2101101 行政单位医疗」：合计 29.16 应等于 基本支出 + 项目支出 + 经营支出 + 上解上级支出 + 对附属单位补助支出 之和 29.96，相差 -0.80万元，超出 ±0.01万元 的尾差范围。",
        },
      ],
    },
    {
      name: "the Henan 基本支出 split (人员经费 and 公用经费 parts)",
      workbook: "seed003",
      edits: { "03支出总体情况表!H13": 108.89 },
      errors: [
        {
          level: "error",
          messageId: "rowTotal",
          cells: ["03支出总体情况表!G13", "03支出总体情况表!H13", "03支出总体情况表!I13", "03支出总体情况表!J13", "03支出总体情况表!K13"],
        },
      ],
    },
  ],
});
