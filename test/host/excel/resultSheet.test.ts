/** ExcelHost.writeResultSheet over the fake Excel object model: the 审核结果 sheet, its links, and whose sheet it replaces. */
import * as path from "path";
import { checkAndHighlight, findingKey, type CheckOutcome } from "../../../src/addin/check";
import { exportResultSheet } from "../../../src/addin/export";
import { toA1 } from "../../../src/grid/address";
import type { WorkbookSnapshot } from "../../../src/grid/workbook";
import { RESULT_KEY } from "../../../src/host/excel/excelHost";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { MARK_COLORS } from "../../../src/host/marks";
import { placeReportSheet } from "../../../src/host/resultSheet";
import type { AddinSettings } from "../../../src/host/types";
import { reportRows } from "../../../src/report/rows";
import { emptySheet, FakeExcel, type FakeFill } from "./fakeExcel";
import { FIXTURES, hostOf } from "./helpers";

const ALL = { error: true, warning: true, info: true };
const CHECKED_AT = new Date(2026, 4, 1, 18, 30);
let seed: WorkbookSnapshot;

beforeAll(async () => {
  seed = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
  const s = seed.sheets.find((x) => x.name === "03支出总表")!;
  s.cells[9 - s.top][4 - s.left] = { value: 72.99, text: "72.99", numFmt: "0.00" }; // 71.99 in the published table
});

/** A checked workbook in the fake, its 提示 confirmed, the cells of every level marked. */
async function checked(fake: FakeExcel, now?: () => number) {
  const host = hostOf(fake, now ? { now } : {});
  const first = await checkAndHighlight(host, undefined, ALL);
  const w = first.findings.find((f) => f.level === "warning")!;
  const settings: AddinSettings = {
    ...first.settings,
    confirmed: [{ key: findingKey(w), ruleId: w.ruleId, message: w.message, explanation: "经核实，上年该项为0", at: "2026-11-23" }],
  };
  await host.saveSettings(settings);
  const outcome: CheckOutcome = { ...(await checkAndHighlight(host, undefined, ALL)), checkedAt: CHECKED_AT };
  return { host, outcome, settings };
}

/** Every non-blank cell of a sheet of the fake, "A1" → text. */
function texts(fake: FakeExcel, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, c] of fake.sheet(sheet).cells) {
    const [r, col] = k.split(",").map(Number);
    out[toA1(r, col)] = c.text;
  }
  return out;
}

function fillsBySheet(fake: FakeExcel, except: string): Map<string, FakeFill> {
  const out = new Map<string, FakeFill>();
  for (const s of fake.sheets) if (s.name !== except) for (const [k, f] of s.fills) out.set(`${s.name}|${k}`, { ...f });
  return out;
}

