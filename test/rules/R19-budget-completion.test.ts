import R19 from "../../src/rules/R19-budget-completion";
import { ruleTester } from "./ruleTester";

// variants/seed004-budget 公开05: C 年初预算数, D 调整预算数, E 本年支出小计, H 完成年初预算%; row 8 = 208
ruleTester(R19, {
  valid: ["variants/seed004-budget", "seed004"],
  invalid: [
    {
      name: "a 完成率 that is not 决算数 ÷ 年初预算数",
      workbook: "variants/seed004-budget",
      edits: { "公开05一般公共预算财政拨款支出决算表!H8": 34.25 },
      errors: [
        {
          level: "error",
          messageId: "rate",
          cells: ["公开05一般公共预算财政拨款支出决算表!H8", "公开05一般公共预算财政拨款支出决算表!E8", "公开05一般公共预算财政拨款支出决算表!C8"],
          suspect: "公开05一般公共预算财政拨款支出决算表!H8",
          message:
            "「一般公共预算财政拨款支出表」第8行「208 社会保障和就业支出」（合计）：完成率 34.25% 与 决算数 51.85 ÷ 年初预算数 151.50 = 34.2244% 不符（应为 34.22%）。",
        },
      ],
    },
  ],
});
