import R2 from "../../src/rules/R2-income-row";
import { ruleTester } from "./ruleTester";

ruleTester(R2, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a source column that does not add up to 本年收入",
      workbook: "seed000",
      edits: { "02收入总表!F9": 4.97 },
      errors: [
        {
          level: "error",
          messageId: "rowTotal",
          suspect: "02收入总表!F9",
          cells: ["02收入总表!E9", "02收入总表!F9", "02收入总表!G9", "02收入总表!H9", "02收入总表!I9", "02收入总表!J9", "02收入总表!K9", "02收入总表!L9"],
        },
      ],
    },
  ],
});
