/** ExcelHost's writes (marks, selection, settings, narrative, change events) over the fake Excel object model. */
import * as path from "path";
import { checkAndHighlight, marksToPaint } from "../../../src/addin/check";
import { checkWorkbook } from "../../../src/engine";
import { toA1 } from "../../../src/grid/address";
import type { WorkbookSnapshot } from "../../../src/grid/workbook";
import { MARK_COLORS, markColor } from "../../../src/host/excel/fills";
import { SUSPECT_COLOR } from "../../../src/host/marks";
import { MARKS_KEY } from "../../../src/host/excel/excelHost";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { NARRATIVE_SHEET_NAME } from "../../../src/host/narrativeSheet";
import type { HighlightMark } from "../../../src/host/types";
import { FakeExcel, NO_FILL, type FakeFill } from "./fakeExcel";
import { FIXTURES, hostOf } from "./helpers";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
});

/** Every non-blank cell of the workbook as a mark, levels in turn: a few hundred findings' worth. */
function manyMarks(wb: WorkbookSnapshot): HighlightMark[] {
  const levels = ["error", "warning", "info"] as const;
  const out: HighlightMark[] = [];
  for (const s of wb.sheets)
    s.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c) out.push({ sheet: s.name, address: toA1(s.top + r, s.left + k), level: levels[out.length % 3], messages: ["x"] });
      }),
    );
  return out;
}

function allFills(fake: FakeExcel): Map<string, FakeFill> {
  const out = new Map<string, FakeFill>();
  for (const s of fake.sheets) for (const [k, f] of s.fills) out.set(`${s.name}|${k}`, { ...f });
  return out;
}

/** Fills the user had before the add-in: solid, white (not the same as none), patterned; everything else none. */
function withUserFills(fake: FakeExcel, marks: HighlightMark[]): void {
  fake.setFill(marks[0].sheet, marks[0].address, { color: "#FFFF00" });
  fake.setFill(marks[1].sheet, marks[1].address, { color: "#FFFFFF" });
  fake.setFill(marks[2].sheet, marks[2].address, { color: "#C0C0C0", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.4 });
}

