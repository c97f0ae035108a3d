/**
 * N1-narrative with ruleTester: narrative cells are edited with setCell as table cells are;
 * { replace, with } edits one phrase of the cell's text.
 */
import * as path from "path";
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { priorFromJson } from "../../src/narrative/prior";
import { recognize } from "../../src/recognize/recognize";
import N1 from "../../src/rules/N1-narrative";
import { runRules } from "../../src/rules/runner";
import { FIXTURES } from "../helpers";
import { ruleTester, setCell, type Edit, type ExpectedFinding } from "./ruleTester";
import { MemoryHost } from "../../src/host/memory/MemoryHost";
import { paragraphsOf } from "../../src/host/file/readNarrative";
import type { PriorYear } from "../../src/model/prior";

// 情况说明 cells of the seeds as published
const SEED002_A19 =
  "2025年，我部门财政拨款“三公”经费预算安排 6.00万元，其中因公出国（境）费 0.00万元；公务用车购置及运维费6.00万元（其中：公务用车购置费为 0.00万元，公务用车运维费 6.00万元)；公务接待费 0.00万元。与 2024年相比增加0.00万元，增减变化的主要原因是数据与上年持平。";
const SEED003_A25 = "平顶山市石龙区医疗保障局 2023 年支出合计 193.86 万元。其中：基本支出 165.42 万元，占 85.33%；项目支出 28.44 万元，占 14.67%。";
const SEED001_A32 =
  "2021年预算收支安排874.96万元，较2020年826.46万元增加48.5万元，其中基本支出增加26.5万元，项目支出增加22万元，增加原因为人员工资调整和非税收入增加。";

// the seeds' own mistakes
const SEED000_ABROAD: ExpectedFinding = {
  level: "warning",
  messageId: "zeroDecrease",
  cells: ["情况说明!A27", "09三公经费!C7"],
  suspect: "情况说明!A27",
  message:
    "情况说明写“其中因公出国(境)费 0 万元,与2023年相比减少0.03万元”：表中因公出国（境）费本年为 0（「财政拨款“三公”经费支出表」09三公经费!C7 为空白），写“减少0.03万元”即上年为 0.03万元，但文中和表中都没有可以印证的上年数或增减合计；若上年也为 0，应写“与上年持平”或“无变化”，请核实。",
  fix: null, // a question, not a certain correction
};
const SEED001_ASSETS = (cell: string, word: string): ExpectedFinding => ({
  level: "error",
  messageId: "amount",
  cells: [cell, "固定资产!C4"],
  suspect: cell,
  message: `情况说明写“邢台市医疗保障局(含所属单位)上年末${word}金额为103.97万元”：固定资产总额为 103.97万元，但「固定资产占用情况表」固定资产!C4 为 10396723.96元（合 1039.67万元），相差 -935.70万元；文中数约为表中数的十分之一，疑似小数点错位。`,
  fix: null, // a decimal point out of place, perhaps: not certain
});
const SEED002_PROJECT: ExpectedFinding = {
  level: "error",
  messageId: "amount",
  cells: ["情况说明!A13", "绩效目标-医疗服务与保障能力提升!C4"],
  suspect: "情况说明!A13",
  message:
    "情况说明写“能力提升资金 40万元”：项目「唐财社【2024】125 号下达 2025 年中央财政医疗服务与保障能力提升补助资金」预算数为 40万元，但「项目绩效目标表」绩效目标-医疗服务与保障能力提升!C4 为 37.00万元，相差 3.00万元。",
  fix: null,
};
const SEED002_ZERO: ExpectedFinding = {
  level: "warning",
  messageId: "zeroChange",
  cells: ["情况说明!A19"],
  suspect: "情况说明!A19",
  message: "情况说明写“与 2024年相比增加0.00万元”：增减额为 0 时应写“持平”或“无变化”，不应写“增加0.00万元”。",
  fix: { label: "把“增加0.00万元”改为“持平”", after: SEED002_A19.replace("与 2024年相比增加0.00万元，", "与 2024年相比持平，") },
};
const SEED003_UNIT: ExpectedFinding = {
  level: "error",
  messageId: "unit",
  cells: ["情况说明!A31", "03支出总体情况表!G6"],
  suspect: "情况说明!A31",
  message:
    "情况说明写“平顶山市石龙区医疗保障局 2023 年一般公共预算基本支出年初预算为 165.42 元”：基本支出写成了 165.42元，单位有误——「支出总表」03支出总体情况表!G6 为 165.42万元，应写作 165.42万元。",
  fix: {
    label: "改为“165.42 万元”",
    after:
      "平顶山市石龙区医疗保障局 2023 年一般公共预算基本支出年初预算为 165.42 万元。其中：人员经费支出 147.66 万元，占 89.26%；公用经费支出 17.76 万元，占 10.74%。",
  },
};
const SEED004_MALFORMED: ExpectedFinding = {
  level: "warning",
  messageId: "malformed",
  cells: ["情况说明!A46", "公开03支出决算表!C7"],
  suspect: "情况说明!A46",
  message:
    "情况说明写“2024年度财政拨款基本支出1.367.05万元”：金额“1.367.05万元”写法有误（多了一个小数点），按「支出总表」公开03支出决算表!C7（1367.05万元）应写作 1,367.05万元。",
  fix: { label: "改为“1,367.05万元”", after: "2024年度财政拨款基本支出1,367.05万元，其中：" },
};

const SEED000_三公_FIXED =
  "2024 年，我单位财政拨款“三公”经费预算安排3.61万元，其中因公出国（境）费 0 万元，与2023年相比无变化；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元) ，与2023年相比无变化；公务接待费0.61万元，与2023年相比减少0.03万元，减少的主要原因是：预算人员调整。";

