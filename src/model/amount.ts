/**
 * Amounts: decimal values read from what a cell shows, tied to the cell. Never floats.
 */
import { toA1 } from "../grid/address";
import type { CellAddress, CellPosition } from "../grid/address";
import { Dec, decFromNumber } from "../grid/decimal";

export type AmountUnit = "元" | "万元";

/** A model's cell: its address and its 0-based position. */
export interface CellLocation extends CellAddress, CellPosition {}

export interface Amount {
  /** The shown value, in the table's unit (built from `number` when first read). */
  readonly value: Dec;
  /** The shown number as read: sign and digits (what `value` is built from, exactly). */
  readonly number: ShownNumber;
  /** The unit of the table the amount sits in (null when the table states none). */
  unit: AmountUnit | null;
  /** The cell: sheet, A1 address, row and column. */
  readonly cell: CellLocation;
  /** The cell's sheet, row and column (0-based), without building its address. */
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** The cell's shown text. */
  text: string;
  /** The cell holds text that reads as a number ("1,234.50", "5056. 26", full-width digits). */
  readonly storedAsText: boolean;
  formula?: string;
  /** Decimals the cell shows ("7.00" → 2). */
  readonly decimals: number;
  /** The value in whole 0.0001 元 when that is an exact safe integer (see fixedYuanOf), else undefined. */
  readonly fixedYuan: number | undefined;
}

/**
 * A number read from a shown text, before it becomes a Decimal: its sign and its digits as Decimal
 * reads them ("(1,234.50)" → negative, "1234.50"). Kept as text so that a Decimal is built only when asked for.
 */
export interface ShownNumber {
  negative: boolean;
  /** Unsigned digits with at most one decimal point ("1234.50", "0", ".5", "5."), or a number string Decimal reads. */
  digits: string;
}

/**
 * Exact fast path of sums: 0.0001 元 is the unit, so that amounts in 元 with up to 4 decimals and in 万元
 * with up to 8 are whole numbers of it; sums of such numbers are exact while they stay safe integers.
 */
export const FIXED_DECIMALS = 4;

/** A shown number in an amount unit as a whole number of 0.0001 元, or undefined when it is not one or not a safe integer. */
export function fixedYuanOf(n: ShownNumber, unit: AmountUnit | null): number | undefined {
  const scale = unit === "万元" ? FIXED_DECIMALS + 4 : FIXED_DECIMALS;
  // digit by digit (every partial value is a prefix of the result, so each step is exact while the
  // result is a safe integer), then the missing decimals: no copy of the text is made
  const digits = n.digits;
  let units = 0;
  let decimals = -1; // digits after the point, −1 before it
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c === 46 && decimals < 0)
      decimals = 0; // "."
    else if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    } else return undefined; // an exponent, a second point
  }
  if (decimals > scale) return undefined;
  units *= 10 ** (scale - Math.max(decimals, 0));
  if (!Number.isSafeInteger(units)) return undefined;
  return n.negative && units !== 0 ? -units : units;
}

/** Whether a shown number is 0 ("0.00", "-", "-0"), without building its Decimal. */
export function isZeroNumber(n: ShownNumber): boolean {
  return !NONZERO_DIGIT.test(n.digits);
}

const NONZERO_DIGIT = /[1-9]/;

export function decOfNumber(n: ShownNumber): Dec {
  const d = new Dec(n.digits);
  return n.negative ? d.negated() : d;
}

/**
 * An amount read from a cell: its Decimal is built from the shown digits on first use, and its cell's
 * location each time it is asked for (a workbook holds hundreds of thousands of amounts, few of them
 * reported; a location kept in the amount would outlive the finding that asked for it). It is its own
 * ShownNumber.
 */
export class CellAmount implements Amount, ShownNumber {
  // (every field is set in the constructor, the lazy ones to undefined: an amount keeps one shape
  // whatever is asked of it, so that the code reading hundreds of thousands of them stays monomorphic)
  private dec: Dec | undefined = undefined;
  formula?: string = undefined;
  readonly digits: string;
  readonly fixedYuan: number | undefined;
  /**
   * The sign, storedAsText and the shown decimals in one small integer (NEGATIVE, STORED_AS_TEXT, the
   * decimals from DECIMALS_SHIFT up): a field takes 8 bytes, and a model holds hundreds of thousands of amounts.
   */
  private readonly flags: number;

  constructor(
    number: ShownNumber,
    public unit: AmountUnit | null,
    readonly sheet: string,
    readonly row: number,
    readonly col: number,
    public text: string,
    storedAsText: boolean,
  ) {
    this.digits = number.digits;
    this.fixedYuan = fixedYuanOf(number, unit);
    this.flags = (number.negative ? NEGATIVE : 0) | (storedAsText ? STORED_AS_TEXT : 0) | (shownDecimals(text) << DECIMALS_SHIFT);
  }

  get negative(): boolean {
    return (this.flags & NEGATIVE) !== 0;
  }

  get storedAsText(): boolean {
    return (this.flags & STORED_AS_TEXT) !== 0;
  }

  get decimals(): number {
    return this.flags >> DECIMALS_SHIFT;
  }

  get number(): ShownNumber {
    return this;
  }

  get cell(): CellLocation {
    return { sheet: this.sheet, address: toA1(this.row, this.col), row: this.row, col: this.col };
  }

  get value(): Dec {
    return (this.dec ??= decOfNumber(this));
  }
}

const NEGATIVE = 1;
const STORED_AS_TEXT = 2;
const DECIMALS_SHIFT = 2;

const DASHES = /^[-－—–]+$/;

