/**
 * Writing the 情况说明 from the numbers (budget, Hebei wording — seeds 000/001/002). Every amount comes
 * from the model quantities (万元, 2 decimals; a zero item is said "0万元" as the seeds say it); what
 * numbers cannot say is left as a marked slot for the officer; comparisons with the previous year are
 * only written when prior-year figures are given, otherwise a visible note says what is missing.
 *
 * Still to come (issue 4): the Henan and 决算 wordings, 一般公共预算 structure by 类 with shares,
 * 基本支出 composition, keeping the officer's reasons on regeneration, prior-year workbooks.
 */
import type { BudgetModel } from "../model/budgetModel";
import { Dec, ZERO } from "../model/decimal";
import { modelQuantities, type Quantity } from "./quantities";

/** The slot left for the officer where a reason is needed. */
export const REASON_SLOT = "【请填写增减原因】";
export const USE_SLOT = "【请填写主要用途】";

export interface PriorYear {
  year: number;
  /** 上年预算收支总额、基本支出、项目支出, “三公”经费 and its items, in 万元. */
  total?: Dec;
  basic?: Dec;
  project?: Dec;
  threePublic?: Partial<Record<"合计" | "因公出国" | "公务用车" | "公务接待", Dec>>;
}

export interface NarrativeSection {
  id: "income" | "expense" | "change" | "operating" | "threePublic" | "procurement" | "assets";
  title: string;
  paragraphs: string[];
  /** What could not be written and why (missing prior-year figures …). */
  notes: string[];
}

/** An amount in 万元 as the narrative prints it: 2 decimals, "0" for zero. */
export function wan(d: Dec): string {
  return d.isZero() ? "0" : d.toFixed(2, Dec.ROUND_HALF_UP);
}

/** 增加/减少 with the amount, or 持平 for no change. */
export function changeWords(delta: Dec): string {
  if (delta.isZero()) return "持平";
  return `${delta.isPositive() ? "增加" : "减少"}${wan(delta.abs())}万元`;
}

function who(model: BudgetModel): string {
  return model.tables.some((t) => /^部门/.test(t.title)) ? "我部门" : "我单位";
}

export function generateNarrative(model: BudgetModel, prior?: PriorYear): NarrativeSection[] {
  const q = modelQuantities(model);
  const v = (key: string): Dec => q.get(key)?.value ?? ZERO;
  const year = model.year ?? 0;
  const me = who(model);
  const sections: NarrativeSection[] = [];

  // 收入说明
  const incomeItems = [...q.values()].filter((x) => x.family === "income" && /^income\.(gpb|fund|soe|special|unit)$/.test(x.key) && !x.value.isZero());
  sections.push({
    id: "income",
    title: "收入说明",
    paragraphs: [`${year}年预算收入${wan(v("income.total"))}万元${incomeItems.length ? `，其中：${incomeItems.map((x) => `${x.name}${wan(x.value)}万元`).join("，")}` : ""}。`],
    notes: [],
  });

  // 支出说明
  const projects = [...q.values()].filter((x) => x.family === "project" && !x.value.isZero()).sort((a, b) => b.value.comparedTo(a.value));
  const top = projects.slice(0, 5).map((x: Quantity) => `${x.name}${wan(x.value)}万元`);
  sections.push({
    id: "expense",
    title: "支出说明",
    paragraphs: [
      `${year}年支出预算${wan(v("expense.total"))}万元，其中基本支出${wan(v("basic"))}万元，包括人员经费${wan(v("personnel"))}万元和日常公用经费${wan(v("public"))}万元；项目支出${wan(v("project"))}万元${top.length ? `，主要为${top.join("、")}${projects.length > top.length ? "等" : ""}` : ""}。`,
    ],
    notes: [],
  });

  // 比上年增减情况
  const change: NarrativeSection = { id: "change", title: "比上年增减情况", paragraphs: [], notes: [] };
  if (prior?.total !== undefined) {
    const parts: string[] = [];
    if (prior.basic !== undefined) parts.push(`基本支出${changeWords(v("basic").minus(prior.basic))}${v("basic").equals(prior.basic) ? "" : `，主要为${REASON_SLOT}`}`);
    if (prior.project !== undefined) parts.push(`项目支出${changeWords(v("project").minus(prior.project))}${v("project").equals(prior.project) ? "" : `，主要是${REASON_SLOT}`}`);
    change.paragraphs.push(`${year}年预算收支安排${wan(v("expense.total"))}万元，较${prior.year}年预算${changeWords(v("expense.total").minus(prior.total))}${parts.length ? `，其中：${parts.join("；")}` : ""}。`);
  } else {
    change.notes.push(`缺少${year - 1}年预算数，未写比上年增减情况：请提供上年预算工作簿（--prior）或上年收支总额、基本支出、项目支出。`);
  }
  sections.push(change);

  // 机关运行经费
  sections.push({
    id: "operating",
    title: "机关运行经费",
    paragraphs: [`${year}年，${me}机关运行经费共计安排${wan(v("operating"))}万元，主要用于${USE_SLOT}等日常运行支出。`],
    notes: [],
  });

  // 财政拨款“三公”经费
  const tp = (k: string) => v(`tp.${k}`);
  const tpSection: NarrativeSection = { id: "threePublic", title: "财政拨款“三公”经费", paragraphs: [], notes: [] };
  if (q.has("tp.合计")) {
    let text = `${year}年，${me}财政拨款“三公”经费预算安排${wan(tp("合计"))}万元，其中因公出国（境）费${wan(tp("因公出国"))}万元；公务用车购置及运维费${wan(tp("公务用车"))}万元（其中：公务用车购置费为${wan(tp("购置"))}万元，公务用车运维费${wan(tp("运行"))}万元）；公务接待费${wan(tp("公务接待"))}万元。`;
    const before = prior?.threePublic;
    if (before?.合计 !== undefined) {
      const delta = tp("合计").minus(before.合计);
      text += `与${prior!.year}年相比${changeWords(delta)}${delta.isZero() ? "" : `，主要原因是${REASON_SLOT}`}。`;
    } else {
      tpSection.notes.push(`缺少${year - 1}年“三公”经费预算数，未写与上年相比的增减情况。`);
    }
    tpSection.paragraphs.push(text);
  }
  sections.push(tpSection);

  // 政府采购
  if (q.has("procurement.total")) {
    const p = v("procurement.total");
    sections.push({ id: "procurement", title: "政府采购预算情况", paragraphs: [p.isZero() ? `${year}年，${me}无政府采购预算。` : `${year}年，${me}政府采购预算${wan(p)}万元。`], notes: [] });
  }

  // 国有资产占用
  if (q.has("assets.total")) {
    sections.push({ id: "assets", title: "国有资产占用情况", paragraphs: [`截至${year - 1}年12月31日，${me}固定资产总额${wan(v("assets.total"))}万元。`], notes: [] });
  }
  return sections;
}
