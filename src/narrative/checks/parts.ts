/**
 * Phase 3 of the 情况说明 check, per group: parts that add up to a whole (stated amounts after a stated
 * whole, as the model says the whole is made: 基本支出 = 人员经费 + 公用经费 …), and changes of the parts
 * that add up to a stated change of the whole. Changes that add up corroborate each other (phase 4).
 */
import { ZERO } from "../../grid/decimal";
import type { Statement } from "../read";
import { EPS, fmt, stated, type CheckContext, type NarrativeIssue, type Reported, type StatementGroup } from "./context";

export const PART_MESSAGES = {
  parts: "情况说明写“{quote}”：其中{parts}之和为 {sum}万元，与所述{what} {whole}不符，相差 {diff}万元。",
  changeParts: "情况说明写“{quote}”：{parts}的增减额合计为 {sum}万元，与所述{what}{stated}不符，相差 {diff}万元。",
} as const;

type PartIssue = NarrativeIssue<keyof typeof PART_MESSAGES>;

const baseKey = (k: string) => k.replace(/@.*$/, "");

/** The statements after a whole that may be its parts: the same role and aspect, up to the next statement of the whole. */
function candidatesAfter(ctx: CheckContext, g: StatementGroup, w: Statement): Statement[] {
  const after = g.all.filter(
    (x) => g.before(w, x) && x.role === w.role && x.subject && (x.role === "change" || ctx.isAmount(x)) && (x.aspect ?? "") === (w.aspect ?? ""),
  );
  const stop = after.findIndex((x) => x.subject === w.subject);
  return stop >= 0 ? after.slice(0, stop) : after;
}

/** The stated parts of one way the whole is made, when every non-zero part (every part, for changes) is stated. */
function statedParts(ctx: CheckContext, w: Statement, alt: string[], candidates: Statement[]): Statement[] | undefined {
  const keys = alt.map(baseKey);
  const found = keys.map((k) => candidates.find((x) => x.subject === k));
  const missing = keys.filter((k, i) => {
    if (found[i]) return false;
    if (w.role === "change") return true;
    const q = ctx.quantities.get(k) ?? ctx.quantities.get(alt[i]);
    return q !== undefined && !q.value.isZero();
  });
  const present = found.filter((x): x is Statement => x !== undefined);
  return missing.length || present.length < 2 ? undefined : present;
}

/** The parts' sum against the whole: an issue beyond the summed half units, else (for changes) the parts corroborated. */
function sumIssue(ctx: CheckContext, g: StatementGroup, w: Statement, present: Statement[]): PartIssue | undefined {
  const read = (x: Statement) => (w.role === "value" ? ctx.text(x) : g.signed(x));
  let sum = ZERO;
  let tol = read(w).h;
  for (const x of present) {
    const v = read(x);
    sum = sum.plus(v.v);
    tol = tol.plus(v.h);
  }
  const whole = read(w).v;
  const diff = sum.minus(whole);
  if (diff.abs().lte(tol.plus(EPS))) return undefined;
  const partNames = present.map((x) => ctx.subjectName(x.subject)).join("、");
  const also = present.map((x) => ctx.paragraphOf(x));
  const numbers = { quantities: [], expected: fmt(whole), actual: fmt(sum), difference: fmt(diff), tolerance: fmt(tol, 4) };
  const what = ctx.subjectName(w.subject);
  if (w.role === "value")
    return ctx.issue(w, {
      also,
      messageId: "parts",
      data: { quote: w.quote, parts: partNames, sum: fmt(sum), what, whole: stated(w), diff: fmt(diff) },
      ...numbers,
    });
  return ctx.issue(w, {
    also,
    messageId: "changeParts",
    data: { quote: w.quote, parts: partNames, sum: fmt(sum), what, stated: `${w.word ?? ""}${stated(w)}`, diff: fmt(diff) },
    ...numbers,
  });
}

export function partIssues(ctx: CheckContext, g: StatementGroup, reported: Reported): { issues: PartIssue[]; corroborated: ReadonlySet<Statement> } {
  const issues: PartIssue[] = [];
  const corroborated = new Set<Statement>();
  // what this phase reports counts too, for the wholes and parts after it
  const done = new Set(reported);
  for (const w of g.all) {
    if (!w.subject || (w.role !== "value" && w.role !== "change")) continue;
    if (w.role === "value" && (!ctx.isAmount(w) || done.has(w))) continue;
    if (w.role === "change" && (!w.token || done.has(w))) continue;
    const wq = ctx.quantities.get(w.subject) ?? ctx.quantities.get(`${w.subject}@${w.aspect === "预算" ? "预算数" : "决算数"}`);
    if (!wq?.parts) continue;
    const candidates = candidatesAfter(ctx, g, w);
    for (const alt of wq.parts) {
      const present = statedParts(ctx, w, alt, candidates);
      if (!present) continue;
      if (present.some((x) => done.has(x))) break;
      const issue = sumIssue(ctx, g, w, present);
      if (issue) {
        issues.push(issue);
        done.add(w);
      } else if (w.role === "change") {
        for (const x of present) corroborated.add(x);
      }
      break;
    }
  }
  return { issues, corroborated };
}
