import type { Amount } from "../model/amount";
import type { Rule } from "./types";

/** 金额单元格：错误值（#REF! 等）为错误；以文本存储的数字、金额栏中的文字为提示。 */
const rule: Rule = {
  meta: {
    id: "X1-cell-values",
    level: "强制",
    description: "金额单元格不得为错误值（#REF!、#VALUE! 等）；数字不应以文本存储；金额栏不应填写文字；金额不应为负数（增减额、增减率列除外）",
    explanation:
      "金额单元格不能是错误值，也不应以文本形式存储数字、在金额栏填写文字或留下没有计算结果的公式；除增减额、增减率列外，金额一般不应为负数。这样的单元格无法正确参与合计核对。",
    example: "支出总表 D14 显示错误值“#REF!”（公式引用的单元格已被删除），该金额无法读取；F21 填的是文字“五十五”，不会计入任何合计。",
    tables: [],
    messages: {
      errorValue: "「{table}」{cell} 是错误值 {text}，该金额无法读取。",
      textNumbers: "「{table}」有 {count} 个金额单元格以文本形式存储（如 {cell}「{text}」），已按显示的数字读取；建议转换为数值格式。",
      notNumber: "「{table}」{cell} 的金额栏中是文字「{text}」，未计入任何合计。",
      negative: "「{table}」{cell} 的金额为负数 {text}；预决算公开表中的金额一般不为负，请核实是否填错。",
      uncalculated: "「{table}」{cell} 的公式 {text} 没有计算结果（文件由程序生成后未在 Excel 中计算），该金额无法读取；请在 Excel 中打开、重新计算并保存。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      for (const i of t.issues) {
        const data = { table: t.kindName, cell: i.cell.address, text: i.text };
        const cells = [{ sheet: i.cell.sheet, address: i.cell.address }];
        if (i.issue === "error-value") ctx.report({ messageId: "errorValue", data, cells, suspect: i.cell, sheet: t.sheet });
        else if (i.issue === "uncalculated") ctx.report({ messageId: "uncalculated", level: "warning", data, cells, suspect: i.cell, sheet: t.sheet });
        else ctx.report({ messageId: "notNumber", level: "warning", data, cells, suspect: i.cell, sheet: t.sheet });
      }
      const texts: Amount[] = [];
      for (const b of t.blocks) {
        // a change from last year (增减额, 增减率) may well be negative
        const signed = new Set(b.columns.filter((c) => c.period === "增减额" || c.period === "增减率").map((c) => c.role));
        for (const r of b.rows) {
          for (const role in r.amounts) {
            const a = r.amounts[role];
            if (a.number.negative && !signed.has(role))
              ctx.report({
                messageId: "negative",
                level: "warning",
                data: { table: t.kindName, cell: a.cell.address, text: a.text },
                cells: [{ sheet: a.cell.sheet, address: a.cell.address }],
                suspect: a.cell,
                sheet: t.sheet,
              });
            if (a.storedAsText) texts.push(a);
          }
        }
      }
      for (const f of t.fields) if (f.amount?.storedAsText) texts.push(f.amount);
      if (texts.length) {
        ctx.report({
          messageId: "textNumbers",
          level: "warning",
          data: { table: t.kindName, count: texts.length, cell: texts[0].cell.address, text: texts[0].text },
          cells: texts.map((a) => ({ sheet: a.cell.sheet, address: a.cell.address })),
          sheet: t.sheet,
        });
      }
    }
  },
};
export default rule;
