/** The 上年数据 form's entries to and from the prior-year JSON (the workbook's settings), and their messages. */
import { strings } from "../../src/addin/i18n";
import { amountText, formFromJson, formToJson, formWithPrior, priorFormErrors, unknownKeys, EMPTY_PRIOR_FORM } from "../../src/addin/priorForm";
import { Dec } from "../../src/grid/decimal";
import { priorFromJson } from "../../src/narrative/prior";

const zh = strings("zh");

describe("the 上年数据 form", () => {
  it("reads amounts as decimal numbers: ASCII or full-width digits, thousands separators, a trailing 万元; not words or exponents", () => {
    expect(["1234.56", "１２３４．５６", "1,234.50", " 0 ", "-3.00", "12万元"].map(amountText)).toEqual(["1234.56", "1234.56", "1234.50", "0", "-3.00", "12"]);
    expect(["八百", "1e3", "0x10", "1.2.3", "Infinity", ".5"].map(amountText)).toEqual([null, null, null, null, null, null]);
    expect(amountText("  ")).toBe("");
  });

  it("goes to the JSON of --prior and back, 类 named or coded, and the engine reads what it writes", () => {
    const json = {
      year: 2023,
      grand: "2365.94",
      gpb: 2365.94,
      categories: { "208": "388.39", 卫生健康支出: "1931.29" },
      threePublic: { 合计: "1.58", 运行: "1.46" },
      budget: { gpb: "5015.28", categories: { "221": "28.21" } },
    };
    const form = formFromJson(json);
    expect(form).toEqual({
      year: "2023",
      fields: { grand: "2365.94", gpb: "2365.94", "tp.合计": "1.58", "tp.运行": "1.46", "budget.gpb": "5015.28" },
      categories: { "208": "388.39", "210": "1931.29" },
      budgetCategories: { "221": "28.21" },
    });
    const back = formToJson(form)!;
    expect(back).toEqual({ ...json, gpb: "2365.94", categories: { "208": "388.39", "210": "1931.29" } });
    expect(priorFromJson(JSON.stringify(back), "上年数据").categories!["210"].toString()).toBe("1931.29");
    expect(formToJson(EMPTY_PRIOR_FORM)).toBeUndefined();
    expect(unknownKeys({ year: 2023, totl: "1", threePublic: { 会议: "1" }, budget: { x: 1 } })).toEqual(["totl", "会议", "x"]);
  });

  it("names each entry it cannot take in Chinese, 类 included", () => {
    const form = { ...EMPTY_PRIOR_FORM, fields: { basic: "八百", "tp.购置": "1e3" }, categories: { "208": "x" }, budgetCategories: { "221": "?" } };
    expect(priorFormErrors(form, zh).map((e) => e.message)).toEqual([
      "上年年度：填写了上年数字时须写明年度，例如 2023",
      "基本支出：请输入数字（万元），例如 1234.56",
      "其中：公务用车购置费：请输入数字（万元），例如 1234.56",
      "社会保障和就业支出：请输入数字（万元），例如 1234.56",
      "住房保障支出（本年年初预算）：请输入数字（万元），例如 1234.56",
    ]);
    expect(priorFormErrors({ ...EMPTY_PRIOR_FORM, year: "23" }, zh).map((e) => e.message)).toEqual(["上年年度：请输入四位年份，例如 2023"]);
  });

  it("fills in the figures of last year's workbook, two decimals at least, and keeps the entries it does not give", () => {
    const form = formWithPrior(
      { ...EMPTY_PRIOR_FORM, fields: { "budget.gpb": "5015.28", basic: "1" } },
      { year: 2023, total: new Dec("9064.36"), basic: new Dec("805.6"), project: new Dec("1039.672396"), threePublic: { 因公出国: new Dec(0) } },
    );
    expect(form).toEqual({
      ...EMPTY_PRIOR_FORM,
      year: "2023",
      fields: { "budget.gpb": "5015.28", total: "9064.36", basic: "805.60", project: "1039.672396", "tp.因公出国": "0.00" },
    });
  });
});
