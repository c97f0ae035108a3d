import R16 from "../../src/rules/R16-project-performance";
import { ruleTester } from "./ruleTester";

ruleTester(R16, {
  valid: ["seed000", "seed002"],
  invalid: [
    {
      name: "a project's 预算数 that breaks the 项目支出 total and its own 12月底 plan",
      workbook: "seed000",
      edits: { "绩效目标-办公室整修!C4": 60 },
      errors: [
        {
          level: "error",
          messageId: "sum",
          suspect: "绩效目标-办公室整修!C4",
          message: "8 张项目绩效目标表的预算数之和 8268.72 应等于「支出总表」项目支出合计 8258.72，相差 -10.00万元，超出 ±0.045万元 的尾差范围。",
        },
        { level: "warning", messageId: "plan", cells: ["绩效目标-办公室整修!C4", "绩效目标-办公室整修!F7"], suspect: "绩效目标-办公室整修!C4" },
      ],
    },
  ],
});
