/**
 * Shown text of a number under an Excel number format code: enough of the format language for the
 * formats finance workbooks use (General, 0, 0.00, #,##0.00, percentages, sections for negatives and
 * zero, literals, colours). Unknown parts fall back to General.
 */
import { Dec, decFromNumber } from "./decimal";

export function generalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // JavaScript's own text of the 15 digits Excel keeps is the same, unless it takes an exponent
  const plain = String(Number(n.toPrecision(15)));
  return plain.includes("e") ? decFromNumber(n).toString() : plain;
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted && i + 1 < code.length) {
      cur += ch + code[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

interface Pattern {
  prefix: string;
  suffix: string;
  decimals: number;
  thousands: boolean;
  percent: boolean;
  minInt: number;
  hasDigits: boolean;
}

/** Each section's pattern, parsed once (a workbook uses a few dozen sections for a million cells). */
const patternCache = new Map<string, Pattern | null>();

function patternOf(section: string): Pattern | null {
  let p = patternCache.get(section);
  if (p === undefined) {
    p = parseSection(section);
    if (patternCache.size < 10000) patternCache.set(section, p);
  }
  return p;
}

/** Whether each format (or section) shows a date, decided once per code. */
const dateCache = new Map<string, boolean>();

/**
 * Whether a number format shows a date or time: a y, m, d, h, s or b outside quoted text, [..] sections,
 * escaped characters (\h) and the padding and fill characters (_x, *x).
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === "General") return false;
  let date = dateCache.get(fmt);
  if (date === undefined) {
    const bare = fmt
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, "")
      .replace(/[\\_*]./g, "");
    date = /[ymdhsb]/i.test(bare);
    if (dateCache.size < 10000) dateCache.set(fmt, date);
  }
  return date;
}

function parseSection(section: string): Pattern | null {
  if (isDateFormat(section)) return null; // dates: shown by the readers as dates, not here
  const s = section.replace(/\[[^\]]*\]/g, ""); // colours, conditions, locales
  let prefix = "";
  let suffix = "";
  let numPart = "";
  let seenDigits = false;
  let afterDigits = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    let lit: string | null = null;
    if (ch === '"') {
      const j = s.indexOf('"', i + 1);
      lit = s.slice(i + 1, j < 0 ? s.length : j);
      i = j < 0 ? s.length : j;
    } else if (ch === "\\") {
      lit = s[++i] ?? "";
    } else if (ch === "_") {
      i++;
      lit = " ";
    } else if (ch === "*") {
      i++;
      lit = "";
    } else if ("0#?.,%".includes(ch) && !afterDigits) {
      if (ch !== "%" && ch !== ",") seenDigits = true;
      numPart += ch;
      continue;
    } else if (ch === "%") {
      numPart += ch;
      continue;
    } else {
      lit = ch;
    }
    if (seenDigits) {
      afterDigits = true;
      suffix += lit;
    } else {
      prefix += lit;
    }
  }
  if (!seenDigits) return { prefix, suffix, decimals: 0, thousands: false, percent: numPart.includes("%"), minInt: 0, hasDigits: false };
  const dot = numPart.indexOf(".");
  const intPart = dot < 0 ? numPart : numPart.slice(0, dot);
  const fracPart = dot < 0 ? "" : numPart.slice(dot + 1);
  return {
    prefix,
    suffix: (numPart.includes("%") ? "%" : "") + suffix,
    decimals: (fracPart.match(/[0#?]/g) ?? []).length,
    thousands: /[0#?],[0#?]/.test(intPart),
    percent: numPart.includes("%"),
    minInt: (intPart.match(/0/g) ?? []).length,
    hasDigits: true,
  };
}

const CONDITION = /\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/;

function holds(op: string, value: number, limit: number): boolean {
  switch (op) {
    case "<":
      return value < limit;
    case "<=":
      return value <= limit;
    case ">":
      return value > limit;
    case ">=":
      return value >= limit;
    case "=":
      return value === limit;
    default:
      return value !== limit;
  }
}

/**
 * The section a format with conditions ("[Blue][<0]-0.00;[Green]0.00", "[>=100]0;0.0") gives a value, as
 * Excel picks it: the first section whose condition holds, else the next section without one, else the
 * last. (Without conditions, sections go by sign instead.)
 */
function conditionalSection(sections: string[], value: number): { section: string; index: number } {
  for (let i = 0; i < sections.length; i++) {
    const m = CONDITION.exec(sections[i]);
    if (m && holds(m[1], value, Number(m[2]))) return { section: sections[i], index: i };
    if (!m && sections[i] !== "" && i > 0) return { section: sections[i], index: i };
  }
  return { section: sections[sections.length - 1], index: sections.length - 1 };
}

/** A format code's sections, and whether any has a condition: split once per code (a workbook uses a few dozen codes for a million cells). */
const sectionCache = new Map<string, { sections: string[]; conditional: boolean }>();

function sectionsOf(code: string): { sections: string[]; conditional: boolean } {
  let entry = sectionCache.get(code);
  if (!entry) {
    const sections = splitSections(code);
    entry = { sections, conditional: sections.some((s) => CONDITION.test(s)) };
    if (sectionCache.size < 10000) sectionCache.set(code, entry);
  }
  return entry;
}

function withThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * |value| with the pattern's decimals, rounded half up from the digits Excel keeps (15 significant). When
 * those digits have no more decimals than the pattern shows (most amounts), nothing is rounded and the
 * digits are padded with zeros; otherwise decimal.js rounds them.
 */
function fixedDigits(abs: number, p: Pattern): string {
  if (!p.percent) {
    const shown = String(Number(abs.toPrecision(15)));
    if (!shown.includes("e")) {
      const dot = shown.indexOf(".");
      const decimals = dot < 0 ? 0 : shown.length - dot - 1;
      if (decimals === p.decimals) return shown;
      if (decimals < p.decimals) return (dot < 0 ? `${shown}.` : shown) + "0".repeat(p.decimals - decimals);
    }
  }
  let d = decFromNumber(abs);
  if (p.percent) d = d.times(100);
  return d.toFixed(p.decimals, Dec.ROUND_HALF_UP);
}

export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const code = (numFmt ?? "").trim();
  if (code === "" || /^general$/i.test(code) || code === "@") return generalText(value);
  const { sections, conditional } = sectionsOf(code);
  const chosen = conditional ? conditionalSection(sections, value) : undefined;
  let section = chosen?.section ?? sections[0];
  let sign = value < 0 && !chosen ? "-" : "";
  if (chosen) {
    // a section chosen by its condition ("[<0]-0.00") writes its own sign, if any
    if (value < 0 && chosen.index === 0 && !/^[^0#?]*-/.test(section.replace(/\[[^\]]*\]/g, ""))) sign = "-";
  } else if (value < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1];
    sign = "";
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  const p = patternOf(section);
  if (!p) return generalText(value);
  if (!p.hasDigits) return p.prefix + p.suffix;
  const fixed = fixedDigits(Math.abs(value), p);
  const [whole, frac] = fixed.split(".");
  let intDigits = whole;
  if (p.minInt === 0 && intDigits === "0" && p.decimals > 0) intDigits = "";
  if (p.thousands) intDigits = withThousands(intDigits);
  if (sign && /^[0.,]*$/.test(intDigits + (frac ?? ""))) sign = ""; // -0.00 shows as 0.00
  return `${sign}${p.prefix}${intDigits}${frac !== undefined ? "." + frac : ""}${p.suffix}`;
}
