/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The 情况说明 tab over the in-memory host and real seed workbooks: the 上年数据 form (entries, messages naming
 * the entry, saving, the JSON view in step), importing last year's workbook, the questions before writing
 * (slots still empty; the officer's own text in the sheet: replace, append, new sheet).
 */
import "./jsdom";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { MemoryHost } from "../../src/host/memory/MemoryHost";
import { App } from "../../src/taskpane/App";
import { appTheme } from "../../src/taskpane/theme";
import { FIXTURES } from "../helpers";

jest.setTimeout(120000); // a check of the workbook in jsdom on a shared machine

type User = ReturnType<typeof userEvent.setup>;

async function openTab(id = "seed000") {
  const host = new MemoryHost(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
  const user = userEvent.setup();
  render(
    <FluentProvider theme={appTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("tab", { name: "情况说明" }));
  return { host, user };
}

const entry = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

/** Types into an entry (pasted: one change). */
async function enter(user: User, label: string, text: string) {
  await user.clear(entry(label));
  await user.click(entry(label));
  await user.paste(text);
}

/** The texts of a sheet, "A1=…" in reading order. */
function textsOf(host: MemoryHost, name: string): string[] {
  const sheet = host.workbook.sheets.find((s) => s.name === name);
  if (!sheet) return [];
  return sheet.cells.flatMap((line, r) =>
    line.flatMap((c, k) => (c && c.text !== "" ? [`${String.fromCharCode(65 + sheet.left + k)}${sheet.top + r + 1}=${c.text}`] : [])),
  );
}

function fixtureFile(id: string): File {
  return new File([fs.readFileSync(path.join(FIXTURES, `${id}.xlsx`))], `${id}.xlsx`, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("上年数据 form", () => {
  it("takes amounts as typed, names the entry it cannot take, saves them in the workbook, and keeps the JSON view in step", async () => {
    const { host, user } = await openTab();
    // every entry is labelled in Chinese, never by its JSON key
    for (const label of ["上年年度", "收支总额（本年支出合计）", "基本支出", "项目支出", "一般公共预算财政拨款支出", "“三公”经费合计", "因公出国（境）费"])
      expect(entry(label)).toBeTruthy();
    for (const label of ["公务用车购置及运行维护费", "其中：公务用车购置费", "其中：公务用车运行维护费", "公务接待费"]) expect(entry(label)).toBeTruthy();
    expect(screen.queryByText(/threePublic|"basic"|total/)).toBeNull();

    await enter(user, "基本支出", "八百");
    expect(screen.getByText("基本支出：请输入数字（万元），例如 1234.56")).toBeTruthy();
    expect(screen.getByText("上年年度：填写了上年数字时须写明年度，例如 2023")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "保存上年数据" }));
    await screen.findByText("上年数据有 2 处需要修改：上年年度：填写了上年数字时须写明年度，例如 2023");
    expect((await host.loadSettings()).prior).toBeUndefined();

    // full-width digits and a thousands separator are what a Chinese keyboard gives: taken, as typed
    await enter(user, "上年年度", "2023");
    await enter(user, "基本支出", "７９９.６０");
    await enter(user, "收支总额（本年支出合计）", "8,378.87");
    await enter(user, "公务接待费", "0.64");
    expect(screen.queryByText(/请输入数字/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "保存上年数据" }));
    await screen.findByText("上年数据已保存到工作簿。");
    expect((await host.loadSettings()).prior).toEqual({ year: 2023, total: "8378.87", basic: "799.60", threePublic: { 公务接待: "0.64" } });

    // the advanced view shows the same figures as JSON …
    await user.click(screen.getByRole("button", { name: "高级：以 JSON 编辑" }));
    const json = (await screen.findByLabelText("上年数据（JSON 格式，与上面的表单同步）")) as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual({ year: 2023, total: "8378.87", basic: "799.60", threePublic: { 公务接待: "0.64" } });
    // … follows the form …
    await enter(user, "项目支出", "7579.27");
    expect(JSON.parse(json.value)).toMatchObject({ project: "7579.27" });
    // … and the form follows it; what is not JSON of the format leaves the form as it was, and says why
    await user.clear(json);
    await user.click(json);
    await user.paste('{"year": 2022, "basic": "700.00", "threePublic": {"因公出国": "0.03"}}');
    expect([entry("上年年度").value, entry("基本支出").value, entry("因公出国（境）费").value, entry("项目支出").value, entry("公务接待费").value]).toEqual([
      "2022",
      "700.00",
      "0.03",
      "",
      "",
    ]);
    await user.paste(",");
    expect(screen.getByText("JSON 格式有误，表单未更新。")).toBeTruthy();
    expect(entry("基本支出").value).toBe("700.00");
    // emptied, the JSON empties the form; an item the format does not know is refused, and the form stays empty
    await user.clear(json);
    expect(entry("基本支出").value).toBe("");
    await user.paste('{"year": 2022, "basic": "700.00", "其他": "1"}');
    expect(screen.getByText("JSON 中有本工具不认识的项：“其他”，表单未更新。")).toBeTruthy();
    expect(entry("基本支出").value).toBe("");
  });
});

describe("从上年工作簿导入", () => {
  it("reads last year's workbook in the pane and fills the form with its figures, exactly", async () => {
    const { host, user } = await openTab("seed002"); // a 2025 budget; seed000 is the 2024 one
    await user.upload(screen.getByLabelText("从上年工作簿导入…"), fixtureFile("seed000"));
    await screen.findByText("已从「seed000.xlsx」读入 2024 年的 10 项数字，请核对后单击“保存上年数据”。", undefined, { timeout: 30000 });
    const filled = Object.fromEntries(
      [
        "上年年度",
        "收支总额（本年支出合计）",
        "基本支出",
        "项目支出",
        "一般公共预算财政拨款支出",
        "“三公”经费合计",
        "因公出国（境）费",
        "公务用车购置及运行维护费",
        "其中：公务用车购置费",
        "其中：公务用车运行维护费",
        "公务接待费",
      ].map((l) => [l, entry(l).value]),
    );
    expect(filled).toEqual({
      上年年度: "2024",
      "收支总额（本年支出合计）": "9064.36",
      基本支出: "805.64",
      项目支出: "8258.72",
      一般公共预算财政拨款支出: "9064.36",
      "“三公”经费合计": "3.61",
      "因公出国（境）费": "0.00",
      公务用车购置及运行维护费: "3.00",
      "其中：公务用车购置费": "0.00",
      "其中：公务用车运行维护费": "3.00",
      公务接待费: "0.61",
    });
    // nothing is saved until she says so
    expect((await host.loadSettings()).prior).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "保存上年数据" }));
    await screen.findByText("上年数据已保存到工作簿。");
    expect((await host.loadSettings()).prior).toMatchObject({ year: 2024, total: "9064.36", threePublic: { 合计: "3.61", 公务接待: "0.61" } });
  });

  it("a file that is not a workbook, or a workbook without disclosure tables, gets a Chinese message and the form stays", async () => {
    const { user } = await openTab("seed002");
    await enter(user, "基本支出", "805.64");
    const input = screen.getByLabelText("从上年工作簿导入…");
    await user.upload(input, new File(["这不是 Excel 文件"], "上年.xlsx"));
    await screen.findByText("文件「上年.xlsx」不是 Excel 工作簿（.xlsx），无法读取。");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["会议记录"]);
    await user.upload(input, new File([Buffer.from(await wb.xlsx.writeBuffer())], "会议记录.xlsx"));
    await screen.findByText("上年工作簿「会议记录.xlsx」中没有识别到预算或决算公开表（收支总表、支出总表、“三公”经费表等），无法从中取得上年数据。");
    expect(entry("基本支出").value).toBe("805.64");
  });
});

