/**
 * Phase 2 of the 情况说明 check, per group: a prior figure written in the text against last year's known
 * figure, and each change (增加/减少/持平) against current − prior — the prior stated in its sentence, else
 * last year's known figure — or, with neither, 增加 beyond the current amount. A decrease of an item of 0
 * is left to phase 4 (it may be corroborated by the changes of its whole).
 */
import type { PriorFigure } from "../prior";
import type { TextFix } from "../fix";
import { halfOfToken, halfWidth, type Statement } from "../read";
import { EPS, fmt, stated, type CheckContext, type NarrativeIssue, type Reported, type StatementGroup, type Val } from "./context";

export const CHANGE_MESSAGES = {
  priorValue: "情况说明写“{quote}”：{what}上年数文中为 {stated}，上年数据为 {prior}万元（{priorSource}），相差 {diff}万元。",
  zeroChange: "情况说明写“{quote}”：增减额为 0 时应写“持平”或“无变化”，不应写“{stated}”。",
  direction: "情况说明写“{quote}”：{what}上年为 {prior}万元、本年为 {current}万元，实际是{actualWord} {actual}万元，文中却写“{word}”。",
  notFlat: "情况说明写“{quote}”：{what}上年为 {prior}万元、本年为 {current}万元，两者相等，应写“持平”或“无变化”，文中却写“{word}{stated}”。",
  change: "情况说明写“{quote}”：{what}上年为 {prior}万元、本年为 {current}万元，{word}额应为 {expected}万元，文中写 {stated}，相差 {diff}万元。",
  negativePrior: "情况说明写“{quote}”：{what}本年只有 {current}万元，写“{word}{stated}”意味着上年为 {prior}万元（负数），不可能；请核实增减方向和金额。",
  priorChange:
    "情况说明写“{quote}”：{what}本年为 {current}万元（{currentSource}），上年为 {prior}万元（{priorSource}），应{actualWord} {expected}万元，文中写“{said}”，相差 {diff}万元{rateNote}。",
  priorDirection:
    "情况说明写“{quote}”：{what}本年为 {current}万元（{currentSource}），上年为 {prior}万元（{priorSource}），{actualText}，文中却写“{said}”{rateNote}。",
} as const;

type ChangeIssue = NarrativeIssue<keyof typeof CHANGE_MESSAGES>;

/** A decrease said of an item whose current amount is 0: a question for phase 4 unless corroborated. */
export interface ZeroDecrease {
  st: Statement;
  what: string;
  delta: Val;
}

/**
 * A change (or 持平) against current − last year's known figure: the amount within the rounding of the
 * stated number, the current amount and the prior figure, and the direction against the sign. A wrong
 * rate said with it is named in the same finding.
 */
function againstPrior(ctx: CheckContext, g: StatementGroup, st: Statement, f: PriorFigure): ChangeIssue | undefined {
  const q = st.quantity!;
  const expected = q.value.minus(f.value);
  const d = g.signed(st);
  const tol = q.tolerance.plus(f.tolerance).plus(d.h);
  if (d.v.minus(expected).abs().lte(tol.plus(EPS))) return undefined;
  const said = st.token ? `${st.word ?? ""}${stated(st)}` : (st.word ?? "持平");
  const actualWord = expected.gt(0) ? "增加" : "减少";
  const growth = g.growthOf(st);
  let rateNote = "";
  if (growth?.token && !expected.isZero()) {
    const r = ctx.rateAgainst(q, f, { v: growth.token.value, h: halfOfToken(growth.token) });
    const growthWord = expected.gt(0) ? "增长" : "下降";
    const sameWay = (growth.direction === "up") === expected.gt(0);
    if (r && (!r.fits || !sameWay))
      rateNote = `；${growthWord}幅度应为 ${fmt(r.delta.abs())} ÷ ${fmt(f.value)} = ${fmt(r.expected)}%，文中写“${growth.word ?? ""}${fmt(growth.token.value, growth.token.decimals)}%”`;
  }
  const quote = rateNote ? ctx.quoteFrom(st, growth!) : st.quote;
  const data = { quote, what: ctx.subjectName(st.subject), ...ctx.priorData(q, f), said, rateNote };
  const numbers = { quantities: [q, ...f.quantities], expected: fmt(expected), actual: fmt(d.v) };
  const sameDirection = st.direction !== "flat" && !expected.isZero() && (st.direction === "up") === expected.gt(0);
  if (sameDirection) {
    const diff = fmt(d.v.minus(expected));
    return ctx.issue(st, {
      messageId: "priorChange",
      data: { ...data, actualWord, expected: fmt(expected.abs()), diff },
      ...numbers,
      difference: diff,
      tolerance: fmt(tol, 4),
    });
  }
  const actualText = expected.isZero() ? "两者相等，应写“持平”或“无变化”" : `实际是${actualWord} ${fmt(expected.abs())}万元`;
  return ctx.issue(st, { messageId: "priorDirection", data: { ...data, actualText }, ...numbers });
}

