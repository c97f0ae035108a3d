/**
 * The runner: applies every rule whose tables are present, turns reports into findings, and afterwards
 * names the suspect cell of each mismatch from all equations together. A rule that throws becomes an
 * internal-error finding; the others still run.
 */
import type { AmountUnit } from "../model/amount";
import type { BudgetModel, BudgetTable } from "../model/budgetModel";
import type { TableKind } from "../model/tableKinds";
import { EquationLog, locateSuspects } from "./suspect";
import { Balance, type Term } from "../model/terms";
import { cellSumTerms } from "./cellSum";
import {
  LEVEL_ORDER,
  type CellSumInput,
  type EquationInput,
  type Finding,
  type FindingCell,
  type FindingLevel,
  type ReportInput,
  type Rule,
  type RuleContext,
  type RuleSettings,
} from "./types";
import { resolvePrior } from "../narrative/prior";
import { chooseProfile } from "../model/profiles";

/**
 * A message template with its placeholders filled in ("{row}" → data.row); a placeholder the data lacks
 * stays as written. The template is split once into text and placeholders (a large workbook reports
 * tens of thousands of 尾差, each through one of a few dozen templates).
 */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(PLACEHOLDER)));
  // parts alternate: text, placeholder name, text, …, text. (Joined rather than added up: the message,
  // kept to the end of the run, is then one flat string rather than a tree of a dozen pieces.)
  const pieces = parts.slice();
  for (let i = 1; i < pieces.length; i += 2) {
    const key = pieces[i];
    pieces[i] = key in data ? String(data[key]) : `{${key}}`;
  }
  return pieces.join("");
}

const PLACEHOLDER = /\{(\w+)\}/;
/** Each template met, split by PLACEHOLDER (its names at the odd indices). */
const templateParts = new Map<string, string[]>();

function levelOf(rule: Rule): FindingLevel {
  return rule.meta.level === "强制" ? "error" : "warning";
}

export interface RunResult {
  findings: Finding[];
  /** Rules that ran (their tables were present). */
  ran: string[];
}

/** Runs the rules over a model; the settings default to those of a check without user inputs. */
export function runRules(
  model: BudgetModel,
  rules: Rule[],
  settings: RuleSettings = { lastYear: resolvePrior(model), narrative: model.narrative, profile: chooseProfile(model)?.profile },
): RunResult {
  const findings: Finding[] = [];
  const equations = new EquationLog();
  const ran: string[] = [];
  for (const rule of rules) {
    const present = rule.meta.tables.length === 0 || rule.meta.tables.some((k) => model.tables.some((t) => t.kind === k));
    if (!present) continue;
    ran.push(rule.meta.id);
    const ctx = new Context(model, settings, rule, findings, equations);
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push({
        ruleId: rule.meta.id,
        level: "warning",
        messageId: "internalError",
        message: `规则 ${rule.meta.id}（${rule.meta.description}）运行出错，未能完成检查：${(e as Error).message}`,
        cells: [],
        suspect: null,
      });
    }
  }
  locateSuspects(equations);
  findings.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return { findings, ran };
}

/** The unit of the first term that has one. */
function unitOf(terms: Term[]): AmountUnit | null {
  for (const t of terms) if (t.unit) return t.unit;
  return null;
}

/** A term's cell as a finding lists it, on its side of the equation (its location built once). */
function findingCell(t: Term, side: "left" | "right"): FindingCell {
  const { sheet, address } = t.cell;
  return { sheet, address, side };
}

/** What a report may add to its finding. */
const OPTIONAL_FIELDS = ["suspectNote", "expected", "actual", "difference", "tolerance", "sheet"] as const;

class Context implements RuleContext {
  constructor(
    readonly model: BudgetModel,
    readonly settings: RuleSettings,
    private readonly rule: Rule,
    private readonly findings: Finding[],
    private readonly equations: EquationLog,
  ) {}

  tables(...kinds: TableKind[]): BudgetTable[] {
    return this.model.tables.filter((t) => kinds.includes(t.kind));
  }

  report(r: ReportInput): Finding {
    const template = this.rule.meta.messages[r.messageId];
    if (template === undefined) throw new Error(`规则 ${this.rule.meta.id} 没有消息 ${r.messageId}`);
    const f: Finding = {
      ruleId: this.rule.meta.id,
      level: r.level ?? levelOf(this.rule),
      messageId: r.messageId,
      message: formatMessage(template, r.data),
      cells: r.cells,
      suspect: r.suspect ? { sheet: r.suspect.sheet, address: r.suspect.address } : null,
    };
    for (const k of OPTIONAL_FIELDS) if (r[k] !== undefined) f[k] = r[k];
    if (f.sheet === undefined && r.cells.length) f.sheet = r.cells[0].sheet;
    if (r.fix) f.fix = r.fix;
    this.findings.push(f);
    return f;
  }

  cellSum(e: CellSumInput): void {
    if (this.equations.recordExactCells(e)) return;
    const { left, right } = cellSumTerms(e);
    this.equation({ left, right, messageId: e.messageId, data: () => e.data(e), level: e.level, sheet: e.table.sheet });
  }

  equation(e: EquationInput): void {
    const balance = Balance.unlessExact(e.left, e.right);
    if (!balance) {
      this.equations.recordExact(e.left, e.right);
      return;
    }
    const eq = this.equations.record(balance);
    if (balance.exact) return;
    const failing = balance.failing;
    const unit = unitOf(e.left) ?? unitOf(e.right);
    // (the rule's data with the figures added: a copy when the rule gave a record, its own when a function made one)
    const data = typeof e.data === "function" ? e.data() : { ...e.data };
    const left = (data.left = balance.show("left", unit));
    const right = (data.right = balance.show("right", unit));
    const diff = (data.diff = balance.show("diff", unit));
    const tol = (data.tol = balance.show("tol", unit));
    data.unit = unit ?? "";
    data.verdict = failing ? `超出 ±${tol}${data.unit} 的尾差范围` : `在 ±${tol}${data.unit} 尾差范围内`;
    const cells: FindingCell[] = [];
    for (const t of e.left) cells.push(findingCell(t, "left"));
    for (const t of e.right) cells.push(findingCell(t, "right"));
    const f = this.report({
      messageId: e.messageId,
      data,
      cells,
      level: failing ? e.level : "info",
      expected: right,
      actual: left,
      difference: diff,
      tolerance: tol,
      sheet: e.sheet,
    });
    f.unit = unit ?? "";
    if (failing) this.equations.keep(eq, balance, f);
  }
}
