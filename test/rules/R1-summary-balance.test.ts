import rule from "../../src/rules/R1-summary-balance";
import { ruleTester } from "./ruleTester";

ruleTester(rule, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a 类 row of 收支总表 that no longer adds up (three equations agree on the cell)",
      workbook: "seed000",
      edits: { "01收支总表!E13": 115.28 },
      errors: [
        {
          level: "error",
          messageId: "sum",
          suspect: "01收支总表!E13",
          message: /^「收支总表」第37行「本年支出合计」的「预算数」9064.36 应等于 31 个支出项目 之和 9064.46，相差 -0.10万元，超出 ±0.02万元 的尾差范围。$/,
        },
      ],
    },
    {
      name: "an income row alone: one failing equation cannot tell the cell",
      workbook: "seed000",
      edits: { "01收支总表!C6": 9064.46 },
      errors: [
        {
          level: "error",
          messageId: "sum",
          suspect: null,
          cells: ["01收支总表!C37", "01收支总表!C6", "01收支总表!C7", "01收支总表!C8", "01收支总表!C9", "01收支总表!C10"],
        },
      ],
    },
    {
      name: "收入总计 ≠ 支出总计",
      workbook: "seed000",
      edits: { "01收支总表!C39": 9064.26 },
      errors: [
        { level: "error", messageId: "sum", cells: ["01收支总表!C39", "01收支总表!C37", "01收支总表!C38"] },
        {
          level: "error",
          messageId: "balance",
          cells: ["01收支总表!C39", "01收支总表!E39"],
          message: "「收支总表」收入总计 9064.26 应等于 支出总计 9064.36，相差 -0.10万元，超出 ±0.01万元 的尾差范围。",
        },
      ],
    },
  ],
});
