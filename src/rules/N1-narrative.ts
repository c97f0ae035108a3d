import { checkNarrative, NARRATIVE_MESSAGES } from "../narrative/check";
import type { FindingCell, Rule } from "./types";

/**
 * N1 情况说明与表格一致：情况说明中的金额、单位、构成、增减、占比、增幅和完成率与表格及其自身一致。
 * The reading and the checks live in src/narrative/ (read.ts, check.ts); this module turns their issues
 * into findings on the narrative cell, with the table cells each one contradicts, and the correction of
 * the cell when the check is certain of it (narrative/fix.ts).
 */
const rule: Rule = {
  meta: {
    id: "N1-narrative",
    level: "强制",
    description: "情况说明中的金额、单位、构成、增减、占比和增幅应与表格一致",
    explanation: "情况说明中写的金额、单位、构成、增减、占比、增幅和完成率，应与表中的数字一致，也应与上年数据相符：公开的文字和表格必须说同一组数。",
    example: "情况说明写“一般公共预算基本支出年初预算为 165.42 元”，而支出总表基本支出 G6 为 165.42 万元：单位写错，应写作 165.42 万元。",
    tables: [],
    // the check keeps each phase's templates beside the issues it reports (narrative/checks/)
    messages: NARRATIVE_MESSAGES,
  },
  check(ctx) {
    if (ctx.settings.narrative.length === 0) return;
    const { issues } = checkNarrative(ctx.model, ctx.settings.lastYear, ctx.settings.narrative);
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
        fix: i.fix,
      });
    }
  },
};
export default rule;
