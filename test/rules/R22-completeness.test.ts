import R22 from "../../src/rules/R22-completeness";
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
