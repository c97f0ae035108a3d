/**
 * Phase 5 of the 情况说明 check, per group: percentages. A share against the part ÷ the whole it is said of
 * (named after 占, else the whole the part belongs to), a growth rate against its change ÷ the prior (the
 * prior stated, last year's known figure, or current − change), a 完成率 against 决算 ÷ 年初预算.
 */
import { Dec, ZERO } from "../../grid/decimal";
import type { TextFix } from "../fix";
import type { Quantity } from "../quantities";
import { halfOfToken, type Statement } from "../read";
import { fmt, percentRange, stated, withinRange, type CheckContext, type NarrativeIssue, type Reported, type StatementGroup, type Val } from "./context";

export const RATE_MESSAGES = {
  share: "情况说明写“{quote}”：{part}占{whole}的比例应为 {partValue} ÷ {wholeValue} = {expected}%，文中写 {stated}%。",
  growth: "情况说明写“{quote}”：{what}{word} {delta}万元，上年应为 {prior}万元，{word}幅度应为 {delta} ÷ {prior} = {expected}%，文中写 {stated}%。",
  growthDirection: "情况说明写“{quote}”：{what}{change}，幅度却写成“{word}”，增减方向前后矛盾。",
  completion: "情况说明写“{quote}”：{what}完成率应为 决算 {final}万元 ÷ 预算 {budget}万元 = {expected}%，文中写 {stated}%。",
  priorGrowth:
    "情况说明写“{quote}”：{what}本年为 {current}万元（{currentSource}），上年为 {prior}万元（{priorSource}），{word}幅度应为 {delta} ÷ {prior} = {expected}%，文中写 {stated}%。",
} as const;

type RateIssue = NarrativeIssue<keyof typeof RATE_MESSAGES>;

/** A stated amount that is its table's figure exactly: tied, not reported by an earlier phase, the same number. */
function isTableFigure(ctx: CheckContext, st: Statement | undefined, reported: Reported): st is Statement {
  return st !== undefined && st.quantity !== undefined && !reported.has(st) && ctx.isAmount(st) && ctx.text(st).v.equals(st.quantity.value);
}

/** A stated percentage rewritten as `value`, with as many decimals as it was written with. */
function rateFix(st: Statement, value: Dec): TextFix {
  const t = st.token!;
  return { replace: [{ from: t.start, to: t.start + t.digits.length, text: fmt(value, t.decimals) }], quote: { from: t.start, to: t.end }, say: "to" };
}

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

function cleanName(label: string): string {
  return label.replace(/^[,，:、]+/, "") || "该项";
}

/** The whole a share is of: the one named after 占, else the latest stated whole the part belongs to. */
function shareBase(
  ctx: CheckContext,
  g: StatementGroup,
  st: Statement,
  part: Statement,
): { base: Val; name: string; q?: Quantity; stated?: Statement } | undefined {
  const sameAspect = (x: Statement) => (x.aspect ?? "") === (part.aspect ?? "");
  if (st.baseText !== undefined) {
    if (!st.baseKey) return undefined;
    const stmt = g.all.filter((x) => x.role === "value" && x.subject === st.baseKey && ctx.isAmount(x) && g.before(x, st) && sameAspect(x)).pop();
    const q = stmt?.quantity ?? ctx.quantities.get(st.baseKey);
    const base = stmt ? g.valueOf(stmt) : q ? { v: q.value, h: ZERO } : undefined;
    return base && { base, name: st.baseText, q, stated: stmt };
  }
  if (!part.subject) return undefined;
  const parents = shareParents(part.subject);
  const stmt = g.all
    .filter((x) => x.role === "value" && x.subject && parents.includes(x.subject) && ctx.isAmount(x) && g.before(x, part) && sameAspect(x))
    .pop();
  return stmt && { base: g.valueOf(stmt), name: ctx.subjectName(stmt.subject), q: stmt.quantity, stated: stmt };
}

