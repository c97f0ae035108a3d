import R21 from "../../src/rules/R21-self-evaluation";
import { ruleTester } from "./ruleTester";

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
