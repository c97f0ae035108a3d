import R5 from "../../src/rules/R05-cross-totals";
import R6row from "../../src/rules/R06-fiscal-row";
import R6 from "../../src/rules/R06-fiscal-summary";
import R7 from "../../src/rules/R07-basic-cross";
import { ruleTester } from "./ruleTester";

ruleTester(R5, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "收支总表 类 amount that disagrees with 支出总表 and 收入总表",
      workbook: "seed000",
      edits: { "01收支总表!E13": 115.28 },
      errors: [
        {
          level: "error",
          cells: ["01收支总表!E13", "03支出总表!D7"],
          suspect: "01收支总表!E13",
          message:
            "「收支总表」八、社会保障和就业支出 115.28 应等于「支出总表」第7行「208 社会保障和就业支出」合计 115.18，相差 0.10万元，超出 ±0.01万元 的尾差范围。",
        },
        { level: "error", cells: ["01收支总表!E13", "02收入总表!D7"], suspect: "01收支总表!E13" },
      ],
    },
  ],
});

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
