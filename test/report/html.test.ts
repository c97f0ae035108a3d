/**
 * The HTML batch report: rendered from the real findings on the seed workbooks plus one unreadable file,
 * checked for exact facts (counts, statuses, anchors, chart, grouping, escaping) and for being self-contained.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { renderHtmlReport } from "../../src/report/html";
import type { BatchFileResult, BatchReport } from "../../src/report/types";
import { RULES, ruleHelp } from "../../src/rules/registry";
import type { Finding } from "../../src/rules/types";
import { FIXTURES, SEED_WORKBOOKS } from "../helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-html-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** seed002 sits in a folder whose name needs escaping. */
const NASTY_DIR = `单位<甲>&"乙'`;
const pathOf = (id: string) => (id === "seed002" ? `${NASTY_DIR}/seed002.xlsx` : `${id}.xlsx`);
const BAD_PATH = "坏文件.xlsx";

async function seedReport(): Promise<{ report: BatchReport; badReason: string }> {
  const files: BatchFileResult[] = [];
  for (const id of SEED_WORKBOOKS) {
    const r = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
    files.push({
      path: pathOf(id),
      kind: r.model.documentKind,
      unitName: r.model.unitName,
      unitCode: r.model.unitCode,
      year: r.model.year,
      amountUnit: r.model.amountUnit,
      counts: r.counts,
      findings: r.findings,
    });
  }
  const bad = path.join(tmp, BAD_PATH);
  fs.writeFileSync(bad, "这不是工作簿");
  const badReason = await readWorkbookFile(bad).then(
    () => "",
    (e: Error) => e.message,
  );
  files.push({ path: BAD_PATH, error: badReason });
  return { report: { inputs: ["预算公开文件夹"], generatedAt: "2025-03-01T02:30:00.000Z", files }, badReason };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
/** The text a browser shows for an HTML fragment (tags dropped, entities decoded). */
const text = (html: string) =>
  html
    .replace(/<br>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .trim();

function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  expect(i).toBeGreaterThanOrEqual(0);
  const j = html.indexOf(end, i);
  expect(j).toBeGreaterThan(i);
  return html.slice(i, j + end.length);
}

interface SummaryRow {
  attrs: string;
  cells: string[];
  raw: string[];
}

function summaryRows(html: string): SummaryRow[] {
  const tbody = between(between(html, '<table class="summary"', "</table>"), "<tbody>", "</tbody>");
  return [...tbody.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)].map((m) => {
    const raw = [...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[0]);
    return { attrs: m[1], raw, cells: raw.map(text) };
  });
}

function fileSection(html: string, anchor: string): string {
  return between(html, `<section class="file" id="${anchor}">`, "</section>");
}

