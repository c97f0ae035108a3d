import R11col from "../../src/rules/R11-three-public-columns";
import { ruleTester } from "./ruleTester";

ruleTester(R11col, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "合计 ≠ 一般公共预算 + 基金 + 国资",
      workbook: "seed000",
      edits: { "09三公经费!C8": 3.1 },
      errors: [{ level: "error", cells: ["09三公经费!C8", "09三公经费!D8", "09三公经费!E8", "09三公经费!F8"], suspect: "09三公经费!C8" }],
    },
  ],
});
