/**
 * RuleTester in the style of ESLint's: `valid` workbooks where the rule holds (no error or warning from
 * it), `invalid` cases that change cells of a seed workbook and list the exact findings expected.
 */
import * as path from "path";
import { parseA1 } from "../../src/grid/address";
import { formatNumber } from "../../src/grid/numfmt";
import type { WorkbookSnapshot } from "../../src/grid/workbook";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { recognize } from "../../src/recognize/recognize";
import { RULES } from "../../src/rules/registry";
import { runRules } from "../../src/rules/runner";
import type { Finding, Rule } from "../../src/rules/types";
import { FIXTURES } from "../helpers";

const snapshots = new Map<string, Promise<WorkbookSnapshot>>();

function snapshot(id: string): Promise<WorkbookSnapshot> {
  let p = snapshots.get(id);
  if (!p) {
    p = readWorkbookFile(path.join(FIXTURES, `${id}.xlsx`));
    snapshots.set(id, p);
  }
  return p.then((wb) => structuredClone(wb));
}

export type Edit = number | string | null | { formula: string; value: number | null } | { replace: string; with: string };

/**
 * Sets "sheet!A1" to a number (shown with the cell's number format), a string ("#REF!" and the like
 * become error values), a formula with its cached value (null: saved without one), null (blank), or
 * { replace, with }: one phrase of the cell's text replaced (for 情况说明 paragraphs).
 */
export function setCell(wb: WorkbookSnapshot, ref: string, value: Edit): void {
  const [sheetName, a1] = ref.split("!");
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  while (sheet.cells.length <= row - sheet.top) sheet.cells.push([]);
  const line = sheet.cells[row - sheet.top];
  const old = line[col - sheet.left];
  if (value !== null && typeof value === "object" && "replace" in value) {
    const before = old?.text ?? "";
    if (!before.includes(value.replace)) throw new Error(`${ref} does not contain “${value.replace}”: ${before}`);
    value = before.replace(value.replace, value.with);
  }
  if (value === null) {
    line[col - sheet.left] = null;
    return;
  }
  const numFmt = old?.numFmt ?? "0.00";
  if (typeof value === "number") line[col - sheet.left] = { value, text: formatNumber(value, numFmt), numFmt };
  else if (typeof value === "string")
    line[col - sheet.left] = /^#[A-Z/0!?]+[!?A]?$/.test(value) ? { value: { error: value }, text: value } : { value, text: value };
  else if (value.value === null) line[col - sheet.left] = { value: null, text: "", formula: value.formula, uncalculated: true };
  else line[col - sheet.left] = { value: value.value, text: formatNumber(value.value, numFmt), numFmt, formula: value.formula };
}

export interface ExpectedFinding {
  level: Finding["level"];
  messageId?: string;
  /** "sheet!A1" of every cell of the finding, in order. */
  cells?: string[];
  /** "sheet!A1", or null when the rule must say it cannot tell. */
  suspect?: string | null;
  message?: string | RegExp;
  /** The fix offered: its label and the corrected text of the suspect cell (its one edit); null: none is offered. */
  fix?: { label: string; after: string } | null;
}

export interface InvalidCase {
  name: string;
  workbook: string;
  edits?: Record<string, Edit>;
  errors: ExpectedFinding[];
}

export async function findingsOf(rule: Rule, workbook: string, edits: Record<string, Edit> = {}): Promise<Finding[]> {
  const wb = await snapshot(workbook);
  for (const [ref, v] of Object.entries(edits)) setCell(wb, ref, v);
  // all rules run, so that suspects come from every equation the workbook has
  return runRules(recognize(wb), RULES).findings.filter((f) => f.ruleId === rule.meta.id);
}

const ref = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;

/** A placeholder of a message template left unfilled: the rule's data lacked it. */
const UNFILLED = /\{[A-Za-z]\w*\}/;

/** Every finding of the rule names one of its message templates and fills every placeholder of it. */
function expectWellFormed(rule: Rule, findings: Finding[]): void {
  for (const f of findings) {
    if (f.messageId !== "internalError") expect(Object.keys(rule.meta.messages)).toContain(f.messageId);
    expect(f.message).not.toMatch(UNFILLED);
  }
}

/** A workbook where the rule holds: a seed id, or a seed with edits. */
export type ValidCase = string | { name: string; workbook: string; edits?: Record<string, Edit> };

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.id}（${rule.meta.description}）`, () => {
    const valid = cases.valid.map((c) => (typeof c === "string" ? { name: c, workbook: c, edits: {} } : { edits: {}, ...c }));
    if (valid.length)
      it.each(valid.map((c) => [c.name, c] as const))("holds on %s", async (_name, c) => {
        const all = await findingsOf(rule, c.workbook, c.edits);
        expectWellFormed(rule, all);
        const bad = all.filter((f) => f.level !== "info");
        expect(bad.map((f) => f.message)).toEqual([]);
      });
    it.each(cases.invalid.map((c) => [c.name, c] as const))("finds %s", async (_name, c) => {
      const all = await findingsOf(rule, c.workbook, c.edits ?? {});
      expectWellFormed(rule, all);
      const found = all.filter((f) => f.level !== "info" || c.errors.some((e) => e.level === "info"));
      expect(found).toHaveLength(c.errors.length);
      c.errors.forEach((e, i) => {
        const f = found[i];
        expect(f.ruleId).toBe(rule.meta.id);
        expect(f.level).toBe(e.level);
        if (e.messageId) expect(f.messageId).toBe(e.messageId);
        if (e.cells) expect(f.cells.map(ref)).toEqual(e.cells);
        if (e.suspect !== undefined) expect(f.suspect ? ref(f.suspect) : null).toBe(e.suspect);
        if (typeof e.message === "string") expect(f.message).toBe(e.message);
        else if (e.message) expect(f.message).toMatch(e.message);
        if (e.fix === null) expect(f.fix).toBeUndefined();
        else if (e.fix) {
          expect(f.fix?.label).toBe(e.fix.label);
          expect(f.fix?.edits.map((x) => [ref(x), x.after])).toEqual([[ref(f.suspect!), e.fix.after]]);
        }
      });
    });
  });
}
