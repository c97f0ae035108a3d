/** Columns of other periods than this year's (上年, 年初预算 …) read as if they were this year's. */
import type { BudgetModel, ColumnInfo, Period } from "./budgetModel";

/**
 * The model as if the columns of one period (上年, 年初预算 …) were this year's: each takes the role of the
 * column of this year it stands beside, every other column is left out (tables keep their rows; form
 * fields are left out), and the model's year is `year`. Undefined when no table has a column of that period.
 */
export function periodModel(model: BudgetModel, period: Period, year: number | null): BudgetModel | undefined {
  // (most workbooks have no such column: look before copying every row)
  if (!model.tables.some((t) => t.blocks.some((b) => b.columns.some((c) => c.period === period && c.of !== undefined)))) return undefined;
  let found = false;
  const tables = model.tables.map((t) => ({
    ...t,
    fields: [],
    blocks: t.blocks.map((b) => {
      const moves: [string, string][] = [];
      const columns: ColumnInfo[] = [];
      for (const c of b.columns) {
        if (c.period !== period || c.of === undefined || c.role.includes("#") || moves.some(([, to]) => to === c.of)) continue;
        moves.push([c.role, c.of]);
        columns.push({ col: c.col, letter: c.letter, header: c.header, role: c.of });
      }
      if (columns.length) found = true;
      const rows = b.rows.map((r) => {
        const amounts: typeof r.amounts = {};
        for (const [from, to] of moves) if (r.amounts[from]) amounts[to] = r.amounts[from];
        return { ...r, amounts };
      });
      return { ...b, columns, rows };
    }),
  }));
  return found ? { ...model, year, tables, narrative: [] } : undefined;
}
