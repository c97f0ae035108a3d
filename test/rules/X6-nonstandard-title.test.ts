import X6 from "../../src/rules/X6-nonstandard-title";
import { ruleTester } from "./ruleTester";

ruleTester(X6, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004", "real-central-snai-2010-final"],
  invalid: [
    {
      name: "a “三公” table under a title no family uses, recognized by its items",
      workbook: "seed000",
      edits: { "09三公经费!A1": "台创园经费安排情况表" },
      errors: [
        {
          level: "warning",
          messageId: "title",
          cells: ["09三公经费!A1"],
          message:
            "标题「台创园经费安排情况表」不是标准的表名，已按表头和行内容识别为「财政拨款“三公”经费支出表」（表中列有因公出国（境）费、公务用车费、公务接待费）；请核对表名，识别有误时可在“映射”中指定表类型。",
        },
      ],
    },
  ],
});
