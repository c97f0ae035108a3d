/**
 * Phase 1 of the 情况说明 check: every stated amount and count tied to a table quantity against it (the
 * number, its unit, a malformed number), and a stated 年初预算 that no table column holds against the one
 * given with the prior-year figures.
 */
import { Dec, ZERO } from "../../grid/decimal";
import { EXPLICIT_SOURCE } from "../prior";
import { formatWan, type Quantity } from "../quantities";
import { withoutSpaces } from "../../model/amount";
import type { TextFix } from "../fix";
import { halfOfToken, type NumberToken, type Statement } from "../read";
import { EPS, fmt, stated, tableShown, type CheckContext, type NarrativeIssue, type Val } from "./context";

export const AMOUNT_MESSAGES = {
  amount: "情况说明写“{quote}”：{what}为 {stated}，但{source} 为 {shown}，相差 {diff}万元{hint}。",
  unit: "情况说明写“{quote}”：{what}写成了 {stated}，单位有误——{source} 为 {shown}，应写作 {fix}。",
  malformed: "情况说明写“{quote}”：金额“{stated}”写法有误（多了一个小数点），按{source}（{shown}）应写作 {fix}。",
  count: "情况说明写“{quote}”：{what}为 {stated}，但{source} 为 {shown}。",
  budgetValue: "情况说明写“{quote}”：{what}年初预算文中为 {stated}，{source}中的年初预算为 {budget}万元，相差 {diff}万元。",
} as const;

type AmountIssue = NarrativeIssue<keyof typeof AMOUNT_MESSAGES>;

const SHIFT_WORDS: Record<number, string> = {
  1: "十分之一",
  2: "百分之一",
  3: "千分之一",
  4: "万分之一",
  [-1]: "十倍",
  [-2]: "一百倍",
  [-3]: "一千倍",
  [-4]: "一万倍",
};

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

/** "1.367.05" (dots for thousands separators): "1,367.05", when every group before the last dot has three digits. */
function separatorsFixed(digits: string): string | undefined {
  if (!/^\d{1,3}(?:\.\d{3})+\.\d+$/.test(digits)) return undefined;
  const last = digits.lastIndexOf(".");
  return digits.slice(0, last).replace(/\./g, ",") + digits.slice(last);
}

/** The unit of a stated number replaced ("165.42 元" → "165.42 万元"), the label quoting the number corrected. */
function unitFix(token: NumberToken, unit: string): TextFix {
  return { replace: [{ from: token.end - token.unitText.length, to: token.end, text: unit }], quote: { from: token.start, to: token.end }, say: "to" };
}

/**
 * A malformed number in 万元 whose digits, read with the last dot as the decimal point, are the table's
 * figure at the stated decimals: the dots before it were meant as thousands separators.
 */
function malformedFix(token: NumberToken, q: Quantity): { fix: TextFix; text: string } | undefined {
  const digits = token.unit === "万元" ? separatorsFixed(token.digits) : undefined;
  if (!digits || !token.value.equals(q.value.toDecimalPlaces(token.decimals, Dec.ROUND_HALF_UP))) return undefined;
  const fix: TextFix = {
    replace: [{ from: token.start, to: token.start + token.digits.length, text: digits }],
    quote: { from: token.start, to: token.end },
    say: "to",
  };
  return { fix, text: withoutSpaces(digits + token.text.slice(token.digits.length)) };
}

/** A stated value (role value, with a number) against the quantity it is tied to. */
function amountIssue(ctx: CheckContext, st: Statement, q: Quantity): AmountIssue | undefined {
  const token = st.token!;
  const what = q.family === "project" ? `项目「${q.name}」预算数` : q.name;
  if (token.unit === "辆") {
    if (token.value.equals(q.value)) return undefined;
    return ctx.issue(st, {
      messageId: "count",
      data: { quote: st.quote, what, stated: stated(st), source: q.source, shown: tableShown(q) },
      quantities: [q],
      expected: q.value.toString(),
      actual: token.value.toString(),
    });
  }
  if (token.unit === "%") return undefined;
  const t = ctx.text(st);
  const fits = (v: Dec, h: Dec) => v.minus(q.value).abs().lte(h.plus(q.tolerance).plus(EPS));
  if (fits(t.v, t.h)) {
    if (!token.malformed) return undefined;
    const certain = malformedFix(token, q);
    const fix =
      certain?.text ?? `${formatWan(q.value, ctx.model.documentKind === "决算" || token.digits.includes(","))}${token.unitText === "万" ? "万" : token.unit}`;
    return ctx.issue(st, {
      messageId: "malformed",
      level: "warning",
      data: { quote: st.quote, stated: stated(st), source: q.source, shown: tableShown(q), fix },
      quantities: [q],
      fix: ctx.fix(st, certain?.fix),
    });
  }
  // the number is right but the unit is not (“165.42 元” for 165.42万元): fixed when it is the table's figure exactly
  if (token.unit !== "万元" && fits(token.value, halfOfToken({ ...token, unit: "万元" }))) {
    return ctx.issue(st, {
      messageId: "unit",
      data: { quote: st.quote, what, stated: stated(st), source: q.source, shown: tableShown(q), fix: `${token.digits}万元` },
      quantities: [q],
      expected: `${formatWan(q.value)}万元`,
      actual: stated(st),
      fix: ctx.fix(st, token.value.equals(q.value) ? unitFix(token, "万元") : undefined),
    });
  }
  const diff = t.v.minus(q.value);
  return ctx.issue(st, {
    messageId: "amount",
    data: { quote: st.quote, what, stated: stated(st), source: q.source, shown: tableShown(q), diff: fmt(diff), hint: shiftHint(t, q) },
    quantities: [q],
    expected: formatWan(q.value),
    actual: fmt(t.v, Math.max(2, token.decimals)),
    difference: fmt(diff),
    tolerance: fmt(t.h.plus(q.tolerance), 4),
    // 万元 written for 元: the number is the table's figure in 元 exactly
    fix: ctx.fix(st, token.unit === "万元" && token.value.equals(q.value.times(10000)) ? unitFix(token, "元") : undefined),
  });
}

export function amountIssues(ctx: CheckContext): AmountIssue[] {
  const issues: AmountIssue[] = [];
  for (const p of ctx.paragraphs) {
    for (const st of p.statements) {
      if (!st.quantity || !st.token || st.role !== "value") continue;
      const i = amountIssue(ctx, st, st.quantity);
      if (i) issues.push(i);
    }
  }
  // a stated 年初预算 that no table column holds, against the one given with the prior-year figures
  for (const p of ctx.paragraphs) {
    for (const st of p.statements) {
      if (st.role !== "value" || st.quantity || !ctx.isAmount(st) || st.aspect !== "预算") continue;
      const b = ctx.givenBudget(st.subject);
      const i = b === undefined ? undefined : ctx.statedAgainst(st, b, ZERO, "budgetValue", { budget: fmt(b), source: EXPLICIT_SOURCE }, []);
      if (i) issues.push(i);
    }
  }
  return issues;
}