describe("ExcelHost marks", () => {
  it("marks hundreds of cells in 2 syncs, by level, writing no value, formula or number format", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const marks = manyMarks(seed);
    expect(marks.length).toBeGreaterThan(300);
    withUserFills(fake, marks);
    await hostOf(fake).highlight(marks);
    expect(fake.syncs).toBe(2);
    expect(fake.writes("values", "formulas", "numberFormat")).toEqual([]);
    for (const m of marks.slice(0, 30)) expect(fake.fillAt(m.sheet, m.address)).toMatchObject({ color: MARK_COLORS[m.level], pattern: "Solid" });
  });

  it("clearHighlights restores exactly the fills there were, filled or not, and forgets the record", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const marks = manyMarks(seed);
    withUserFills(fake, marks);
    const before = allFills(fake);
    const host = hostOf(fake);
    await host.highlight(marks);
    fake.syncs = 0;
    expect(await host.clearHighlights()).toBe(marks.length);
    expect(fake.syncs).toBe(2);
    expect(allFills(fake)).toEqual(before);
    expect(fake.fillAt(marks[1].sheet, marks[1].address)).toMatchObject({ color: "#FFFFFF", pattern: "Solid" });
    expect(fake.fillAt(marks[3].sheet, marks[3].address)).toEqual(NO_FILL);
    expect(fake.settings.has(MARKS_KEY)).toBe(false);
    expect(fake.writes("values", "formulas", "numberFormat")).toEqual([]);
    fake.syncs = 0;
    expect(await host.clearHighlights()).toBe(0);
    expect(fake.syncs).toBe(1);
  });

  it("a second pass restores the cells no longer marked and keeps the first originals of those still marked (2 syncs)", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const marks = manyMarks(seed);
    withUserFills(fake, marks);
    const before = allFills(fake);
    const host = hostOf(fake);
    await host.highlight(marks.slice(0, 200));
    fake.syncs = 0;
    const second = marks.slice(100, 300).map((m) => ({ ...m, level: "warning" as const }));
    await host.highlight(second);
    expect(fake.syncs).toBe(2);
    expect(fake.fillAt(marks[0].sheet, marks[0].address)).toEqual(before.get(`${marks[0].sheet}|${fake.sheets.length && keyOf(marks[0].address)}`));
    expect(fake.fillAt(marks[150].sheet, marks[150].address).color).toBe(MARK_COLORS.warning);
    await host.clearHighlights();
    expect(allFills(fake)).toEqual(before);
  });

  it("the record survives save and reopen: another session clears the marks", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const marks = manyMarks(seed).slice(0, 50);
    withUserFills(fake, marks);
    const before = allFills(fake);
    await hostOf(fake).highlight(marks);
    const reopened = fake.reopened();
    expect(await hostOf(reopened).clearHighlights()).toBe(50);
    expect(allFills(reopened)).toEqual(before);
  });

  it("on ExcelApi 1.8 saves and restores colours (a white fill comes back as no fill, which looks the same)", async () => {
    const fake = FakeExcel.fromSnapshot(seed, { api: 8 });
    const marks = manyMarks(seed).slice(0, 40);
    fake.setFill(marks[0].sheet, marks[0].address, { color: "#FFFF00" });
    const before = allFills(fake);
    const host = hostOf(fake);
    await host.highlight(marks);
    expect(fake.syncs).toBe(2);
    expect(fake.fillAt(marks[5].sheet, marks[5].address).color).toBe(MARK_COLORS[marks[5].level]);
    await host.clearHighlights();
    expect(allFills(fake)).toEqual(before);
    expect(fake.writes("values", "formulas", "numberFormat")).toEqual([]);
  });

  it("leaves protected sheets alone unless formatting is allowed", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const marks = manyMarks(seed);
    const locked = fake.sheets[0];
    locked.protected = true;
    await hostOf(fake).highlight(marks);
    expect(fake.writes("fill").filter((w) => w.sheet === locked.name)).toEqual([]);
    expect(fake.writes("fill").length).toBeGreaterThan(0);
  });

  const ALL_LEVELS = { error: true, warning: true, info: true };

  it("checkAndHighlight with the Excel host: read, check, mark the findings' cells (1 + 2 + 2 syncs)", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed003.xlsx"));
    const fake = FakeExcel.fromSnapshot(file);
    const out = await checkAndHighlight(hostOf(fake), undefined, ALL_LEVELS);
    const expected = marksToPaint(checkWorkbook(file).findings, out.settings, ALL_LEVELS, file);
    expect(out.marked).toBe(expected.length);
    expect(fake.syncs).toBe(5);
    for (const m of expected) expect(fake.fillAt(m.sheet, m.address).color).toBe(markColor(m));
    // seed003's published mistake: the cell its failing equations blame is painted apart
    expect(expected.filter((m) => m.suspect).length).toBeGreaterThan(0);
    for (const m of expected.filter((x) => x.suspect)) expect(fake.fillAt(m.sheet, m.address).color).toBe(SUSPECT_COLOR);
  });

  it("a suspect mark is kept in the record and restored like any other", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const [first, ...rest] = manyMarks(seed);
    const host = hostOf(fake);
    await host.highlight([{ ...first, level: "error", suspect: true }, ...rest]);
    expect(fake.fillAt(first.sheet, first.address).color).toBe(SUSPECT_COLOR);
    await host.highlight(rest);
    expect(fake.fillAt(first.sheet, first.address).pattern).toBe("None");
  });
});

function keyOf(address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return `${Number(m[2]) - 1},${col - 1}`;
}

