/**
 * A rate a table states (执行率, 增减%, 完成率) against the amounts it is computed from: part ÷ whole × 100,
 * half-up to 0.01%. A stated rate within half a unit of its last decimal of the exact ratio (93.12 for
 * 93.125, a rate computed from unrounded figures) is a 尾差 (info); beyond that it is wrong, and the rate
 * cell is the suspect.
 */
import { halfUnitOfShown, parseShownNumber, type Amount } from "../../model/amount";
import { Dec } from "../../model/decimal";
import type { FindingCell, RuleContext } from "../types";

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
  messageIds: { wrong: string; rounding: string };
  /** Placeholders besides {shown}, {exact} and {expected}, which the check fills in. */
  data: Record<string, string | number>;
  /** Every cell of the finding, the rate cell first. */
  cells: FindingCell[];
  sheet: string;
}

/** Reports a stated rate that is not part ÷ whole (half-up to 0.01%); nothing when the whole is 0. */
export function checkRate(ctx: RuleContext, r: RateInput): void {
  if (r.whole.isZero()) return;
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
