import R22 from "../../src/rules/R22-completeness";
import * as path from "path";
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { FIXTURES } from "../helpers";
import { ruleTester } from "./ruleTester";

ruleTester(R22, {
  valid: ["seed000", "seed002", "seed004", "seed003"],
  invalid: [
    {
      name: "seed003: empty 政府性基金 and 国有资本经营 tables explained neither under them nor in the 情况说明",
      workbook: "seed003",
      edits: {
        "情况说明!A38": { replace: "2023年无使用政府性基金预算拨款安排的支出", with: "2023年政府性基金预算支出情况见附表" },
        "情况说明!A40": { replace: "2023年无使用国有资本经营预算拨款安排的支出", with: "2023年国有资本经营预算支出情况见附表" },
      },
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
    {
      name: "a template's instruction left under a table",
      workbook: "seed004",
      edits: { "公开07政府性基金预算财政拨款收入支出决算表!A9": "注：如本表为空表，仍保留该表格式，并在本表下方作下述说明。" },
      errors: [{ level: "warning", messageId: "templateInstruction", cells: ["公开07政府性基金预算财政拨款收入支出决算表!A9"] }],
    },
  ],
});

describe("R22 under a document family's profile", () => {
  const without = async (id: string, sheets: RegExp) => {
    const wb = await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
    return { ...wb, sheets: wb.sheets.filter((s) => !sheets.test(s.name)) };
  };
  const r22 = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.ruleId === "R22-completeness").map((f) => `${f.level} ${f.message}`);

  it("reports a table the family publishes that the package lacks, naming the profile", async () => {
    const r = checkWorkbook(await without("seed000", /三公/));
    expect(r.profile?.profile.id).toBe("budget-national");
    expect(r22(r)).toEqual(["error 缺少必须公开的「财政拨款“三公”经费支出表」（按「部门预算·通用格式（河北措辞）」的公开要求）。"]);
  });

  it("does not demand 公开10 of a 决算: the national nine tables are the set", async () => {
    const r = checkWorkbook(await without("seed004", /^公开10/));
    expect(r.profile?.profile.id).toBe("final-national");
    expect(r22(r)).toEqual([]);
  });

  it("takes a workbook with under half of the set for a part of a package: one 提示, no errors", async () => {
    const r = checkWorkbook(await without("seed000", /^0[1-8]/));
    expect(r22(r)).toEqual([
      "warning 只识别出 1 张「部门预算·通用格式（河北措辞）」必须公开的表，本工作簿可能只是公开材料的一部分，未逐表检查是否齐全（缺少「收支总表」「收入总表」「支出总表」「财政拨款收支总表」「一般公共预算财政拨款支出表」「一般公共预算财政拨款基本支出表」「政府性基金预算财政拨款支出表」「国有资本经营预算财政拨款支出表」）；若为整套材料，请在“映射”中指定未识别的表。",
    ]);
  });

  it("checks under the profile the user chose", async () => {
    const r = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx")), { profile: "final-national" });
    expect(r.profile).toMatchObject({ profile: { id: "final-national" }, reason: "由用户指定" });
  });
});
