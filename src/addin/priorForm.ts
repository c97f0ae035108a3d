/**
 * The 情况说明 tab's 上年数据 as a form: one entry per figure of the prior-year JSON format
 * (narrative/prior.ts: priorFromJson), as typed (strings, in 万元), to and from the JSON kept in the
 * workbook's settings, validated as decimal numbers, and filled from last year's workbook
 * (priorFromWorkbook). No React here: the task pane renders it (taskpane/PriorForm.tsx).
 */
import { Dec } from "../grid/decimal";
import type { PriorYear } from "../model/prior";
import { categoryCodeOfName, categoryName } from "../model/query/functional";
import type { PriorYearJson } from "../host/types";
import type { Strings } from "./i18n";

/** The plain figures of the form: a top-level amount of the JSON, a “三公” item, or the 年初预算 一般公共预算. */
export const PRIOR_FIELDS = [
  "total",
  "basic",
  "project",
  "gpb",
  "tp.合计",
  "tp.因公出国",
  "tp.公务用车",
  "tp.购置",
  "tp.运行",
  "tp.公务接待",
  "grand",
  "fiscalGrand",
  "budget.gpb",
] as const;

export type PriorFieldId = (typeof PRIOR_FIELDS)[number];

/** The groups of the form, in order: last year's totals, the “三公” items, and what only a 决算 uses. */
export const PRIOR_GROUPS: { id: "main" | "threePublic" | "final" | "budget"; fields: PriorFieldId[]; categories?: "categories" | "budgetCategories" }[] = [
  { id: "main", fields: ["total", "basic", "project", "gpb"] },
  { id: "threePublic", fields: ["tp.合计", "tp.因公出国", "tp.公务用车", "tp.购置", "tp.运行", "tp.公务接待"] },
  { id: "final", fields: ["grand", "fiscalGrand"], categories: "categories" },
  { id: "budget", fields: ["budget.gpb"], categories: "budgetCategories" },
];

const TOP = ["total", "basic", "project", "gpb", "grand", "fiscalGrand"] as const;
const TP_ITEMS = ["合计", "因公出国", "公务用车", "购置", "运行", "公务接待"] as const;

/** The form's entries as typed: the year, each figure, and each 类 (by code) of last year's 决算 and of this year's 年初预算. */
export interface PriorFormValues {
  year: string;
  fields: Partial<Record<PriorFieldId, string>>;
  categories: Record<string, string>;
  budgetCategories: Record<string, string>;
}

export const EMPTY_PRIOR_FORM: PriorFormValues = { year: "", fields: {}, categories: {}, budgetCategories: {} };

/** One entry that cannot be saved: which (a field id, "year", or "categories.208"), and the Chinese message naming it. */
export interface PriorFormError {
  key: string;
  message: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const text = (x: unknown) => (typeof x === "string" ? x : typeof x === "number" ? String(x) : "");

function categoryEntries(x: unknown): Record<string, string> {
  if (!isObject(x)) return {};
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [/^\d{3}$/.test(k.trim()) ? k.trim() : (categoryCodeOfName(k) ?? k), text(v)]));
}

/** The entries of a JSON object of the format (as kept in the settings, or typed in the advanced view). */
export function formFromJson(json: PriorYearJson | undefined): PriorFormValues {
  if (!json) return EMPTY_PRIOR_FORM;
  const fields: PriorFormValues["fields"] = {};
  for (const f of TOP) if (json[f] !== undefined) fields[f] = text(json[f]);
  const tp = isObject(json.threePublic) ? json.threePublic : {};
  for (const item of TP_ITEMS) if (tp[item] !== undefined) fields[`tp.${item}`] = text(tp[item]);
  const budget = isObject(json.budget) ? json.budget : {};
  if (budget.gpb !== undefined) fields["budget.gpb"] = text(budget.gpb);
  return { year: text(json.year), fields, categories: categoryEntries(json.categories), budgetCategories: categoryEntries(budget.categories) };
}

/** What the JSON format does not know, in a typed object: its keys (the advanced view says so rather than dropping them). */
export function unknownKeys(json: Record<string, unknown>): string[] {
  const out = Object.keys(json).filter((k) => !["year", ...TOP, "threePublic", "categories", "budget"].includes(k));
  if (isObject(json.threePublic)) out.push(...Object.keys(json.threePublic).filter((k) => !(TP_ITEMS as readonly string[]).includes(k)));
  if (isObject(json.budget)) out.push(...Object.keys(json.budget).filter((k) => k !== "gpb" && k !== "categories"));
  return out;
}

/** Full-width digits and points as ASCII; thousands separators, spaces and a trailing 万元 left out. */
function normalized(typed: string): string {
  return typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[,，\s\u3000]/g, "")
    .replace(/万元?$/, "");
}

