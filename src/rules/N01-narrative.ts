import { checkNarrative } from "../narrative/check";
import type { FindingCell, Rule } from "./types";

/**
 * N1 情况说明与表格一致：情况说明中的金额、单位、构成、增减、占比、增幅和完成率与表格及其自身一致。
 * The reading and the checks live in src/narrative/ (read.ts, check.ts); this module turns their issues
 * into findings on the narrative cell, with the table cells each one contradicts.
 */
const rule: Rule = {
  meta: {
    id: "N1-narrative",
    level: "强制",
    description: "情况说明中的金额、单位、构成、增减、占比和增幅应与表格一致",
    tables: [],
    messages: {
      amount: "情况说明写“{quote}”：{what}为 {stated}，但{source} 为 {shown}，相差 {diff}万元{hint}。",
      unit: "情况说明写“{quote}”：{what}写成了 {stated}，单位有误——{source} 为 {shown}，应写作 {fix}。",
      malformed: "情况说明写“{quote}”：金额“{stated}”写法有误（多了一个小数点），按{source}（{shown}）应写作 {fix}。",
      count: "情况说明写“{quote}”：{what}为 {stated}，但{source} 为 {shown}。",
      parts: "情况说明写“{quote}”：其中{parts}之和为 {sum}万元，与所述{what} {whole}不符，相差 {diff}万元。",
      changeParts: "情况说明写“{quote}”：{parts}的增减额合计为 {sum}万元，与所述{what}{stated}不符，相差 {diff}万元。",
      zeroChange: "情况说明写“{quote}”：增减额为 0 时应写“持平”或“无变化”，不应写“{stated}”。",
      direction: "情况说明写“{quote}”：{what}上年为 {prior}万元、本年为 {current}万元，实际是{actualWord} {actual}万元，文中却写“{word}”。",
      notFlat: "情况说明写“{quote}”：{what}上年为 {prior}万元、本年为 {current}万元，两者相等，应写“持平”或“无变化”，文中却写“{word}{stated}”。",
      change: "情况说明写“{quote}”：{what}上年为 {prior}万元、本年为 {current}万元，{word}额应为 {expected}万元，文中写 {stated}，相差 {diff}万元。",
      negativePrior: "情况说明写“{quote}”：{what}本年只有 {current}万元，写“{word}{stated}”意味着上年为 {prior}万元（负数），不可能；请核实增减方向和金额。",
      zeroDecrease: "情况说明写“{quote}”：表中{what}本年为 0{source}，写“减少{stated}”即上年为 {delta}万元，但文中和表中都没有可以印证的上年数或增减合计；若上年也为 0，应写“与上年持平”或“无变化”，请核实。",
      share: "情况说明写“{quote}”：{part}占{whole}的比例应为 {partValue} ÷ {wholeValue} = {expected}%，文中写 {stated}%。",
      growth: "情况说明写“{quote}”：{what}{word} {delta}万元，上年应为 {prior}万元，{word}幅度应为 {delta} ÷ {prior} = {expected}%，文中写 {stated}%。",
      growthDirection: "情况说明写“{quote}”：{what}{change}，幅度却写成“{word}”，增减方向前后矛盾。",
      completion: "情况说明写“{quote}”：{what}完成率应为 决算 {final}万元 ÷ 预算 {budget}万元 = {expected}%，文中写 {stated}%。",
      priorChange: "情况说明写“{quote}”：{what}本年为 {current}万元（{currentSource}），上年为 {prior}万元（{priorSource}），应{actualWord} {expected}万元，文中写“{said}”，相差 {diff}万元{rateNote}。",
      priorDirection: "情况说明写“{quote}”：{what}本年为 {current}万元（{currentSource}），上年为 {prior}万元（{priorSource}），{actualText}，文中却写“{said}”{rateNote}。",
      priorValue: "情况说明写“{quote}”：{what}上年数文中为 {stated}，上年数据为 {prior}万元（{priorSource}），相差 {diff}万元。",
      budgetValue: "情况说明写“{quote}”：{what}年初预算文中为 {stated}，{source}中的年初预算为 {budget}万元，相差 {diff}万元。",
      priorGrowth: "情况说明写“{quote}”：{what}本年为 {current}万元（{currentSource}），上年为 {prior}万元（{priorSource}），{word}幅度应为 {delta} ÷ {prior} = {expected}%，文中写 {stated}%。",
    },
  },
  check(ctx) {
    if (ctx.model.narrative.length === 0) return;
    const { issues } = checkNarrative(ctx.model, ctx.settings.lastYear);
    for (const i of issues) {
      const cell = i.paragraph.cell;
      const cells: FindingCell[] = [{ sheet: cell.sheet, address: cell.address, side: "left" }];
      for (const p of i.also ?? []) cells.push({ sheet: p.cell.sheet, address: p.cell.address, side: "left" });
      const seen = new Set(cells.map((c) => `${c.sheet}!${c.address}`));
      for (const q of i.quantities) {
        for (const c of q.cells) {
          const k = `${c.sheet}!${c.address}`;
          if (seen.has(k)) continue;
          seen.add(k);
          cells.push({ sheet: c.sheet, address: c.address, side: "right" });
        }
      }
      ctx.report({
        messageId: i.messageId,
        data: i.data,
        cells,
        level: i.level,
        suspect: cell,
        suspectNote: `情况说明第 ${i.paragraph.index + 1} 段`,
        expected: i.expected,
        actual: i.actual,
        difference: i.difference,
        tolerance: i.tolerance,
        sheet: cell.sheet,
      });
    }
  },
};
export default rule;
