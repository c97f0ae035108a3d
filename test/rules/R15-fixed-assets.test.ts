import R15 from "../../src/rules/R15-fixed-assets";
import { ruleTester } from "./ruleTester";

ruleTester(R15, {
  valid: ["seed000", "seed001-dept", "seed002"],
  invalid: [
    {
      name: "a category that no longer adds up; two totals fail but cannot tell which category",
      workbook: "seed000",
      edits: { "固定资产!C8": 22.98 },
      errors: [
        {
          level: "error",
          cells: ["固定资产!C4", "固定资产!C6", "固定资产!C8", "固定资产!C9", "固定资产!C10"],
          suspect: null,
          message: "「固定资产占用情况表」第4行「合计」的「价值」89.44 应等于各类资产之和 90.44，相差 -1.00万元，超出 ±0.015万元 的尾差范围。",
        },
        { level: "error", cells: ["固定资产!C5", "固定资产!C6", "固定资产!C8", "固定资产!C9", "固定资产!C10"], suspect: null },
      ],
    },
  ],
});
