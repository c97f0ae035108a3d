import type { BudgetModel } from "../../src/model/budgetModel";
import { modelQuantities } from "../../src/narrative/quantities";
import { cleanLabel, findNumbers, halfOfToken, matchProject, readNarrative, readParagraph, toWan, type Statement } from "../../src/narrative/read";
import { fixtureModel } from "../helpers";

const numbers = (s: string) => findNumbers(s).map((t) => [t.text, t.value.toString(), t.unit, t.decimals]);

describe("findNumbers", () => {
  it("reads amounts with their unit as written", () => {
    expect(numbers("反映本单位当年全部收入。2024预算收入9064.36万元，其中：一般公共预算收入9064.36 万元。")).toEqual([
      ["9064.36万元", "9064.36", "万元", 2],
      ["9064.36 万元", "9064.36", "万元", 2],
    ]);
    expect(numbers("基本支出1,367.05万元，占比27.04%；")).toEqual([
      ["1,367.05万元", "1367.05", "万元", 2],
      ["27.04%", "27.04", "%", 2],
    ]);
    expect(numbers("其中因公出国（境）费 0 万元，与2023年相比减少0.03万元")).toEqual([
      ["0 万元", "0", "万元", 0],
      ["0.03万元", "0.03", "万元", 2],
    ]);
    expect(numbers("经济分类 30108 为 649700元")).toEqual([["649700元", "649700", "元", 0]]);
    expect(numbers("一般公共预算基本支出年初预算为 165.42 元。其中：人员经费支出 147.66 万元，占 89.26%；")).toEqual([
      ["165.42 元", "165.42", "元", 2],
      ["147.66 万元", "147.66", "万元", 2],
      ["89.26%", "89.26", "%", 2],
    ]);
  });

  it("reads 万 alone as 万元, percentages, counts and 亿元", () => {
    expect(numbers("一般公共预算收支预算 193.86 万。与 2022 年相比")).toEqual([["193.86 万", "193.86", "万元", 2]]);
    expect(numbers("收入增长 162.36 万元，增长 515.43%。")).toEqual([
      ["162.36 万元", "162.36", "万元", 2],
      ["515.43%", "515.43", "%", 2],
    ]);
    expect(numbers("共有车辆1辆。增长 12.5%，合计1.2亿元")).toEqual([
      ["1辆", "1", "辆", 0],
      ["12.5%", "12.5", "%", 1],
      ["1.2亿元", "1.2", "亿元", 1],
    ]);
    expect(toWan(findNumbers("1.2亿元")[0]).toString()).toBe("12000");
    expect(toWan(findNumbers("649700元")[0]).toString()).toBe("64.97");
    expect(halfOfToken(findNumbers("80万元")[0]).toString()).toBe("0.5");
    expect(halfOfToken(findNumbers("103.97万元")[0]).toString()).toBe("0.005");
  });

  it("ignores numbers without a unit (years, 文号, 人次) and marks thresholds", () => {
    expect(numbers("（满办字[2019] 5号），共接待1批次，12人次")).toEqual([]);
    const t = findNumbers("单价 50 万元以上通用设备 0 台（套），单价100万元（含）以上设备（不含车辆）0台（套）");
    expect(t.map((x) => [x.text, x.threshold ?? false])).toEqual([
      ["50 万元", true],
      ["100万元", true],
    ]);
  });

  it("reads a number with two decimal points as malformed, by its last one", () => {
    const [t] = findNumbers("2024年度财政拨款基本支出1.367.05万元，其中：");
    expect([t.text, t.value.toString(), t.malformed]).toEqual(["1.367.05万元", "1367.05", true]);
  });
});

describe("cleanLabel", () => {
  it("drops spaces, quotes and years", () => {
    expect(cleanLabel("2024 年，我单位财政拨款“三公”经费预算安排")).toBe("，我单位财政拨款三公经费预算安排");
    expect(cleanLabel("与 2024年相比增加")).toBe("与相比增加");
  });
});

async function statements(id: string, paragraph: number): Promise<[string, string | undefined, string | undefined, string | undefined, string | undefined][]> {
  const m = await fixtureModel(id);
  const quantities = modelQuantities(m);
  // the whole narrative is read, so that each paragraph knows the headings it sits under
  const st = readNarrative(m.narrative, { quantities, documentKind: m.documentKind })[paragraph].statements;
  return st.map((s: Statement) => [s.role, s.token?.text.replace(/\s+/g, "") ?? s.word, s.direction, s.subject, s.quantity?.key]);
}

