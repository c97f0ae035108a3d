/**
 * Writing the 情况说明 from the numbers: budgets in the Hebei wording (seeds 000/001/002) or the Henan
 * wording (seed 003), final accounts in the 决算 wording (seed 004) — one module per wording in styles/,
 * one writer per section. Every amount comes from the model quantities (万元, 2 decimals; 决算 with
 * thousands separators; a zero item is said "0万元" as the seeds say it; shares are part ÷ total, 2
 * decimals, half-up); a figure the tables do not give is never written as 0 (the section says what is
 * missing instead); what numbers cannot say is left as a marked slot for the officer; comparisons with the
 * previous year or with the 年初预算 are only written when those figures are given — by --prior or the
 * task pane's JSON, else by the tables' own 上年 and 年初预算数 columns (resolved once per check:
 * prior.ts, resolvePrior) — otherwise a visible note says what is missing. Each slot is recorded with the
 * item it belongs to (NarrativeSection.slots), so that reasons.ts can keep the officer's words when the
 * text is generated again.
 */
import type { BudgetModel } from "../model/budgetModel";
import { resolvePrior, type LastYear } from "./prior";
import { modelQuantities } from "./quantities";
import { chooseProfile, type NarrativeStyle } from "../model/profiles";
import type { NarrativeSection } from "./section";
import { writeSections } from "./styles/common";
import { FINAL } from "./styles/final";
import { HEBEI } from "./styles/hebei";
import { HENAN } from "./styles/henan";

const WORDINGS: Record<NarrativeStyle, typeof HEBEI> = { hebei: HEBEI, henan: HENAN, final: FINAL };

/** The wording of the workbook's family (model/profiles.ts): 决算, the Henan 总体情况表 family, or Hebei. */
export function detectStyle(model: BudgetModel): NarrativeStyle {
  return chooseProfile(model)?.profile.style ?? "hebei";
}

/**
 * The 情况说明 of the model, written from last year's figures as the check resolved them (the explicit
 * source merged with the tables' own 上年 and 年初预算 columns: prior.ts, resolvePrior).
 */
export function generateNarrative(
  model: BudgetModel,
  lastYear: LastYear = resolvePrior(model),
  style: NarrativeStyle = detectStyle(model),
): NarrativeSection[] {
  return writeSections(model, modelQuantities(model), lastYear.merged, WORDINGS[style]);
}
