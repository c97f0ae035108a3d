import { threePublicItems, type ThreePublicItem } from "../model/query/threePublic";
import type { Term } from "../model/terms";
import type { Rule } from "./types";

/** R11 “三公”经费：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车 = 购置费 + 运行维护费；含会议费、培训费的表：合计 = “三公”小计 + 会议费 + 培训费。 */
const rule: Rule = {
  meta: {
    id: "R11-three-public-items",
    level: "强制",
    description: "“三公”经费：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费",
    tables: ["three_public"],
    messages: {
      items: "{leftLabel} {left} 应等于 {parts} 之和 {right}，相差 {diff}{unit}，{verdict}。",
    },
  },
  check(ctx) {
    for (const t of ctx.tables("three_public")) {
      for (const items of threePublicItems(t).values()) {
        const get = (k: ThreePublicItem) => items.get(k);
        const eq = (left: Term | undefined, keys: ThreePublicItem[]) => {
          const parts = keys.map(get).filter((x): x is Term => x !== undefined);
          if (!left || parts.length === 0) return;
          ctx.equation({
            left: [left],
            right: parts,
            messageId: "items",
            data: { leftLabel: left.label, parts: parts.map((p) => p.label.replace(/^「[^」]*」/, "")).join(" + ") },
            sheet: t.sheet,
          });
        };
        const three: ThreePublicItem[] = ["因公出国", "公务用车", "公务接待"];
        if (get("小计")) {
          eq(get("小计"), three);
          eq(get("合计"), ["小计", "会议费", "培训费"]);
        } else if (get("合计") && three.some((k) => get(k))) {
          eq(get("合计"), three);
        }
        eq(get("公务用车"), ["购置", "运行"]);
      }
    }
  },
};
export default rule;