describe("HTML batch report of the seed workbooks", () => {
  let html: string;
  let report: BatchReport;
  let badReason: string;
  beforeAll(async () => {
    ({ report, badReason } = await seedReport());
    html = renderHtmlReport(report);
  });

  it("is one self-contained Chinese page: no network references, no external script, style or font", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif');
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it("has an inline script that compiles and embeds no workbook data", () => {
    const script = between(html, "<script>", "</script>").slice("<script>".length, -"</script>".length);
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).not.toContain("seed");
    expect(script).toContain('getElementById("summary-table")');
  });

  it("states the inputs, the time and the totals in the header", () => {
    const header = between(html, '<header class="top">', "</header>");
    expect(header).toContain("<h1>预决算公开审核报告</h1>");
    expect(header).toContain("<code>预算公开文件夹</code>");
    expect(header).toContain('<time datetime="2025-03-01T02:30:00.000Z">2025-03-01 10:30:00（北京时间）</time>');
    const stats = [...header.matchAll(/<div class="num">(\d+)<\/div><div class="lbl">([^<]+)/g)].map((m) => [m[2], Number(m[1])]);
    expect(stats).toEqual([
      ["检查文件", 7],
      ["无法读取", 1],
      ["有错误的文件", 5],
      ["可以公开", 1],
      ["错误", 13],
      ["提示", 12],
      ["尾差", 21],
    ]);
  });

  it("has one summary row per file with unit, year, kind, counts, worst finding and status", () => {
    const rows = summaryRows(html);
    expect(rows).toHaveLength(SEED_WORKBOOKS.length + 1);
    // file, 单位, 年度, 类型, 错误, 提示, 尾差, (主要问题), 状态
    const facts = rows.map((r) => [...r.cells.slice(0, 7), r.cells[8]]);
    expect(facts).toEqual([
      ["seed000.xlsx", "保定市满城区医疗保障局本级（450001）", "2024", "预算", "0", "1", "5", "可以公开"],
      ["seed001-dept.xlsx", "邢台市医疗保障局（417）", "2021", "预算", "5", "3", "0", "需修改"],
      ["seed001-unit.xlsx", expect.stringContaining("邢台市医疗保障局"), "2021", "预算", "5", "3", "0", "需修改"],
      [`${NASTY_DIR}/seed002.xlsx`, expect.any(String), "2025", "预算", "1", "1", "1", "需修改"],
      ["seed003.xlsx", expect.any(String), "2023", "预算", "1", "1", "9", "需修改"],
      ["seed004.xlsx", "高平市医疗保险服务中心", "2024", "决算", "1", "3", "6", "需修改"],
      [BAD_PATH, "—", "—", "—", "—", "—", "—", "无法读取"],
    ]);
  });

  it("shows the worst finding (first error, else first warning) truncated, with the full text in the title", async () => {
    const rows = summaryRows(html);
    const dept = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, "seed001-dept.xlsx")));
    const first = dept.findings.find((f) => f.level === "error")!;
    expect(first.ruleId).toBe("R14-procurement");
    const worst = rows[1].raw[7];
    const title = text(/title="([^"]*)"/.exec(worst)![1]);
    expect(title).toBe(`R14-procurement：${first.message}`);
    const shown = rows[1].cells[7];
    expect(shown.startsWith("R14-procurement 「政府采购预算表」第8行")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect([...shown].length).toBeLessThan([...`R14-procurement ${first.message}`].length);
    // no error: the first warning (seed000's narrative)
    expect(rows[0].cells[7].startsWith("N1-narrative 情况说明写“其中因公出国(境)费 0 万元")).toBe(true);
    // only 尾差: no worst finding
    const onlyTails = {
      path: "仅尾差.xlsx",
      kind: "预算" as const,
      unitName: "某单位",
      unitCode: null,
      year: 2024,
      amountUnit: "万元" as const,
      counts: { error: 0, warning: 0, info: 1 },
      findings: [
        {
          ruleId: "R4-functional-hierarchy",
          level: "info" as const,
          messageId: "childrenSum",
          message: "尾差",
          cells: [{ sheet: "表", address: "A1" }],
          suspect: null,
        },
      ],
    };
    const small = renderHtmlReport({ inputs: ["x"], generatedAt: "2025-03-01T02:30:00.000Z", files: [onlyTails] });
    expect(summaryRows(small)[0].cells[7]).toBe("仅尾差");
    expect(text(between(fileSection(small, "f-1"), '<p class="empty">', "</p>"))).toBe("没有错误或提示。");
    // the unreadable file: its reason
    expect(badReason).toContain(BAD_PATH);
    expect(rows[6].cells[7]).toBe(badReason);
    expect(rows[6].raw[8]).toContain(`title="${badReason}"`);
  });

  it("links every summary row to the workbook's section", () => {
    const rows = summaryRows(html);
    rows.forEach((r, i) => {
      expect(r.raw[0]).toContain(`<a href="#f-${i + 1}">`);
      const section = fileSection(html, `f-${i + 1}`);
      expect(text(between(section, "<h3>", "</h3>"))).toContain(report.files[i].path);
    });
    expect(html.match(/<section class="file" id="f-\d+">/g)).toHaveLength(7);
  });

  it("charts the most frequent error and warning rules with their Chinese description", () => {
    const chart = between(html, '<ol class="chart">', "</ol>");
    const bars = [...chart.matchAll(/<li data-rule="([^"]+)">([\s\S]*?)<\/li>/g)].map((m) => [m[1], Number(/<b>(\d+)<\/b> 条/.exec(m[2])![1])]);
    // R14 and R22 (4 errors each): the catalogue's order (seed003's empty tables are explained in its 情况说明)
    expect(bars).toEqual([
      ["N1-narrative", 7],
      ["R10-payroll-lines", 6],
      ["R14-procurement", 4],
      ["R22-completeness", 4],
      ["X5-fixed-assets-date", 2],
      ["R21-self-evaluation", 1],
      ["R12-three-public-vs-basic", 1],
    ]);
    const r22 = between(chart, '<li data-rule="R22-completeness">', "</li>");
    const description = RULES.find((r) => r.meta.id === "R22-completeness")!.meta.description;
    expect(text(r22)).toContain(`R22-completeness ${description}`);
    expect(text(r22)).toContain("4 条 · 2 个文件");
    expect(r22).not.toContain("bar w");
    const top = between(chart, '<li data-rule="N1-narrative">', "</li>");
    expect(text(top)).toContain("7 条 · 6 个文件");
  });

  it("lists a workbook's findings grouped by sheet, errors first, with cells, suspect and expected/actual", () => {
    const section = fileSection(html, "f-2");
    expect(text(between(section, '<p class="meta">', "</p>"))).toBe("单位：邢台市医疗保障局（417） · 年度：2021 · 类型：预算 · 金额单位：元");
    expect(section).not.toContain("<details");
    const sheets = [...section.matchAll(/<tr class="sh"><th[^>]*>([^<]+)<small>([^<]*)<\/small>/g)].map((m) => [m[1], m[2]]);
    expect(sheets).toEqual([
      ["政府采购", "错误 3"],
      ["固定资产", "错误 1，提示 1"],
      ["情况说明", "错误 1"],
      ["06一般公共预算基本支出表", "提示 2"],
    ]);
    const rows = [...section.matchAll(/<tr class="([ewi])">([\s\S]*?)<\/tr>/g)].map((m) => [
      m[1],
      ...[...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])),
    ]);
    expect(rows.map((r) => `${r[1]} ${r[2]}`)).toEqual([
      "错误 R14-procurement",
      "错误 R14-procurement",
      "错误 R22-completeness",
      "错误 R22-completeness",
      "提示 X5-fixed-assets-date",
      "错误 N1-narrative",
      "提示 R10-payroll-lines",
      "提示 R10-payroll-lines",
    ]);
    expect(rows[0][4]).toBe("政府采购!H8 ↔ F8、G8");
    expect(rows[0][5]).toBe("应为 9000.00\n实为 8500.00\n相差 -500.00");
    expect(rows[0][3]).toContain("数量 10 × 单价 900.00 = 9000.00，但金额为 8500.00");
    expect(section).toContain('<mark class="sus" title="可疑单元格">政府采购!A12</mark>');
    expect(section).toContain('<mark class="sus" title="可疑单元格">固定资产!A12</mark>');
    expect(rows[4][5]).toBe("应为 2020-12-31\n实为 2021-12-31");
  });

  it("collapses the 尾差 in a closed <details>", () => {
    const section = fileSection(html, "f-1");
    const details = between(section, '<details class="tails">', "</details>");
    expect(text(between(details, "<summary>", "</summary>"))).toBe("尾差 5 条（四舍五入造成，在允许范围内，一般无需修改）");
    expect(details.match(/<tr class="i">/g)).toHaveLength(5);
    expect(section.match(/<tr class="i">/g)).toHaveLength(5);
    expect(html).not.toMatch(/<details[^>]*\sopen/);
    // seed004: errors and warnings shown, its 6 尾差 collapsed
    const s4 = fileSection(html, "f-6");
    const [shown, collapsed] = s4.split('<details class="tails">');
    expect(shown.match(/<tr class="[ew]">/g)).toHaveLength(4);
    expect(collapsed.match(/<tr class="i">/g)).toHaveLength(6);
  });

  it("explains every rule with a finding once, in the catalogue's order, with its example", () => {
    const rules = between(html, '<section id="rules" class="block">', "</section>");
    expect(text(between(rules, "<h2>", "</h2>"))).toBe("规则说明（本报告中出现的 13 条规则：核对什么、为什么，并举一例）");
    const ids = [...rules.matchAll(/<dt id="rule-([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "R1-summary-balance",
      "R3-expense-row",
      "R4-functional-hierarchy",
      "R5-cross-totals",
      "R8-basic-row",
      "R8-economic-hierarchy",
      "R10-payroll-lines",
      "R12-three-public-vs-basic",
      "R14-procurement",
      "R21-self-evaluation",
      "R22-completeness",
      "N1-narrative",
      "X5-fixed-assets-date",
    ]);
    const r1 = between(rules, '<dt id="rule-R1-summary-balance">', "</dd>");
    expect(text(between(r1, "<dt", "</dt>"))).toBe(`R1-summary-balance ${ruleHelp("R1-summary-balance")!.name}强制`);
    expect(text(between(r1, "<dd>", "</dd>"))).toBe(
      "收支总表中，本年收入合计、本年支出合计应分别等于各收入项目、各支出项目之和，收入总计、支出总计应分别等于本年合计加结转结余，收入总计还应等于支出总计：预算收支必须平衡。" +
        "例：收支总表收入总计 C39 为 9,064.26 万元，支出总计 E39 为 9,064.36 万元，相差 0.10 万元，超出尾差范围：两数中至少有一个填错。",
    );
    expect(text(between(rules, '<dt id="rule-R10-payroll-lines">', "</dt>"))).toMatch(/提示$/);
    expect(between(html, '<nav class="toc">', "</nav>")).toContain('<a href="#rules">规则说明</a>');
  });

  it("links each finding's rule, and each charted rule, to its 规则说明", () => {
    const section = fileSection(html, "f-2");
    expect(section).toContain('<td><a href="#rule-R14-procurement">R14-procurement</a></td>');
    expect(between(html, '<ol class="chart">', "</ol>")).toContain('<a href="#rule-R22-completeness"><code>R22-completeness</code></a>');
    const targets = new Set([...html.matchAll(/<dt id="(rule-[^"]+)">/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#(rule-[^"]+)"/g)].map((m) => m[1]);
    // every finding row (13 errors, 12 提示, 21 尾差) and every bar of the chart (7)
    expect(links).toHaveLength(13 + 12 + 21 + 7);
    expect(links.filter((l) => !targets.has(l))).toEqual([]);
  });

  it("shows why an unreadable file could not be checked", () => {
    const section = fileSection(html, "f-7");
    expect(section).toContain('<span class="st st-unreadable">无法读取</span>');
    expect(text(between(section, '<p class="reason">', "</p>"))).toBe(`无法读取：${badReason}`);
  });

  it("makes every column of the summary sortable, numbers as numbers", () => {
    const head = between(between(html, '<table class="summary"', "</table>"), "<thead>", "</thead>");
    const cols = [...head.matchAll(/<th scope="col" data-type="(\w+)" data-first="(\w+)"[^>]*><button type="button">([^<]+)<\/button><\/th>/g)].map((m) => [
      m[3],
      m[1],
    ]);
    expect(cols).toEqual([
      ["文件", "text"],
      ["单位", "text"],
      ["年度", "num"],
      ["类型", "text"],
      ["错误", "num"],
      ["提示", "num"],
      ["尾差", "num"],
      ["主要问题", "text"],
      ["状态", "num"],
    ]);
    expect(head).not.toContain("aria-sort"); // unsorted until clicked
  });

  it("escapes file names, units, sheets, rule ids, messages, values and reasons", () => {
    expect(html).toContain(
      `${NASTY_DIR.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")}/seed002.xlsx`,
    );
    expect(html).not.toContain(NASTY_DIR);

    const evil = `<img src=x onerror="alert('&')">`;
    const finding: Finding = {
      ruleId: `R99-${evil}`,
      level: "error",
      messageId: "x",
      message: `金额 ${evil} 不符`,
      cells: [{ sheet: `表${evil}`, address: "B2", side: "left" }],
      suspect: { sheet: `表${evil}`, address: "B2" },
      suspectNote: evil,
      expected: evil,
      actual: evil,
      sheet: `表${evil}`,
    };
    const page = renderHtmlReport({
      inputs: [`文件夹${evil}`],
      generatedAt: evil,
      files: [
        {
          path: `a${evil}.xlsx`,
          kind: "预算",
          unitName: `单位${evil}`,
          unitCode: evil,
          year: 2024,
          counts: { error: 1, warning: 0, info: 0 },
          findings: [finding],
        },
        { path: `b${evil}.xlsx`, error: `无法读取${evil}` },
      ],
    });
    expect(page).not.toContain("<img");
    expect(page).not.toContain("alert('");
    expect(page).not.toContain('"alert');
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(&#39;&amp;&#39;)&quot;&gt;");
    // the text still reads as written
    expect(text(between(page, "<tbody><tr", "</tr>"))).toContain(`a${evil}.xlsx`);
  });
});