function shareIssue(ctx: CheckContext, g: StatementGroup, st: Statement, printed: Val, earlier: Statement[], reported: Reported): RateIssue | undefined {
  const part = earlier.filter((x) => x.role === "value" && ctx.isAmount(x)).pop();
  if (!part) return undefined;
  const whole = shareBase(ctx, g, st, part);
  if (!whole) return undefined;
  const pv = g.valueOf(part);
  const range = percentRange(pv, whole.base);
  if (!range || withinRange(printed, range)) return undefined;
  const expected = pv.v.dividedBy(whole.base.v).times(100);
  const data = {
    quote: ctx.quoteFrom(part, st),
    part: part.subject ? ctx.subjectName(part.subject) : cleanName(part.label),
    whole: whole.name,
    partValue: fmt(pv.v),
    wholeValue: fmt(whole.base.v),
    expected: fmt(expected),
    stated: fmt(st.token!.value, st.token!.decimals),
  };
  return ctx.issue(st, {
    messageId: "share",
    data,
    quantities: [part.quantity, whole.q].filter((q): q is Quantity => q !== undefined),
    expected: fmt(expected),
    actual: st.token!.value.toString(),
    // recomputed from the part and the whole the text states, when both are the tables' figures
    fix: ctx.fix(st, isTableFigure(ctx, part, reported) && isTableFigure(ctx, whole.stated, reported) ? rateFix(st, expected) : undefined),
  });
}

/** A growth rate against last year's known figure of the change's quantity (the change's own finding names a wrong rate said with it). */
function priorGrowthIssue(ctx: CheckContext, g: StatementGroup, st: Statement, change: Statement, printed: Val, reported: Reported): RateIssue | undefined {
  const known = ctx.knownPrior(change)!;
  if (reported.has(change)) return undefined;
  const q = change.quantity!;
  const what = ctx.subjectName(change.subject);
  const d = g.signed(change);
  if (!d.v.isZero() && (st.direction === "up") !== d.v.gt(0)) {
    return ctx.issue(st, {
      messageId: "growthDirection",
      data: { quote: ctx.quoteFrom(change, st), what, change: `${change.word}${stated(change)}`, word: st.word ?? "" },
      quantities: [],
    });
  }
  const r = ctx.rateAgainst(q, known, printed);
  if (!r || r.fits) return undefined;
  const data = {
    quote: ctx.quoteFrom(change, st),
    what,
    ...ctx.priorData(q, known),
    word: st.word ?? "",
    delta: fmt(r.delta.abs()),
    expected: fmt(r.expected),
    stated: fmt(st.token!.value, st.token!.decimals),
  };
  // the stated change is this year's figure less last year's exactly: the rate from them is certain
  const fix = d.v.equals(q.value.minus(known.value)) ? rateFix(st, r.expected) : undefined;
  return ctx.issue(st, {
    messageId: "priorGrowth",
    data,
    quantities: [q, ...known.quantities],
    expected: fmt(r.expected),
    actual: st.token!.value.toString(),
    fix: ctx.fix(st, fix),
  });
}

