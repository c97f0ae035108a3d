/**
 * Header rows → column descriptions: which columns hold codes, names, sequence numbers, amounts or other
 * text, and the canonical role of each amount column.
 */
import { columnLetters } from "../grid/address";
import { isShownNumber, readCount, readShownNumber, squash } from "../model/amount";
import { cleanCode, isSubjectCode, type CodeSystem } from "../model/codes";
import { isCellError } from "../grid/workbook";
import type { Period } from "../model/budgetModel";
import type { SheetView } from "./sheetView";

export type ColumnKind = "seq" | "code" | "name" | "amount" | "text" | "blank";

export interface ColumnDraft {
  col: number;
  letter: string;
  header: string[];
  lanci?: string;
  kind: ColumnKind;
  /** For code columns: what the codes are, and whether the column is one part of a split 类/款/项 code. */
  codeSystem?: CodeSystem | "项目";
  codePart?: "类" | "款" | "项";
  /** For amount columns whose cells are counts with a unit word (数量). */
  counts?: boolean;
}

export function isLanciText(text: string): boolean {
  return squash(text) === "栏次";
}

/** A 栏次 row: the word 栏次, or column numbers 1, 2, 3 … alone in a row. */
export function isLanciRow(view: SheetView, r: number, left = view.left, right = view.right): boolean {
  // (read in place, without a list of the row's texts: every table's first rows are asked)
  let count = 0;
  let numbered = true;
  let previous = 0;
  for (let k = 0, n = view.textCount(r); k < n; k++) {
    const col = view.textColAt(r, k)!;
    if (col < left || col > right) continue;
    const text = squash(view.textAt(r, k)!);
    if (isLanciText(text)) return true;
    // column numbers 1, 2, 3 … each one more than the one before
    if (numbered) numbered = COLUMN_NUMBER.test(text) && (count === 0 || Number(text) === previous + 1);
    previous = Number(text);
    count++;
  }
  return numbered && count >= 3;
}

const COLUMN_NUMBER = /^\d{1,2}$/;

const SEQ = /^(序号|行次|栏次|编号)$/;
const CODE = /(编码|代码)$/;
const NAME = /名称|^项目$|科目$|^项目\(/;
const SPLIT_PART = /^(类|款|项)$/;
/** Headers of amount columns, known from the templates. */
const AMOUNT_HEADER = /^(合计|小计|总计|金额|预算数|决算数|统计数|价值|单价)$|(支出|收入|经费|资金|结转|结余|拨款)$/;
/** Headers of columns that hold words, not amounts, even when the table is empty. */
const TEXT_HEADER = /名称|目录序号|计量单位|来源$|说明|依据|指标|描述|用途|备注|单位性质|单位规格|保障形式/;

/**
 * Header path of every column: the texts of the header rows over it, merged areas expanded, repeats
 * (vertical merges) collapsed, the 栏次 row kept apart.
 */
export function headerPaths(view: SheetView, headerRows: number[], left: number, right: number): { col: number; header: string[]; lanci?: string }[] {
  const lanciRow = headerRows.find((r) => isLanciRow(view, r, left, right));
  const rows = headerRows.filter((r) => r !== lanciRow);
  const out: { col: number; header: string[]; lanci?: string }[] = [];
  const grid: string[][] = rows.map((r) => {
    const line: string[] = [];
    for (let c = left; c <= right; c++) line.push(squash(view.shownText(r, c)));
    return line;
  });
  if (!view.hasMerges && grid.length > 1) {
    // No merge information (e.g. a host that cannot read merges): a blank upper header cell over a
    // filled lower one continues the group header to its left.
    for (let i = 0; i < grid.length - 1; i++) {
      for (let j = 1; j < grid[i].length; j++) {
        if (grid[i][j] === "" && grid[i][j - 1] !== "" && grid[i + 1][j] !== "" && grid[i + 1][j - 1] !== "") grid[i][j] = grid[i][j - 1];
      }
    }
  }
  for (let c = left; c <= right; c++) {
    const header: string[] = [];
    for (const line of grid) {
      const t = line[c - left];
      if (t && header[header.length - 1] !== t) header.push(t);
    }
    const lanci = lanciRow === undefined ? undefined : squash(view.shownText(lanciRow, c)) || undefined;
    // (a copy of its exact length: grown by push, a list of one to three texts has room for 17, and the
    // model keeps one per amount column, tens of thousands in a 汇总 workbook)
    out.push({ col: c, header: header.slice(), lanci: lanci && !isLanciText(lanci) ? lanci : undefined });
  }
  return out;
}

function codeSystemOf(header: string[]): CodeSystem | "项目" | undefined {
  const h = header.join("/");
  if (/项目编码|项目代码/.test(h)) return "项目";
  if (/经济分类/.test(h)) return "经济分类";
  if (/功能分类/.test(h)) return "功能分类";
  if (/单位|部门/.test(h) && !/科目/.test(h)) return "单位";
  return undefined;
}

/** Cells of a column that hold numbers; error values (#REF!) are numbers that failed: they count as numeric. */
function numericCells(view: SheetView, rows: number[], col: number): number {
  let n = 0;
  for (const r of rows) {
    const c = view.cell(r, col);
    if (c && (isCellError(c.value) || (c.text !== "" && isShownNumber(c.text)))) n++;
  }
  return n;
}

/** The non-blank texts of a column in the given rows (read only where the header leaves the kind open). */
function columnTexts(view: SheetView, rows: number[], col: number): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const t = view.text(r, col);
    if (t !== "") out.push(t);
  }
  return out;
}

