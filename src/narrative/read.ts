/**
 * Reading a 情况说明: the amounts, percentages, counts and changes stated in each paragraph, each tied to
 * the model quantity it talks about from the words before it in the same clause (or, for a clause that
 * names nothing — "支出决算51.85万元", "与2023年相比减少0.03万元" — from what the sentence or the
 * paragraph is about). Conservative: a number whose words name something the model does not hold, or
 * several things with different amounts, is left untied.
 */
import { withoutSpaces } from "../model/amount";
import type { NarrativeParagraph } from "../model/budgetModel";
import { Dec } from "../grid/decimal";
import { amountKeywords, countKeywords, hasAspect, type Keyword } from "./keywords";
import { projectCore, type Quantity } from "./quantities";

export type NumberUnit = "万元" | "元" | "亿元" | "%" | "辆";

export interface NumberToken {
  /** As written, unit included: "9064.36 万元". */
  text: string;
  /** The digits as written: "1,367.05". */
  digits: string;
  value: Dec;
  decimals: number;
  unit: NumberUnit;
  /** The unit as written ("万" for a bare 万). */
  unitText: string;
  start: number;
  end: number;
  /** Digits that do not read as one number ("1.367.05"): value is the reading with the last dot as decimal point. */
  malformed?: boolean;
  /** A threshold ("单价50万元以上"), not an amount of anything. */
  threshold?: boolean;
}

export type Role = "value" | "prior" | "change" | "share" | "growth" | "completion";
export type Direction = "up" | "down" | "flat";

export interface Statement {
  paragraph: number;
  sentence: number;
  clause: number;
  role: Role;
  /** Absent for a change said in words only (持平, 无变化, 与上年相同). */
  token?: NumberToken;
  /** Changes and growth: the direction the words give. */
  direction?: Direction;
  /** The direction word as written (增加, 减少, 持平 …). */
  word?: string;
  /** Key of the quantity the number is about (without aspect), when it could be told. */
  subject?: string;
  /** How the subject was found. */
  subjectFrom?: "words" | "sentence" | "mention" | "paragraph" | "project";
  /** 预算 or 决算, from the words (年初预算, 全年预算, 支出决算 …); in a budget document always undefined. */
  aspect?: "预算" | "决算";
  /** The quantity it is tied to, when the model has one (with the aspect resolved). */
  quantity?: Quantity;
  /** Share: the base named after 占 ("本年支出合计"), tied when the model has it. */
  baseText?: string;
  baseKey?: string;
  /** The words before the number, cleaned (what the subject was read from). */
  label: string;
  /** Parenthesis depth of the number (items named inside “（其中：…）”). */
  depth: number;
  /** A short excerpt of the paragraph ending with the number, for messages. */
  quote: string;
  /** Offsets in the paragraph of the excerpt: the clause (or the clause that names the subject) to the number. */
  from: number;
  to: number;
}

export interface ReadParagraph {
  index: number;
  text: string;
  cell: NarrativeParagraph["cell"];
  /** The cell's own text, when the paragraph is a text typed into a workbook cell (what a fix replaces). */
  cellText?: string;
  statements: Statement[];
  /** This paragraph continues the list the previous one opened ("…，其中：" / "主要用于以下方面："). */
  continues: boolean;
}

// ---------------------------------------------------------------------------------------------------
// characters

/** Full-width ASCII forms to half-width, ideographic space to space; one character for one, so offsets hold. */
export function halfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// numbers

const NUMBER = /(?<!\d)(?<!\d[.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)(\s*)(亿元|万元|元|万(?=[。，,;、)\s]|$)|%|辆)/g;
const THRESHOLD_AFTER = /^\s*(?:\(含\))?\s*(?:及)?(?:以上|以下|以内|\(含\)以上)/;
const THRESHOLD_BEFORE = /(?:单价|单位价值|价值|标准)(?:在)?\s*$/;