function growthIssue(ctx: CheckContext, g: StatementGroup, st: Statement, printed: Val, earlier: Statement[], reported: Reported): RateIssue | undefined {
  const change = earlier.filter((x) => x.role === "change" && x.token).pop();
  if (!change?.subject) return undefined;
  const priorSt = g.statedPrior(change);
  if (!priorSt && ctx.knownPrior(change)) return priorGrowthIssue(ctx, g, st, change, printed, reported);
  const cur = g.currentOf(change, reported);
  if (!cur && !priorSt) return undefined;
  const d = g.signed(change);
  const prior: Val = priorSt?.token ? ctx.text(priorSt) : { v: cur!.v.minus(d.v), h: cur!.h.plus(d.h) };
  if (prior.v.minus(prior.h).lte(0)) return undefined;
  const what = ctx.subjectName(change.subject);
  const expected = d.v.abs().dividedBy(prior.v).times(100);
  const range = percentRange({ v: d.v.abs(), h: d.h }, prior);
  if (!range) return undefined;
  const quote = ctx.quoteFrom(change, st);
  if (!d.v.isZero() && (st.direction === "up") !== d.v.gt(0)) {
    return ctx.issue(st, {
      messageId: "growthDirection",
      data: { quote, what, change: `${change.word}${stated(change)}`, word: st.word ?? "" },
      quantities: [],
    });
  }
  if (withinRange(printed, range)) return undefined;
  const data = {
    quote,
    what,
    delta: fmt(d.v.abs()),
    prior: fmt(prior.v),
    expected: fmt(expected),
    stated: fmt(st.token!.value, st.token!.decimals),
    word: st.word ?? "",
  };
  // certain only with the prior stated in the sentence and this year's table figure less it exactly the stated change
  const tied = change.quantity && ctx.currentAspect(change) ? change.quantity : undefined;
  const certain = tied && priorSt?.token && !reported.has(priorSt) && !reported.has(change) && tied.value.minus(prior.v).equals(d.v);
  return ctx.issue(st, {
    messageId: "growth",
    data,
    quantities: tied ? [tied] : [],
    expected: fmt(expected),
    actual: st.token!.value.toString(),
    fix: ctx.fix(st, certain ? rateFix(st, expected) : undefined),
  });
}

function completionIssue(ctx: CheckContext, g: StatementGroup, st: Statement, printed: Val, earlier: Statement[], reported: Reported): RateIssue | undefined {
  const fin = earlier.filter((x) => x.role === "value" && ctx.isAmount(x) && ctx.currentAspect(x)).pop();
  if (!fin?.subject) return undefined;
  const budgetSt = earlier.filter((x) => x.role === "value" && ctx.isAmount(x) && x.aspect === "预算" && x.subject === fin.subject).pop();
  const budgetQ = ctx.quantities.get(`${fin.subject}@预算数`);
  const given = budgetQ ? undefined : ctx.givenBudget(fin.subject);
  const budget: Val | undefined =
    given !== undefined ? { v: given, h: ZERO } : budgetSt ? g.valueOf(budgetSt) : budgetQ ? { v: budgetQ.value, h: ZERO } : undefined;
  if (!budget) return undefined;
  const fv = g.valueOf(fin);
  const range = percentRange(fv, budget);
  if (!range || withinRange(printed, range)) return undefined;
  const expected = fv.v.dividedBy(budget.v).times(100);
  const data = {
    quote: ctx.quoteFrom(budgetSt ?? fin, st),
    what: ctx.subjectName(fin.subject),
    final: fmt(fv.v),
    budget: fmt(budget.v),
    expected: fmt(expected),
    stated: fmt(st.token!.value, st.token!.decimals),
  };
  return ctx.issue(st, {
    messageId: "completion",
    data,
    quantities: [fin.quantity, budgetSt?.quantity ?? budgetQ].filter((q): q is Quantity => q !== undefined),
    expected: fmt(expected),
    actual: st.token!.value.toString(),
    // recomputed from the 决算 and 年初预算 the text states, when both are the table's figures
    fix: ctx.fix(st, given === undefined && isTableFigure(ctx, fin, reported) && isTableFigure(ctx, budgetSt, reported) ? rateFix(st, expected) : undefined),
  });
}

export function rateIssues(ctx: CheckContext, g: StatementGroup, reported: Reported): RateIssue[] {
  const issues: RateIssue[] = [];
  for (const st of g.all) {
    if (!st.token || st.token.unit !== "%") continue;
    const printed: Val = { v: st.token.value, h: halfOfToken(st.token) };
    const earlier = g.all.filter((x) => g.before(x, st) && g.sameSentence(x, st));
    const issue =
      st.role === "share"
        ? shareIssue(ctx, g, st, printed, earlier, reported)
        : st.role === "growth"
          ? growthIssue(ctx, g, st, printed, earlier, reported)
          : st.role === "completion"
            ? completionIssue(ctx, g, st, printed, earlier, reported)
            : undefined;
    if (issue) issues.push(issue);
  }
  return issues;
}
