/** Reading one table block (title, meta, header, body, notes) into a BudgetTable. */
import { rangeToA1 } from "../grid/address";
import { isCellError } from "../grid/workbook";
import {
  CellAmount,
  isShownNumber,
  normalizeText,
  numberOfValue,
  readCount,
  readShownNumber,
  squash,
  withoutSpaces,
  type Amount,
  type AmountUnit,
} from "../model/amount";
import type { BudgetRow, BudgetTable, CellIssue, ColumnInfo, FormField, TableBlock } from "../model/budgetModel";
import {
  CHINESE_NUMBERED,
  cleanCode,
  codeLevel,
  guessCodeSystem,
  isKnownCategory,
  isSubjectCode,
  levelFromNumbering,
  NUMBERED,
  QIZHONG,
  type CodeSystem,
} from "../model/codes";
import type { TableKindSpec } from "../model/tableKinds";
import { assignRoles, classifyColumns, headerPaths, isLanciRow, isSubsetColumn, namesYear, type ColumnDraft, type ColumnRole } from "./columns";
import { amountUnitIn, isMetaText, parseMeta, type TableMeta } from "./meta";
import type { SheetView } from "./sheetView";

export interface BlockBounds {
  titleRow: number;
  title: string;
  /** Last row of the block (before the next title). */
  lastRow: number;
  titleFromSheetName: boolean;
}

const NOTE = /^(注|备注|说明|附注|填报说明)[\d一二三四五六七八九十]*[:：、.．]/;
const TOTAL_NAMES = new Set(["合计", "总计"]);
/** A row that counts things (车辆数（辆）, 人数) rather than money: its numbers carry no amount unit. */
const COUNT_LABEL = /[(（](辆|台|个|人|平方米|套|件|台、辆)[)）]|车辆数|人数|个数|次数/;
/** A row label naming a total: 合计, 总计, 本年收入合计, 人员经费合计, “三公”经费合计 … */
const TOTAL_LABEL = /(合计|总计)$/;
const ALL_DIGITS = /^\d+$/;
const DIGIT = /\d/;
const DIGIT_FIRST = /^\d/;
/** A subject code printed before the name in the name cell: "[2080109]行政运行", "2080109行政运行". */
const CODE_BEFORE_NAME = /^\[?(\d{3}(?:\d{2}){0,2})\]?(?=[\u4e00-\u9fff])(.*)$/;
/** A section about assets (see readRow). */
const ASSET_SECTION = /资产占用|车辆|设备/;

export function isNoteText(text: string): boolean {
  return NOTE.test(withoutSpaces(text));
}

export type TableResult = { table: BudgetTable; meta?: TableMeta } | { reason: string; range?: string };

/** Rows after the title that carry the form number, unit and year. */
function metaRows(view: SheetView, b: BlockBounds): { rows: number[]; next: number } {
  const rows: number[] = [];
  let r = b.titleFromSheetName ? b.titleRow : b.titleRow + 1;
  for (; r <= b.lastRow; r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) continue;
    if (texts.every((t) => isMetaText(t.text))) rows.push(r);
    else break;
  }
  return { rows, next: r };
}

/**
 * Whether a row after the first header row holds data rather than more header. A row partly covered
 * by a merge that starts in the header is still header; otherwise numbers, subject codes, or a first
 * label that is a total (合计) or a numbered item (一、) mean data.
 */
function looksLikeData(view: SheetView, r: number, headerRows: number[]): boolean {
  for (let c = view.left; c <= view.right; c++) {
    const m = view.merge(r, c);
    if (m && m.top < r && headerRows.includes(m.top)) return false; // continues a header cell above
    if (m && m.top === r && m.bottom > r) return false; // a header cell spanning rows below
  }
  const texts = view.rowTexts(r);
  for (const { col, text } of texts) {
    const cell = view.cell(r, col);
    if (cell && typeof cell.value === "number") return true;
    if (isShownNumber(text)) return true;
    if (isSubjectCode(cleanCode(text)) && text.length >= 3) return true;
  }
  const first = texts[0]?.text ?? "";
  if (TOTAL_NAMES.has(squash(first)) || NUMBERED.test(first) || QIZHONG.test(first)) return true;
  // a lone label in the first column under a multi-cell header: the first row of an empty table
  const prev = view.rowTexts(headerRows[headerRows.length - 1]);
  return texts.length === 1 && prev.length > 1;
}

