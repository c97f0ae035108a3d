/** Last year's figures from last year's workbook: one function for --prior 上年.xlsx and the task pane's 从上年工作簿导入. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { priorFromWorkbook } from "../../src/engine";
import type { WorkbookSnapshot } from "../../src/grid/workbook";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { PriorYearError } from "../../src/narrative/prior";
import { FIXTURES, runCli } from "../helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-prior-wb-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const minutes: WorkbookSnapshot = {
  name: "会议记录.xlsx",
  sheets: [{ name: "Sheet1", top: 0, left: 0, cells: [[{ value: "会议记录", text: "会议记录" }]], merges: [], hiddenRows: [], hiddenCols: [] }],
};

describe("priorFromWorkbook", () => {
  it("takes a budget's own figures as last year's: totals, 基本/项目, 一般公共预算, each “三公” item", async () => {
    const p = priorFromWorkbook(await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx")));
    expect(JSON.parse(JSON.stringify(p))).toEqual({
      year: 2024,
      total: "9064.36",
      basic: "805.64",
      project: "8258.72",
      gpb: "9064.36",
      threePublic: { 合计: "3.61", 因公出国: "0", 公务用车: "3", 购置: "0", 运行: "3", 公务接待: "0.61" },
    });
  });

  it("takes a 决算's 决算数, with 总计 and each 类", async () => {
    const p = priorFromWorkbook(await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx")));
    expect(JSON.parse(JSON.stringify(p))).toMatchObject({
      year: 2024,
      grand: "5056.26",
      fiscalGrand: "5056.26",
      categories: { "208": "51.85", "210": "4976.46", "221": "27.96" },
    });
  });

  it("says in Chinese, naming the file, when no disclosure table is recognized", () => {
    expect(() => priorFromWorkbook(minutes)).toThrow(
      new PriorYearError("上年工作簿「会议记录.xlsx」中没有识别到预算或决算公开表（收支总表、支出总表、“三公”经费表等），无法从中取得上年数据。"),
    );
  });

  it("is what --prior reads: a workbook without tables is refused with the same message (exit 2)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["会议记录"]);
    const file = path.join(tmp, "会议记录.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await runCli(["--format", "json", "--prior", file, path.join(FIXTURES, "seed000.xlsx")]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error).toBe(
      "上年工作簿「会议记录.xlsx」中没有识别到预算或决算公开表（收支总表、支出总表、“三公”经费表等），无法从中取得上年数据。",
    );
  });
});
