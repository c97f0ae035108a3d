import R4 from "../../src/rules/R4-functional-hierarchy";
import { ruleTester } from "./ruleTester";

ruleTester(R4, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a 项 that no longer adds up to its 款",
      workbook: "seed000",
      edits: { "02收入总表!D9": 5.87 },
      errors: [
        {
          level: "error",
          messageId: "childrenSum",
          suspect: "02收入总表!D9",
          cells: ["02收入总表!D8", "02收入总表!D9", "02收入总表!D10", "02收入总表!D11"],
          message: "「收入总表」第8行「20805 行政事业单位养老支出」的「合计」115.18 应等于其下 3 个项之和 116.17，相差 -0.99万元，超出 ±0.02万元 的尾差范围。",
        },
      ],
    },
    {
      name: "rounding gaps of the published 万元 tables are 尾差, not errors",
      workbook: "seed000",
      edits: {},
      errors: [],
    },
  ],
});
