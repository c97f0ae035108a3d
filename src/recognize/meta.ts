/** The lines between a table's title and its header: form number, unit name and code, year, amount unit. */
import { withoutSpaces, type AmountUnit, type CellLocation } from "../model/amount";

export interface TableMeta {
  unitName?: string;
  unitCode?: string;
  year?: number;
  amountUnit?: AmountUnit;
  tag?: string;
  /** 截止时间 of a 固定资产 table, "YYYY-MM-DD". */
  asOf?: string;
  /** The cell that states it. */
  asOfCell?: CellLocation;
}

const TAG = /^(公开|预算|决算)\s*\d+\s*(表)?$|^表$/;
const UNIT = /(?:金额)?单位[:：]\s*(万元|元)/;
const YEAR = /(?:预算年度|年度)[:：]?\s*(\d{4})|(\d{4})\s*年度/;
const NAME = /^(?:部门|单位|编制单位|部门\(单位\)|部门（单位）)?(?:名称)?[:：]\s*(.+)$/;
const CODE_NAME = /^(\d{3,9})\s*([\u4e00-\u9fff].*)$/;
const DATE_LINE = /截止(?:时间|日期)[:：]/;
const UNIT_IN_PARENTHESES = /[(（](万元|元)[)）]/;

/** What a tag starts with: most texts fail this one test, without a copy of them being made. */
const TAG_START = /^\s*[公预决表]/;

export function isTagText(text: string): boolean {
  return TAG_START.test(text) && TAG.test(withoutSpaces(text));
}

/** A line that names a table ("…2010年度收支决算总表", "2024年部门预算表（功能科目）"): a title, whatever year it states. */
const TABLE_NAME = /表\s*([(（][^)）]*[)）])?$/;

/** Whether a text belongs to the meta line(s) under a title. */
export function isMetaText(text: string): boolean {
  const t = text.trim();
  return (
    isTagText(t) ||
    UNIT.test(t) ||
    (YEAR.test(t) && !TABLE_NAME.test(t)) ||
    DATE_LINE.test(t) ||
    UNIT_NAME_LABEL.test(t) ||
    (CODE_NAME.test(t) && !t.includes("年"))
  );
}

/** "单位名称：", "部门：", "部门（单位）名称：" before a unit's name. */
const UNIT_NAME_LABEL = /^(部门|单位|编制单位)(名称)?[:：]|^部门\s*[(（]单位[)）]\s*(名称)?[:：]/;

/** The amount unit a text states: "单位：万元", "金额单位:元", "价值（金额单位：万元）", "执行进度（万元）". */
export function amountUnitIn(text: string): AmountUnit | undefined {
  const t = withoutSpaces(text);
  const m = UNIT.exec(t) ?? UNIT_IN_PARENTHESES.exec(t);
  return m ? (m[1] as AmountUnit) : undefined;
}

export function yearIn(text: string): number | undefined {
  const m = YEAR.exec(text);
  const y = m ? Number(m[1] ?? m[2]) : NaN;
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** Reads the meta texts of a table (in reading order). */
export function parseMeta(texts: string[]): TableMeta {
  const meta: TableMeta = {};
  for (const raw of texts) {
    const t = raw.trim();
    if (isTagText(t)) {
      meta.tag = withoutSpaces(t);
      continue;
    }
    meta.amountUnit ??= amountUnitIn(t);
    const date = /截止(?:时间|日期)[:：]\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(t);
    if (date) meta.asOf ??= `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
    meta.year ??= yearIn(t);
    if (UNIT.test(t) || YEAR.test(t) || DATE_LINE.test(t)) continue;
    const named = NAME.exec(t);
    const value = named ? named[1].trim() : t;
    const coded = CODE_NAME.exec(value);
    if (coded && !/年/.test(value)) {
      meta.unitCode ??= coded[1];
      meta.unitName ??= coded[2].trim();
    } else if (named && value) {
      meta.unitName ??= value;
    }
  }
  return meta;
}
