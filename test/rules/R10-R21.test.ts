import R10 from "../../src/rules/R10-payroll-lines";
import R11col from "../../src/rules/R11-three-public-columns";
import R11 from "../../src/rules/R11-three-public-items";
import R12 from "../../src/rules/R12-three-public-vs-basic";
import R14 from "../../src/rules/R14-procurement";
import R15 from "../../src/rules/R15-fixed-assets";
import R16 from "../../src/rules/R16-project-performance";
import R20 from "../../src/rules/R20-three-public-final";
import R21 from "../../src/rules/R21-self-evaluation";
import { ruleTester } from "./ruleTester";

ruleTester(R10, {
  valid: ["seed000", "seed002", "seed003"],
  invalid: [
    {
      name: "30108 that no longer matches 2080505",
      workbook: "seed000",
      edits: { "06基本支出表!D12": 72.99 },
      errors: [
        {
          level: "warning",
          cells: ["05一般公共预算支出表!E10", "06基本支出表!D12"],
          suspect: "06基本支出表!D12",
          message:
            "机关事业单位基本养老保险缴费：功能分类 2080505 合计 71.99，经济分类 30108 为 72.99，相差 -1.00万元，超出 ±0.01万元 的尾差范围；请核实科目是否对应。",
        },
      ],
    },
    {
      name: "seed001: 30108 and 30110 are paid but 2080505 and 2101101/2101102 are absent",
      workbook: "seed001-dept",
      edits: {},
      errors: [
        {
          level: "warning",
          cells: ["06一般公共预算基本支出表!D12"],
          message: /^机关事业单位基本养老保险缴费：功能分类 2080505（无此科目） 合计 0.00，经济分类 30108 为 649700.00/,
        },
        { level: "warning", cells: ["06一般公共预算基本支出表!D13"], message: /^职工基本医疗保险缴费：功能分类 2101101\+2101102（无此科目）/ },
      ],
    },
    {
      name: "seed004: 2101102 16.60 vs 30110 13.88 and 2101103 vs 30111",
      workbook: "seed004",
      edits: {},
      errors: [
        { level: "warning", cells: ["公开05一般公共预算财政拨款支出决算表!D16", "公开06一般公共预算财政拨款基本支出决算明细表!C14"] },
        { level: "warning", cells: ["公开05一般公共预算财政拨款支出决算表!D17", "公开06一般公共预算财政拨款基本支出决算明细表!C15"] },
      ],
    },
  ],
});

ruleTester(R11, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "公务用车购置及运维费 that breaks 合计 and its own parts",
      workbook: "seed000",
      edits: { "09三公经费!C8": 3.1 },
      errors: [
        {
          level: "error",
          cells: ["09三公经费!C6", "09三公经费!C7", "09三公经费!C8", "09三公经费!C11"],
          suspect: "09三公经费!C8",
          message:
            "「财政拨款“三公”经费支出表」合计 3.61 应等于 因公出国(境)费 + 公务用车购置及运维费 + 公务接待费 之和 3.71，相差 -0.10万元，超出 ±0.015万元 的尾差范围。",
        },
        { level: "error", cells: ["09三公经费!C8", "09三公经费!C9", "09三公经费!C10"], suspect: "09三公经费!C8" },
      ],
    },
    {
      name: "2025 Hebei layout: 合计 = “三公”小计 + 会议费 + 培训费",
      workbook: "seed002",
      edits: { "09三公经费!C15": 1 },
      errors: [{ level: "error", cells: ["09三公经费!C6", "09三公经费!C7", "09三公经费!C15", "09三公经费!C18"], suspect: "09三公经费!C15" }],
    },
    {
      name: "决算 公开09 决算数 block",
      workbook: "seed004",
      edits: { "公开09财政拨款三公经费支出决算表!L8": 0.26 },
      errors: [
        {
          level: "error",
          cells: [
            "公开09财政拨款三公经费支出决算表!G8",
            "公开09财政拨款三公经费支出决算表!H8",
            "公开09财政拨款三公经费支出决算表!I8",
            "公开09财政拨款三公经费支出决算表!L8",
          ],
        },
      ],
    },
  ],
});

ruleTester(R11col, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "合计 ≠ 一般公共预算 + 基金 + 国资",
      workbook: "seed000",
      edits: { "09三公经费!C8": 3.1 },
      errors: [{ level: "error", cells: ["09三公经费!C8", "09三公经费!D8", "09三公经费!E8", "09三公经费!F8"], suspect: "09三公经费!C8" }],
    },
  ],
});

ruleTester(R12, {
  valid: ["seed000", "seed001-dept", "seed002", "seed004"],
  invalid: [
    {
      name: "基本支出 30231 larger than the “三公” 公务用车运行维护费",
      workbook: "seed000",
      edits: { "06基本支出表!D28": 4 },
      errors: [{ level: "warning", messageId: "less", cells: ["09三公经费!C10", "06基本支出表!D28"] }],
    },
    {
      name: "seed003: 三公 运行维护费 1.20 vs 经济分类汇总表 30231 3.70",
      workbook: "seed003",
      edits: {},
      errors: [
        {
          level: "warning",
          messageId: "equal",
          cells: ["08三公经费支出情况表!E5", "07支出经济分类汇总表!G16"],
          message:
            "「财政拨款“三公”经费支出表」公务用车运行维护费 1.20 应等于「支出经济分类汇总表」第16行「30231 公务用车运行维护费」 3.70，相差 -2.50万元，超出 ±0.01万元 的尾差范围。",
        },
      ],
    },
  ],
});

