/**
 * Terms of equations: an amount cell (or a blank cell, which counts as an exact 0) with its rounding
 * interval, in 元 so that tables in 元 and 万元 compare.
 */
import { FIXED_DECIMALS, halfUnit, toYuan, type Amount, type AmountUnit, type CellLocation } from "./amount";
import type { BudgetRow, BudgetTable, ColumnInfo } from "./budgetModel";
import { toA1 } from "../grid/address";
import { Dec, ZERO } from "../grid/decimal";

/**
 * A term of an equation: an amount cell, or a blank cell of a table, which counts as an exact 0. Its label
 * (for messages) is only built when reporting. (A term keeps what it is made of and reads the rest from
 * it: a large workbook makes a million terms a check, and each field is 8 bytes of every one.)
 */
export class Term {
  constructor(
    /** The cell's amount; undefined for a blank cell. */
    private readonly amount: Amount | undefined,
    private readonly labelText: string | undefined,
    /** The table, row and column the term was taken from (termAt; a blank cell always has them). */
    private readonly table?: BudgetTable,
    private readonly row?: BudgetRow,
    private readonly column?: ColumnInfo,
  ) {}

  get sheet(): string {
    return this.amount ? this.amount.sheet : this.table!.sheet;
  }

  /** Row of the cell (0-based, as in CellLocation). */
  get cellRow(): number {
    return this.amount ? this.amount.row : this.row!.row;
  }

  /** Column of the cell (0-based). */
  get cellCol(): number {
    return this.amount ? this.amount.col : this.column!.col;
  }

  /** The amount's unit; for a blank cell, its table's. */
  get unit(): AmountUnit | null {
    return this.amount ? this.amount.unit : this.table!.unit;
  }

  /** The cell: sheet, A1 address, row and column. */
  get cell(): CellLocation {
    if (this.amount) return this.amount.cell;
    const { sheet, cellRow: row, cellCol: col } = this;
    return { sheet, address: toA1(row, col), row, col };
  }

  get blank(): boolean {
    return this.amount === undefined;
  }

  /** Decimals the cell shows. */
  get decimals(): number {
    return this.amount ? this.amount.decimals : 0;
  }

  /** Value in 元. */
  get yuan(): Dec {
    return this.amount ? toYuan(this.amount.value, this.amount.unit) : ZERO;
  }

  /** Value in whole 0.0001 元 as an exact safe integer, or undefined when it is not one. */
  get fixed(): number | undefined {
    return this.amount ? this.amount.fixedYuan : 0;
  }

  /** Half a unit of the last shown decimal, in 元 (0 for a blank cell). */
  get half(): Dec {
    return this.amount ? halfUnitIn(this.amount.decimals, this.amount.unit) : ZERO;
  }

  /** The amount as the table shows it, in the table's unit. */
  get shown(): Dec {
    return this.amount ? this.amount.value : ZERO;
  }

  /** What the term is, for messages: "卫生健康支出 合计". */
  get label(): string {
    return this.labelText ?? `${this.row?.name || this.row?.code || "合计"} ${this.column?.role}`;
  }
}

const halfUnitsInWan: Dec[] = [];

/** Half a unit of the given decimal place of an amount in `unit`, in 元. */
function halfUnitIn(decimals: number, unit: AmountUnit | null): Dec {
  return unit === "万元" ? (halfUnitsInWan[decimals] ??= toYuan(halfUnit(decimals), unit)) : halfUnit(decimals);
}

export function termOfAmount(a: Amount, label: string): Term {
  return new Term(a, label);
}

/** The term at a row and column of a table: its amount, or a blank cell counting as 0. */
export function termAt(t: BudgetTable, row: BudgetRow, col: ColumnInfo, label?: string): Term {
  return new Term(row.amounts[col.role], label, t, row, col);
}

export function sumYuan(terms: Term[]): Dec {
  return terms.reduce((s, t) => s.plus(t.yuan), new Dec(0));
}

/**
 * The rounding tolerance of an equation between sums of shown amounts is half a unit of the last decimal
 * for each amount. Amounts typed with fewer decimals than the others of the same equation ("60" beside
 * "55.875") are read at the finest precision shown, as exact figures rather than figures rounded to
 * whole units. This gives the finest decimal shown among the amounts of the given sides, and how many
 * half units of it (in 元) the tolerance holds.
 */