/** How many cells of a column in the given rows hold a text. */
function filledCells(view: SheetView, rows: number[], col: number): number {
  let n = 0;
  for (const r of rows) if (view.text(r, col) !== "") n++;
  return n;
}

/** Classifies the columns of a table from their headers and, where headers are silent, their cells (only then are the cells read). */
export function classifyColumns(
  view: SheetView,
  paths: { col: number; header: string[]; lanci?: string }[],
  bodyRows: number[],
  nameHeader?: RegExp,
): ColumnDraft[] {
  const drafts: ColumnDraft[] = paths.map((p) => ({ col: p.col, letter: columnLetters(p.col), header: p.header, lanci: p.lanci, kind: "text" as ColumnKind }));
  const isPrefixOfOther = (d: ColumnDraft) => drafts.some((o) => o !== d && o.header.length > d.header.length && d.header.every((h, i) => o.header[i] === h));
  for (const d of drafts) {
    const last = d.header[d.header.length - 1] ?? "";
    const all = d.header.join("/");
    const filled = filledCells(view, bodyRows, d.col);
    if (filled === 0 && (d.header.length === 0 || isPrefixOfOther(d)))
      d.kind = "blank"; // a spacer column under a group header
    else if (SEQ.test(last)) d.kind = "seq";
    else if (SPLIT_PART.test(last) && d.header.some((h) => /科目|编码|代码|分类/.test(h))) {
      d.kind = "code";
      d.codePart = last as "类" | "款" | "项";
      d.codeSystem = codeSystemOf(d.header) ?? "功能分类";
    } else if (CODE.test(last) || (/编码|代码/.test(last) && !/名称/.test(last))) {
      d.kind = "code";
      d.codeSystem = codeSystemOf(d.header);
    } else if (nameHeader ? nameHeader.test(all) : NAME.test(last)) d.kind = "name";
    else if (
      /数量$|人数$|车辆数$|^行次$/.test(last) ||
      (/数量/.test(last) && columnTexts(view, bodyRows, d.col).some((t) => readShownNumber(t) === null && readCount(t) !== null))
    ) {
      d.kind = "amount";
      d.counts = true;
    } else if (
      d.header.length === 0 &&
      filled > 0 &&
      columnTexts(view, bodyRows, d.col).filter((t) => isSubjectCode(cleanCode(t))).length >= Math.max(1, filled * 0.6)
    )
      d.kind = "code";
    // a header of the templates' amount columns decides (words in such a column are reported, not
    // mistaken for labels); otherwise the cells do: mostly numbers make an amount column
    else if (AMOUNT_HEADER.test(last) && !TEXT_HEADER.test(last)) d.kind = "amount";
    else if (numericCells(view, bodyRows, d.col) >= Math.max(1, filled * 0.5)) d.kind = "amount";
    else if (TEXT_HEADER.test(last)) d.kind = "text";
    else if (filled === 0 && d.header.length > 0)
      d.kind = "amount"; // an empty amount column
    else d.kind = "text";
  }
  if (nameHeader && !drafts.some((d) => d.kind === "name")) {
    // the template's own name column is absent: fall back to the usual name headers
    for (const d of drafts) if (d.kind === "text" && NAME.test(d.header[d.header.length - 1] ?? "")) d.kind = "name";
  }
  if (!drafts.some((d) => d.kind === "name" || d.kind === "code")) {
    // no header names the labels (old templates leave 项目 blank above them): a headless column of words is one
    for (const d of drafts) if (d.kind === "text" && d.header.length === 0 && filledCells(view, bodyRows, d.col) > 0) d.kind = "name";
  }
  return drafts;
}

