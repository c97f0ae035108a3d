/**
 * Suspect localization from the equation log: a cell that explains every failing equation it sits in
 * is named, unless changing it would break an equation that holds exactly — judged against that
 * equation's own rounding tolerance, which the log keeps without its terms.
 */
import { CellAmount, readShownNumber } from "../../src/model/amount";
import { EquationLog, locateSuspects } from "../../src/rules/suspect";
import { Balance, termOfAmount, type Term } from "../../src/model/terms";
import type { BudgetRow, BudgetTable, ColumnInfo } from "../../src/model/budgetModel";
import type { CellSumInput, Finding } from "../../src/rules/types";

/** An amount in a cell of row 1 of sheet S, in 元, showing `text`. */
function amountAt(col: number, text: string): CellAmount {
  return new CellAmount(readShownNumber(text)!, "元", "S", 0, col, text, false);
}

/** A term for a cell of sheet S in 元, showing `text`. */
function cell(col: number, text: string): Term {
  return termOfAmount(amountAt(col, text), text);
}

function finding(): Finding {
  return { ruleId: "T", level: "error", messageId: "m", message: "", cells: [], suspect: null };
}

/** Records the equations as the runner does: a finding for each failing one. */
function run(equations: [Term[], Term[]][]): (Finding | undefined)[] {
  const log = new EquationLog();
  const out = equations.map(([left, right]) => {
    const balance = Balance.unlessExact(left, right);
    if (!balance) {
      log.recordExact(left, right);
      return undefined;
    }
    const eq = log.record(balance);
    if (!balance.failing) return undefined;
    const f = finding();
    log.keep(eq, balance, f);
    return f;
  });
  locateSuspects(log);
  return out;
}

