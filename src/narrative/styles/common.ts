/**
 * What every wording of the 情况说明 shares: the sections' shape, the slots left for the officer, how
 * amounts, shares and changes are printed, and the figures a section is written from.
 *
 * A section writer reads its figures through `fig` (typed keys of the model quantities). A figure the
 * tables do not give is never written as 0: the section is written without paragraphs and with a note
 * naming the missing figures (writeSections).
 */
import { Dec, ZERO } from "../../grid/decimal";
import type { BudgetModel } from "../../model/budgetModel";
import type { PriorYear, ThreePublicFigures } from "../../model/prior";
import { formatWan, percentOf, type Quantity } from "../quantities";
import { REASON_SLOT, USE_SLOT, type NarrativeSection, type SlotItem } from "../section";

type ThreePublicItem = "合计" | "因公出国" | "公务用车" | "购置" | "运行" | "公务接待";

/** The model quantities a writer reads by key (narrative/quantities.ts gives them). */
export type FigureKey =
  | `${"income" | "expense"}.${"total" | "grand" | "fiscalGrand"}`
  | "income.fiscal"
  | `expense.${"gpb" | "fund" | "soe"}`
  | "basic"
  | "project"
  | "personnel"
  | "public"
  | "operating"
  | `tp.${ThreePublicItem}`
  | `tp.${ThreePublicItem}@${"预算数" | "决算数"}`
  | `procurement.${"total" | "goods" | "works" | "services"}`
  | "assets.total"
  | "vehicles.total";

const TP_NAMES: Record<ThreePublicItem, string> = {
  合计: "“三公”经费合计",
  因公出国: "因公出国（境）费",
  公务用车: "公务用车购置及运行维护费",
  购置: "公务用车购置费",
  运行: "公务用车运行维护费",
  公务接待: "公务接待费",
};

/** How a note names a figure the tables do not give. */
function figureName(key: FigureKey): string {
  const tp = /^tp\.([^@]+)(?:@(.+))?$/.exec(key);
  if (tp) return `${TP_NAMES[tp[1] as ThreePublicItem]}${tp[2] ? `（${tp[2]}）` : ""}`;
  const names: Partial<Record<FigureKey, string>> = {
    "income.total": "收入合计",
    "income.grand": "收入总计",
    "income.fiscalGrand": "财政拨款收入总计",
    "income.fiscal": "财政拨款收入",
    "expense.total": "支出合计",
    "expense.grand": "支出总计",
    "expense.fiscalGrand": "财政拨款支出总计",
    "expense.gpb": "一般公共预算支出",
    "expense.fund": "政府性基金预算支出",
    "expense.soe": "国有资本经营预算支出",
    basic: "基本支出",
    project: "项目支出",
    personnel: "人员经费",
    public: "公用经费",
    operating: "机关运行经费",
    "procurement.total": "政府采购总额",
    "procurement.goods": "政府采购货物支出",
    "procurement.works": "政府采购工程支出",
    "procurement.services": "政府采购服务支出",
    "assets.total": "固定资产总额",
    "vehicles.total": "车辆数",
  };
  return names[key] ?? key;
}

/** What a section writer is given. */
export interface WriterContext {
  model: BudgetModel;
  /** The model quantities by key, for what `fig` does not name (categories, subjects, projects, parts). */
  q: Map<string, Quantity>;
  /** A figure of the tables, in 万元 (vehicles: a count); a missing one is recorded and reads as 0 until the section is dropped. */
  fig: (key: FigureKey) => Dec;
  /** Whether the tables give the figure (for the parts of a wording that depend on a table being there). */
  has: (key: FigureKey) => boolean;
  /** Last year's figures as the check resolved them (explicit merged with the tables' columns). */
  prior?: PriorYear;
  /** The document's year as the text says it: "2024", or "本" when the tables do not say ("本年"). */
  year: string;
  /** The year before, as the text says it: "2023", or "上" ("上年"). */
  lastYear: string;
}

export type SectionWriter = (ctx: WriterContext) => NarrativeSection | undefined;