export function toleranceParts(...sides: Term[][]): ToleranceParts {
  let decimals = 0;
  let halves = 0;
  for (const terms of sides) {
    for (const t of terms) {
      if (t.blank) continue;
      decimals = Math.max(decimals, t.decimals);
      halves += halvesIn(t.unit);
    }
  }
  return { decimals, halves };
}

/** How many half units of the finest decimal, in 元, an amount in `unit` adds to its equation's tolerance. */
export function halvesIn(unit: AmountUnit | null): number {
  return unit === "万元" ? 10000 : 1;
}

/** The finest decimal shown among an equation's amounts, and how many half units of it (in 元) its tolerance holds. */
export interface ToleranceParts {
  decimals: number;
  halves: number;
}

/** The rounding tolerance of an equation, in 元. */
export function toleranceYuan({ decimals, halves }: ToleranceParts): Dec {
  return halfUnit(decimals).times(halves);
}

/**
 * An equation left = right between sums of terms, with its rounding tolerance, all in 元 and exact.
 * Whether it holds is decided in whole 0.0001 元 when every term is such a number and every partial sum
 * stays a safe integer (then the result is the one Decimal arithmetic gives); otherwise, and for the
 * figures themselves (messages, suspects), Decimal arithmetic is used, on first use.
 */
export class Balance {
  /** left − right is exactly 0. */
  readonly exact: boolean;
  /** |left − right| is beyond the tolerance. */
  readonly failing: boolean;
  /** The figures in whole 0.0001 元, kept when the equation does not hold exactly (most do and are never reported). */
  private readonly fixed: Figures<number> | undefined = undefined;
  private sums: Figures<Dec> | undefined = undefined;

  /**
   * The Balance of left = right, or undefined when the equation holds exactly, told from the sides'
   * whole 0.0001 元 (most equations hold so, and need no Balance). Each side is summed once.
   */
  static unlessExact(left: Term[], right: Term[]): Balance | undefined {
    const leftFixed = fixedSum(left);
    const rightFixed = leftFixed === undefined ? undefined : fixedSum(right);
    return leftFixed !== undefined && leftFixed === rightFixed ? undefined : new Balance(left, right, leftFixed, rightFixed);
  }

  /** (Made by unlessExact, with the sides' sums in whole 0.0001 元 it has taken.) */
  private constructor(
    readonly left: Term[],
    readonly right: Term[],
    leftFixed: number | undefined,
    rightFixed: number | undefined,
  ) {
    const fixed = fixedFiguresOf(left, right, leftFixed, rightFixed);
    if (fixed) {
      this.exact = false;
      this.failing = Math.abs(fixed.diff) > fixed.tol;
      this.fixed = fixed;
    } else {
      this.exact = this.diff.isZero();
      this.failing = this.diff.abs().greaterThan(this.tol);
    }
  }

  private get figures(): Figures<Dec> {
    if (!this.sums) {
      const fixed = this.fixed ?? fixedFigures(this.left, this.right);
      if (fixed) {
        this.sums = { left: decOfFixed(fixed.left), right: decOfFixed(fixed.right), diff: decOfFixed(fixed.diff), tol: decOfFixed(fixed.tol) };
      } else {
        const left = sumYuan(this.left);
        const right = sumYuan(this.right);
        this.sums = { left, right, diff: left.minus(right), tol: toleranceYuan(toleranceParts(this.left, this.right)) };
      }
    }
    return this.sums;
  }

  /** Σ left, in 元. */
  get leftYuan(): Dec {
    return this.figures.left;
  }

  /** Σ right, in 元. */
  get rightYuan(): Dec {
    return this.figures.right;
  }

  /** left − right, in 元. */
  get diff(): Dec {
    return this.figures.diff;
  }

  /** The rounding tolerance, in 元. */
  get tol(): Dec {
    return this.figures.tol;
  }

  /** left − right in whole 0.0001 元 (0 when the equation holds exactly), or undefined when its figures are not such numbers. */
  get fixedDiff(): number | undefined {
    return this.exact ? 0 : this.fixed?.diff;
  }

