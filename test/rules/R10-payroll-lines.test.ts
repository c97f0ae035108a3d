import R10 from "../../src/rules/R10-payroll-lines";
import { ruleTester } from "./ruleTester";

ruleTester(R10, {
  valid: ["seed000", "seed002", "seed003"],
  invalid: [
    {
      name: "30108 that no longer matches 2080505",
      workbook: "seed000",
      edits: { "06基本支出表!D12": 72.99 },
      errors: [
        {
          level: "warning",
          cells: ["05一般公共预算支出表!E10", "06基本支出表!D12"],
          suspect: "06基本支出表!D12",
          message:
            "机关事业单位基本养老保险缴费：功能分类 2080505 合计 71.99，经济分类 30108 为 72.99，相差 -1.00万元，超出 ±0.01万元 的尾差范围；请核实科目是否对应。",
        },
      ],
    },
    {
      name: "seed001: 30108 and 30110 are paid but 2080505 and 2101101/2101102 are absent",
      workbook: "seed001-dept",
      edits: {},
      errors: [
        {
          level: "warning",
          cells: ["06一般公共预算基本支出表!D12"],
          message: /^机关事业单位基本养老保险缴费：功能分类 2080505（无此科目） 合计 0.00，经济分类 30108 为 649700.00/,
        },
        { level: "warning", cells: ["06一般公共预算基本支出表!D13"], message: /^职工基本医疗保险缴费：功能分类 2101101\+2101102（无此科目）/ },
      ],
    },
    {
      name: "seed004: 2101102 16.60 vs 30110 13.88 and 2101103 vs 30111",
      workbook: "seed004",
      edits: {},
      errors: [
        { level: "warning", cells: ["公开05一般公共预算财政拨款支出决算表!D16", "公开06一般公共预算财政拨款基本支出决算明细表!C14"] },
        { level: "warning", cells: ["公开05一般公共预算财政拨款支出决算表!D17", "公开06一般公共预算财政拨款基本支出决算明细表!C15"] },
      ],
    },
  ],
});