/**
 * Columns holding text in the given rows. For a grid a merge does not widen it (a header merged past
 * the last filled column adds no column); a form's merged value cells do count.
 */
function extent(view: SheetView, rows: number[], withMerges = false): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const r of rows) {
    const n = view.textCount(r);
    if (n === 0) continue;
    left = Math.min(left, view.textColAt(r, 0)!); // (texts are left to right)
    if (!withMerges) right = Math.max(right, view.textColAt(r, n - 1)!);
    else
      for (let k = 0; k < n; k++) {
        const col = view.textColAt(r, k)!;
        right = Math.max(right, view.merge(r, col)?.right ?? col);
      }
  }
  return Number.isFinite(left) ? { left, right } : { left: view.left, right: view.left };
}

function readAmount(view: SheetView, r: number, c: number, unit: AmountUnit | null, counts: boolean, issues: CellIssue[]): Amount | undefined {
  const cell = view.cell(r, c);
  if (!cell || view.isCovered(r, c)) return undefined;
  if (isCellError(cell.value)) {
    issues.push({ cell: view.location(r, c), text: cell.text, issue: "error-value" });
    return undefined;
  }
  const text = cell.text;
  if (cell.uncalculated) {
    issues.push({ cell: view.location(r, c), text: `=${cell.formula ?? ""}`, issue: "uncalculated" });
    return undefined;
  }
  if (text.trim() === "") return undefined;
  const shown = readShownNumber(text);
  let number = counts ? (shown ?? readCount(text)) : shown;
  if (number === null && typeof cell.value === "number") number = numberOfValue(cell.value); // an exotic format
  if (number === null) {
    issues.push({ cell: view.location(r, c), text, issue: "not-a-number" });
    return undefined;
  }
  // a number typed as text ("1,234.50"), not a count with its unit word or a dash for zero
  const storedAsText = typeof cell.value === "string" && shown !== null && DIGIT.test(normalizeText(text));
  const a = new CellAmount(number, counts ? null : unit, view.sheet.name, r, c, text, storedAsText);
  if (cell.formula) a.formula = cell.formula;
  return a;
}

