/**
 * Suspect localization. A wrong cell usually breaks several equations at once (its 款 sum, its row
 * total, the same row in another table). For every failing equation, each of its cells would fix it by
 * one definite change; a cell whose change is the same for all the failing equations it sits in, that
 * breaks no equation that holds, and that explains more failing equations than any other cell of the
 * equation, is named the suspect. One failing equation alone cannot tell which of its cells is wrong.
 */
import { ZERO, type Dec } from "../model/decimal";
import { toleranceParts, toleranceYuan, type Balance, type Term } from "./terms";
import type { Finding } from "./types";

/** An equation that does not hold exactly: its sums, and the finding it gave when it fails. */
export interface RecordedEquation {
  balance: Balance;
  finding?: Finding;
}

/** A growable list of numbers in a typed array (no object per entry for the collector to trace). */
class NumberList<A extends Int32Array | Float64Array> {
  length = 0;

  constructor(
    private data: A,
    private readonly grow: (size: number) => A,
  ) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.grow(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i];
  }
}

/** Integers stored per term of an equation (32 bits: rows and columns as Excel bounds them): sheet number, row, column, side (1 on the right). */
const TERM_INTS = 4;
/** Numbers stored per equation: first term, kept equation (−1 for one that holds exactly), finest decimal shown, half units of it. */
const EQ_INTS = 4;

/**
 * Every equation the rules stated, in the little that localization needs of it: the cells of its terms
 * (sheet, row, column, side) and, for an equation that holds exactly (most of them), the parts of its
 * rounding tolerance. Only equations that do not hold exactly keep their terms and sums: a large
 * workbook states hundreds of thousands of equations, and keeping all their terms to the end of the
 * run would hold on to a million objects for the few failing equations.
 */
export class EquationLog {
  private readonly sheetNumbers = new Map<string, number>();
  private readonly terms = new NumberList(new Int32Array(4096), (n) => new Int32Array(n));
  private readonly equations = new NumberList(new Float64Array(1024), (n) => new Float64Array(n));
  /** The equations that do not hold exactly, by the number the log gives them. */
  readonly kept: RecordedEquation[] = [];

  /** Records an equation; returns its record when it does not hold exactly (to carry its finding). */
  record(balance: Balance): RecordedEquation | undefined {
    const { left, right } = balance;
    let rec: RecordedEquation | undefined;
    this.equations.push(this.terms.length / TERM_INTS);
    if (balance.exact) {
      const { decimals, halves } = toleranceParts(left, right);
      this.equations.push(-1);
      this.equations.push(decimals);
      this.equations.push(halves);
    } else {
      rec = { balance };
      this.equations.push(this.kept.length);
      this.kept.push(rec);
      this.equations.push(0);
      this.equations.push(0);
    }
    for (let i = 0; i < left.length; i++) this.pushTerm(left[i], 0);
    for (let i = 0; i < right.length; i++) this.pushTerm(right[i], 1);
    return rec;
  }

  private pushTerm(t: Term, side: number): void {
    this.terms.push(this.sheetNumber(t.sheet));
    this.terms.push(t.cellRow);
    this.terms.push(t.cellCol);
    this.terms.push(side);
  }

  private sheetNumber(sheet: string): number {
    let n = this.sheetNumbers.get(sheet);
    if (n === undefined) this.sheetNumbers.set(sheet, (n = this.sheetNumbers.size));
    return n;
  }

  /** A number naming a term's cell across equations (sheet, row and column in one safe integer). */
  keyOf(t: Term): number {
    return cellKey(this.sheetNumber(t.sheet), t.cellRow, t.cellCol);
  }

  get count(): number {
    return this.equations.length / EQ_INTS;
  }

  /** Calls back for every term of every equation: the equation's number, the term's cell key and side. */
  forEachTerm(visit: (eq: number, key: number, right: boolean) => void): void {
    const n = this.count;
    const end = this.terms.length / TERM_INTS;
    for (let e = 0; e < n; e++) {
      const last = e + 1 < n ? this.equations.at((e + 1) * EQ_INTS) : end;
      for (let i = this.equations.at(e * EQ_INTS); i < last; i++) {
        const o = i * TERM_INTS;
        visit(e, cellKey(this.terms.at(o), this.terms.at(o + 1), this.terms.at(o + 2)), this.terms.at(o + 3) === 1);
      }
    }
  }

  /** The equation's record when it does not hold exactly. */
  keptOf(eq: number): RecordedEquation | undefined {
    const k = this.equations.at(eq * EQ_INTS + 1);
    return k < 0 ? undefined : this.kept[k];
  }

  /** left − right of an equation, in 元 (0 for one that holds exactly). */
  diff(eq: number): Dec {
    return this.keptOf(eq)?.balance.diff ?? ZERO;
  }

  /** The rounding tolerance of an equation, in 元. */
  tol(eq: number): Dec {
    const kept = this.keptOf(eq);
    if (kept) return kept.balance.tol;
    const o = eq * EQ_INTS;
    return toleranceYuan({ decimals: this.equations.at(o + 2), halves: this.equations.at(o + 3) });
  }
}

/** Rows and columns as Excel bounds them (2^20 rows, 2^14 columns): sheet, row and column in one safe integer. */
function cellKey(sheet: number, row: number, col: number): number {
  return (sheet * 1048576 + row) * 16384 + col;
}

export function locateSuspects(log: EquationLog): void {
  const failing = log.kept.filter((e) => e.balance.failing && e.finding);
  if (failing.length === 0) return;
  // only cells of failing equations can be suspects: record the equations those cells sit in, with the
  // change of the cell that would make each hold
  const candidates = new Set<number>();
  for (const eq of failing) for (const t of [...eq.balance.left, ...eq.balance.right]) candidates.add(log.keyOf(t));
  const changes = new Map<number, { eq: number; change: Dec; right: boolean }[]>();
  log.forEachTerm((eq, key, right) => {
    if (!candidates.has(key)) return;
    const diff = log.diff(eq);
    const list = changes.get(key);
    const entry = { eq, change: right ? diff : diff.negated(), right };
    if (list) list.push(entry);
    else changes.set(key, [entry]);
  });
  const isFailing = (eq: number) => log.keptOf(eq)?.balance.failing ?? false;
  /** How many failing equations a cell explains, or 0 when it cannot be the culprit. */
  const explains = new Map<number, number>();
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
      .every((x) => log.diff(x.eq).plus(x.right ? delta.negated() : delta).abs().lessThanOrEqualTo(log.tol(x.eq)));
    explains.set(k, consistent && harmless ? bad.length : 0);
  }
  for (const eq of failing) {
    const cells = [...eq.balance.left, ...eq.balance.right];
    const scored = cells.map((t) => ({ t, n: explains.get(log.keyOf(t)) ?? 0 })).sort((a, b) => b.n - a.n);
    const best = scored[0];
    const f = eq.finding!;
    if (best && best.n >= 2 && (scored.length < 2 || scored[1].n < best.n)) {
      f.suspect = { sheet: best.t.cell.sheet, address: best.t.cell.address };
      f.suspectNote = `${best.t.cell.address} 同时使 ${best.n} 个等式不成立，最可能有误`;
    } else {
      f.suspect = null;
      f.suspectNote = "仅此一个等式不成立，无法判断是哪个单元格有误";
    }
  }
}
