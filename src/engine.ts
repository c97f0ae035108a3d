/** The engine in one call: workbook snapshot → budget model → findings. Hosts and the CLI use this. */
import type { WorkbookSnapshot } from "./grid/workbook";
import type { BudgetModel, NarrativeParagraph } from "./model/budgetModel";
import type { MappingOverride } from "./model/mapping";
import type { PriorYear } from "./model/prior";
import { generateNarrative } from "./narrative/generate";
import type { NarrativeSection } from "./narrative/section";
import { chooseProfile, profileById, type ChosenProfile, type NarrativeStyle, type ProfileId } from "./model/profiles";
import { priorFromModel, PriorYearError, resolvePrior, type LastYear } from "./narrative/prior";
import { recoverReasons } from "./narrative/reasons";
import { recognize } from "./recognize/recognize";
import { RULES } from "./rules/registry";
import { mergeRepeatedGaps } from "./rules/repeatedGaps";
import { runRules } from "./rules/runner";
import { LEVEL_ORDER, type Finding, type FindingLevel } from "./rules/types";

export interface CheckResult {
  /** The workbook as recognized. */
  model: BudgetModel;
  /** The 情况说明 checked: the one given from outside the workbook (CheckInputs.narrative), else the workbook's own. */
  narrative: NarrativeParagraph[];
  /** Last year's figures as this check resolved them: the rules compared with these, the generator writes from them. */
  lastYear: LastYear;
  /** The document family checked under, and why (none when no table was recognized). */
  profile?: ChosenProfile;
  findings: Finding[];
  counts: Record<FindingLevel, number>;
}

export function countByLevel(findings: Finding[]): Record<FindingLevel, number> {
  const counts: Record<FindingLevel, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

export interface CheckInputs {
  /** A 情况说明 from outside the workbook; it replaces the workbook's own 情况说明 sheet. */
  narrative?: NarrativeParagraph[];
  /** The user's corrections of recognition (ranges assigned to a table kind, or ignored). */
  mapping?: MappingOverride[];
  /**
   * Last year's figures the user gave (--prior, the task pane's 上年数据): the narrative check (N1) compares
   * the changes the 情况说明 states with them, and with the tables' own 上年 columns for what they do not give.
   */
  prior?: PriorYear;
  /** The document family to check under, when the user chose one (--profile, the task pane's setting). */
  profile?: ProfileId;
}

export function checkWorkbook(workbook: WorkbookSnapshot, inputs: CheckInputs = {}): CheckResult {
  const model = recognize(workbook, inputs.mapping);
  const narrative = inputs.narrative ?? model.narrative;
  const lastYear = resolvePrior(model, inputs.prior);
  const chosen = inputs.profile ? profileById(inputs.profile) : undefined;
  const profile = chosen ? { profile: chosen, reason: "由用户指定" } : chooseProfile(model);
  // (the rules report each equation; the officer reads a 尾差 repeated across tables once)
  const ran = runRules(model, RULES, { lastYear, narrative, profile: profile?.profile });
  const findings = mergeRepeatedGaps(
    ran.findings,
    workbook.sheets.map((s) => s.name),
  );
  return { model, narrative, lastYear, profile, findings, counts: countByLevel(findings) };
}

/** Whether a PriorYear gives any figure of last year. */
function givesFigures(p: PriorYear): boolean {
  const some = (o: object | undefined) => o !== undefined && Object.values(o).some((v) => v !== undefined);
  return [p.total, p.basic, p.project, p.grand, p.fiscalGrand, p.gpb].some((v) => v !== undefined) || some(p.threePublic) || some(p.categories);
}

/**
 * Last year's figures from last year's workbook, recognized as a check recognizes a workbook, read as
 * this year's figures of that workbook (priorFromModel): what `--prior 上年.xlsx` and the task pane's
 * 从上年工作簿导入 take. Throws PriorYearError (Chinese, naming the file) when no disclosure table is
 * recognized, or none gives a figure.
 */
export function priorFromWorkbook(workbook: WorkbookSnapshot): PriorYear {
  const model = recognize(workbook);
  const file = workbook.name;
  if (model.tables.length === 0)
    throw new PriorYearError(`上年工作簿「${file}」中没有识别到预算或决算公开表（收支总表、支出总表、“三公”经费表等），无法从中取得上年数据。`);
  const prior = priorFromModel(model);
  if (!givesFigures(prior))
    throw new PriorYearError(
      `上年工作簿「${file}」中识别到 ${model.tables.length} 张表，但其中没有可作上年数据的数字（收支总额、基本支出、项目支出、“三公”经费等）。`,
    );
  return prior;
}

/** A generated 情况说明, and the reasons the officer wrote in its slots last time (reasons.ts keys). */
export interface NarrativeDraft {
  sections: NarrativeSection[];
  reasons: Record<string, string>;
}

/**
 * The 情况说明 generated from a check (its tables and the last year's figures it resolved), in the given
 * wording or the template's, with the reasons found in the officer's earlier text (its paragraphs: the
 * workbook's 情况说明 sheet, or a file) for each slot. The CLI writes it with the reasons in place; the
 * task pane lets her edit them first.
 */
export function draftNarrative(
  result: Pick<CheckResult, "model" | "lastYear" | "profile">,
  previous: readonly string[],
  style?: NarrativeStyle,
): NarrativeDraft {
  // (no profile: no recognized table; generateNarrative then takes its default wording)
  const sections = generateNarrative(result.model, result.lastYear, style ?? result.profile?.profile.style);
  return { sections, reasons: previous.length ? recoverReasons(previous, sections) : {} };
}

/** Where findings without a sheet are listed. */
export const WHOLE_WORKBOOK = "（整个工作簿）";

/** Findings grouped by sheet (sheets with errors first), errors first within a sheet: how reports list them. */
export function findingsBySheet(findings: Finding[]): [string, Finding[]][] {
  return groupFindings(findings, (f) => f.sheet ?? WHOLE_WORKBOOK);
}

/** Findings grouped by a key (groups with the worst level first, else in order of appearance), errors first within a group. */
export function groupFindings(findings: Finding[], keyOf: (f: Finding) => string): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = keyOf(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const worst = (list: Finding[]) => list.reduce((w, f) => Math.min(w, LEVEL_ORDER[f.level]), 2);
  return [...groups.entries()]
    .sort((a, b) => worst(a[1]) - worst(b[1]))
    .map(([key, list]) => [key, [...list].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])]);
}
