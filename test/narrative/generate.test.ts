import type { NarrativeSection } from "../../src/narrative/section";
import { changeWords, wan } from "../../src/narrative/styles/common";
import type { PriorYear } from "../../src/model/prior";
import { priorFromColumns, priorFromJson, resolvePrior } from "../../src/narrative/prior";
import { applyReasons, listSlots, recoverReasons } from "../../src/narrative/reasons";
import { checkNarrative } from "../../src/narrative/check";
import { narrativeLines } from "../../src/narrative/write";
import type { BudgetModel } from "../../src/model/budgetModel";
import { Dec } from "../../src/grid/decimal";
import * as path from "path";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { recognize } from "../../src/recognize/recognize";
import { FIXTURES, fixtureModel, generate } from "../helpers";

describe("narrative generation (budget, Hebei wording)", () => {
  it("formats amounts and changes as the seeds do", () => {
    expect(wan(new Dec("29.3"))).toBe("29.30");
    expect(wan(new Dec(0))).toBe("0");
    expect(changeWords(new Dec("685.49"))).toBe("增加685.49万元");
    expect(changeWords(new Dec("-0.03"))).toBe("减少0.03万元");
    expect(changeWords(new Dec("0"))).toBe("持平");
  });

  it("writes seed000's sections from its tables, with the prior-year figures its own text states", async () => {
    const model = await fixtureModel("seed000");
    // 2023 figures implied by the published 情况说明: 9064.36 − 685.49, 805.64 − 6.04, 8258.72 − 679.45
    const sections = generate(model, { year: 2023, total: new Dec("8378.87"), basic: new Dec("799.60"), project: new Dec("7579.27") });
    expect(Object.fromEntries(sections.map((s) => [s.id, s.paragraphs]))).toEqual({
      income: ["2024年预算收入9064.36万元，其中：一般公共预算收入9064.36万元。"],
      expense: [
        "2024年支出预算9064.36万元，其中基本支出805.64万元，包括人员经费776.30万元和日常公用经费29.34万元；项目支出8258.72万元，主要为城乡居民医保基金区级配套7544.13万元、医疗救助资助参保274.00万元、重度残疾人参保资助125.07万元、提前下达2024年市级医疗救助补助资金(保财社【2023】138号)121.00万元、医疗费救助110.00万元等。",
        "支出包括：社会保障和就业支出115.18万元，占一般公共预算支出的1.27%，包括行政事业单位养老支出115.18万元（其中行政单位离退休4.87万元、机关事业单位基本养老保险缴费支出71.99万元、机关事业单位职业年金缴费支出38.31万元）；卫生健康支出8901.79万元，占一般公共预算支出的98.21%，包括行政事业单位医疗29.16万元（其中行政单位医疗29.16万元）、财政对基本医疗保险基金的补助7544.13万元（其中财政对城乡居民基本医疗保险基金的补助7544.13万元）、医疗救助630.07万元（其中城乡医疗救助630.07万元）、医疗保障管理事务698.44万元（其中行政运行613.92万元、一般行政管理事务55.52万元、医疗保障经办事务29.00万元）；住房保障支出47.39万元，占一般公共预算支出的0.52%，包括住房改革支出47.39万元（其中住房公积金47.39万元）。",
      ],
      change: [
        "2024年预算收支安排9064.36万元，较2023年预算增加685.49万元，其中：基本支出增加6.04万元，主要为【请填写增减原因】；项目支出增加679.45万元，主要是【请填写增减原因】。",
      ],
      operating: ["2024年，我单位机关运行经费共计安排29.34万元，主要用于【请填写主要用途】等日常运行支出。"],
      threePublic: [
        "2024年，我单位财政拨款“三公”经费预算安排3.61万元，其中因公出国（境）费0万元；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元）；公务接待费0.61万元。",
      ],
      procurement: ["2024年，我单位无政府采购预算。"],
      assets: ["截至2023年12月31日，我单位固定资产总额89.44万元。"],
    });
    expect(sections.find((s) => s.id === "threePublic")!.notes).toEqual(["缺少2023年“三公”经费预算数，未写与上年相比的增减情况。"]);
  });

  it("never writes a figure the tables do not give as 0: without the income tables the income section says what is missing", async () => {
    const full = await fixtureModel("seed000");
    const model = { ...full, tables: full.tables.filter((t) => t.kind !== "income_expense_summary" && t.kind !== "income_summary") };
    const sections = generate(model);
    expect(sections.find((s) => s.id === "income")).toEqual({
      id: "income",
      title: "收入说明",
      paragraphs: [],
      notes: ["表中没有收入合计，未写本节：请核对是否缺少相应的公开表，或在“映射”中指定。"],
    });
    expect(sections.flatMap((s) => s.paragraphs).join("")).not.toContain("收入0万元");
    // the other sections are written as before
    expect(sections.find((s) => s.id === "operating")!.paragraphs).toEqual(generate(full).find((s) => s.id === "operating")!.paragraphs);
    // a 决算 wording forced on a budget without a procurement split: the section says so instead of “货物支出0万元”
    const forced = generate(await fixtureModel("seed001-dept"), undefined, "final").find((s) => s.id === "procurement")!;
    expect(forced.paragraphs).toEqual([]);
    expect(forced.notes).toEqual(["表中没有政府采购货物支出、政府采购工程支出、政府采购服务支出，未写本节：请核对是否缺少相应的公开表，或在“映射”中指定。"]);
  });

  it("says 本年 and 上年 when the tables state no year, never “0年” or “-1年”", async () => {
    const model = { ...(await fixtureModel("seed000")), year: null };
    const sections = generate(model);
    const text = sections.flatMap((s) => [...s.paragraphs, ...s.notes]).join("\n");
    expect(text).not.toMatch(/(^|[^\d])-?[01]年/);
    expect(sections.find((s) => s.id === "income")!.paragraphs[0]).toBe("本年预算收入9064.36万元，其中：一般公共预算收入9064.36万元。");
    expect(sections.find((s) => s.id === "change")!.notes[0]).toMatch(/^缺少上年预算数/);
    const final = generate({ ...(await fixtureModel("seed004")), year: null });
    expect(final.find((s) => s.id === "overall")!.paragraphs[0]).toMatch(/^本年度收入总计/);
  });

  it("says the spending by 类, 款 and 项 as seed001 does, with each 类's share of 一般公共预算支出", async () => {
    const model = await fixtureModel("seed001-dept");
    const sections = generate(model);
    expect(sections.find((s) => s.id === "expense")!.paragraphs[1]).toBe(
      "支出包括：卫生健康支出874.96万元，占一般公共预算支出的100.00%，包括医疗保障管理事务874.96万元（其中行政运行794.96万元、医疗保障经办事务80.00万元）。",
    );
    expect(n1Issues(model, sections)).toEqual([]);
  });

  it("leaves the comparison out, with a visible note, when no prior-year figures are given", async () => {
    const sections = generate(await fixtureModel("seed002"));
    const change = sections.find((s) => s.id === "change")!;
    expect(change.paragraphs).toEqual([]);
    expect(change.notes).toEqual(["缺少2024年预算数，未写比上年增减情况：请提供上年预算工作簿，或在上年数据中填写上年收支总额、基本支出、项目支出。"]);
    expect(sections.find((s) => s.id === "operating")!.paragraphs[0]).toBe(
      "2025年，我部门机关运行经费共计安排43.48万元，主要用于【请填写主要用途】等日常运行支出。",
    );
  });
});

