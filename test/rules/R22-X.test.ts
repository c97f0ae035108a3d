import R22 from "../../src/rules/R22-completeness";
import X1 from "../../src/rules/X01-cell-values";
import X2 from "../../src/rules/X02-formula-totals";
import X3 from "../../src/rules/X03-consistency";
import X4 from "../../src/rules/X04-code-structure";
import X5 from "../../src/rules/X05-fixed-assets-date";
import { ruleTester } from "./ruleTester";

ruleTester(R22, {
  valid: ["seed000", "seed002", "seed004"],
  invalid: [
    {
      name: "seed003: empty 政府性基金 and 国有资本经营 tables without a note",
      workbook: "seed003",
      edits: {},
      errors: [
        {
          level: "error",
          messageId: "emptyWithoutNote",
          cells: ["09政府性基金预算支出情况表!A1"],
          message: "「政府性基金预算财政拨款支出表」没有数据，但表下没有“无…，空表列示”的说明。",
        },
        { level: "error", messageId: "emptyWithoutNote", cells: ["11国有资本经营预算支出情况表!A1"] },
      ],
    },
    {
      name: "seed001: 空表 notes under 政府采购 and 固定资产 tables that have data",
      workbook: "seed001-dept",
      edits: {},
      errors: [
        { level: "error", messageId: "noteWithData", cells: ["政府采购!A12"], suspect: "政府采购!A12" },
        { level: "error", messageId: "noteWithData", cells: ["固定资产!A12"], suspect: "固定资产!A12" },
      ],
    },
  ],
});

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

ruleTester(X2, {
  valid: ["seed000", "seed004"],
  invalid: [
    {
      name: "a SUM that leaves out a detail row, and hard-coded totals among formula totals",
      workbook: "seed000",
      edits: {
        "03支出总表!D6": { formula: "SUM(D7,D12,D23)", value: 9064.36 },
        "03支出总表!D7": { formula: "SUM(D8)", value: 115.18 },
        "03支出总表!D8": { formula: "SUM(D9:D10)", value: 115.18 },
        "03支出总表!D12": { formula: "D13+D15+D17+D19", value: 8901.79 },
        "03支出总表!D13": { formula: "SUM(D14)", value: 29.16 },
        "03支出总表!D15": { formula: "SUM(D16)", value: 7544.13 },
      },
      errors: [
        {
          level: "warning",
          messageId: "omits",
          cells: ["03支出总表!D8", "03支出总表!D11"],
          suspect: "03支出总表!D8",
          message: "「支出总表」第8行「20805 行政事业单位养老支出」「合计」（D8）的公式 =SUM(D9:D10) 没有包含明细单元格 D11。",
        },
        { level: "warning", messageId: "hardCoded", cells: ["03支出总表!D17"] },
        { level: "warning", messageId: "hardCoded", cells: ["03支出总表!D19"] },
        { level: "warning", messageId: "hardCoded", cells: ["03支出总表!D23"] },
        { level: "warning", messageId: "hardCoded", cells: ["03支出总表!D24"] },
      ],
    },
  ],
});

ruleTester(X3, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a table in 元 and a table of another year",
      workbook: "seed000",
      edits: { "02收入总表!M2": "单位：元", "03支出总表!E2": "预算年度：2023" },
      errors: [
        { level: "error", messageId: "unit", cells: ["02收入总表!A1"], message: "「收入总表」的金额单位是元，而其他表是万元；各表单位应一致。" },
        { level: "error", messageId: "year", cells: ["03支出总表!A1"], message: "「支出总表」的年度是 2023 年，而其他表是 2024 年。" },
      ],
    },
  ],
});

ruleTester(X4, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a 款 without 项 and a 项 without its 款",
      workbook: "seed000",
      edits: { "03支出总表!B13": "21099" },
      errors: [
        { level: "warning", messageId: "notToXiang", cells: ["03支出总表!C13"] },
        {
          level: "warning",
          messageId: "parentMissing",
          cells: ["03支出总表!C14"],
          message: "「支出总表」第14行「2101101 行政单位医疗」的上级科目 21011 不在表中。",
        },
      ],
    },
  ],
});

ruleTester(X4, {
  valid: [],
  invalid: [
    {
      name: "a name that is not its code's standard name",
      workbook: "seed000",
      edits: { "03支出总表!C14": "事业单位医疗" },
      errors: [
        {
          level: "warning",
          messageId: "nameMismatch",
          cells: ["03支出总表!C14"],
          suspect: "03支出总表!C14",
          message:
            "「支出总表」第14行「2101101 事业单位医疗」：科目 2101101 的规范名称是「行政单位医疗」，表中写作「事业单位医疗」，请核实编码或名称是否填错。",
        },
      ],
    },
  ],
});

ruleTester(X5, {
  valid: ["seed000", "seed002"],
  invalid: [
    {
      name: "seed001: 2021 budget with assets as of 2021-12-31",
      workbook: "seed001-dept",
      edits: {},
      errors: [{ level: "warning", cells: ["固定资产!A1"], message: "「固定资产占用情况表」截止时间为 2021-12-31，2021 年预算应填上年末 2020-12-31。" }],
    },
  ],
});
