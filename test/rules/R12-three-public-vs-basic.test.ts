import R12 from "../../src/rules/R12-three-public-vs-basic";
import { ruleTester } from "./ruleTester";

ruleTester(R12, {
  valid: ["seed000", "seed001-dept", "seed002", "seed004"],
  invalid: [
    {
      name: "基本支出 30231 larger than the “三公” 公务用车运行维护费",
      workbook: "seed000",
      edits: { "06基本支出表!D28": 4 },
      errors: [{ level: "warning", messageId: "less", cells: ["09三公经费!C10", "06基本支出表!D28"] }],
    },
    {
      name: "seed003: 三公 运行维护费 1.20 vs 经济分类汇总表 30231 3.70",
      workbook: "seed003",
      edits: {},
      errors: [
        {
          level: "warning",
          messageId: "equal",
          cells: ["08三公经费支出情况表!E5", "07支出经济分类汇总表!G16"],
          message:
            "「财政拨款“三公”经费支出表」公务用车运行维护费 1.20 应等于「支出经济分类汇总表」第16行「30231 公务用车运行维护费」 3.70，相差 -2.50万元，超出 ±0.01万元 的尾差范围。",
        },
      ],
    },
  ],
});