/** Generates the 情况说明 of seed000 (its sheet holds the unit's own text) and asks to insert it, past the empty slots. */
async function generateAndInsert(user: User) {
  await user.click(screen.getByRole("button", { name: "生成情况说明" }));
  await screen.findByRole("heading", { name: "一、收入说明" }, { timeout: 60000 });
  await user.click(screen.getByRole("button", { name: "插入“情况说明”工作表" }));
  const unfilled = await screen.findByRole("dialog", { hidden: true });
  await user.click(within(unfilled).getByRole("button", { name: "仍然插入", hidden: true }));
  // (Fluent's dialog surface can carry aria-hidden while it opens under jsdom: found by its title's text)
  return waitFor(() => {
    const d = screen.getAllByRole("dialog", { hidden: true }).find((x) => x.textContent?.startsWith("“情况说明”工作表中已有文字"));
    expect(d).toBeTruthy();
    return d!;
  });
}

describe("inserting into a 情况说明 sheet that holds the officer's own text", () => {
  it.each([
    ["替换原有说明", "replaces her text, from A1"],
    ["追加在后面", "appends below it"],
    ["写入新工作表", "writes a new sheet beside it"],
    ["取消", "writes nothing"],
  ])("%s %s", async (choice) => {
    const { host, user } = await openTab("seed000");
    const theirs = textsOf(host, "情况说明");
    const dialog = await generateAndInsert(user);
    expect(dialog.textContent).toContain(`该工作表中已有 ${theirs.length} 个单元格的文字不是本加载项写入的（A1、A2、A3、A4、A5、A6…）`);
    // nothing is written before she chooses
    expect(textsOf(host, "情况说明")).toEqual(theirs);
    await user.click(within(dialog).getByRole("button", { name: choice, hidden: true }));
    const record = async () => (await host.loadSettings()).narrative;
    if (choice === "取消") {
      await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
      expect(textsOf(host, "情况说明")).toEqual(theirs);
      expect(await record()).toBeUndefined();
      return;
    }
    await screen.findByText(/^已写入“情况说明(（2）)?”工作表 A\d+:A\d+(（新建工作表）)?。$/);
    const written = (await record())!;
    const lines = written.texts.map((t, i) => `A${written.top + i + 1}=${t}`);
    expect(written.texts[0]).toBe("一、收入说明");
    if (choice === "替换原有说明") {
      expect(written).toMatchObject({ sheet: "情况说明", top: 0 });
      expect(textsOf(host, "情况说明")).toEqual(lines);
    } else if (choice === "追加在后面") {
      expect(written).toMatchObject({ sheet: "情况说明", top: theirs.length + 1 });
      expect(textsOf(host, "情况说明")).toEqual([...theirs, ...lines]);
    } else {
      expect(written).toMatchObject({ sheet: "情况说明（2）", top: 0 });
      expect(textsOf(host, "情况说明")).toEqual(theirs);
      expect(textsOf(host, "情况说明（2）")).toEqual(lines);
      expect(screen.getByText(`已写入“情况说明（2）”工作表 A1:A${lines.length}（新建工作表）。`)).toBeTruthy();
    }
  });
});

