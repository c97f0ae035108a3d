/** The in-memory host behind the browser harness: marks and their exact restore, selection, the 情况说明 sheet, settings. */
import * as path from "path";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { MemoryHost } from "../../../src/host/memory/MemoryHost";
import { MARK_COLORS as MARK_FILLS } from "../../../src/host/marks";
import { checkAndHighlight, findingKey, marksToPaint } from "../../../src/addin/check";
import { marksOf } from "../../../src/host/marks";
import { checkWorkbook } from "../../../src/engine";
import { FIXTURES } from "../../helpers";
import { cellAt } from "../../../src/grid/workbook";
import { parseA1, toA1 } from "../../../src/grid/address";

async function seedHost(id = "seed000", fills: Record<string, string> = {}) {
  return new MemoryHost(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)), undefined, fills);
}

const ALL_LEVELS = { error: true, warning: true, info: true };

describe("MemoryHost", () => {
  it("marks the cells of the findings and restores the exact original fills, also after a second pass", async () => {
    const host = await seedHost("seed000", { "09三公经费!C7": "#00FF00", "01收支总表!A1": "#123456" });
    const outcome = await checkAndHighlight(host, undefined, ALL_LEVELS);
    const marks = marksToPaint(outcome.findings, outcome.settings, ALL_LEVELS, outcome.snapshot);
    expect(outcome.marked).toBe(marks.length);
    // a blank cell a finding names is not painted: the nearest filled cell to its left in the row is
    const blank = marksOf(outcome.findings).filter((m) => !marks.some((k) => k.sheet === m.sheet && k.address === m.address));
    expect(blank.map((m) => `${m.sheet}!${m.address}`)).toEqual(["09三公经费!C7", "03支出总表!G12", "03支出总表!H12", "03支出总表!I12"]);
    for (const m of blank.slice(1)) expect(host.fills.has(`${m.sheet}!${m.address}`)).toBe(false);
    expect(host.fills.get("03支出总表!F12")).toBe(MARK_FILLS.info);
    expect(host.fills.get("09三公经费!C7")).toBe("#00FF00"); // blank, with the officer's own fill: left as it is
    expect(host.fills.get("09三公经费!B7")).toBe(MARK_FILLS.warning);
    expect(host.fills.get("情况说明!A27")).toBe(MARK_FILLS.warning);
    // a second check restores first, so the originals are not lost under the marks
    await checkAndHighlight(host, undefined, ALL_LEVELS);
    const restored = await host.clearHighlights();
    expect(restored).toBe(marks.length);
    expect(Object.fromEntries(host.fills)).toEqual({ "09三公经费!C7": "#00FF00", "01收支总表!A1": "#123456" });
    expect(host.notes.size).toBe(0);
    expect(await host.clearHighlights()).toBe(0);
  });

  it("a cell with findings of several levels gets the worst level's fill and every message", async () => {
    const host = await seedHost();
    await host.highlight(
      marksOf([
        { ruleId: "A", level: "info", messageId: "m", message: "尾差", cells: [{ sheet: "03支出总表", address: "B7" }], suspect: null },
        { ruleId: "B", level: "error", messageId: "m", message: "不平", cells: [{ sheet: "03支出总表", address: "B7" }], suspect: null },
      ]),
    );
    expect(host.fills.get("03支出总表!B7")).toBe(MARK_FILLS.error);
    expect(host.notes.get("03支出总表!B7")).toBe("尾差\n不平");
  });

  it("confirmed 提示 findings are not marked again", async () => {
    const host = await seedHost();
    const first = await checkAndHighlight(host, undefined, ALL_LEVELS);
    const warning = first.findings.find((f) => f.level === "warning")!;
    await host.saveSettings({
      mapping: [],
      confirmed: [{ key: findingKey(warning), ruleId: warning.ruleId, message: warning.message, explanation: "经核实无误", at: "2026-11-23" }],
    });
    const second = await checkAndHighlight(host, undefined, ALL_LEVELS);
    expect(second.marked).toBe(
      marksToPaint(
        first.findings.filter((f) => f !== warning),
        second.settings,
        ALL_LEVELS,
        second.snapshot,
      ).length,
    );
    expect(host.fills.has("情况说明!A27")).toBe(false);
  });

  it("selects a finding's cell on its sheet, and says so when the sheet does not exist", async () => {
    const host = await seedHost();
    await host.select([{ sheet: "05一般公共预算支出表", address: "C9" }]);
    expect(host.activeSheet).toBe("05一般公共预算支出表");
    expect(await host.getSelection()).toEqual({ sheet: "05一般公共预算支出表", address: "C9" });
    await expect(host.select([{ sheet: "没有这张表", address: "A1" }])).rejects.toThrow("工作表「没有这张表」不存在");
  });

  it("writes the narrative into its own cells of 情况说明, keeps the user's text, and asks before replacing an edit", async () => {
    const host = await seedHost("seed004");
    host.workbook.sheets = host.workbook.sheets.filter((s) => s.name !== "情况说明"); // a workbook without one
    const lines = [
      { heading: true, text: "一、收入支出决算总体情况" },
      { heading: false, text: "第一段" },
      { heading: false, text: "第二段" },
    ];
    expect(await host.writeNarrative(lines)).toEqual({ status: "written", sheet: "情况说明", range: "A1:A3", sheetCreated: true });
    const sheet = () => host.workbook.sheets.find((s) => s.name === "情况说明")!;
    const text = (a1: string) => {
      const { row, col } = parseA1(a1);
      return cellAt(sheet(), row, col)?.text ?? "";
    };
    host.editCell("情况说明", "B1", "用户自己的批注"); // beside the add-in's column: kept
    // regenerated, shorter: the leftover line written last time is cleared
    expect(await host.writeNarrative(lines.slice(0, 2))).toMatchObject({ status: "written", range: "A1:A2", sheetCreated: false });
    expect([text("A1"), text("A2"), text("A3"), text("B1")]).toEqual(["一、收入支出决算总体情况", "第一段", "", "用户自己的批注"]);
    // the officer edits a line the add-in wrote: the next write stops and names the cell
    host.editCell("情况说明", "A2", "第一段（已补充原因）");
    expect(await host.writeNarrative(lines)).toEqual({ status: "edited", sheet: "情况说明", editedCells: ["A2"] });
    expect(text("A2")).toBe("第一段（已补充原因）");
    expect(await host.writeNarrative(lines, { replaceEdited: true })).toMatchObject({ status: "written" });
    expect([text("A2"), text("A3")]).toEqual(["第一段", "第二段"]);
    // saving settings from a stale copy (the pane's) does not lose what the add-in wrote
    await host.saveSettings({ mapping: [], confirmed: [], narrative: undefined });
    host.editCell("情况说明", "A3", "改过");
    expect(await host.writeNarrative(lines)).toEqual({ status: "edited", sheet: "情况说明", editedCells: ["A3"] });
  });

  describe("a 情况说明 sheet holding the officer's own text is written only as she chooses", () => {
    const lines = [
      { heading: true, text: "一、收入说明" },
      { heading: false, text: "生成的段落" },
    ];
    /** The texts of a sheet, "A1=…" in reading order. */
    const textsOf = (host: MemoryHost, name: string) => {
      const sheet = host.workbook.sheets.find((s) => s.name === name)!;
      return sheet.cells.flatMap((line, r) => line.flatMap((c, k) => (c && c.text !== "" ? [`${toA1(sheet.top + r, sheet.left + k)}=${c.text}`] : [])));
    };

    it("without a choice nothing is written and her cells are named", async () => {
      const host = await seedHost("seed000"); // its 情况说明 sheet was written by the unit
      const before = textsOf(host, "情况说明");
      const r = await host.writeNarrative(lines);
      expect(r).toEqual({ status: "occupied", sheet: "情况说明", cells: before.map((t) => t.split("=")[0]) });
      expect(textsOf(host, "情况说明")).toEqual(before);
      expect((await host.loadSettings()).narrative).toBeUndefined();
    });

    it("追加: below her text after a blank row; the next write rewrites only the add-in's block, without asking", async () => {
      const host = await seedHost("seed000");
      const before = textsOf(host, "情况说明");
      const bottom = Number(/\d+/.exec(before[before.length - 1].split("=")[0])![0]);
      const r = await host.writeNarrative(lines, { existing: "append" });
      expect(r).toEqual({ status: "written", sheet: "情况说明", range: `A${bottom + 2}:A${bottom + 3}`, sheetCreated: false });
      expect(textsOf(host, "情况说明")).toEqual([...before, `A${bottom + 2}=一、收入说明`, `A${bottom + 3}=生成的段落`]);
      expect(await host.writeNarrative([lines[0]])).toMatchObject({ status: "written", range: `A${bottom + 2}:A${bottom + 2}` });
      expect(textsOf(host, "情况说明")).toEqual([...before, `A${bottom + 2}=一、收入说明`]);
    });

    it("替换: her text is cleared and the lines start at A1", async () => {
      const host = await seedHost("seed000");
      host.editCell("情况说明", "C3", "旁边的批注");
      const r = await host.writeNarrative(lines, { existing: "replace" });
      expect(r).toEqual({ status: "written", sheet: "情况说明", range: "A1:A2", sheetCreated: false });
      expect(textsOf(host, "情况说明")).toEqual(["A1=一、收入说明", "A2=生成的段落"]);
    });

    it("写入新工作表: 情况说明（2） beside hers, left alone; later writes go there until it is deleted", async () => {
      const host = await seedHost("seed000");
      const before = textsOf(host, "情况说明");
      host.workbook.sheets.push({ name: "情况说明（2）", top: 0, left: 0, cells: [[{ value: "x", text: "x" }]], merges: [], hiddenRows: [], hiddenCols: [] });
      const r = await host.writeNarrative(lines, { existing: "newSheet" });
      expect(r).toEqual({ status: "written", sheet: "情况说明（3）", range: "A1:A2", sheetCreated: true });
      expect(textsOf(host, "情况说明（3）")).toEqual(["A1=一、收入说明", "A2=生成的段落"]);
      expect(textsOf(host, "情况说明")).toEqual(before);
      expect(await host.writeNarrative([lines[1]])).toEqual({ status: "written", sheet: "情况说明（3）", range: "A1:A1", sheetCreated: false });
      expect(textsOf(host, "情况说明（3）")).toEqual(["A1=生成的段落"]);
      host.workbook.sheets = host.workbook.sheets.filter((s) => s.name !== "情况说明（3）");
      expect(await host.writeNarrative(lines)).toMatchObject({ status: "occupied", sheet: "情况说明" });
    });

    it("an empty 情况说明 sheet is simply written", async () => {
      const host = await seedHost("seed000");
      host.workbook.sheets.find((s) => s.name === "情况说明")!.cells = [];
      expect(await host.writeNarrative(lines)).toEqual({ status: "written", sheet: "情况说明", range: "A1:A2", sheetCreated: false });
    });
  });

  it("reports the user's edits (live re-check) and the engine sees the edited value", async () => {
    const host = await seedHost();
    let changes = 0;
    const stop = await host.onUserChange(() => changes++);
    const first = checkWorkbook(await host.read());
    const before = first.counts.error;
    const total = first.model.tables.find((t) => t.kind === "expense_summary")!.blocks[0].rows[0].amounts["合计"].cell;
    host.editCell(total.sheet, total.address, "1.00");
    expect(changes).toBe(1);
    expect(checkWorkbook(await host.read()).counts.error).toBeGreaterThan(before);
    stop();
    host.editCell(total.sheet, total.address, "2.00");
    expect(changes).toBe(1);
  });
});

