import { standardName } from "../model/subjectNames";
import type { CellLocation } from "../model/amount";
import { codeCell, labelCell, type BudgetRow, type BudgetTable, type TableBlock } from "../model/budgetModel";
import { bareName, hasAmounts, rowLabel } from "../model/query/tables";
import type { FindingCell, Rule } from "./types";

/** A name as compared with the standard one: no numbering, spaces, quotes, or "(款)"/"(项)" markers. */
function comparableName(name: string): string {
  return bareName(name).replace(/[(（](类|款|项)[)）]$/, "");
}

/** A cell as a finding lists it. */
function listed(cell: CellLocation): FindingCell {
  return { sheet: cell.sheet, address: cell.address };
}

/** The row's code cell, as a finding lists it: where a fault of the code is. */
function codeCellOf(t: BudgetTable, b: TableBlock, r: BudgetRow): FindingCell {
  return listed(codeCell(t, b, r));
}

/** 科目编码结构：上级科目缺失；功能分类未细化到项级；基本支出经济分类未细化到款级。 */
const rule: Rule = {
  meta: {
    id: "X4-code-structure",
    level: "提示",
    description: "科目编码应有上级科目，名称与编码的规范名称一致；功能分类应细化到项级（7位）；基本支出经济分类应细化到款级（5位）",
    explanation: "科目编码应有上级科目，名称应与编码的规范名称一致；功能分类科目应列到项级（7 位编码），基本支出的经济分类科目应列到款级（5 位编码）。",
    example: "支出总表第 14 行编码 B14 为 2101101，其规范名称是“行政单位医疗”，名称 C14 却写作“事业单位医疗”：编码和名称中有一个填错。",
    tables: [],
    messages: {
      parentMissing: "{row}的上级科目 {parent} 不在表中。",
      notToXiang: "{row}有金额，但没有细化到项级科目（功能分类应列到 7 位编码）。",
      notToKuan: "{row}有金额，但没有细化到款级科目（基本支出经济分类应列到 5 位编码）。",
      nameMismatch: "{row}：科目 {code} 的规范名称是「{standard}」，表中写作「{name}」，请核实编码或名称是否填错。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      // side-by-side groups (决算 公开06) continue one list of codes: look at all of them together
      const all = t.blocks.flatMap((b) => b.rows);
      const blockOf = new Map(t.blocks.flatMap((b) => b.rows.map((r) => [r, b] as const)));
      {
        for (const system of ["功能分类", "经济分类"] as const) {
          const rows = all.filter((r) => r.code && r.codeSystem === system && !r.codeFromName);
          if (rows.length === 0) continue;
          const codes = new Set(rows.map((r) => r.code!));
          const lengths = new Set(rows.map((r) => r.code!.length));
          /** Codes that have a row one level down (a child's code without its last two digits). */
          const withChild = new Set(rows.map((r) => r.code!.slice(0, -2)));
          for (const r of rows) {
            const standard = standardName(r.code!);
            if (standard && r.name && standard !== r.name && comparableName(standard) !== comparableName(r.name)) {
              // the code or the name is wrong: both cells, the code's first
              const code = codeCellOf(t, blockOf.get(r)!, r);
              const label = listed(labelCell(t, r));
              ctx.report({
                messageId: "nameMismatch",
                data: { row: rowLabel(t, r), code: r.code!, standard, name: r.name },
                cells: code.address === label.address ? [code] : [code, label],
                sheet: t.sheet,
              });
            }
            const parent = r.code!.slice(0, r.code!.length - 2);
            // only where the table lists that level at all (类/款/项 columns list 项 rows alone by design)
            if (r.code!.length > 3 && lengths.has(parent.length) && !codes.has(parent)) {
              ctx.report({ messageId: "parentMissing", data: { row: rowLabel(t, r), parent }, cells: [codeCellOf(t, blockOf.get(r)!, r)], sheet: t.sheet });
            }
            const hasChild = withChild.has(r.code!);
            if (system === "功能分类" && r.code!.length === 5 && !hasChild && hasAmounts(r)) {
              ctx.report({ messageId: "notToXiang", data: { row: rowLabel(t, r) }, cells: [codeCellOf(t, blockOf.get(r)!, r)], sheet: t.sheet });
            }
            if (system === "经济分类" && t.kind === "gpb_basic" && r.code!.length === 3 && !hasChild && hasAmounts(r)) {
              ctx.report({ messageId: "notToKuan", data: { row: rowLabel(t, r) }, cells: [codeCellOf(t, blockOf.get(r)!, r)], sheet: t.sheet });
            }
          }
        }
      }
    }
  },
};
export default rule;
