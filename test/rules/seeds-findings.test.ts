/**
 * The findings on each seed workbook as published: every table mistake the seeds carry is reported,
 * the 0.01–0.02 rounding gaps are 尾差 (info), and no error where the published numbers reconcile.
 * Each line: rule, level, cells (for 尾差 the total's cell only), suspect, and for a 尾差 seen in several
 * places (merged into one finding) the sentence that lists them.
 */
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { recognize } from "../../src/recognize/recognize";
import { RULES } from "../../src/rules/registry";
import { runRules } from "../../src/rules/runner";
import * as path from "path";
import { FIXTURES, PERIOD_VARIANT_NAMES, SEED_WORKBOOKS, VARIANT_NAMES } from "../helpers";

type Line = [string, string, string[], string | null] | [string, string, string[], null, string];

const EXPECTED: Record<string, { counts: Record<string, number>; findings: Line[] }> = {
  seed000: {
    counts: { error: 0, warning: 1, info: 5 },
    findings: [
      ["N1-narrative", "warning", ["情况说明!A27", "09三公经费!C7"], "情况说明!A27"],
      ["R3-expense-row", "info", ["03支出总表!D12"], null, "同一尾差出现在 5 处：02收入总表 D12、E12、F12，03支出总表 D12，05一般公共预算支出表 D12。"],
      [
        "R4-functional-hierarchy",
        "info",
        ["02收入总表!D8"],
        null,
        "同一尾差出现在 7 处：02收入总表 D8、E8、F8，03支出总表 D8、E8，05一般公共预算支出表 D8、E8。",
      ],
      ["R4-functional-hierarchy", "info", ["03支出总表!E6"], null, "同一尾差出现在 2 处：03支出总表 E6，05一般公共预算支出表 E6。"],
      ["R8-economic-hierarchy", "info", ["06基本支出表!D7"], null, "同一尾差出现在 2 处：06基本支出表 D7、E7。"],
      ["R8-economic-hierarchy", "info", ["06基本支出表!D18"], null, "同一尾差出现在 2 处：06基本支出表 D18、F18。"],
    ],
  },
  "seed001-dept": {
    counts: { error: 5, warning: 3, info: 0 },
    findings: [
      ["R14-procurement", "error", ["政府采购!H8", "政府采购!F8", "政府采购!G8"], null],
      ["R14-procurement", "error", ["政府采购!H9", "政府采购!F9", "政府采购!G9"], null],
      ["R22-completeness", "error", ["政府采购!A12"], "政府采购!A12"],
      ["R22-completeness", "error", ["固定资产!A12"], "固定资产!A12"],
      ["N1-narrative", "error", ["情况说明!A68", "固定资产!C4"], "情况说明!A68"],
      ["R10-payroll-lines", "warning", ["06一般公共预算基本支出表!D12"], null],
      ["R10-payroll-lines", "warning", ["06一般公共预算基本支出表!D13"], null],
      ["X5-fixed-assets-date", "warning", ["固定资产!C2"], null],
    ],
  },
  "seed001-unit": {
    counts: { error: 5, warning: 3, info: 0 },
    findings: [
      ["R14-procurement", "error", ["政府采购!H7", "政府采购!F7", "政府采购!G7"], null],
      ["R14-procurement", "error", ["政府采购!H8", "政府采购!F8", "政府采购!G8"], null],
      ["R22-completeness", "error", ["政府采购!A11"], "政府采购!A11"],
      ["R22-completeness", "error", ["固定资产!A12"], "固定资产!A12"],
      ["N1-narrative", "error", ["情况说明!A70", "固定资产!C4"], "情况说明!A70"],
      ["R10-payroll-lines", "warning", ["06一般公共预算基本支出表!D12"], null],
      ["R10-payroll-lines", "warning", ["06一般公共预算基本支出表!D13"], null],
      ["X5-fixed-assets-date", "warning", ["固定资产!C2"], null],
    ],
  },
  seed002: {
    counts: { error: 1, warning: 1, info: 1 },
    findings: [
      ["N1-narrative", "error", ["情况说明!A13", "绩效目标-医疗服务与保障能力提升!C4"], "情况说明!A13"],
      ["N1-narrative", "warning", ["情况说明!A19"], "情况说明!A19"],
      ["R8-basic-row", "info", ["06基本支出表!D6"], null, "同一尾差在该单元格所在的 2 个等式中都出现。"],
    ],
  },
  seed003: {
    // (the empty 政府性基金 and 国有资本经营 tables are explained in the 情况说明: "…2023年无使用政府性基金预算拨款安排的支出。")
    counts: { error: 1, warning: 1, info: 9 },
    findings: [
      ["N1-narrative", "error", ["情况说明!A31", "03支出总体情况表!G6"], "情况说明!A31"],
      ["R12-three-public-vs-basic", "warning", ["08三公经费支出情况表!E5", "07支出经济分类汇总表!G16"], null],
      [
        "R3-expense-row",
        "info",
        ["03支出总体情况表!G6"],
        null,
        "同一尾差出现在 5 处：03支出总体情况表 G6、G7，05一般公共预算支出情况表 G6、G7，06一般公共预算基本支出表 E5。",
      ],
      ["R4-functional-hierarchy", "info", ["03支出总体情况表!F6"], null, "同一尾差出现在 2 处：03支出总体情况表 F6，05一般公共预算支出情况表 F6。"],
      ["R4-functional-hierarchy", "info", ["03支出总体情况表!G6"], null, "同一尾差出现在 2 处：03支出总体情况表 G6，05一般公共预算支出情况表 G6。"],
      ["R4-functional-hierarchy", "info", ["03支出总体情况表!H6"], null, "同一尾差出现在 2 处：03支出总体情况表 H6，05一般公共预算支出情况表 H6。"],
      ["R5-cross-totals", "info", ["01收支总体情况表!D12"], null, "同一尾差出现在 2 处：01收支总体情况表 D12，04财政拨款收支总体情况表 E15。"],
      ["R5-cross-totals", "info", ["01收支总体情况表!D14"], null, "同一尾差出现在 2 处：01收支总体情况表 D14，04财政拨款收支总体情况表 E17。"],
      ["R8-economic-hierarchy", "info", ["06一般公共预算基本支出表!F5"], null],
      ["R8-economic-hierarchy", "info", ["07支出经济分类汇总表!G5"], null, "同一尾差出现在 3 处：07支出经济分类汇总表 G5、H5、I5。"],
      ["R10-payroll-lines", "info", ["05一般公共预算支出情况表!G10"], null],
    ],
  },
  seed004: {
    counts: { error: 1, warning: 3, info: 6 },
    findings: [
      [
        "R21-self-evaluation",
        "error",
        ["自评-全国医保服务示范点工作经费!L7", "自评-全国医保服务示范点工作经费!J7", "自评-全国医保服务示范点工作经费!I7"],
        "自评-全国医保服务示范点工作经费!L7",
      ],
      ["R10-payroll-lines", "warning", ["公开05一般公共预算财政拨款支出决算表!D16", "公开06一般公共预算财政拨款基本支出决算明细表!C14"], null],
      ["R10-payroll-lines", "warning", ["公开05一般公共预算财政拨款支出决算表!D17", "公开06一般公共预算财政拨款基本支出决算明细表!C15"], null],
      ["N1-narrative", "warning", ["情况说明!A46", "公开03支出决算表!C7"], "情况说明!A46"],
      [
        "R1-summary-balance",
        "info",
        ["公开01收入支出决算总表!F33"],
        null,
        "同一尾差出现在 7 处：公开01收入支出决算总表 F33，公开02收入决算表 C7、D7，公开03支出决算表 B7，公开04财政拨款收入支出决算总表 F33、G33，公开05一般公共预算财政拨款支出决算表 C7。",
      ],
      [
        "R4-functional-hierarchy",
        "info",
        ["公开02收入决算表!C15"],
        null,
        "同一尾差出现在 6 处：公开02收入决算表 C15、D15，公开03支出决算表 B15、C15，公开05一般公共预算财政拨款支出决算表 C15、D15。",
      ],
      [
        "R4-functional-hierarchy",
        "info",
        ["公开02收入决算表!C21"],
        null,
        "同一尾差出现在 4 处：公开02收入决算表 C21、D21，公开03支出决算表 B21，公开05一般公共预算财政拨款支出决算表 C21。",
      ],
      ["R4-functional-hierarchy", "info", ["公开03支出决算表!C7"], null, "同一尾差出现在 2 处：公开03支出决算表 C7，公开05一般公共预算财政拨款支出决算表 D7。"],
      [
        "R4-functional-hierarchy",
        "info",
        ["公开03支出决算表!D21"],
        null,
        "同一尾差出现在 2 处：公开03支出决算表 D21，公开05一般公共预算财政拨款支出决算表 E21。",
      ],
      ["R21-self-evaluation", "info", ["自评-城乡居民医保工作经费!L7"], null],
    ],
  },
};

