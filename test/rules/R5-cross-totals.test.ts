import R5 from "../../src/rules/R5-cross-totals";
import { findingsOf, ruleTester } from "./ruleTester";

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

describe("R5 on a 决算: income by function is not spending by function", () => {
  it("does not compare the 收入决算表's 类 with the 收支总表's spending", async () => {
    // 10 万元 of income moved from 210 to 208 in 公开02, its 款 and 项 kept consistent: spending is unchanged
    const moved: Record<string, number> = {};
    for (const [cell, value] of Object.entries({ 8: 61.85, 11: 61.12, 12: 44.16, 14: 4966.46, 21: 2770.82, 23: 2453.79 }))
      for (const col of ["C", "D"]) moved[`公开02收入决算表!${col}${cell}`] = value;
    expect(await findingsOf(R5, "seed004", moved)).toEqual([]);
  });
});
