import X4 from "../../src/rules/X4-code-structure";
import { ruleTester } from "./ruleTester";

ruleTester(X4, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "a 款 without 项 and a 项 without its 款: the code cells cited",
      workbook: "seed000",
      edits: { "03支出总表!B13": "21099" },
      errors: [
        { level: "warning", messageId: "notToXiang", cells: ["03支出总表!B13"] },
        {
          level: "warning",
          messageId: "parentMissing",
          cells: ["03支出总表!B14"],
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
      name: "a name that is not its code's standard name: the code cell and the name cell, either may be wrong",
      workbook: "seed000",
      edits: { "03支出总表!C14": "事业单位医疗" },
      errors: [
        {
          level: "warning",
          messageId: "nameMismatch",
          cells: ["03支出总表!B14", "03支出总表!C14"],
          suspect: null,
          message:
            "「支出总表」第14行「2101101 事业单位医疗」：科目 2101101 的规范名称是「行政单位医疗」，表中写作「事业单位医疗」，请核实编码或名称是否填错。",
        },
      ],
    },
  ],
});
