/**
 * Suspect localization. A wrong cell usually breaks several equations at once (its 款 sum, its row
 * total, the same row in another table). For every failing equation, each of its cells would fix it by
 * one definite change; a cell whose change is the same for all the failing equations it sits in, that
 * breaks no equation that holds, and that explains more failing equations than any other cell of the
 * equation, is named the suspect. One failing equation alone cannot tell which of its cells is wrong.
 */
import type { Dec } from "../model/decimal";
import type { Term } from "./terms";
import type { Finding } from "./types";

export interface RecordedEquation {
  left: Term[];
  right: Term[];
  /** left − right, in 元. */
  diff: Dec;
  tol: Dec;
  failing: boolean;
  finding?: Finding;
}

const key = (t: Term) => t.key;

export function locateSuspects(equations: RecordedEquation[]): void {
  const failing = equations.filter((e) => e.failing && e.finding);
  if (failing.length === 0) return;
  /** The change of each cell that would make each equation hold. */
  const changes = new Map<string, { eq: RecordedEquation; change: Dec }[]>();
  const add = (t: Term, eq: RecordedEquation, change: Dec) => {
    const list = changes.get(key(t)) ?? [];
    list.push({ eq, change });
    changes.set(key(t), list);
  };
  // only cells of failing equations can be suspects: record the equations those cells sit in
  const candidates = new Set<string>();
  for (const eq of failing) for (const t of [...eq.left, ...eq.right]) candidates.add(key(t));
  for (const eq of equations) {
    for (const t of eq.left) if (candidates.has(key(t))) add(t, eq, eq.diff.negated());
    for (const t of eq.right) if (candidates.has(key(t))) add(t, eq, eq.diff);
  }
  /** How many failing equations a cell explains, or 0 when it cannot be the culprit. */
  const explains = new Map<string, number>();
  for (const [k, list] of changes) {
    const bad = list.filter((x) => x.eq.failing);
    if (bad.length === 0) continue;
    const delta = bad[0].change;
    const consistent = bad.every((x) => x.change.minus(delta).abs().lessThanOrEqualTo(x.eq.tol.plus(bad[0].eq.tol)));
    // changing the cell by delta must not break an equation that holds now
    const harmless = list.filter((x) => !x.eq.failing).every((x) => x.eq.diff.plus(delta.negated().times(sideSign(x.eq, k))).abs().lessThanOrEqualTo(x.eq.tol));
    explains.set(k, consistent && harmless ? bad.length : 0);
  }
  for (const eq of failing) {
    const cells = [...eq.left, ...eq.right];
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
  return eq.left.some((t) => key(t) === k) ? -1 : 1;
}