/** A change against current − the prior stated in its own sentence. */
function againstStatedPrior(ctx: CheckContext, g: StatementGroup, st: Statement, cur: Val, prior: Statement): ChangeIssue | undefined {
  const pv = ctx.text(prior);
  const expected = cur.v.minus(pv.v);
  const signed = g.signed(st);
  const tol = cur.h.plus(pv.h).plus(signed.h);
  const actualWord = expected.gt(tol) ? "增加" : expected.lt(tol.negated()) ? "减少" : "持平";
  const saidWord = st.direction === "flat" ? "持平" : st.direction === "up" ? "增加" : "减少";
  const what = ctx.subjectName(st.subject);
  const data = {
    quote: st.quote,
    what,
    current: fmt(cur.v),
    prior: fmt(pv.v),
    word: st.word ?? saidWord,
    actualWord,
    actual: fmt(expected.abs()),
    expected: fmt(expected.abs()),
    stated: stated(st),
    diff: fmt(signed.v.minus(expected)),
  };
  const tq = st.quantity && ctx.currentAspect(st) ? [st.quantity] : [];
  // a stated amount that current − prior allows, within the rounding of the three, is right whatever the
  // rounding leaves open ("较3.60万元增加0.01万元" for 3.61)
  if (st.token && signed.v.minus(expected).abs().lte(tol.plus(EPS))) return undefined;
  if (actualWord !== saidWord && !(actualWord === "持平" && st.token === undefined)) {
    return ctx.issue(st, { messageId: actualWord === "持平" ? "notFlat" : "direction", data, quantities: tq, expected: fmt(expected), actual: fmt(signed.v) });
  }
  if (st.token)
    return ctx.issue(st, {
      messageId: "change",
      data,
      quantities: tq,
      expected: fmt(expected),
      actual: fmt(signed.v),
      difference: data.diff,
      tolerance: fmt(tol, 4),
    });
  return undefined;
}

/** What may stand between a zero change and a zero growth said with it ("增加0.00万元，增长0%"). */
const ZERO_GROWTH_GAP = /^\s*,?\s*(?:增长|下降|增加|减少|上升|降低|提高)了?(?:幅度)?(?:为)?\s*$/;
/** "比上年" before a change: "比上年持平" is not said, "与上年持平" is ("同比", "相比" stay). */
const COMPARED_WITH_BI = /(?<![相同对])比\s*(?:上年度?|去年|上一年度?|上年同期|(?:19|20)\d{2}\s*年度?)(?:预算|决算)?数?\s*$/;

/**
 * Whether what the check knows of the change says it is not 0: the prior stated in its sentence, last
 * year's figure, or changes other than 0 said in the same sentence (its parts: "其中基本支出增加26.5万元").
 */
function notZero(ctx: CheckContext, g: StatementGroup, st: Statement, reported: Reported): boolean {
  if (g.all.some((x) => x !== st && x.role === "change" && x.token && !x.token.value.isZero() && g.sameSentence(x, st))) return true;
  const prior = g.statedPrior(st);
  const cur = g.currentOf(st, reported);
  if (cur && prior?.token) {
    const p = ctx.text(prior);
    return cur.v.minus(p.v).abs().gt(cur.h.plus(p.h).plus(EPS));
  }
  const known = prior ? undefined : ctx.knownPrior(st);
  return known !== undefined && st.quantity!.value.minus(known.value).abs().gt(st.quantity!.tolerance.plus(known.tolerance).plus(EPS));
}

