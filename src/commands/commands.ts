/*
 * FunctionFile (commands.html) for the ribbon.
 *
 * The "显示任务窗格" button is a declarative ShowTaskpane action and needs no code here.
 * 检查工作簿 (checkWorkbook) reads the workbook, runs the rules and marks the findings' cells;
 * 清除标记 (clearMarks) restores the fills the marks covered. The keys of `commands` must match the
 * <FunctionName> elements in manifest.xml.
 *
 * Excel has no notification API for ExecuteFunction commands (notificationMessages is Outlook's), so
 * the result shows in the workbook itself: the marked cells, and the first error (or other finding)
 * selected. The counts go to the console; the task pane lists the findings.
 */

/* global console, Office */

import { checkAndHighlight, openFindings } from "../addin/check";
import { ExcelHost } from "../host/excel/excelHost";
import { strings } from "../addin/i18n";

type CommandHandler = (event: Office.AddinCommands.Event) => void | Promise<void>;

const commands: Record<string, CommandHandler> = {
  async checkWorkbook() {
    const host = new ExcelHost();
    const out = await checkAndHighlight(host);
    console.info(`[commands] ${strings("zh").checkDone(out.counts, out.marked)}`);
    const open = openFindings(out.findings, out.settings).filter((f) => f.cells.length > 0);
    const first = open.find((f) => f.level === "error") ?? open[0];
    if (first) await host.select(first.cells.map((c) => ({ sheet: c.sheet, address: c.address })));
  },
  async clearMarks() {
    const restored = await new ExcelHost().clearHighlights();
    console.info(`[commands] ${strings("zh").cleared(restored)}`);
  },
};

/** Runs a handler and always signals completion, so Office never waits on a failed command. */
function asOfficeAction(name: string, handler: CommandHandler): (event: Office.AddinCommands.Event) => void {
  const run = async (event: Office.AddinCommands.Event) => {
    try {
      await handler(event);
    } catch (err) {
      console.error(`[commands] ${name} failed`, err);
    } finally {
      event.completed();
    }
  };
  return (event) => void run(event);
}

void Office.onReady(() => {
  for (const [name, handler] of Object.entries(commands)) {
    Office.actions.associate(name, asOfficeAction(name, handler));
  }
});

export {};
