/** The pane's HTML report: the CLI's page (renderHtmlReport) for the pane's check, with the confirmed 提示 apart; its file name. */
import * as path from "path";
import { checkAndHighlight, findingKey, type CheckOutcome } from "../../src/addin/check";
import { paneReport, reportFileName, reportHtml } from "../../src/addin/export";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { MemoryHost } from "../../src/host/memory/MemoryHost";
import type { AddinSettings } from "../../src/host/types";
import { escapeHtml, renderHtmlReport } from "../../src/report/html";
import { FIXTURES } from "../helpers";

let outcome: CheckOutcome;
let settings: AddinSettings;

beforeAll(async () => {
  const host = new MemoryHost(await readWorkbookFile(path.join(FIXTURES, "seed001-unit.xlsx")));
  const first = await checkAndHighlight(host);
  const w = first.findings.find((f) => f.level === "warning")!;
  settings = { ...first.settings, confirmed: [{ key: findingKey(w), ruleId: w.ruleId, message: w.message, explanation: "经核实<无误>", at: "2026-11-23" }] };
  outcome = { ...first, checkedAt: new Date("2026-05-01T10:30:00Z") };
});

describe("the pane's HTML report", () => {
  it("is the CLI's report of one file: the open findings counted, the confirmed 提示 listed apart with the explanation", () => {
    const report = paneReport(outcome, settings);
    expect(report.inputs).toEqual(["seed001-unit.xlsx"]);
    expect(report.generatedAt).toBe("2026-05-01T10:30:00.000Z");
    const [file] = report.files;
    expect(file).toMatchObject({ path: "seed001-unit.xlsx", kind: outcome.model.documentKind, unitName: outcome.model.unitName, year: outcome.model.year });
    expect(file.counts).toEqual({ ...outcome.counts, warning: outcome.counts.warning - 1 });
    expect(file.findings).toHaveLength(outcome.findings.length - 1);
    expect(file.confirmed?.map((c) => [c.finding.message, c.explanation, c.at])).toEqual([[settings.confirmed[0].message, "经核实<无误>", "2026-11-23"]]);

    const html = reportHtml(outcome, settings);
    expect(html).toBe(renderHtmlReport(report));
    expect(html).toContain('生成时间</dt><dd><time datetime="2026-05-01T10:30:00.000Z">2026-05-01 18:30:00（北京时间）</time>');
    for (const f of file.findings!) expect(html).toContain(escapeHtml(f.message));
    expect(html).toContain("<summary>已核实的提示 1 条（已说明核实结果，不计入上面的数量）</summary>");
    expect(html).toContain("经核实&lt;无误&gt;<br><small>2026-11-23 核实</small>");
  });

  it("without confirmations the page is the CLI's exactly (no confirmed section)", () => {
    const html = reportHtml(outcome, { ...settings, confirmed: [] });
    expect(html).not.toContain("已核实的提示");
    const { confirmed: _none, ...file } = paneReport(outcome, { ...settings, confirmed: [] }).files[0];
    expect(_none).toEqual([]);
    expect(html).toBe(renderHtmlReport({ inputs: ["seed001-unit.xlsx"], generatedAt: "2026-05-01T10:30:00.000Z", files: [file] }));
  });

  it("is named after the workbook, else the unit, without characters a file name cannot hold", () => {
    expect(reportFileName(outcome)).toBe("seed001-unit-审核报告.html");
    const named = (name: string, unitName: string | null = "某单位") =>
      reportFileName({ ...outcome, snapshot: { ...outcome.snapshot, name }, model: { ...outcome.model, unitName } });
    expect(named("2024年/预算:草稿?.xlsm")).toBe("2024年_预算_草稿_-审核报告.html");
    expect(named("")).toBe("某单位-审核报告.html");
    expect(named("", null)).toBe("预决算公开-审核报告.html");
  });
});
