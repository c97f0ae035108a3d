import R11 from "../../src/rules/R11-three-public-items";
import { ruleTester } from "./ruleTester";

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
