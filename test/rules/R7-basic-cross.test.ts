import R7 from "../../src/rules/R7-basic-cross";
import { ruleTester } from "./ruleTester";

ruleTester(R7, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "基本支出表合计 ≠ 一般公共预算支出表基本支出",
      workbook: "seed000",
      edits: { "06基本支出表!D6": 805.74 },
      errors: [{ level: "error", messageId: "basic", suspect: "06基本支出表!D6", cells: ["05一般公共预算支出表!E6", "06基本支出表!D6"] }],
    },
    {
      name: "支出总表 and 一般公共预算支出表 disagree on a 项 when all funds are 一般公共预算",
      workbook: "seed000",
      edits: { "05一般公共预算支出表!F21": 56.52 },
      errors: [{ level: "error", messageId: "sameRow", cells: ["03支出总表!F21", "05一般公共预算支出表!F21"], suspect: "05一般公共预算支出表!F21" }],
    },
  ],
});
