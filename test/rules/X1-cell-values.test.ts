import X1 from "../../src/rules/X1-cell-values";
import { ruleTester } from "./ruleTester";

ruleTester(X1, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "an error value, a number typed as text and words in an amount cell",
      workbook: "seed000",
      edits: { "03支出总表!D14": "#REF!", "03支出总表!E14": "29.16", "03支出总表!F21": "五十五" },
      errors: [
        { level: "error", messageId: "errorValue", cells: ["03支出总表!D14"], message: "「支出总表」D14 是错误值 #REF!，该金额无法读取。" },
        { level: "warning", messageId: "notNumber", cells: ["03支出总表!F21"], message: "「支出总表」F21 的金额栏中是文字「五十五」，未计入任何合计。" },
        {
          level: "warning",
          messageId: "textNumbers",
          cells: ["03支出总表!E14"],
          message: "「支出总表」有 1 个金额单元格以文本形式存储（如 E14「29.16」），已按显示的数字读取；建议转换为数值格式。",
        },
      ],
    },
    {
      name: "a formula saved without its result",
      workbook: "seed000",
      edits: { "03支出总表!D6": { formula: "SUM(D7,D12,D23)", value: null } },
      errors: [
        {
          level: "warning",
          messageId: "uncalculated",
          cells: ["03支出总表!D6"],
          message:
            "「支出总表」D6 的公式 =SUM(D7,D12,D23) 没有计算结果（文件由程序生成后未在 Excel 中计算），该金额无法读取；请在 Excel 中打开、重新计算并保存。",
        },
      ],
    },
  ],
});