const PART_CANON: [RegExp, string][] = [
  [/^(合计|总计)$|三公.?经费合计$|^本年(收入|支出)合计$/, "合计"],
  [/一般公共预算/, "一般公共预算"],
  [/政府性?基金/, "政府性基金"],
  [/国有资本经营/, "国有资本经营"],
  [/财政专户/, "财政专户管理资金"],
  [/^财政拨款(收入)?$/, "财政拨款"],
  [/^上年(财政拨款)?结转(和|及)?(结余)?$/, "上年结转"],
  [/^(事业单位)?经营收入$/, "经营收入"],
  [/^基金预算/, "政府性基金"],
  [/^政府采购金额/, "政府采购金额"],
  [/^价值(\(|$)/, "价值"],
  [/^公务用车购置及(运行|运维)(维护)?费$/, "公务用车购置及运行维护费"],
  [/^公务用车(运行|运维)(维护)?费$/, "公务用车运行维护费"],
];

/** Canonical names of the header parts met so far: a workbook's headers use a few dozen words, over and over. */
const canonicalParts = new Map<string, string>();

function canonicalPart(part: string): string {
  let name = canonicalParts.get(part);
  if (name === undefined) {
    const p = part.replace(/^其中[:：]?/, "");
    name = PART_CANON.find(([re]) => re.test(p))?.[1] ?? p;
    if (canonicalParts.size < 10000) canonicalParts.set(part, name);
  }
  return name;
}

/** Amount columns that are a part of their group rather than a share of the total ("其中：财政拨款"). */
export function isSubsetColumn(d: ColumnDraft): boolean {
  return d.header.some((h) => /^其中/.test(h));
}

// Header parts that say which year's figures a column holds, or that it compares two of them.
/** "2023年预算数", "2024年", "2023年决算数": compared with the table's 年度. */
const YEAR_PART = /^((?:19|20)\d{2})年度?(预算|决算|执行)?数?$/;
/** "本年预算数", "本年决算数", "本年数": this year's figures, said so. */
const CURRENT_PART = /^本年度?(预算|决算|执行)?数$/;
/** "上年预算数", "上年决算数", "上年数", "上年" (not 上年结转, which is this year's income). */
const PRIOR_PART = /^上年度?(预算|决算)?(执行)?数?$/;
const CHANGE_WORDS = "(?:比上年|较上年|同比|与上年相比)?(?:增减|增长|增加|变动)";
/** "增减%", "增减率", "增长率(%)", "比上年增减幅度", "增幅". */
const CHANGE_RATE_PART = new RegExp(`^${CHANGE_WORDS}(?:(?:率|幅度|比例|百分比)(?:%|\\(%\\))?|%|\\(%\\))$|^增幅$`);
/** "增减额", "增减", "比上年增减", "增减金额", "增减变动". */
const CHANGE_PART = new RegExp(`^${CHANGE_WORDS}(?:额|金额|数|数额|变动|变化|情况)?$`);
/** The parts under a 增减 group header that say amount or rate. */
const CHANGE_CHILD = /^(?:金额|额|数额|%|\(%\)|百分比|幅度|比例|率)$/;
const RATE_CHILD = /^(?:%|\(%\)|百分比|幅度|比例|率)$/;
const BUDGET_PART = /^年初预算数?$/;
const ADJUSTED_PART = /^(?:调整(?:后)?预算数?|预算调整数)$/;
/** "完成率", "完成年初预算%", "决算数占年初预算的%", "预算完成率(%)". */
const COMPLETION_PART = /^(?:完成率|预算完成率|完成(?:年初)?预算(?:的)?(?:比例|百分比)?|决算数?(?:占|为)年初预算数?(?:的)?(?:比例)?)(?:%|\(%\))?$/;

/** Whether a header part names a year or a period (used to tell whether roles depend on the year). */
export function namesYear(part: string): boolean {
  return YEAR_PART.test(part);
}

/**
 * The period of a column from its header path, and the path with the parts that say it removed (this
 * year's markers made plain: "2024年预算数" in a 2024 table and "本年预算数" read as "预算数"). A header that
 * names a year is compared with `year` (the table's 年度): the year before is 上年, any other year than
 * this one 其他年度; without a year to compare with, a named year is read as this year's.
 */
export function periodOf(header: string[], year?: number): { period?: Period; header: string[]; namedYear?: number } {
  let period: Period | undefined;
  let namedYear: number | undefined;
  const rest: string[] = [];
  for (const p of header) {
    let m: RegExpExecArray | null;
    if ((m = YEAR_PART.exec(p))) {
      const y = Number(m[1]);
      namedYear = y;
      if (year === undefined || y === year) {
        if (m[2]) rest.push(`${m[2]}数`);
      } else period ??= y === year - 1 ? "上年" : "其他年度";
    } else if ((m = CURRENT_PART.exec(p))) {
      if (m[1]) rest.push(`${m[1]}数`);
    } else if (PRIOR_PART.test(p)) period ??= "上年";
    else if (CHANGE_RATE_PART.test(p)) period = "增减率";
    else if (CHANGE_PART.test(p)) period = period === "增减率" ? period : "增减额";
    else if ((period === "增减额" || period === "增减率") && CHANGE_CHILD.test(p)) {
      if (RATE_CHILD.test(p)) period = "增减率";
    } else if (BUDGET_PART.test(p)) period ??= "年初预算";
    else if (ADJUSTED_PART.test(p)) period ??= "调整预算";
    else if (COMPLETION_PART.test(p)) period = "完成率";
    else rest.push(p);
  }
  return { period, header: rest, namedYear };
}

export interface ColumnRole {
  role: string;
  period?: Period;
  /** For a period column: the role of this year's column it belongs to. */
  of?: string;
}

/**
 * Roles of the amount columns of one block: header paths with the parts every amount column shares
 * (a spanning group header such as 资金性质 or 收入) removed, synonyms made canonical, 小计 folded
 * into its group. Columns of another period than this year's (上年预算数, 增减额, 年初预算数 …; see
 * periodOf, with `year` the table's 年度) take the period as the first part of their role and name the
 * column of this year they belong to: the one with the rest of their role, or the block's main column
 * (合计, else the first) when nothing is left. They never take the role of a column of this year.
 */
export function assignRoles(amountCols: ColumnDraft[], side = "", year?: number): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  if (year === undefined) {
    // no 年度 to compare with: of two or more years named in the headers, the latest is this year's
    const named = new Set(amountCols.flatMap((c) => c.header.filter(namesYear).map((p) => Number(p.slice(0, 4)))));
    if (named.size > 1) year = Math.max(...named);
  }
  const cols = amountCols.map((c) => ({ c, ...periodOf(c.header, year) }));
  const current = cols.filter((x) => x.period === undefined);
  const shared = new Set<string>();
  if (current.length > 1) {
    for (const part of current[0].header) if (current.every((x) => x.header.includes(part))) shared.add(part);
  }
  const partsOf = (header: string[]) => {
    let parts = header.filter((p, i) => !shared.has(p) && !(i === 0 && side !== "" && p === side)).map(canonicalPart);
    // "本年收入/小计" and "本年收入/合计" are the 本年收入 group's own total
    if (parts.length > 1 && (parts[parts.length - 1] === "小计" || parts[parts.length - 1] === "合计")) parts = parts.slice(0, -1);
    if (parts.length === 1 && parts[0] === "小计") parts = ["合计"];
    return parts;
  };
  const used = new Map<string, number>();
  const unique = (role: string) => {
    const n = (used.get(role) ?? 0) + 1;
    used.set(role, n);
    return n > 1 ? `${role}#${n}` : role;
  };
  for (const x of current) {
    let parts = partsOf(x.header);
    if (parts.length === 0) parts = x.header.length ? [canonicalPart(x.header[x.header.length - 1])] : ["金额"];
    roles.set(x.c.col, { role: unique(parts.join("/")) });
  }
  const currentRoles = new Set(current.map((x) => roles.get(x.c.col)!.role));
  const main = currentRoles.has("合计") ? "合计" : current.length ? roles.get(current[0].c.col)!.role : undefined;
  for (const x of cols) {
    if (x.period === undefined) continue;
    const rest = partsOf(x.header).join("/");
    const prefix = x.period === "其他年度" ? `${x.namedYear}年` : x.period;
    const info: ColumnRole = { role: unique(rest ? `${prefix}/${rest}` : prefix), period: x.period };
    const of = rest ? (currentRoles.has(rest) ? rest : undefined) : main;
    if (of !== undefined) info.of = of;
    roles.set(x.c.col, info);
  }
  return roles;
}