describe("MemoryHost.applyEdits (the fixes the officer accepted)", () => {
  const TEXT = "2024年度财政拨款基本支出1.367.05万元，其中：";
  const FIXED = "2024年度财政拨款基本支出1,367.05万元，其中：";
  const shown = (host: MemoryHost, sheet: string, a1: string) => {
    const { row, col } = parseA1(a1);
    return cellAt(
      host.workbook.sheets.find((s) => s.name === sheet)!,
      row,
      col,
    );
  };

  it("writes a 情况说明 text and an amount (keeping the cell's number format) as one batch, without telling the change listeners", async () => {
    const host = await seedHost("seed004");
    let changes = 0;
    await host.onUserChange(() => changes++);
    const result = await host.applyEdits([
      { sheet: "情况说明", address: "A46", before: TEXT, after: FIXED },
      { sheet: "公开03支出决算表", address: "C7", before: "1367.05", after: 1367.1 },
    ]);
    expect(result).toEqual({ status: "written", count: 2 });
    expect(shown(host, "情况说明", "A46")).toEqual({ value: FIXED, text: FIXED });
    expect(shown(host, "公开03支出决算表", "C7")).toEqual({ value: 1367.1, text: "1367.10", numFmt: "0.00" });
    expect(changes).toBe(0);
    expect(host.calls.edit).toBe(1);
  });

  it("refuses the whole batch, writing nothing, for a formula, a changed text, a protected sheet or a cell that does not exist", async () => {
    const host = await seedHost("seed004");
    const sheet = (name: string) => host.workbook.sheets.find((s) => s.name === name)!;
    const c7 = parseA1("C7");
    const total = sheet("公开03支出决算表");
    total.cells[c7.row - total.top][c7.col - total.left] = { value: 1367.05, text: "1367.05", numFmt: "0.00", formula: "SUM(C8,C14,C24)" };
    sheet("公开01收入支出决算总表").protected = true;
    const before = structuredClone(host.workbook);
    const ok = { sheet: "情况说明", address: "A46", before: TEXT, after: FIXED };
    const result = await host.applyEdits([
      ok,
      { sheet: "公开03支出决算表", address: "C7", before: "1367.05", after: 1367.1 },
      { sheet: "情况说明", address: "A22", before: "收入总计5,056.26万元", after: "x" },
      { sheet: "公开01收入支出决算总表", address: "C37", before: "5056.26", after: 5056.27 },
      { sheet: "不存在的表", address: "A1", before: "", after: "x" },
      { sheet: "情况说明.docx", address: "第3段", before: "x", after: "y" },
      { ...ok, after: "又一次" },
    ]);
    expect(result).toEqual({
      status: "refused",
      refused: [
        { cell: { sheet: "公开03支出决算表", address: "C7" }, reason: "formula" },
        { cell: { sheet: "情况说明", address: "A22" }, reason: "changed" },
        { cell: { sheet: "公开01收入支出决算总表", address: "C37" }, reason: "protected" },
        { cell: { sheet: "不存在的表", address: "A1" }, reason: "missing" },
        { cell: { sheet: "情况说明.docx", address: "第3段" }, reason: "missing" },
        { cell: { sheet: "情况说明", address: "A46" }, reason: "changed" },
      ],
    });
    expect(host.workbook).toEqual(before);
  });
});