describe("narrative generation (决算 wording)", () => {
  it("writes seed004's text from its tables, as the published figures say it", async () => {
    const sections = generate(await fixtureModel("seed004"));
    expect(sections.map((s) => [s.title, ...s.paragraphs])).toEqual([
      ["收入支出决算总体情况说明", "2024年度收入总计5,056.26万元，支出总计5,056.26万元。"],
      ["收入决算情况说明", "2024年度收入合计5,056.26万元，其中：", "财政拨款收入5,056.26万元，占比100.00%。"],
      ["支出决算情况说明", "2024年度支出合计5,056.26万元，其中：", "基本支出1,367.05万元，占比27.04%；", "项目支出3,689.21万元，占比72.96%。"],
      ["财政拨款收支决算总体情况说明", "2024年度财政拨款收入总计5,056.26万元，支出总计5,056.26万元。"],
      [
        "一般公共预算财政拨款支出决算情况说明",
        "2024年一般公共预算财政拨款决算支出5,056.26万元，占本年支出合计的100.00%。",
        "2024年度一般公共预算财政拨款支出5,056.26万元，主要用于以下方面：",
        "社会保障和就业支出（类）51.85万元，占比1.03%；",
        "卫生健康支出（类）4,976.46万元，占比98.42%；",
        "住房保障支出（类）27.96万元，占比0.55%。",
      ],
      [
        "一般公共预算财政拨款基本支出决算情况说明",
        "2024年度财政拨款基本支出1,367.05万元，其中：",
        "人员经费1,358.60万元，主要包括工资福利支出344.20万元（其中：基本工资108.39万元、津贴补贴16.06万元、奖金12.71万元、绩效工资103.12万元、机关事业单位基本养老保险缴费34.16万元、职业年金缴费16.96万元、职工基本医疗保险缴费13.88万元、公务员医疗补助缴费6.37万元、其他社会保障缴费4.59万元、住房公积金27.96万元）、对个人和家庭的补助1,014.40万元（其中：医疗费补助1,014.40万元）；",
        "公用经费8.45万元，主要包括商品和服务支出8.45万元（其中：办公费0.90万元、邮电费0.40万元、差旅费0.65万元、劳务费2.26万元、工会经费2.43万元、福利费1.72万元、其他交通费用0.09万元）。",
      ],
      ["政府性基金预算财政拨款收支决算情况说明", "本年度无此项收支。"],
      ["国有资本经营预算财政拨款支出决算情况说明", "本年度无此项支出。"],
      [
        "财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费财政拨款支出全年预算1.34万元，支出决算1.34万元，完成全年预算的100.00%。其中：",
        "因公出国（境）费支出0万元；",
        "公务用车购置费支出0万元；",
        "公务用车运行维护费支出1.18万元，完成全年预算的100.00%；",
        "公务接待费支出0.16万元，完成全年预算的100.00%。",
      ],
      ["政府采购支出情况说明", "2024年度政府采购支出总额3.35万元，其中：政府采购货物支出2.71万元、政府采购工程支出0万元、政府采购服务支出0.64万元。"],
      ["国有资产占用情况说明", "截至2024年12月31日，共有车辆1辆。"],
    ]);
    expect(sections.find((s) => s.id === "gpb")!.notes).toEqual([
      "缺少2023年度决算数，未写与上年相比的增减情况：请提供上年决算工作簿，或在上年数据中填写上年决算数。",
      "缺少2024年年初预算数，未写各类支出完成年初预算的比例。",
    ]);
  });
});

