import type { Rule } from "./types";

/** X6 表名不规范：标题不是任何已知格式的表名、按表头和行识别出的表，提示核对表名或在“映射”中指定。 */
const rule: Rule = {
  meta: {
    id: "X6-nonstandard-title",
    level: "提示",
    description: "表标题不是已知公开格式的标准表名，按表头和行内容识别了表类型：请核对表名，或在“映射”中指定",
    explanation: "表标题不是已知公开格式的标准表名时，程序按表头和行内容识别了表的类型：请核对表名是否规范，识别有误时在“映射”中指定表类型。",
    example: "标题 A1 写作“台创园经费安排情况表”，表中列有因公出国（境）费、公务用车费、公务接待费，程序将它识别为财政拨款“三公”经费支出表：请核对表名。",
    tables: [],
    messages: {
      title: "标题「{title}」不是标准的表名，已按表头和行内容识别为「{kind}」（{why}）；请核对表名，识别有误时可在“映射”中指定表类型。",
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      if (!t.recognizedBy) continue;
      const at = t.titleCell ?? { sheet: t.sheet, address: t.range.split(":")[0] };
      ctx.report({
        messageId: "title",
        data: { title: t.title, kind: t.kindName, why: t.recognizedBy },
        cells: [{ sheet: at.sheet, address: at.address }],
        sheet: t.sheet,
      });
    }
  },
};
export default rule;
