import R8row from "../../src/rules/R8-basic-row";
import { ruleTester } from "./ruleTester";

ruleTester(R8row, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "合计 ≠ 人员经费 + 公用经费",
      workbook: "seed000",
      edits: { "06基本支出表!E9": 45 },
      errors: [{ level: "error", messageId: "rowTotal", suspect: "06基本支出表!E9", cells: ["06基本支出表!D9", "06基本支出表!E9", "06基本支出表!F9"] }],
    },
    {
      name: "seed002's published 合计 899.16 vs 899.17 is a 尾差",
      workbook: "seed002",
      edits: {},
      errors: [
        {
          level: "info",
          messageId: "rowTotal",
          cells: ["06基本支出表!D6", "06基本支出表!E6", "06基本支出表!F6"],
          message:
            "「一般公共预算财政拨款基本支出表」第6行「合计」：合计 899.16 应等于 人员经费 + 公用经费 之和 899.17，相差 -0.01万元，在 ±0.015万元 尾差范围内。",
        },
      ],
    },
  ],
});
