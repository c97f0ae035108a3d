import R7 from "../../src/rules/R7-basic-cross";
import { findingsOf, ruleTester } from "./ruleTester";

ruleTester(R7, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "基本支出表合计 ≠ 一般公共预算支出表基本支出",
      workbook: "seed000",
      edits: { "06基本支出表!D6": 805.74 },
      errors: [{ level: "error", messageId: "basic", suspect: "06基本支出表!D6", cells: ["05一般公共预算支出表!E6", "06基本支出表!D6"] }],
    },
    {
      name: "支出总表 and 一般公共预算支出表 disagree on a 项 when all funds are 一般公共预算",
      workbook: "seed000",
      edits: { "05一般公共预算支出表!F21": 56.52 },
      errors: [{ level: "error", messageId: "sameRow", cells: ["03支出总表!F21", "05一般公共预算支出表!F21"], suspect: "05一般公共预算支出表!F21" }],
    },
  ],
});

describe("R7 on a 决算 that used carry-overs", () => {
  const edits = { "公开03支出决算表!B23": 2473.79, "公开03支出决算表!D23": 2473.79 };
  it("compares 支出决算表 with the 一般公共预算 table row by row when nothing was carried over", async () => {
    expect((await findingsOf(R7, "seed004", edits)).map((f) => f.messageId)).toContain("sameRow");
  });
  it("does not, when 年初结转和结余 was spent: that money need not be 一般公共预算", async () => {
    expect((await findingsOf(R7, "seed004", { ...edits, "公开01收入支出决算总表!C35": 10 })).map((f) => f.messageId)).not.toContain("sameRow");
  });
});
