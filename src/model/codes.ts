/** Subject codes (科目编码): 功能分类 类/款/项 = 3/5/7 digits, 经济分类 类/款 = 3/5 digits. */
import { squash } from "./amount";

export type CodeSystem = "功能分类" | "经济分类" | "单位";

/** Joins a code as cells show it: "208010\n9" → "2080109", "210 15 01" → "2101501". */
export function cleanCode(text: string): string {
  return squash(text);
}

const SUBJECT_CODE = /^\d{3}(\d{2}){0,2}$/;

export function isSubjectCode(code: string): boolean {
  return SUBJECT_CODE.test(code);
}

/** The code system a code belongs to when nothing else tells: 2xx 功能分类, 3xx/5xx 经济分类. */
export function guessCodeSystem(code: string): CodeSystem | undefined {
  if (!isSubjectCode(code)) return undefined;
  if (code.startsWith("2")) return "功能分类";
  if (code.startsWith("3") || code.startsWith("5")) return code.length <= 5 ? "经济分类" : undefined;
  return undefined;
}

/** 1 = 类, 2 = 款, 3 = 项. */
export function codeLevel(code: string): number {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : 0;
}

export function parentCode(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/** The names of the levels of a classification: 合计 (0), 类, 款, 项. */
export const HIERARCHY_LEVEL_NAMES = ["合计", "类", "款", "项"];

/** A label without its outline numbering: "二十三、国有资本经营预算" and "（二）基本支出" lose "二十三、" and "（二）". */
export function withoutNumbering(label: string): string {
  return label.replace(NUMBERED, "").replace(PARENTHESIZED_NUMBER, "");
}

/** "一、", "二十三、", "1." */
export const NUMBERED = /^([一二三四五六七八九十]+|\d+)[、.．]/;
/** "（二）", "(3)" */
const PARENTHESIZED_NUMBER = /^[(（][一二三四五六七八九十\d]+[)）]/;
export const CHINESE_NUMBERED = /^[一二三四五六七八九十]+、/;
const CHINESE_PARENTHESIZED = /^[（(][一二三四五六七八九十]+[)）]/;
const DIGIT_NUMBERED = /^\d+[、.．]/;
export const QIZHONG = /^其中[:：]/;

/** Whether a label starts with outline numbering ("二十三、", "4、", "（一）"). */
export function hasNumbering(label: string): boolean {
  return NUMBERED.test(label) || PARENTHESIZED_NUMBER.test(label);
}

/** Outline level of a row known by name only, from its numbering: "一、" 1, "（一）" 2, "1." 3, "其中：" 4. */
export function levelFromNumbering(name: string): number | undefined {
  if (CHINESE_NUMBERED.test(name)) return 1;
  if (CHINESE_PARENTHESIZED.test(name)) return 2;
  if (DIGIT_NUMBERED.test(name)) return 3;
  if (QIZHONG.test(name)) return 4;
  return undefined;
}

/** 类 codes of the 支出功能分类 (201–234) and of the 部门/政府支出经济分类 (301…399, 501…599). */
const FUNCTIONAL_CATEGORIES = new Set([
  "201",
  "202",
  "203",
  "204",
  "205",
  "206",
  "207",
  "208",
  "209",
  "210",
  "211",
  "212",
  "213",
  "214",
  "215",
  "216",
  "217",
  "219",
  "220",
  "221",
  "222",
  "223",
  "224",
  "227",
  "229",
  "230",
  "231",
  "232",
  "233",
  "234",
]);
const ECONOMIC_CATEGORIES = new Set([
  "301",
  "302",
  "303",
  "307",
  "309",
  "310",
  "311",
  "312",
  "313",
  "399",
  "501",
  "502",
  "503",
  "504",
  "505",
  "506",
  "507",
  "508",
  "509",
  "510",
  "511",
  "512",
  "513",
  "514",
  "599",
]);

/** Whether a 3-digit code is a 类 of a subject classification (308 is a unit code, not a 类). */
export function isKnownCategory(code: string, system: CodeSystem | undefined): boolean {
  if (system === "经济分类") return ECONOMIC_CATEGORIES.has(code);
  if (system === "功能分类") return FUNCTIONAL_CATEGORIES.has(code);
  return FUNCTIONAL_CATEGORIES.has(code) || ECONOMIC_CATEGORIES.has(code);
}
