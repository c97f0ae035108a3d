import R14 from "../../src/rules/R14-procurement";
import { ruleTester } from "./ruleTester";

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