describe("tying numbers to what they talk about (seed sentences)", () => {
  it("seed000 支出说明: amounts by their words, 人员经费/日常公用经费 in one clause", async () => {
    expect(await statements("seed000", 20)).toEqual([
      ["value", "9064.36万元", undefined, "expense.total", "expense.total"],
      ["value", "805.64万元", undefined, "basic", "basic"],
      ["value", "776.30万元", undefined, "personnel", "personnel"],
      ["value", "29.34万元", undefined, "public", "public"],
      ["value", "8258.72万元", undefined, "project", "project"],
      ["value", "0万元", undefined, "expense.fund", "expense.fund"],
    ]);
  });

  it("seed000 比上年增减: a change with no words of its own is about what the sentence states", async () => {
    expect(await statements("seed000", 22)).toEqual([
      ["value", "9064.36万元", undefined, "expense.total", "expense.total"],
      ["change", "685.49万元", "up", "expense.total", "expense.total"],
      ["change", "6.04万元", "up", "basic", "basic"],
      ["change", "679.45万元", "up", "project", "project"],
    ]);
  });

  it("seed000 “三公”: items inside （其中：…） do not take over the change said after them", async () => {
    expect(await statements("seed000", 26)).toEqual([
      ["value", "3.61万元", undefined, "tp.合计", "tp.合计"],
      ["value", "0万元", undefined, "tp.因公出国", "tp.因公出国"],
      ["change", "0.03万元", "down", "tp.因公出国", "tp.因公出国"],
      ["value", "3.00万元", undefined, "tp.公务用车", "tp.公务用车"],
      ["value", "0万元", undefined, "tp.购置", "tp.购置"],
      ["value", "3.00万元", undefined, "tp.运行", "tp.运行"],
      ["change", "无变化", "flat", "tp.公务用车", "tp.公务用车"],
      ["value", "0.61万元", undefined, "tp.公务接待", "tp.公务接待"],
      ["change", "0.03万元", "down", "tp.公务接待", "tp.公务接待"],
    ]);
  });

  it("seed001: a prior-year figure (较2020年826.46万元) and a subject named only in an earlier clause", async () => {
    expect(await statements("seed001-dept", 31)).toEqual([
      ["value", "874.96万元", undefined, "expense.total", "expense.total"],
      ["prior", "826.46万元", undefined, "expense.total", "expense.total"],
      ["change", "48.5万元", "up", "expense.total", "expense.total"],
      ["change", "26.5万元", "up", "basic", "basic"],
      ["change", "22万元", "up", "project", "project"],
    ]);
    // "机关运行经费包括…的日常公用经费，共计安排124.28万元"
    expect(await statements("seed001-dept", 33)).toEqual([["value", "124.28万元", undefined, "public", "public"]]);
    // "拟购置固定资产总额" is not the 固定资产 total
    expect(await statements("seed001-dept", 67)).toEqual([
      ["value", "103.97万元", undefined, "assets.total", "assets.total"],
      ["value", "12.75万元", undefined, undefined, undefined],
    ]);
  });

  it("seed002: project amounts by a shortened project name; words naming nothing known stay untied", async () => {
    const st = await statements("seed002", 12);
    expect(st.slice(5).map((s) => [s[1], s[4]])).toEqual([
      ["5万元", "project.2025 基金监管业务费"],
      ["2万元", "project.2025 印刷费"],
      ["1400万元", "project.城乡医疗救助(2025 年)"],
      ["40万元", "project.唐财社【2024】125 号下达 2025 年中央财政医疗服务与保障能力提升补助资金"],
      ["301万元", "project.城乡居民参保资金(重残人员)"],
    ]);
    // "与 2024年相比增加0.00万元" in a sentence of its own: about the paragraph's “三公”经费
    const tp = await statements("seed002", 18);
    expect(tp.find((s) => s[1] === "0.00万元" && s[0] === "change")).toEqual(["change", "0.00万元", "up", "tp.合计", "tp.合计"]);
  });

  it("seed003: shares, growth, a bare percentage after an amount, and the wrong unit still tied", async () => {
    expect(await statements("seed003", 24)).toEqual([
      ["value", "193.86万元", undefined, "expense.total", "expense.total"],
      ["value", "165.42万元", undefined, "basic", "basic"],
      ["share", "85.33%", undefined, undefined, undefined],
      ["value", "28.44万元", undefined, "project", "project"],
      ["share", "14.67%", undefined, undefined, undefined],
    ]);
    const p28 = await statements("seed003", 28);
    expect(p28.filter((s) => s[0] === "share").map((s) => s[1])).toEqual(["85.33%", "14.67%", "8.52%", "85.14%", "6.34%"]);
    expect(p28.filter((s) => s[3]?.startsWith("category.")).map((s) => s[3])).toEqual(["category.208", "category.210", "category.221"]);
    expect((await statements("seed003", 30))[0]).toEqual(["value", "165.42元", undefined, "basic", "basic"]);
    expect(await statements("seed003", 20)).toEqual([
      ["value", "193.86万元", undefined, "income.grand", "income.grand"],
      ["value", "193.86万元", undefined, "expense.grand", "expense.grand"],
      ["change", "162.36万元", "up", "income.total", "income.total"],
      ["growth", "515.43%", "up", undefined, undefined],
      ["change", "162.36万元", "up", "expense.total", "expense.total"],
      ["growth", "515.43%", "up", undefined, undefined],
    ]);
  });

  it("seed004 (决算): 年初预算 vs 支出决算 of the same 类, and “三公” 全年预算 vs 支出决算", async () => {
    expect(await statements("seed004", 41)).toEqual([
      ["value", "151.50万元", undefined, "category.208", undefined],
      ["value", "51.85万元", undefined, "category.208", "category.208"],
      ["completion", "34.22%", undefined, undefined, undefined],
      ["change", "336.54万元", "down", "category.208", "category.208"],
      ["growth", "86.65%", "down", undefined, undefined],
    ]);
    expect((await statements("seed004", 54)).slice(0, 2)).toEqual([
      ["value", "1.34万元", undefined, "tp.合计", "tp.合计@预算数"],
      ["value", "1.34万元", undefined, "tp.合计", "tp.合计@决算数"],
    ]);
    // 国内接待费/外事接待费 are not the 公务接待费 of the “三公” table
    expect((await statements("seed004", 62)).map((s) => s[4])).toEqual(["tp.公务接待@决算数", undefined, undefined, undefined]);
    // "共购置公务用车0辆" is not the number of vehicles; "保有量共1辆" is
    expect((await statements("seed004", 60)).map((s) => [s[1], s[4]])).toEqual([
      ["0万元", "tp.购置@决算数"],
      ["0辆", undefined],
    ]);
    expect((await statements("seed004", 61)).map((s) => [s[1], s[4]])).toEqual([
      ["1.18万元", "tp.运行@决算数"],
      ["1辆", "vehicles.total"],
    ]);
  });

  it("an amount of an earlier year is a prior-year figure; “其中：安排…” names a part, not the whole again", async () => {
    const m = await fixtureModel("seed000");
    const o = { quantities: modelQuantities(m), documentKind: m.documentKind, year: m.year };
    const read = (text: string) => readParagraph(0, text, o).map((s) => [s.role, s.token?.text, s.quantity?.key]);
    expect(read("2024年“三公”经费预算安排3.61万元，2023年“三公”经费预算数为3.67万元。")).toEqual([
      ["value", "3.61万元", "tp.合计"],
      ["prior", "3.67万元", "tp.合计"],
    ]);
    expect(read("2024年项目支出8258.72万元，其中：安排40万元用于办公室整修。")).toEqual([
      ["value", "8258.72万元", "project"],
      ["value", "40万元", undefined],
    ]);
    // a year-end date is when assets are stated, not a prior year
    expect(read("截至2023年末，固定资产金额为89.44万元。")).toEqual([["value", "89.44万元", "assets.total"]]);
  });

  it("a paragraph read alone has no headings to tell a “三公” item from the 经济分类 款 of the same name", async () => {
    const m = await fixtureModel("seed004");
    const alone = readParagraph(62, m.narrative[62].text, { quantities: modelQuantities(m), documentKind: m.documentKind });
    expect(alone[0].subject).toBeUndefined();
  });

  it("a paragraph ending with “其中：” opens a list that the next paragraphs continue", async () => {
    const m: BudgetModel = await fixtureModel("seed004");
    const read = readNarrative(m.narrative, { quantities: modelQuantities(m), documentKind: m.documentKind });
    expect(read.slice(23, 30).map((p) => p.continues)).toEqual([false, true, false, false, true, true, false]);
  });
});

describe("matchProject", () => {
  it("ties a shortened name to one project only when it clearly stands out", async () => {
    const m = await fixtureModel("seed002");
    const projects = [...modelQuantities(m).values()].filter((q) => q.family === "project");
    expect(matchProject("能力提升资金", projects)?.name).toBe("唐财社【2024】125 号下达 2025 年中央财政医疗服务与保障能力提升补助资金");
    expect(matchProject("医疗救助资金", projects)?.name).toBe("城乡医疗救助(2025 年)");
    expect(matchProject("涉及资金", projects)).toBeUndefined();
    expect(matchProject("资金", projects)).toBeUndefined();
  });
});