describe("ExcelHost navigation", () => {
  it("select activates the sheet and selects the cell in one sync", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const sheet = seed.sheets[2].name;
    await hostOf(fake).select([{ sheet, address: "C7" }]);
    expect(fake.syncs).toBe(1);
    expect(fake.log).toEqual([
      { kind: "activate", sheet },
      { kind: "select", sheet, address: "C7" },
    ]);
    expect(fake.active).toBe(2);
    expect(await hostOf(fake).getSelection()).toEqual({ sheet, address: "C7" });
  });

  it("selects several cells of one sheet at once where RangeAreas.select exists (ExcelApi 1.18), else the first", async () => {
    const sheet = seed.sheets[1].name;
    const cells = [
      { sheet, address: "B5" },
      { sheet, address: "D9" },
    ];
    const newer = FakeExcel.fromSnapshot(seed, { api: 18 });
    await hostOf(newer).select(cells);
    expect(newer.selection).toEqual({ sheet, address: "B5,D9" });
    const older = FakeExcel.fromSnapshot(seed);
    await hostOf(older).select(cells);
    expect(older.selection).toEqual({ sheet, address: "B5" });
    expect(older.syncs).toBe(1);
  });
});

describe("ExcelHost settings", () => {
  it("round-trips the settings through the workbook, across save and reopen", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const host = hostOf(fake);
    expect(await host.loadSettings()).toEqual({ mapping: [], confirmed: [] });
    const settings = {
      mapping: [{ sheet: seed.sheets[0].name, range: "A1:F30", kind: "income_expense_summary" as const }],
      confirmed: [{ key: "R05|x|A!B2", ruleId: "R05", message: "m", explanation: "核实无误", at: "2025-01-02" }],
      prior: { 收入合计: "123.45" },
      style: "henan" as const,
      liveCheck: true,
      reasons: { "支出|1": "人员增加" },
    };
    fake.syncs = 0;
    await host.saveSettings(settings);
    expect(fake.syncs).toBe(1);
    expect(await host.loadSettings()).toEqual(settings);
    expect(await hostOf(fake.reopened()).loadSettings()).toEqual(settings);
  });
});

