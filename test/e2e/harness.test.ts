/**
 * End to end in Debian's Chromium: the harness page (the task pane beside a grid of the workbook) over a
 * seed workbook. Builds the pages with webpack into a temporary folder, serves them with the harness
 * server, and drives them with playwright-core. Screenshots go to test/e2e/screenshots/ (not in git).
 * Chromium must be installed (.ci/run installs it); outside CI the suite is skipped with a warning when
 * it is not.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import { chromium, type Browser, type Page } from "playwright-core";
import { createHarnessServer } from "../../scripts/harness";

const CHROMIUM = "/usr/bin/chromium";
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const ROOT = path.resolve(__dirname, "../..");
const SHOTS = path.join(__dirname, "screenshots");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests`);
if (!haveChromium) console.warn(`[e2e] ${CHROMIUM} not found: the browser tests are skipped (apt-get install chromium fonts-noto-cjk)`);
const describeBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(120000);

describeBrowser("harness in Chromium", () => {
  let dist: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-harness-"));
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "development", "--output-path", dist], {
      cwd: ROOT,
      stdio: "pipe",
    });
    server = createHarnessServer(dist);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on("pageerror", (e) => {
      throw e;
    });
  });

  afterEach(async () => {
    await page.close();
  });

  const pane = () => page.getByRole("complementary", { name: "任务窗格" });
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);

  it("checks a seed workbook, jumps to a finding, clears the marks, and writes the narrative", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed000.xlsx`);
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    await pane().getByText("识别到 19 张表，已标记 2 个单元格。另有 5 条尾差已隐藏。").waitFor();
    expect(
      await pane()
        .getByRole("button", { name: /^(错误|提示|尾差) \d+$/ })
        .allTextContents(),
    ).toEqual(["错误 0", "提示 1", "尾差 5"]);
    expect((await pane().boundingBox())!.width).toBe(350);
    await page.screenshot({ path: path.join(SHOTS, "check.png") });

    // the finding: click it, the 情况说明 sheet opens with A27 selected and marked amber
    await pane().getByRole("listitem").first().click();
    await page.locator('table[data-sheet="情况说明"]').waitFor();
    expect(await cell("A27").getAttribute("aria-selected")).toBe("true");
    expect(await cell("A27").getAttribute("data-fill")).toBe("#FFEB9C");
    await page.screenshot({ path: path.join(SHOTS, "jump.png") });

    // a cell link of the finding opens the 三公 table
    await pane().getByRole("button", { name: "定位到 09三公经费!C7" }).click();
    await page.locator('table[data-sheet="09三公经费"]').waitFor();
    expect(await cell("C7").getAttribute("aria-selected")).toBe("true");
    // C7 is blank: its mark is on the row's label, B7
    expect([await cell("C7").getAttribute("data-fill"), await cell("B7").getAttribute("data-fill")]).toEqual([null, "#FFEB9C"]);

    await pane().getByRole("button", { name: "清除标记" }).click();
    await pane().getByText("已恢复 2 个单元格原来的填充。").waitFor();
    expect(await page.locator("td[data-fill]").count()).toBe(0);

    await pane().getByRole("tab", { name: "情况说明" }).click();
    await pane().getByRole("button", { name: "生成情况说明" }).click();
    await pane().getByRole("heading", { name: "一、收入说明" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "narrative.png"), fullPage: false });
    await pane().getByRole("button", { name: "插入“情况说明”工作表" }).click();
    // (the dialogs open over the page, outside the pane) slots still empty; then the unit's own text in the sheet: a new sheet beside it
    await page.getByRole("button", { name: "仍然插入" }).click();
    await page.getByRole("button", { name: "写入新工作表" }).click();
    await pane()
      .getByText(/^已写入“情况说明（2）”工作表 A1:A\d+（新建工作表）。$/)
      .waitFor();
    await page.getByRole("tab", { name: "情况说明（2）" }).click();
    await page.locator("td", { hasText: "一、收入说明" }).first().waitFor();
  });

  it("exports the findings to a 审核结果 sheet with links to the cells, and downloads the HTML report", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed000.xlsx`);
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    await pane().getByText("识别到 19 张表，已标记 2 个单元格。另有 5 条尾差已隐藏。").waitFor();
    await pane().getByRole("button", { name: "导出审核结果到工作表" }).click();
    await pane().getByText("已写入工作表“审核结果”，共 6 条。").waitFor();
    // the pane at 330 px, after the export
    await page.getByRole("complementary", { name: "任务窗格" }).evaluate((el) => ((el as HTMLElement).style.width = "330px"));
    expect((await pane().boundingBox())!.width).toBe(330);
    await pane().screenshot({ path: path.join(SHOTS, "export.png") });

    // the grid shows the new sheet: title, header, one row per finding (the 提示, then the 5 尾差)
    await page.getByRole("tab", { name: "审核结果" }).click();
    await page.locator('table[data-sheet="审核结果"]').waitFor();
    expect(await cell("A1").textContent()).toMatch(
      /^审核结果 · 单位：保定市满城区医疗保障局本级（450001） · 年度：2024 · 类型：预算 · 检查时间：\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    expect(await page.locator("tr:nth-child(4) td").allTextContents()).toEqual(["序号", "级别", "规则", "说明", "单元格", "可疑单元格及建议值", "核实说明"]);
    expect([await cell("A5").textContent(), await cell("B5").textContent(), await cell("E5").textContent()]).toEqual([
      "1",
      "提示",
      "情况说明!A27 ↔ 09三公经费!C7",
    ]);
    expect([await cell("A10").textContent(), await cell("B10").textContent()]).toEqual(["6", "尾差"]);
    expect(await page.locator('table[data-sheet="审核结果"] tbody tr').count()).toBe(10);
    expect(await cell("E5").getAttribute("data-link")).toBe("#'情况说明'!A27");
    await page.screenshot({ path: path.join(SHOTS, "export-sheet.png") });
    // a link goes to its cell
    await cell("E5").click();
    await page.locator('table[data-sheet="情况说明"]').waitFor();
    expect(await cell("A27").getAttribute("aria-selected")).toBe("true");

    const [download] = await Promise.all([page.waitForEvent("download"), pane().getByRole("button", { name: "下载审核报告（HTML）" }).click()]);
    expect(download.suggestedFilename()).toBe("seed000-审核报告.html");
    const html = fs.readFileSync((await download.path())!, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("情况说明写“其中因公出国(境)费 0 万元,与2023年相比减少0.03万元”");
    expect(html).toContain("<summary>尾差 5 条（四舍五入造成，在允许范围内，一般无需修改）</summary>");
    await pane()
      .getByText(/^已生成审核报告“seed000-审核报告.html”/)
      .waitFor();
  });

  it("asks where the 情况说明 goes when the sheet holds the unit's own text; 追加在后面 keeps both (the pane at 330 px)", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed000.xlsx`);
    await pane().getByRole("tab", { name: "情况说明" }).click();
    // the pane alone, as Excel shows it at 330 px (the grid is put back to look at the sheet afterwards)
    await page.setViewportSize({ width: 330, height: 1250 });
    const narrow = await page.addStyleTag({
      content: 'aside[aria-label="任务窗格"] { width: 330px !important; } div:has(> aside[aria-label="任务窗格"]) > div:first-child { display: none; }',
    });
    expect((await pane().boundingBox())!.width).toBe(330);
    const entry = (label: string) => pane().getByLabel(label, { exact: true });
    // last year's workbook read in the page: seed003 is a 2023 budget
    await pane().locator('input[type="file"][accept^=".xlsx"]').setInputFiles(path.join(ROOT, "test/fixtures/seed003.xlsx"));
    await pane().getByText("已从「seed003.xlsx」读入 2023 年的 10 项数字，请核对后单击“保存上年数据”。").waitFor();
    expect(await entry("收支总额（本年支出合计）").inputValue()).toBe("193.86");
    expect(await entry("其中：公务用车运行维护费").inputValue()).toBe("1.20");
    await entry("上年年度").fill("2023");
    await entry("收支总额（本年支出合计）").fill("8378.87");
    await entry("基本支出").fill("799.60");
    await entry("项目支出").fill("七千五");
    await pane().getByText("项目支出：请输入数字（万元），例如 1234.56").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "prior-form-330.png") });
    await entry("项目支出").fill("7579.27");

    await pane().getByRole("button", { name: "生成情况说明" }).click();
    await pane().getByRole("heading", { name: "一、收入说明" }).waitFor();
    // a slot is as wide as its text, and wraps at the pane's width as the text grows
    const slot = pane().getByRole("textbox", { name: "【请填写增减原因】：基本支出" });
    await slot.fill("人员调整");
    const short = (await slot.boundingBox())!;
    await slot.fill("主要是2024年调整了机关事业单位基本工资标准，并按规定增加了在职人员的绩效工资和社会保险缴费");
    const long = (await slot.boundingBox())!;
    const paragraph = (await slot.locator("xpath=..").boundingBox())!;
    expect(long.width).toBeGreaterThan(short.width);
    expect(long.x + long.width).toBeLessThanOrEqual(paragraph.x + paragraph.width + 0.5);
    expect(long.height).toBeGreaterThan(short.height * 1.8);
    await slot.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "narrative-slot-330.png") });
    await pane().getByRole("button", { name: "插入“情况说明”工作表" }).click();
    await page.getByRole("dialog", { name: "还有未填写的内容" }).waitFor();
    await page.setViewportSize({ width: 330, height: 700 });
    await page.screenshot({ path: path.join(SHOTS, "unfilled-dialog-330.png"), animations: "disabled" });
    await page.getByRole("button", { name: "仍然插入" }).click();
    const choice = page.getByRole("dialog", { name: "“情况说明”工作表中已有文字" });
    await choice.waitFor();
    await page.getByRole("dialog", { name: "还有未填写的内容" }).waitFor({ state: "detached" });
    expect(await choice.textContent()).toContain("该工作表中已有 44 个单元格的文字不是本加载项写入的");
    const dialogBox = (await choice.boundingBox())!;
    expect(dialogBox.x).toBeGreaterThanOrEqual(0);
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(330);
    await page.screenshot({ path: path.join(SHOTS, "insert-dialog-330.png"), animations: "disabled" });
    await choice.getByRole("button", { name: "追加在后面" }).click();
    await pane()
      .getByText(/^已写入“情况说明”工作表 A46:A\d+。$/)
      .waitFor();

    // both texts in the sheet: the unit's own, then the generated one after a blank row
    await narrow.evaluate((e) => (e as Element).remove());
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "情况说明", exact: true }).click();
    expect(await cell("A1").textContent()).toBe("保定市满城区医疗保障局本级2024年单位预算信息公开情况说明");
    expect(await cell("A44").textContent()).not.toBe("");
    expect(await cell("A45").textContent()).toBe("");
    expect(await cell("A46").textContent()).toBe("一、收入说明");
    expect(await page.locator('td[data-address^="A"]', { hasText: "较2023年预算增加685.49万元" }).count()).toBeGreaterThan(0);
  });

  it("a workbook with table errors shows them first, with the suspect cell", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed001-unit.xlsx`);
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    await pane()
      .getByText(/^识别到 \d+ 张表/)
      .waitFor();
    const first = pane().getByRole("listitem").first();
    expect(await first.getAttribute("data-level")).toBe("error");
    await first.click();
    const selected = page.locator('td[aria-selected="true"]');
    await selected.first().waitFor();
    expect(await selected.first().getAttribute("data-fill")).toBe("#FFC7CE");
    await page.screenshot({ path: path.join(SHOTS, "errors.png") });
  });

  it("with live re-check on, an edit in the grid is checked again without a click", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed000.xlsx`);
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    await pane().getByRole("button", { name: "错误 0" }).waitFor();
    await pane().getByRole("switch", { name: "修改单元格后自动重新检查" }).check();
    await page.getByRole("tab", { name: "03支出总表" }).click();
    page.once("dialog", (d) => void d.accept("1.00"));
    await cell("D7").dblclick();
    await pane()
      .getByRole("button", { name: /^错误 [1-9]\d*$/ })
      .waitFor({ timeout: 10000 });
    // (the cell the failing equations blame: painted apart)
    expect(await cell("D7").getAttribute("data-fill")).toBe("#FF8F8F");
    expect(await cell("D7").textContent()).toBe("1.00");
  });

  it("a file that is not a workbook gets a Chinese message and the page keeps working", async () => {
    await page.goto(`${base}/harness.html?file=package.json`);
    await page.getByText("找不到工作簿「package.json」（只能打开项目文件夹中的 .xlsx 文件）。").waitFor();
    const bogus = path.join(dist, "不是工作簿.xlsx"); // the suite's own temp folder, removed after it
    fs.writeFileSync(bogus, "这不是 Excel 文件");
    await page.locator('input[type="file"][accept=".xlsx"]').setInputFiles(bogus);
    await page.getByText(/不是 Excel 工作簿/).waitFor();
  });

  /** Whether the element is wholly inside the visible part of the pane (the pane scrolls, not the page). */
  const inPaneView = (l: ReturnType<Page["locator"]>) =>
    l.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const view = (el.closest("aside") as HTMLElement).getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    });

  /** axe-core over the pane: its serious and moderate violations, as "rule: targets". */
  const axeViolations = async () => {
    await page.addScriptTag({ content: AXE_SOURCE });
    const found = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      // Office shows the pane as a document of its own, where its main is top-level: the harness puts it in an aside beside the grid.
      // Fluent's focus manager (tabster) puts aria-hidden sentinels at the edges of its focus groups; they pass the focus on at once.
      const r = await axe.run({ include: [["aside"]], exclude: [["[data-tabster-dummy]"]] }, { rules: { "landmark-main-is-top-level": { enabled: false } } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
    });
    return found.filter((v) => v.impact === "serious" || v.impact === "moderate" || v.impact === "critical").map((v) => `${v.id}: ${v.targets.join(", ")}`);
  };

  it("a typo: one card for the suspect cell with the value it should hold; filling it in after the confirmation sets the equations right", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed000.xlsx`);
    await page.getByRole("tab", { name: "03支出总表" }).click();
    page.once("dialog", (d) => void d.accept("72.99"));
    await cell("E10").dblclick();
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    const card = pane().getByRole("listitem").filter({ hasText: "最可能有误" });
    await card.waitFor();
    expect(
      await pane()
        .getByRole("button", { name: /^错误 \d+$/ })
        .textContent(),
    ).toBe("错误 3");
    expect(await pane().locator('[role="listitem"][data-level="error"]').count()).toBe(1);
    expect(await card.getByText("应为 71.99（使 3 个等式成立）").count()).toBe(1);
    // the suspect is painted apart from the other cells of its equations
    expect(await cell("E10").getAttribute("data-fill")).toBe("#FF8F8F");
    expect(await cell("D10").getAttribute("data-fill")).toBe("#FFC7CE");
    await card.getByRole("button", { name: "展开 3 个不成立的等式" }).click();
    await card.getByRole("button", { name: "对侧" }).click();
    await card.getByText("「05一般公共预算支出表」一侧合计 71.99：").waitFor();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.screenshot({ path: path.join(SHOTS, "suspect.png") });
    expect(await axeViolations()).toEqual([]);

    await card.getByRole("button", { name: "选中并填入建议值" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("把 03支出总表!E10 由 72.99 改为 71.99？这会修改工作表中的数据；改后将重新检查。").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "fill-dialog.png") });
    await dialog.getByRole("button", { name: "填入" }).click();
    await pane().getByText("已将 03支出总表!E10 改为 71.99，并重新检查。").waitFor();
    expect(
      await pane()
        .getByRole("button", { name: /^错误 \d+$/ })
        .textContent(),
    ).toBe("错误 0");
    expect(await cell("E10").textContent()).toBe("71.99");
  });

  it("hidden 尾差 are not painted; 上一个/下一个 stop at both ends and scroll the current card into view; ↑/↓ move between cards", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed003.xlsx`);
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    const info = pane().getByRole("button", { name: /^尾差 \d+$/ });
    await pane()
      .getByText(/另有 \d+ 条尾差已隐藏。$/)
      .waitFor();
    // (the grid shows the active sheet: its painted cells)
    const painted = async () => page.locator("td[data-fill]").count();
    const hidden = await painted();
    await info.click();
    await pane()
      .getByText(/^识别到 \d+ 张表，已标记 \d+ 个单元格。$/)
      .waitFor();
    expect(await painted()).toBeGreaterThan(hidden);
    await info.click();
    await pane()
      .getByText(/另有 \d+ 条尾差已隐藏。$/)
      .waitFor();
    expect(await painted()).toBe(hidden);
    await info.click();
    await pane()
      .getByText(/^识别到 \d+ 张表，已标记 \d+ 个单元格。$/)
      .waitFor();
    const cards = pane().getByRole("listitem");
    const n = await cards.count();
    expect(n).toBeGreaterThan(8);
    // from none, 上一个 goes to the last card, scrolled into view; 下一个 is then disabled
    await pane().getByRole("button", { name: "上一个" }).click();
    await pane().getByText(`第 ${n}/${n} 条`).waitFor();
    expect(await cards.nth(n - 1).getAttribute("aria-current")).toBe("true");
    expect(await inPaneView(cards.nth(n - 1))).toBe(true);
    expect(await pane().getByRole("button", { name: "下一个" }).isDisabled()).toBe(true);
    // the keyboard: Home goes to the first card, in view
    await cards.nth(n - 1).press("Home");
    await pane().getByText(`第 1/${n} 条`).waitFor();
    expect(await inPaneView(cards.first())).toBe(true);
    expect(await pane().getByRole("button", { name: "上一个" }).isDisabled()).toBe(true);
    await cards.first().press("ArrowDown");
    await pane().getByText(`第 2/${n} 条`).waitFor();
    expect(await cards.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "navigation.png") });
    expect(await axeViolations()).toEqual([]);
  });

  it("the mapping and 情况说明 tabs have no serious or moderate accessibility violation", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed000.xlsx`);
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    await pane()
      .getByText(/^识别到 19 张表/)
      .waitFor();
    await pane().getByRole("tab", { name: "映射" }).click();
    await pane()
      .getByText(/^已识别的表/)
      .waitFor();
    expect(await axeViolations()).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "mapping.png") });
    await pane().getByRole("tab", { name: "情况说明" }).click();
    await pane().getByRole("button", { name: "生成情况说明" }).click();
    await pane().getByRole("heading", { name: "一、收入说明" }).waitFor();
    expect(await axeViolations()).toEqual([]);
  });

  it("at 320 px, the pane's states: a suspect card opened, a certain fix offered, the mapping, the 上年数据 form and the export", async () => {
    await page.goto(`${base}/harness.html?file=test/fixtures/seed003.xlsx`);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.addStyleTag({
      content: 'aside[aria-label="任务窗格"] { width: 320px !important; } div:has(> aside[aria-label="任务窗格"]) > div:first-child { display: none; }',
    });
    expect((await pane().boundingBox())!.width).toBe(320);
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `320-${name}.png`) });
    await pane().getByRole("button", { name: "检查工作簿" }).click();
    await pane()
      .getByText(/^识别到 \d+ 张表/)
      .waitFor();
    await shot("check");
    // seed003's published mistake in its 情况说明: 165.42 元 for 万元, with the certain fix offered
    const fix = pane().getByRole("listitem").filter({ hasText: "建议修改：" }).first();
    await fix.getByRole("button", { name: "规则说明" }).click();
    await fix.scrollIntoViewIfNeeded();
    await shot("fix-and-rule-help");
    // a figure never breaks inside: every card's width stays within the pane
    for (const box of await pane()
      .getByRole("listitem")
      .evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth)))
      expect(box).toBeLessThanOrEqual(0);
    await pane().getByRole("tab", { name: "映射" }).click();
    await pane()
      .getByText(/^已识别的表/)
      .waitFor();
    await shot("mapping");
    await pane().getByRole("tab", { name: "情况说明" }).click();
    await pane().getByRole("button", { name: "生成情况说明" }).click();
    await pane().getByRole("button", { name: "插入“情况说明”工作表" }).waitFor();
    await shot("narrative");
    await pane().getByRole("tab", { name: "检查" }).click();
    await pane().getByRole("button", { name: "导出审核结果到工作表" }).click();
    await pane()
      .getByText(/^已写入工作表“审核结果”/)
      .waitFor();
    await shot("export");
  });
});