/** Splits columns into side-by-side groups: a label column after an amount column starts a new group. */
function groupColumns(drafts: ColumnDraft[], sideBySide: boolean): ColumnDraft[][] {
  const used = drafts.filter((d) => d.kind !== "blank" && (d.header.length > 0 || d.kind !== "text"));
  if (!sideBySide) return [used];
  const groups: ColumnDraft[][] = [];
  let cur: ColumnDraft[] = [];
  let seenAmount = false;
  for (const d of used) {
    const isLabel = d.kind === "seq" || d.kind === "code" || d.kind === "name";
    if (isLabel && seenAmount) {
      groups.push(cur);
      cur = [];
      seenAmount = false;
    }
    cur.push(d);
    if (d.kind === "amount") seenAmount = true;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

function sideName(group: ColumnDraft[], index: number): string {
  const cols = group.filter((d) => d.kind !== "seq");
  const first = cols[0]?.header[0];
  if (first && cols.every((d) => d.header[0] === first) && /^(收入|支出)/.test(first)) return first.replace(/[:：]$/, "");
  return index === 0 ? "" : String(index + 1);
}

/** The columns of one group, sorted by what they hold: computed once per table, used for every row. */
interface GroupLayout {
  group: ColumnDraft[];
  roles: Map<number, ColumnRole>;
  codeCols: ColumnDraft[];
  split: Partial<Record<"类" | "款" | "项", ColumnDraft>>;
  unitCodeCol?: ColumnDraft;
  nameCol?: ColumnDraft;
  amountCols: ColumnDraft[];
}

function groupLayout(group: ColumnDraft[], roles: Map<number, ColumnRole>): GroupLayout {
  const codeCols = group.filter((d) => d.kind === "code" && d.codeSystem !== "单位" && d.codeSystem !== "项目");
  const split: GroupLayout["split"] = {};
  for (const d of codeCols) if (d.codePart && !split[d.codePart]) split[d.codePart] = d;
  return {
    group,
    roles,
    codeCols,
    split,
    unitCodeCol: group.find((d) => d.kind === "code" && d.codeSystem === "单位"),
    nameCol: group.find((d) => d.kind === "name"),
    amountCols: group.filter((d) => d.kind === "amount"),
  };
}

/**
 * A row's subject code from its code columns: 类/款/项 in columns of their own (a row that leaves the 类
 * or 款 blank has those of the rows above it), or one code column; "" when there is none.
 */
function rowCode(view: SheetView, r: number, layout: GroupLayout, inherited: { 类?: string; 款?: string }): { code: string; codeSystem?: CodeSystem } {
  const { codeCols, split } = layout;
  if (split.类 || split.款 || split.项) {
    const part = (d: ColumnDraft | undefined) => (d ? cleanCode(view.text(r, d.col)) : "");
    let lei = part(split.类);
    let kuan = part(split.款);
    const xiang = part(split.项);
    if (!lei && (kuan || xiang)) lei = inherited.类 ?? "";
    if (!kuan && xiang) kuan = inherited.款 ?? "";
    if (lei) {
      inherited.类 = lei;
      inherited.款 = kuan || undefined;
    }
    const code = lei + kuan + (kuan ? xiang : "");
    return { code: ALL_DIGITS.test(code) ? code : "", codeSystem: (split.类 ?? split.款 ?? split.项)!.codeSystem as CodeSystem };
  }
  if (codeCols.length > 0) {
    const raw = cleanCode(view.text(r, codeCols[0].col));
    if (isSubjectCode(raw)) return { code: raw, codeSystem: (codeCols[0].codeSystem as CodeSystem | undefined) ?? guessCodeSystem(raw) };
  }
  return { code: "" };
}

function readRow(
  view: SheetView,
  r: number,
  layout: GroupLayout,
  unit: AmountUnit | null,
  inherited: { 类?: string; 款?: string; countSection?: boolean },
  issues: CellIssue[],
): BudgetRow | undefined {
  const { codeCols, unitCodeCol, nameCol } = layout;
  let { code, codeSystem } = rowCode(view, r, layout, inherited);
  let name = nameCol ? squash(view.shownText(r, nameCol.col)) : "";
  if (nameCol && view.isCovered(r, nameCol.col) && view.merge(r, nameCol.col)?.top !== r) name = "";
  if (!code) {
    const embedded = CODE_BEFORE_NAME.exec(name);
    if (embedded) {
      code = embedded[1];
      name = embedded[2];
      codeSystem = guessCodeSystem(code);
    }
  }
  // a code column that holds a label (合计) when the table has no separate name cell for it
  if (!name && codeCols.length > 0 && !code) {
    const t = squash(view.text(r, codeCols[0].col));
    if (t && !ALL_DIGITS.test(t)) name = t;
  }
  let unitCode: string | undefined;
  if (code.length === 3 && !isKnownCategory(code, codeSystem)) {
    // a unit code in the 类 column ("308 平顶山市石龙区医疗保障局"), not a 类 of the classification
    unitCode = code;
    code = "";
  }
  if (unitCodeCol && !unitCode) {
    const u = cleanCode(view.text(r, unitCodeCol.col));
    if (ALL_DIGITS.test(u)) unitCode = u;
  }
  let amounts: Record<string, Amount> | undefined;
  // in a section about assets (三、国有资产占用情况: 车辆数, 设备数) every number is a count
  if (CHINESE_NUMBERED.test(name)) inherited.countSection = ASSET_SECTION.test(name);
  // (only in one-column statistics such as 公开10; a 固定资产 row "车辆（台、辆）" has a count and a value column)
  const countRow = layout.amountCols.length === 1 && (COUNT_LABEL.test(name) || Boolean(inherited.countSection));
  for (const d of layout.amountCols) {
    const a = readAmount(view, r, d.col, unit, Boolean(d.counts) || countRow, issues);
    if (a) (amounts ??= {})[layout.roles.get(d.col)!.role] = a;
  }
  if (!code && !name && !unitCode && !amounts) return undefined;
  const isTotal = TOTAL_LABEL.test(name) && name.length <= 12;
  let level: number | undefined;
  if (isTotal) level = 0;
  else if (code) level = codeLevel(code) || undefined;
  else level = levelFromNumbering(name);
  const labelCol = nameCol?.col ?? codeCols[0]?.col ?? layout.group[0].col;
  if (!code && unitCode) {
    code = unitCode;
    codeSystem = "单位";
  }
  // (every row has all the fields, those it lacks undefined: rows keep one shape for the rules that read them)
  return {
    row: r,
    code: code || undefined,
    codeSystem: code ? codeSystem : undefined,
    codeFromName: undefined,
    name,
    level: codeSystem === "单位" ? undefined : level,
    isTotal,
    labelCol,
    amounts: amounts ?? NO_AMOUNTS,
  };
}

/**
 * The amounts of every row that has none (headings, blank rows of an empty table: two rows in five of
 * the sample's tables): one frozen record rather than an empty one per row.
 */
const NO_AMOUNTS: Record<string, Amount> = Object.freeze({});

function readGrid(view: SheetView, spec: TableKindSpec, b: BlockBounds, meta: TableMeta, start: number): TableResult {
  // header: from the first row after the meta lines to the 栏次 row or the first row that holds data
  const headerRows: number[] = [];
  let r = start;
  for (; r <= b.lastRow; r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) continue; // blank rows between title, header and body
    if (texts.length === 1 && isNoteText(texts[0].text)) break;
    if (isLanciRow(view, r)) {
      headerRows.push(r);
      r++;
      break;
    }
    if (headerRows.length > 0 && looksLikeData(view, r, headerRows)) break;
    if (headerRows.length >= 5) break;
    headerRows.push(r);
  }
  if (headerRows.length === 0) return { reason: `找到标题「${b.title}」，但标题下没有表头` };
  // body: up to the notes
  const bodyRows: number[] = [];
  const noteRows: number[] = [];
  const headerLine = (q: number) =>
    view
      .rowTexts(q)
      .map((t) => `${t.col}:${squash(t.text)}`)
      .join("|");
  const headerLines = new Set(headerRows.map(headerLine));
  const headerFirsts = new Set(headerRows.map((q) => view.rowTexts(q)[0]?.text));
  for (let q = r; q <= b.lastRow; q++) {
    const n = view.textCount(q);
    if (n === 0) continue;
    const first = view.textAt(q, 0)!;
    if (n > 1 && headerFirsts.has(first) && headerLines.has(headerLine(q))) continue; // a header repeated after a page break
    if (noteRows.length > 0 || (n === 1 && isNoteText(first))) noteRows.push(q);
    else bodyRows.push(q);
  }
  const { left, right } = extent(view, headerRows.concat(bodyRows));
  const paths = headerPaths(view, headerRows, left, right);
  const drafts = classifyColumns(view, paths, bodyRows, spec.nameHeader);
  if (!drafts.some((d) => d.kind === "amount")) return { reason: `找到标题「${b.title}」，但表头中没有金额列` };
  const unit = meta.amountUnit ?? amountUnitInHeader(drafts) ?? null;
  const issues: CellIssue[] = [];
  const blocks: TableBlock[] = groupColumns(drafts, Boolean(spec.sideBySide)).map((group, i) => {
    const amountCols = group.filter((d) => d.kind === "amount");
    const side = sideName(group, i);
    const roles = assignRoles(amountCols, side, meta.year);
    const inherited: { 类?: string; 款?: string; countSection?: boolean } = { 类: undefined, 款: undefined, countSection: undefined };
    const rows: BudgetRow[] = [];
    const layout = groupLayout(group, roles);
    for (const q of bodyRows) {
      const row = readRow(view, q, layout, unit, inherited, issues);
      if (row) rows.push(row);
    }
    const columns: ColumnInfo[] = amountCols.map((d) => {
      const { role, period, of } = roles.get(d.col)!;
      const c: ColumnInfo = { col: d.col, letter: d.letter, header: d.header, role };
      if (d.lanci) c.lanci = d.lanci;
      if (isSubsetColumn(d)) c.subset = true;
      if (period) c.period = period;
      if (of !== undefined) c.of = of;
      return c;
    });
    const block: TableBlock = { side, codeColumns: group.filter((d) => d.kind === "code").map((d) => d.col), columns, rows };
    const nameCol = group.find((d) => d.kind === "name");
    if (nameCol) block.nameColumn = nameCol.col;
    return block;
  });
  const lastRow = Math.max(headerRows[headerRows.length - 1], bodyRows[bodyRows.length - 1] ?? -1, noteRows[noteRows.length - 1] ?? -1);
  const table = baseTable(view, spec, b, meta, unit, left, right, lastRow);
  table.headerRange = rangeToA1({ top: headerRows[0], left, bottom: headerRows[headerRows.length - 1], right });
  table.blocks = blocks;
  table.notes = noteRows.map((q) => ({ text: view.rowTexts(q)[0].text, cell: view.location(q, view.rowTexts(q)[0].col) }));
  table.issues = issues;
  return { table };
}

function amountUnitInHeader(drafts: ColumnDraft[]): AmountUnit | undefined {
  for (const d of drafts)
    for (const h of d.header) {
      const unit = amountUnitIn(h);
      if (unit) return unit;
    }
  return undefined;
}

function baseTable(
  view: SheetView,
  spec: TableKindSpec,
  b: BlockBounds,
  meta: TableMeta,
  unit: AmountUnit | null,
  left: number,
  right: number,
  lastRow: number,
): BudgetTable {
  const top = b.titleRow;
  const titleLeft = b.titleFromSheetName ? left : Math.min(left, view.rowTexts(b.titleRow)[0]?.col ?? left);
  const t: BudgetTable = {
    kind: spec.kind,
    kindName: spec.name,
    sheet: view.sheet.name,
    range: rangeToA1({ top, left: titleLeft, bottom: Math.max(top, lastRow), right: Math.max(right, titleLeft) }),
    title: b.title,
    unit,
    blocks: [],
    fields: [],
    notes: [],
    issues: [],
  };
  if (!b.titleFromSheetName) t.titleCell = view.location(b.titleRow, view.rowTexts(b.titleRow)[0]?.col ?? left);
  if (meta.year) t.year = meta.year;
  if (meta.asOf) t.asOf = meta.asOf;
  if (meta.asOfCell) t.asOfCell = meta.asOfCell;
  return t;
}

/** Labels of form-like tables whose value sits to their right. */
const FORM_LABELS: [RegExp, string][] = [
  [/^项目(编码|代码)$/, "项目编码"],
  [/^项目名称$/, "项目名称"],
  [/^(主管部门|主管单位)$/, "主管部门"],
  [/^实施单位$/, "实施单位"],
  [/^(年度)?预算数$|^预算金额$/, "预算数"],
  [/^(其中[:：]?)?财政资金$/, "财政资金"],
  [/^其他资金$/, "其他资金"],
  [/^总分$/, "总分"],
  [/^(部门|单位)?预算总额$/, "预算总额"],
  [/^政府预算资金$/, "政府预算资金"],
  [/^财政专户管理资金$/, "财政专户管理资金"],
  [/^单位资金$/, "单位资金"],
  [/^基本支出$/, "基本支出"],
  [/^项目支出$/, "项目支出"],
];

/** Any of the FORM_LABELS: most texts of a form are none, and one test tells. */
const ANY_FORM_LABEL = new RegExp(FORM_LABELS.map(([re]) => `(?:${re.source})`).join("|"));

/** The field a form label names, if any. */
function formField(label: string): string | undefined {
  if (!ANY_FORM_LABEL.test(label)) return undefined;
  return FORM_LABELS.find(([re]) => re.test(label))?.[1];
}

/** A form label without its outline numbering and unit: "2、资金结构：（1）基本支出" → "基本支出". */
function formLabel(text: string): string {
  let label = squash(text);
  // (each pattern is tried only where the label could match it: most texts of a form match none)
  if (DIGIT_FIRST.test(label)) label = label.replace(NUMBERED_HEADING, "");
  if (label.startsWith("(") || label.startsWith("（")) label = label.replace(PARENTHESIZED_DIGITS, "");
  if (label.endsWith(")") || label.endsWith("）")) label = label.replace(UNIT_SUFFIX, "");
  return label;
}

/** "2、资金结构：" before a form label. */
const NUMBERED_HEADING = /^\d+[、.．][^:：]*[:：]/;
const PARENTHESIZED_DIGITS = /^[(（]\d+[)）]/;
const UNIT_SUFFIX = /[(（](万元|元)[)）]$/;
/** Texts of a form's indicator table header (a label's neighbour that is one is not its value). */
const INDICATOR_HEADER = /^(一级指标|二级指标|三级指标|指标值|备注|绩效指标描述)$/;
/** Labels whose value sits in the cell below (资金支出计划, columns of a 自评 资金 block). */
const FORM_COLUMN_LABELS = /^(\d{1,2}月底|年初预算数|全年预算数|全年执行数|执行率|资金结\(转\)余|结余)$/;
/** Form fields that are ratios or scores, not money. */
const RATIO_FIELDS = /^(执行率|总分)$/;
const AMOUNT_FIELDS =
  /^(预算数|财政资金|其他资金|预算总额|政府预算资金|财政专户管理资金|单位资金|基本支出|项目支出|\d{1,2}月底|年初预算数|全年预算数|全年执行数|执行率|资金结\(转\)余|结余|总分)$/;

/** A unit stated inside a form's labels: "项目资金预算安排及执行进度（万元）". */
function unitInLabels(view: SheetView, rows: number[], left: number, right: number): AmountUnit | undefined {
  for (const r of rows)
    for (const t of view.rowTexts(r, left, right)) {
      const unit = amountUnitIn(t.text);
      if (unit) return unit;
    }
  return undefined;
}

function readForm(view: SheetView, spec: TableKindSpec, b: BlockBounds, meta: TableMeta, start: number): TableResult {
  const rows: number[] = [];
  for (let r = start; r <= b.lastRow; r++) if (!view.isBlankRow(r)) rows.push(r);
  if (rows.length === 0) return { reason: `找到标题「${b.title}」，但表中没有内容` };
  const { left, right } = extent(view, rows, true);
  const unit = meta.amountUnit ?? unitInLabels(view, rows, left, right) ?? null;
  const issues: CellIssue[] = [];
  const fields: FormField[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const texts = view.rowTexts(r, left, right);
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      const label = formLabel(t.text);
      const named = formField(label);
      let valueRow = r;
      let valueCol: number | undefined;
      let field: string | undefined;
      if (named) {
        field = named;
        const next = texts[i + 1];
        if (next && INDICATOR_HEADER.test(squash(next.text))) continue; // a column header, not a label
        if (next && formField(formLabel(next.text)) === undefined) valueCol = next.col;
        else {
          // an empty value cell: the cell right after the label (or its merge)
          const m = view.merge(r, t.col);
          valueCol = (m ? m.right : t.col) + 1;
        }
      } else if (FORM_COLUMN_LABELS.test(label)) {
        field = label;
        valueRow = r + 1;
        valueCol = t.col;
        while (valueRow <= b.lastRow && view.isCovered(valueRow, valueCol) && view.merge(valueRow, valueCol)?.top === r) valueRow++;
        // under a two-row column label (年初预算数 over 目标申报数/预算编制数) the amount is further down
        for (let k = 0; k < 3 && valueRow < b.lastRow; k++) {
          const below = view.shownText(valueRow, valueCol);
          if (below === "" || isShownNumber(below)) break;
          valueRow++;
        }
      }
      if (!field || valueCol === undefined || valueCol > right || seen.has(field)) continue;
      seen.add(field);
      const text = view.shownText(valueRow, valueCol);
      const f: FormField = { label: field, text, cell: view.location(valueRow, valueCol) };
      if (AMOUNT_FIELDS.test(field)) {
        const a = readAmount(view, valueRow, valueCol, unit, RATIO_FIELDS.test(field), issues);
        if (a) f.amount = a;
      }
      fields.push(f);
    }
  }
  const table = baseTable(view, spec, b, meta, unit, left, right, rows[rows.length - 1]);
  table.fields = fields;
  table.issues = issues;
  table.notes = rows
    .filter((r) => view.textCount(r) === 1 && isNoteText(view.textAt(r, 0)!))
    .map((r) => ({ text: view.rowTexts(r)[0].text, cell: view.location(r, view.rowTexts(r)[0].col) }));
  return { table };
}