describe("narrative generation (Henan wording)", () => {
  it("detects the wording from the template family", async () => {
    const { detectStyle } = await import("../../src/narrative/generate");
    expect(await Promise.all(["seed000", "seed001-dept", "seed002", "seed003", "seed004"].map(async (id) => detectStyle(await fixtureModel(id))))).toEqual([
      "hebei",
      "hebei",
      "hebei",
      "henan",
      "final",
    ]);
  });

  it("writes seed003's text with the shares its published text gives", async () => {
    const sections = generate(await fixtureModel("seed003"));
    const text = Object.fromEntries(sections.map((s) => [s.id, s.paragraphs.join("")]));
    expect(text.expense).toBe("平顶山市石龙区医疗保障局2023年支出合计193.86万元。其中：基本支出165.42万元，占85.33%；项目支出28.44万元，占14.67%。");
    expect(text.gpb).toBe(
      "平顶山市石龙区医疗保障局2023年一般公共预算支出年初预算为193.86万元。其中：基本支出165.42万元，占85.33%；项目支出28.44万元，占14.67%。主要用于以下方面：社会保障和就业支出16.52万元，占8.52%；卫生健康支出165.05万元，占85.14%；住房保障支出12.29万元，占6.34%。",
    );
    expect(text.basic).toBe(
      "平顶山市石龙区医疗保障局2023年一般公共预算基本支出年初预算为165.42万元。其中：人员经费支出147.66万元，占89.26%；公用经费支出17.76万元，占10.74%。",
    );
    expect(text.threePublic).toBe(
      "平顶山市石龙区医疗保障局2023年“三公”经费预算为1.20万元。具体支出情况如下：（一）因公出国（境）费0万元。（二）公务接待费0万元。（三）公务用车购置及运行维护费1.20万元，其中：公务用车购置费0万元；公务用车运行维护费1.20万元。",
    );
    expect(text.fund).toBe("平顶山市石龙区医疗保障局2023年无使用政府性基金预算拨款安排的支出。");
    expect(text.operating).toBe("平顶山市石龙区医疗保障局2023年机关运行经费支出预算17.76万元，主要用于【请填写主要用途】。");
  });

  it("can be chosen instead of detected", async () => {
    const sections = generate(await fixtureModel("seed003"), undefined, "hebei");
    expect(sections[0].paragraphs[0]).toBe("2023年预算收入193.86万元，其中：一般公共预算收入193.86万元。");
  });
});

/**
 * The N1 issues the narrative check raises on generated sections, as "messageId: quote"; `prior`: the figures
 * the text was generated with, which the check then compares the stated changes with (as checkWorkbook's).
 */
function n1Issues(model: BudgetModel, sections: NarrativeSection[], prior?: PriorYear): string[] {
  const narrative = narrativeLines(sections).map((l, i) => ({ text: l.text, cell: { sheet: "情况说明", address: `A${i + 1}`, row: i, col: 0 } }));
  const withText = { ...model, narrative };
  return checkNarrative(withText, resolvePrior(withText, prior)).issues.map((x) => `${x.messageId}: ${x.data.quote ?? ""}`);
}

