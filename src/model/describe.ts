/**
 * Human-readable views of a BudgetModel: the one-screen summary the CLI prints, and the full mapping
 * (every row, every amount with its cell) that tests keep as reviewed snapshots.
 */
import { amountText, toYuan } from "./amount";
import { allRows, labelCell, type BudgetModel, type BudgetRow, type BudgetTable, type NarrativeParagraph } from "./budgetModel";
import { HIERARCHY_LEVEL_NAMES } from "./codes";

/** Body rows of a grid table (a row shared by both sides of a 收支 table counts once), or fields of a form. */
export function rowCount(t: BudgetTable): number {
  return t.fields.length > 0 ? t.fields.length : new Set(allRows(t).map((r) => r.row)).size;
}

export function rowCountText(t: BudgetTable): string {
  return t.fields.length > 0 ? `${t.fields.length} 项` : `${rowCount(t)} 行`;
}

export function modelHeadline(m: BudgetModel): string {
  const unit = m.unitName ? `${m.unitName}${m.unitCode ? `（${m.unitCode}）` : ""}` : "未识别";
  return `文档：${m.documentKind ?? "未识别"} · 单位：${unit} · 年度：${m.year ?? "未识别"} · 金额单位：${m.amountUnit ?? "未识别"}`;
}

function levelName(r: BudgetRow): string {
  if (r.isTotal) return "合计行";
  if (r.level === undefined) return "";
  return r.code && r.codeSystem !== "单位" ? (HIERARCHY_LEVEL_NAMES[r.level] ?? "") : `层级${r.level}`;
}

/** Every table with its columns, rows and amount cells, one line per row. */
/** Every table, row and amount cell of the model, and the 情况说明 checked with it (by default the workbook's own). */
export function describeMapping(m: BudgetModel, narrative: readonly NarrativeParagraph[] = m.narrative): string {
  const out: string[] = [modelHeadline(m)];
  for (const t of m.tables) {
    out.push("");
    out.push(
      `## ${t.kindName} [${t.kind}] ${t.sheet}!${t.range} 「${t.title}」 单位=${t.unit ?? "-"}${t.year ? ` 年度=${t.year}` : ""}${t.headerRange ? ` 表头=${t.headerRange}` : ""}`,
    );
    for (const f of t.fields) out.push(`  ${f.cell.address} ${f.label} = ${f.amount ? amountText(f.amount) : JSON.stringify(f.text)}`);
    for (const b of t.blocks) {
      const side = b.side ? `[${b.side}] ` : "";
      out.push(`  ${side}列：${b.columns.map((c) => `${c.letter}=${c.role}${c.subset ? "（其中）" : ""}`).join("，")}`);
      for (const r of b.rows) {
        const code = r.code ? (r.codeFromName ? `(${r.code})` : r.code) : "";
        const head = [labelCell(t, r).address, code, r.name || "（无名称）", levelName(r)].filter((s) => s !== "").join(" ");
        const amounts = Object.entries(r.amounts).map(([role, a]) => `${role}=${amountText(a)}@${a.cell.address}${a.storedAsText ? "(文本)" : ""}`);
        out.push(`    ${head}${amounts.length ? "：" + amounts.join("，") : ""}`);
      }
    }
    for (const n of t.notes) out.push(`  注 ${n.cell.address}：${n.text}`);
    for (const i of t.issues) out.push(`  单元格问题 ${i.cell.address} ${i.issue}：${JSON.stringify(i.text)}`);
  }
  for (const u of m.unrecognized) out.push(`\n未识别：${u.sheet}${u.range ? `!${u.range}` : ""} ${u.reason}`);
  if (narrative.length) out.push(`\n情况说明：${narrative.length} 段`);
  return out.join("\n");
}

/**
 * The model without its layout: no sheet names, addresses or ranges; amounts in 元. Two workbooks that
 * hold the same tables in different layouts give the same canonical model. With `thisYearOnly`, columns
 * of other periods (上年, 增减, 年初预算 …) and their amounts are left out: a workbook that adds such columns
 * to the same tables gives the same canonical model of this year's content.
 */
export function canonicalModel(m: BudgetModel, { thisYearOnly = false } = {}): unknown {
  return {
    documentKind: m.documentKind,
    unitName: m.unitName,
    unitCode: m.unitCode,
    year: m.year,
    tables: m.tables.map((t) => ({
      kind: t.kind,
      title: t.title,
      year: t.year,
      fields: t.fields.map((f) => ({ label: f.label, value: f.amount ? toYuan(f.amount.value, f.amount.unit).toString() : f.text })),
      blocks: t.blocks.map((b) => {
        const other = new Set(thisYearOnly ? b.columns.filter((c) => c.period).map((c) => c.role) : []);
        return {
          side: b.side,
          roles: b.columns.filter((c) => !other.has(c.role)).map((c) => c.role),
          rows: b.rows.map((r) => ({
            code: r.code,
            name: r.name,
            level: r.level,
            isTotal: r.isTotal,
            amounts: Object.fromEntries(
              Object.entries(r.amounts)
                .filter(([k]) => !other.has(k))
                .map(([k, a]) => [k, toYuan(a.value, a.unit).toString()]),
            ),
          })),
        };
      }),
      notes: t.notes.map((n) => n.text),
    })),
    unrecognized: m.unrecognized.map((u) => u.reason),
    narrative: m.narrative.map((p) => p.text),
  };
}