describe("slots still empty", () => {
  it("are listed before copying; 返回填写 goes back to the first; once filled, the text goes without asking", async () => {
    const { user } = await openTab("seed000");
    await user.click(screen.getByRole("button", { name: "生成情况说明" }));
    await screen.findByRole("heading", { name: "一、收入说明" }, { timeout: 60000 });
    const slots = screen.getAllByRole("textbox", { name: /^【请填写/ }) as HTMLTextAreaElement[];
    // each slot is a text area that grows with its text (one paragraph: no line breaks)
    expect(slots.every((x) => x.tagName === "TEXTAREA")).toBe(true);
    const empty = slots.filter((x) => x.value === "");
    expect(empty.length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "复制到剪贴板" }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByText(`还有 ${empty.length} 处未填写：机关运行经费（主要用途）。`, { exact: false })).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "仍然复制", hidden: true })).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "返回填写", hidden: true }));
    await waitFor(() => expect(document.activeElement).toBe(empty[0]));
    await user.type(empty[0], "办公费、水电费等日常运行{Enter}支出");
    expect(empty[0].value).toBe("办公费、水电费等日常运行支出");
    for (const x of empty.slice(1)) await user.type(x, "已填写");
    await user.click(screen.getByRole("button", { name: "复制到剪贴板" }));
    await screen.findByText("已复制到剪贴板。");
    expect(screen.queryByRole("dialog", { hidden: true })).toBeNull();
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain("办公费、水电费等日常运行支出");
    expect(copied).not.toContain("【请填写");
  });
});