describe("narrative generation with prior-year figures (budget)", () => {
  it("says the Henan 一般公共预算收支 change against last year's as seed003 does, with its reason slot", async () => {
    const model = await fixtureModel("seed003");
    const fiscal = (prior?: PriorYear) => generate(model, prior).find((s) => s.id === "fiscal")!;
    const rose = fiscal({ year: 2022, gpb: new Dec("31.50") });
    expect(rose.paragraphs).toEqual([
      "平顶山市石龙区医疗保障局2023年一般公共预算收支预算193.86万元。与2022年相比，一般公共预算收支预算增长162.36万元，增长515.43%，主要原因：【请填写增减原因】。",
    ]);
    expect(rose.slots).toEqual([{ item: "一般公共预算", kind: "reason" }]);
    expect(rose.notes).toEqual([]);
    expect(fiscal({ year: 2022, gpb: new Dec("193.86") }).paragraphs).toEqual([
      "平顶山市石龙区医疗保障局2023年一般公共预算收支预算193.86万元。与2022年相比，一般公共预算收支预算持平。",
    ]);
    const none = fiscal({ year: 2022, total: new Dec("31.50") });
    expect(none.paragraphs).toEqual(["平顶山市石龙区医疗保障局2023年一般公共预算收支预算193.86万元。"]);
    expect(none.notes).toEqual([
      "缺少2022年一般公共预算收支预算数，未写与上年相比的增减情况：请提供上年预算工作簿，或在上年数据中填写上年一般公共预算收支预算数。",
    ]);
    expect(n1Issues(model, generate(model, { year: 2022, gpb: new Dec("31.50") }))).toEqual([]);
  });

  it("says each “三公” item's change with its own reason slot, and the text passes the narrative check", async () => {
    const model = await fixtureModel("seed000");
    const prior = { year: 2023, threePublic: { 因公出国: new Dec("0.03"), 购置: new Dec("0"), 运行: new Dec("3.00"), 公务接待: new Dec("0.64") } };
    const sections = generate(model, prior);
    const tp = sections.find((s) => s.id === "threePublic")!;
    expect(tp.paragraphs).toEqual([
      "2024年，我单位财政拨款“三公”经费预算安排3.61万元，与2023年相比减少0.06万元，其中因公出国（境）费0万元，与2023年相比减少0.03万元，主要原因是【请填写增减原因】；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元），与2023年相比持平；公务接待费0.61万元，与2023年相比减少0.03万元，主要原因是【请填写增减原因】。",
    ]);
    expect(tp.notes).toEqual([]);
    expect(tp.slots).toEqual([
      { item: "因公出国", kind: "reason" },
      { item: "公务接待", kind: "reason" },
    ]);
    expect(n1Issues(model, sections, prior)).toEqual([]);
  });

  it("says the Henan “三公” change when last year's figure is given", async () => {
    const model = await fixtureModel("seed003");
    const prior = { year: 2022, total: new Dec("31.50"), threePublic: { 合计: new Dec("0") } };
    const sections = generate(model, prior);
    expect(sections.find((s) => s.id === "threePublic")!.paragraphs[0]).toBe(
      "平顶山市石龙区医疗保障局2023年“三公”经费预算为1.20万元。2023年“三公”经费支出预算数比2022年增加1.20万元，主要原因：【请填写增减原因】。具体支出情况如下：",
    );
    expect(n1Issues(model, sections, prior)).toEqual([]);
  });
});

/** seed004's 2023 决算 figures and 2024 年初预算, as its own published 情况说明 implies them (current ∓ the stated change). */
const SEED004_PRIOR: PriorYear = {
  year: 2023,
  grand: new Dec("2365.94"), // 5,056.26 − 2,690.32
  fiscalGrand: new Dec("2365.94"),
  gpb: new Dec("2365.94"),
  categories: { "208": new Dec("388.39"), "210": new Dec("1931.29"), "221": new Dec("22.21") }, // 51.85 + 336.54, 4,976.46 − 3,045.17, 27.96 − 5.75
  threePublic: { 合计: new Dec("1.58"), 因公出国: new Dec("0"), 购置: new Dec("0"), 运行: new Dec("1.46"), 公务接待: new Dec("0.12") },
  budget: { gpb: new Dec("5015.28"), categories: { "208": new Dec("151.50"), "210": new Dec("4835.57"), "221": new Dec("28.21") } },
};