/**
 * Runs a wording's section writers in order. A section that read a figure the tables do not give keeps
 * its id and title but none of its paragraphs or slots: a note names the missing figures instead.
 */
export function writeSections(model: BudgetModel, q: Map<string, Quantity>, prior: PriorYear | undefined, writers: SectionWriter[]): NarrativeSection[] {
  const sections: NarrativeSection[] = [];
  for (const write of writers) {
    const missing: FigureKey[] = [];
    const fig = (key: FigureKey): Dec => {
      const x = q.get(key);
      if (x) return x.value;
      if (!missing.includes(key)) missing.push(key);
      return ZERO;
    };
    // a year the tables do not state is said "本年"/"上年", never "0年"/"-1年"
    const year = model.year === null ? "本" : String(model.year);
    const lastYear = model.year === null ? "上" : String(model.year - 1);
    const section = write({ model, q, fig, has: (key) => q.has(key), prior, year, lastYear });
    if (!section) continue;
    if (!missing.length) sections.push(section);
    else {
      const names = missing.map(figureName).join("、");
      sections.push({
        id: section.id,
        title: section.title,
        paragraphs: [],
        notes: [`表中没有${names}，未写本节：请核对是否缺少相应的公开表，或在“映射”中指定。`],
      });
    }
  }
  return sections;
}

/** Writes slots into sentences and records which item each belongs to. */
export function slotWriter() {
  const slots: SlotItem[] = [];
  return {
    slots,
    reason(item: string): string {
      slots.push({ item, kind: "reason" });
      return REASON_SLOT;
    },
    use(item: string): string {
      slots.push({ item, kind: "use" });
      return USE_SLOT;
    },
  };
}

export type SlotWriter = ReturnType<typeof slotWriter>;

/** An amount in 万元 as the narrative prints it: 2 decimals (决算: with thousands separators), "0" for zero. */
export function wan(d: Dec, thousands = false): string {
  return d.isZero() ? "0" : formatWan(d, thousands);
}

/** A share as the narrative prints it: part ÷ whole, 2 decimals, half-up. */
export function share(part: Dec, whole: Dec): string {
  return (percentOf(part, whole) ?? ZERO).toFixed(2);
}

/** 增加/减少 with the amount, or 持平 for no change. */
export function changeWords(delta: Dec): string {
  if (delta.isZero()) return "持平";
  return `${delta.isPositive() ? "增加" : "减少"}${wan(delta.abs())}万元`;
}

/**
 * A change with its rate: "增加1.20万元，增长71.43%", "减少0.24万元，下降15.19%" (决算: amounts with thousands
 * separators), or 持平. From a prior of 0 the rate cannot be computed and is left out (never "增长100%").
 */
export function changeWithRate(current: Dec, before: Dec, thousands = false): string {
  const delta = current.minus(before);
  if (delta.isZero()) return "持平";
  const up = delta.isPositive();
  return `${up ? "增加" : "减少"}${wan(delta.abs(), thousands)}万元${before.isZero() ? "" : `，${up ? "增长" : "下降"}${share(delta.abs(), before)}%`}`;
}

/** The prior “三公” figures with 公务用车 made up from 购置 + 运行 when only those are given, and 合计 from the items. */
export function priorThreePublic(tp: ThreePublicFigures | undefined): ThreePublicFigures {
  const out: ThreePublicFigures = { ...(tp ?? {}) };
  if (out.公务用车 === undefined && out.购置 !== undefined && out.运行 !== undefined) out.公务用车 = out.购置.plus(out.运行);
  if (out.合计 === undefined && out.因公出国 !== undefined && out.公务用车 !== undefined && out.公务接待 !== undefined)
    out.合计 = out.因公出国.plus(out.公务用车).plus(out.公务接待);
  return out;
}

/** Subject codes (digits) in code order, whatever the machine's locale. */
export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The non-zero 类 of the model, in the order the tables give them. */
export function categories(q: Map<string, Quantity>): Quantity[] {
  return [...q.values()].filter((x) => x.family === "category" && !x.value.isZero());
}
