import type { Rule } from "./types";

/**
 * N2 情况说明中没有未填写的空：a 情况说明 inserted from the generated text (or copied from a template) can
 * still hold the slots left for the officer — 【请填写增减原因】, 【请填写主要用途】, any 【请填写…】 — and the
 * generator's notes to her (【说明：表中没有…】), which must not be published. Each paragraph holding
 * them is one 提示 on its cell.
 */
const SLOT = /【请填写[^】]*】/g;
const NOTE = /【说明[：:][^】]*】/g;

/** A note as the generator wrote it: the paragraph's text is read with half-width punctuation (a thousands comma stays). */
function asWritten(note: string): string {
  return note
    .replace(/,(?!\d{3}(?!\d))/g, "，")
    .replace(/;/g, "；")
    .replace(/:/g, "：");
}

const rule: Rule = {
  meta: {
    id: "N2-unfilled-slots",
    level: "提示",
    description: "情况说明中不应留有未填写的【请填写…】或生成时留下的【说明：…】",
    explanation:
      "根据表格生成的情况说明留有请填报人补写的空（如增减原因、主要用途）和说明缺少哪些数字的提示，这些内容不能原样公开：应逐处补写，或删去相应的话。",
    example: "情况说明第 23 段写“基本支出增加6.04万元，主要原因是【请填写增减原因】”：应把“【请填写增减原因】”换成实际原因，如“人员工资调整”，再公开。",
    tables: [],
    messages: {
      slots: "情况说明第 {paragraph} 段还有 {count} 处未填写：{slots}。请填写后再公开。",
      note: "情况说明第 {paragraph} 段留有生成时给填报人的说明：{note}。请补充相应内容或删去后再公开。",
    },
  },
  check(ctx) {
    ctx.settings.narrative.forEach((p, i) => {
      const slots = p.text.match(SLOT) ?? [];
      const notes = p.text.match(NOTE) ?? [];
      const cell = { sheet: p.cell.sheet, address: p.cell.address };
      const at = { cells: [cell], suspect: p.cell, sheet: p.cell.sheet };
      if (slots.length) ctx.report({ messageId: "slots", data: { paragraph: i + 1, count: slots.length, slots: slots.join("、") }, ...at });
      for (const note of notes) ctx.report({ messageId: "note", data: { paragraph: i + 1, note: asWritten(note) }, ...at });
    });
  },
};
export default rule;
