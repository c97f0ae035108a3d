import R6row from "../../src/rules/R6-fiscal-row";
import { ruleTester } from "./ruleTester";

ruleTester(R6row, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "合计 ≠ 一般公共预算 + 基金 + 国资",
      workbook: "seed000",
      edits: { "04财政拨款收支总表!F13": 115.08 },
      errors: [
        {
          level: "error",
          suspect: "04财政拨款收支总表!F13",
          cells: ["04财政拨款收支总表!E13", "04财政拨款收支总表!F13", "04财政拨款收支总表!G13", "04财政拨款收支总表!H13"],
        },
      ],
    },
  ],
});
