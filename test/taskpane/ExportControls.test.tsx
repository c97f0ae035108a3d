/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** 导出审核结果 in the task pane (React Testing Library over the in-memory host and seed000): the sheet, the HTML download and its fallbacks. */
import "./jsdom";
import * as path from "path";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import { strings } from "../../src/addin/i18n";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { MemoryHost } from "../../src/host/memory/MemoryHost";
import { App } from "../../src/taskpane/App";
import { ExportControls } from "../../src/taskpane/ExportControls";
import { appTheme } from "../../src/taskpane/theme";
import type { Checker } from "../../src/taskpane/useChecker";
import { FIXTURES } from "../helpers";

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoLayoutResizeObserver;
jest.setTimeout(30000);

/** What the download link was given: the file name, and the Blob behind its URL. */
const downloads: { name: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();
beforeAll(() => {
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

function blobText(b: Blob): Promise<string> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });
}

async function renderChecked(canDownload = true) {
  const host = new MemoryHost(await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx")));
  Object.defineProperty(host, "canDownload", { value: canDownload });
  const user = userEvent.setup();
  render(
    <FluentProvider theme={appTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("button", { name: "检查工作簿" }));
  await screen.findByText(/识别到 \d+ 张表/, undefined, { timeout: 10000 });
  return { host, user };
}

const exportButton = () => screen.getByRole("button", { name: "导出审核结果到工作表" });
const downloadButton = () => screen.getByRole("button", { name: "下载审核报告（HTML）" });

describe("ExportControls", () => {
  it("both actions wait for a check", () => {
    const checker = { host: {}, outcome: null, settings: null, busy: null, setNotice: () => undefined } as unknown as Checker;
    render(
      <FluentProvider theme={appTheme}>
        <ExportControls checker={checker} s={strings("zh")} />
      </FluentProvider>,
    );
    expect((exportButton() as HTMLButtonElement).disabled).toBe(true);
    expect((downloadButton() as HTMLButtonElement).disabled).toBe(true);
  });

  it("writes the 审核结果 sheet and names it in the notice; a second export replaces it", async () => {
    const { host, user } = await renderChecked();
    expect((exportButton() as HTMLButtonElement).disabled).toBe(false);
    await user.click(exportButton());
    await screen.findByText("已写入工作表“审核结果”，共 6 条。");
    const sheet = host.workbook.sheets.find((s) => s.name === "审核结果")!;
    expect(sheet.cells[3].map((c) => c?.text)).toEqual(["序号", "级别", "规则", "说明", "单元格", "可疑单元格及建议值", "核实说明"]);
    expect(sheet.cells[4].slice(0, 2).map((c) => c?.text)).toEqual(["1", "提示"]);
    expect(host.links.get("审核结果!E5")).toBe("#'情况说明'!A27");
    await user.click(exportButton());
    await screen.findByText("已写入工作表“审核结果”，共 6 条。");
    expect(host.workbook.sheets.filter((s) => s.name.startsWith("审核结果"))).toHaveLength(1);
    // the findings list and the marks are as they were
    expect(screen.getByText("识别到 19 张表，已标记 2 个单元格。另有 5 条尾差已隐藏。")).toBeTruthy();
    expect([...host.fills.keys()].filter((k) => !k.startsWith("审核结果!"))).toEqual(["情况说明!A27", "09三公经费!B7"]);
  });

  it("says when the officer's own 审核结果 sheet is kept", async () => {
    const { host, user } = await renderChecked();
    host.workbook.sheets.push({ name: "审核结果", top: 0, left: 0, cells: [[{ value: "我的", text: "我的" }]], merges: [], hiddenRows: [], hiddenCols: [] });
    await user.click(exportButton());
    await screen.findByText("已写入工作表“审核结果（2）”，共 6 条。工作簿中的“审核结果”工作表不是本加载项写入的或已被修改，已原样保留。");
  });

  it("downloads the HTML report named after the workbook, with the findings", async () => {
    const { user } = await renderChecked();
    downloads.length = 0;
    await user.click(downloadButton());
    await screen.findByText(/^已生成审核报告“seed000-审核报告.html”/);
    expect(downloads.map((d) => d.name)).toEqual(["seed000-审核报告.html"]);
    expect(downloads[0].blob.type).toBe("text/html;charset=utf-8");
    const html = await blobText(downloads[0].blob);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<title>预决算公开审核报告</title>");
    expect(html).toContain("情况说明写“其中因公出国(境)费 0 万元,与2023年相比减少0.03万元”");
    expect(html).toContain("<summary>尾差 5 条（四舍五入造成，在允许范围内，一般无需修改）</summary>");
  });

  it("where the pane cannot download, copies the report to the clipboard, else shows it", async () => {
    const { user } = await renderChecked(false);
    downloads.length = 0;
    await user.click(downloadButton());
    await screen.findByText(/^此版本的 Excel 不能从任务窗格下载文件：审核报告（HTML）已复制到剪贴板。/);
    expect(downloads).toEqual([]);
    expect(await navigator.clipboard.readText()).toMatch(/^<!DOCTYPE html>[\s\S]*预决算公开审核报告/);
    jest.spyOn(navigator.clipboard, "writeText").mockRejectedValueOnce(new Error("denied"));
    await user.click(downloadButton());
    await screen.findByText(/也无法写入剪贴板。请全选下框中的内容并复制/);
    expect((screen.getByRole("textbox", { name: "审核报告（HTML）全文" }) as HTMLTextAreaElement).value).toMatch(/^<!DOCTYPE html>/);
  });
});
