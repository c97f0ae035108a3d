import X5 from "../../src/rules/X5-fixed-assets-date";
import { ruleTester } from "./ruleTester";

ruleTester(X5, {
  valid: ["seed000", "seed002"],
  invalid: [
    {
      name: "seed001: 2021 budget with assets as of 2021-12-31",
      workbook: "seed001-dept",
      edits: {},
      errors: [{ level: "warning", cells: ["固定资产!C2"], message: "「固定资产占用情况表」截止时间为 2021-12-31，2021 年预算应填上年末 2020-12-31。" }],
    },
  ],
});
