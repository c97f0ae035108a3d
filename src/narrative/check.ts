/**
 * Checking a 情况说明 against the tables: every stated number that is tied to a model quantity is compared
 * with it (amount, unit), and the numbers of a paragraph are checked against each other (parts that add
 * up to a whole, changes that add up, 增加/减少/持平 against the sign, shares, growth rates and completion
 * rates). A stated change (and its growth rate) is checked against current − prior: the prior figure the
 * sentence states, else last year's figure of the quantity where one is known (LastYear.figures, resolved once per check by prior.ts: resolvePrior — the
 * user's figures, then the tables' 上年 columns); a prior figure the sentence states is itself compared with
 * that known figure. Amounts compare as intervals of their printed decimals.
 * The result is a list of issues with a message id and data for the rule N1-narrative's templates.
 *
 * A 决算's 年初预算 stated in the text (and the 完成率 from it) is compared with the table's 年初预算数
 * column, else with the `budget` given with the prior-year figures.
 *
 * Not yet: the Henan "收入增长…" is not tied to a given prior `total` (only 支出 is).
 */
import { withoutSpaces } from "../model/amount";
import type { BudgetModel } from "../model/budgetModel";
import { Dec, ZERO } from "../grid/decimal";
import { EXPLICIT_SOURCE, resolvePrior, type LastYear, type PriorFigure } from "./prior";
import { formatWan, modelQuantities, type Quantity } from "./quantities";
import { halfOfToken, halfWidth, quoteOf, readNarrative, toWan, type ReadParagraph, type Statement } from "./read";

export interface NarrativeIssue {
  messageId: string;
  /** Only for issues that are plausibility questions rather than contradictions. */
  level?: "warning";
  data: Record<string, string>;
  /** The paragraph the finding is on. */
  paragraph: ReadParagraph;
  /** Other paragraphs the finding involves (the parts of a whole listed in the paragraphs after it). */
  also?: ReadParagraph[];
  /** The table quantities it contradicts (their cells go into the finding). */
  quantities: Quantity[];
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
}

export interface NarrativeCheck {
  paragraphs: ReadParagraph[];
  issues: NarrativeIssue[];
}

/** A number with its rounding half-width, in 万元 (percent for percentages). */
interface Val {
  v: Dec;
  h: Dec;
}

const EPS = new Dec("1e-9");

function fmt(d: Dec, decimals = 2): string {
  return d.toFixed(decimals, Dec.ROUND_HALF_UP);
}

/** "805.64万元", or "10396723.96元（合 1039.67万元）" for a table in 元. */
function tableShown(q: Quantity): string {
  if (q.unit === "辆") return q.shown;
  if (/元$/.test(q.shown) && !/万元$/.test(q.shown)) return `${q.shown}（合 ${formatWan(q.value)}万元）`;
  return q.shown;
}

function stated(st: Statement): string {
  return st.token ? withoutSpaces(st.token.text) : st.word ?? "";
}

/** How a subject is named in messages. */
function subjectName(key: string | undefined, quantities: Map<string, Quantity>): string {
  if (!key) return "该项";
  const q = quantities.get(key) ?? quantities.get(`${key}@决算数`);
  if (q) return q.name.replace(/（决算数）$/, "");
  return NAMES[key] ?? key;
}

const NAMES: Record<string, string> = {
  "income.total": "收入合计",
  "income.grand": "收入总计",
  "expense.total": "支出合计",
  "expense.grand": "支出总计",
  "expense.gpb": "一般公共预算财政拨款支出",
  basic: "基本支出",
  project: "项目支出",
  personnel: "人员经费",
  public: "公用经费",
  operating: "机关运行经费",
  "tp.合计": "“三公”经费",
  "procurement.total": "政府采购",
  "assets.total": "固定资产总额",
};