describe("ExcelHost narrative", () => {
  const lines = [
    { heading: true, text: "一、收入支出预算总体情况" },
    { heading: false, text: "2024年收入预算1,234.56万元。" },
    { heading: false, text: "=不是公式" },
  ];

  it("creates the 情况说明 sheet and writes the lines in 2 syncs; a user's edit stops the next write", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    fake.sheets = fake.sheets.filter((s) => s.name !== NARRATIVE_SHEET_NAME);
    const host = hostOf(fake);
    const first = await host.writeNarrative(lines);
    expect(first).toEqual({ status: "written", sheet: NARRATIVE_SHEET_NAME, range: "A1:A3", sheetCreated: true });
    expect(fake.syncs).toBe(2);
    expect(["A1", "A2", "A3"].map((a) => fake.textAt(NARRATIVE_SHEET_NAME, a))).toEqual(lines.map((l) => l.text));
    expect(fake.sheet(NARRATIVE_SHEET_NAME).bold.get("0,0")).toBe(true);
    expect((await host.loadSettings()).narrative).toEqual({ sheet: NARRATIVE_SHEET_NAME, column: 0, top: 0, texts: lines.map((l) => l.text) });

    fake.syncs = 0;
    const again = await host.writeNarrative([...lines, { heading: false, text: "新增一行" }]);
    expect(again).toMatchObject({ status: "written", range: "A1:A4", sheetCreated: false });
    expect(fake.syncs).toBe(2);

    fake.userEdit(NARRATIVE_SHEET_NAME, "A2", "我改过的文字");
    fake.syncs = 0;
    expect(await host.writeNarrative(lines)).toEqual({ status: "edited", sheet: NARRATIVE_SHEET_NAME, editedCells: ["A2"] });
    expect(fake.syncs).toBe(1);
    expect(fake.textAt(NARRATIVE_SHEET_NAME, "A2")).toBe("我改过的文字");

    expect(await host.writeNarrative(lines, { replaceEdited: true })).toMatchObject({ status: "written" });
    expect(fake.textAt(NARRATIVE_SHEET_NAME, "A2")).toBe(lines[1].text);
    expect(fake.textAt(NARRATIVE_SHEET_NAME, "A4")).toBe("");
  });

  it("asks before writing into a 情况说明 sheet holding the officer's own text; 追加 writes below it; saveSettings does not overwrite the record", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    fake.sheet(NARRATIVE_SHEET_NAME).cells.clear();
    fake.userEdit(NARRATIVE_SHEET_NAME, "A1", "单位自己写的说明");
    fake.userEdit(NARRATIVE_SHEET_NAME, "C2", "批注");
    const host = hostOf(fake);
    const stale = await host.loadSettings();
    fake.syncs = 0;
    expect(await host.writeNarrative(lines)).toEqual({ status: "occupied", sheet: NARRATIVE_SHEET_NAME, cells: ["A1", "C2"] });
    expect(fake.syncs).toBe(1);
    fake.syncs = 0;
    expect(await host.writeNarrative(lines, { existing: "append" })).toMatchObject({ status: "written", range: "A4:A6", sheetCreated: false });
    expect(fake.syncs).toBe(2);
    expect(["A1", "C2", "A4"].map((a) => fake.textAt(NARRATIVE_SHEET_NAME, a))).toEqual(["单位自己写的说明", "批注", lines[0].text]);
    await host.saveSettings(stale);
    expect((await host.loadSettings()).narrative?.top).toBe(3);
    // the block is the add-in's now: rewritten without asking
    expect(await host.writeNarrative(lines.slice(0, 1))).toMatchObject({ status: "written", range: "A4" });
    expect(fake.textAt(NARRATIVE_SHEET_NAME, "A1")).toBe("单位自己写的说明");
  });

  it("替换 clears the officer's text and writes from A1", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const host = hostOf(fake);
    const theirs = fake.sheet(NARRATIVE_SHEET_NAME).cells.size;
    expect(theirs).toBeGreaterThan(10);
    fake.syncs = 0;
    expect(await host.writeNarrative(lines, { existing: "replace" })).toEqual({
      status: "written",
      sheet: NARRATIVE_SHEET_NAME,
      range: "A1:A3",
      sheetCreated: false,
    });
    expect(fake.syncs).toBe(2);
    expect([...fake.sheet(NARRATIVE_SHEET_NAME).cells.keys()].sort()).toEqual(["0,0", "1,0", "2,0"]);
    expect(fake.textAt(NARRATIVE_SHEET_NAME, "A3")).toBe("=不是公式");
  });

  it("写入新工作表 adds 情况说明（2） and leaves the officer's sheet alone; later writes go there (3 syncs)", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const host = hostOf(fake);
    const theirs = new Map(fake.sheet(NARRATIVE_SHEET_NAME).cells);
    fake.syncs = 0;
    expect(await host.writeNarrative(lines, { existing: "newSheet" })).toEqual({
      status: "written",
      sheet: "情况说明（2）",
      range: "A1:A3",
      sheetCreated: true,
    });
    expect(fake.syncs).toBe(2);
    expect(["A1", "A2"].map((a) => fake.textAt("情况说明（2）", a))).toEqual([lines[0].text, lines[1].text]);
    expect(fake.sheet(NARRATIVE_SHEET_NAME).cells).toEqual(theirs);
    fake.syncs = 0;
    expect(await host.writeNarrative(lines.slice(0, 2))).toEqual({ status: "written", sheet: "情况说明（2）", range: "A1:A2", sheetCreated: false });
    expect(fake.syncs).toBe(3);
    expect(fake.textAt("情况说明（2）", "A3")).toBe("");
  });
});

describe("ExcelHost.onUserChange", () => {
  it.each([13, 14, 8])("reports the user's edits and not the add-in's own writes (ExcelApi 1.%i)", async (api) => {
    const fake = FakeExcel.fromSnapshot(seed, { api });
    let now = 1000;
    const host = hostOf(fake, { now: () => now });
    let calls = 0;
    const stop = await host.onUserChange(() => calls++);
    fake.userEdit(seed.sheets[0].name, "B3", "1");
    await Promise.all(fake.events.splice(0));
    expect(calls).toBe(1);
    await host.writeNarrative([{ heading: false, text: "说明" }]);
    await host.highlight(manyMarks(seed).slice(0, 5));
    expect(calls).toBe(1);
    now += 10_000;
    fake.userEdit(seed.sheets[0].name, "B4", "2");
    await Promise.all(fake.events.splice(0));
    expect(calls).toBe(2);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    fake.userEdit(seed.sheets[0].name, "B5", "3");
    await Promise.all(fake.events.splice(0));
    expect(calls).toBe(2);
  });
});
