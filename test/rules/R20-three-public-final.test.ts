import R20 from "../../src/rules/R20-three-public-final";
import { ruleTester } from "./ruleTester";

ruleTester(R20, {
  valid: ["seed004"],
  invalid: [
    {
      name: "a 决算数 above its 预算数",
      workbook: "seed004",
      edits: { "公开09财政拨款三公经费支出决算表!L8": 0.26 },
      errors: [
        {
          level: "warning",
          cells: ["公开09财政拨款三公经费支出决算表!L8", "公开09财政拨款三公经费支出决算表!F8"],
          message: "「公务接待费」决算数 0.26 超过预算数 0.16，超出 0.10万元；请在情况说明中说明原因。",
        },
      ],
    },
  ],
});