describe("narrative generation with prior-year figures (决算)", () => {
  it("says the change from last year's 决算 with its rate, and the completion of the 年初预算 per 类", async () => {
    const model = await fixtureModel("seed004");
    const sections = generate(model, SEED004_PRIOR);
    const text = (id: string) => sections.find((s) => s.id === id)!;
    expect(text("overall").paragraphs).toEqual([
      "2024年度收入总计5,056.26万元，支出总计5,056.26万元。与上年相比，收入总计增加2,690.32万元，增长113.71%，支出总计增加2,690.32万元，增长113.71%。主要原因是【请填写增减原因】。",
    ]);
    expect(text("fiscal").paragraphs[0]).toBe(
      "2024年度财政拨款收入总计5,056.26万元，支出总计5,056.26万元。与上年相比，财政拨款收入总计增加2,690.32万元，增长113.71%；财政拨款支出总计增加2,690.32万元，增长113.71%。主要原因是【请填写增减原因】。",
    );
    expect(text("gpb").paragraphs).toEqual([
      "2024年一般公共预算财政拨款决算支出5,056.26万元，占本年支出合计的100.00%。与上年相比，一般公共预算财政拨款支出增加2,690.32万元，增长113.71%。主要原因是【请填写增减原因】。",
      "2024年度一般公共预算财政拨款支出5,056.26万元，主要用于以下方面：",
      "社会保障和就业支出（类）51.85万元，占比1.03%；",
      "卫生健康支出（类）4,976.46万元，占比98.42%；",
      "住房保障支出（类）27.96万元，占比0.55%。",
      "2024年度一般公共预算财政拨款支出年初预算5,015.28万元，支出决算5,056.26万元，完成年初预算的100.82%。其中：",
      "社会保障和就业支出年初预算151.50万元，支出决算51.85万元，完成年初预算的34.22%，用于【请填写主要用途】。较上年决算减少336.54万元，下降86.65%，主要原因是【请填写增减原因】。",
      "卫生健康支出年初预算4,835.57万元，支出决算4,976.46万元，完成年初预算的102.91%，用于【请填写主要用途】。较上年决算增加3,045.17万元，增长157.68%，主要原因是【请填写增减原因】。",
      "住房保障支出年初预算28.21万元，支出决算27.96万元，完成年初预算的99.11%，用于【请填写主要用途】。较上年决算增加5.75万元，增长25.89%，主要原因是【请填写增减原因】。",
    ]);
    expect(text("gpb").notes).toEqual([]);
    expect(text("threePublic").paragraphs).toEqual([
      "2024年度“三公”经费财政拨款支出全年预算1.34万元，支出决算1.34万元，完成全年预算的100.00%，比上年度减少0.24万元，下降15.19%，主要原因是【请填写增减原因】。其中：",
      "因公出国（境）费支出0万元，与上年持平；",
      "公务用车购置费支出0万元，与上年持平；",
      "公务用车运行维护费支出1.18万元，完成全年预算的100.00%，比上年度减少0.28万元，下降19.18%，主要原因是【请填写增减原因】；",
      "公务接待费支出0.16万元，完成全年预算的100.00%，比上年度增加0.04万元，增长33.33%，主要原因是【请填写增减原因】。",
    ]);
    expect(text("threePublic").notes).toEqual([]);
    expect(listSlots(sections).map((s) => s.key)).toEqual([
      "overall/收支总计",
      "fiscal/财政拨款收支总计",
      "gpb/一般公共预算财政拨款支出",
      "gpb/社会保障和就业支出（用途）",
      "gpb/社会保障和就业支出",
      "gpb/卫生健康支出（用途）",
      "gpb/卫生健康支出",
      "gpb/住房保障支出（用途）",
      "gpb/住房保障支出",
      "threePublic/合计",
      "threePublic/运行",
      "threePublic/公务接待",
    ]);
    expect(n1Issues(model, sections, SEED004_PRIOR)).toEqual([]);
  });

  it("writes what it has and names what is missing: 年初预算 of one 类, last year's 三公 items", async () => {
    const model = await fixtureModel("seed004");
    const prior = { year: 2023, threePublic: { 合计: new Dec("1.58") }, budget: { categories: { "210": new Dec("4835.57") } } };
    const sections = generate(model, prior);
    const gpb = sections.find((s) => s.id === "gpb")!;
    expect(gpb.paragraphs.slice(5)).toEqual([
      "2024年度一般公共预算财政拨款支出决算具体情况如下：",
      "卫生健康支出年初预算4,835.57万元，支出决算4,976.46万元，完成年初预算的102.91%，用于【请填写主要用途】。",
    ]);
    expect(gpb.notes).toEqual([
      "缺少2023年度决算数，未写与上年相比的增减情况：请提供上年决算工作簿，或在上年数据中填写上年决算数。",
      "缺少2024年年初预算数（社会保障和就业支出、住房保障支出），未写这些类完成年初预算的比例。",
    ]);
    expect(sections.find((s) => s.id === "threePublic")!.notes).toEqual([
      "缺少2023年度“三公”经费决算数（因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费），未写这些项与上年相比的增减情况。",
    ]);
    expect(sections.find((s) => s.id === "procurement")!.notes).toEqual(["表中没有“授予中小企业合同金额”，未写授予中小企业合同金额及其占比。"]);
    expect(n1Issues(model, sections, prior)).toEqual([]);
  });

  it("says the 中小企业 share where 公开10 gives 授予中小企业合同金额, as seed004's text does", async () => {
    // seed004's 公开10 as published has no such rows; here they are added under 服务 with the amounts its text states
    const wb = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
    const sheet = wb.sheets.find((x) => x.name.startsWith("公开10"))!;
    const i = sheet.cells.findIndex((r) => r[0]?.text === "服务");
    const row = (label: string, no: string) =>
      sheet.cells[i].map((c, k) =>
        k === 0 ? { ...c!, value: label, text: label } : k === 1 ? { ...c!, value: no, text: no } : { ...c!, value: 3.15, text: "3.15" },
      );
    sheet.cells.splice(i + 1, 0, row("其中：授予中小企业合同金额", "4a"), row("其中：授予小微企业合同金额", "4b"));
    const model = recognize(wb);
    const sections = generate(model);
    expect(sections.find((x) => x.id === "procurement")).toMatchObject({
      paragraphs: [
        "2024年度政府采购支出总额3.35万元，其中：政府采购货物支出2.71万元、政府采购工程支出0万元、政府采购服务支出0.64万元。政府采购授予中小企业合同金额3.15万元，占政府采购支出总额的94.03%。其中：授予小微企业合同金额3.15万元，占政府采购支出总额的94.03%。",
      ],
      notes: [],
    });
    expect(n1Issues(model, sections)).toEqual([]);
  });

  it("takes last year's 决算 figures from last year's 决算 workbook", async () => {
    const { priorFromModel } = await import("../../src/narrative/prior");
    const p = priorFromModel(await fixtureModel("seed004"));
    expect([p.grand, p.fiscalGrand, p.gpb].map(String)).toEqual(["5056.26", "5056.26", "5056.26"]);
    expect(Object.fromEntries(Object.entries(p.categories!).map(([k, x]) => [k, x.toString()]))).toEqual({ "208": "51.85", "210": "4976.46", "221": "27.96" });
    expect(Object.fromEntries(Object.entries(p.threePublic!).map(([k, x]) => [k, x.toString()]))).toEqual({
      合计: "1.34",
      因公出国: "0",
      公务用车: "1.18",
      购置: "0",
      运行: "1.18",
      公务接待: "0.16",
    });
  });
});

