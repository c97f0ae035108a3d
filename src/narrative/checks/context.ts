/**
 * What the phases of the 情况说明 check share, all read-only: the issue shape, the check's context (the
 * model's quantities, last year's figures, the paragraphs read) and a group of paragraphs (a paragraph and
 * those that continue its list), with the helpers the phases use to read stated numbers.
 */
import { withoutSpaces } from "../../model/amount";
import type { BudgetModel } from "../../model/budgetModel";
import type { CellFix } from "../../grid/edit";
import { cellFixOf, type TextFix } from "../fix";
import { Dec, ZERO } from "../../grid/decimal";
import type { LastYear, PriorFigure } from "../prior";
import { formatWan, type Quantity } from "../quantities";
import { halfOfToken, halfWidth, quoteOf, toWan, type ReadParagraph, type Statement } from "../read";

export interface NarrativeIssue<Id extends string = string> {
  messageId: Id;
  /** Only for issues that are plausibility questions rather than contradictions. */
  level?: "warning";
  data: Record<string, string>;
  /** The statement the issue is about. */
  statement: Statement;
  /** The paragraph the finding is on. */
  paragraph: ReadParagraph;
  /** Other paragraphs the finding involves (the parts of a whole listed in the paragraphs after it). */
  also?: ReadParagraph[];
  /** The table quantities it contradicts (their cells go into the finding). */
  quantities: Quantity[];
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  /** The correction of the paragraph's cell, when the check is certain of it (narrative/fix.ts). */
  fix?: CellFix;
}

/** What a phase says of an issue; the context adds the statement and its paragraph. */
export type IssueInput<Id extends string> = Omit<NarrativeIssue<Id>, "paragraph" | "statement">;

/** The statements already reported by the phases before: a phase does not report them again. */
export type Reported = ReadonlySet<Statement>;

/** A number with its rounding half-width, in 万元 (percent for percentages). */
export interface Val {
  v: Dec;
  h: Dec;
}

export const EPS = new Dec("1e-9");

export function fmt(d: Dec, decimals = 2): string {
  return d.toFixed(decimals, Dec.ROUND_HALF_UP);
}

/** "805.64万元", or "10396723.96元（合 1039.67万元）" for a table in 元. */
export function tableShown(q: Quantity): string {
  if (q.unit === "辆") return q.shown;
  if (/元$/.test(q.shown) && !/万元$/.test(q.shown)) return `${q.shown}（合 ${formatWan(q.value)}万元）`;
  return q.shown;
}

export function stated(st: Statement): string {
  return st.token ? withoutSpaces(st.token.text) : (st.word ?? "");
}

const NAMES: Record<string, string> = {
  "income.total": "收入合计",
  "income.grand": "收入总计",
  "expense.total": "支出合计",
  "expense.grand": "支出总计",
  "expense.gpb": "一般公共预算财政拨款支出",
  basic: "基本支出",
  project: "项目支出",
  personnel: "人员经费",
  public: "公用经费",
  operating: "机关运行经费",
  "tp.合计": "“三公”经费",
  "procurement.total": "政府采购",
  "assets.total": "固定资产总额",
};

/** Ratio interval ×100 of two intervals (b > 0). */
export function percentRange(a: Val, b: Val): [Dec, Dec] | undefined {
  const bl = b.v.minus(b.h);
  if (bl.lte(0)) return undefined;
  const lo = a.v.minus(a.h).dividedBy(b.v.plus(b.h)).times(100);
  const hi = a.v.plus(a.h).dividedBy(bl).times(100);
  return [Dec.max(lo, 0), hi];
}

export function withinRange(printed: Val, range: [Dec, Dec]): boolean {
  return printed.v.plus(printed.h).plus(EPS).gte(range[0]) && printed.v.minus(printed.h).minus(EPS).lte(range[1]);
}

/** The year a change is said against ("与2023年相比", "比 2022 年"), from its sentence up to its number. */
function comparedYear(paragraph: string, st: Statement): number | undefined {
  const s = halfWidth(paragraph);
  const end = st.token?.start ?? st.to;
  let start = end;
  while (start > 0 && !/[。;!?\n]/.test(s[start - 1])) start--;
  const years = [...s.slice(start, end).matchAll(/(?:与|较|比|同)\s*((?:19|20)\d{2})\s*年/g)];
  return years.length ? Number(years[years.length - 1][1]) : undefined;
}

