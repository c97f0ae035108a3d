import R5 from "../../src/rules/R5-cross-totals";
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