/** Every number with a unit (万元, 元, 亿元, 万, %, 辆) in a text (half-width already). */
export function findNumbers(text: string): NumberToken[] {
  const s = halfWidth(text);
  const out: NumberToken[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const digits = m[1];
    const start = m.index!;
    const end = start + m[0].length;
    const dots = (digits.match(/\./g) ?? []).length;
    let plain = digits.replace(/,/g, "");
    let malformed = false;
    if (dots > 1) {
      const last = plain.lastIndexOf(".");
      plain = plain.slice(0, last).replace(/\./g, "") + plain.slice(last);
      malformed = true;
    }
    const unitText = m[3];
    const unit: NumberUnit = unitText === "万" ? "万元" : (unitText as NumberUnit);
    const decimals = /\.(\d+)$/.exec(plain)?.[1].length ?? 0;
    const threshold = THRESHOLD_AFTER.test(s.slice(end)) || THRESHOLD_BEFORE.test(s.slice(Math.max(0, start - 6), start));
    out.push({
      text: m[0],
      digits,
      value: new Dec(plain),
      decimals,
      unit,
      unitText,
      start,
      end,
      ...(malformed ? { malformed } : {}),
      ...(threshold ? { threshold } : {}),
    });
  }
  return out;
}

/** A stated amount in 万元 ("649700元" → 64.97). */
export function toWan(t: NumberToken): Dec {
  if (t.unit === "元") return t.value.dividedBy(10000);
  if (t.unit === "亿元") return t.value.times(10000);
  return t.value;
}

/** Half a unit of the last printed decimal, in the unit of toWan (or of the percent/count). */
export function halfOfToken(t: NumberToken): Dec {
  const h = new Dec(5).times(new Dec(10).pow(-(t.decimals + 1)));
  if (t.unit === "元") return h.dividedBy(10000);
  if (t.unit === "亿元") return h.times(10000);
  return h;
}

// ---------------------------------------------------------------------------------------------------
// sentences and clauses

interface Span {
  start: number;
  end: number;
}

function splitSpans(from: number, to: number, isBreak: (i: number) => boolean): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (isBreak(i)) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: to });
  return out;
}

function sentencesOf(s: string): Span[] {
  return splitSpans(0, s.length, (i) => /[。;!?\n]/.test(s[i]));
}

function clausesOf(s: string, span: Span): Span[] {
  return splitSpans(span.start, span.end, (i) => s[i] === "，" || (s[i] === "," && !(/\d/.test(s[i - 1] ?? "") && /\d/.test(s[i + 1] ?? ""))));
}

