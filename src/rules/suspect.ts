/**
 * Suspect localization. A wrong cell usually breaks several equations at once (its 款 sum, its row
 * total, the same row in another table). For every failing equation, each of its cells would fix it by
 * one definite change; a cell whose change is the same for all the failing equations it sits in, that
 * breaks no equation that holds, and that explains more failing equations than any other cell of the
 * equation, is named the suspect. One failing equation alone cannot tell which of its cells is wrong.
 */
import { Dec, ZERO } from "../grid/decimal";
import { toYuan, type Amount } from "../model/amount";
import type { BudgetRow, BudgetTable, ColumnInfo } from "../model/budgetModel";
import { addFixed, decOfFixed, halvesIn, toleranceParts, toleranceYuan, type Balance, type Term } from "../model/terms";
import { partCol, partCount, partRow } from "./cellSum";
import type { CellSumInput, Finding } from "./types";

/** A failing equation (or one whose figures are not whole 0.0001 元): its terms and sums, and the finding it gave. */
export interface RecordedEquation {
  balance: Balance;
  finding?: Finding;
}

/**
 * Every equation the rules stated, in the little that localization needs of it: the cells of its terms,
 * the parts of its rounding tolerance and its difference in whole 0.0001 元, all in arrays of numbers.
 * Only failing equations keep their terms and sums (and the rare ones whose figures are not whole
 * 0.0001 元, for their exact difference): a large workbook states hundreds of thousands of equations,
 * thousands of them within rounding (尾差), and keeping their terms to the end of the run would hold on
 * to a million objects, promoted and marked by the collector, for the few that fail.
 *
 * The numbers are kept in the JavaScript heap, in arrays of a few thousand (see Numbers), not in typed
 * arrays: the memory of a typed array lies outside the heap, and V8 starts a full collection whenever
 * such memory has grown by 64 MB since the last one: on a large workbook the log's typed arrays alone
 * set off a full collection (marking the whole workbook) every check or two, while the heap itself was
 * far below its limit (figures: docs/performance.md).
 */
export class EquationLog {
  private readonly sheetNumbers = new Map<string, number>();
  /** The last sheet numbered (an equation's terms are mostly on one sheet). */
  private lastSheet = "";
  private lastSheetNumber = -1;
  /** Per term, TERM_FIELDS numbers: its cell's key (see keyOf), equation number × 2 + side (1 on the right). */
  private readonly terms = new Numbers();
  /**
   * Per equation, EQ_FIELDS numbers: the kept record (−1 for none), the finest decimal shown, the half
   * units of it, and left − right in whole 0.0001 元 (for an equation without a kept record; else 0).
   */
  private readonly equations = new Numbers();
  /** The failing equations (and those without whole 0.0001 元 figures), in the order they were stated. */
  readonly kept: RecordedEquation[] = [];

  /** Records an equation that holds exactly (Balance.unlessExact gave none). */
  recordExact(left: Term[], right: Term[]): void {
    this.add(left, right, 0);
  }

  /**
   * Records an equation between cells of one table when it holds exactly, told from the cells' whole
   * 0.0001 元 without making terms, and returns true; returns false, recording nothing, when it does not
   * (the runner then states it with terms). The numbers recorded are those recordExact records for the
   * same equation stated with terms. (The row totals and 款 sums of a 汇总 workbook are most of its
   * equations and nearly all hold exactly: stating them by cells spares the terms' allocation.)
   */
  recordExactCells(e: CellSumInput): boolean {
    const total = e.row.amounts[e.col.role];
    const left = total ? total.fixedYuan : 0;
    if (left === undefined) return false;
    const n = partCount(e);
    let right: number | undefined = 0;
    for (let i = 0; i < n && right !== undefined; i++) {
      const a = partRow(e, i).amounts[partCol(e, i).role];
      if (a) right = addFixed(right, a.fixedYuan);
    }
    if (right !== left) return false;
    // (the terms first, the equation's numbers once its tolerance is known: the two lists are apart)
    const eq = this.equations.length / EQ_FIELDS;
    let decimals = 0;
    let halves = 0;
    if (total) {
      decimals = total.decimals;
      halves = halvesIn(total.unit);
    }
    this.pushTerm(this.keyOfCell(total, e.table, e.row, e.col), eq * 2);
    for (let i = 0; i < n; i++) {
      const row = partRow(e, i);
      const col = partCol(e, i);
      const a = row.amounts[col.role];
      if (a) {
        decimals = Math.max(decimals, a.decimals);
        halves += halvesIn(a.unit);
      }
      this.pushTerm(this.keyOfCell(a, e.table, row, col), eq * 2 + 1);
    }
    this.pushEquation(decimals, halves, 0);
    return true;
  }

  /** Records an equation that does not hold exactly; returns its number (for keep). */
  record(balance: Balance): number {
    const diff = balance.fixedDiff;
    const eq = this.add(balance.left, balance.right, diff ?? 0);
    if (diff === undefined) this.keep(eq, balance);
    return eq;
  }

