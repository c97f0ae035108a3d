import R6 from "../../src/rules/R6-fiscal-summary";
import { ruleTester } from "./ruleTester";

ruleTester(R6, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "一般公共预算 column of 财政拨款收支总表 against its items and 一般公共预算支出表",
      workbook: "seed000",
      edits: { "04财政拨款收支总表!F13": 115.08 },
      errors: [
        { level: "error", messageId: "sum", suspect: "04财政拨款收支总表!F13" },
        { level: "error", messageId: "cross", suspect: "04财政拨款收支总表!F13", cells: ["04财政拨款收支总表!F13", "05一般公共预算支出表!D7"] },
      ],
    },
  ],
});
