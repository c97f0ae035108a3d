/**
 * Checking a 情况说明 against the tables: every stated number that is tied to a model quantity is compared
 * with it (amount, unit), and the numbers of a paragraph are checked against each other (parts that add
 * up to a whole, changes that add up, 增加/减少/持平 against the sign, shares, growth rates and completion
 * rates). A stated change (and its growth rate) is checked against current − prior: the prior figure the
 * sentence states, else last year's figure of the quantity where one is known (LastYear.figures, resolved once per check by prior.ts: resolvePrior — the
 * user's figures, then the tables' 上年 columns); a prior figure the sentence states is itself compared with
 * that known figure. Amounts compare as intervals of their printed decimals.
 * The result is a list of issues with a message id and data for the rule N1-narrative's templates.
 *
 * The check runs in phases (checks/): amounts and counts, then for each group of paragraphs (a paragraph
 * and those that continue its list) changes, parts, decreases of items of 0, and percentages. Each phase
 * keeps its message templates beside the issues it reports, and is handed, read-only, the statements the
 * phases before it reported (a statement is reported once).
 *
 * A 决算's 年初预算 stated in the text (and the 完成率 from it) is compared with the table's 年初预算数
 * column, else with the `budget` given with the prior-year figures.
 *
 * Not yet: the Henan "收入增长…" is not tied to a given prior `total` (only 支出 is).
 */
import type { BudgetModel, NarrativeParagraph } from "../model/budgetModel";
import { AMOUNT_MESSAGES, amountIssues } from "./checks/amounts";
import { CHANGE_MESSAGES, changeIssues } from "./checks/changes";
import { CheckContext, StatementGroup, type NarrativeIssue } from "./checks/context";
import { PART_MESSAGES, partIssues } from "./checks/parts";
import { RATE_MESSAGES, rateIssues } from "./checks/rates";
import { ZERO_DECREASE_MESSAGES, zeroDecreaseIssues } from "./checks/zeroDecreases";
import { resolvePrior, type LastYear } from "./prior";
import { modelQuantities } from "./quantities";
import { readNarrative, type ReadParagraph, type Statement } from "./read";

/** Every message template of the check, by message id (the rule N1-narrative's messages). */
export const NARRATIVE_MESSAGES = { ...AMOUNT_MESSAGES, ...CHANGE_MESSAGES, ...PART_MESSAGES, ...ZERO_DECREASE_MESSAGES, ...RATE_MESSAGES };

export type NarrativeMessageId = keyof typeof NARRATIVE_MESSAGES;

export interface NarrativeCheck {
  paragraphs: ReadParagraph[];
  issues: NarrativeIssue<NarrativeMessageId>[];
}

/** A paragraph and the paragraphs that continue its list. */
function groupsOf(paragraphs: ReadParagraph[]): ReadParagraph[][] {
  const groups: ReadParagraph[][] = [];
  for (const p of paragraphs) {
    if (p.continues && groups.length) groups[groups.length - 1].push(p);
    else groups.push([p]);
  }
  return groups;
}

/** Checks a 情况说明 (by default the workbook's own) against the model's tables and last year's figures. */
export function checkNarrative(
  model: BudgetModel,
  lastYear: LastYear = resolvePrior(model),
  narrative: readonly NarrativeParagraph[] = model.narrative,
): NarrativeCheck {
  const quantities = modelQuantities(model);
  const paragraphs = readNarrative(narrative, { quantities, documentKind: model.documentKind, year: model.year });
  const ctx = new CheckContext(model, quantities, lastYear, paragraphs);
  // the driver owns what has been reported; each phase reads it (ReadonlySet) and returns its own issues
  const issues: NarrativeIssue<NarrativeMessageId>[] = [];
  const reported = new Set<Statement>();
  const add = (found: NarrativeIssue<NarrativeMessageId>[]) => {
    for (const i of found) {
      issues.push(i);
      reported.add(i.statement);
    }
  };
  add(amountIssues(ctx));
  for (const paragraphsOfGroup of groupsOf(paragraphs)) {
    const g = new StatementGroup(ctx, paragraphsOfGroup);
    const changes = changeIssues(ctx, g, reported);
    add(changes.issues);
    const parts = partIssues(ctx, g, reported);
    add(parts.issues);
    add(zeroDecreaseIssues(ctx, changes.zeroDecreases, reported, parts.corroborated));
    add(rateIssues(ctx, g, reported));
  }
  // keep the paragraphs' order for the findings
  issues.sort((a, b) => a.paragraph.index - b.paragraph.index);
  return { paragraphs, issues };
}