/** An amount as the JSON keeps it ("1234.50"), "" when nothing was typed, or null when it is not a decimal number. */
export function amountText(typed: string): string | null {
  const t = normalized(typed);
  if (t === "") return "";
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  try {
    return new Dec(t).isFinite() ? t : null;
  } catch {
    return null;
  }
}

/**
 * The JSON the entries stand for (what the settings keep): undefined when nothing is entered; the year as
 * a number; each amount as typed (normalized), an invalid one kept as typed (priorFormErrors names it).
 */
export function formToJson(v: PriorFormValues): PriorYearJson | undefined {
  const amount = (typed: string | undefined) => {
    if (typed === undefined) return undefined;
    const a = amountText(typed);
    return a === "" ? undefined : (a ?? typed);
  };
  const json: PriorYearJson = {};
  const year = normalized(v.year);
  if (year !== "") json.year = /^\d{4}$/.test(year) ? Number(year) : v.year.trim();
  for (const f of TOP) if (amount(v.fields[f]) !== undefined) json[f] = amount(v.fields[f]);
  const tp = Object.fromEntries(TP_ITEMS.map((i) => [i, amount(v.fields[`tp.${i}`])]).filter(([, a]) => a !== undefined));
  if (Object.keys(tp).length) json.threePublic = tp;
  const categories = (c: Record<string, string>) => {
    const out = Object.fromEntries(
      Object.entries(c)
        .map(([code, typed]) => [code, amount(typed)])
        .filter(([, a]) => a !== undefined),
    );
    return Object.keys(out).length ? out : undefined;
  };
  if (categories(v.categories)) json.categories = categories(v.categories);
  const budget = { gpb: amount(v.fields["budget.gpb"]), categories: categories(v.budgetCategories) };
  if (budget.gpb !== undefined || budget.categories) json.budget = Object.fromEntries(Object.entries(budget).filter(([, x]) => x !== undefined));
  return Object.keys(json).length ? json : undefined;
}

/** The name of a 类 of the form: its standard name, else the code. */
export function categoryLabel(code: string): string {
  return categoryName(code) ?? code;
}

/** The label of an entry, as the form and its messages name it. */
export function entryLabel(key: string, s: Strings): string {
  if (key === "year") return s.priorYear;
  const [group, code] = key.split(".");
  if (group === "categories") return s.priorCategory(categoryLabel(code));
  if (group === "budgetCategories") return s.priorBudgetCategory(categoryLabel(code));
  return s.priorLabels[key as PriorFieldId];
}

/** Every entry that cannot be saved, in the form's order, each with a message naming it in Chinese. */
export function priorFormErrors(v: PriorFormValues, s: Strings): PriorFormError[] {
  const out: PriorFormError[] = [];
  const year = normalized(v.year);
  if (year !== "" && !/^\d{4}$/.test(year)) out.push({ key: "year", message: s.priorBadYear });
  else if (year === "" && formToJson(v) !== undefined) out.push({ key: "year", message: s.priorNeedYear }); // (figures without a year)
  const entries: [string, string | undefined][] = [
    ...PRIOR_GROUPS.flatMap((g) => [
      ...g.fields.map((f): [string, string | undefined] => [f, v.fields[f]]),
      ...Object.entries(g.categories ? v[g.categories] : {}).map(([code, typed]): [string, string] => [`${g.categories}.${code}`, typed]),
    ]),
  ];
  for (const [key, typed] of entries) if (typed !== undefined && amountText(typed) === null) out.push({ key, message: s.priorNotNumber(entryLabel(key, s)) });
  return out;
}

/** An amount of last year's workbook as the form shows it: two decimals, more when the table gave more (a table in 元). */
function shown(d: Dec): string {
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
}

/** The entries with the figures of last year's workbook (priorFromWorkbook) filled in; entries it does not give are kept. */
export function formWithPrior(v: PriorFormValues, p: PriorYear): PriorFormValues {
  const fields = { ...v.fields };
  for (const f of TOP) if (p[f] !== undefined) fields[f] = shown(p[f]);
  for (const item of TP_ITEMS) if (p.threePublic?.[item] !== undefined) fields[`tp.${item}`] = shown(p.threePublic[item]);
  const categories = { ...v.categories };
  for (const [code, value] of Object.entries(p.categories ?? {})) categories[code] = shown(value);
  return { ...v, year: p.year > 0 ? String(p.year) : v.year, fields, categories };
}

/** How many figures a PriorYear gives (for the message after an import). */
export function figureCount(p: PriorYear): number {
  return TOP.filter((f) => p[f] !== undefined).length + Object.keys(p.threePublic ?? {}).length + Object.keys(p.categories ?? {}).length;
}
