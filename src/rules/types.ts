/** Rules and findings: ESLint-style rule modules over the budget model. */
import type { CellAddress } from "../grid/address";
import type { CellEdit, CellFix } from "../grid/edit";
import type { LastYear } from "../narrative/prior";
import type { CellLocation } from "../model/amount";
import type { BudgetModel, NarrativeParagraph, BudgetRow, BudgetTable, ColumnInfo } from "../model/budgetModel";
import type { TableKind } from "../model/tableKinds";
import type { DocumentProfile } from "../model/profiles";
import type { Term } from "../model/terms";

/** error for 强制 mismatches, warning for 提示, info for 尾差 and notes. */
export type FindingLevel = "error" | "warning" | "info";

/** Errors first, then 提示, then 尾差. */
export const LEVEL_ORDER: Record<FindingLevel, number> = { error: 0, warning: 1, info: 2 };

/** How a finding's level is named to the officer (the CLI, the report, the annotated copy and the task pane in Chinese). */
export const LEVEL_NAMES: Record<FindingLevel, string> = { error: "错误", warning: "提示", info: "尾差" };

/** 强制: must hold (up to rounding); 提示: a plausibility check the user may confirm with an explanation. */
export type RuleLevel = "强制" | "提示";

export interface RuleMeta {
  /** Stable id, e.g. "R3-row-total". */
  id: string;
  level: RuleLevel;
  /** Chinese description a finance officer understands (the rule's name in lists and headings). */
  description: string;
  /**
   * 规则说明: one or two Chinese sentences, in the terms of the tables, saying what must hold and why
   * (“收支总表的收入总计应等于支出总计：预算收支必须平衡。”). No rule id, English word or flag.
   */
  explanation: string;
  /** A concrete case with figures and cells as the officer sees them, and what it means (“收入总计 C39 为 …，支出总计 E39 为 …，相差 …”). */
  example: string;
  /** Message templates with {named} placeholders. */
  messages: Record<string, string>;
  /** The rule runs when at least one of these table kinds is present (empty: always). */
  tables: TableKind[];
}

/** What a rule says about itself to the officer: its name, its 规则说明 and an example. */
export type RuleText = Pick<RuleMeta, "description" | "explanation" | "example">;

export interface FindingCell extends CellAddress {
  /** Which side of the equation the cell is on. */
  side?: "left" | "right";
}

/** The cell most likely wrong, and the value that would set it right when one value does. */
export interface SuspectCell extends CellAddress {
  /**
   * The value, as the table shows amounts (its unit, at least the cell's decimals), that makes every
   * failing equation the cell sits in hold within rounding and keeps every other one holding; absent
   * when no single value does.
   */
  proposed?: string;
}

export interface Finding {
  ruleId: string;
  level: FindingLevel;
  messageId: string;
  message: string;
  cells: FindingCell[];
  /** The single cell most likely wrong, when the failing equations tell. */
  suspect: SuspectCell | null;
  /** Why there is no suspect, or why this one. */
  suspectNote?: string;
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  /**
   * The amount unit expected, actual, difference and tolerance are shown in ("" when the tables state
   * none): set by the runner on the findings of an equation between amounts (ctx.equation, ctx.cellSum),
   * on no other finding.
   */
  unit?: string;
  /** Sheet of the table the finding is about (for grouping). */
  sheet?: string;
  /**
   * A correction the engine is certain of, for the officer to accept (the host writes its edits:
   * BudgetHost.applyEdits) or dismiss. Only 情况说明 findings whose text is a workbook cell have one;
   * a table cell never does (a suspect's proposed value is offered apart).
   */
  fix?: { label: string; edits: CellEdit[] };
}

export interface ReportInput {
  messageId: string;
  data: Record<string, string | number>;
  cells: FindingCell[];
  level?: FindingLevel;
  suspect?: CellLocation | null;
  suspectNote?: string;
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  sheet?: string;
  fix?: CellFix;
}

/** An equation left = right (each side a sum of terms), as rules state them. */
export interface EquationInput {
  left: Term[];
  right: Term[];
  messageId: string;
  /** Placeholders for the message besides the computed ones, or a function giving them when the equation is reported (most hold exactly and never are). */
  data: Record<string, string | number> | (() => Record<string, string | number>);
  /** Report a gap beyond rounding at this level instead of the rule's. */
  level?: FindingLevel;
  sheet?: string;
}

/**
 * An equation between cells of one table, stated by position rather than by terms: the total at `row` ×
 * `col` equals the sum of its parts. The i-th part is at rows[i] × cols[i], a single row or column
 * standing for every part: one row across columns (a row total) or one column down rows (a 款 sum). The
 * runner decides it from the cells' amounts and makes terms only when it does not hold exactly.
 */
export interface CellSumInput {
  table: BudgetTable;
  row: BudgetRow;
  col: ColumnInfo;
  rows: BudgetRow | BudgetRow[];
  cols: ColumnInfo | ColumnInfo[];
  messageId: string;
  /** Placeholders for the message besides the computed ones, asked for when the equation is reported. */
  data: (e: CellSumInput) => Record<string, string | number>;
  /** Report a gap beyond rounding at this level instead of the rule's. */
  level?: FindingLevel;
}

/** What a check hands every rule besides the model (as ESLint hands `settings`), resolved once by the engine. */
export interface RuleSettings {
  /** Last year's figures: the user's merged with the tables' own 上年 columns (narrative/prior.ts: resolvePrior). */
  readonly lastYear: LastYear;
  /** The 情况说明 to check: one given from outside the workbook (--narrative), else the workbook's own. */
  readonly narrative: readonly NarrativeParagraph[];
  /** The document family checked under (model/profiles.ts): its table set, for R22. */
  readonly profile?: DocumentProfile;
}

export interface RuleContext {
  readonly model: BudgetModel;
  readonly settings: RuleSettings;
  tables(...kinds: TableKind[]): BudgetTable[];
  report(r: ReportInput): void;
  /** Compares the two sides with rounding intervals; reports a mismatch or a 尾差 and records the equation. */
  equation(e: EquationInput): void;
  /** equation() for a total and its parts in one table (see CellSumInput). */
  cellSum(e: CellSumInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
