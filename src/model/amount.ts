/**
 * Amounts: decimal values read from what a cell shows, tied to the cell. Never floats.
 */
import { Dec } from "./decimal";

export type AmountUnit = "元" | "万元";

export interface CellLocation {
  sheet: string;
  /** A1 address, e.g. "C7". */
  address: string;
  row: number;
  col: number;
}

export interface Amount {
  /** The shown value, in the table's unit. */
  value: Dec;
  /** The unit of the table the amount sits in (null when the table states none). */
  unit: AmountUnit | null;
  cell: CellLocation;
  /** The cell's shown text. */
  text: string;
  /** The cell holds text that reads as a number ("1,234.50", "5056. 26", full-width digits). */
  storedAsText: boolean;
  formula?: string;
}

const DASHES = /^[-－—–]+$/;

const NEEDS_NFKC = /[\u00a0-\u00ff\u2000-\u2bff\u3000-\u303f\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** Normalizes full-width characters and spaces the way a reader of the cell would. */
export function normalizeText(s: string): string {
  // only compatibility characters change under NFKC: full-width forms, ideographic space, enclosed and
  // compatibility CJK; plain CJK text and ASCII numbers skip the (slow) normalization
  if (!NEEDS_NFKC.test(s)) return s.trim();
  return s.normalize("NFKC").replace(/\u00a0|\u3000/g, " ").trim();
}

/** A text with full-width characters normalized and all whitespace removed: how labels are compared. */
export function squash(s: string): string {
  const n = normalizeText(s);
  return /\s/.test(n) ? n.replace(/\s+/g, "") : n;
}

/**
 * The number a shown text stands for, or null when it is not a number.
 * Accepts thousands separators, stray spaces (OCR "5056. 26"), full-width digits, a leading sign,
 * accounting parentheses for negatives, and a dash for zero.
 */
export function parseShownNumber(text: string): Dec | null {
  let s = normalizeText(text).replace(/\s+/g, "");
  if (s === "") return null;
  if (DASHES.test(s)) return new Dec(0);
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (/^[-+]/.test(s)) {
    negative = negative !== s.startsWith("-");
    s = s.slice(1);
  }
  if (/,/.test(s)) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null;
    s = s.replace(/,/g, "");
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const d = new Dec(s);
  return negative ? d.negated() : d;
}

/** A count with its unit word ("305（个、台、辆、件、套等）", "2辆", "5"): the leading number. */
export function parseCount(text: string): Dec | null {
  const s = normalizeText(text).replace(/\s+/g, "");
  const m = /^(\d+(\.\d+)?)(\D.*)?$/.exec(s);
  return m ? new Dec(m[1]) : null;
}

export function toYuan(value: Dec, unit: AmountUnit | null): Dec {
  return unit === "万元" ? value.times(10000) : value;
}

export function convert(value: Dec, from: AmountUnit | null, to: AmountUnit): Dec {
  const yuan = toYuan(value, from);
  return to === "万元" ? yuan.dividedBy(10000) : yuan;
}

/** How many decimals a shown amount has ("5,056. 26" → 2). */
export function shownDecimals(text: string): number {
  const m = /\.(\d+)/.exec(normalizeText(text).replace(/\s+/g, ""));
  return m ? m[1].length : 0;
}

const HALF_UNITS: Dec[] = [];

/** Half a unit of the given decimal place: 0.005 for 2 decimals. */
export function halfUnit(decimals: number): Dec {
  return (HALF_UNITS[decimals] ??= new Dec(5).times(new Dec(10).pow(-(decimals + 1))));
}

/** Half a unit of the last decimal the text shows: the rounding interval of a shown amount. */
export function halfUnitOfShown(text: string): Dec {
  return halfUnit(shownDecimals(text));
}

/** The amount as shown, with its decimals ("7.00", not "7"). */
export function amountText(a: Amount): string {
  return a.value.toFixed(shownDecimals(a.text));
}
