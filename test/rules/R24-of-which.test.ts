import R24 from "../../src/rules/R24-of-which";
import { checkWorkbook } from "../../src/engine";
import type { Cell, WorkbookSnapshot } from "../../src/grid/workbook";
import { ruleTester } from "./ruleTester";

ruleTester(R24, {
  valid: ["seed000", "seed001-dept", "seed001-unit", "seed002", "seed003", "seed004", "real-central-snai-2010-final"],
  invalid: [
    {
      name: "a “其中：财政拨款” row above the 一般公共预算 it is part of",
      workbook: "seed003",
      edits: { "01收支总体情况表!B6": 200 },
      errors: [
        {
          level: "error",
          messageId: "exceeds",
          cells: ["01收支总体情况表!B6", "01收支总体情况表!B5"],
          suspect: null,
          message:
            "「收支总表」第6行「其中:财政拨款」（金额） 200.00万元 大于其所属的「收支总表」第5行「一、一般公共预算」 193.86万元；“其中”是上级的一部分，不应超过上级。",
        },
      ],
    },
  ],
});

describe("R24 on a “其中” column", () => {
  const cell = (v: string | number): Cell => (typeof v === "number" ? { value: v, text: v.toFixed(2), numFmt: "0.00" } : { value: v, text: v });
  const sheet = (rows: (string | number)[][]): WorkbookSnapshot => ({
    name: "其中列.xlsx",
    sheets: [
      { name: "支出总表", top: 0, left: 0, cells: rows.map((r) => r.map((v) => (v === "" ? null : cell(v)))), merges: [], hiddenRows: [], hiddenCols: [] },
    ],
  });
  const header = ["科目编码", "科目名称", "合计", "一般公共预算", "其中：财政拨款"];

  it("reports a “其中：财政拨款” column above the 一般公共预算 beside it, and not one within it", () => {
    const wb = (x: number) =>
      sheet([
        ["2024年部门支出总表", "", "", "", ""],
        ["单位：万元", "", "", "", ""],
        header,
        ["", "合计", 10, 10, x],
        ["208", "社会保障和就业支出", 10, 10, x],
      ]);
    const r24 = (x: number) => checkWorkbook(wb(x)).findings.filter((f) => f.ruleId === "R24-of-which");
    expect(r24(9.5)).toEqual([]);
    const found = r24(12);
    expect(found.map((f) => f.cells.map((c) => c.address))).toEqual([
      ["E4", "D4"],
      ["E5", "D5"],
    ]);
    expect(found[1].message).toBe(
      "「支出总表」第5行「208 社会保障和就业支出」的「财政拨款」列 12.00万元 大于「一般公共预算」列 10.00万元；“其中”是上级的一部分，不应超过上级。",
    );
  });
});