ruleTester(N1, {
  valid: [
    {
      name: "seed000 once its 因公出国（境）费 is said unchanged (setCell on 情况说明!A27)",
      workbook: "seed000",
      edits: { "情况说明!A27": SEED000_三公_FIXED },
    },
    { name: "seed000 in 元 (layout variant) with the same correction", workbook: "variants/seed000-yuan", edits: { "情况说明!A27": SEED000_三公_FIXED } },
    {
      name: "seed000 when a stated total change backs the decrease of the 0 item (−0.03 + 0 − 0.03 = −0.06)",
      workbook: "seed000",
      edits: { "情况说明!A27": { replace: "预算安排3.61万元，", with: "预算安排3.61万元，较2023年减少0.06万元，" } },
    },
    {
      name: "seed000 when the “三公” sentence states last year's figure and a change of 0.01 from it (3.61 − 3.60, not 持平)",
      workbook: "seed000",
      edits: { "情况说明!A27": "2024 年，我单位财政拨款“三公”经费预算安排3.61万元，较2023年3.60万元增加0.01万元。" },
    },
    {
      name: "seed001 (部门) with the 固定资产 total as in the table",
      workbook: "seed001-dept",
      edits: { "情况说明!A68": { replace: "103.97万元", with: "1039.67万元" } },
    },
    {
      name: "seed001 (单位) with the 固定资产 total as in the table",
      workbook: "seed001-unit",
      edits: { "情况说明!A70": { replace: "103.97万元", with: "1,039.67万元" } },
    },
    {
      name: "seed002 with the project at 37万元 and “持平”",
      workbook: "seed002",
      edits: { "情况说明!A13": { replace: "能力提升资金 40万元", with: "能力提升资金 37万元" }, "情况说明!A19": { replace: "增加0.00万元", with: "持平" } },
    },
    { name: "seed003 with 基本支出 in 万元", workbook: "seed003", edits: { "情况说明!A31": { replace: "165.42 元", with: "165.42 万元" } } },
    { name: "seed004 with 1,367.05万元 written correctly", workbook: "seed004", edits: { "情况说明!A46": { replace: "1.367.05", with: "1,367.05" } } },
    {
      name: "seed004 in 元 (layout variant) with the same correction",
      workbook: "variants/seed004-yuan",
      edits: { "情况说明!A46": { replace: "1.367.05", with: "1,367.05" } },
    },
    {
      name: "seed004 with 年初预算数 and 完成率 columns in 公开05 that hold what its text states",
      workbook: "variants/seed004-budget",
      edits: { "情况说明!A46": { replace: "1.367.05", with: "1,367.05" } },
    },
    // stated changes against the tables' 上年 columns (variants/*-prior: figures derived from what each text states)
    {
      name: "seed000 with 上年 columns: 因公出国（境）费 “减少0.03万元” to 0 is current − the 上年 column's 0.03, as every other stated change",
      workbook: "variants/seed000-prior",
    },
    {
      name: "seed003 with 上年 columns: “比2022年增加1.2万元” from 0 (and no rate checked from 0)",
      workbook: "variants/seed003-prior",
      edits: { "情况说明!A31": { replace: "165.42 元", with: "165.42 万元" } },
    },
  ],
  invalid: [
    // the mistakes published in the seeds
    { name: "seed000: 因公出国（境）费 of 0 said to have decreased 0.03万元", workbook: "seed000", errors: [SEED000_ABROAD] },
    { name: "seed001 (部门): 国有资产 103.97万元 for 10,396,723.96元", workbook: "seed001-dept", errors: [SEED001_ASSETS("情况说明!A68", "国有资产")] },
    { name: "seed001 (单位): 固定资产 103.97万元 for 10,396,723.96元", workbook: "seed001-unit", errors: [SEED001_ASSETS("情况说明!A70", "固定资产")] },
    { name: "seed002: 能力提升资金 40万元 for 37.00, and 增加0.00万元", workbook: "seed002", errors: [SEED002_PROJECT, SEED002_ZERO] },
    { name: "seed003: 基本支出 165.42 元", workbook: "seed003", errors: [SEED003_UNIT] },
    { name: "seed004: 1.367.05万元", workbook: "seed004", errors: [SEED004_MALFORMED] },
    {
      name: "seed001 in 元 (layout variant): the same 固定资产 mistake",
      workbook: "variants/seed001-dept-yuan",
      errors: [SEED001_ASSETS("情况说明!A68", "国有资产")],
    },

    // the 年初预算 of a 决算 where 公开05 has a 年初预算数 column (variants/seed004-budget: C 年初预算数, row 8 = 208)
    {
      name: "a stated 年初预算 that the 年初预算数 column does not hold, and the 完成率 said from it",
      workbook: "variants/seed004-budget",
      edits: { "公开05一般公共预算财政拨款支出决算表!C8": 150.5 },
      errors: [
        {
          level: "error",
          messageId: "amount",
          cells: ["情况说明!A42", "公开05一般公共预算财政拨款支出决算表!C8"],
          suspect: "情况说明!A42",
          message:
            "情况说明写“社会保障和就业支出年初预算151.50万元”：社会保障和就业支出（年初预算数）为 151.50万元，但「一般公共预算财政拨款支出表」公开05一般公共预算财政拨款支出决算表!C8 为 150.50万元，相差 1.00万元。",
        },
        {
          level: "error",
          messageId: "completion",
          cells: ["情况说明!A42", "公开05一般公共预算财政拨款支出决算表!E8", "公开05一般公共预算财政拨款支出决算表!C8"],
          message:
            "情况说明写“社会保障和就业支出年初预算151.50万元,支出决算51.85万元,完成年初预算的34.22%”：社会保障和就业支出完成率应为 决算 51.85万元 ÷ 预算 150.50万元 = 34.45%，文中写 34.22%。",
        },
        SEED004_MALFORMED,
      ],
    },

    // stated changes against the tables' 上年 columns (variants/seed000-prior: 上年 in 01收支总表!H, 09三公经费!C)
    {
      name: "a 上年 cell that makes the stated “三公” total change wrong",
      workbook: "variants/seed000-prior",
      edits: { "09三公经费!C6": 3.7, "情况说明!A27": { replace: "预算安排3.61万元，", with: "预算安排3.61万元，较2023年减少0.06万元，" } },
      errors: [
        {
          level: "error",
          messageId: "priorChange",
          cells: ["情况说明!A27", "09三公经费!D6", "09三公经费!C6"],
          suspect: "情况说明!A27",
          message:
            "情况说明写“我单位财政拨款“三公”经费预算安排3.61万元,较2023年减少0.06万元”：“三公”经费本年为 3.61万元（「财政拨款“三公”经费支出表」09三公经费!D6），上年为 3.70万元（「财政拨款“三公”经费支出表」上年列 09三公经费!C6），应减少 0.09万元，文中写“减少0.06万元”，相差 0.03万元。",
        },
      ],
    },
    {
      name: "a 上年 cell that makes the stated total change wrong (its parts still add up to it)",
      workbook: "variants/seed000-prior",
      edits: { "01收支总表!H37": 8400 },
      errors: [
        {
          level: "error",
          messageId: "priorChange",
          cells: ["情况说明!A23", "01收支总表!I37", "01收支总表!H37"],
          message:
            "情况说明写“2024 年预算收支安排9064.36万元,较 2023 年预算增加685.49万元”：本年支出合计本年为 9064.36万元（「收支总表」01收支总表!I37），上年为 8400.00万元（「收支总表」上年列 01收支总表!H37），应增加 664.36万元，文中写“增加685.49万元”，相差 21.13万元。",
        },
      ],
    },
    {
      name: "a prior figure written in the text that differs from the 上年 column (the change from it is right, but the items' changes do not add up to it)",
      workbook: "variants/seed000-prior",
      edits: { "情况说明!A27": { replace: "预算安排3.61万元，", with: "预算安排3.61万元，较2023年3.60万元增加0.01万元，" } },
      errors: [
        {
          level: "error",
          messageId: "priorValue",
          cells: ["情况说明!A27", "09三公经费!C6"],
          suspect: "情况说明!A27",
          message:
            "情况说明写“我单位财政拨款“三公”经费预算安排3.61万元,较2023年3.60万元”：“三公”经费上年数文中为 3.60万元，上年数据为 3.67万元（「财政拨款“三公”经费支出表」上年列 09三公经费!C6），相差 -0.07万元。",
        },
        {
          level: "error",
          messageId: "changeParts",
          cells: ["情况说明!A27"],
          message:
            "情况说明写“我单位财政拨款“三公”经费预算安排3.61万元,较2023年3.60万元增加0.01万元”：因公出国（境）费、公务用车购置及运行维护费、公务接待费的增减额合计为 -0.06万元，与所述“三公”经费增加0.01万元不符，相差 -0.07万元。",
        },
      ],
    },
    {
      name: "“无变化” where the 上年 column differs",
      workbook: "variants/seed000-prior",
      edits: { "09三公经费!C8": 2.5 },
      errors: [
        {
          level: "error",
          messageId: "priorDirection",
          cells: ["情况说明!A27", "09三公经费!D8", "09三公经费!C8"],
          message:
            "情况说明写“公务用车购置及运维费3.00万元(其中:公务用车购置费为0万元,公务用车运维费3.00万元) ,与2023年相比无变化”：公务用车购置及运行维护费本年为 3.00万元（「财政拨款“三公”经费支出表」09三公经费!D8），上年为 2.50万元（「财政拨款“三公”经费支出表」上年列 09三公经费!C8），实际是增加 0.50万元，文中却写“无变化”。",
        },
      ],
    },
    {
      name: "a stated 下降 rate that is not Δ ÷ the 上年 column",
      workbook: "variants/seed000-prior",
      edits: { "情况说明!A27": { replace: "减少0.03万元，减少的", with: "减少0.03万元，下降10.00%，减少的" } },
      errors: [
        {
          level: "error",
          messageId: "priorGrowth",
          cells: ["情况说明!A27", "09三公经费!D11", "09三公经费!C11"],
          message:
            "情况说明写“公务接待费0.61万元,与2023年相比减少0.03万元,下降10.00%”：公务接待费本年为 0.61万元（「财政拨款“三公”经费支出表」09三公经费!D11），上年为 0.64万元（「财政拨款“三公”经费支出表」上年列 09三公经费!C11），下降幅度应为 0.03 ÷ 0.64 = 4.69%，文中写 10.00%。",
          fix: {
            label: "改为“4.69%”",
            after:
              "2024 年，我单位财政拨款“三公”经费预算安排3.61万元，其中因公出国（境）费 0 万元，与2023年相比减少0.03万元；公务用车购置及运维费3.00万元（其中：公务用车购置费为0万元，公务用车运维费3.00万元) ，与2023年相比无变化；公务接待费0.61万元，与2023年相比减少0.03万元，下降4.69%，减少的主要原因是：预算人员调整。",
          },
        },
      ],
    },

    // edited narrative cells
    {
      name: "a narrative cell rewritten with setCell: 项目支出 and 机关运行经费 that contradict the tables",
      workbook: "seed000",
      edits: {
        "情况说明!A27": SEED000_三公_FIXED,
        "情况说明!A25": "2024，我单位运行经费共计安排39.34万元，用于日常办公费等日常运行支出。",
        "情况说明!A21": { replace: "项目支出8258.72万元", with: "项目支出8285.72万元" },
      },
      errors: [
        {
          level: "error",
          messageId: "amount",
          cells: ["情况说明!A21", "03支出总表!F6"],
          suspect: "情况说明!A21",
          message: "情况说明写“项目支出8285.72万元”：项目支出为 8285.72万元，但「支出总表」03支出总表!F6 为 8258.72万元，相差 27.00万元。",
        },
        {
          level: "error",
          messageId: "amount",
          cells: ["情况说明!A25", "06基本支出表!F6"],
          message:
            "情况说明写“我单位运行经费共计安排39.34万元”：机关运行经费（= 公用经费）为 39.34万元，但「一般公共预算财政拨款基本支出表」06基本支出表!F6 为 29.34万元，相差 10.00万元。",
        },
      ],
    },
    {
      name: "一般公共预算收入 written in 元",
      workbook: "seed000",
      edits: { "情况说明!A19": { replace: "9064.36 万元", with: "9064.36 元" } },
      errors: [
        {
          level: "error",
          messageId: "unit",
          cells: ["情况说明!A19", "01收支总表!C6"],
          message:
            "情况说明写“其中:一般公共预算收入9064.36 元”：一般公共预算收入写成了 9064.36元，单位有误——「收支总表」01收支总表!C6 为 9064.36万元，应写作 9064.36万元。",
          fix: { label: "改为“9064.36 万元”", after: "反映本单位当年全部收入。2024预算收入9064.36万元，其中：一般公共预算收入9064.36 万元。" },
        },
        SEED000_ABROAD,
      ],
    },
    {
      name: "an amount rounded to whole 万元 that no longer covers the table (项目支出 80万元 is fine, 81万元 is not)",
      workbook: "seed001-dept",
      edits: { "情况说明!A29": { replace: "项目支出80万元", with: "项目支出81万元" } },
      errors: [
        {
          level: "error",
          messageId: "amount",
          cells: ["情况说明!A29", "03支出总表!F6"],
          message: "情况说明写“项目支出81万元”：项目支出为 81万元，但「支出总表」03支出总表!F6 为 800000.00元（合 80.00万元），相差 1.00万元。",
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "the changes of 基本支出 and 项目支出 that do not add up to the stated total change",
      workbook: "seed000",
      edits: { "情况说明!A27": SEED000_三公_FIXED, "情况说明!A23": { replace: "增加679.45", with: "增加697.45" } },
      errors: [
        {
          level: "error",
          messageId: "changeParts",
          cells: ["情况说明!A23"],
          message:
            "情况说明写“2024 年预算收支安排9064.36万元,较 2023 年预算增加685.49万元”：基本支出、项目支出的增减额合计为 703.49万元，与所述本年支出合计增加685.49万元不符，相差 18.00万元。",
        },
      ],
    },
    {
      name: "增加 stated for a decrease (a prior-year amount in the text above the current one)",
      workbook: "seed001-dept",
      edits: { "情况说明!A32": { replace: "826.46", with: "926.46" } },
      errors: [
        {
          level: "error",
          messageId: "direction",
          cells: ["情况说明!A32", "01收支总表!E37"],
          message:
            "情况说明写“2021年预算收支安排874.96万元,较2020年926.46万元增加48.5万元”：本年支出合计上年为 926.46万元、本年为 874.96万元，实际是减少 51.50万元，文中却写“增加”。",
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "a change that is not current − prior",
      workbook: "seed001-dept",
      edits: { "情况说明!A32": { replace: "增加48.5万元", with: "增加45.8万元" } },
      errors: [
        {
          level: "error",
          messageId: "change",
          cells: ["情况说明!A32", "01收支总表!E37"],
          message:
            "情况说明写“2021年预算收支安排874.96万元,较2020年826.46万元增加45.8万元”：本年支出合计上年为 826.46万元、本年为 874.96万元，增加额应为 48.50万元，文中写 45.8万元，相差 -2.70万元。",
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "增加 stated where the prior year equals the current one",
      workbook: "seed001-dept",
      edits: { "情况说明!A32": { replace: "826.46", with: "874.96" } },
      errors: [
        {
          level: "error",
          messageId: "notFlat",
          cells: ["情况说明!A32", "01收支总表!E37"],
          message:
            "情况说明写“2021年预算收支安排874.96万元,较2020年874.96万元增加48.5万元”：本年支出合计上年为 874.96万元、本年为 874.96万元，两者相等，应写“持平”或“无变化”，文中却写“增加48.5万元”。",
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "减少0.00万元 is a zero change too",
      workbook: "seed002",
      edits: { "情况说明!A19": { replace: "增加0.00万元", with: "减少0.00万元" } },
      errors: [
        SEED002_PROJECT,
        {
          ...SEED002_ZERO,
          message: "情况说明写“与 2024年相比减少0.00万元”：增减额为 0 时应写“持平”或“无变化”，不应写“减少0.00万元”。",
          fix: { label: "把“减少0.00万元”改为“持平”", after: SEED002_ZERO.fix!.after },
        },
      ],
    },
    {
      name: "持平 stated for a decrease, which also leaves the other “三公” item changes without a total to back them",
      workbook: "seed001-dept",
      edits: { "情况说明!A36": { replace: "较2020年0.8万元减少0.8万元", with: "较2020年0.8万元持平" } },
      errors: [
        {
          level: "error",
          messageId: "direction",
          cells: ["情况说明!A36", "09三公经费!C11"],
          message: "情况说明写“公务接待费0万元,较2020年0.8万元持平”：公务接待费上年为 0.80万元、本年为 0.00万元，实际是减少 0.80万元，文中却写“持平”。",
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
        { level: "warning", messageId: "zeroDecrease", cells: ["情况说明!A36", "09三公经费!C9"] },
      ],
    },
    {
      name: "增加 larger than the current amount (the prior year would be negative)",
      workbook: "seed002",
      edits: { "情况说明!A15": { replace: "较 2024年预算减少 12235.19万元，其中：基本支出增加 39.61万元", with: "较 2024年预算增加 12235.19万元" } },
      errors: [
        SEED002_PROJECT,
        {
          level: "error",
          messageId: "negativePrior",
          cells: ["情况说明!A15", "01收支总表!E37"],
          message:
            "情况说明写“2025年预算收支安排 2673.76万元,较 2024年预算增加 12235.19万元”：本年支出合计本年只有 2673.76万元，写“增加12235.19万元”意味着上年为 -9561.43万元（负数），不可能；请核实增减方向和金额。",
        },
        SEED002_ZERO,
      ],
    },
    {
      name: "a share that is not part ÷ total",
      workbook: "seed003",
      edits: { "情况说明!A25": { replace: "占 85.33%", with: "占 83.53%" } },
      errors: [
        {
          level: "error",
          messageId: "share",
          cells: ["情况说明!A25", "03支出总体情况表!G6", "01收支总体情况表!D35"],
          message: "情况说明写“其中:基本支出 165.42 万元,占 83.53%”：基本支出占本年支出合计的比例应为 165.42 ÷ 193.86 = 85.33%，文中写 83.53%。",
          fix: { label: "改为“85.33%”", after: SEED003_A25 },
        },
        SEED003_UNIT,
      ],
    },
    {
      name: "a share of a 类 in a list opened by the paragraph before (决算)",
      workbook: "seed004",
      edits: { "情况说明!A37": { replace: "占比1.03%", with: "占比10.3%" } },
      errors: [
        {
          level: "error",
          messageId: "share",
          cells: ["情况说明!A37", "公开05一般公共预算财政拨款支出决算表!C8", "公开05一般公共预算财政拨款支出决算表!C7"],
          message:
            "情况说明写“社会保障和就业支出(类)51.85万元,占比10.3%”：社会保障和就业支出占一般公共预算财政拨款支出的比例应为 51.85 ÷ 5056.26 = 1.03%，文中写 10.3%。",
          // written with the decimals it was written with
          fix: { label: "改为“1.0%”", after: "社会保障和就业支出（类）51.85万元，占比1.0%；" },
        },
        SEED004_MALFORMED,
      ],
    },
    {
      name: "a growth rate that is not change ÷ prior year",
      workbook: "seed004",
      edits: { "情况说明!A22": { replace: "增长113.71%", with: "增长131.71%" } },
      errors: [
        {
          level: "error",
          messageId: "growth",
          cells: ["情况说明!A22", "公开01收入支出决算总表!C37"],
          message:
            "情况说明写“收入总计增加2,690.32万元,增长131.71%”：收入总计增长 2690.32万元，上年应为 2365.94万元，增长幅度应为 2690.32 ÷ 2365.94 = 113.71%，文中写 131.71%。",
          // last year's figure is the stated change taken from this year's: the change may be the wrong figure, not the rate
          fix: null,
        },
        SEED004_MALFORMED,
      ],
    },
    {
      name: "增长 said of a decrease",
      workbook: "seed004",
      edits: { "情况说明!A55": { replace: "下降15.19%", with: "增长15.19%" } },
      errors: [
        {
          level: "error",
          messageId: "growthDirection",
          cells: ["情况说明!A55"],
          message:
            "情况说明写“支出决算1.34万元,完成全年预算的100.00%,比上年度减少0.24万元,增长15.19%”：“三公”经费减少0.24万元，幅度却写成“增长”，增减方向前后矛盾。",
        },
        SEED004_MALFORMED,
      ],
    },
    {
      name: "a completion rate that is not 决算 ÷ 年初预算, and 年初预算 of the 类 that no longer add up",
      workbook: "seed004",
      edits: { "情况说明!A42": { replace: "年初预算151.50", with: "年初预算115.50" } },
      errors: [
        {
          level: "error",
          messageId: "parts",
          cells: ["情况说明!A41", "情况说明!A42", "情况说明!A43", "情况说明!A44"],
          message:
            "情况说明写“2024年度一般公共预算财政拨款支出年初预算5,015.28万元”：其中社会保障和就业支出、卫生健康支出、住房保障支出之和为 4979.28万元，与所述一般公共预算财政拨款支出 5,015.28万元不符，相差 -36.00万元。",
        },
        {
          level: "error",
          messageId: "completion",
          cells: ["情况说明!A42", "公开05一般公共预算财政拨款支出决算表!C8"],
          message:
            "情况说明写“社会保障和就业支出年初预算115.50万元,支出决算51.85万元,完成年初预算的34.22%”：社会保障和就业支出完成率应为 决算 51.85万元 ÷ 预算 115.50万元 = 44.89%，文中写 34.22%。",
          fix: null, // the 年初预算 the sentence states is no table's figure (公开05 has no 年初预算数 column)
        },
        SEED004_MALFORMED,
      ],
    },
    {
      name: "a “三公” 决算数 that is not the table's, and a vehicle count",
      workbook: "seed004",
      edits: {
        "情况说明!A58": { replace: "公务接待费支出0.16万元", with: "公务接待费支出0.61万元" },
        "情况说明!A70": { replace: "共有车辆1辆", with: "共有车辆2辆" },
      },
      errors: [
        {
          level: "error",
          messageId: "amount",
          cells: ["情况说明!A58", "公开09财政拨款三公经费支出决算表!L8"],
          message:
            /^情况说明写“公务接待费支出0.61万元”：公务接待费（决算数）为 0.61万元，但「财政拨款“三公”经费支出表」公开09财政拨款三公经费支出决算表!L8 为 0.16万元，相差 0.45万元/,
        },
        {
          level: "error",
          messageId: "count",
          cells: ["情况说明!A70", "公开10部门决算公开相关信息统计表!C15"],
          message: "情况说明写“本部门(单位)共有车辆2辆”：车辆数为 2辆，但「部门决算公开相关信息统计表」公开10部门决算公开相关信息统计表!C15 为 1辆。",
        },
        SEED004_MALFORMED,
      ],
    },

    // fixes the check is certain of, offered with the finding (each: the corrected text of the 情况说明 cell)
    {
      name: "a 完成率 that is not 决算 ÷ 年初预算 where both are the table's figures: the rate recomputed",
      workbook: "variants/seed004-budget",
      edits: { "情况说明!A42": { replace: "34.22%", with: "43.22%" } },
      errors: [
        {
          level: "error",
          messageId: "completion",
          cells: ["情况说明!A42", "公开05一般公共预算财政拨款支出决算表!E8", "公开05一般公共预算财政拨款支出决算表!C8"],
          message:
            "情况说明写“社会保障和就业支出年初预算151.50万元,支出决算51.85万元,完成年初预算的43.22%”：社会保障和就业支出完成率应为 决算 51.85万元 ÷ 预算 151.50万元 = 34.22%，文中写 43.22%。",
          fix: {
            label: "改为“34.22%”",
            after:
              "社会保障和就业支出年初预算151.50万元，支出决算51.85万元，完成年初预算的34.22%，用于在职人员基本养老保险缴费支出和职业年金缴费支出，大学毕业生基本医疗保险费补贴项目等支出。较上年决算减少336.54万元，下降86.65%，主要原因是人员经费支出、公用经费支出由社会保障和就业支付科目变更为卫生健康支付科目。",
          },
        },
        SEED004_MALFORMED,
      ],
    },
    {
      name: "a growth rate that is not the stated change ÷ the prior stated in the sentence (874.96 − 826.46 = 48.5): the rate recomputed",
      workbook: "seed001-dept",
      edits: { "情况说明!A32": { replace: "增加48.5万元，", with: "增加48.5万元，增长6.87%，" } },
      errors: [
        {
          level: "error",
          messageId: "growth",
          cells: ["情况说明!A32", "01收支总表!E37"],
          message:
            "情况说明写“2021年预算收支安排874.96万元,较2020年826.46万元增加48.5万元,增长6.87%”：本年支出合计增长 48.50万元，上年应为 826.46万元，增长幅度应为 48.50 ÷ 826.46 = 5.87%，文中写 6.87%。",
          fix: { label: "改为“5.87%”", after: SEED001_A32.replace("增加48.5万元，", "增加48.5万元，增长5.87%，") },
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "万元 written for 元: the stated number is the table's figure in 元",
      workbook: "seed001-dept",
      edits: { "情况说明!A29": { replace: "项目支出80万元", with: "项目支出800000万元" } },
      errors: [
        {
          level: "error",
          messageId: "amount",
          cells: ["情况说明!A29", "03支出总表!F6"],
          message:
            "情况说明写“项目支出800000万元”：项目支出为 800000万元，但「支出总表」03支出总表!F6 为 800000.00元（合 80.00万元），相差 799920.00万元；文中数约为表中数的一万倍，疑似元与万元混淆。",
          fix: {
            label: "改为“800000元”",
            after:
              "收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映邢台市医疗保障局年度部门预算中支出预算的总体情况。2021年支出预算总额874.96万元，其中基本支出794.96万元，项目支出800000元。",
          },
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "元 written for 万元, the number the table's 800000.00元 in 万元: the unit corrected",
      workbook: "seed001-dept",
      edits: { "情况说明!A29": { replace: "项目支出80万元", with: "项目支出80元" } },
      errors: [
        {
          level: "error",
          messageId: "unit",
          cells: ["情况说明!A29", "03支出总表!F6"],
          fix: {
            label: "改为“80万元”",
            after:
              "收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映邢台市医疗保障局年度部门预算中支出预算的总体情况。2021年支出预算总额874.96万元，其中基本支出794.96万元，项目支出80万元。",
          },
        },
        SEED001_ASSETS("情况说明!A68", "国有资产"),
      ],
    },
    {
      name: "元 written for 万元 where the number is the table's only within rounding (9064.4 for 9064.36): no fix",
      workbook: "seed000",
      edits: { "情况说明!A19": { replace: "9064.36 万元", with: "9064.4 元" } },
      errors: [{ level: "error", messageId: "unit", cells: ["情况说明!A19", "01收支总表!C6"], fix: null }, SEED000_ABROAD],
    },
    {
      name: "a budget's amount with dots for thousands separators: the message and the fix write the separators as commas",
      workbook: "seed000",
      edits: { "情况说明!A19": { replace: "9064.36 万元", with: "9.064.36 万元" } },
      errors: [
        {
          level: "warning",
          messageId: "malformed",
          cells: ["情况说明!A19", "01收支总表!C6"],
          message:
            "情况说明写“其中:一般公共预算收入9.064.36 万元”：金额“9.064.36万元”写法有误（多了一个小数点），按「收支总表」01收支总表!C6（9064.36万元）应写作 9,064.36万元。",
          fix: { label: "改为“9,064.36 万元”", after: "反映本单位当年全部收入。2024预算收入9064.36万元，其中：一般公共预算收入9,064.36 万元。" },
        },
        SEED000_ABROAD,
      ],
    },
    {
      name: "“比上年增加0.00万元” rewritten as “与上年持平”",
      workbook: "seed002",
      edits: { "情况说明!A19": { replace: "与 2024年相比增加0.00万元", with: "比上年增加0.00万元" } },
      errors: [
        SEED002_PROJECT,
        {
          level: "warning",
          messageId: "zeroChange",
          cells: ["情况说明!A19"],
          message: "情况说明写“比上年增加0.00万元”：增减额为 0 时应写“持平”或“无变化”，不应写“增加0.00万元”。",
          fix: { label: "把“比上年增加0.00万元”改为“与上年持平”", after: SEED002_A19.replace("与 2024年相比增加0.00万元，", "与上年持平，") },
        },
      ],
    },
    {
      name: "“减少0.00万元，下降0.00%” rewritten as “持平” as a whole",
      workbook: "seed002",
      edits: { "情况说明!A19": { replace: "增加0.00万元", with: "减少0.00万元，下降0.00%" } },
      errors: [
        SEED002_PROJECT,
        {
          ...SEED002_ZERO,
          message: "情况说明写“与 2024年相比减少0.00万元”：增减额为 0 时应写“持平”或“无变化”，不应写“减少0.00万元”。",
          fix: { label: "把“减少0.00万元，下降0.00%”改为“持平”", after: SEED002_ZERO.fix!.after },
        },
      ],
    },
    {
      name: "“增加0.00万元” said of a total whose parts the sentence says increased: no fix (the 0 may be the mistake)",
      workbook: "seed001-dept",
      edits: { "情况说明!A32": { replace: "较2020年826.46万元增加48.5万元", with: "比上年增加0.00万元" } },
      errors: [SEED001_ASSETS("情况说明!A68", "国有资产"), { level: "warning", messageId: "zeroChange", cells: ["情况说明!A32"], fix: null }],
    },
    {
      name: "“增加0.00万元，增长5%”: no fix (the rate says it is no zero change)",
      workbook: "seed002",
      edits: { "情况说明!A19": { replace: "增加0.00万元", with: "增加0.00万元，增长5%" } },
      errors: [
        SEED002_PROJECT,
        { level: "error", messageId: "growth", cells: ["情况说明!A19", "09三公经费!C7"], fix: null },
        { level: "warning", messageId: "zeroChange", cells: ["情况说明!A19"], fix: null },
      ],
    },
  ],
});

describe("N1-narrative without a narrative", () => {
  it("reports nothing when the workbook has no 情况说明", async () => {
    const model = recognize(await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx")));
    model.narrative = [];
    const { findings, ran } = runRules(model, [N1]);
    expect(ran).toEqual(["N1-narrative"]);
    expect(findings).toEqual([]);
  });
});

describe("N1-narrative with the user's prior-year figures (checkWorkbook with { prior }: --prior, the task pane's 上年数据)", () => {
  /** seed000's last year as its own text states it (README's example). */
  const SEED000_2023 = {
    year: 2023,
    total: "8378.87",
    basic: "799.60",
    project: "7579.27",
    threePublic: { 合计: "3.67", 因公出国: "0.03", 公务用车: "3.00", 公务接待: "0.64" },
  };
  /** seed004's last year (README's 决算 example). */
  const SEED004_2023 = {
    year: 2023,
    grand: "2365.94",
    fiscalGrand: "2365.94",
    gpb: "2365.94",
    categories: { "208": "388.39", "210": "1931.29", "221": "22.21" },
    threePublic: { 合计: "1.58", 因公出国: "0", 购置: "0", 运行: "1.46", 公务接待: "0.12" },
  };

  async function n1(id: string, json: { year: number; [k: string]: unknown }, edits: Record<string, Edit> = {}) {
    const wb = await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
    for (const [ref, v] of Object.entries(edits)) setCell(wb, ref, v);
    const { lastYear, findings } = checkWorkbook(wb, { prior: priorFromJson(JSON.stringify(json), `${json.year}.json`) });
    expect(lastYear.explicit?.year).toBe(json.year);
    return findings
      .filter((f) => f.ruleId === "N1-narrative")
      .map((f) => ({ level: f.level, messageId: f.messageId, cells: f.cells.map((c) => `${c.sheet}!${c.address}`), message: f.message }));
  }

  it("finds nothing on seed000 with its last year as its text states it: the decrease of the 0 item is backed", async () => {
    expect(await n1("seed000", SEED000_2023)).toEqual([]);
  });

  it("reports the stated total change that a different prior total makes wrong, once, from 上年数据文件", async () => {
    expect(await n1("seed000", { ...SEED000_2023, total: "8400.00" })).toEqual([
      {
        level: "error",
        messageId: "priorChange",
        cells: ["情况说明!A23", "01收支总表!E37"],
        message:
          "情况说明写“2024 年预算收支安排9064.36万元,较 2023 年预算增加685.49万元”：本年支出合计本年为 9064.36万元（「收支总表」01收支总表!E37），上年为 8400.00万元（上年数据文件），应增加 664.36万元，文中写“增加685.49万元”，相差 21.13万元。",
      },
    ]);
  });

  it("puts the user's figures before the 上年 columns, item by item", async () => {
    // the columns say 0.64 for 公务接待费; the user's 0.61 makes “减少0.03万元” wrong
    const found = await n1("variants/seed000-prior", { year: 2023, threePublic: { 公务接待: "0.61" } });
    expect(found.map((f) => [f.messageId, ...f.cells])).toEqual([["priorDirection", "情况说明!A27", "09三公经费!D11"]]);
    expect(found[0].message).toBe(
      "情况说明写“公务接待费0.61万元,与2023年相比减少0.03万元”：公务接待费本年为 0.61万元（「财政拨款“三公”经费支出表」09三公经费!D11），上年为 0.61万元（上年数据文件），两者相等，应写“持平”或“无变化”，文中却写“减少0.03万元”。",
    );
  });

  it("seed004: the 年初预算 its text states, and the 完成率 from it, against the `budget` given with last year's figures (公开05 has no 年初预算数 column)", async () => {
    const budget = { gpb: "5015.28", categories: { "208": "151.50", "210": "4835.57", "221": "28.21" } };
    const budgetOnes = async (b: object) => (await n1("seed004", { year: 2023, budget: b })).filter((f) => f.messageId !== "malformed");
    expect(await budgetOnes(budget)).toEqual([]);
    expect(await budgetOnes({ ...budget, categories: { ...budget.categories, "208": "150.50" } })).toEqual([
      {
        level: "error",
        messageId: "budgetValue",
        cells: ["情况说明!A42"],
        message:
          "情况说明写“社会保障和就业支出年初预算151.50万元”：社会保障和就业支出年初预算文中为 151.50万元，上年数据文件中的年初预算为 150.50万元，相差 1.00万元。",
      },
      {
        level: "error",
        messageId: "completion",
        cells: ["情况说明!A42", "公开05一般公共预算财政拨款支出决算表!C8"],
        message:
          "情况说明写“社会保障和就业支出年初预算151.50万元,支出决算51.85万元,完成年初预算的34.22%”：社会保障和就业支出完成率应为 决算 51.85万元 ÷ 预算 150.50万元 = 34.45%，文中写 34.22%。",
      },
    ]);
  });

  it("seed001: the prior figures its text writes (“较2020年826.46万元”, “较2020年0.8万元”) against last year's figures; another year's are not used", async () => {
    const SEED001_2020 = { year: 2020, total: "826.46", threePublic: { 合计: "18.80", 公务接待: "0.80" } };
    const priorOnes = async (json: { year: number; [k: string]: unknown }) => (await n1("seed001-dept", json)).filter((f) => f.messageId.startsWith("prior"));
    expect(await priorOnes(SEED001_2020)).toEqual([]);
    expect(await priorOnes({ ...SEED001_2020, total: "830.00", threePublic: { 合计: "18.80", 公务接待: "0.50" } })).toEqual([
      {
        level: "error",
        messageId: "priorValue",
        cells: ["情况说明!A32"],
        message:
          "情况说明写“2021年预算收支安排874.96万元,较2020年826.46万元”：本年支出合计上年数文中为 826.46万元，上年数据为 830.00万元（上年数据文件），相差 -3.54万元。",
      },
      {
        level: "error",
        messageId: "priorValue",
        cells: ["情况说明!A36"],
        message: "情况说明写“公务接待费0万元,较2020年0.8万元”：公务接待费上年数文中为 0.8万元，上年数据为 0.50万元（上年数据文件），相差 0.30万元。",
      },
    ]);
    expect(await priorOnes({ year: 2019, total: "830.00" })).toEqual([]);
  });

  it("seed003: “比2022年增加1.2万元” against a 2022 “三公” total other than 0 (the text says it twice, so once per sentence); figures of another year are not used", async () => {
    const found = await n1("seed003", { year: 2022, threePublic: { 合计: "0.50" } });
    expect(found.map((f) => [f.messageId, ...f.cells])).toEqual([
      ["unit", "情况说明!A31", "03支出总体情况表!G6"],
      ["priorChange", "情况说明!A33", "08三公经费支出情况表!A5"],
      ["priorChange", "情况说明!A36", "08三公经费支出情况表!A5"],
    ]);
    expect(found[1].message).toBe(
      "情况说明写“2023 年“三公”经费支出预算数比 2022 年增加 1.2 万元”：“三公”经费本年为 1.20万元（「财政拨款“三公”经费支出表」08三公经费支出情况表!A5），上年为 0.50万元（上年数据文件），应增加 0.70万元，文中写“增加1.2万元”，相差 0.50万元。",
    );
    // the rate said with the change is named in the same finding
    expect(found[2].message).toBe(
      "情况说明写“2023年“三公”经费支出预算数比2022年增加1.2万元,增加100%”：“三公”经费本年为 1.20万元（「财政拨款“三公”经费支出表」08三公经费支出情况表!A5），上年为 0.50万元（上年数据文件），应增加 0.70万元，文中写“增加1.2万元”，相差 0.50万元；增长幅度应为 0.70 ÷ 0.50 = 140.00%，文中写“增加100%”。",
    );
    expect((await n1("seed003", { year: 2022, threePublic: { 合计: "0" } })).map((f) => f.messageId)).toEqual(["unit"]);
    expect((await n1("seed003", { year: 2021, threePublic: { 合计: "0.50" } })).map((f) => f.messageId)).toEqual(["unit"]);
  });

  it("seed004 (决算): every 较上年 change and rate agrees with its last year; a rate that is not Δ ÷ prior is one finding", async () => {
    expect((await n1("seed004", SEED004_2023)).map((f) => f.messageId)).toEqual(["malformed"]);
    const found = await n1("seed004", SEED004_2023, {
      "情况说明!A22": { replace: "收入总计增加2,690.32万元，增长113.71%", with: "收入总计增加2,690.32万元，增长131.71%" },
    });
    expect(found.map((f) => [f.messageId, ...f.cells])).toEqual([
      ["priorGrowth", "情况说明!A22", "公开01收入支出决算总表!C37"],
      ["malformed", "情况说明!A46", "公开03支出决算表!C7"],
    ]);
    expect(found[0].message).toBe(
      "情况说明写“收入总计增加2,690.32万元,增长131.71%”：收入总计本年为 5056.26万元（「收支总表」公开01收入支出决算总表!C37），上年为 2365.94万元（上年数据文件），增长幅度应为 2690.32 ÷ 2365.94 = 113.71%，文中写 131.71%。",
    );
  });

  it("without prior figures it reports what it reported before (seed000: nothing backs the decrease)", async () => {
    const { findings } = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx")));
    expect(findings.filter((f) => f.ruleId === "N1-narrative").map((f) => f.message)).toEqual([SEED000_ABROAD.message]);
  });
});

describe("N1-narrative's fixes, accepted: the memory host writes the edit and the check no longer finds the mistake", () => {
  const SEED004_2023 = { year: 2023, grand: "2365.94", fiscalGrand: "2365.94", gpb: "2365.94" };
  // (every row names its prior-year figures, null for none: jest hands a shorter row's test a done callback)
  const cases: [string, string, string, Record<string, Edit>, object | null][] = [
    ["malformed", "seed004", "1.367.05万元", {}, null],
    ["unit", "seed003", "165.42 元", {}, null],
    ["amount", "seed001-dept", "800000万元", { "情况说明!A29": { replace: "项目支出80万元", with: "项目支出800000万元" } }, null],
    ["zeroChange", "seed002", "增加0.00万元", {}, null],
    ["zeroChange", "seed002", "比上年增加0.00万元", { "情况说明!A19": { replace: "与 2024年相比增加0.00万元", with: "比上年增加0.00万元" } }, null],
    ["share", "seed003", "83.53%", { "情况说明!A25": { replace: "占 85.33%", with: "占 83.53%" } }, null],
    ["growth", "seed001-dept", "6.87%", { "情况说明!A32": { replace: "增加48.5万元，", with: "增加48.5万元，增长6.87%，" } }, null],
    [
      "priorGrowth",
      "variants/seed000-prior",
      "10.00%",
      { "情况说明!A27": { replace: "减少0.03万元，减少的", with: "减少0.03万元，下降10.00%，减少的" } },
      null,
    ],
    ["priorGrowth", "seed004", "131.71%", { "情况说明!A22": { replace: "增长113.71%，支出", with: "增长131.71%，支出" } }, SEED004_2023],
    ["completion", "variants/seed004-budget", "43.22%", { "情况说明!A42": { replace: "34.22%", with: "43.22%" } }, null],
  ];

  it.each(cases)("%s (%s: “%s”)", async (messageId, id, _mistake, edits, prior) => {
    const wb = await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
    for (const [ref, v] of Object.entries(edits)) setCell(wb, ref, v);
    const host = new MemoryHost(wb);
    const inputs = prior ? { prior: priorFromJson(JSON.stringify(prior), "上年.json") as PriorYear } : {};
    const ofRule = async () => checkWorkbook(await host.read(), inputs).findings.filter((f) => f.ruleId === "N1-narrative");
    const found = (await ofRule()).filter((f) => f.messageId === messageId && f.fix);
    expect(found).toHaveLength(1);
    const { fix, suspect } = found[0];
    expect(fix!.edits).toHaveLength(1);
    expect(fix!.edits[0]).toMatchObject({ sheet: suspect!.sheet, address: suspect!.address });
    expect(await host.applyEdits(fix!.edits)).toEqual({ status: "written", count: 1 });
    const after = await ofRule();
    expect(after.filter((f) => f.suspect?.address === suspect!.address && f.messageId === messageId)).toEqual([]);
    // accepted twice: the cell no longer shows what the check read
    expect(await host.applyEdits(fix!.edits)).toEqual({
      status: "refused",
      refused: [{ cell: { sheet: suspect!.sheet, address: suspect!.address }, reason: "changed" }],
    });
  });

  it("seed004 with last year's figures: a 增长 rate that is not Δ ÷ last year's figure, recomputed", async () => {
    const wb = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
    setCell(wb, "情况说明!A22", { replace: "收入总计增加2,690.32万元，增长113.71%", with: "收入总计增加2,690.32万元，增长131.71%" });
    const { findings } = checkWorkbook(wb, { prior: priorFromJson(JSON.stringify(SEED004_2023), "2023.json") });
    const f = findings.find((x) => x.messageId === "priorGrowth")!;
    expect(f.fix).toEqual({
      label: "改为“113.71%”",
      edits: [
        {
          sheet: "情况说明",
          address: "A22",
          before:
            "2024年度收入总计5,056.26万元，支出总计5,056.26万元。与上年相比，收入总计增加2,690.32万元，增长131.71%，支出总计增加2,690.32万元，增长113.71%。主要原因是1.医保民生实事项目中新增普通居民医保个人缴费补贴；2.退休人员公务员医疗补助缴费比例从2023年的1%升至2024年的3%，缴费比例上调。",
          after:
            "2024年度收入总计5,056.26万元，支出总计5,056.26万元。与上年相比，收入总计增加2,690.32万元，增长113.71%，支出总计增加2,690.32万元，增长113.71%。主要原因是1.医保民生实事项目中新增普通居民医保个人缴费补贴；2.退休人员公务员医疗补助缴费比例从2023年的1%升至2024年的3%，缴费比例上调。",
        },
      ],
    });
  });

  it("keeps what the officer wrote around the fix: full-width digits and spaces of her cell (the edit replaces the characters read, in her text)", async () => {
    const wb = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
    setCell(wb, "情况说明!A46", "　2024年度财政拨款基本支出１.３６７.０５　万元，其中：");
    const f = checkWorkbook(wb).findings.find((x) => x.messageId === "malformed")!;
    expect(f.fix).toEqual({
      label: "改为“1,367.05　万元”",
      edits: [
        {
          sheet: "情况说明",
          address: "A46",
          before: "　2024年度财政拨款基本支出１.３６７.０５　万元，其中：",
          after: "　2024年度财政拨款基本支出1,367.05　万元，其中：",
        },
      ],
    });
  });

  it("offers no fix for a 情况说明 given as a file (--narrative), nor for a cell whose text a formula makes", async () => {
    const wb = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
    const text = "2024年度财政拨款基本支出1.367.05万元，其中：";
    const fromFile = checkWorkbook(wb, { narrative: paragraphsOf(text, "情况说明.txt") }).findings.filter((f) => f.ruleId === "N1-narrative");
    expect(fromFile.map((f) => [f.messageId, f.fix])).toEqual([["malformed", undefined]]);
    const sheet = wb.sheets.find((s) => s.name === "情况说明")!;
    sheet.cells[45 - sheet.top][0 - sheet.left] = { value: text, text, formula: `"2024年度财政拨款基本支出"&"1.367.05万元，其中："` };
    const fromFormula = checkWorkbook(wb).findings.filter((f) => f.ruleId === "N1-narrative");
    expect(fromFormula.map((f) => [f.messageId, f.fix])).toEqual([["malformed", undefined]]);
  });

  it.each([
    "seed000",
    "seed001-dept",
    "seed001-unit",
    "seed002",
    "seed003",
    "seed004",
    "variants/seed000-prior",
    "variants/seed004-budget",
    "variants/seed000-yuan",
  ])("%s: only 情况说明 findings carry a fix, and its one edit is the finding's own 情况说明 cell, never a table cell", async (id) => {
    const { findings } = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`)));
    for (const f of findings.filter((x) => x.fix)) {
      expect(f.ruleId).toBe("N1-narrative");
      expect(f.fix!.edits.map((e) => `${e.sheet}!${e.address}`)).toEqual([`${f.suspect!.sheet}!${f.suspect!.address}`]);
      expect(f.suspect!.sheet).toBe("情况说明");
      expect(typeof f.fix!.edits[0].after).toBe("string");
    }
  });
});
