/**
 * Structure-first recognition: a table whose title no family uses is recognized from what its header and
 * rows show, and X6 says the title is not standard; a block whose structure says nothing stays unrecognized.
 */
import * as path from "path";
import { checkWorkbook } from "../../src/engine";
import type { WorkbookSnapshot } from "../../src/grid/workbook";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { FIXTURES } from "../helpers";

/** seed000 with one sheet renamed and its title replaced by one no family uses. */
async function retitled(sheet: string, title: string): Promise<WorkbookSnapshot> {
  const wb = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
  const s = wb.sheets.find((x) => x.name === sheet)!;
  s.name = "Sheet9";
  const first = s.cells[0].findIndex((c) => c !== null);
  s.cells[0][first] = { value: title, text: title };
  return wb;
}

describe("tables with titles no family uses", () => {
  it.each([
    ["09三公经费", "台创园经费安排情况表", "three_public", "表中列有因公出国（境）费、公务用车费、公务接待费"],
    ["06基本支出表", "附表六 经费明细表", "gpb_basic", "表头为人员经费、公用经费，行为支出经济分类科目（301、302…）"],
    ["03支出总表", "支出安排明细表", "expense_summary", "表头为基本支出、项目支出，行为支出功能分类科目"],
  ])("%s titled 「%s」 is read as %s, with a 提示 naming why", async (sheet, title, kind, why) => {
    const r = checkWorkbook(await retitled(sheet, title));
    const t = r.model.tables.find((x) => x.sheet === "Sheet9");
    expect(t?.kind).toBe(kind);
    expect(t?.recognizedBy).toBe(why);
    const x6 = r.findings.filter((f) => f.ruleId === "X6-nonstandard-title");
    expect(x6.map((f) => [f.level, f.cells[0].address])).toEqual([["warning", "A1"]]);
    expect(x6[0].message).toBe(
      `标题「${title}」不是标准的表名，已按表头和行内容识别为「${t!.kindName}」（${why}）；请核对表名，识别有误时可在“映射”中指定表类型。`,
    );
  });

  it("leaves a block whose structure says nothing unrecognized, with the reason", async () => {
    const r = checkWorkbook(await retitled("机构设置", "人员信息表"));
    expect(r.model.tables.some((x) => x.sheet === "Sheet9")).toBe(false);
    expect(r.model.unrecognized.find((u) => u.sheet === "Sheet9")?.reason).toBe("标题「人员信息表」不是已知的预决算公开表");
  });
});
