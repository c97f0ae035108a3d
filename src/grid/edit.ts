/**
 * A change of one cell that the engine proposes and the officer accepts: the one way the add-in alters
 * the officer's data. The engine only proposes (a finding's `fix`); a host writes what was accepted
 * (BudgetHost.applyEdits), and refuses when the cell no longer shows what the check read.
 */
import type { CellAddress } from "./address";

/** One cell edit the officer accepted. */
export interface CellEdit extends CellAddress {
  /** The cell's shown text when the check read it; the edit is refused if the cell no longer shows it. */
  before: string;
  /** What to write: a number for an amount cell, text for a 情况说明 cell. */
  after: string | number;
}

/** A correction the engine is certain of: what it changes, said to the officer, and the edits that make it. */
export interface CellFix {
  /** Chinese, showing what changes: 改为“1,367.05万元”, 把“增加0.00万元”改为“持平”. */
  label: string;
  edits: CellEdit[];
}