describe("prior-year JSON", () => {
  it("reads the 决算 figures, 类 by code or by name, and this year's 年初预算", async () => {
    const { priorFromJson } = await import("../../src/narrative/prior");
    const p = priorFromJson(
      JSON.stringify({
        year: 2023,
        grand: "2365.94",
        gpb: 2365.94,
        categories: { "208": "388.39", 卫生健康支出: "1931.29" },
        threePublic: { 运行: "1.46", 购置: "0" },
        budget: { gpb: "5015.28", categories: { 住房保障: "28.21" } },
      }),
      "2023.json",
    );
    expect([p.grand, p.gpb, p.budget!.gpb].map(String)).toEqual(["2365.94", "2365.94", "5015.28"]);
    expect(Object.keys(p.categories!)).toEqual(["208", "210"]);
    expect(Object.keys(p.budget!.categories!)).toEqual(["221"]);
    expect(Object.keys(p.threePublic!)).toEqual(["购置", "运行"]);
    expect(() => priorFromJson(JSON.stringify({ year: 2023, categories: { 医保: "1" } }), "x.json")).toThrow(
      '上年数据文件「x.json」中「categories」的「医保」不是功能分类的类（请写类级科目代码，如 "208"，或类名称）。',
    );
  });
});

describe("“三公” items of the Henan wording against last year's", () => {
  it("says each item's change with its own reason slot, an unchanged item as seed003 does, and no rate from 0", async () => {
    const model = await fixtureModel("seed003");
    const prior = priorFromJson(JSON.stringify({ year: 2022, threePublic: { 因公出国: "0", 公务接待: "0.50", 公务用车: "0.20" } }), "2022.json");
    const sections = generate(model, prior);
    const tp = sections.find((s) => s.id === "threePublic")!;
    expect(tp.paragraphs).toEqual([
      "平顶山市石龙区医疗保障局2023年“三公”经费预算为1.20万元。2023年“三公”经费支出预算数比2022年增加0.50万元，主要原因：【请填写增减原因】。具体支出情况如下：",
      "（一）因公出国（境）费0万元。预算数与2022年相同，无差异。",
      "（二）公务接待费0万元。预算数比2022年减少0.50万元，下降100.00%，主要原因：【请填写增减原因】。",
      "（三）公务用车购置及运行维护费1.20万元，其中：公务用车购置费0万元；公务用车运行维护费1.20万元。预算数比2022年增加1.00万元，增长500.00%，主要原因：【请填写增减原因】。",
    ]);
    expect(tp.notes).toEqual([]);
    expect(
      listSlots(sections)
        .filter((x) => x.sectionId === "threePublic")
        .map((x) => x.key),
    ).toEqual(["threePublic/合计", "threePublic/公务接待", "threePublic/公务用车"]);
    expect(n1Issues(model, sections, prior)).toEqual([]);

    // the officer's reasons are kept, by item, when the text is generated again with other figures
    const written = narrativeLines(
      applyReasons(sections, {
        "threePublic/合计": "公务用车运行维护费增加",
        "threePublic/公务接待": "压减接待活动",
        "threePublic/公务用车": "新增一辆执法执勤用车",
      }),
    ).map((l) => l.text);
    const again = generate(model, priorFromJson(JSON.stringify({ year: 2022, threePublic: { 因公出国: "0", 公务接待: "0.40", 公务用车: "0" } }), "2022.json"));
    expect(recoverReasons(written, again)).toEqual({
      "threePublic/合计": "公务用车运行维护费增加",
      "threePublic/公务接待": "压减接待活动",
      "threePublic/公务用车": "新增一辆执法执勤用车",
    });
    expect(applyReasons(again, recoverReasons(written, again)).find((s) => s.id === "threePublic")!.paragraphs).toEqual([
      "平顶山市石龙区医疗保障局2023年“三公”经费预算为1.20万元。2023年“三公”经费支出预算数比2022年增加0.80万元，主要原因：公务用车运行维护费增加。具体支出情况如下：",
      "（一）因公出国（境）费0万元。预算数与2022年相同，无差异。",
      "（二）公务接待费0万元。预算数比2022年减少0.40万元，下降100.00%，主要原因：压减接待活动。",
      // from 0: the rate cannot be computed and is left out (never “增加100%”)
      "（三）公务用车购置及运行维护费1.20万元，其中：公务用车购置费0万元；公务用车运行维护费1.20万元。预算数比2022年增加1.20万元，主要原因：新增一辆执法执勤用车。",
    ]);
  });

  it("says a total and items without change as 持平 and 相同, never 增加0.00万元", async () => {
    const sections = generate(
      await fixtureModel("seed003"),
      priorFromJson(JSON.stringify({ year: 2022, threePublic: { 因公出国: "0", 公务接待: "0", 公务用车: "1.20" } }), "2022.json"),
    );
    expect(sections.find((s) => s.id === "threePublic")!.paragraphs).toEqual([
      "平顶山市石龙区医疗保障局2023年“三公”经费预算为1.20万元。2023年“三公”经费支出预算数与2022年持平。具体支出情况如下：",
      "（一）因公出国（境）费0万元。预算数与2022年相同，无差异。",
      "（二）公务接待费0万元。预算数与2022年相同，无差异。",
      "（三）公务用车购置及运行维护费1.20万元，其中：公务用车购置费0万元；公务用车运行维护费1.20万元。预算数与2022年相同，无差异。",
    ]);
  });

  it("names the items last year's figures do not give", async () => {
    const sections = generate(
      await fixtureModel("seed003"),
      priorFromJson(JSON.stringify({ year: 2022, threePublic: { 合计: "0", 公务用车: "0" } }), "2022.json"),
    );
    const tp = sections.find((s) => s.id === "threePublic")!;
    expect(tp.paragraphs.slice(1)).toEqual([
      "（一）因公出国（境）费0万元。",
      "（二）公务接待费0万元。",
      "（三）公务用车购置及运行维护费1.20万元，其中：公务用车购置费0万元；公务用车运行维护费1.20万元。预算数比2022年增加1.20万元，主要原因：【请填写增减原因】。",
    ]);
    expect(tp.notes).toEqual(["缺少2022年“三公”经费分项预算数（因公出国（境）费、公务接待费），未写这些项与上年相比的增减情况。"]);
  });
});

