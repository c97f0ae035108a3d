/**
 * The runner: applies every rule whose tables are present, turns reports into findings, and afterwards
 * names the suspect cell of each mismatch from all equations together. A rule that throws becomes an
 * internal-error finding; the others still run.
 */
import type { BudgetModel, BudgetTable } from "../model/budgetModel";
import type { TableKind } from "../model/tableKinds";
import { EquationLog, locateSuspects } from "./suspect";
import { Balance, type Term } from "./terms";
import { LEVEL_ORDER, type EquationInput, type Finding, type FindingCell, type FindingLevel, type ReportInput, type Rule, type RuleContext } from "./types";

export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}

function levelOf(rule: Rule): FindingLevel {
  return rule.meta.level === "强制" ? "error" : "warning";
}


export interface RunResult {
  findings: Finding[];
  /** Rules that ran (their tables were present). */
  ran: string[];
}

export function runRules(model: BudgetModel, rules: Rule[]): RunResult {
  const findings: Finding[] = [];
  const equations = new EquationLog();
  const ran: string[] = [];
  for (const rule of rules) {
    const present = rule.meta.tables.length === 0 || rule.meta.tables.some((k) => model.tables.some((t) => t.kind === k));
    if (!present) continue;
    ran.push(rule.meta.id);
    const ctx = new Context(model, rule, findings, equations);
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

/** A term's cell as a finding lists it, on its side of the equation (its location built once). */
function findingCell(t: Term, side: "left" | "right"): FindingCell {
  const { sheet, address } = t.cell;
  return { sheet, address, side };
}

class Context implements RuleContext {
  constructor(
    readonly model: BudgetModel,
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
    for (const k of ["suspectNote", "expected", "actual", "difference", "tolerance", "sheet"] as const) if (r[k] !== undefined) f[k] = r[k];
    if (f.sheet === undefined && r.cells.length) f.sheet = r.cells[0].sheet;
    this.findings.push(f);
    return f;
  }

  equation(e: EquationInput): void {
    const balance = new Balance(e.left, e.right);
    const eq = this.equations.record(balance);
    if (balance.exact) return;
    const failing = balance.failing;
    const unit = [...e.left, ...e.right].find((t) => t.unit)?.unit ?? null;
    const data = {
      ...(typeof e.data === "function" ? e.data() : e.data),
      left: balance.show("left", unit),
      right: balance.show("right", unit),
      diff: balance.show("diff", unit),
      tol: balance.show("tol", unit),
      unit: unit ?? "",
    };
    const rounding = !failing;
    const cells = [...e.left.map((t) => findingCell(t, "left")), ...e.right.map((t) => findingCell(t, "right"))];
    const f = this.report({
      messageId: e.messageId,
      data: { ...data, verdict: rounding ? `在 ±${data.tol}${data.unit} 尾差范围内` : `超出 ±${data.tol}${data.unit} 的尾差范围` },
      cells,
      level: rounding ? "info" : e.level,
      expected: data.right,
      actual: data.left,
      difference: data.diff,
      tolerance: data.tol,
      sheet: e.sheet,
    });
    if (failing) this.equations.keep(eq, balance, f);
  }
}

