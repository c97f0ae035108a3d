import X2 from "../../src/rules/X2-formula-totals";
import { ruleTester } from "./ruleTester";

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
