/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The task pane rendered with React Testing Library over the in-memory host and a real seed workbook. */
import "./jsdom";
import * as path from "path";
import { render, screen, within, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import type { WorkbookSnapshot } from "../../src/grid/workbook";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { MemoryHost } from "../../src/host/memory/MemoryHost";
import { MARK_COLORS, SUSPECT_COLOR } from "../../src/host/marks";
import { ruleHelp } from "../../src/rules/registry";
import { App } from "../../src/taskpane/App";
import { appTheme } from "../../src/taskpane/theme";
import { FIXTURES } from "../helpers";

// jsdom has no layout: Fluent's MessageBar observes its size, which never changes here
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoLayoutResizeObserver;
// (a check in jsdom takes 10–50 s on a loaded 2-core machine, several per test)
jest.setTimeout(180000);

async function renderPane(id = "seed000", edit?: (wb: WorkbookSnapshot) => void) {
  const wb = await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
  edit?.(wb);
  const host = new MemoryHost(wb);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={appTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  return { host, user };
}

/** Types into the 上年数据 entry of that label (pasted: one change). */
async function enter(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "检查工作簿" }));
  await screen.findByText(/识别到 \d+ 张表/, undefined, { timeout: 10000 });
}

describe("task pane", () => {
  it("without a workbook host it says how to try it", () => {
    render(
      <FluentProvider theme={appTheme}>
        <App host={null} />
      </FluentProvider>,
    );
    expect(screen.getByText(/未在 Excel 中运行/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "检查工作簿" })).toBeNull();
  });

  it("shows one card for the cell the failing equations blame, with the value it should hold, marked in its own colour", async () => {
    const { host, user } = await renderPane("seed000", (wb) => {
      const s = wb.sheets.find((x) => x.name === "03支出总表")!;
      s.cells[9 - s.top][4 - s.left] = { value: 72.99, text: "72.99", numFmt: "0.00" }; // E10: 71.99 in the published table
    });
    await check(user);
    const errors = screen.getAllByRole("listitem").filter((li) => li.getAttribute("data-level") === "error");
    expect(errors).toHaveLength(1);
    const card = errors[0];
    expect(within(card).getByText("03支出总表!E10 最可能有误")).toBeTruthy();
    expect(within(card).getByText("应为 71.99（使 3 个等式成立）")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "03支出总表（支出总表）" })).toBeTruthy();
    // the equations it breaks are folded under it
    expect(within(card).queryByText(/「支出总表」第10行/)).toBeNull();
    await user.click(within(card).getByRole("button", { name: "展开 3 个不成立的等式" }));
    expect(within(card).getAllByText(/^「支出总表」第(8|10)行|^收入全部为一般公共预算财政拨款/)).toHaveLength(3);
    // the cross-sheet equation shows both sides with their values
    await user.click(within(card).getByRole("button", { name: "对侧" }));
    expect(within(card).getByText("「03支出总表」一侧合计 72.99：")).toBeTruthy();
    expect(within(card).getByText("「05一般公共预算支出表」一侧合计 71.99：")).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "选中 E10" }));
    expect(host.selection).toEqual({ sheet: "03支出总表", address: "E10" });
    // the suspect is painted apart from the other cells of its equations
    expect(host.fills.get("03支出总表!E10")).toBe(SUSPECT_COLOR);
    expect(host.fills.get("03支出总表!D10")).toBe(MARK_COLORS.error);
    expect(host.fills.get("05一般公共预算支出表!E10")).toBe(MARK_COLORS.error);
  });

  it("fills the suspect's proposed value in only after the officer confirms, then checks again: the equations hold", async () => {
    const { host, user } = await renderPane("seed000", (wb) => {
      const s = wb.sheets.find((x) => x.name === "03支出总表")!;
      s.cells[9 - s.top][4 - s.left] = { value: 72.99, text: "72.99", numFmt: "0.00" };
    });
    await check(user);
    await user.click(screen.getByRole("button", { name: "选中并填入建议值" }));
    expect(host.selection).toEqual({ sheet: "03支出总表", address: "E10" });
    let dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByText("把 03支出总表!E10 由 72.99 改为 71.99？这会修改工作表中的数据；改后将重新检查。")).toBeTruthy();
    // 取消 writes nothing
    await user.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    const sheet = host.workbook.sheets.find((x) => x.name === "03支出总表")!;
    const e10 = () => sheet.cells[9 - sheet.top][4 - sheet.left];
    expect(e10()?.text).toBe("72.99");
    await user.click(screen.getByRole("button", { name: "选中并填入建议值" }));
    dialog = await screen.findByRole("dialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "填入", hidden: true }));
    await screen.findByText("已将 03支出总表!E10 改为 71.99，并重新检查。");
    expect(e10()?.value).toBe(71.99);
    expect(e10()?.text).toBe("71.99");
    expect(screen.getByRole("button", { name: "错误 0" })).toBeTruthy();
  });

  it("offers a certain 情况说明 fix to accept (written into the cell, checked again) or dismiss", async () => {
    const { user } = await renderPane("seed000", (wb) => {
      const s = wb.sheets.find((x) => x.name === "情况说明")!;
      const c = s.cells[18 - s.top][0]!;
      const t = c.text.replace("收入9064.36万元", "收入9.064.36万元");
      s.cells[18 - s.top][0] = { ...c, value: t, text: t };
    });
    await check(user);
    const card = screen.getAllByRole("listitem").find((li) => within(li).queryByText(/多了一个小数点/))!;
    expect(within(card).getByText("建议修改：改为“9,064.36万元”")).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "忽略" }));
    expect(within(card).queryByText(/建议修改/)).toBeNull();
    expect(screen.getAllByRole("listitem").filter((li) => within(li).queryByText(/多了一个小数点/))).toHaveLength(1);
  });

  it("an accepted 情况说明 fix is written into the officer's cell and the finding goes away", async () => {
    const { host, user } = await renderPane("seed000", (wb) => {
      const s = wb.sheets.find((x) => x.name === "情况说明")!;
      const c = s.cells[18 - s.top][0]!;
      const t = c.text.replace("收入9064.36万元", "收入9.064.36万元");
      s.cells[18 - s.top][0] = { ...c, value: t, text: t };
    });
    await check(user);
    const card = screen.getAllByRole("listitem").find((li) => within(li).queryByText(/多了一个小数点/))!;
    await user.click(within(card).getByRole("button", { name: "接受" }));
    await screen.findByText("已修改：改为“9,064.36万元”。已重新检查。");
    const narrative = host.workbook.sheets.find((x) => x.name === "情况说明")!;
    expect(narrative.cells[18 - narrative.top][0]?.text).toBe("反映本单位当年全部收入。2024预算收入9,064.36万元，其中：一般公共预算收入9064.36 万元。");
    expect(screen.queryAllByText(/多了一个小数点/)).toHaveLength(0);
  });

  it("each card opens its rule's 规则说明: what must hold, and an example", async () => {
    const { user } = await renderPane();
    await check(user);
    const card = screen.getAllByRole("listitem")[0];
    const help = ruleHelp("N1-narrative")!;
    await user.click(within(card).getByRole("button", { name: "规则说明" }));
    expect(within(card).getByText(help.name)).toBeTruthy();
    expect(within(card).getByText(help.explanation)).toBeTruthy();
    expect(within(card).getByText(`例：${help.example}`)).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "收起规则说明" }));
    expect(within(card).queryByText(help.explanation)).toBeNull();
  });

  it("the list is one Tab stop: arrow keys move between cards and into a card's links, Enter goes to the cell", async () => {
    const { host, user } = await renderPane();
    await check(user);
    await user.click(screen.getByRole("button", { name: "尾差 5" }));
    const items = () => screen.getAllByRole("listitem");
    expect(items().filter((li) => li.tabIndex === 0)).toHaveLength(1);
    items()[0].focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(items()[1]);
    expect(items()[1].getAttribute("aria-current")).toBe("true");
    expect(screen.getByText("第 2/6 条")).toBeTruthy();
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(items()[5]);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(items()[5]);
    await user.keyboard("{Home}{ArrowRight}");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("定位到 情况说明!A27");
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("定位到 09三公经费!C7");
    await user.keyboard("{Enter}");
    expect(host.selection).toEqual({ sheet: "09三公经费", address: "C7" });
    await user.keyboard("{Escape}");
    expect(document.activeElement).toBe(items()[0]);
    await user.keyboard("{Enter}");
    expect(host.selection).toEqual({ sheet: "情况说明", address: "A27" });
  });

  it("checks the workbook, shows the counts by level, and jumps to a finding's suspect cell", async () => {
    const { host, user } = await renderPane();
    await check(user);
    // only what the list shows is painted: the 提示's cells (its blank 三公 cell's mark on the row's label), not the hidden 尾差
    expect(screen.getByText("识别到 19 张表，已标记 2 个单元格。另有 5 条尾差已隐藏。")).toBeTruthy();
    expect(host.fills.size).toBe(2);
    expect(screen.getByRole("button", { name: "错误 0" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "提示 1" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "尾差 5" })).toBeTruthy();
    // 尾差 are hidden until asked for
    let items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0].getAttribute("data-rule")).toBe("N1-narrative");
    // a 情况说明 sentence and a table cell are no two sides of amounts to show
    expect(within(items[0]).queryByRole("button", { name: "对侧" })).toBeNull();
    await user.click(items[0]);
    expect(host.selection).toEqual({ sheet: "情况说明", address: "A27" });
    expect(host.activeSheet).toBe("情况说明");
    // a cell link jumps to that cell
    await user.click(within(items[0]).getByRole("button", { name: "定位到 09三公经费!C7" }));
    expect(host.selection).toEqual({ sheet: "09三公经费", address: "C7" });
    await user.click(screen.getByRole("button", { name: "尾差 5" }));
    items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(6);
    // shown, the 尾差 are painted too, and the summary says so
    await screen.findByText(/^识别到 19 张表，已标记 \d+ 个单元格。$/);
    expect(host.fills.size).toBeGreaterThan(2);
    // next/previous walk the list in display order, from the finding clicked last, and stop at both ends
    await user.click(screen.getByRole("button", { name: "下一个" }));
    expect(screen.getByText("第 2/6 条")).toBeTruthy();
    expect(items[1].getAttribute("aria-current")).toBe("true");
    await user.click(screen.getByRole("button", { name: "上一个" }));
    expect(screen.getByText("第 1/6 条")).toBeTruthy();
    expect((screen.getByRole("button", { name: "上一个" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("groups by rule on request", async () => {
    const { user } = await renderPane();
    await check(user);
    await user.click(screen.getByRole("button", { name: "尾差 5" }));
    await user.click(screen.getByRole("radio", { name: "按规则" }));
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    // the rule's Chinese name, never its id
    expect(headings).toEqual([
      "情况说明中的金额、单位、构成、增减、占比和增幅应与表格一致",
      "支出类表每行：合计 = 基本支出 + 项目支出（+ 经营支出等），基本支出 = 人员经费 + 公用经费各项",
      "功能分类科目逐级汇总：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和",
      "经济分类科目逐级汇总：类 = 所属款之和，合计 = 各类之和",
    ]);
    for (const h of headings) expect(h).not.toMatch(/[A-Z]\d+-[a-z]/);
  });

  it("a 提示 confirmed with an explanation moves to the confirmed list, is unmarked, and can be undone", async () => {
    const { host, user } = await renderPane();
    await check(user);
    expect(host.fills.has("情况说明!A27")).toBe(true);
    await user.click(within(screen.getAllByRole("listitem")[0]).getByRole("button", { name: "核实" }));
    // (Fluent's dialog surface can still carry aria-hidden while it opens under jsdom: query it regardless)
    const dialog = await screen.findByRole("dialog", { hidden: true });
    const save = await within(dialog).findByRole("button", { name: "保存", hidden: true });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(dialog).getByRole("textbox", { hidden: true }), "上年该项为0，文字有误，已改");
    await user.click(save);
    await screen.findByText("已核实的提示（1）");
    await waitFor(() => expect(host.fills.has("情况说明!A27")).toBe(false));
    await screen.findByRole("button", { name: "提示 0" });
    expect((await host.loadSettings()).confirmed[0].explanation).toBe("上年该项为0，文字有误，已改");
    await user.click(screen.getByRole("button", { name: "撤销核实" }));
    await screen.findByRole("button", { name: "提示 1" });
  });

  it("clears the marks and says how many cells were restored", async () => {
    const { host, user } = await renderPane();
    await check(user);
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已恢复 2 个单元格原来的填充。");
    expect(host.fills.size).toBe(0);
    expect(screen.getByText("识别到 19 张表，已标记 0 个单元格。另有 5 条尾差已隐藏。")).toBeTruthy();
  });

  it("mapping tab lists tables and unrecognized sheets, and assigns the selection to a table kind", async () => {
    const { host, user } = await renderPane();
    await check(user);
    await user.click(screen.getByRole("tab", { name: "映射" }));
    expect(screen.getByText("已识别的表（19）")).toBeTruthy();
    expect(screen.getByText("机构设置情况表不含预算金额，不参与审核")).toBeTruthy();
    // the document family, with why it was chosen
    expect(screen.getByText("自动判断为「部门预算·通用格式（河北措辞）」：预算；未见河南格式的“总体情况表”，按通用格式")).toBeTruthy();
    // no kind is chosen for her: the dropdown starts empty and the button waits for a choice
    expect((screen.getByRole("button", { name: "将当前选区指定为此类表" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("combobox", { name: "表类型" }).textContent).toBe("请选择表类型");
    await user.click(screen.getByRole("combobox", { name: "表类型" }));
    await user.click(screen.getByRole("option", { name: "不是公开表（不检查）" }));
    await user.click(screen.getByRole("button", { name: "将当前选区指定为此类表" }));
    expect(screen.getByText("请先在工作表中选中表格所在的区域。")).toBeTruthy();
    // ignore the 三公 table: it disappears from the list and the checks
    host.selectFromPage({ sheet: "09三公经费", address: "A1:F11" });
    await user.click(screen.getByRole("button", { name: "将当前选区指定为此类表" }));
    await screen.findByText("已将 09三公经费!A1:F11 指定为「不是公开表（不检查）」，并重新检查。");
    expect(screen.getByText("已识别的表（18）")).toBeTruthy();
    expect(screen.getByText("映射更正（1）")).toBeTruthy();
    expect((await host.loadSettings()).mapping).toEqual([{ sheet: "09三公经费", range: "A1:F11", kind: "ignore" }]);
    await user.click(screen.getByRole("button", { name: "删除" }));
    await screen.findByText("已识别的表（19）");
  });

  it("mapping tab checks under the document family the officer chooses, and keeps the choice in the workbook", async () => {
    const { host, user } = await renderPane();
    await check(user);
    await user.click(screen.getByRole("tab", { name: "映射" }));
    await user.click(screen.getByRole("combobox", { name: "公开格式" }));
    await user.click(screen.getByRole("option", { name: "部门决算·全国通用九张表" }));
    await screen.findByText("按指定的「部门决算·全国通用九张表」检查");
    expect((await host.loadSettings()).profile).toBe("final-national");
  });

  it("narrative tab generates the sections with prior-year figures, takes a reason typed into a slot, and inserts them into the 情况说明 sheet", async () => {
    const { host, user } = await renderPane("seed000");
    await user.click(screen.getByRole("tab", { name: "情况说明" }));
    for (const [label, v] of [
      ["上年年度", "2023"],
      ["收支总额（本年支出合计）", "8378.87"],
      ["基本支出", "799.60"],
      ["项目支出", "7579.27"],
    ])
      await enter(user, label, v);
    await user.click(screen.getByRole("button", { name: "生成情况说明" }));
    await screen.findByText(/^一、/, undefined, { timeout: 10000 });
    expect(screen.getAllByText(/较2023年预算增加685\.49万元/).length).toBeGreaterThan(0);
    const slots = screen.getAllByRole("textbox", { name: /^【请填写增减原因】：/ }) as HTMLInputElement[];
    expect(slots.map((x) => x.getAttribute("aria-label"))).toEqual(["【请填写增减原因】：基本支出", "【请填写增减原因】：项目支出"]);
    // the reasons the unit wrote in its own 情况说明 sheet are recovered into the slots
    const sheetText = host.workbook.sheets
      .find((x) => x.name === "情况说明")!
      .cells.flat()
      .map((c) => c?.text ?? "")
      .join("\n");
    expect(slots[1].value).not.toBe("");
    expect(sheetText).toContain(slots[1].value);
    expect(slots[0].value).not.toBe("");
    await user.clear(slots[0]);
    await user.type(slots[0], "主要是医疗救助资金增加");
    await user.click(screen.getByRole("button", { name: "插入“情况说明”工作表" }));
    // one slot is still empty: she is told, and inserts anyway
    const unfilled = await screen.findByRole("dialog", { hidden: true });
    expect(unfilled.textContent).toContain("还有 1 处未填写：机关运行经费（主要用途）。");
    await user.click(within(unfilled).getByRole("button", { name: "仍然插入", hidden: true }));
    // the sheet holds the unit's own 情况说明: the generated one goes below it, as she chooses
    await user.click(await screen.findByRole("button", { name: "追加在后面", hidden: true }));
    await screen.findByText(/^已写入“情况说明”工作表 A\d+:A\d+。$/);
    const sheet = host.workbook.sheets.find((s) => s.name === "情况说明")!;
    const texts = sheet.cells
      .flat()
      .filter((c) => c)
      .map((c) => c!.text);
    expect(texts).toContain(screen.getAllByRole("heading", { level: 3 })[0].textContent);
    expect(texts.some((t) => t.includes("基本支出") && t.includes("主要是医疗救助资金增加"))).toBe(true);
    expect((await host.loadSettings()).reasons).toMatchObject({ "change/基本支出": "主要是医疗救助资金增加" });
  }, 240000); // a check of the workbook, four entries typed, two questions answered

  it("checks the stated changes again against the 上年数据 saved in the narrative tab", async () => {
    const { host, user } = await renderPane("seed000");
    await check(user);
    expect(screen.getByRole("button", { name: "错误 0" })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "情况说明" }));
    // last year's 三公 items as the text states them (the decrease of the 0 item is backed), another total
    for (const [label, v] of [
      ["上年年度", "2023"],
      ["收支总额（本年支出合计）", "8400.00"],
      ["“三公”经费合计", "3.67"],
      ["因公出国（境）费", "0.03"],
      ["公务用车购置及运行维护费", "3.00"],
      ["公务接待费", "0.64"],
    ])
      await enter(user, label, v);
    await user.click(screen.getByRole("button", { name: "保存上年数据" }));
    await screen.findByText("上年数据已保存到工作簿。");
    expect((await host.loadSettings()).prior).toMatchObject({ year: 2023, total: "8400.00" });
    await user.click(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByRole("button", { name: "错误 1" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "提示 0" })).toBeTruthy();
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain("上年为 8400.00万元（上年数据文件），应增加 664.36万元");
    expect(host.fills.has("情况说明!A23")).toBe(true);
    expect(host.fills.has("情况说明!A27")).toBe(false);
  }, 120000); // two checks of the workbook, six entries typed

  it("switches to English", async () => {
    const { user } = await renderPane();
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("button", { name: "Check workbook" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Mapping" })).toBeTruthy();
  });
});
