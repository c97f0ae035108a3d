/**
 * Suspect localization. A wrong cell usually breaks several equations at once (its 款 sum, its row
 * total, the same row in another table). For every failing equation, each of its cells would fix it by
 * one definite change; a cell whose change is the same for all the failing equations it sits in, that
 * breaks no equation that holds, and that explains more failing equations than any other cell of the
 * equation, is named the suspect. One failing equation alone cannot tell which of its cells is wrong.
 */
import type { Dec } from "../model/decimal";
import type { Balance, Term } from "./terms";
import type { Finding } from "./types";

/** An equation the rules stated: its sums, and the finding it gave when it fails. */
export interface RecordedEquation {
  balance: Balance;
  finding?: Finding;
}

const key = (t: Term) => t.key;

/**
 * A set of terms' cells by sheet, row and column: a test every term of every equation goes through,
 * without building keys or addresses (small integer keys: a flat row × columns + column would not stay one).
 */
class CellSet {
  private readonly bySheet = new Map<string, Map<number, Set<number>>>();

  add(t: Term): void {
    let rows = this.bySheet.get(t.sheet);
    if (!rows) this.bySheet.set(t.sheet, (rows = new Map()));
    let cols = rows.get(t.cellRow);
    if (!cols) rows.set(t.cellRow, (cols = new Set()));
    cols.add(t.cellCol);
  }

  has(t: Term): boolean {
    return this.bySheet.get(t.sheet)?.get(t.cellRow)?.has(t.cellCol) ?? false;
  }
}

export function locateSuspects(equations: RecordedEquation[]): void {
  const failing = equations.filter((e) => e.balance.failing && e.finding);
  if (failing.length === 0) return;
  /** The change of each cell that would make each equation hold. */
  const changes = new Map<string, { eq: RecordedEquation; change: Dec }[]>();
  const add = (t: Term, eq: RecordedEquation, change: Dec) => {
    const list = changes.get(key(t)) ?? [];
    list.push({ eq, change });
    changes.set(key(t), list);
  };
  // only cells of failing equations can be suspects: record the equations those cells sit in
  const candidates = new CellSet();
  for (const eq of failing) for (const t of [...eq.balance.left, ...eq.balance.right]) candidates.add(t);
  // (indexed loops: this scan of every term of every equation runs once, mostly before it is optimized,
  // when each step of a for…of would allocate)
  for (let i = 0; i < equations.length; i++) {
    const eq = equations[i];
    const { left, right } = eq.balance;
    for (let j = 0; j < left.length; j++) if (candidates.has(left[j])) add(left[j], eq, eq.balance.diff.negated());
    for (let j = 0; j < right.length; j++) if (candidates.has(right[j])) add(right[j], eq, eq.balance.diff);
  }
  /** How many failing equations a cell explains, or 0 when it cannot be the culprit. */
  const explains = new Map<string, number>();
  for (const [k, list] of changes) {
    const bad = list.filter((x) => x.eq.balance.failing);
    if (bad.length === 0) continue;
    const delta = bad[0].change;
    const consistent = bad.every((x) => x.change.minus(delta).abs().lessThanOrEqualTo(x.eq.balance.tol.plus(bad[0].eq.balance.tol)));
    // changing the cell by delta must not break an equation that holds now
    const harmless = list.filter((x) => !x.eq.balance.failing).every((x) => x.eq.balance.diff.plus(delta.negated().times(sideSign(x.eq, k))).abs().lessThanOrEqualTo(x.eq.balance.tol));
    explains.set(k, consistent && harmless ? bad.length : 0);
  }
  for (const eq of failing) {
    const cells = [...eq.balance.left, ...eq.balance.right];
    const scored = cells.map((t) => ({ t, n: explains.get(key(t)) ?? 0 })).sort((a, b) => b.n - a.n);
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

/** +1 when the cell is on the right side of the equation, −1 on the left (how a change moves left − right). */
function sideSign(eq: RecordedEquation, k: string): number {
  return eq.balance.left.some((t) => key(t) === k) ? -1 : 1;
}