function depthAt(s: string, pos: number): number {
  let d = 0;
  for (let i = 0; i < pos; i++) {
    if (s[i] === "(") d++;
    else if (s[i] === ")" && d > 0) d--;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------
// words

/** Spaces, quotes, years and list numbering out; what is left is what the words name. */
export function cleanLabel(raw: string): string {
  return withoutSpaces(halfWidth(raw))
    .replace(/[“”"'‘’「」『』]/g, "")
    .replace(/(?:19|20)\d{2}(?:年度|年)?/g, "");
}

const CHANGE_WORD = /(增加|减少|增长|下降|上升|降低|提高|压减|缩减|节约|增|减)了?$/;
const COMPARISON = /(?:与|较|比|同比|相比|对比)(?:上年度?|上一年度?|去年|上年同期|同期)?(?:年初|全年)?(?:预算|决算)?数?(?:相比|比较)?(?:的)?$/;
const COMPARISON_LONG = /(?:与|较|比|同)[^与较比]{0,10}(?:相比|比较)$/;
const LEAD =
  /^(?:[,，:、]|其中|包括|主要包括|主要为|主要是|主要用于|分别为|分别是|以及|和|及|另|具体|如下|为|是|有|\(?[一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[、.])+/;
const FILLER =
  /^(?:\((?:类|款|项)\)|的|年初预算数?|全年预算数?|预算数|预算|决算数|决算|支出|安排|共计|合计|总计|总额|金额|为|是|共|计|达到?|约|了|数|拨款|财政拨款|年初|全年|本年度|本年|当年|年度|累计|实际|执行|预计|规模|:|、|,)*$/;
const FLAT = /(持平|无变化|没有变化|无增减变化|无增减|保持一致|一致|相同|无差异|不变)/;
/** A comparison with the previous year (not with the budget): 与上年, 较2020年, 与 2022 年. */
const PRIOR_YEAR = /(?:与|较|比|同)[^，,。;]*?(?:上年|去年|上一年|同期|(?:19|20)\d{2}\s*年)/;
const UP_WORDS = /增加|增长|上升|提高|增/;

function directionOf(word: string): Direction {
  return UP_WORDS.test(word) ? "up" : "down";
}

/** 预算/决算 from the words, leaving out the names of funds (一般公共预算, 基金预算 …). */
function aspectOf(label: string): "预算" | "决算" | undefined {
  const s = label.replace(/一般公共预算|政府性基金预算|基金预算|国有资本经营预算|部门预算|单位预算/g, "");
  if (/决算/.test(s)) return "决算";
  if (/预算/.test(s)) return "预算";
  return undefined;
}

interface Match {
  key: string;
  start: number;
  end: number;
}

/**
 * The keyword the label names: of the keywords followed only by filler words ("…经费支出预算", "…费为"),
 * the one that starts first (the fullest name: "一般公共预算收支预算" rather than "收支预算", "机构运转经费"
 * rather than a trailing "支出预算"), the longest at that start. Undefined when none is followed by filler only.
 */
function matchSubject(label: string, keywords: Keyword[]): { keys: string[] } | undefined {
  const found: Match[] = [];
  for (const k of keywords) {
    k.pattern.lastIndex = 0;
    for (const m of label.matchAll(k.pattern)) {
      if (m[0].length === 0) continue;
      const end = m.index! + m[0].length;
      if (isFiller(label.slice(end))) found.push({ key: k.key, start: m.index!, end });
    }
  }
  if (found.length === 0) return undefined;
  const start = Math.min(...found.map((f) => f.start));
  const atStart = found.filter((f) => f.start === start);
  const end = Math.max(...atStart.map((f) => f.end));
  return { keys: [...new Set(atStart.filter((f) => f.end === end).map((f) => f.key))] };
}

function isFiller(s: string): boolean {
  return FILLER.test(s);
}

// ---------------------------------------------------------------------------------------------------
// projects

function longestCommon(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = keep;
    }
  }
  return best;
}

/** Share of the label's characters found in the name in runs of two or more. */
function coverage(label: string, name: string): number {
  let covered = 0;
  let i = 0;
  while (i < label.length) {
    let len = 0;
    for (let l = label.length - i; l >= 2; l--) {
      if (name.includes(label.slice(i, i + l))) {
        len = l;
        break;
      }
    }
    if (len) {
      covered += len;
      i += len;
    } else i++;
  }
  return label.length ? covered / label.length : 0;
}

/**
 * The project a label names ("能力提升资金" → "…医疗服务与保障能力提升补助资金"): a run of at least four
 * characters in common (all of a shorter label), most of the label found in the name, and clearly better
 * than every other project.
 */
export function matchProject(label: string, projects: Quantity[]): Quantity | undefined {
  const core = projectCore(label);
  if (core.length < 2) return undefined;
  const scored = projects
    .map((q) => {
      const name = projectCore(q.names?.[0] ?? q.name);
      return { q, longest: longestCommon(core, name), cover: coverage(core, name) };
    })
    .filter((x) => x.longest >= Math.min(4, core.length) && x.cover >= 0.6)
    .sort((a, b) => b.longest - a.longest || b.cover - a.cover);
  if (scored.length === 0) return undefined;
  const [best, second] = scored;
  if (second && second.longest === best.longest && best.cover - second.cover < 0.2) return undefined;
  return best.q;
}

// ---------------------------------------------------------------------------------------------------
// reading

export interface ReadOptions {
  /** Every quantity of the model, by key (modelQuantities). */
  quantities: Map<string, Quantity>;
  documentKind: "预算" | "决算" | null;
  /** The document's year: an amount said of an earlier year ("2023年预算数为…") is a prior-year figure. */
  year?: number | null;
}

const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分|\d+[、.．](?!\d))/;

/** Outline level of a heading paragraph: 第一部分 0, 一、 1, （一） 2, 1、 3; undefined for other paragraphs. */
function headingLevel(text: string): number | undefined {
  const t = text.trim();
  if (/^第[一二三四五六七八九十]+部分/.test(t)) return 0;
  if (/^[一二三四五六七八九十]+、/.test(t)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  if (/^\d+[、.．](?!\d)/.test(t)) return 3;
  return undefined;
}

/** The quantity a subject key stands for, with the aspect of the words in a 决算. */
function quantityOf(key: string, aspect: Statement["aspect"], o: ReadOptions): Quantity | undefined {
  if (hasAspect(key) && o.documentKind === "决算") {
    const q = o.quantities.get(`${key}@${aspect === "预算" ? "预算数" : "决算数"}`);
    if (q) return q;
    return aspect === "预算" ? undefined : o.quantities.get(key);
  }
  // 年初预算 figures: in a 决算 only where a table has a 年初预算数 column (公开05)
  if (o.documentKind === "决算" && aspect === "预算") return o.quantities.get(`${key}@预算数`);
  return o.quantities.get(key);
}

/**
 * One key from several matched at once. The same amount under two names is fine. A “三公” item that is
 * also a 经济分类 款 (公务接待费, 公务用车运行维护费) is the “三公” item in a paragraph about “三公”经费 and the
 * 款 in one about 基本支出; anything else with different amounts is left untied.
 */
function oneKey(keys: string[], o: ReadOptions, context = ""): string | undefined {
  if (keys.length === 1) return keys[0];
  const qs = keys.map((k) => o.quantities.get(k) ?? o.quantities.get(`${k}@决算数`));
  if (qs.every((q) => q && q.value.equals(qs[0]!.value))) {
    const econ = keys.find((k) => k.startsWith("econ."));
    return econ && /基本支出|工资福利|经济分类|人员经费|公用经费/.test(context) ? econ : keys[0];
  }
  const tp = keys.filter((k) => k.startsWith("tp."));
  const others = keys.filter((k) => !k.startsWith("tp."));
  if (tp.length === 1 && others.every((k) => k.startsWith("econ."))) {
    if (/三公/.test(context)) return tp[0];
    if (others.length === 1 && /基本支出|公用经费|商品和服务支出|经济分类/.test(context)) return others[0];
  }
  return undefined;
}

/** The most paragraphs a list opened by "…其中：" is read to hold. */
const MAX_LIST = 40;

/** A numbered item that states an amount: "（三）公务用车购置及运行维护费1.20万元，…". */
const LIST_ITEM = /^\s*[(（][一二三四五六七八九十]+[)）][^。；]*?\d[\d,.]*\s*万?元/;

/** Reads every paragraph. */
export function readNarrative(paragraphs: readonly NarrativeParagraph[], o: ReadOptions): ReadParagraph[] {
  const amountWords = amountKeywords(o.quantities.values());
  const countWords = countKeywords(o.quantities.values());
  const projects = [...o.quantities.values()].filter((q) => q.family === "project");
  const out: ReadParagraph[] = [];
  let open = false;
  let groupText = "";
  let listLength = 0;
  let openedBy = "";
  const headings: string[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p].text;
    // a list runs until a heading (and is not read as one beyond MAX_LIST paragraphs); a numbered item
    // with an amount under "具体支出情况如下：" ("（一）因公出国（境）费0万元。…") is one of its items
    const continues = open && (!HEADING.test(text) || (openedBy.endsWith("如下：") && LIST_ITEM.test(text))) && listLength < MAX_LIST;
    listLength = continues ? listLength + 1 : 0;
    groupText = continues ? `${groupText}\n${text}` : text;
    const level = headingLevel(text);
    if (level !== undefined) {
      headings.length = level;
      headings[level] = text;
    }
    // what the paragraph is about: its list, and the headings it sits under
    const context = `${headings.filter(Boolean).join("\n")}\n${groupText}`;
    const rp: ReadParagraph = {
      index: p,
      text,
      cell: paragraphs[p].cell,
      ...(paragraphs[p].cellText !== undefined ? { cellText: paragraphs[p].cellText } : {}),
      statements: readParagraph(p, text, o, amountWords, countWords, projects, context),
      continues,
    };
    out.push(rp);
    if (/[:：]\s*$/.test(text)) {
      open = true;
      if (!continues) openedBy = text.trim().replace(/:$/, "：");
    } else if (!continues) open = false;
  }
  return out;
}

/** The paragraph from `from` to `to`, cut to its last 60 characters. */
export function quoteOf(s: string, from: number, to: number): string {
  const start = Math.max(from, to - 60);
  return `${start > from ? "…" : ""}${s.slice(start, to).trim()}`;
}

/** Reads one paragraph (exported for tests). */
export function readParagraph(
  p: number,
  raw: string,
  o: ReadOptions,
  amountWords: Keyword[] = amountKeywords(o.quantities.values()),
  countWords: Keyword[] = countKeywords(o.quantities.values()),
  projects: Quantity[] = [...o.quantities.values()].filter((q) => q.family === "project"),
  context: string = raw,
): Statement[] {
  const s = halfWidth(raw);
  const tokens = findNumbers(s);
  const out: Statement[] = [];
  const final = o.documentKind === "决算";
  const sentences = sentencesOf(s);
  sentences.forEach((sent, si) => {
    const sentStatements: Statement[] = [];
    clausesOf(s, sent).forEach((cl, ci) => {
      const inClause = tokens.filter((t) => t.start >= cl.start && t.end <= cl.end);
      let prevEnd = cl.start;
      for (const t of inClause) {
        const rawLabel = s.slice(prevEnd, t.start);
        prevEnd = t.end;
        if (t.threshold) continue;
        const label = cleanLabel(rawLabel);
        const st = statementOf(p, si, ci, t, label, s, cl, o, final, rawLabel);
        if (!st) continue;
        resolveSubject(st, label, s, sent, cl, sentStatements, out, o, t.unit === "辆" ? countWords : amountWords, projects, context);
        sentStatements.push(st);
        out.push(st);
      }
      // a change said in words only, after the last number of the clause: 持平, 无变化, 与上年相同
      const tailStart = inClause.length ? inClause[inClause.length - 1].end : cl.start;
      const tail = s.slice(tailStart, cl.end);
      const m = FLAT.exec(tail);
      if (m && PRIOR_YEAR.test(s.slice(cl.start, tailStart + m.index))) {
        const label = cleanLabel(tail.slice(0, m.index))
          .replace(COMPARISON_LONG, "")
          .replace(/(?:与|较|比|同)[^与较比]*$/, "");
        const st: Statement = {
          paragraph: p,
          sentence: si,
          clause: ci,
          role: "change",
          direction: "flat",
          word: m[1],
          label,
          depth: depthAt(s, tailStart + m.index),
          quote: "",
          from: cl.start,
          to: tailStart + m.index + m[1].length,
        };
        resolveSubject(st, label, s, sent, cl, sentStatements, out, o, amountWords, projects, context);
        sentStatements.push(st);
        out.push(st);
      }
    });
  });
  for (const st of out) st.quote = quoteOf(raw, st.from, st.to);
  return out;
}

/** A year before the document's, not a year-end date ("2024年末固定资产" in a 2025 budget is current). */
function earlierYear(rawLabel: string, year: number | null | undefined): boolean {
  if (!year || /年末|年底|月\s*\d+\s*日|月底/.test(rawLabel)) return false;
  return [...rawLabel.matchAll(/((?:19|20)\d{2})\s*年/g)].some((m) => Number(m[1]) < year);
}

function statementOf(
  p: number,
  si: number,
  ci: number,
  t: NumberToken,
  label: string,
  s: string,
  cl: Span,
  o: ReadOptions,
  final: boolean,
  rawLabel: string,
): Statement | undefined {
  const base = { paragraph: p, sentence: si, clause: ci, token: t, depth: depthAt(s, t.start), quote: "", from: cl.start, to: t.end };
  if (t.unit === "%") {
    let m: RegExpExecArray | null;
    if ((m = /占(?:比)?(?:为)?$/.exec(label)) || /(?:所占)?(?:比例|比重)(?:为)?$/.test(label)) return { ...base, role: "share", label };
    if ((m = /占(.{1,20}?)的(?:比例|比重)?(?:为)?$/.exec(label))) return { ...base, role: "share", label, baseText: m[1] };
    if ((m = /(增长|下降|增加|减少|上升|降低|提高)了?(?:幅度)?(?:为)?$/.exec(label)))
      return { ...base, role: "growth", label, word: m[1], direction: directionOf(m[1]) };
    if (/完成了?(?:年初|全年)?(?:预算|计划)数?的?$/.test(label)) return { ...base, role: "completion", label };
    if (label === "" && s.slice(cl.start, t.start).trim() === "") return { ...base, role: "share", label };
    return undefined;
  }
  const change = CHANGE_WORD.exec(label);
  if (change && t.unit !== "辆")
    return { ...base, role: "change", label, word: change[1], direction: directionOf(change[1]), aspect: final ? aspectOf(label) : undefined };
  if ((COMPARISON.test(label) || earlierYear(rawLabel, o.year)) && t.unit !== "辆")
    return { ...base, role: "prior", label, aspect: final ? aspectOf(label) : undefined };
  return { ...base, role: "value", label, aspect: final ? aspectOf(label) : undefined };
}

/** The subject words of a label: without the change word, the comparison and leading connectors. */
function subjectWords(st: Statement, label: string): string {
  let s = label;
  if (st.role === "change" && st.word) s = s.replace(CHANGE_WORD, "");
  if (st.role === "change" || st.role === "prior") s = s.replace(COMPARISON_LONG, "").replace(COMPARISON, "");
  if (st.role === "share" || st.role === "growth" || st.role === "completion") return "";
  let prev = "";
  while (prev !== s) {
    prev = s;
    s = s.replace(LEAD, "");
  }
  return s;
}

function resolveSubject(
  st: Statement,
  label: string,
  s: string,
  sent: Span,
  cl: Span,
  sentStatements: Statement[],
  paragraphStatements: Statement[],
  o: ReadOptions,
  words: Keyword[],
  projects: Quantity[],
  context: string,
): void {
  const w = subjectWords(st, label);
  const isPercent = st.token?.unit === "%";
  if (isPercent) {
    if (st.baseText) {
      const m = matchSubject(cleanLabel(st.baseText), words);
      const key = m ? oneKey(m.keys, o, context) : undefined;
      if (key) st.baseKey = key;
    }
    return;
  }
  if (w !== "") {
    const m = matchSubject(w, words);
    if (m) {
      const key = oneKey(m.keys, o, context);
      if (!key) return; // several things with different amounts: leave it
      st.subject = key;
      st.subjectFrom = "words";
      st.quantity = quantityOf(key, st.aspect, o);
      return;
    }
    if (!isFiller(w)) {
      // words that name something else: a project, or nothing the model holds
      if (st.role === "value" && st.token?.unit !== "辆" && projects.length && /项目/.test(s.slice(0, sent.end))) {
        const q = matchProject(w, projects);
        if (q) {
          st.subject = q.key;
          st.subjectFrom = "project";
          st.quantity = q;
        }
      }
      return;
    }
    // only filler words ("支出决算", "共计安排"): about what the sentence is about, unless they mark a part
    // of it ("其中：安排40万元用于…")
    if (st.role === "value" && /其中|包括|主要|用于|分别/.test(label)) return;
  } else if (st.role === "value" && st.token?.unit !== "辆") {
    return; // a bare number with no words ("分别为100万元、200万元"): cannot tell
  }
  const prev = [...sentStatements].reverse().find((x) => x.subject && x.depth <= st.depth && x.token?.unit !== "辆" && x.token?.unit !== "%");
  let key = prev?.subject;
  let from: Statement["subjectFrom"] = "sentence";
  if (!key && st.role === "value") {
    // a clause before it names the subject without a number ("机关运行经费包括…日常公用经费，共计安排124.28万元")
    const before = cleanLabel(s.slice(sent.start, cl.start));
    let best: Match | undefined;
    for (const k of words) {
      k.pattern.lastIndex = 0;
      for (const m of before.matchAll(k.pattern))
        if (m[0] && (!best || m.index! + m[0].length > best.end)) best = { key: k.key, start: m.index!, end: m.index! + m[0].length };
    }
    key = best?.key;
    from = "mention";
  }
  if (!key && st.role !== "value") {
    key = paragraphStatements.find((x) => x.subject && x.role === "value")?.subject;
    from = "paragraph";
  }
  if (!key) return;
  st.subject = key;
  st.subjectFrom = from;
  if (prev && from === "sentence" && st.role !== "value") st.from = Math.min(st.from, prev.from);
  if (st.aspect === undefined && prev?.aspect && st.role !== "value") st.aspect = prev.aspect === "预算" && o.documentKind === "决算" ? undefined : prev.aspect;
  st.quantity = quantityOf(key, st.aspect, o);
}