describe("ExcelHost.writeResultSheet", () => {
  it("adds 审核结果 with every row, bold lines, widths, links to the cells, in 2 syncs, marks and selection untouched", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const { host, outcome, settings } = await checked(fake);
    fake.selection = { sheet: "03支出总表", address: "B7" };
    const marks = fillsBySheet(fake, "审核结果");
    expect(marks.size).toBeGreaterThan(20);
    fake.syncs = 0;
    fake.log = [];
    expect(await exportResultSheet(host, outcome, settings)).toEqual({ sheet: "审核结果", replaced: false, rows: 9 });
    expect(fake.syncs).toBe(2);
    expect(fake.sheets.map((s) => s.name).at(-1)).toBe("审核结果");

    const got = texts(fake, "审核结果");
    expect(got.A1).toBe("审核结果 · 单位：保定市满城区医疗保障局本级（450001） · 年度：2024 · 类型：预算 · 检查时间：2026-05-01 18:30");
    expect(got.A2).toMatch(/^共 8 条：错误 3 条，提示 0 条，尾差 5 条，/);
    expect(got.A3).toBeUndefined();
    expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4"].map((a) => got[a])).toEqual(["序号", "级别", "规则", "说明", "单元格", "可疑单元格及建议值", "核实说明"]);
    expect(["A5", "B5", "E5", "F5", "G5"].map((a) => got[a])).toEqual([
      "1",
      "错误",
      "03支出总表!D10 ↔ E10、F10、G10、H10、I10",
      "03支出总表!E10（应为 71.99）",
      undefined,
    ]);
    expect(got.C5).toBe("支出类表每行：合计 = 基本支出 + 项目支出（+ 经营支出等），基本支出 = 人员经费 + 公用经费各项");
    expect(["A13", "B13", "E13", "F13", "G13"].map((a) => got[a])).toEqual([
      "9",
      "提示",
      "情况说明!A27 ↔ 09三公经费!C7",
      "情况说明!A27",
      "经核实，上年该项为0（2026-11-23 核实）",
    ]);
    // exactly the cells reportRows places, nothing else
    const placed = placeReportSheet(reportRows(outcome, settings, CHECKED_AT));
    expect(got).toEqual(Object.fromEntries(placed.cells.map((c) => [toA1(c.row, c.col), c.text])));
    expect(fake.sheet("审核结果").cells.get("4,0")).toMatchObject({ value: 1, type: "Double" });

    const sheet = fake.sheet("审核结果");
    expect(sheet.links.get("4,4")).toEqual({ documentReference: "'03支出总表'!D10", textToDisplay: got.E5, screenTip: "转到 03支出总表!D10" });
    expect(sheet.links.get("4,5")?.documentReference).toBe("'03支出总表'!E10");
    expect(sheet.links.get("12,4")?.documentReference).toBe("'情况说明'!A27");
    expect(sheet.links.size).toBe(9 + 4); // every row's cells, and the suspects of the 3 errors and the 提示
    expect(sheet.bold.get("0,0")).toBe(true);
    expect([...Array(7).keys()].every((c) => sheet.bold.get(`3,${c}`))).toBe(true);
    expect(sheet.bold.get("4,0")).toBeUndefined();
    // 6, 6, 36, 64, 26, 24 and 32 characters as points
    expect([...sheet.widths.values()]).toEqual([35.25, 35.25, 192.75, 339.75, 140.25, 129.75, 171.75]);
    expect(sheet.wrap.has("4,3") && sheet.wrap.has("4,6") && !sheet.wrap.has("4,0")).toBe(true);
    expect(sheet.fills.get("4,1")?.color).toBe(MARK_COLORS.error);
    expect(sheet.fills.get("7,1")?.color).toBe(MARK_COLORS.info);
    expect(sheet.protected).toBe(false);

    // nothing else changed: the marks' fills, the selection, the active sheet, the other sheets' cells
    expect(fillsBySheet(fake, "审核结果")).toEqual(marks);
    expect(fake.selection).toEqual({ sheet: "03支出总表", address: "B7" });
    expect(fake.writes("activate", "select")).toEqual([]);
    expect(fake.log.filter((w) => w.sheet !== undefined && w.sheet !== "审核结果")).toEqual([]);
    expect(JSON.parse(fake.settings.get(RESULT_KEY) as string)).toEqual({ sheet: "审核结果", fingerprint: expect.any(String) });
    expect((await host.loadSettings()).resultSheet?.sheet).toBe("审核结果");
  });

  it("replaces its own sheet (3 syncs), and a check leaves that sheet out", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const { host, outcome, settings } = await checked(fake);
    await exportResultSheet(host, outcome, settings);
    // the officer fixes the typo; the next export has fewer rows
    fake.sheet("03支出总表").cells.set("9,4", { value: 71.99, type: "Double", text: "71.99", numFmt: "0.00" });
    const again = await checkAndHighlight(host, undefined, ALL);
    expect(again.snapshot.sheets.map((s) => s.name)).not.toContain("审核结果");
    expect(again.model.unrecognized.map((u) => u.sheet)).not.toContain("审核结果");
    const sheetsBefore = fake.sheets.length;
    const now = await host.loadSettings();
    fake.syncs = 0;
    const r = await exportResultSheet(host, { ...again, checkedAt: CHECKED_AT }, now);
    expect(r).toEqual({ sheet: "审核结果", replaced: true, rows: 6 });
    expect(fake.syncs).toBe(3);
    expect(fake.sheets.length).toBe(sheetsBefore);
    expect(fake.writes("addSheet")).toHaveLength(1); // the first export's
    const got = texts(fake, "审核结果");
    expect(got.A10).toBe("6");
    expect(got.A11).toBeUndefined(); // the longer table of last time is gone, with its links and fills
    expect(fake.sheet("审核结果").links.has("11,4")).toBe(false);
    expect(fake.sheet("审核结果").fills.has("12,1")).toBe(false);
  });

  it("never writes over the officer's 审核结果, nor over its own once she edited it", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const { host, outcome, settings } = await checked(fake);
    const hers = emptySheet("审核结果", 99);
    hers.cells.set("0,0", { value: "我的审核记录", type: "String", text: "我的审核记录", numFmt: "General" });
    fake.sheets.push(hers);
    const first = await exportResultSheet(host, outcome, settings);
    expect(first).toEqual({ sheet: "审核结果（2）", replaced: false, kept: "审核结果", rows: 9 });
    expect(texts(fake, "审核结果")).toEqual({ A1: "我的审核记录" });
    // replaced while unchanged
    expect(await exportResultSheet(host, outcome, settings)).toMatchObject({ sheet: "审核结果（2）", replaced: true });
    // once edited, it is hers too
    fake.userEdit("审核结果（2）", "H5", "已改");
    expect(await exportResultSheet(host, outcome, settings)).toMatchObject({ sheet: "审核结果（3）", replaced: false, kept: "审核结果（2）" });
    expect(texts(fake, "审核结果（2）").H5).toBe("已改");
    // a protected one of its own is not touched either
    fake.sheet("审核结果（3）").protected = true;
    expect(await exportResultSheet(host, outcome, settings)).toMatchObject({ sheet: "审核结果（4）", kept: "审核结果（3）" });
  });

  it("saving stale settings keeps the record", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    const { host, outcome, settings } = await checked(fake);
    const stale = await host.loadSettings();
    await exportResultSheet(host, outcome, settings);
    await host.saveSettings(stale);
    expect((await host.loadSettings()).resultSheet?.sheet).toBe("审核结果");
  });

  it.each([14, 13, 8])("is not reported as the user's change (ExcelApi 1.%i)", async (api) => {
    const fake = FakeExcel.fromSnapshot(seed, { api });
    let now = 1000;
    const { host, outcome, settings } = await checked(fake, () => now);
    await exportResultSheet(host, outcome, settings);
    now += 10_000; // what the first export wrote is no longer a recent write of the add-in
    let calls = 0;
    await host.onUserChange(() => calls++); // (below ExcelApi 1.9 on the sheets there: 审核结果 among them)
    // a replace by a shorter table: the clear of its own longer range is the add-in's too
    expect(await exportResultSheet(host, { ...outcome, findings: outcome.findings.slice(0, 5) }, settings)).toMatchObject({ replaced: true, rows: 5 });
    await exportResultSheet(host, outcome, settings);
    await Promise.all(fake.events.splice(0));
    expect(calls).toBe(0);
    now += 10_000;
    fake.userEdit("01收支总表", "B3", "1");
    await Promise.all(fake.events.splice(0));
    expect(calls).toBe(1);
  });
});
