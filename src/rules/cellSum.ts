/** The parts of an equation stated by position (ctx.cellSum): a total cell and the cells it sums. */
import type { BudgetRow, ColumnInfo } from "../model/budgetModel";
import { termAt, type Term } from "../model/terms";
import type { CellSumInput } from "./types";

/** How many parts a CellSumInput has. */
export function partCount(e: CellSumInput): number {
  return Array.isArray(e.rows) ? e.rows.length : Array.isArray(e.cols) ? e.cols.length : 1;
}

/** The row of a CellSumInput's i-th part. */
export function partRow(e: CellSumInput, i: number): BudgetRow {
  return Array.isArray(e.rows) ? e.rows[i] : e.rows;
}

/** The column of a CellSumInput's i-th part. */
export function partCol(e: CellSumInput, i: number): ColumnInfo {
  return Array.isArray(e.cols) ? e.cols[i] : e.cols;
}

/** The sides of a CellSumInput as terms: the total, and its parts. */
export function cellSumTerms(e: CellSumInput): { left: Term[]; right: Term[] } {
  const right: Term[] = [];
  for (let i = 0, n = partCount(e); i < n; i++) right.push(termAt(e.table, partRow(e, i), partCol(e, i)));
  return { left: [termAt(e.table, e.row, e.col)], right };
}