  /** Adds an equation's numbers and terms; returns its number. */
  private add(left: Term[], right: Term[], fixedDiff: number): number {
    const { decimals, halves } = toleranceParts(left, right);
    const eq = this.pushEquation(decimals, halves, fixedDiff);
    for (let i = 0; i < left.length; i++) this.pushTerm(this.keyOf(left[i]), eq * 2);
    for (let i = 0; i < right.length; i++) this.pushTerm(this.keyOf(right[i]), eq * 2 + 1);
    return eq;
  }

  /** Adds an equation's numbers (no kept record yet); returns its number. */
  private pushEquation(decimals: number, halves: number, fixedDiff: number): number {
    const eq = this.equations.length / EQ_FIELDS;
    this.equations.push(-1);
    this.equations.push(decimals);
    this.equations.push(halves);
    this.equations.push(fixedDiff);
    return eq;
  }

  /** Adds a term: its cell's key (see keyOf), and its equation's number × 2 + side (1 on the right). */
  private pushTerm(key: number, eqSide: number): void {
    this.terms.push(key);
    this.terms.push(eqSide);
  }

  /**
   * Keeps an equation's terms and sums, with the finding it gave when it fails. (A method of its own,
   * called for the few equations that fail among hundreds of thousands that hold, and from record for
   * the rare ones without whole 0.0001 元 figures: compiled into record,
   * such a rare path made V8 drop record's optimized code in the runs after the first and run it
   * unoptimized to the end of the run, ten times slower.)
   */
  keep(eq: number, balance: Balance, finding?: Finding): void {
    const e = eq * EQ_FIELDS;
    let rec = this.keptOf(eq);
    if (!rec) {
      rec = { balance };
      this.equations.set(e, this.kept.length);
      this.kept.push(rec);
    }
    if (finding) rec.finding = finding;
  }

  private sheetNumber(sheet: string): number {
    if (sheet === this.lastSheet) return this.lastSheetNumber;
    let n = this.sheetNumbers.get(sheet);
    if (n === undefined) this.sheetNumbers.set(sheet, (n = this.sheetNumbers.size));
    this.lastSheet = sheet;
    this.lastSheetNumber = n;
    return n;
  }

  /** A number naming a term's cell across equations (sheet, row and column in one safe integer). */
  keyOf(t: Term): number {
    return cellKey(this.sheetNumber(t.sheet), t.cellRow, t.cellCol);
  }

  /** keyOf for a cell of a table: its amount's, or for a blank cell the row's and column's (as Term reads them). */
  private keyOfCell(a: Amount | undefined, t: BudgetTable, row: BudgetRow, col: ColumnInfo): number {
    return a ? cellKey(this.sheetNumber(a.sheet), a.row, a.col) : cellKey(this.sheetNumber(t.sheet), row.row, col.col);
  }

  /** The terms whose cells are among the given keys (see keyOf): the cell, its equation, and its side. */
  termsIn(keys: Set<number>): { key: number; eq: number; right: boolean }[] {
    const sheets = new Set<number>();
    for (const k of keys) sheets.add(sheetOfKey(k));
    const out: { key: number; eq: number; right: boolean }[] = [];
    const terms = this.terms;
    for (let o = 0; o < terms.length; o += TERM_FIELDS) {
      const key = terms.at(o);
      if (!sheets.has(sheetOfKey(key)) || !keys.has(key)) continue;
      const eqSide = terms.at(o + 1);
      out.push({ key, eq: eqSide >> 1, right: (eqSide & 1) === 1 });
    }
    return out;
  }

  /** The equation's kept record, if any (see keep). */
  keptOf(eq: number): RecordedEquation | undefined {
    const k = this.equations.at(eq * EQ_FIELDS);
    return k < 0 ? undefined : this.kept[k];
  }

  /** left − right of an equation, in 元. */
  diff(eq: number): Dec {
    const kept = this.keptOf(eq);
    if (kept) return kept.balance.diff;
    const fixed = this.equations.at(eq * EQ_FIELDS + 3);
    return fixed === 0 ? ZERO : decOfFixed(fixed);
  }

  /** The rounding tolerance of an equation, in 元. */
  tol(eq: number): Dec {
    const kept = this.keptOf(eq);
    if (kept) return kept.balance.tol;
    const e = eq * EQ_FIELDS;
    return toleranceYuan({ decimals: this.equations.at(e + 1), halves: this.equations.at(e + 2) });
  }
}

/**
 * A growing list of numbers, in arrays of 8192 (64 KB): each small enough to be an ordinary object of
 * the young generation, and none copied as the list grows. (An array over 128 KB lies on pages of its
 * own, taken fresh from the system each time it grows: a page fault for each.) Each array is made at
 * its full size, as a copy of an array of doubles: grown by push from empty, an array is copied a dozen
 * times on its way to 8192 (and once more when its first number that is not a small integer arrives),
 * garbage that was a sixteenth of all a check allocates.
 */
class Numbers {
  private readonly chunks: number[][] = [];
  private last: number[] = [];
  length = 0;

  push(x: number): void {
    const i = this.length & CHUNK_MASK;
    if (i === 0) this.chunks.push((this.last = EMPTY_CHUNK.slice()));
    this.last[i] = x;
    this.length++;
  }