describe("prior-year figures from the tables' own 上年 and 年初预算 columns", () => {
  /** A PriorYear with its amounts as strings. */
  const plain = (p: PriorYear | undefined): unknown => JSON.parse(JSON.stringify(p ?? null));

  it("reads last year's figures from the 上年 columns as last year's workbook would give them", async () => {
    expect(plain(priorFromColumns(await fixtureModel("variants/seed000-prior")))).toEqual({
      year: 2023,
      total: "8378.87",
      basic: "799.6",
      project: "7579.27",
      gpb: "8378.87",
      threePublic: { 合计: "3.67", 因公出国: "0.03", 公务用车: "3", 购置: "0", 运行: "3", 公务接待: "0.64" },
    });
    expect(plain(priorFromColumns(await fixtureModel("variants/seed003-prior")))).toEqual({
      year: 2022,
      threePublic: { 合计: "0", 因公出国: "0", 公务用车: "0", 购置: "0", 运行: "0", 公务接待: "0" },
    });
    expect(plain(priorFromColumns(await fixtureModel("variants/seed004-budget")))).toEqual({
      year: 2023,
      budget: { gpb: "5015.28", categories: { "208": "151.5", "210": "4835.57", "221": "28.21" } },
    });
    for (const id of ["seed000", "seed003", "seed004"]) expect(priorFromColumns(await fixtureModel(id))).toBeUndefined();
  });

  it("seed000: with no --prior, the same text as the plain tables with the same figures in JSON", async () => {
    const fromColumns = generate(await fixtureModel("variants/seed000-prior"));
    const json = {
      year: 2023,
      total: "8378.87",
      basic: "799.60",
      project: "7579.27",
      gpb: "8378.87",
      threePublic: { 合计: "3.67", 因公出国: "0.03", 公务用车: "3.00", 购置: "0", 运行: "3.00", 公务接待: "0.64" },
    };
    expect(fromColumns).toEqual(generate(await fixtureModel("seed000"), priorFromJson(JSON.stringify(json), "2023.json")));
    const text = (id: string) => fromColumns.find((s) => s.id === id)!;
    expect(text("change").paragraphs).toEqual([
      "2024年预算收支安排9064.36万元，较2023年预算增加685.49万元，其中：基本支出增加6.04万元，主要为【请填写增减原因】；项目支出增加679.45万元，主要是【请填写增减原因】。",
    ]);
    expect(text("threePublic").paragraphs).toEqual([
      "2024年，我单位财政拨款“三公”经费预算安排3.61万元，与2023年相比减少0.06万元，其中因公出国（境）费0万元，与2023年相比减少0.03万元，主要原因是【请填写增减原因】；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元），与2023年相比持平；公务接待费0.61万元，与2023年相比减少0.03万元，主要原因是【请填写增减原因】。",
    ]);
    expect([text("change").notes, text("threePublic").notes]).toEqual([[], []]);
  });

  it("seed003: with no --prior, the Henan “三公” comparisons of the plain tables with the same figures in JSON", async () => {
    const model = await fixtureModel("variants/seed003-prior");
    const fromColumns = generate(model);
    const json = { year: 2022, threePublic: { 合计: "0", 因公出国: "0", 公务用车: "0", 购置: "0", 运行: "0", 公务接待: "0" } };
    expect(fromColumns).toEqual(generate(await fixtureModel("seed003"), priorFromJson(JSON.stringify(json), "2022.json")));
    expect(fromColumns.find((s) => s.id === "threePublic")!.paragraphs).toEqual([
      "平顶山市石龙区医疗保障局2023年“三公”经费预算为1.20万元。2023年“三公”经费支出预算数比2022年增加1.20万元，主要原因：【请填写增减原因】。具体支出情况如下：",
      "（一）因公出国（境）费0万元。预算数与2022年相同，无差异。",
      "（二）公务接待费0万元。预算数与2022年相同，无差异。",
      "（三）公务用车购置及运行维护费1.20万元，其中：公务用车购置费0万元；公务用车运行维护费1.20万元。预算数比2022年增加1.20万元，主要原因：【请填写增减原因】。",
    ]);
    expect(n1Issues(model, fromColumns)).toEqual([]);
  });

  it("seed004: 完成年初预算 per 类 and in all from the 年初预算数 column, as from the JSON budget object", async () => {
    const model = await fixtureModel("variants/seed004-budget");
    const fromColumns = generate(model);
    const json = { year: 2023, budget: { gpb: "5015.28", categories: { "208": "151.50", "210": "4835.57", "221": "28.21" } } };
    expect(fromColumns).toEqual(generate(await fixtureModel("seed004"), priorFromJson(JSON.stringify(json), "2023.json")));
    expect(fromColumns.find((s) => s.id === "gpb")!.paragraphs.slice(5)).toEqual([
      "2024年度一般公共预算财政拨款支出年初预算5,015.28万元，支出决算5,056.26万元，完成年初预算的100.82%。其中：",
      "社会保障和就业支出年初预算151.50万元，支出决算51.85万元，完成年初预算的34.22%，用于【请填写主要用途】。",
      "卫生健康支出年初预算4,835.57万元，支出决算4,976.46万元，完成年初预算的102.91%，用于【请填写主要用途】。",
      "住房保障支出年初预算28.21万元，支出决算27.96万元，完成年初预算的99.11%，用于【请填写主要用途】。",
    ]);
    expect(n1Issues(model, fromColumns)).toEqual([]);
  });

  it("takes the explicit figures first and the columns for what they leave out, item by item", async () => {
    const model = await fixtureModel("variants/seed000-prior");
    const sections = generate(model, priorFromJson(JSON.stringify({ year: 2023, total: "8000.00", threePublic: { 公务接待: "0.61" } }), "2023.json"));
    const text = (id: string) => sections.find((s) => s.id === id)!.paragraphs;
    // total from the JSON, 基本支出 and 项目支出 from the columns
    expect(text("change")).toEqual([
      "2024年预算收支安排9064.36万元，较2023年预算增加1064.36万元，其中：基本支出增加6.04万元，主要为【请填写增减原因】；项目支出增加679.45万元，主要是【请填写增减原因】。",
    ]);
    // 公务接待费 from the JSON, the other items from the columns
    expect(text("threePublic")).toEqual([
      "2024年，我单位财政拨款“三公”经费预算安排3.61万元，与2023年相比减少0.06万元，其中因公出国（境）费0万元，与2023年相比减少0.03万元，主要原因是【请填写增减原因】；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元），与2023年相比持平；公务接待费0.61万元，与2023年相比持平。",
    ]);
    // figures of another year than the columns' are not mixed with them
    const other = generate(model, priorFromJson(JSON.stringify({ year: 2022, total: "8000.00" }), "2022.json"));
    expect(other.find((s) => s.id === "change")!.paragraphs).toEqual(["2024年预算收支安排9064.36万元，较2022年预算增加1064.36万元。"]);
    expect(other.find((s) => s.id === "threePublic")!.notes).toEqual(["缺少2023年“三公”经费预算数，未写与上年相比的增减情况。"]);
    // a 年初预算 of the JSON wins over the column's, the other 类 come from the column
    const final = generate(
      await fixtureModel("variants/seed004-budget"),
      priorFromJson(JSON.stringify({ year: 2023, budget: { categories: { "221": "30.00" } } }), "2023.json"),
    );
    expect(final.find((s) => s.id === "gpb")!.paragraphs.slice(5)).toEqual([
      "2024年度一般公共预算财政拨款支出年初预算5,015.28万元，支出决算5,056.26万元，完成年初预算的100.82%。其中：",
      "社会保障和就业支出年初预算151.50万元，支出决算51.85万元，完成年初预算的34.22%，用于【请填写主要用途】。",
      "卫生健康支出年初预算4,835.57万元，支出决算4,976.46万元，完成年初预算的102.91%，用于【请填写主要用途】。",
      "住房保障支出年初预算30.00万元，支出决算27.96万元，完成年初预算的93.20%，用于【请填写主要用途】。",
    ]);
  });
});
