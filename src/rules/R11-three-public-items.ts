import { threePublicItems, type ThreePublicItem } from "../model/query/threePublic";
import type { Term } from "../model/terms";
import type { Rule } from "./types";

/** R11 “三公”经费：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车 = 购置费 + 运行维护费；含会议费、培训费的表：合计 = “三公”小计 + 会议费 + 培训费。 */
const rule: Rule = {
  meta: {
    id: "R11-three-public-items",
    level: "强制",
    description: "“三公”经费：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费",
    explanation:
      "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和，公务用车购置及运行维护费应等于购置费与运行维护费之和；表中另列会议费、培训费时，合计应等于“三公”小计加会议费、培训费。",
    example:
      "“三公”经费表合计 C6 为 3.61 万元，公务用车购置及运维费 C8 填成 3.10 万元，加上公务接待费 C11 的 0.61 万元为 3.71 万元，相差 0.10 万元；C8 也不等于其下购置费与运行维护费之和 3.00 万元：C8 很可能填错。",
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
