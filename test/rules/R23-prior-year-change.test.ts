import * as path from "path";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { recognize } from "../../src/recognize/recognize";
import R23 from "../../src/rules/R23-prior-year-change";
import { RULES } from "../../src/rules/registry";
import { runRules } from "../../src/rules/runner";
import { FIXTURES } from "../helpers";
import { ruleTester, setCell } from "./ruleTester";

// variants/seed000-prior “三公” table: C 上年预算数, D 合计, H 增减额, I 增减%; rows 6 合计 … 11 公务接待费
// variants/seed003-prior “三公” table: A–F 2022年预算数, G–L 2023年预算数, M–R 增减额; row 6
ruleTester(R23, {
  valid: ["variants/seed000-prior", "variants/seed003-prior", "seed000", "seed004"],
  invalid: [
    {
      name: "an 增减额 that is not 本年 − 上年",
      workbook: "variants/seed000-prior",
      edits: { "09三公经费!H11": -0.05 },
      errors: [
        {
          level: "error",
          messageId: "change",
          cells: ["09三公经费!D11", "09三公经费!C11", "09三公经费!H11"],
          suspect: null,
          message:
            "「财政拨款“三公”经费支出表」第11行「三、公务接待费」（合计）：本年数 0.61 应等于上年数与增减额之和 0.59（增减额应为本年数减上年数），相差 0.02万元，超出 ±0.015万元 的尾差范围。",
        },
      ],
    },
    {
      name: "an 增减% that is not (本年 − 上年) ÷ 上年",
      workbook: "variants/seed000-prior",
      edits: { "09三公经费!I11": -4.7 },
      errors: [
        {
          level: "error",
          messageId: "rate",
          cells: ["09三公经费!I11", "09三公经费!D11", "09三公经费!C11"],
          suspect: "09三公经费!I11",
          message:
            "「财政拨款“三公”经费支出表」第11行「三、公务接待费」（合计）：增减率 -4.70% 与（本年数 0.61 − 上年数 0.64）÷ 上年数 = -4.6875% 不符（应为 -4.69%）。",
        },
      ],
    },
    {
      name: "an 增减% of 100% for a rise from nothing",
      workbook: "variants/seed000-prior",
      edits: { "09三公经费!D9": 1, "09三公经费!H9": 1, "09三公经费!I9": 100 },
      errors: [
        {
          level: "error",
          messageId: "rateFromZero",
          cells: ["09三公经费!I9", "09三公经费!D9", "09三公经费!C9"],
          suspect: "09三公经费!I9",
          message: "「财政拨款“三公”经费支出表」第9行「其中:公务用车购置费」（合计）：上年数为 0，增减率无法计算，表中却为 100.00%。",
        },
      ],
    },
    {
      name: "an 增减额 block beside the items (Henan)",
      workbook: "variants/seed003-prior",
      edits: { "08三公经费支出情况表!M6": 1 },
      errors: [
        {
          level: "error",
          messageId: "change",
          cells: ["08三公经费支出情况表!G6", "08三公经费支出情况表!A6", "08三公经费支出情况表!M6"],
          message:
            "「财政拨款“三公”经费支出表」第6行（合计）：本年数 1.20 应等于上年数与增减额之和 1.00（增减额应为本年数减上年数），相差 0.20万元，超出 ±0.015万元 的尾差范围。",
        },
      ],
    },
  ],
});

describe("one wrong cell in a column of other periods", () => {
  /** Every finding of every rule on the workbook, as "rule level cells". */
  async function all(workbook: string, edits: Record<string, number> = {}): Promise<string[]> {
    const wb = await readWorkbookFile(path.join(FIXTURES, `${workbook}.xlsx`));
    for (const [ref, v] of Object.entries(edits)) setCell(wb, ref, v);
    return runRules(recognize(wb), RULES).findings.map((f) => `${f.ruleId} ${f.level} ${f.cells.map((c) => `${c.sheet}!${c.address}`).join(" ")}`);
  }

  it.each([
    ["09三公经费!H11", -0.05, "R23-prior-year-change error 09三公经费!D11 09三公经费!C11 09三公经费!H11"],
    ["09三公经费!I11", -4.7, "R23-prior-year-change error 09三公经费!I11 09三公经费!D11 09三公经费!C11"],
    ["05一般公共预算支出表!J14", 685.5, "R23-prior-year-change error 05一般公共预算支出表!G14 05一般公共预算支出表!D14 05一般公共预算支出表!J14"],
    ["01收支总表!J15", 685, "R23-prior-year-change error 01收支总表!I15 01收支总表!H15 01收支总表!J15"],
  ])("%s gives exactly one finding, with its cells", async (cell, value, finding) => {
    const before = await all("variants/seed000-prior");
    const after = await all("variants/seed000-prior", { [cell]: value });
    expect(after.filter((f) => !before.includes(f))).toEqual([finding]);
    expect(before.filter((f) => !after.includes(f))).toEqual([]);
  });
});
