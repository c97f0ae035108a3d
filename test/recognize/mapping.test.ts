/** The user's mapping corrections: a range assigned to a table kind is read as that table; an ignored range is left out. */
import * as path from "path";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import type { WorkbookSnapshot } from "../../src/grid/workbook";
import { canonicalModel } from "../../src/model/describe";
import { recognize } from "../../src/recognize/recognize";
import { checkWorkbook } from "../../src/engine";
import { FIXTURES } from "../helpers";

async function seed(id: string): Promise<WorkbookSnapshot> {
  return readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
}

/** The workbook with a sheet renamed and its title replaced (a template that names the table differently). */
function retitled(wb: WorkbookSnapshot, sheet: string, from: string, to: string): WorkbookSnapshot {
  const cells = (s: WorkbookSnapshot["sheets"][number]) => s.cells.map((row) => row.map((c) => (c && c.text === from ? { ...c, value: to, text: to } : c)));
  return { ...wb, sheets: wb.sheets.map((s) => (s.name !== sheet ? s : { ...s, name: "附表7", cells: cells(s) })) };
}

describe("mapping corrections", () => {
  it("a table under an unknown title whose structure says nothing is unrecognized, and read as the kind the user assigns", async () => {
    const wb = await seed("seed000");
    const base = recognize(wb);
    // (a 政府采购 table: its rows are items bought, which no structural signature tells apart)
    const tp = base.tables.find((t) => t.kind === "procurement")!;
    const renamed = retitled(wb, tp.sheet, tp.title, "附表七 购置情况");
    const lost = recognize(renamed);
    expect(lost.tables.some((t) => t.kind === "procurement")).toBe(false);
    expect(lost.unrecognized.some((u) => u.sheet === "附表7")).toBe(true);

    const fixed = recognize(renamed, [{ sheet: "附表7", range: tp.range, kind: "procurement" }]);
    const again = fixed.tables.find((t) => t.kind === "procurement")!;
    expect(again.range).toBe(tp.range);
    expect(again.title).toBe("附表七 购置情况");
    expect(fixed.unrecognized.some((u) => u.sheet === "附表7")).toBe(false);
    const content = (m: typeof base) =>
      (canonicalModel(m) as { tables: { kind: string }[] }).tables.filter((t) => t.kind === "procurement").map((t) => ({ ...t, title: "" }));
    expect(content(fixed)).toEqual(content(base));
  });

  it("an ignored range drops its table and the rules that need it", async () => {
    const wb = await seed("seed000");
    const base = checkWorkbook(wb);
    const gpb = base.model.tables.find((t) => t.kind === "gpb_expense")!;
    // (its 尾差 are seen in 支出总表 too: merged, they list both tables' cells)
    expect(base.findings.some((f) => f.ruleId === "R3-expense-row" && f.cells.some((c) => c.sheet === gpb.sheet))).toBe(true);
    const without = checkWorkbook(wb, { mapping: [{ sheet: gpb.sheet, range: gpb.range, kind: "ignore" }] });
    expect(without.model.tables.some((t) => t.kind === "gpb_expense")).toBe(false);
    expect(without.model.tables.length).toBe(base.model.tables.length - 1);
    expect(without.findings.some((f) => f.cells.some((c) => c.sheet === gpb.sheet))).toBe(false);
    expect(without.model.unrecognized.some((u) => u.sheet === gpb.sheet)).toBe(false);
  });

  it("a correction that cannot be read says why, in Chinese, and the rest of the sheet is still recognized", async () => {
    const wb = await seed("seed000");
    const base = recognize(wb);
    const sheet = base.tables[0].sheet;
    const m = recognize(wb, [
      { sheet, range: "not a range", kind: "income_expense_summary" },
      { sheet, range: "A1:A1", kind: "three_public" },
    ]);
    expect(m.unrecognized.filter((u) => u.sheet === sheet).map((u) => u.reason)).toEqual([
      "映射更正中的区域「not a range」不是有效的单元格区域，已忽略该更正",
      expect.stringMatching(/^按指定的「财政拨款“三公”经费支出表」读取失败：/),
    ]);
  });
});