/** Real packages found beyond the seeds (test/fixtures/source/real-*.json), as published: their findings. */
const REAL: Record<string, { profile: string; unit: string | null; tables: string[]; counts: Record<string, number>; findings: Line[] }> = {
  // a county unit's 2017 “三公” budget table published on its own (Hunan): its items are 费用 / 公务用车费
  // and they add up; a single table is a part of a package, so completeness is a 提示, not 8 errors
  "real-hunan-yueyang-taichuangyuan-2017-budget": {
    profile: "budget-national",
    unit: null, // (the stored page writes 年 as “-”: “台创园2017-度…”, no unit line)
    tables: ["three_public"],
    counts: { error: 0, warning: 1, info: 0 },
    findings: [["R22-completeness", "warning", [], null]],
  },
  // a central unit's 2010 收支决算总表 (上海国家会计学院, 财政部直属): the year in its title, no header over
  // its label columns, 2009/2010 决算数 and 比上年增减% on both sides; every stated rate rounds right
  "real-central-snai-2010-final": {
    profile: "final-national",
    unit: "上海国家会计学院",
    tables: ["income_expense_summary"],
    counts: { error: 0, warning: 1, info: 8 },
    findings: [
      ["R22-completeness", "warning", [], null],
      ["R23-prior-year-change", "info", ["收支决算总表!D5"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!D8"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!D10"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!H5"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!H6"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!H8"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!H9"], null],
      ["R23-prior-year-change", "info", ["收支决算总表!H10"], null],
    ],
  },
};

