import N2 from "../../src/rules/N2-unfilled-slots";
import { ruleTester } from "./ruleTester";

const A23 =
  "2024 年预算收支安排9064.36万元，较 2023 年预算增加685.49万元，其中：基本支出增加6.04万元，主要原因：【请填写增减原因】；项目支出增加679.45万元，主要原因：【请填写增减原因】。";

ruleTester(N2, {
  valid: [
    "seed000",
    "seed001-dept",
    "seed002",
    "seed003",
    "seed004",
    // brackets the unit writes itself are not slots: a document number, an empty pair
    {
      name: "seed000 with 文号【2023】 and 【】 in its text",
      workbook: "seed000",
      edits: { "情况说明!A25": "根据保财社【2023】111号文件，运行经费安排29.34万元【】。" },
    },
  ],
  invalid: [
    {
      name: "two reason slots left in one paragraph",
      workbook: "seed000",
      edits: { "情况说明!A23": A23 },
      errors: [
        {
          level: "warning",
          messageId: "slots",
          cells: ["情况说明!A23"],
          suspect: "情况说明!A23",
          message: "情况说明第 23 段还有 2 处未填写：【请填写增减原因】、【请填写增减原因】。请填写后再公开。",
        },
      ],
    },
    {
      name: "a note of the generator left as a paragraph",
      workbook: "seed000",
      edits: { "情况说明!A25": "【说明：没有上年“三公”经费数，未写比上年增减；可在“上年数据”中填写后重新生成。】" },
      errors: [
        {
          level: "warning",
          messageId: "note",
          cells: ["情况说明!A25"],
          suspect: "情况说明!A25",
          message:
            "情况说明第 25 段留有生成时给填报人的说明：【说明：没有上年“三公”经费数，未写比上年增减；可在“上年数据”中填写后重新生成。】。请补充相应内容或删去后再公开。",
        },
      ],
    },
    {
      name: "a 决算 paragraph with a use slot and a note, and a template's own 【请填写…】 elsewhere",
      workbook: "seed004",
      edits: {
        "情况说明!A5": "项目支出主要用于【请填写主要用途】。【说明：表中没有年初预算数，未写完成年初预算的比例。】",
        "情况说明!A1": "【请填写单位名称】部门决算公开说明",
      },
      errors: [
        { level: "warning", messageId: "slots", cells: ["情况说明!A1"], message: "情况说明第 1 段还有 1 处未填写：【请填写单位名称】。请填写后再公开。" },
        { level: "warning", messageId: "slots", cells: ["情况说明!A5"], message: "情况说明第 5 段还有 1 处未填写：【请填写主要用途】。请填写后再公开。" },
        {
          level: "warning",
          messageId: "note",
          cells: ["情况说明!A5"],
          message: "情况说明第 5 段留有生成时给填报人的说明：【说明：表中没有年初预算数，未写完成年初预算的比例。】。请补充相应内容或删去后再公开。",
        },
      ],
    },
  ],
});
