/**
 * A rate a table states (执行率, 增减%, 完成率) against the amounts it is computed from: part ÷ whole × 100,
 * half-up to 0.01%. A stated rate within half a unit of its last decimal of the exact ratio (93.12 for
 * 93.125, a rate computed from unrounded figures) is a 尾差 (info); beyond that it is wrong, and the rate
 * cell is the suspect.
 */
import { halfUnitOfShown, parseShownNumber, type Amount } from "../../model/amount";
import { Dec } from "../../grid/decimal";
import type { Term } from "../../model/terms";
import type { FindingCell, RuleContext } from "../types";

/** A term's figure as the table shows it ("0" for a blank cell). */
export function shownFigure(t: Term): string {
  return t.blank ? "0" : t.shown.toFixed(t.decimals);
}

/** The cells of a rate computed from terms of its row: the rate cell (left), then the terms (right). */
export function rateCells(sheet: string, rate: Amount, terms: Term[]): FindingCell[] {
  return [{ sheet, address: rate.cell.address, side: "left" }, ...terms.map((t) => ({ sheet, address: t.cell.address, side: "right" as const }))];
}

/** The rate as the cell shows it, without a percent sign ("-4.69%" → "-4.69"). */
export function shownRate(rate: Amount): string {
  return rate.text.replace(/\s*[%％]$/, "");
}

/** The rate in percent: what the cell shows (a cell formatted as a percentage holds its value ÷ 100). */
export function ratePercent(rate: Amount): Dec {
  return /[%％]$/.test(rate.text.trim()) ? parseShownNumber(shownRate(rate)) ?? rate.value.times(100) : rate.value;
}

export interface RateInput {
  rate: Amount;
  /** Numerator and denominator, in the same unit. */
  part: Dec;
  whole: Dec;
  /** zeroWhole: for a rate stated where the whole is 0 (without it, nothing is said then). */
  messageIds: { wrong: string; rounding: string; zeroWhole?: string };
  /** Placeholders besides {shown}, {exact} and {expected}, which the check fills in. */
  data: Record<string, string | number>;
  /** Every cell of the finding, the rate cell first. */
  cells: FindingCell[];
  sheet: string;
}

/** Reports a stated rate that is not part ÷ whole (half-up to 0.01%), and one other than 0 where the whole is 0. */
export function checkRate(ctx: RuleContext, r: RateInput): void {
  if (r.whole.isZero()) {
    const id = r.messageIds.zeroWhole;
    if (id && !r.rate.value.isZero()) ctx.report({ messageId: id, data: { ...r.data, shown: shownRate(r.rate) }, cells: r.cells, suspect: r.rate.cell, sheet: r.sheet });
    return;
  }
  const stated = ratePercent(r.rate);
  const exact = r.part.dividedBy(r.whole).times(100);
  const expected = exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  if (stated.equals(expected)) return;
  const shown = shownRate(r.rate);
  const rounding = stated.minus(exact).abs().lessThanOrEqualTo(halfUnitOfShown(shown));
  ctx.report({
    messageId: rounding ? r.messageIds.rounding : r.messageIds.wrong,
    level: rounding ? "info" : undefined,
    data: { ...r.data, shown, exact: exact.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString(), expected: expected.toFixed(2) },
    cells: r.cells,
    suspect: rounding ? null : r.rate.cell,
    expected: expected.toFixed(2),
    actual: shown,
    sheet: r.sheet,
  });
}
