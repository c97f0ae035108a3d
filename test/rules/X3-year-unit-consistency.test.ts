import X3 from "../../src/rules/X3-year-unit-consistency";
import { ruleTester } from "./ruleTester";

ruleTester(X3, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a table of another year (an error) and a table in 元 (a 提示: amounts are compared in 元)",
      workbook: "seed000",
      edits: { "02收入总表!M2": "单位：元", "03支出总表!E2": "预算年度：2023" },
      errors: [
        { level: "error", messageId: "year", cells: ["03支出总表!A1"], message: "「支出总表」的年度是 2023 年，而其他表是 2024 年。" },
        {
          level: "warning",
          messageId: "unit",
          cells: ["02收入总表!A1"],
          message: "「收入总表」的金额单位是元，而其他表是万元；核对时已按各表自己的单位换算，请确认单位标注无误。",
        },
      ],
    },
  ],
});