describe.each(Object.keys(REAL))("findings on the real package %s as published", (id) => {
  it("are exactly the expected ones, under the expected profile", async () => {
    const r = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
    expect(r.profile?.profile.id).toBe(REAL[id].profile);
    expect(r.model.unitName).toBe(REAL[id].unit);
    expect(r.model.tables.map((t) => t.kind)).toEqual(REAL[id].tables);
    expect(r.counts).toEqual(REAL[id].counts);
    expect(r.findings.map(line)).toEqual(REAL[id].findings);
  });
});

const line = (f: ReturnType<typeof checkWorkbook>["findings"][number]): Line => {
  const cells = (f.level === "info" ? f.cells.slice(0, 1) : f.cells).map((c) => `${c.sheet}!${c.address}`);
  const suspect = f.suspect ? `${f.suspect.sheet}!${f.suspect.address}` : null;
  const places = f.level === "info" ? /同一尾差.*$/.exec(f.message)?.[0] : undefined;
  return places && suspect === null ? [f.ruleId, f.level, cells, null, places] : [f.ruleId, f.level, cells, suspect];
};

describe.each(SEED_WORKBOOKS)("findings on %s as published", (id) => {
  it("are exactly the expected ones", async () => {
    const r = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
    expect(r.counts).toEqual(EXPECTED[id].counts);
    expect(r.findings.map(line)).toEqual(EXPECTED[id].findings);
  });
});

/** What a finding says, without where it is: the same in every layout of the same tables. */
const essence = (f: ReturnType<typeof checkWorkbook>["findings"][number]) => `${f.ruleId} ${f.level} ${f.messageId}`;

describe("findings do not depend on the layout", () => {
  // (the variants with 上年/增减 and 年初预算/完成率 columns hold consistent figures: R19 and R23 find nothing,
  // and N1 finds every change the text states to be current − the 上年 column)
  it.each(SEED_WORKBOOKS.flatMap((id) => [...VARIANT_NAMES, ...PERIOD_VARIANT_NAMES].map((v) => [id, v])))("%s in layout %s", async (id, variant) => {
    const base = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)))
      .findings.map(essence)
      .sort();
    let other = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, "variants", `${id}-${variant}.xlsx`)))
      .findings.map(essence)
      .sort();
    if (variant === "yuan") {
      // 万元 amounts ×10000 shown to the 分: a 0.01 万元 gap is now 100 元 in a table exact to 0.01 元,
      // so what was a 尾差 is a real mismatch. Same rules and messages; 尾差 become errors (提示 stay 提示).
      // (compared as the rules report them: a 尾差 repeated across tables is one finding, an error never merges)
      const reported = async (file: string) => runRules(recognize(await readWorkbookFile(file)), RULES).findings.map(essence);
      const noLevel = (e: string) => e.replace(/ (info|error|warning) /, " ~ ");
      const [rulesBase, rulesOther] = [await reported(path.join(FIXTURES, `${id}.xlsx`)), await reported(path.join(FIXTURES, "variants", `${id}-yuan.xlsx`))];
      expect(rulesOther.map(noLevel).sort()).toEqual(rulesBase.map(noLevel).sort());
      const amountGaps = (list: string[]) => list.filter((e) => e.includes(" info ") && !e.includes("rateRounding"));
      expect(amountGaps(other)).toEqual([]);
      return;
    }
    if (variant === "prior" && id === "seed000") {
      // the 上年 columns give last year's 因公出国（境）费 as 0.03: the text's “减少0.03万元” of an item of 0 is
      // current − prior (N1 compares stated changes with the 上年 columns), so the 提示 that nothing backs the
      // decrease goes; every other stated change agrees with the columns too, and nothing else differs
      expect(base).toContain("N1-narrative warning zeroDecrease");
      expect(other).not.toContain("N1-narrative warning zeroDecrease");
      expect(other).toEqual(base.filter((e) => e !== "N1-narrative warning zeroDecrease"));
      return;
    }
    if (variant === "textnums") {
      // the only difference: amounts typed as text are reported once per table
      expect(other.filter((e) => e.startsWith("X1-cell-values warning textNumbers")).length).toBeGreaterThan(0);
      other = other.filter((e) => !e.startsWith("X1-cell-values warning textNumbers"));
    }
    expect(other).toEqual(base);
  });
});
