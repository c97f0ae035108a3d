/**
 * The same tables in other layouts (stacked on one sheet, shifted with a blank column, in 元, without
 * 栏次 row, amounts stored as text) must give the same budget model; with columns of other periods added
 * (上年预算数, 增减额, 增减%; 年初预算数, 调整预算数, 完成率), the same model of this year's columns, and those
 * columns with roles of their own.
 */
import type { BudgetModel } from "../../src/model/budgetModel";
import { canonicalModel } from "../../src/model/describe";
import { fixtureModel, PERIOD_VARIANT_NAMES, SEED_WORKBOOKS, VARIANT_NAMES } from "../helpers";

const cases = SEED_WORKBOOKS.flatMap((id) => VARIANT_NAMES.map((v) => [id, v] as const));
const periodCases = SEED_WORKBOOKS.flatMap((id) => PERIOD_VARIANT_NAMES.map((v) => [id, v] as const));

/** Each block's columns of a table kind as "role" or "role→of" for columns of other periods. */
function columnsOf(m: BudgetModel, kind: string): string[][] {
  return m.tables.find((t) => t.kind === kind)!.blocks.map((b) => b.columns.map((c) => (c.period ? `${c.role}→${c.of}` : c.role)));
}

describe("layout variants give the same model", () => {
  it.each(cases)("%s in layout %s", async (id, variant) => {
    const base = await fixtureModel(id);
    const other = await fixtureModel(`variants/${id}-${variant}`);
    expect(base.tables.length).toBeGreaterThan(0);
    expect(canonicalModel(other)).toEqual(canonicalModel(base));
  });

  it.each(periodCases)("%s with columns of other periods (%s): the same model of this year's columns", async (id, variant) => {
    const base = await fixtureModel(id);
    const other = await fixtureModel(`variants/${id}-${variant}`);
    expect(canonicalModel(other, { thisYearOnly: true })).toEqual(canonicalModel(base));
  });

  it("上年, 增减额 and 增减% columns get roles of their own, beside the columns of this year they belong to", async () => {
    const hebei = await fixtureModel("variants/seed000-prior");
    // "2023年预算数"/"2024年预算数" against the table's 预算年度 2024; "上年预算数"; "增减额", "增减%"
    expect(columnsOf(hebei, "income_expense_summary")).toEqual([
      ["上年→预算数", "预算数", "增减额→预算数", "增减率→预算数"],
      ["上年→预算数", "预算数", "增减额→预算数", "增减率→预算数"],
    ]);
    expect(columnsOf(hebei, "gpb_expense")).toEqual([
      ["上年/合计→合计", "上年/基本支出→基本支出", "上年/项目支出→项目支出", "合计", "基本支出", "项目支出", "增减额→合计", "增减率→合计"],
    ]);
    expect(columnsOf(hebei, "three_public")).toEqual([["上年→合计", "合计", "一般公共预算", "政府性基金", "国有资本经营", "增减额→合计", "增减率→合计"]]);
    const henan = await fixtureModel("variants/seed003-prior");
    // the table has no 年度 line: its title's 2023 tells 2022年预算数 from 2023年预算数
    expect(columnsOf(henan, "three_public")).toEqual([
      [
        "上年/合计→合计",
        "上年/因公出国(境)费→因公出国(境)费",
        "上年/公务用车购置及运行维护费→公务用车购置及运行维护费",
        "上年/公务用车购置及运行维护费/公务用车购置费→公务用车购置及运行维护费/公务用车购置费",
        "上年/公务用车购置及运行维护费/公务用车运行维护费→公务用车购置及运行维护费/公务用车运行维护费",
        "上年/公务接待费→公务接待费",
        "合计",
        "因公出国(境)费",
        "公务用车购置及运行维护费",
        "公务用车购置及运行维护费/公务用车购置费",
        "公务用车购置及运行维护费/公务用车运行维护费",
        "公务接待费",
        "增减额/合计→合计",
        "增减额/因公出国(境)费→因公出国(境)费",
        "增减额/公务用车购置及运行维护费→公务用车购置及运行维护费",
        "增减额/公务用车购置及运行维护费/公务用车购置费→公务用车购置及运行维护费/公务用车购置费",
        "增减额/公务用车购置及运行维护费/公务用车运行维护费→公务用车购置及运行维护费/公务用车运行维护费",
        "增减额/公务接待费→公务接待费",
      ],
    ]);
    const final = await fixtureModel("variants/seed004-budget");
    expect(columnsOf(final, "gpb_expense")).toEqual([["年初预算→合计", "调整预算→合计", "合计", "基本支出", "项目支出", "完成率→合计"]]);
  });

  it("the 元 variant holds the same amounts ten thousand times larger, in 元", async () => {
    const base = await fixtureModel("seed000");
    const yuan = await fixtureModel("variants/seed000-yuan");
    const total = (m: typeof base) => m.tables.find((t) => t.kind === "expense_summary")!.blocks[0].rows[0].amounts["合计"];
    expect(total(base).value.toString()).toBe("9064.36");
    expect(total(base).unit).toBe("万元");
    expect(total(yuan).value.toString()).toBe("90643600");
    expect(total(yuan).unit).toBe("元");
    expect(yuan.amountUnit).toBe("元");
  });

  it("amounts stored as text are read and flagged", async () => {
    const m = await fixtureModel("variants/seed000-textnums");
    const rows = m.tables.find((t) => t.kind === "income_summary")!.blocks[0].rows;
    const total = rows[0].amounts;
    expect([total["合计"].text, total["本年收入"].text, total["本年收入/财政拨款"].text]).toEqual(["９０６４．３６", "9,064.36", "9064. 36"]);
    expect(Object.values(total).every((a) => a.storedAsText && a.value.toString() === "9064.36")).toBe(true);
  });

  it("the stacked variant finds every table on one sheet, each with its own range", async () => {
    const m = await fixtureModel("variants/seed004-stacked");
    expect(new Set(m.tables.map((t) => t.sheet))).toEqual(new Set(["决算公开表"]));
    expect(m.tables.slice(0, 3).map((t) => t.range)).toEqual(["A1:F38", "A41:I67", "A70:G96"]);
  });
});