/** Parents a share is taken of, when the sentence does not say. */
function shareParents(key: string): string[] {
  if (key === "basic" || key === "project") return ["expense.total", "expense.gpb", "expense.grand", "expense.fiscal"];
  if (key === "personnel" || key === "public") return ["basic"];
  if (key.startsWith("category.")) return ["expense.gpb", "expense.total", "expense.fiscal", "expense.grand"];
  if (key.startsWith("income.")) return ["income.total", "income.grand"];
  if (key.startsWith("tp.") && key !== "tp.合计") return ["tp.合计"];
  if (key.startsWith("procurement.") && key !== "procurement.total") return ["procurement.total"];
  if (key === "expense.gpb" || key === "expense.fiscal") return ["expense.total", "expense.grand"];
  return [];
}

const baseKey = (k: string) => k.replace(/@.*$/, "");

/** Ratio interval ×100 of two intervals (b > 0). */
function percentRange(a: Val, b: Val): [Dec, Dec] | undefined {
  const bl = b.v.minus(b.h);
  if (bl.lte(0)) return undefined;
  const lo = a.v.minus(a.h).dividedBy(b.v.plus(b.h)).times(100);
  const hi = a.v.plus(a.h).dividedBy(bl).times(100);
  return [Dec.max(lo, 0), hi];
}

function withinRange(printed: Val, range: [Dec, Dec]): boolean {
  return printed.v.plus(printed.h).plus(EPS).gte(range[0]) && printed.v.minus(printed.h).minus(EPS).lte(range[1]);
}

const SHIFT_WORDS: Record<number, string> = { 1: "十分之一", 2: "百分之一", 3: "千分之一", 4: "万分之一", [-1]: "十倍", [-2]: "一百倍", [-3]: "一千倍", [-4]: "一万倍" };

/** "；文中数约为表中数的十分之一，疑似小数点错位" when the two differ by a power of ten. */
function shiftHint(text: Val, q: Quantity): string {
  if (text.v.isZero() || q.value.isZero()) return "";
  for (const k of [1, 2, 3, 4, -1, -2, -3, -4]) {
    const f = new Dec(10).pow(k);
    if (text.v.times(f).minus(q.value).abs().lte(text.h.times(f).plus(q.tolerance).plus(EPS))) {
      return `；文中数约为表中数的${SHIFT_WORDS[k]}，疑似${Math.abs(k) === 4 ? "元与万元混淆" : "小数点错位"}`;
    }
  }
  return "";
}

/** The year a change is said against ("与2023年相比", "比 2022 年"), from its sentence up to its number. */
function comparedYear(paragraph: string, st: Statement): number | undefined {
  const s = halfWidth(paragraph);
  const end = st.token?.start ?? st.to;
  let start = end;
  while (start > 0 && !/[。;!?\n]/.test(s[start - 1])) start--;
  const years = [...s.slice(start, end).matchAll(/(?:与|较|比|同)\s*((?:19|20)\d{2})\s*年/g)];
  return years.length ? Number(years[years.length - 1][1]) : undefined;
}

