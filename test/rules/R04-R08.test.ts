import R4 from "../../src/rules/R04-functional-hierarchy";
import R8row from "../../src/rules/R08-basic-row";
import R8 from "../../src/rules/R08-economic-hierarchy";
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

ruleTester(R8, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "an economic 款 that breaks its 类",
      workbook: "seed000",
      edits: { "06基本支出表!E9": 45 },
      errors: [
        {
          level: "error",
          messageId: "childrenSum",
          suspect: "06基本支出表!E9",
          message: /^「一般公共预算财政拨款基本支出表」第7行「301 工资福利支出」的「人员经费」709.73 应等于其下 10 个款之和 710.72/,
        },
      ],
    },
  ],
});

ruleTester(R8row, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "合计 ≠ 人员经费 + 公用经费",
      workbook: "seed000",
      edits: { "06基本支出表!E9": 45 },
      errors: [{ level: "error", messageId: "rowTotal", suspect: "06基本支出表!E9", cells: ["06基本支出表!D9", "06基本支出表!E9", "06基本支出表!F9"] }],
    },
    {
      name: "seed002's published 合计 899.16 vs 899.17 is a 尾差",
      workbook: "seed002",
      edits: {},
      errors: [
        {
          level: "info",
          messageId: "rowTotal",
          cells: ["06基本支出表!D6", "06基本支出表!E6", "06基本支出表!F6"],
          message:
            "「一般公共预算财政拨款基本支出表」第6行「合计」：合计 899.16 应等于 人员经费 + 公用经费 之和 899.17，相差 -0.01万元，在 ±0.015万元 尾差范围内。",
        },
      ],
    },
  ],
});
