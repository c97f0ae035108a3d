import type { BudgetRow, BudgetTable } from "../model/budgetModel";
import { categoryCodeOfName } from "../model/query/functional";
import { categoryRows, categoryTerms, columnOf, rowLabel, totalRow } from "../model/query/tables";
import { mainColumn, sideBlocks, sideOutline } from "../model/query/twoSided";
import { termAt, type Term } from "../model/terms";
import type { Rule, RuleContext } from "./types";

function at(t: BudgetTable, r: BudgetRow | undefined, role: string, label: string): Term | undefined {
  const b = t.blocks.find((x) => x.rows.includes(r!));
  const col = b && columnOf(b, role);
  return r && col ? termAt(t, r, col, label) : undefined;
}

/** R5 收入总表、支出总表的合计及各类金额与收支总表一致。 */
const rule: Rule = {
  meta: {
    id: "R5-cross-totals",
    level: "强制",
    description: "收入总表、支出总表的合计及各类支出金额与收支总表一致（决算中收入按科目不必等于支出按科目，不比较）",
    explanation:
      "收入总表、支出总表的合计，以及支出总表（预算中还有收入总表）各类科目的金额，应与收支总表中的对应数一致：几张表说的是同一笔钱。决算中按科目列示的收入与支出之间还有结转结余，收入表的各类科目不与收支总表的支出比较。",
    example: "收支总表“八、社会保障和就业支出”E13 为 115.28 万元，支出总表 208 类合计 D7 为 115.18 万元，相差 0.10 万元：两表中有一处填错。",
    tables: ["income_expense_summary"],
    messages: {
      total: "{leftLabel} {left} 应等于{rightLabel} {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx: RuleContext) {
    const summary = ctx.tables("income_expense_summary")[0];
    if (!summary) return;
    const { income, expense } = sideBlocks(summary);
    const inc = income ? sideOutline(income, "收入") : undefined;
    const exp = expense ? sideOutline(expense, "支出") : undefined;
    const incCol = income && mainColumn(income);
    const expCol = expense && mainColumn(expense);
    const sumTerm = (r: BudgetRow | undefined, col: typeof incCol, what: string) => (r && col ? termAt(summary, r, col, `「收支总表」${what}`) : undefined);
    const eq = (a: Term | undefined, b: Term | undefined, sheet: string) => {
      if (a && b) ctx.equation({ left: [a], right: [b], messageId: "total", data: { leftLabel: a.label, rightLabel: b.label }, sheet });
    };
    for (const t of ctx.tables("income_summary")) {
      const b = t.blocks[0];
      const tot = b && totalRow(b);
      if (!tot) continue;
      if (columnOf(b, "本年收入")) {
        eq(at(t, tot, "合计", `「${t.kindName}」合计`), sumTerm(inc?.grand, incCol, "收入总计"), t.sheet);
        eq(at(t, tot, "本年收入", `「${t.kindName}」本年收入合计`), sumTerm(inc?.current, incCol, "本年收入合计"), t.sheet);
      } else {
        eq(at(t, tot, "合计", `「${t.kindName}」合计`), sumTerm(inc?.current, incCol, "本年收入合计"), t.sheet);
      }
    }
    const expenseTable = ctx.tables("expense_summary")[0];
    const expTotal = expenseTable?.blocks[0] && totalRow(expenseTable.blocks[0]);
    if (expenseTable && expTotal)
      eq(at(expenseTable, expTotal, "合计", `「${expenseTable.kindName}」合计`), sumTerm(exp?.current, expCol, "本年支出合计"), expenseTable.sheet);
    // per 类: 收支总表 支出 rows ↔ 支出总表 ↔ 收入总表. In a 决算 income by function is not spending by
    // function (年初结转和结余, 使用非财政拨款结余, 结余分配 and 年末结转和结余 stand between them): only 支出总表.
    if (!expense || !expCol) return;
    const byFunction = ctx.model.documentKind === "决算" ? [expenseTable] : [expenseTable, ...ctx.tables("income_summary")];
    for (const { code, row: r } of categoryRows(expense.rows, categoryCodeOfName)) {
      if (r.amounts[expCol.role] === undefined) continue;
      const here = termAt(summary, r, expCol, `「收支总表」${r.name}`);
      for (const t of byFunction) {
        if (!t) continue;
        const parts = categoryTerms(t, code, "合计", (x) => `${rowLabel(t, x)}合计`);
        if (parts === undefined) continue; // a 收入总表 by unit, not by subject
        if (parts.length === 0 && here.yuan.isZero()) continue;
        const what =
          parts.length === 1 ? parts[0].label : parts.length ? `「${t.kindName}」${code} 类下各科目之和` : `「${t.kindName}」中的 ${code} 类科目（缺失）`;
        ctx.equation({ left: [here], right: parts, messageId: "total", data: { leftLabel: here.label, rightLabel: what }, sheet: summary.sheet });
      }
    }
  },
};
export default rule;