  at(i: number): number {
    return this.chunks[i >> CHUNK_BITS][i & CHUNK_MASK];
  }

  set(i: number, x: number): void {
    this.chunks[i >> CHUNK_BITS][i & CHUNK_MASK] = x;
  }
}

/** 8192 numbers a chunk (64 KB of doubles). */
const CHUNK_BITS = 13;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/** What each chunk starts as: 8192 doubles in one packed array (pushed one by one, so that it is packed). */
const EMPTY_CHUNK: number[] = [];
for (let i = 0; i <= CHUNK_MASK; i++) EMPTY_CHUNK.push(0.5);

const TERM_FIELDS = 2;
const EQ_FIELDS = 4;

/** Rows and columns as Excel bounds them (2^20 rows, 2^14 columns): sheet, row and column in one safe integer. */
function cellKey(sheet: number, row: number, col: number): number {
  return sheet * CELLS_PER_SHEET + row * 16384 + col;
}

function sheetOfKey(key: number): number {
  return Math.floor(key / CELLS_PER_SHEET);
}

const CELLS_PER_SHEET = 1048576 * 16384;

/**
 * The suspect's value changed by `delta` 元, in its table's unit, with the cell's decimals (more when the
 * change needs them) — when that value makes every equation the cell sits in hold within its rounding.
 */
function proposedValue(log: EquationLog, t: Term, delta: Dec, equations: { eq: number; right: boolean }[]): string | undefined {
  const change = t.unit === "万元" ? delta.dividedBy(10000) : delta;
  const value = t.shown.plus(change);
  const text = value.toFixed(Math.max(t.decimals, change.decimalPlaces()));
  const moved = toYuan(new Dec(text), t.unit).minus(t.yuan);
  const holds = equations.every(({ eq, right }) =>
    log
      .diff(eq)
      .plus(right ? moved.negated() : moved)
      .abs()
      .lessThanOrEqualTo(log.tol(eq)),
  );
  return holds ? text : undefined;
}

export function locateSuspects(log: EquationLog): void {
  const failing = log.kept.filter((e) => e.balance.failing && e.finding);
  if (failing.length === 0) return;
  // only cells of failing equations can be suspects: record the equations those cells sit in, with the
  // change of the cell that would make each hold
  const candidates = new Set<number>();
  for (const eq of failing) for (const t of [...eq.balance.left, ...eq.balance.right]) candidates.add(log.keyOf(t));
  const changes = new Map<number, { eq: number; change: Dec; right: boolean }[]>();
  for (const { key, eq, right } of log.termsIn(candidates)) {
    const diff = log.diff(eq);
    const list = changes.get(key);
    const entry = { eq, change: right ? diff : diff.negated(), right };
    if (list) list.push(entry);
    else changes.set(key, [entry]);
  }
  const isFailing = (eq: number) => log.keptOf(eq)?.balance.failing ?? false; // (only failing equations and a few others are kept)
  /** How many failing equations a cell explains, or 0 when it cannot be the culprit. */
  const explains = new Map<number, number>();
  /** The change (in 元) that sets a cell right, for the cells that explain their failing equations. */
  const deltas = new Map<number, Dec>();
  for (const [k, list] of changes) {
    const bad = list.filter((x) => isFailing(x.eq));
    if (bad.length === 0) continue;
    const delta = bad[0].change;
    const tol0 = log.tol(bad[0].eq);
    const consistent = bad.every((x) => x.change.minus(delta).abs().lessThanOrEqualTo(log.tol(x.eq).plus(tol0)));
    // changing the cell by delta must not break an equation that holds now (a change of a cell on the
    // left moves left − right by +delta, on the right by −delta)
    const harmless = list
      .filter((x) => !isFailing(x.eq))
      .every((x) =>
        log
          .diff(x.eq)
          .plus(x.right ? delta.negated() : delta)
          .abs()
          .lessThanOrEqualTo(log.tol(x.eq)),
      );
    explains.set(k, consistent && harmless ? bad.length : 0);
    if (consistent && harmless) deltas.set(k, delta);
  }
  for (const eq of failing) {
    const cells = [...eq.balance.left, ...eq.balance.right];
    const scored = cells.map((t) => ({ t, n: explains.get(log.keyOf(t)) ?? 0 })).sort((a, b) => b.n - a.n);
    const best = scored[0];
    const f = eq.finding!;
    if (best && best.n >= 2 && (scored.length < 2 || scored[1].n < best.n)) {
      const key = log.keyOf(best.t);
      const proposed = proposedValue(log, best.t, deltas.get(key)!, changes.get(key)!);
      f.suspect = { sheet: best.t.cell.sheet, address: best.t.cell.address, ...(proposed !== undefined ? { proposed } : {}) };
      f.suspectNote = `${best.t.cell.address} 同时使 ${best.n} 个等式不成立，最可能有误`;
    } else {
      f.suspect = null;
      f.suspectNote = "仅此一个等式不成立，无法判断是哪个单元格有误";
    }
  }
}
