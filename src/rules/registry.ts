/** Every rule of the catalogue, in the order they run. */
import R01 from "./R1-summary-balance";
import R02 from "./R2-income-row";
import R03 from "./R3-expense-row";
import R04 from "./R4-functional-hierarchy";
import R05 from "./R5-cross-totals";
import R06row from "./R6-fiscal-row";
import R06 from "./R6-fiscal-summary";
import R07 from "./R7-basic-cross";
import R08row from "./R8-basic-row";
import R08hier from "./R8-economic-hierarchy";
import R10 from "./R10-payroll-lines";
import R11col from "./R11-three-public-columns";
import R11items from "./R11-three-public-items";
import R12 from "./R12-three-public-vs-basic";
import R14 from "./R14-procurement";
import R15 from "./R15-fixed-assets";
import R16 from "./R16-project-performance";
import R19 from "./R19-budget-completion";
import R20 from "./R20-three-public-final";
import R21 from "./R21-self-evaluation";
import R22 from "./R22-completeness";
import R23 from "./R23-prior-year-change";
import R24 from "./R24-of-which";
import N1 from "./N1-narrative";
import N2 from "./N2-unfilled-slots";
import X1 from "./X1-cell-values";
import X2 from "./X2-formula-totals";
import X3 from "./X3-year-unit-consistency";
import X4 from "./X4-code-structure";
import X5 from "./X5-fixed-assets-date";
import X6 from "./X6-nonstandard-title";
import type { Rule, RuleLevel } from "./types";

export const RULES: Rule[] = [
  R01,
  R02,
  R03,
  R04,
  R05,
  R06row,
  R06,
  R07,
  R08row,
  R08hier,
  R10,
  R11col,
  R11items,
  R12,
  R14,
  R15,
  R16,
  R19,
  R20,
  R21,
  R22,
  R23,
  R24,
  N1,
  N2,
  X1,
  X2,
  X3,
  X4,
  X5,
  X6,
];

/** What the officer reads about a rule: its name, whether it must hold, its 规则说明 and an example (all Chinese). */
export interface RuleHelp {
  /** The rule's Chinese name (its description), as lists and headings show it. */
  name: string;
  /** 强制 (must hold up to rounding) or 提示 (worth a look; the officer may confirm it). */
  level: RuleLevel;
  /** What must hold and why, in the terms of the tables. */
  explanation: string;
  /** A concrete case with figures and cells. */
  example: string;
}

const HELP = new Map(RULES.map((r) => [r.meta.id, r.meta] as const));

/**
 * 规则说明 of the rule a finding names (its ruleId): the one place every output takes it from — the HTML
 * report's 规则说明 section, and the task pane, which shows it as 规则说明 beside a finding's rule
 * (`ruleHelp(f.ruleId)`). Undefined for an id the catalogue does not hold.
 */
export function ruleHelp(ruleId: string): RuleHelp | undefined {
  const m = HELP.get(ruleId);
  return m && { name: m.description, level: m.level, explanation: m.explanation, example: m.example };
}