/** The check of one 情况说明: its model, quantities, last year's figures and paragraphs, and the helpers over them. */
export class CheckContext {
  private readonly byStatement = new Map<Statement, ReadParagraph>();

  constructor(
    readonly model: BudgetModel,
    readonly quantities: Map<string, Quantity>,
    readonly lastYear: LastYear,
    readonly paragraphs: ReadParagraph[],
  ) {
    for (const p of paragraphs) for (const st of p.statements) this.byStatement.set(st, p);
  }

  paragraphOf(st: Statement): ReadParagraph {
    return this.byStatement.get(st)!;
  }

  /** An issue on a statement's paragraph, with the other paragraphs it involves (once each, not its own). */
  issue<Id extends string>(st: Statement, i: IssueInput<Id>): NarrativeIssue<Id> {
    const paragraph = this.paragraphOf(st);
    const { also: others, ...rest } = i;
    const also = others?.filter((p, k, all) => p !== paragraph && all.indexOf(p) === k);
    return { ...rest, statement: st, paragraph, ...(also?.length ? { also } : {}) };
  }

  /** A statement's paragraph corrected (a fix to offer with its issue), when that paragraph is a cell the officer typed. */
  fix(st: Statement, fix: TextFix | undefined): CellFix | undefined {
    return fix && cellFixOf(this.paragraphOf(st), fix);
  }

  /** How a subject is named in messages. */
  subjectName(key: string | undefined): string {
    if (!key) return "该项";
    const q = this.quantities.get(key) ?? this.quantities.get(`${key}@决算数`);
    if (q) return q.name.replace(/（决算数）$/, "");
    return NAMES[key] ?? key;
  }

  /** The paragraph from the words of `a` to the number of `b` (b's own excerpt when they are apart). */
  quoteFrom(a: Statement, b: Statement): string {
    return a.paragraph === b.paragraph ? quoteOf(this.paragraphOf(b).text, Math.min(a.from, b.from), b.to) : b.quote;
  }

  /** The stated number in 万元 with its half unit. */
  text(st: Statement): Val {
    return { v: toWan(st.token!), h: halfOfToken(st.token!) };
  }

  isAmount(st: Statement): boolean {
    return st.token !== undefined && st.token.unit !== "%" && st.token.unit !== "辆";
  }

  /** Whether a statement is about this year's figure (in a 决算, not about its 预算). */
  currentAspect(st: Statement): boolean {
    return this.model.documentKind !== "决算" || st.aspect !== "预算";
  }

  /**
   * A 决算's 年初预算 of a quantity (一般公共预算财政拨款支出, a 类) as given with the prior-year figures
   * (--prior / the task pane's JSON `budget`), for tables without a 年初预算数 column.
   */
  givenBudget(subject: string | undefined): Dec | undefined {
    const b = this.model.documentKind === "决算" ? this.lastYear.explicit?.budget : undefined;
    if (!b || !subject) return undefined;
    if (subject === "expense.gpb") return b.gpb;
    const code = /^category\.(\d+)$/.exec(subject)?.[1];
    return code ? b.categories?.[code] : undefined;
  }

  /** Last year's known figure of what a statement is about, when its sentence compares with that year (the year it names, else the year before the document's). */
  priorOfSubject(st: Statement): PriorFigure | undefined {
    if (!st.subject) return undefined;
    const f = this.lastYear.figures.get(st.subject);
    if (!f) return undefined;
    const named = comparedYear(this.paragraphOf(st).text, st);
    const year = named ?? (this.model.year === null ? undefined : this.model.year - 1);
    return f.year === 0 || year === undefined || f.year === year ? f : undefined;
  }

  /** Last year's figure of the quantity a change is said of (this year's quantity, tied), when one is known. */
  knownPrior(st: Statement): PriorFigure | undefined {
    if (!st.quantity || !this.currentAspect(st)) return undefined;
    return this.priorOfSubject(st);
  }

