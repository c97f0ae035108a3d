/**
 * Recognition: a workbook snapshot → BudgetModel. Finds the tables on every sheet (one per sheet or
 * stacked), knows them by their titles (or the sheet name), reads them, and reports what it could not
 * place, with the reason. Never throws on odd input.
 */
import { parseRangeA1, rangeToA1, type RangeRef } from "../grid/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../grid/workbook";
import { withoutSpaces, type AmountUnit } from "../model/amount";
import { allRows, type BudgetModel, type BudgetTable, type DocumentKind, type NarrativeParagraph, type Unrecognized } from "../model/budgetModel";
import { codeLevel, hasNumbering } from "../model/codes";
import type { MappingOverride } from "../model/mapping";
import {
  classifyTitle,
  kindOfNormalizedTitle,
  nonBudgetOfNormalizedTitle,
  nonBudgetTable,
  normalizeTitle,
  specOf,
  type TableKindSpec,
} from "../model/tableKinds";
import { isMetaText, isTagText, type TableMeta } from "./meta";
import { SheetView } from "./sheetView";
import { classifyStructure } from "./structure";
import { isNoteText, readTable, resolveHeaderYears, type BlockBounds } from "./tables";

const NARRATIVE_SHEET = /情况说明|说明$|^说明/;

/** A title row: one text (besides a form number), not a note, that names a table. */
/** The one text of a row besides form numbers (公开01表), or undefined when there is none or more than one. */
function soleText(view: SheetView, r: number): string | undefined {
  let sole: string | undefined;
  for (let k = 0, n = view.textCount(r); k < n; k++) {
    const text = view.textAt(r, k)!;
    if (isTagText(text)) continue;
    if (sole !== undefined) return undefined;
    sole = text;
  }
  return sole;
}

function titleOf(view: SheetView, r: number): string | undefined {
  const t = soleText(view, r);
  if (t === undefined) return undefined;
  if (t.length < 4 || isNoteText(t) || isMetaText(t) || !HAN.test(t)) return undefined;
  const norm = normalizeTitle(t);
  const known = kindOfNormalizedTitle(norm) ?? nonBudgetOfNormalizedTitle(norm);
  if (t.length > (known ? 160 : 60)) return undefined;
  // a numbered line ("二十三、国有资本经营预算", "4、其他固定资产") is a row label unless it names a 表
  if (hasNumbering(withoutSpaces(t)) && !norm.endsWith("表")) return undefined;
  if (known) return t;
  if (norm.endsWith("表") && !SENTENCE_PUNCTUATION.test(norm)) return t;
  return undefined;
}

const HAN = /[\u4e00-\u9fff]/;
/** Punctuation of a sentence, which a title does not have. */
const SENTENCE_PUNCTUATION = /[。；;，,]/;

function isNarrativeSheet(view: SheetView): boolean {
  if (NARRATIVE_SHEET.test(view.sheet.name)) return true;
  let long = 0;
  let total = 0;
  for (let r = view.top; r <= view.bottom; r++) {
    const n = view.textCount(r);
    if (n === 0) continue;
    total++;
    if (n === 1 && view.textAt(r, 0)!.length >= 40) long++;
  }
  return total >= 3 && long >= total * 0.6;
}

function narrativeOf(view: SheetView): NarrativeParagraph[] {
  const out: NarrativeParagraph[] = [];
  for (let r = view.top; r <= view.bottom; r++) {
    for (const t of view.rowTexts(r)) {
      const cell = view.cell(r, t.col);
      // a text typed into the cell, shown as it is (no formula, no number format that adds to it): a fix may replace it
      const typed = cell && cell.formula === undefined && typeof cell.value === "string" && cell.value === cell.text;
      out.push({ text: t.text, cell: view.location(r, t.col), ...(typed ? { cellText: cell.text } : {}) });
    }
  }
  return out;
}

interface SheetResult {
  tables: BudgetTable[];
  metas: TableMeta[];
  unrecognized: Unrecognized[];
}