export function readTable(view: SheetView, spec: TableKindSpec, b: BlockBounds): TableResult {
  const { rows: metaRowList, next } = metaRows(view, b);
  const metaTexts = metaRowList.flatMap((r) => view.rowTexts(r).map((t) => t.text));
  const meta = parseMeta(metaTexts);
  meta.year ??= yearFromTitle(b.title);
  if (meta.asOf) {
    // the cell that states the 截止时间, for a finding about it
    const dated = metaRowList.flatMap((r) => view.rowTexts(r).map((t) => ({ r, t }))).find(({ t }) => /截止(时间|日期)/.test(t.text));
    if (dated) meta.asOfCell = view.location(dated.r, dated.t.col);
  }
  const result = spec.layout === "form" ? readForm(view, spec, b, meta, next) : readGrid(view, spec, b, meta, next);
  return "table" in result ? { ...result, meta } : result;
}

/**
 * A table without a 年度 of its own whose headers name years ("2023年预算数") was read with each named
 * year taken as this year's; once the workbook's 年度 is known, its roles are assigned again against it
 * (a column of the year before becomes a 上年 column) and the rows' amounts follow their columns.
 */
export function resolveHeaderYears(t: BudgetTable, year: number): void {
  for (const b of t.blocks) {
    if (!b.columns.some((c) => c.header.some(namesYear))) continue;
    const roles = assignRoles(
      b.columns.map((c) => ({ col: c.col, letter: c.letter, header: c.header, kind: "amount" as const })),
      b.side,
      year,
    );
    const renamed = new Map<string, string>();
    for (const c of b.columns) {
      const { role, period, of } = roles.get(c.col)!;
      if (role !== c.role) renamed.set(c.role, role);
      c.role = role;
      if (period) c.period = period;
      else delete c.period;
      if (of !== undefined) c.of = of;
      else delete c.of;
    }
    if (renamed.size === 0) continue;
    for (const r of b.rows) {
      const amounts: Record<string, Amount> = {};
      for (const [role, a] of Object.entries(r.amounts)) amounts[renamed.get(role) ?? role] = a;
      r.amounts = amounts;
    }
  }
}

export function yearFromTitle(title: string): number | undefined {
  const m = /(\d{4})\s*年/.exec(title);
  const y = m ? Number(m[1]) : NaN;
  return y >= 1990 && y <= 2100 ? y : undefined;
}