/**
 * "增加0.00万元" (with a "，增长0%" said right after it) rewritten as "持平", "比上年" before it as "与上年";
 * none when what the check knows says the change is not 0, or a growth other than 0 is said with it.
 */
function zeroChangeFix(ctx: CheckContext, g: StatementGroup, st: Statement, reported: Reported): TextFix | undefined {
  const token = st.token!;
  const s = halfWidth(ctx.paragraphOf(st).text);
  const word = st.word && new RegExp(`${st.word}了?\\s*$`).exec(s.slice(0, token.start));
  if (!word || notZero(ctx, g, st, reported)) return undefined;
  let to = token.end;
  const growth = g.growthOf(st);
  if (growth?.token) {
    if (!growth.token.value.isZero() || growth.paragraph !== st.paragraph || !ZERO_GROWTH_GAP.test(s.slice(token.end, growth.token.start))) return undefined;
    to = growth.token.end;
  }
  const bi = COMPARED_WITH_BI.exec(s.slice(0, word.index));
  const replace = [{ from: word.index, to, text: "持平" }];
  if (bi) replace.unshift({ from: bi.index, to: bi.index + 1, text: "与" });
  return { replace, quote: { from: bi ? bi.index : word.index, to }, say: "fromTo" };
}

export function changeIssues(ctx: CheckContext, g: StatementGroup, reported: Reported): { issues: ChangeIssue[]; zeroDecreases: ZeroDecrease[] } {
  const issues: ChangeIssue[] = [];
  const zeroDecreases: ZeroDecrease[] = [];
  const push = (i: ChangeIssue | undefined) => void (i && issues.push(i));
  // a prior figure written in the text ("较2020年826.46万元") against last year's known figure
  for (const st of g.all) {
    if (st.role !== "prior" || !st.token || !ctx.isAmount(st) || !ctx.currentAspect(st)) continue;
    const f = ctx.priorOfSubject(st);
    if (f) push(ctx.statedAgainst(st, f.value, f.tolerance, "priorValue", { prior: fmt(f.value), priorSource: f.source }, f.quantities));
  }
  for (const st of g.all) {
    if (st.role !== "change") continue;
    if (st.token && st.token.value.isZero() && st.direction !== "flat") {
      push(
        ctx.issue(st, {
          messageId: "zeroChange",
          level: "warning",
          data: { quote: st.quote, stated: `${st.word}${stated(st)}` },
          quantities: [],
          fix: ctx.fix(st, zeroChangeFix(ctx, g, st, reported)),
        }),
      );
      continue;
    }
    if (!st.subject) continue;
    const cur = g.currentOf(st, reported);
    const prior = g.statedPrior(st);
    if (cur && prior?.token) {
      push(againstStatedPrior(ctx, g, st, cur, prior));
      continue;
    }
    const known = prior ? undefined : ctx.knownPrior(st);
    if (known) {
      push(againstPrior(ctx, g, st, known));
      continue;
    }
    if (!cur || !st.token) continue;
    const delta = ctx.text(st);
    const what = ctx.subjectName(st.subject);
    if (st.direction === "up" && delta.v.minus(delta.h).gt(cur.v.plus(cur.h).plus(EPS))) {
      const tq = st.quantity && ctx.currentAspect(st) ? [st.quantity] : [];
      push(
        ctx.issue(st, {
          messageId: "negativePrior",
          data: { quote: st.quote, what, current: fmt(cur.v), word: st.word ?? "增加", stated: stated(st), prior: fmt(cur.v.minus(delta.v)) },
          quantities: tq,
        }),
      );
    } else if (st.direction === "down" && cur.v.isZero()) {
      zeroDecreases.push({ st, what, delta });
    }
  }
  return { issues, zeroDecreases };
}