function recognizeSheet(view: SheetView): SheetResult {
  const res: SheetResult = { tables: [], metas: [], unrecognized: [] };
  const name = view.sheet.name;
  const titleRows: { row: number; title: string }[] = [];
  for (let r = view.top; r <= view.bottom; r++) {
    const t = titleOf(view, r);
    if (t) titleRows.push({ row: r, title: t });
  }
  const blocks: BlockBounds[] = titleRows.map((t, i) => ({
    titleRow: t.row,
    title: t.title,
    lastRow: i + 1 < titleRows.length ? titleRows[i + 1].row - 1 : view.bottom,
    titleFromSheetName: false,
  }));
  if (blocks.length === 0) {
    blocks.push({ titleRow: view.top, title: name, lastRow: view.bottom, titleFromSheetName: true });
  } else if (titleRows[0].row > view.top) {
    // content above the first title: a table without a title of its own
    let content = false;
    for (let r = view.top; r < titleRows[0].row; r++) if (!view.isBlankRow(r)) content = true;
    if (content) {
      const b: BlockBounds = { titleRow: view.top, title: name, lastRow: titleRows[0].row - 1, titleFromSheetName: true };
      const spec = classifyTitle(name);
      if (spec) blocks.unshift(b);
      else
        res.unrecognized.push({
          sheet: name,
          range: rangeToA1({ top: view.top, left: view.left, bottom: b.lastRow, right: view.right }),
          reason: "表标题之上的内容不属于任何已知的公开表",
        });
    }
  }
  for (const b of blocks) {
    const range = rangeToA1({ top: b.titleRow, left: view.left, bottom: b.lastRow, right: view.right });
    const byTitle: TableKindSpec | undefined = classifyTitle(b.title);
    const other = byTitle ? undefined : nonBudgetTable(b.title);
    // a title no family uses: the header and rows may still say plainly what the table is
    const byStructure = byTitle || other ? undefined : classifyStructure(view, b);
    const spec = byTitle ?? byStructure?.spec;
    if (!spec) {
      const reason = other
        ? `${other}不含预算金额，不参与审核`
        : b.titleFromSheetName
          ? `没有找到表标题，工作表名「${name}」也不对应任何已知的公开表`
          : `标题「${b.title}」不是已知的预决算公开表`;
      res.unrecognized.push({ sheet: name, range, title: b.titleFromSheetName ? undefined : b.title, reason });
      continue;
    }
    const result = readTable(view, spec, b);
    if ("table" in result) {
      if (byStructure) result.table.recognizedBy = byStructure.why;
      res.tables.push(result.table);
      if (result.meta) res.metas.push(result.meta);
    } else {
      res.unrecognized.push({ sheet: name, range: result.range ?? range, title: b.title, reason: result.reason });
    }
  }
  return res;
}