ruleTester(R14, {
  valid: ["seed000", "seed002", "seed004"],
  invalid: [
    {
      name: "seed001: 数量 × 单价 ≠ 金额 on two published rows",
      workbook: "seed001-dept",
      edits: {},
      errors: [
        {
          level: "error",
          messageId: "line",
          cells: ["政府采购!H8", "政府采购!F8", "政府采购!G8"],
          message: "「政府采购预算表」第8行「金属质柜类」：数量 10 × 单价 900.00 = 9000.00，但金额为 8500.00，相差 -500.00元，超出尾差范围。",
        },
        {
          level: "error",
          messageId: "line",
          cells: ["政府采购!H9", "政府采购!F9", "政府采购!G9"],
          message: "「政府采购预算表」第9行「台式计算机」：数量 2 × 单价 3300.00 = 6600.00，但金额为 6500.00，相差 -100.00元，超出尾差范围。",
        },
      ],
    },
    {
      name: "决算 公开10: 政府采购合计 ≠ 货物 + 工程 + 服务",
      workbook: "seed004",
      edits: { "公开10部门决算公开相关信息统计表!C7": 2.81 },
      errors: [
        {
          level: "error",
          messageId: "kinds",
          cells: [
            "公开10部门决算公开相关信息统计表!C6",
            "公开10部门决算公开相关信息统计表!C7",
            "公开10部门决算公开相关信息统计表!C8",
            "公开10部门决算公开相关信息统计表!C9",
          ],
        },
      ],
    },
  ],
});

ruleTester(R15, {
  valid: ["seed000", "seed001-dept", "seed002"],
  invalid: [
    {
      name: "a category that no longer adds up; two totals fail but cannot tell which category",
      workbook: "seed000",
      edits: { "固定资产!C8": 22.98 },
      errors: [
        {
          level: "error",
          cells: ["固定资产!C4", "固定资产!C6", "固定资产!C8", "固定资产!C9", "固定资产!C10"],
          suspect: null,
          message: "「固定资产占用情况表」第4行「合计」的「价值」89.44 应等于各类资产之和 90.44，相差 -1.00万元，超出 ±0.015万元 的尾差范围。",
        },
        { level: "error", cells: ["固定资产!C5", "固定资产!C6", "固定资产!C8", "固定资产!C9", "固定资产!C10"], suspect: null },
      ],
    },
  ],
});

ruleTester(R16, {
  valid: ["seed000", "seed002"],
  invalid: [
    {
      name: "a project's 预算数 that breaks the 项目支出 total and its own 12月底 plan",
      workbook: "seed000",
      edits: { "绩效目标-办公室整修!C4": 60 },
      errors: [
        {
          level: "error",
          messageId: "sum",
          suspect: "绩效目标-办公室整修!C4",
          message: "8 张项目绩效目标表的预算数之和 8268.72 应等于「支出总表」项目支出合计 8258.72，相差 -10.00万元，超出 ±0.045万元 的尾差范围。",
        },
        { level: "warning", messageId: "plan", cells: ["绩效目标-办公室整修!C4", "绩效目标-办公室整修!F7"], suspect: "绩效目标-办公室整修!C4" },
      ],
    },
  ],
});

ruleTester(R20, {
  valid: ["seed004"],
  invalid: [
    {
      name: "a 决算数 above its 预算数",
      workbook: "seed004",
      edits: { "公开09财政拨款三公经费支出决算表!L8": 0.26 },
      errors: [
        {
          level: "warning",
          cells: ["公开09财政拨款三公经费支出决算表!L8", "公开09财政拨款三公经费支出决算表!F8"],
          message: "「公务接待费」决算数 0.26 超过预算数 0.16，超出 0.10万元；请在情况说明中说明原因。",
        },
      ],
    },
  ],
});

ruleTester(R21, {
  valid: [],
  invalid: [
    {
      name: "seed004: the published 执行率 62.18% of 5.597 ÷ 9 (62.19%); 93.12% for 93.125% is a 尾差",
      workbook: "seed004",
      edits: {},
      errors: [
        {
          level: "error",
          messageId: "rate",
          suspect: "自评-全国医保服务示范点工作经费!L7",
          message: "「全国医疗保障服务示范点工作经费」执行率 62.18% 与 全年执行数 5.597 ÷ 全年预算数 9 = 62.1889% 不符（应为 62.19%）。",
        },
      ],
    },
    {
      name: "结余 ≠ 全年预算 − 全年执行",
      workbook: "seed004",
      edits: { "自评-城乡居民医保工作经费!K7": 4.5 },
      errors: [
        { level: "error", messageId: "balance", cells: ["自评-城乡居民医保工作经费!I7", "自评-城乡居民医保工作经费!J7", "自评-城乡居民医保工作经费!K7"] },
        { level: "error", messageId: "rate" },
      ],
    },
  ],
});
