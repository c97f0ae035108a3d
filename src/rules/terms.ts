/**
 * Terms of equations: an amount cell (or a blank cell, which counts as an exact 0) with its rounding
 * interval, in 元 so that tables in 元 and 万元 compare.
 */
import { halfUnit, shownDecimals, toYuan, type Amount, type AmountUnit, type CellLocation } from "../model/amount";
import type { BudgetRow, BudgetTable, ColumnInfo } from "../model/budgetModel";
import { toA1 } from "../grid/address";
import { Dec, ZERO } from "../model/decimal";

/** A term of an equation. Its label (for messages) may be given late: it is only read when reporting. */
export class Term {
  constructor(
    readonly cell: CellLocation,
    /** "sheet!A1": the cell's identity across equations. */
    readonly key: string,
    /** Value in 元. */
    readonly yuan: Dec,
    /** Half a unit of the last shown decimal, in 元 (0 for a blank cell). */
    readonly half: Dec,
    /** Decimals the cell shows. */
    readonly decimals: number,
    /** The amount as the table shows it, in the table's unit. */
    readonly shown: Dec,
    readonly unit: AmountUnit | null,
    readonly blank: boolean,
    private labelText: string | (() => string),
  ) {}

  /** What the term is, for messages: "卫生健康支出 合计". */
  get label(): string {
    if (typeof this.labelText === "function") this.labelText = this.labelText();
    return this.labelText;
  }

  set label(text: string) {
    this.labelText = text;
  }
}

/** What every term of the same amount shares, computed once per amount. */
const numeric = new WeakMap<Amount, { key: string; yuan: Dec; half: Dec; decimals: number }>();

export function termOfAmount(a: Amount, label: string | (() => string)): Term {
  let n = numeric.get(a);
  if (!n) {
    const decimals = shownDecimals(a.text);
    n = { key: `${a.cell.sheet}!${a.cell.address}`, yuan: toYuan(a.value, a.unit), half: toYuan(halfUnit(decimals), a.unit), decimals };
    numeric.set(a, n);
  }
  return new Term(a.cell, n.key, n.yuan, n.half, n.decimals, a.value, a.unit, false, label);
}

export function blankTerm(cell: CellLocation, unit: AmountUnit | null, label: string | (() => string)): Term {
  return new Term(cell, `${cell.sheet}!${cell.address}`, ZERO, ZERO, 0, ZERO, unit, true, label);
}

/** The term at a row and column of a table: its amount, or a blank cell counting as 0. */
export function termAt(t: BudgetTable, row: BudgetRow, col: ColumnInfo, label?: string): Term {
  const a = row.amounts[col.role];
  const name = label ?? (() => `${row.name || row.code || "合计"} ${col.role}`);
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
  let decimals = 0;
  let inYuan = 0;
  let inWan = 0;
  for (const t of terms) {
    if (t.blank) continue;
    decimals = Math.max(decimals, t.decimals);
    if (t.unit === "万元") inWan++;
    else inYuan++;
  }
  return halfUnit(decimals).times(inYuan + inWan * 10000);
}



/** An amount in 元 shown in a unit, with 2 decimals (万元) or as the cells show it (元). */
export function showIn(yuan: Dec, unit: AmountUnit | null): string {
  const v = unit === "万元" ? yuan.dividedBy(10000) : yuan;
  const decimals = Math.max(2, v.decimalPlaces());
  return v.toFixed(Math.min(decimals, unit === "万元" ? 6 : 4));
}