  /** The growth rate of current − prior against a known prior; undefined when the prior is 0 (no rate from 0). */
  rateAgainst(q: Quantity, f: PriorFigure, printed: Val): { delta: Dec; expected: Dec; fits: boolean } | undefined {
    const prior: Val = { v: f.value, h: f.tolerance };
    if (prior.v.minus(prior.h).lte(0)) return undefined;
    const delta = q.value.minus(f.value);
    const range = percentRange({ v: delta.abs(), h: q.tolerance.plus(f.tolerance) }, prior);
    return { delta, expected: delta.abs().dividedBy(f.value).times(100), fits: !range || withinRange(printed, range) };
  }

  /** What the messages say of the current amount and of the prior figure. */
  priorData(q: Quantity, f: PriorFigure): Record<string, string> {
    return { current: fmt(q.value), currentSource: q.source, prior: fmt(f.value), priorSource: f.source };
  }

  /**
   * A stated amount against a figure known from elsewhere than this year's tables (last year's, a given
   * 年初预算): an issue when they differ beyond the stated number's half unit and the figure's rounding.
   */
  statedAgainst<Id extends string>(
    st: Statement,
    known: Dec,
    tolerance: Dec,
    messageId: Id,
    data: Record<string, string>,
    sources: Quantity[],
  ): NarrativeIssue<Id> | undefined {
    const t = this.text(st);
    const diff = t.v.minus(known);
    const tol = t.h.plus(tolerance);
    if (diff.abs().lte(tol.plus(EPS))) return undefined;
    return this.issue(st, {
      messageId,
      data: { quote: st.quote, what: this.subjectName(st.subject), stated: stated(st), diff: fmt(diff), ...data },
      quantities: sources,
      expected: fmt(known),
      actual: fmt(t.v, Math.max(2, st.token!.decimals)),
      difference: fmt(diff),
      tolerance: fmt(tol, 4),
    });
  }
}

/** A paragraph and the paragraphs that continue its list: the statements a change, a part or a rate is read with. */
export class StatementGroup {
  readonly all: Statement[];
  private readonly order: Map<Statement, number>;

  constructor(
    private readonly ctx: CheckContext,
    paragraphs: ReadParagraph[],
  ) {
    this.all = paragraphs.flatMap((p) => p.statements);
    this.order = new Map(this.all.map((st, i) => [st, i]));
  }

  before(a: Statement, b: Statement): boolean {
    return this.order.get(a)! < this.order.get(b)!;
  }

  sameSentence(a: Statement, b: Statement): boolean {
    return a.paragraph === b.paragraph && a.sentence === b.sentence;
  }

  /** The current-year value of a subject: the table's, else the latest stated one before `st` (its table's when not reported). */
  currentOf(st: Statement, reported: Reported): Val | undefined {
    const { ctx } = this;
    if (st.quantity && ctx.currentAspect(st)) return { v: st.quantity.value, h: st.quantity.tolerance };
    const prev = this.all.filter((x) => x.role === "value" && x.subject === st.subject && ctx.isAmount(x) && ctx.currentAspect(x) && this.before(x, st)).pop();
    if (prev) return prev.quantity && !reported.has(prev) ? { v: prev.quantity.value, h: prev.quantity.tolerance } : ctx.text(prev);
    return undefined;
  }

  /** A stated value: its table's amount when tied, else the stated number. */
  valueOf(st: Statement): Val {
    return st.quantity && st.role === "value" ? { v: st.quantity.value, h: ZERO } : this.ctx.text(st);
  }

  /** A change with its sign (减少 negative, 持平 0). */
  signed(st: Statement): Val {
    if (st.direction === "flat" || !st.token) return { v: ZERO, h: ZERO };
    const t = this.ctx.text(st);
    return { v: st.direction === "down" ? t.v.negated() : t.v, h: t.h };
  }

  /** The prior figure stated in a change's sentence before it ("较2020年826.46万元增加…"). */
  statedPrior(change: Statement): Statement | undefined {
    return this.all.filter((x) => x.role === "prior" && x.subject === change.subject && this.sameSentence(x, change) && this.before(x, change)).pop();
  }

  /** The growth rate said of a change: the first after it in its sentence, before another change with an amount. */
  growthOf(change: Statement): Statement | undefined {
    for (const x of this.all) {
      if (!this.before(change, x) || !this.sameSentence(x, change)) continue;
      if (x.role === "change" && x.token) return undefined;
      if (x.role === "growth" && x.token) return x;
    }
    return undefined;
  }
}
