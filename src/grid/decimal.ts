/** The one place that pins decimal.js settings. Every amount in the engine is a Dec. */
import DecimalBase from "decimal.js";

export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/** A JS number as Excel would show it in General format, without binary noise (15 significant digits). */
export function decFromNumber(n: number): Dec {
  return new Dec(Number(n.toPrecision(15)).toString());
}