export function checkNarrative(model: BudgetModel, lastYear: LastYear = resolvePrior(model)): NarrativeCheck {
  const quantities = modelQuantities(model);
  const figures = lastYear.figures;
  const paragraphs = readNarrative(model.narrative, { quantities, documentKind: model.documentKind, year: model.year });
  const issues: NarrativeIssue[] = [];
  const flagged = new Set<Statement>();
  const corroborated = new Set<Statement>();
  const byStatement = new Map<Statement, ReadParagraph>();
  for (const p of paragraphs) for (const st of p.statements) byStatement.set(st, p);

  /**
   * A 决算's 年初预算 of a quantity (一般公共预算财政拨款支出, a 类) as given with the prior-year figures
   * (--prior / the task pane's JSON `budget`), for tables without a 年初预算数 column.
   */
  const givenBudget = (subject: string | undefined): Dec | undefined => {
    const b = model.documentKind === "决算" ? lastYear.explicit?.budget : undefined;
    if (!b || !subject) return undefined;
    if (subject === "expense.gpb") return b.gpb;
    const code = /^category\.(\d+)$/.exec(subject)?.[1];
    return code ? b.categories?.[code] : undefined;
  };

  // groups: a paragraph and the paragraphs that continue its list
  const groups: ReadParagraph[][] = [];
  for (const p of paragraphs) {
    if (p.continues && groups.length) groups[groups.length - 1].push(p);
    else groups.push([p]);
  }

  const issue = (st: Statement, i: Omit<NarrativeIssue, "paragraph">) => {
    const paragraph = byStatement.get(st)!;
    const { also: others, ...rest } = i;
    const also = others?.filter((p, k, all) => p !== paragraph && all.indexOf(p) === k);
    issues.push({ ...rest, paragraph, ...(also?.length ? { also } : {}) });
    flagged.add(st);
  };

  /** The paragraph from the words of `a` to the number of `b` (b's own excerpt when they are apart). */
  const quoteFrom = (a: Statement, b: Statement): string => (a.paragraph === b.paragraph ? quoteOf(byStatement.get(b)!.text, Math.min(a.from, b.from), b.to) : b.quote);
  const text = (st: Statement): Val => ({ v: toWan(st.token!), h: halfOfToken(st.token!) });
  const isAmount = (st: Statement) => st.token !== undefined && st.token.unit !== "%" && st.token.unit !== "辆";
  const currentAspect = (st: Statement) => model.documentKind !== "决算" || st.aspect !== "预算";

  /**
   * Last year's figure of the quantity a change is said of, when one is known and the sentence compares with
   * its year (the year it names, else the year before the document's).
   */
  const knownPrior = (st: Statement): PriorFigure | undefined => {
    if (!st.quantity || !currentAspect(st)) return undefined;
    return priorOfSubject(st);
  };
  /** Last year's known figure of what a statement is about, when its sentence compares with that year. */
  const priorOfSubject = (st: Statement): PriorFigure | undefined => {
    if (!st.subject) return undefined;
    const f = figures.get(st.subject);
    if (!f) return undefined;
    const named = comparedYear(byStatement.get(st)!.text, st);
    const year = named ?? (model.year === null ? undefined : model.year - 1);
    return f.year === 0 || year === undefined || f.year === year ? f : undefined;
  };
  /** The growth rate of current − prior against a known prior; undefined when the prior is 0 (no rate from 0). */
  const rateAgainst = (q: Quantity, f: PriorFigure, printed: Val) => {
    const prior: Val = { v: f.value, h: f.tolerance };
    if (prior.v.minus(prior.h).lte(0)) return undefined;
    const delta = q.value.minus(f.value);
    const range = percentRange({ v: delta.abs(), h: q.tolerance.plus(f.tolerance) }, prior);
    return { delta, expected: delta.abs().dividedBy(f.value).times(100), fits: !range || withinRange(printed, range) };
  };
  /** What the messages say of the current amount and of the prior figure. */
  const priorData = (q: Quantity, f: PriorFigure) => ({ current: fmt(q.value), currentSource: q.source, prior: fmt(f.value), priorSource: f.source });

  // 1. stated amounts and counts against the tables
  for (const p of paragraphs) {
    for (const st of p.statements) {
      const q = st.quantity;
      if (!q || !st.token || st.role !== "value") continue;
      const what = q.family === "project" ? `项目「${q.name}」预算数` : q.name;
      if (st.token.unit === "辆") {
        if (!st.token.value.equals(q.value)) issue(st, { messageId: "count", data: { quote: st.quote, what, stated: stated(st), source: q.source, shown: tableShown(q) }, quantities: [q], expected: q.value.toString(), actual: st.token.value.toString() });
        continue;
      }
      if (st.token.unit === "%") continue;
      const t = text(st);
      const fits = (v: Dec, h: Dec) => v.minus(q.value).abs().lte(h.plus(q.tolerance).plus(EPS));
      if (fits(t.v, t.h)) {
        if (st.token.malformed) {
          const fix = `${formatWan(q.value, model.documentKind === "决算" || st.token.digits.includes(","))}${st.token.unitText === "万" ? "万" : st.token.unit}`;
          issue(st, { messageId: "malformed", level: "warning", data: { quote: st.quote, stated: stated(st), source: q.source, shown: tableShown(q), fix }, quantities: [q] });
        }
        continue;
      }
      // the number is right but the unit is not (“165.42 元” for 165.42万元)
      if (st.token.unit !== "万元" && fits(st.token.value, halfOfToken({ ...st.token, unit: "万元" }))) {
        issue(st, { messageId: "unit", data: { quote: st.quote, what, stated: stated(st), source: q.source, shown: tableShown(q), fix: `${st.token.digits}万元` }, quantities: [q], expected: `${formatWan(q.value)}万元`, actual: stated(st) });
        continue;
      }
      const diff = t.v.minus(q.value);
      issue(st, {
        messageId: "amount",
        data: { quote: st.quote, what, stated: stated(st), source: q.source, shown: tableShown(q), diff: fmt(diff), hint: shiftHint(t, q) },
        quantities: [q],
        expected: formatWan(q.value),
        actual: fmt(t.v, Math.max(2, st.token.decimals)),
        difference: fmt(diff),
        tolerance: fmt(t.h.plus(q.tolerance), 4),
      });
    }
  }

  /**
   * A stated amount against a figure known from elsewhere than this year's tables (last year's, a given
   * 年初预算): an issue when they differ beyond the stated number's half unit and the figure's rounding.
   */
  const statedAgainst = (st: Statement, known: Dec, tolerance: Dec, messageId: string, data: Record<string, string>, sources: Quantity[]) => {
    const t = text(st);
    const diff = t.v.minus(known);
    const tol = t.h.plus(tolerance);
    if (diff.abs().lte(tol.plus(EPS))) return;
    issue(st, {
      messageId,
      data: { quote: st.quote, what: subjectName(st.subject, quantities), stated: stated(st), diff: fmt(diff), ...data },
      quantities: sources,
      expected: fmt(known),
      actual: fmt(t.v, Math.max(2, st.token!.decimals)),
      difference: fmt(diff),
      tolerance: fmt(tol, 4),
    });
  };

  // a stated 年初预算 that no table column holds, against the one given with the prior-year figures
  for (const p of paragraphs) {
    for (const st of p.statements) {
      if (st.role !== "value" || st.quantity || !isAmount(st) || st.aspect !== "预算") continue;
      const b = givenBudget(st.subject);
      if (b !== undefined) statedAgainst(st, b, ZERO, "budgetValue", { budget: fmt(b), source: EXPLICIT_SOURCE }, []);
    }
  }

  for (const group of groups) {
    const all = group.flatMap((p) => p.statements);
    const order = new Map(all.map((st, i) => [st, i]));
    const before = (a: Statement, b: Statement) => order.get(a)! < order.get(b)!;
    const sameSentence = (a: Statement, b: Statement) => a.paragraph === b.paragraph && a.sentence === b.sentence;

    /** The current-year value of a subject: the table's, else the latest stated one before `st`. */
    const currentOf = (st: Statement): Val | undefined => {
      if (st.quantity && currentAspect(st)) return { v: st.quantity.value, h: st.quantity.tolerance };
      const prev = all.filter((x) => x.role === "value" && x.subject === st.subject && isAmount(x) && currentAspect(x) && before(x, st)).pop();
      if (prev) return prev.quantity && !flagged.has(prev) ? { v: prev.quantity.value, h: prev.quantity.tolerance } : text(prev);
      return undefined;
    };
    const valueOf = (st: Statement): Val => (st.quantity && st.role === "value" ? { v: st.quantity.value, h: ZERO } : text(st));
    const signed = (st: Statement): Val => {
      if (st.direction === "flat" || !st.token) return { v: ZERO, h: ZERO };
      const t = text(st);
      return { v: st.direction === "down" ? t.v.negated() : t.v, h: t.h };
    };

    /** The growth rate said of a change: the first after it in its sentence, before another change with an amount. */
    const growthOf = (change: Statement): Statement | undefined => {
      for (const x of all) {
        if (!before(change, x) || !sameSentence(x, change)) continue;
        if (x.role === "change" && x.token) return undefined;
        if (x.role === "growth" && x.token) return x;
      }
      return undefined;
    };

    /**
     * A change (or 持平) against current − last year's known figure: the amount within the rounding of the
     * stated number, the current amount and the prior figure, and the direction against the sign. A wrong
     * rate said with it is named in the same finding.
     */
    const againstPrior = (st: Statement, f: PriorFigure) => {
      const q = st.quantity!;
      const expected = q.value.minus(f.value);
      const d = signed(st);
      const tol = q.tolerance.plus(f.tolerance).plus(d.h);
      if (d.v.minus(expected).abs().lte(tol.plus(EPS))) return;
      const said = st.token ? `${st.word ?? ""}${stated(st)}` : st.word ?? "持平";
      const actualWord = expected.gt(0) ? "增加" : "减少";
      const growth = growthOf(st);
      let rateNote = "";
      if (growth?.token && !expected.isZero()) {
        const r = rateAgainst(q, f, { v: growth.token.value, h: halfOfToken(growth.token) });
        const growthWord = expected.gt(0) ? "增长" : "下降";
        const sameWay = (growth.direction === "up") === expected.gt(0);
        if (r && (!r.fits || !sameWay)) rateNote = `；${growthWord}幅度应为 ${fmt(r.delta.abs())} ÷ ${fmt(f.value)} = ${fmt(r.expected)}%，文中写“${growth.word ?? ""}${fmt(growth.token.value, growth.token.decimals)}%”`;
      }
      const quote = rateNote ? quoteFrom(st, growth!) : st.quote;
      const what = subjectName(st.subject, quantities);
      const data = { quote, what, ...priorData(q, f), said, rateNote };
      const numbers = { quantities: [q, ...f.quantities], expected: fmt(expected), actual: fmt(d.v) };
      const sameDirection = st.direction !== "flat" && !expected.isZero() && (st.direction === "up") === expected.gt(0);
      if (sameDirection) {
        const diff = fmt(d.v.minus(expected));
        issue(st, { messageId: "priorChange", data: { ...data, actualWord, expected: fmt(expected.abs()), diff }, ...numbers, difference: diff, tolerance: fmt(tol, 4) });
      } else {
        const actualText = expected.isZero() ? "两者相等，应写“持平”或“无变化”" : `实际是${actualWord} ${fmt(expected.abs())}万元`;
        issue(st, { messageId: "priorDirection", data: { ...data, actualText }, ...numbers });
      }
    };

    // 2. changes: 增加/减少/持平 against current − prior (the prior stated in the sentence, else last year's
    //    known figure), 增加 beyond the current amount
    const zeroDecreases: { st: Statement; what: string; delta: Val }[] = [];
    // a prior figure written in the text ("较2020年826.46万元") against last year's known figure
    for (const st of all) {
      if (st.role !== "prior" || !st.token || !isAmount(st) || !currentAspect(st)) continue;
      const f = priorOfSubject(st);
      if (f) statedAgainst(st, f.value, f.tolerance, "priorValue", { prior: fmt(f.value), priorSource: f.source }, f.quantities);
    }
    for (const st of all) {
      if (st.role !== "change") continue;
      if (st.token && st.token.value.isZero() && st.direction !== "flat") {
        issue(st, { messageId: "zeroChange", level: "warning", data: { quote: st.quote, stated: `${st.word}${stated(st)}` }, quantities: [] });
        continue;
      }
      if (!st.subject) continue;
      const what = subjectName(st.subject, quantities);
      const cur = currentOf(st);
      const prior = all.filter((x) => x.role === "prior" && x.subject === st.subject && sameSentence(x, st) && before(x, st)).pop();
      const tq = st.quantity && currentAspect(st) ? [st.quantity] : [];
      if (cur && prior?.token) {
        const pv = text(prior);
        const expected = cur.v.minus(pv.v);
        const tol = cur.h.plus(pv.h).plus(signed(st).h);
        const actualWord = expected.gt(tol) ? "增加" : expected.lt(tol.negated()) ? "减少" : "持平";
        const saidWord = st.direction === "flat" ? "持平" : st.direction === "up" ? "增加" : "减少";
        const data = { quote: st.quote, what, current: fmt(cur.v), prior: fmt(pv.v), word: st.word ?? saidWord, actualWord, actual: fmt(expected.abs()), expected: fmt(expected.abs()), stated: stated(st), diff: fmt(signed(st).v.minus(expected)) };
        // a stated amount that current − prior allows, within the rounding of the three, is right whatever the
        // rounding leaves open ("较3.60万元增加0.01万元" for 3.61)
        if (st.token && signed(st).v.minus(expected).abs().lte(tol.plus(EPS))) continue;
        if (actualWord !== saidWord && !(actualWord === "持平" && st.token === undefined)) {
          issue(st, { messageId: actualWord === "持平" ? "notFlat" : "direction", data, quantities: tq, expected: fmt(expected), actual: fmt(signed(st).v) });
        } else if (st.token) {
          issue(st, { messageId: "change", data, quantities: tq, expected: fmt(expected), actual: fmt(signed(st).v), difference: data.diff, tolerance: fmt(tol, 4) });
        }
        continue;
      }
      const known = prior ? undefined : knownPrior(st);
      if (known) {
        againstPrior(st, known);
        continue;
      }
      if (!cur || !st.token) continue;
      const delta = text(st);
      if (st.direction === "up" && delta.v.minus(delta.h).gt(cur.v.plus(cur.h).plus(EPS))) {
        issue(st, { messageId: "negativePrior", data: { quote: st.quote, what, current: fmt(cur.v), word: st.word ?? "增加", stated: stated(st), prior: fmt(cur.v.minus(delta.v)) }, quantities: tq });
      } else if (st.direction === "down" && cur.v.isZero()) {
        zeroDecreases.push({ st, what, delta });
      }
    }


    // 3. parts that add up to a whole (amounts), and changes that add up to a change
    for (const w of all) {
      if (!w.subject || (w.role !== "value" && w.role !== "change")) continue;
      if (w.role === "value" && (!isAmount(w) || flagged.has(w))) continue;
      if (w.role === "change" && (!w.token || flagged.has(w))) continue;
      const wq = quantities.get(w.subject) ?? quantities.get(`${w.subject}@${w.aspect === "预算" ? "预算数" : "决算数"}`);
      if (!wq?.parts) continue;
      const after = all.filter((x) => before(w, x) && x.role === w.role && x.subject && (x.role === "change" || isAmount(x)) && (x.aspect ?? "") === (w.aspect ?? ""));
      const stop = after.findIndex((x) => x.subject === w.subject);
      const candidates = stop >= 0 ? after.slice(0, stop) : after;
      for (const alt of wq.parts) {
        const keys = alt.map(baseKey);
        const found = keys.map((k) => candidates.find((x) => x.subject === k));
        const missing = keys.filter((k, i) => {
          if (found[i]) return false;
          if (w.role === "change") return true;
          const q = quantities.get(k) ?? quantities.get(alt[i]);
          return q !== undefined && !q.value.isZero();
        });
        const present = found.filter((x): x is Statement => x !== undefined);
        if (missing.length || present.length < 2) continue;
        if (present.some((x) => flagged.has(x))) break;
        let sum = ZERO;
        let tol = w.role === "value" ? text(w).h : signed(w).h;
        for (const x of present) {
          const v = w.role === "value" ? text(x) : signed(x);
          sum = sum.plus(v.v);
          tol = tol.plus(v.h);
        }
        const whole = w.role === "value" ? text(w).v : signed(w).v;
        const diff = sum.minus(whole);
        const partNames = present.map((x) => subjectName(x.subject, quantities)).join("、");
        if (diff.abs().gt(tol.plus(EPS))) {
          const also = present.map((x) => byStatement.get(x)!);
          if (w.role === "value") issue(w, { also, messageId: "parts", data: { quote: w.quote, parts: partNames, sum: fmt(sum), what: subjectName(w.subject, quantities), whole: stated(w), diff: fmt(diff) }, quantities: [], expected: fmt(whole), actual: fmt(sum), difference: fmt(diff), tolerance: fmt(tol, 4) });
          else issue(w, { also, messageId: "changeParts", data: { quote: w.quote, parts: partNames, sum: fmt(sum), what: subjectName(w.subject, quantities), stated: `${w.word ?? ""}${stated(w)}`, diff: fmt(diff) }, quantities: [], expected: fmt(whole), actual: fmt(sum), difference: fmt(diff), tolerance: fmt(tol, 4) });
        } else if (w.role === "change") {
          for (const x of present) corroborated.add(x);
        }
        break;
      }
    }

    // 4. an item of 0 said to have decreased: the decrease is the whole prior amount; fine when the changes
    //    of the items add up to a stated total change, a question otherwise
    for (const { st, what, delta } of zeroDecreases) {
      if (corroborated.has(st) || flagged.has(st)) continue;
      const q = st.quantity && currentAspect(st) ? st.quantity : undefined;
      const source = q ? `（${q.source} ${q.shown.startsWith("空白") ? "为空白" : `为 ${q.shown}`}）` : "";
      issue(st, { messageId: "zeroDecrease", level: "warning", data: { quote: st.quote, what, source, stated: stated(st), delta: fmt(delta.v, Math.max(2, st.token!.decimals)) }, quantities: q ? [q] : [] });
    }

    // 5. shares, growth rates and completion rates
    for (const st of all) {
      if (!st.token || st.token.unit !== "%") continue;
      const printed: Val = { v: st.token.value, h: halfOfToken(st.token) };
      const earlier = all.filter((x) => before(x, st) && sameSentence(x, st));
      if (st.role === "share") {
        const part = earlier.filter((x) => x.role === "value" && isAmount(x)).pop();
        if (!part) continue;
        let base: Val | undefined;
        let baseName = "";
        let baseQ: Quantity | undefined;
        if (st.baseText !== undefined) {
          if (!st.baseKey) continue;
          const stmt = all.filter((x) => x.role === "value" && x.subject === st.baseKey && isAmount(x) && before(x, st) && (x.aspect ?? "") === (part.aspect ?? "")).pop();
          baseQ = stmt?.quantity ?? quantities.get(st.baseKey);
          base = stmt ? valueOf(stmt) : baseQ ? { v: baseQ.value, h: ZERO } : undefined;
          baseName = st.baseText;
        } else {
          if (!part.subject) continue;
          const parents = shareParents(part.subject);
          const stmt = all.filter((x) => x.role === "value" && x.subject && parents.includes(x.subject) && isAmount(x) && before(x, part) && (x.aspect ?? "") === (part.aspect ?? "")).pop();
          if (!stmt) continue;
          base = valueOf(stmt);
          baseQ = stmt.quantity;
          baseName = subjectName(stmt.subject, quantities);
        }
        if (!base) continue;
        const pv = valueOf(part);
        const range = percentRange(pv, base);
        const quote = quoteFrom(part, st);
        if (!range || withinRange(printed, range)) continue;
        const expected = pv.v.dividedBy(base.v).times(100);
        issue(st, { messageId: "share", data: { quote, part: part.subject ? subjectName(part.subject, quantities) : cleanName(part.label), whole: baseName, partValue: fmt(pv.v), wholeValue: fmt(base.v), expected: fmt(expected), stated: fmt(st.token.value, st.token.decimals) }, quantities: [part.quantity, baseQ].filter((q): q is Quantity => q !== undefined), expected: fmt(expected), actual: st.token.value.toString() });
      } else if (st.role === "growth") {
        const change = earlier.filter((x) => x.role === "change" && x.token).pop();
        if (!change?.subject) continue;
        const cur = currentOf(change);
        const priorSt = all.filter((x) => x.role === "prior" && x.subject === change.subject && sameSentence(x, change) && before(x, change)).pop();
        const d = signed(change);
        const known = priorSt ? undefined : knownPrior(change);
        if (known) {
          // the change's own finding names a wrong rate said with it
          if (flagged.has(change)) continue;
          const q = change.quantity!;
          const what = subjectName(change.subject, quantities);
          if (!d.v.isZero() && (st.direction === "up") !== d.v.gt(0)) {
            issue(st, { messageId: "growthDirection", data: { quote: quoteFrom(change, st), what, change: `${change.word}${stated(change)}`, word: st.word ?? "" }, quantities: [] });
            continue;
          }
          const r = rateAgainst(q, known, printed);
          if (!r || r.fits) continue;
          const data = { quote: quoteFrom(change, st), what, ...priorData(q, known), word: st.word ?? "", delta: fmt(r.delta.abs()), expected: fmt(r.expected), stated: fmt(st.token.value, st.token.decimals) };
          issue(st, { messageId: "priorGrowth", data, quantities: [q, ...known.quantities], expected: fmt(r.expected), actual: st.token.value.toString() });
          continue;
        }
        if (!cur && !priorSt) continue;
        const prior: Val = priorSt?.token ? text(priorSt) : { v: cur!.v.minus(d.v), h: cur!.h.plus(d.h) };
        if (prior.v.minus(prior.h).lte(0)) continue;
        const growthUp = st.direction === "up";
        const changeUp = d.v.gt(0);
        const what = subjectName(change.subject, quantities);
        const expected = d.v.abs().dividedBy(prior.v).times(100);
        const range = percentRange({ v: d.v.abs(), h: d.h }, prior);
        if (!range) continue;
        const quote = quoteFrom(change, st);
        if (!d.v.isZero() && growthUp !== changeUp) {
          issue(st, { messageId: "growthDirection", data: { quote, what, change: `${change.word}${stated(change)}`, word: st.word ?? "" }, quantities: [] });
        } else if (!withinRange(printed, range)) {
          issue(st, { messageId: "growth", data: { quote, what, delta: fmt(d.v.abs()), prior: fmt(prior.v), expected: fmt(expected), stated: fmt(st.token.value, st.token.decimals), word: st.word ?? "" }, quantities: change.quantity && currentAspect(change) ? [change.quantity] : [], expected: fmt(expected), actual: st.token.value.toString() });
        }
      } else if (st.role === "completion") {
        const fin = earlier.filter((x) => x.role === "value" && isAmount(x) && currentAspect(x)).pop();
        if (!fin?.subject) continue;
        const budgetSt = earlier.filter((x) => x.role === "value" && isAmount(x) && x.aspect === "预算" && x.subject === fin.subject).pop();
        const budgetQ = quantities.get(`${fin.subject}@预算数`);
        const given = budgetQ ? undefined : givenBudget(fin.subject);
        const budget: Val | undefined = given !== undefined ? { v: given, h: ZERO } : budgetSt ? valueOf(budgetSt) : budgetQ ? { v: budgetQ.value, h: ZERO } : undefined;
        if (!budget) continue;
        const fv = valueOf(fin);
        const range = percentRange(fv, budget);
        if (!range || withinRange(printed, range)) continue;
        const expected = fv.v.dividedBy(budget.v).times(100);
        issue(st, { messageId: "completion", data: { quote: quoteFrom(budgetSt ?? fin, st), what: subjectName(fin.subject, quantities), final: fmt(fv.v), budget: fmt(budget.v), expected: fmt(expected), stated: fmt(st.token.value, st.token.decimals) }, quantities: [fin.quantity, budgetSt?.quantity ?? budgetQ].filter((q): q is Quantity => q !== undefined), expected: fmt(expected), actual: st.token.value.toString() });
      }
    }
  }
  // keep the paragraphs' order for the findings
  issues.sort((a, b) => a.paragraph.index - b.paragraph.index);
  return { paragraphs, issues };
}

function cleanName(label: string): string {
  return label.replace(/^[,，:、]+/, "") || "该项";
}
