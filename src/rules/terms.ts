/**
 * Terms of equations: an amount cell (or a blank cell, which counts as an exact 0) with its rounding
 * interval, in 元 so that tables in 元 and 万元 compare.
 */
import { halfUnitOfShown, shownDecimals, toYuan, type Amount, type AmountUnit, type CellLocation } from "../model/amount";
import type { BudgetRow, BudgetTable, ColumnInfo, TableBlock } from "../model/budgetModel";
import { toA1 } from "../grid/address";
import { Dec, ZERO } from "../model/decimal";

export interface Term {
  cell: CellLocation;
  /** Value in 元. */
  yuan: Dec;
  /** Half a unit of the last shown decimal, in 元 (0 for a blank cell). */
  half: Dec;
  /** Decimals the cell shows. */
  decimals: number;
  /** The amount as the table shows it, and the table's unit. */
  shown: Dec;
  unit: AmountUnit | null;
  blank: boolean;
  /** What the term is, for messages: "卫生健康支出 合计". */
  label: string;
}

export function termOfAmount(a: Amount, label: string): Term {
  return { cell: a.cell, yuan: toYuan(a.value, a.unit), half: toYuan(halfUnitOfShown(a.text), a.unit), decimals: shownDecimals(a.text), shown: a.value, unit: a.unit, blank: false, label };
}

export function blankTerm(cell: CellLocation, unit: AmountUnit | null, label: string): Term {
  return { cell, yuan: ZERO, half: ZERO, decimals: 0, shown: ZERO, unit, blank: true, label };
}

/** The term at a row and column of a table: its amount, or a blank cell counting as 0. */
export function termAt(t: BudgetTable, row: BudgetRow, col: ColumnInfo, label?: string): Term {
  const a = row.amounts[col.role];
  const name = label ?? `${row.name || row.code || "合计"} ${col.role}`;
  if (a) return termOfAmount(a, name);
  return blankTerm({ sheet: t.sheet, address: toA1(row.row, col.col), row: row.row, col: col.col }, t.unit, name);
}

export function sumYuan(terms: Term[]): Dec {
  return terms.reduce((s, t) => s.plus(t.yuan), new Dec(0));
}

/**
 * The rounding tolerance of a sum of shown amounts: half a unit of the last decimal for each amount.
 * Amounts typed with fewer decimals than the others of the same equation ("60" beside "55.875") are
 * read at the finest precision shown, as exact figures rather than figures rounded to whole units.
 */
export function tolerance(terms: Term[]): Dec {
  const shown = terms.filter((t) => !t.blank);
  const decimals = Math.max(0, ...shown.map((t) => t.decimals));
  const half = new Dec(5).times(new Dec(10).pow(-(decimals + 1)));
  return shown.reduce((s, t) => s.plus(toYuan(half, t.unit)), new Dec(0));
}

export function columnByRole(b: TableBlock, role: string): ColumnInfo | undefined {
  return b.columns.find((c) => c.role === role);
}

/** An amount in 元 shown in a unit, with 2 decimals (万元) or as the cells show it (元). */
export function showIn(yuan: Dec, unit: AmountUnit | null): string {
  const v = unit === "万元" ? yuan.dividedBy(10000) : yuan;
  const decimals = Math.max(2, v.decimalPlaces());
  return v.toFixed(Math.min(decimals, unit === "万元" ? 6 : 4));
}
