import X3 from "../../src/rules/X3-year-unit-consistency";
import { ruleTester } from "./ruleTester";

ruleTester(X3, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a table in 元 and a table of another year",
      workbook: "seed000",
      edits: { "02收入总表!M2": "单位：元", "03支出总表!E2": "预算年度：2023" },
      errors: [
        { level: "error", messageId: "unit", cells: ["02收入总表!A1"], message: "「收入总表」的金额单位是元，而其他表是万元；各表单位应一致。" },
        { level: "error", messageId: "year", cells: ["03支出总表!A1"], message: "「支出总表」的年度是 2023 年，而其他表是 2024 年。" },
      ],
    },
  ],
});
