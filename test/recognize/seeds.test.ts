/**
 * Recognition of every seed workbook: the exact set of tables with their ranges (written out here, checked
 * by a person against the seed documents) and the full mapping of rows and amount cells (a reviewed
 * snapshot in __snapshots__/seeds.test.ts.snap).
 */
import { describeMapping, rowCount } from "../../src/model/describe";
import { fixtureModel, SEED_WORKBOOKS } from "../helpers";

type Expected = {
  meta: { documentKind: string | null; unitName: string | null; unitCode: string | null; year: number | null; amountUnit: string | null };
  /** kind, sheet, range, body rows (grid tables) or fields (form tables) */
  tables: [string, string, string, number][];
  unrecognized: [string, string][];
  narrative: number;
};

const EXPECTED: Record<string, Expected> = {
  seed000: {
    meta: { documentKind: "预算", unitName: "保定市满城区医疗保障局本级", unitCode: "450001", year: 2024, amountUnit: "万元" },
    tables: [
      ["income_expense_summary", "01收支总表", "A1:E39", 34],
      ["income_summary", "02收入总表", "A1:M25", 20],
      ["expense_summary", "03支出总表", "A1:I25", 20],
      ["fiscal_summary", "04财政拨款收支总表", "A1:H42", 37],
      ["gpb_expense", "05一般公共预算支出表", "A1:F25", 20],
      ["gpb_basic", "06基本支出表", "A1:F32", 27],
      ["gov_fund_expense", "07政府性基金支出表", "A1:F7", 0],
      ["soe_expense", "08国有资本经营支出表", "A1:F7", 0],
      ["three_public", "09三公经费", "A1:F11", 6],
      ["project_performance", "绩效目标-办公室整修", "A1:G15", 9],
      ["project_performance", "绩效目标-医疗保障局后勤经费", "A1:G15", 9],
      ["project_performance", "绩效目标-医疗服务与保障能力提升", "A1:G18", 9],
      ["project_performance", "绩效目标-城乡居民医保基金区级配套", "A1:G16", 9],
      ["project_performance", "绩效目标-市级医疗救助补助资金", "A1:G23", 9],
      ["project_performance", "绩效目标-医疗费救助", "A1:G16", 9],
      ["project_performance", "绩效目标-医疗救助资助参保", "A1:G16", 9],
      ["project_performance", "绩效目标-重度残疾人参保资助", "A1:G15", 9],
      ["procurement", "政府采购", "A1:O7", 0],
      ["fixed_assets", "固定资产", "A1:C10", 7],
    ],
    unrecognized: [["机构设置", "机构设置情况表不含预算金额，不参与审核"]],
    narrative: 44,
  },
  "seed001-dept": {
    meta: { documentKind: "预算", unitName: "邢台市医疗保障局", unitCode: "417", year: 2021, amountUnit: "元" },
    tables: [
      ["income_expense_summary", "01收支总表", "A1:E39", 34],
      ["income_summary", "02收入总表", "A1:M10", 5],
      ["expense_summary", "03支出总表", "A1:I10", 5],
      ["fiscal_summary", "04财政拨款收支总表", "A1:H42", 37],
      ["gpb_expense", "05一般公共预算支出表", "A1:F10", 5],
      ["gpb_basic", "06一般公共预算基本支出表", "A1:F30", 25],
      ["gov_fund_expense", "07政府基金预算支出表", "A1:F6", 0],
      ["soe_expense", "08国有资本经营预算支出表", "A1:F6", 0],
      ["three_public", "09三公经费", "A1:F11", 6],
      ["overall_performance", "整体绩效目标", "A1:F58", 0],
      ["project_performance", "绩效目标-医保综合业务费", "A1:F37", 0],
      ["procurement", "政府采购", "A1:M12", 7],
      ["fixed_assets", "固定资产", "A1:C12", 8],
    ],
    unrecognized: [["机构设置", "机构设置情况表不含预算金额，不参与审核"]],
    narrative: 81,
  },
  "seed001-unit": {
    meta: { documentKind: "预算", unitName: "邢台市医疗保障局本级", unitCode: "417001", year: 2021, amountUnit: "元" },
    tables: [
      ["income_expense_summary", "01收支总表", "A1:E39", 34],
      ["income_summary", "02收入总表", "A1:M10", 5],
      ["expense_summary", "03支出总表", "A1:I10", 5],
      ["fiscal_summary", "04财政拨款收支总表", "A1:H42", 37],
      ["gpb_expense", "05一般公共预算支出表", "A1:F10", 5],
      ["gpb_basic", "06一般公共预算基本支出表", "A1:F30", 25],
      ["gov_fund_expense", "07政府基金预算支出表", "A1:F6", 0],
      ["soe_expense", "08国有资本经营预算支出表", "A1:F6", 0],
      ["three_public", "09三公经费", "A1:F11", 6],
      ["overall_performance", "整体绩效目标", "A1:F58", 0],
      ["project_performance", "绩效目标-医保综合业务费", "A1:F37", 0],
      ["procurement", "政府采购", "A1:M11", 7],
      ["fixed_assets", "固定资产", "A1:C12", 8],
    ],
    unrecognized: [["机构设置", "机构设置情况表不含预算金额，不参与审核"]],
    narrative: 83,
  },
  seed002: {
    meta: { documentKind: "预算", unitName: "丰润区医疗保障局", unitCode: "450", year: 2025, amountUnit: "万元" },
    tables: [
      ["income_expense_summary", "01收支总表", "A1:E39", 34],
      ["income_summary", "02收入总表", "A1:M27", 22],
      ["expense_summary", "03支出总表", "A1:I27", 22],
      ["fiscal_summary", "04财政拨款收支总表", "A1:H42", 37],
      ["gpb_expense", "05一般公共预算支出表", "A1:F27", 22],
      ["gpb_basic", "06基本支出表", "A1:F30", 25],
      ["gov_fund_expense", "07政府性基金支出表", "A1:F6", 0],
      ["soe_expense", "08国有资本经营支出表", "A1:F6", 0],
      ["three_public", "09三公经费", "A1:F18", 13],
      ["project_performance", "绩效目标-基金监管业务费", "A1:G15", 9],
      ["project_performance", "绩效目标-印刷费", "A1:G15", 9],
      ["project_performance", "绩效目标-城乡医疗救助", "A1:G15", 9],
      ["project_performance", "绩效目标-医疗服务与保障能力提升", "A1:G15", 9],
      ["project_performance", "绩效目标-城乡居民参保资金（重残人员）", "A1:G15", 9],
      ["project_performance", "绩效目标-定点卫生室网络使用费", "A1:G15", 9],
      ["project_performance", "绩效目标-房屋租赁与水电费", "A1:G15", 9],
      ["project_performance", "绩效目标-建行网银服务手续费", "A1:G15", 9],
      ["project_performance", "绩效目标-就医行为管理服务费", "A1:G15", 9],
      ["procurement", "政府采购", "A1:O6", 0],
      ["fixed_assets", "固定资产", "A1:C10", 6],
    ],
    unrecognized: [["机构设置", "机构设置情况表不含预算金额，不参与审核"]],
    narrative: 67,
  },
  seed003: {
    meta: { documentKind: "预算", unitName: "平顶山市石龙区医疗保障局", unitCode: null, year: 2023, amountUnit: "万元" },
    tables: [
      ["income_expense_summary", "01收支总体情况表", "A1:D37", 33],
      ["income_summary", "02收入总体情况表", "A1:T9", 3],
      ["expense_summary", "03支出总体情况表", "A1:N16", 11],
      ["fiscal_summary", "04财政拨款收支总体情况表", "A1:H39", 33],
      ["gpb_expense", "05一般公共预算支出情况表", "A1:N17", 11],
      ["gpb_basic", "06一般公共预算基本支出表", "A1:G24", 20],
      ["econ_summary", "07支出经济分类汇总表", "A1:R29", 25],
      ["three_public", "08三公经费支出情况表", "A1:F6", 1],
      ["gov_fund_expense", "09政府性基金预算支出情况表", "A1:N6", 1],
      ["project_expense", "10项目支出表", "A1:L16", 12],
      ["soe_expense", "11国有资本经营预算支出情况表", "A1:C35", 32],
      ["overall_performance", "13部门整体绩效目标表", "A1:E40", 6],
      ["performance_summary", "14项目绩效目标汇总表", "A1:N57", 12],
    ],
    unrecognized: [],
    narrative: 63,
  },
  seed004: {
    meta: { documentKind: "决算", unitName: "高平市医疗保险服务中心", unitCode: null, year: 2024, amountUnit: "万元" },
    tables: [
      ["income_expense_summary", "公开01收入支出决算总表", "A1:F38", 30],
      ["income_summary", "公开02收入决算表", "A1:I27", 20],
      ["expense_summary", "公开03支出决算表", "A1:G27", 20],
      ["fiscal_summary", "公开04财政拨款收入支出决算总表", "A1:I39", 32],
      ["gpb_expense", "公开05一般公共预算财政拨款支出决算表", "A1:E27", 20],
      ["gpb_basic", "公开06一般公共预算财政拨款基本支出决算明细表", "A1:L35", 29],
      ["gov_fund_expense", "公开07政府性基金预算财政拨款收入支出决算表", "A1:H9", 1],
      ["soe_expense", "公开08国有资本经营预算财政拨款支出决算表", "A1:E9", 1],
      ["three_public", "公开09财政拨款三公经费支出决算表", "A1:L9", 1],
      ["final_info_stats", "公开10部门决算公开相关信息统计表", "A1:C25", 18],
      ["self_evaluation", "自评-城乡居民医保工作经费", "A1:N33", 7],
      ["self_evaluation", "自评-城乡居民医保工作经费2", "A1:N31", 7],
      ["self_evaluation", "自评-全国医保服务示范点工作经费", "A1:N27", 7],
      ["self_evaluation", "自评-2023年公用经费福利费", "A1:N26", 7],
      ["self_evaluation", "自评-医疗救助代办服务费", "A1:N29", 7],
      ["self_evaluation", "自评-中央财政医疗救助补助资金", "A1:N31", 7],
      ["self_evaluation", "自评-省级财政医疗救助补助资金", "A1:N30", 7],
      ["self_evaluation", "自评-市级财政医疗救助补助资金", "A1:N30", 7],
      ["self_evaluation", "自评-县级财政医疗救助补助资金", "A1:N33", 7],
      ["self_evaluation", "自评-脱贫人口缴费资助和两病兜底", "A1:N33", 7],
      ["self_evaluation", "自评-居民医保缴费补贴和慢病兜底", "A1:N36", 7],
    ],
    unrecognized: [],
    narrative: 91,
  },
};

describe.each(SEED_WORKBOOKS)("recognition of %s", (id) => {
  it("finds the document's kind, unit, year and amount unit", async () => {
    const m = await fixtureModel(id);
    expect({ documentKind: m.documentKind, unitName: m.unitName, unitCode: m.unitCode, year: m.year, amountUnit: m.amountUnit }).toEqual(EXPECTED[id].meta);
  });

  it("recognizes exactly the expected tables, with their ranges", async () => {
    const m = await fixtureModel(id);
    expect(m.tables.map((t) => [t.kind, t.sheet, t.range, rowCount(t)])).toEqual(EXPECTED[id].tables);
  });

  it("reports what it did not recognize, with the reason", async () => {
    const m = await fixtureModel(id);
    expect(m.unrecognized.map((u) => [u.sheet, u.reason])).toEqual(EXPECTED[id].unrecognized);
    expect(m.narrative.length).toBe(EXPECTED[id].narrative);
  });

  it("maps every row and amount cell as reviewed", async () => {
    expect(describeMapping(await fixtureModel(id))).toMatchSnapshot();
  });
});
