/** The budget model: what recognition produces from a workbook and every later stage reads. */
import { toA1 } from "../grid/address";
import type { Amount, AmountUnit, CellLocation } from "./amount";
import type { CodeSystem } from "./codes";
import type { TableKind } from "./tableKinds";

export type DocumentKind = "预算" | "决算";

/**
 * What the figures of a column are when they are not this year's amounts: 上年 (last year's 预算数/决算数),
 * 增减额 and 增减率 (this year against last year), 年初预算 and 调整预算 (a 决算's budget figures), 完成率
 * (决算数 ÷ 年初预算数), or 其他年度 (a year that is neither this year nor last year).
 */
export type Period = "上年" | "增减额" | "增减率" | "年初预算" | "调整预算" | "完成率" | "其他年度";

export interface ColumnInfo {
  col: number;
  /** Column letters, e.g. "D". */
  letter: string;
  /** Header texts top to bottom (merged headers expanded), spaces removed. */
  header: string[];
  /** Canonical role, e.g. "合计", "基本支出", "基本支出/人员经费", "一般公共预算", "预算数/因公出国（境）费". */
  role: string;
  /** The 栏次 number printed under the header, when there is one. */
  lanci?: string;
  /** A "其中：" column: part of its group, not one of the shares that add up to it. */
  subset?: boolean;
  /**
   * Set for a column whose figures are not this year's amounts (上年预算数, 增减额 …; its role then starts
   * with the period: "上年", "上年/基本支出"). Rules and quantities read this year's columns only
   * (plainColumns); these are read by period.
   */
  period?: Period;
  /** For a period column: the role of this year's column it stands beside ("合计", "预算数", "基本支出"). */
  of?: string;
}

export interface BudgetRow {
  row: number;
  /** Subject code, joined from split or broken cells ("2080109"); absent for rows known by name only. */
  code?: string;
  codeSystem?: CodeSystem;
  /** The code was not printed in the row but taken from a row of the same name in another table. */
  codeFromName?: boolean;
  name: string;
  /** With a code: 1 类, 2 款, 3 项; without: the outline level of its numbering (一、 1, （一） 2, 1. 3); 0 for 合计. */
  level?: number;
  isTotal: boolean;
  /** Column of the row's label cell (its name, else its code), in the table's sheet: see labelCell. */
  labelCol: number;
  amounts: Record<string, Amount>;
}

export interface TableBlock {
  /** "收入" / "支出" for two-sided tables, "" for ordinary tables, "2", "3" … for repeated groups. */
  side: string;
  codeColumns: number[];
  nameColumn?: number;
  columns: ColumnInfo[];
  rows: BudgetRow[];
}

export interface FormField {
  label: string;
  text: string;
  amount?: Amount;
  cell: CellLocation;
}

/** A problem with a single cell met while reading a table (not a rule finding). */
export interface CellIssue {
  cell: CellLocation;
  text: string;
  issue: "error-value" | "not-a-number" | "uncalculated";
}

export interface BudgetTable {
  kind: TableKind;
  kindName: string;
  sheet: string;
  /** A1 range of the whole table, title to last row. */
  range: string;
  title: string;
  titleCell?: CellLocation;
  /** Why a table whose title no family uses was taken for its kind (what its header and rows show); absent when the title said it. */
  recognizedBy?: string;
  headerRange?: string;
  unit: AmountUnit | null;
  year?: number;
  /** The date the table is stated at (固定资产 截止时间), "YYYY-MM-DD", and the cell that states it. */
  asOf?: string;
  asOfCell?: CellLocation;
  blocks: TableBlock[];
  /** Label/value pairs of form-like tables (绩效目标表, 自评表). */
  fields: FormField[];
  notes: { text: string; cell: CellLocation }[];
  issues: CellIssue[];
}

export interface Unrecognized {
  sheet: string;
  range?: string;
  title?: string;
  reason: string;
}

export interface NarrativeParagraph {
  /** The paragraph as read: normalized (full-width forms half-width) and trimmed. */
  text: string;
  cell: CellLocation;
  /**
   * The cell's own text, exactly as it shows it, when the paragraph is a text the officer typed into a
   * workbook cell (no formula): what a proposed fix replaces. Absent for a paragraph of a .docx/.txt.
   */
  cellText?: string;
}

export interface BudgetModel {
  file: string;
  documentKind: DocumentKind | null;
  unitName: string | null;
  unitCode: string | null;
  year: number | null;
  /** The unit most tables are in; each table keeps its own. */
  amountUnit: AmountUnit | null;
  tables: BudgetTable[];
  unrecognized: Unrecognized[];
  narrative: NarrativeParagraph[];
}

/** A row's label cell (built when asked for: a large workbook has a hundred thousand rows, few of them reported). */
export function labelCell(t: BudgetTable, r: BudgetRow): CellLocation {
  return { sheet: t.sheet, address: toA1(r.row, r.labelCol), row: r.row, col: r.labelCol };
}

/**
 * A row's code cell: the code column of the row's level where 类/款/项 stand in columns of their own, the
 * one code column otherwise; the label cell when the code was written in the name ("208 社会保障…").
 */
export function codeCell(t: BudgetTable, b: TableBlock, r: BudgetRow): CellLocation {
  const cols = b.codeColumns;
  if (cols.length === 0) return labelCell(t, r);
  const col = cols.length > 1 && r.level ? cols[Math.min(r.level, cols.length) - 1] : cols[0];
  return { sheet: t.sheet, address: toA1(r.row, col), row: r.row, col };
}

export function allRows(t: BudgetTable): BudgetRow[] {
  return t.blocks.flatMap((b) => b.rows);
}
