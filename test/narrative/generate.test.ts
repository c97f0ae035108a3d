import { changeWords, generateNarrative, wan } from "../../src/narrative/generate";
import { Dec } from "../../src/model/decimal";
import { fixtureModel } from "../helpers";

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
    const sections = generateNarrative(model, { year: 2023, total: new Dec("8378.87"), basic: new Dec("799.60"), project: new Dec("7579.27") });
    expect(Object.fromEntries(sections.map((s) => [s.id, s.paragraphs]))).toEqual({
      income: ["2024年预算收入9064.36万元，其中：一般公共预算收入9064.36万元。"],
      expense: [
        "2024年支出预算9064.36万元，其中基本支出805.64万元，包括人员经费776.30万元和日常公用经费29.34万元；项目支出8258.72万元，主要为城乡居民医保基金区级配套7544.13万元、医疗救助资助参保274.00万元、重度残疾人参保资助125.07万元、提前下达2024年市级医疗救助补助资金(保财社【2023】138号)121.00万元、医疗费救助110.00万元等。",
      ],
      change: ["2024年预算收支安排9064.36万元，较2023年预算增加685.49万元，其中：基本支出增加6.04万元，主要为【请填写增减原因】；项目支出增加679.45万元，主要是【请填写增减原因】。"],
      operating: ["2024年，我单位机关运行经费共计安排29.34万元，主要用于【请填写主要用途】等日常运行支出。"],
      threePublic: ["2024年，我单位财政拨款“三公”经费预算安排3.61万元，其中因公出国（境）费0万元；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元）；公务接待费0.61万元。"],
      procurement: ["2024年，我单位无政府采购预算。"],
      assets: ["截至2023年12月31日，我单位固定资产总额89.44万元。"],
    });
    expect(sections.find((s) => s.id === "threePublic")!.notes).toEqual(["缺少2023年“三公”经费预算数，未写与上年相比的增减情况。"]);
  });

  it("leaves the comparison out, with a visible note, when no prior-year figures are given", async () => {
    const sections = generateNarrative(await fixtureModel("seed002"));
    const change = sections.find((s) => s.id === "change")!;
    expect(change.paragraphs).toEqual([]);
    expect(change.notes).toEqual(["缺少2024年预算数，未写比上年增减情况：请提供上年预算工作簿（--prior）或上年收支总额、基本支出、项目支出。"]);
    expect(sections.find((s) => s.id === "operating")!.paragraphs[0]).toBe("2025年，我部门机关运行经费共计安排43.48万元，主要用于【请填写主要用途】等日常运行支出。");
  });
});