/**
 * Characters that NFKC may change, by block: Latin-1 signs, the parts of general punctuation and symbols
 * that have compatibility forms ("…", "″", ①, ™), the ideographic space and the three Hangzhou numerals,
 * enclosed and compatibility CJK, compatibility ideographs, vertical and full-width forms. The CJK
 * punctuation that NFKC keeps (、。“”‘’—《》【】「」) is left out: most labels carry it and skip the
 * normalization.
 */
const COMPATIBILITY =
  "\\u00a0-\\u00ff\\u2000-\\u200a\\u2011\\u2017\\u2024-\\u2026\\u202f-\\u2bff\\u3000\\u3036\\u3038-\\u303a\\u3200-\\u33ff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef";
const NEEDS_NFKC = new RegExp(`[${COMPATIBILITY}]`);
/** What squash changes: compatibility characters (as above) and whitespace. */
const NEEDS_SQUASH = new RegExp(`[\\s${COMPATIBILITY}]`);

/** Normalizes full-width characters and spaces the way a reader of the cell would. */
export function normalizeText(s: string): string {
  // only compatibility characters change under NFKC: full-width forms, ideographic space, enclosed and
  // compatibility CJK; plain CJK text and ASCII numbers skip the (slow) normalization
  if (!NEEDS_NFKC.test(s)) return s.trim();
  // labels with full-width punctuation repeat from table to table: each is normalized once
  let n = normalized.get(s);
  if (n === undefined) {
    if (normalized.size >= NORMALIZED_MAX) normalized.clear();
    normalized.set(
      s,
      (n = s
        .normalize("NFKC")
        .replace(/\u00a0|\u3000/g, " ")
        .trim()),
    );
  }
  return n;
}

/** Texts already normalized (NFKC), and how many to keep before starting afresh. */
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 20000;

/** A text with full-width characters normalized and all whitespace removed: how labels are compared. */
export function squash(s: string): string {
  if (!NEEDS_SQUASH.test(s)) return s;
  return withoutSpaces(normalizeText(s));
}

// (patterns used on every cell are module constants: a regular expression literal inside a function
// is a new object each time it is evaluated)
const SPACE = /\s/;
const SPACES = /\s+/g;

/** A text with all whitespace removed (the text itself when it has none). */
export function withoutSpaces(s: string): string {
  return SPACE.test(s) ? s.replace(SPACES, "") : s;
}

/** The characters a shown number is made of (digits, point, separators, signs, parentheses, dashes). */
const NUMBER_CHARS = /^[\d.,+\-()－—–]+$/;

/** A number as most cells show it: ASCII digits, an optional decimal part and minus sign ("-1234.50"). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The number a shown text stands for, or null when it is not a number.
 * Accepts thousands separators, stray spaces (OCR "5056. 26"), full-width digits, a leading sign,
 * accounting parentheses for negatives, and a dash for zero.
 */
export function readShownNumber(text: string): ShownNumber | null {
  // the common case first: a plain number reads the same after every step below
  if (PLAIN_NUMBER.test(text)) return text.charCodeAt(0) === 45 ? { negative: true, digits: text.slice(1) } : { negative: false, digits: text };
  let s = withoutSpaces(normalizeText(text));
  if (!NUMBER_CHARS.test(s)) return null; // words, and the empty text
  if (DASHES.test(s)) return { negative: false, digits: "0" };
  let negative = false;
  const paren = PARENTHESIZED.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = negative !== s.startsWith("-");
    s = s.slice(1);
  }
  if (s.includes(",")) {
    if (!GROUPED_THOUSANDS.test(s)) return null;
    s = s.replace(COMMAS, "");
  }
  if (!UNSIGNED_DIGITS.test(s)) return null;
  return { negative, digits: s };
}

/** Accounting parentheses around a negative number: "(1,234.50)". */
const PARENTHESIZED = /^\((.*)\)$/;
const GROUPED_THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const COMMAS = /,/g;
/** Digits with at most one decimal point, and at least one digit. */
const UNSIGNED_DIGITS = /^(\d+(\.\d*)?|\.\d+)$/;

/** Whether a shown text reads as a number (readShownNumber without building the result). */
export function isShownNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text) || readShownNumber(text) !== null;
}

/** The value of a shown number ("1,234.50" → 1234.5), or null when the text is not a number. */
export function parseShownNumber(text: string): Dec | null {
  const n = readShownNumber(text);
  return n && decOfNumber(n);
}

/** A count with its unit word ("305（个、台、辆、件、套等）", "2辆", "5"): the leading number. */
export function readCount(text: string): ShownNumber | null {
  const m = LEADING_COUNT.exec(withoutSpaces(normalizeText(text)));
  return m ? { negative: false, digits: m[1] } : null;
}

const LEADING_COUNT = /^(\d+(\.\d+)?)(\D.*)?$/;

/** A cell's numeric value read as Excel's General format shows it (for cells whose format hides the number). */
export function numberOfValue(n: number): ShownNumber {
  const s = decFromNumber(n).toString();
  return s.startsWith("-") ? { negative: true, digits: s.slice(1) } : { negative: false, digits: s };
}

export function parseCount(text: string): Dec | null {
  const n = readCount(text);
  return n && decOfNumber(n);
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
  if (PLAIN_NUMBER.test(text)) {
    const dot = text.indexOf(".");
    return dot < 0 ? 0 : text.length - dot - 1;
  }
  const m = DECIMAL_PART.exec(withoutSpaces(normalizeText(text)));
  return m ? m[1].length : 0;
}

const DECIMAL_PART = /\.(\d+)/;

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
