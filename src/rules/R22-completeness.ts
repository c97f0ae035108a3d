import type { TableKind } from "../model/tableKinds";
import { specOf } from "../model/tableKinds";
import { tableHasData } from "../model/query/tables";
import type { Rule } from "./types";

const EMPTY_NOTE = /空表|本表无数据|无数据|本表为空/;

/** A template's instruction to the officer left in the published table instead of the explanation it asks for. */
const TEMPLATE_INSTRUCTION = /仍保留该表格式|在本表下方作(下述|相关|如下)?说明|如本表为空表/;

/**
 * What the 情况说明 says when a table is empty because the unit has no such funds ("本单位无政府性基金预算
 * 拨款安排的支出", "2023年无使用国有资本经营预算拨款安排的支出"): the explanation may stand there instead
 * of under the table.
 */
const SAID_EMPTY: Partial<Record<TableKind, RegExp>> = {
  gov_fund_expense: /(无|没有|未)[^。；;]{0,16}政府性基金/,
  soe_expense: /(无|没有|未)[^。；;]{0,16}国有资本经营/,
  three_public: /(无|没有|未)[^。；;]{0,12}“?三公”?经费/,
  procurement: /(无|没有|未)[^。；;]{0,8}政府采购/,
};

/** R22 必须公开的表齐全；没有数据的表注明“空表列示”，有数据的表不得注明空表。 */
const rule: Rule = {
  meta: {
    id: "R22-completeness",
    level: "强制",
    description: "本格式必须公开的表齐全；没有数据的表应在表下或情况说明中说明“无…”；有数据的表不应注明空表；表下不应留有模板的填写说明",
    explanation:
      "按工作簿所属公开格式必须公开的表应当齐全；没有数据的表也要公开，并在表下或情况说明中说明“无…，空表列示”；有数据的表不应注明空表，表下也不应留有模板的填写说明。",
    example: "政府采购预算表列有金属质柜类、台式计算机等七项采购，表下 A12 却注明“注：无政府采购预算，空表列示。”：说明与表格内容矛盾，应删去或改写。",
    tables: [],
    messages: {
      missing: "缺少必须公开的「{table}」（按「{profile}」的公开要求）。",
      partial:
        "只识别出 {present} 张「{profile}」必须公开的表，本工作簿可能只是公开材料的一部分，未逐表检查是否齐全（缺少{missing}）；若为整套材料，请在“映射”中指定未识别的表。",
      templateInstruction: "「{table}」表下留有模板的填写说明“{note}”，应改为本单位的实际说明。",
      emptyWithoutNote: "「{table}」没有数据，但表下没有“无…，空表列示”的说明。",
      noteWithData: "「{table}」有数据，但表下注明“{note}”，说明与表格内容矛盾。",
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.tables.length === 0 || !m.documentKind) return;
    // what the family publishes: a table outside its mandatory set may be absent
    const profile = ctx.settings.profile;
    const missing = (profile?.mandatory ?? []).filter((kind) => !m.tables.some((t) => t.kind === kind));
    const present = (profile?.mandatory.length ?? 0) - missing.length;
    // a workbook holding fewer than half of the set is a part of a package (one table published on its own), not a package with tables left out
    if (profile && missing.length && present * 2 < profile.mandatory.length)
      ctx.report({
        messageId: "partial",
        level: "warning",
        data: { present, profile: profile.name, missing: missing.map((k) => `「${specOf(k).name}」`).join("") },
        cells: [],
      });
    else for (const kind of missing) ctx.report({ messageId: "missing", data: { table: specOf(kind).name, profile: profile!.name }, cells: [] });
    const narrative = ctx.settings.narrative.map((p) => p.text).join("\n");
    for (const t of m.tables) {
      if (t.blocks.length === 0) continue;
      const note = t.notes.find((n) => EMPTY_NOTE.test(n.text));
      const hasData = tableHasData(t);
      const at = t.titleCell ?? { sheet: t.sheet, address: t.range.split(":")[0] };
      const instruction = t.notes.find((n) => TEMPLATE_INSTRUCTION.test(n.text));
      if (instruction)
        ctx.report({
          messageId: "templateInstruction",
          level: "warning",
          data: { table: t.kindName, note: instruction.text },
          cells: [{ sheet: instruction.cell.sheet, address: instruction.cell.address }],
          sheet: t.sheet,
        });
      const explainedInText = SAID_EMPTY[t.kind]?.test(narrative) ?? false;
      if (!hasData && !note && !explainedInText)
        ctx.report({ messageId: "emptyWithoutNote", data: { table: t.kindName }, cells: [{ sheet: t.sheet, address: at.address }], sheet: t.sheet });
      if (hasData && note)
        ctx.report({
          messageId: "noteWithData",
          data: { table: t.kindName, note: note.text },
          cells: [{ sheet: note.cell.sheet, address: note.cell.address }],
          suspect: note.cell,
          sheet: t.sheet,
        });
    }
  },
};
export default rule;