  /** One of the figures as messages show it in `unit` (see showIn), from the whole 0.0001 元 when the equation has them. */
  show(figure: keyof Figures<unknown>, unit: AmountUnit | null): string {
    return this.fixed ? showFixedIn(this.fixed[figure], unit) : showIn(this.figures[figure], unit);
  }
}

/** The figures of an equation: Σ left, Σ right, left − right and the tolerance. */
interface Figures<T> {
  left: T;
  right: T;
  diff: T;
  tol: T;
}

/** An equation's figures in whole 0.0001 元, or undefined when a term or a figure is not an exact safe integer. */
function fixedFigures(leftTerms: Term[], rightTerms: Term[]): Figures<number> | undefined {
  const left = fixedSum(leftTerms);
  return fixedFiguresOf(leftTerms, rightTerms, left, left === undefined ? undefined : fixedSum(rightTerms));
}

/** fixedFigures from the sides' sums already taken. */
function fixedFiguresOf(leftTerms: Term[], rightTerms: Term[], left: number | undefined, right: number | undefined): Figures<number> | undefined {
  if (left === undefined || right === undefined || !Number.isSafeInteger(left - right)) return undefined;
  // the tolerance (see toleranceParts()): half a unit of the finest decimal is 5·10^(FIXED_DECIMALS − 1 − finest) whole 0.0001 元
  const { decimals: finest, halves } = toleranceParts(leftTerms, rightTerms);
  if (finest > FIXED_DECIMALS - 1) return undefined;
  return { left, right, diff: left - right, tol: 5 * 10 ** (FIXED_DECIMALS - 1 - finest) * halves };
}

/** The sum of one side in whole 0.0001 元, or undefined when a term has no fixed value or the sum is not safe. */
function fixedSum(terms: Term[]): number | undefined {
  let sum: number | undefined = 0;
  for (let i = 0; i < terms.length && sum !== undefined; i++) sum = addFixed(sum, terms[i].fixed);
  return sum;
}

/** sum + f in whole 0.0001 元, or undefined when f is undefined or the sum is not a safe integer. */
export function addFixed(sum: number, f: number | undefined): number | undefined {
  if (f === undefined) return undefined;
  sum += f;
  return sum > Number.MAX_SAFE_INTEGER || sum < -Number.MAX_SAFE_INTEGER ? undefined : sum;
}

/** A whole number of 0.0001 元 as a Decimal in 元 (the same value Decimal sums give). */
export function decOfFixed(units: number): Dec {
  return new Dec(`${units}e-${FIXED_DECIMALS}`);
}

/**
 * An amount in 元 shown in a unit: at least 2 decimals, as many as it has, at most 6 (万元, rounded half-up)
 * or 4 (元).
 */
export function showIn(yuan: Dec, unit: AmountUnit | null): string {
  const v = unit === "万元" ? yuan.dividedBy(10000) : yuan;
  const decimals = Math.max(2, v.decimalPlaces());
  return v.toFixed(Math.min(decimals, unit === "万元" ? 6 : 4));
}

/** showIn for a whole number of 0.0001 元, without building a Decimal: the same text. */
export function showFixedIn(units: number, unit: AmountUnit | null): string {
  const scale = unit === "万元" ? FIXED_DECIMALS + 4 : FIXED_DECIMALS;
  const most = unit === "万元" ? 6 : 4;
  let magnitude = Math.abs(units);
  let places = scale;
  let digits = String(magnitude).padStart(scale + 1, "0");
  let fraction = digits.slice(-scale).replace(/0+$/, "");
  if (fraction.length > most) {
    // more decimals than shown: round half-up (away from zero) to `most` decimals, keeping them all
    const step = 10 ** (scale - most);
    const rest = magnitude % step;
    magnitude = (magnitude - rest) / step + (rest * 2 >= step ? 1 : 0);
    places = most;
    digits = String(magnitude).padStart(most + 1, "0");
    fraction = digits.slice(-most);
  }
  return `${units < 0 ? "-" : ""}${digits.slice(0, -places)}.${fraction.padEnd(2, "0")}`;
}