function mostCommon<T>(values: (T | undefined | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined && v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

export function recognize(workbook: WorkbookSnapshot, mapping: MappingOverride[] = []): BudgetModel {
  const model: BudgetModel = {
    file: workbook.name,
    documentKind: null,
    unitName: null,
    unitCode: null,
    year: null,
    amountUnit: null,
    tables: [],
    unrecognized: [],
    narrative: [],
  };
  const metas: TableMeta[] = [];
  for (const sheet of workbook.sheets) {
    try {
      recognizeInto(
        model,
        metas,
        sheet,
        mapping.filter((o) => o.sheet === sheet.name),
      );
    } catch (e) {
      model.unrecognized.push({ sheet: sheet.name, reason: `识别此工作表时出错：${(e as Error).message}` });
    }
  }
  fillCodesByName(model);
  const titles = model.tables.map((t) => t.title);
  model.documentKind = model.tables.length === 0 ? null : titles.some((t) => /决算/.test(t)) ? "决算" : "预算";
  // the unit as the tables' meta lines name it, else as their titles do ("上海国家会计学院2010年度收支决算总表")
  model.unitName = mostCommon(metas.map((m) => m.unitName)) ?? mostCommon(titles.map(unitInTitle));
  model.unitCode = mostCommon(metas.map((m) => m.unitCode));
  model.year = mostCommon(model.tables.map((t) => t.year));
  if (model.year !== null) for (const t of model.tables) if (t.year === undefined) resolveHeaderYears(t, model.year);
  model.amountUnit = mostCommon<AmountUnit>(model.tables.filter((t) => t.blocks.length > 0).map((t) => t.unit));
  return model;
}

/** The unit a title names before its year: "上海国家会计学院2010年度收支决算总表" → 上海国家会计学院. */
function unitInTitle(title: string): string | undefined {
  const m = /^(.{4,40}?)\s*(?:19|20)\d{2}\s*年/.exec(title.trim());
  return m && !/^(部门|单位|附表|表)/.test(m[1]) ? m[1] : undefined;
}

/**
 * Rows known by name only (an OCR'd 支出决算表 without its code column) take the 功能分类 code of the
 * row with the same name elsewhere in the workbook, when that name has exactly one code.
 */
function fillCodesByName(model: BudgetModel): void {
  const codesByName = new Map<string, Set<string>>();
  for (const t of model.tables)
    for (const r of allRows(t)) {
      if (r.code && r.codeSystem === "功能分类" && r.name) {
        const set = codesByName.get(r.name) ?? new Set<string>();
        set.add(r.code);
        codesByName.set(r.name, set);
      }
    }
  for (const t of model.tables) {
    if (!t.blocks.some((b) => b.rows.some((r) => r.code && r.codeSystem === "功能分类")) && !FUNCTIONAL_TABLES.has(t.kind)) continue;
    for (const r of allRows(t)) {
      const codes = r.code || r.isTotal ? undefined : codesByName.get(r.name);
      if (codes?.size !== 1) continue;
      const code = [...codes][0];
      r.code = code;
      r.codeSystem = "功能分类";
      r.codeFromName = true;
      r.level = codeLevel(code);
    }
  }
}

/** Tables whose rows are 功能分类 subjects. */
const FUNCTIONAL_TABLES = new Set(["income_summary", "expense_summary", "gpb_expense", "gov_fund_expense", "soe_expense"]);

function recognizeInto(model: BudgetModel, metas: TableMeta[], sheet: SheetSnapshot, overrides: MappingOverride[]): void {
  if (sheet.cells.length === 0) {
    model.unrecognized.push({ sheet: sheet.name, reason: "空工作表" });
    return;
  }
  if (overrides.length > 0) {
    recognizeWithOverrides(model, metas, sheet, overrides);
    return;
  }
  const view = new SheetView(sheet);
  if (isNarrativeSheet(view)) {
    for (const p of narrativeOf(view)) model.narrative.push(p); // (a spread would overflow the stack on huge sheets)
    return;
  }
  const res = recognizeSheet(view);
  for (const t of res.tables) model.tables.push(t);
  for (const m of res.metas) metas.push(m);
  for (const u of res.unrecognized) model.unrecognized.push(u);
}

/** A copy of the sheet holding only the cells inside `range` (inside = true) or only those outside it. */
function carve(sheet: SheetSnapshot, range: RangeRef, inside: boolean): SheetSnapshot {
  const within = (r: number, c: number) => r >= range.top && r <= range.bottom && c >= range.left && c <= range.right;
  const cells = sheet.cells.map((row, i) => row.map((cell, j) => (cell && within(sheet.top + i, sheet.left + j) === inside ? cell : null)));
  const overlaps = (m: RangeRef) => m.top <= range.bottom && m.bottom >= range.top && m.left <= range.right && m.right >= range.left;
  const contained = (m: RangeRef) => m.top >= range.top && m.bottom <= range.bottom && m.left >= range.left && m.right <= range.right;
  const merges = sheet.merges.filter((m) => (inside ? contained(m) : !overlaps(m)));
  return { ...sheet, cells, merges };
}

/** The first row of a range the user assigned is its title when it holds one text that is not a note or a meta line. */
function assignedTitle(view: SheetView, row: number): string | undefined {
  const t = soleText(view, row);
  if (t === undefined) return undefined;
  return isNoteText(t) || isMetaText(t) ? undefined : t;
}

function hasContent(sheet: SheetSnapshot): boolean {
  return sheet.cells.some((row) => row.some((c) => c !== null && c.text.trim() !== ""));
}

/**
 * The user's corrections first: each assigned range is read as a table of the chosen kind (the first
 * row is its title when it reads as one), an ignored range is left out; the rest of the sheet is
 * recognized as usual.
 */
function recognizeWithOverrides(model: BudgetModel, metas: TableMeta[], sheet: SheetSnapshot, overrides: MappingOverride[]): void {
  let rest = sheet;
  const found: BudgetTable[] = [];
  for (const o of overrides) {
    let range: RangeRef;
    try {
      range = parseRangeA1(o.range);
    } catch {
      model.unrecognized.push({ sheet: sheet.name, range: o.range, reason: `映射更正中的区域「${o.range}」不是有效的单元格区域，已忽略该更正` });
      continue;
    }
    rest = carve(rest, range, false);
    if (o.kind === "ignore") continue;
    let spec: TableKindSpec;
    try {
      spec = specOf(o.kind);
    } catch {
      model.unrecognized.push({ sheet: sheet.name, range: o.range, reason: `映射更正中的表类型「${o.kind}」不存在，已忽略该更正` });
      continue;
    }
    const view = new SheetView(carve(sheet, range, true));
    const title = assignedTitle(view, range.top);
    const block: BlockBounds = { titleRow: range.top, title: title ?? spec.name, lastRow: range.bottom, titleFromSheetName: title === undefined };
    const result = readTable(view, spec, block);
    if ("table" in result) {
      result.table.range = rangeToA1(range);
      found.push(result.table);
      if (result.meta) metas.push(result.meta);
    } else {
      model.unrecognized.push({ sheet: sheet.name, range: o.range, title: title, reason: `按指定的「${spec.name}」读取失败：${result.reason}` });
    }
  }
  if (hasContent(rest)) {
    const res = recognizeSheet(new SheetView(rest));
    for (const t of res.tables) found.push(t);
    for (const m of res.metas) metas.push(m);
    for (const u of res.unrecognized) model.unrecognized.push(u);
  }
  found.sort((a, b) => parseRangeA1(a.range).top - parseRangeA1(b.range).top);
  for (const t of found) model.tables.push(t);
}

export type { DocumentKind };