describe("HTML batch report edge cases", () => {
  it("renders an empty check", () => {
    const page = renderHtmlReport({ inputs: [], generatedAt: "2025-03-01T10:30:00", files: [] });
    expect(summaryRows(page)).toHaveLength(0);
    expect(page).toContain("没有检查任何文件。");
    expect(page).toContain("没有错误或提示。");
    expect(page).toContain(">2025-03-01 10:30:00</time>"); // no zone: shown as given
  });

  it("counts findings when a file has no counts, charts unknown rules, folds long input lists", () => {
    const f = (ruleId: string, level: Finding["level"]): Finding => ({ ruleId, level, messageId: "m", message: `${ruleId} 消息`, cells: [], suspect: null });
    const page = renderHtmlReport({
      inputs: ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx", "f.xlsx", "g.xlsx"],
      generatedAt: "2025-03-01T02:30:00Z",
      files: [
        {
          path: "a.xlsx",
          unitName: null,
          unitCode: null,
          year: null,
          kind: null,
          findings: [f("Z9-new", "warning"), f("Z9-new", "info"), f("R1-summary-balance", "error")],
        },
      ],
    });
    expect(summaryRows(page)[0].cells).toEqual(["a.xlsx", "—", "—", "—", "1", "1", "1", "R1-summary-balance R1-summary-balance 消息", "需修改"]);
    expect([...page.matchAll(/<li data-rule="([^"]+)">/g)].map((m) => m[1])).toEqual(["R1-summary-balance", "Z9-new"]);
    expect(page).toContain("<summary>等 7 项，展开全部</summary>");
    expect(text(between(page, '<p class="meta">', "</p>"))).toBe("单位：未识别 · 年度：未识别 · 类型：未识别");
    const sheetless = [...page.matchAll(/<tr class="sh"><th[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(sheetless).toEqual(["（整个工作簿）", "（整个工作簿）"]);
    // a rule the catalogue does not hold: named, neither linked nor explained
    expect([...page.matchAll(/<dt id="rule-([^"]+)">/g)].map((m) => m[1])).toEqual(["R1-summary-balance"]);
    expect(page).toContain("<td>Z9-new</td>");
    expect(page).not.toContain("#rule-Z9-new");
  });

  it("has no 规则说明 when nothing was found", () => {
    const page = renderHtmlReport({
      inputs: ["a.xlsx"],
      generatedAt: "2025-03-01T02:30:00Z",
      files: [{ path: "a.xlsx", findings: [], counts: { error: 0, warning: 0, info: 0 } }],
    });
    expect(page).not.toContain('id="rules"');
    expect(page).not.toContain('href="#rules"');
  });
});

describe("HTML batch report size", () => {
  it("stays lean for 1,000 workbooks × 50 findings", async () => {
    const r = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx")));
    // (its 10 findings, merged 尾差 of many cells among them, five times over)
    const findings = Array.from({ length: 50 }, (_, i) => r.findings[i % r.findings.length]);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.level]++;
    const files: BatchFileResult[] = Array.from({ length: 1000 }, (_, i) => ({
      path: `区县${i % 20}/单位${i}.xlsx`,
      kind: "决算",
      unitName: "高平市医疗保险服务中心",
      unitCode: null,
      year: 2024,
      counts,
      findings,
    }));
    const page = renderHtmlReport({ inputs: ["全市"], generatedAt: "2025-03-01T02:30:00Z", files });
    expect(summaryRows(page)).toHaveLength(1000);
    expect(page.match(/<tr class="[ewi]">/g)).toHaveLength(50000);
    // about the findings' own text: a finding row carries little markup besides its message and cells
    const perFinding = Buffer.byteLength(page) / 50000;
    expect(perFinding).toBeLessThan(1000);
  });
});