describe("locateSuspects", () => {
  // A: a = b + c fails by 0.02 (b 0.02 too low); B: b = f fails by −0.02 (b 0.02 too low again)
  const a = cell(0, "10.02");
  const b = cell(1, "5");
  const c = cell(2, "5");
  const f = cell(3, "5.02");

  it("names the cell whose one change fixes every failing equation it sits in", () => {
    const [fa, fb] = run([
      [[a], [b, c]],
      [[b], [f]],
    ]);
    // B1 shows "5": the value that sets both right, 5.02, is given with the decimals the change needs
    expect(fa?.suspect).toEqual({ sheet: "S", address: "B1", proposed: "5.02" });
    expect(fb?.suspect).toEqual({ sheet: "S", address: "B1", proposed: "5.02" });
    expect(fa?.suspectNote).toBe("B1 同时使 2 个等式不成立，最可能有误");
  });

  it("gives the proposed value in the table's unit (万元)", () => {
    const wan = (col: number, text: string) => termOfAmount(new CellAmount(readShownNumber(text)!, "万元", "S", 0, col, text, false), text);
    const [fa] = run([
      [[wan(0, "10.02")], [wan(1, "5.00"), wan(2, "5.00")]],
      [[wan(1, "5.00")], [wan(3, "5.02")]],
    ]);
    expect(fa?.suspect).toEqual({ sheet: "S", address: "B1", proposed: "5.02" });
  });

  it("keeps the cell when an equation that holds exactly still holds within its tolerance after the change", () => {
    // C: b = e holds exactly; e shows no decimals, so C tolerates ±1 元 and b + 0.02 keeps it
    const [fa, fb, fc] = run([
      [[a], [b, c]],
      [[b], [f]],
      [[b], [cell(4, "5")]],
    ]);
    expect(fc).toBeUndefined();
    expect([fa?.suspect, fb?.suspect]).toEqual([
      { sheet: "S", address: "B1", proposed: "5.02" },
      { sheet: "S", address: "B1", proposed: "5.02" },
    ]);
  });

  it("drops the cell when the change would break an equation that holds exactly", () => {
    // C: b = e with e shown to the cent: C tolerates ±0.01 元 and b + 0.02 breaks it; no other cell explains both
    const [fa, fb] = run([
      [[a], [b, c]],
      [[b], [f]],
      [[b], [cell(4, "5.00")]],
    ]);
    expect([fa?.suspect, fb?.suspect]).toEqual([null, null]);
    expect(fa?.suspectNote).toBe("仅此一个等式不成立，无法判断是哪个单元格有误");
  });

  it("judges an equation within rounding (尾差) by its own difference, sign included", () => {
    // C: b = e with e = 5.01: off by −0.01 within its ±0.01 元; b + 0.02 leaves it off by +0.01, still within
    const kept = run([
      [[a], [b, c]],
      [[b], [f]],
      [[b], [cell(4, "5.01")]],
    ]);
    expect(kept[2]).toBeUndefined();
    expect([kept[0]?.suspect, kept[1]?.suspect]).toEqual([
      { sheet: "S", address: "B1", proposed: "5.02" },
      { sheet: "S", address: "B1", proposed: "5.02" },
    ]);
    // C: b = e with e = 4.99: off by +0.01; b + 0.02 makes it +0.03, beyond: no cell explains both
    const dropped = run([
      [[a], [b, c]],
      [[b], [f]],
      [[b], [cell(4, "4.99")]],
    ]);
    expect([dropped[0]?.suspect, dropped[1]?.suspect]).toEqual([null, null]);
  });

  it("reads the equations stated after thousands of others as those stated first", () => {
    // the log keeps its numbers in arrays of 8192: 5000 equations that hold (10,000 terms) come first,
    // so that the equations that decide lie past the first arrays of both equations and terms
    const filler: [Term[], Term[]][] = Array.from({ length: 5000 }, (_, i) => [[cell(10 + (i % 50), "1")], [cell(60 + (i % 50), "1")]]);
    const named = run([...filler, [[a], [b, c]], [[b], [f]], [[b], [cell(4, "5")]]]);
    expect([named[5000]?.suspect, named[5001]?.suspect]).toEqual([
      { sheet: "S", address: "B1", proposed: "5.02" },
      { sheet: "S", address: "B1", proposed: "5.02" },
    ]);
    const dropped = run([...filler, [[a], [b, c]], [[b], [f]], [[b], [cell(4, "5.00")]]]);
    expect([dropped[5000]?.suspect, dropped[5001]?.suspect]).toEqual([null, null]);
  });

  it("reads an equation stated by cells (recordExactCells) as the same equation stated with terms", () => {
    // A and B as above; C: b = e + (a blank cell), stated by position in a table of sheet S whose row 1
    // holds b (B1) and e (E1)
    const bAmount = amountAt(1, "5");
    const bTerm = termOfAmount(bAmount, "5");
    const column = (col: number, role: string): ColumnInfo => ({ col, letter: String.fromCharCode(65 + col), header: [role], role });
    const table = { sheet: "S" } as BudgetTable;
    const stated = (eText: string): CellSumInput => {
      const row: BudgetRow = { row: 0, name: "", isTotal: false, labelCol: 0, amounts: { b: bAmount, e: amountAt(4, eText) } };
      return { table, row, col: column(1, "b"), rows: row, cols: [column(4, "e"), column(5, "blank")], messageId: "m", data: () => ({}) };
    };
    const byCells = (eText: string) => {
      const log = new EquationLog();
      const found = [
        [[a], [bTerm, c]],
        [[bTerm], [f]],
      ].map(([left, right]) => {
        const balance = Balance.unlessExact(left, right)!;
        const f1 = finding();
        log.keep(log.record(balance), balance, f1);
        return f1;
      });
      expect(log.recordExactCells(stated(eText))).toBe(true);
      locateSuspects(log);
      return found.map((x) => x.suspect);
    };
    expect(byCells("5")).toEqual([
      { sheet: "S", address: "B1", proposed: "5.02" },
      { sheet: "S", address: "B1", proposed: "5.02" },
    ]);
    expect(byCells("5.00")).toEqual([null, null]);
    // an equation that does not hold exactly is left to be stated with terms: nothing is recorded
    expect(new EquationLog().recordExactCells(stated("5.01"))).toBe(false);
  });

  it("does not guess from one failing equation", () => {
    const [fa] = run([[[a], [b, c]]]);
    expect(fa?.suspect).toBeNull();
  });
});
