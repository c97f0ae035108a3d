/**
 * Phase 4 of the 情况说明 check: an item of 0 said to have decreased. The decrease is then the whole prior
 * amount: fine when the changes of the items add up to a stated total change (phase 3 corroborated it), a
 * question otherwise.
 */
import type { Statement } from "../read";
import type { ZeroDecrease } from "./changes";
import { fmt, stated, type CheckContext, type NarrativeIssue, type Reported } from "./context";

export const ZERO_DECREASE_MESSAGES = {
  zeroDecrease:
    "情况说明写“{quote}”：表中{what}本年为 0{source}，写“减少{stated}”即上年为 {delta}万元，但文中和表中都没有可以印证的上年数或增减合计；若上年也为 0，应写“与上年持平”或“无变化”，请核实。",
} as const;

type ZeroDecreaseIssue = NarrativeIssue<keyof typeof ZERO_DECREASE_MESSAGES>;

export function zeroDecreaseIssues(
  ctx: CheckContext,
  decreases: ZeroDecrease[],
  reported: Reported,
  corroborated: ReadonlySet<Statement>,
): ZeroDecreaseIssue[] {
  const issues: ZeroDecreaseIssue[] = [];
  for (const { st, what, delta } of decreases) {
    if (corroborated.has(st) || reported.has(st)) continue;
    const q = st.quantity && ctx.currentAspect(st) ? st.quantity : undefined;
    const source = q ? `（${q.source} ${q.shown.startsWith("空白") ? "为空白" : `为 ${q.shown}`}）` : "";
    issues.push(
      ctx.issue(st, {
        messageId: "zeroDecrease",
        level: "warning",
        data: { quote: st.quote, what, source, stated: stated(st), delta: fmt(delta.v, Math.max(2, st.token!.decimals)) },
        quantities: q ? [q] : [],
      }),
    );
  }
  return issues;
}
