/** MemoryHost.writeResultSheet (the browser harness and the tests): the 审核结果 sheet, its links, and whose sheet it replaces. */
import * as path from "path";
import { checkAndHighlight, findingKey } from "../../../src/addin/check";
import { exportResultSheet } from "../../../src/addin/export";
import { toA1 } from "../../../src/grid/address";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { MARK_COLORS } from "../../../src/host/marks";
import { MemoryHost } from "../../../src/host/memory/MemoryHost";
import { placeReportSheet } from "../../../src/host/resultSheet";
import type { AddinSettings } from "../../../src/host/types";
import { reportRows } from "../../../src/report/rows";
import { FIXTURES } from "../../helpers";

const ALL = { error: true, warning: true, info: true };
const CHECKED_AT = new Date(2026, 4, 1, 18, 30);

/** seed000 with one typo (03支出总表!E10 72.99, published 71.99), checked, its 提示 confirmed. */
async function checked() {
  const wb = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
  const s = wb.sheets.find((x) => x.name === "03支出总表")!;
  s.cells[9 - s.top][4 - s.left] = { value: 72.99, text: "72.99", numFmt: "0.00" };
  const host = new MemoryHost(wb);
  const first = await checkAndHighlight(host, undefined, ALL);
  const w = first.findings.find((f) => f.level === "warning")!;
  const settings: AddinSettings = {
    ...first.settings,
    confirmed: [{ key: findingKey(w), ruleId: w.ruleId, message: w.message, explanation: "经核实，上年该项为0", at: "2026-11-23" }],
  };
  await host.saveSettings(settings);
  const outcome = { ...(await checkAndHighlight(host, undefined, ALL)), checkedAt: CHECKED_AT };
  return { host, outcome, settings };
}

function texts(host: MemoryHost, name: string): Record<string, string> {
  const sheet = host.workbook.sheets.find((s) => s.name === name)!;
  const out: Record<string, string> = {};
  sheet.cells.forEach((row, r) => row.forEach((c, k) => c && c.text !== "" && (out[toA1(sheet.top + r, sheet.left + k)] = c.text)));
  return out;
}

describe("MemoryHost.writeResultSheet", () => {
  it("adds 审核结果 with the rows, links, bold lines and widths; marks, selection and the live re-check untouched", async () => {
    const { host, outcome, settings } = await checked();
    host.selectFromPage({ sheet: "03支出总表", address: "B7" });
    const marks = new Map(host.fills);
    let changes = 0;
    await host.onUserChange(() => changes++);
    expect(await exportResultSheet(host, outcome, settings)).toEqual({ sheet: "审核结果", replaced: false, rows: 9 });
    expect(host.workbook.sheets.at(-1)?.name).toBe("审核结果");
    const got = texts(host, "审核结果");
    expect(got).toEqual(Object.fromEntries(placeReportSheet(reportRows(outcome, settings, CHECKED_AT)).cells.map((c) => [toA1(c.row, c.col), c.text])));
    expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4"].map((a) => got[a])).toEqual(["序号", "级别", "规则", "说明", "单元格", "可疑单元格及建议值", "核实说明"]);
    expect(["A5", "B5", "E5", "F5"].map((a) => got[a])).toEqual(["1", "错误", "03支出总表!D10 ↔ E10、F10、G10、H10、I10", "03支出总表!E10（应为 71.99）"]);
    expect(got.G13).toBe("经核实，上年该项为0（2026-11-23 核实）");
    expect(host.links.get("审核结果!E5")).toBe("#'03支出总表'!D10");
    expect(host.links.get("审核结果!F5")).toBe("#'03支出总表'!E10");
    expect(host.links.get("审核结果!E13")).toBe("#'情况说明'!A27");
    expect(host.bold.has("审核结果!A1") && host.bold.has("审核结果!G4") && !host.bold.has("审核结果!A5")).toBe(true);
    expect(host.columnWidths.get("审核结果")).toEqual([6, 6, 36, 64, 26, 24, 32]);
    expect(host.fills.get("审核结果!B5")).toBe(MARK_COLORS.error);
    // the marks stay as they were, so do the selection and the active sheet; no user change reported
    expect(new Map([...host.fills].filter(([k]) => !k.startsWith("审核结果!")))).toEqual(marks);
    expect(host.selection).toEqual({ sheet: "03支出总表", address: "B7" });
    expect(host.activeSheet).toBe("03支出总表");
    expect(changes).toBe(0);
    // the next check leaves the sheet out
    const again = await checkAndHighlight(host, undefined, ALL);
    expect(again.model.unrecognized.map((u) => u.sheet)).not.toContain("审核结果");
    expect(again.findings).toEqual(outcome.findings);
  });

  it("replaces its own sheet; keeps the officer's and an edited one", async () => {
    const { host, outcome, settings } = await checked();
    await exportResultSheet(host, outcome, settings);
    const short = { ...outcome, findings: outcome.findings.slice(0, 2) };
    expect(await exportResultSheet(host, short, { ...settings, confirmed: [] })).toEqual({ sheet: "审核结果", replaced: true, rows: 2 });
    const got = texts(host, "审核结果");
    expect(got.A6).toBe("2");
    expect(got.A7).toBeUndefined();
    expect(host.links.has("审核结果!E7")).toBe(false);
    expect(host.fills.has("审核结果!B7")).toBe(false);
    host.editCell("审核结果", "H5", "已改");
    expect(await exportResultSheet(host, outcome, settings)).toEqual({ sheet: "审核结果（2）", replaced: false, kept: "审核结果", rows: 9 });
    expect(texts(host, "审核结果").H5).toBe("已改");
    expect(await exportResultSheet(host, outcome, settings)).toMatchObject({ sheet: "审核结果（2）", replaced: true });
  });

  it("writes 审核结果（2） beside a 审核结果 sheet the add-in did not write", async () => {
    const wb = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
    wb.sheets.push({
      name: "审核结果",
      top: 0,
      left: 0,
      cells: [[{ value: "我的审核记录", text: "我的审核记录" }]],
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    });
    const host = new MemoryHost(wb);
    const outcome = await checkAndHighlight(host);
    expect(await exportResultSheet(host, outcome, outcome.settings)).toEqual({ sheet: "审核结果（2）", replaced: false, kept: "审核结果", rows: 6 });
    expect(texts(host, "审核结果")).toEqual({ A1: "我的审核记录" });
    expect((await host.loadSettings()).resultSheet?.sheet).toBe("审核结果（2）");
  });
});
