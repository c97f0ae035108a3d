import R8 from "../../src/rules/R8-economic-hierarchy";
import { ruleTester } from "./ruleTester";

ruleTester(R8, {
  valid: ["seed000", "seed001-dept", "seed002", "seed003", "seed004"],
  invalid: [
    {
      name: "an economic 款 that breaks its 类",
      workbook: "seed000",
      edits: { "06基本支出表!E9": 45 },
      errors: [
        {
          level: "error",
          messageId: "childrenSum",
          suspect: "06基本支出表!E9",
          message: /^「一般公共预算财政拨款基本支出表」第7行「301 工资福利支出」的「人员经费」709.73 应等于其下 10 个款之和 710.72/,
        },
      ],
    },
  ],
});
