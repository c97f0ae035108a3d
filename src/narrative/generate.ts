/**
 * Writing the 情况说明 from the numbers: budgets in the Hebei wording (seeds 000/001/002) or the Henan
 * wording (seed 003), final accounts in the 决算 wording (seed 004). Every amount comes from the model quantities (万元, 2 decimals; 决算 with
 * thousands separators; a zero item is said "0万元" as the seeds say it; shares are part ÷ total, 2
 * decimals, half-up); what numbers cannot say is left as a marked slot for the officer; comparisons with
 * the previous year or with the 年初预算 are only written when those figures are given — by --prior or the
 * task pane's JSON, else by the tables' own 上年 and 年初预算数 columns (prior.ts: priorFromColumns, merged
 * item by item after the explicit figures) — otherwise a visible note says what is missing. Each slot is
 * recorded with the item it belongs to (NarrativeSection.slots), so that reasons.ts can keep the officer's
 * words when the text is generated again.
 */
import type { BudgetModel } from "../model/budgetModel";
import { Dec, ZERO } from "../grid/decimal";
import type { PriorYear, ThreePublicFigures } from "../model/prior";
import { ITEM_NAMES } from "../model/query/threePublic";
import { resolvePrior, type LastYear } from "./prior";
import { formatWan, modelQuantities, percentOf, type Quantity } from "./quantities";

/** The slot left for the officer where a reason is needed. */
export const REASON_SLOT = "【请填写增减原因】";
export const USE_SLOT = "【请填写主要用途】";

/** A slot the generator left, in the order the slots stand in the section's paragraphs. */
export interface SlotItem {
  /** The item the slot belongs to: "基本支出", "公务接待", "机关运行经费", a 类 name … */
  item: string;
  kind: "reason" | "use";
}

export interface NarrativeSection {
  id: "overall" | "income" | "expense" | "fiscal" | "gpb" | "basic" | "fund" | "soe" | "change" | "operating" | "threePublic" | "procurement" | "assets";
  title: string;
  paragraphs: string[];
  /** What could not be written and why (missing prior-year figures …). */
  notes: string[];
  /** The slots (【请填写增减原因】, 【请填写主要用途】) in the paragraphs, in reading order, with their items. */
  slots?: SlotItem[];
}

/** Writes slots into sentences and records which item each belongs to. */
function slotWriter() {
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

/** The prior “三公” figures with 公务用车 made up from 购置 + 运行 when only those are given, and 合计 from the items. */
export function priorThreePublic(tp: ThreePublicFigures | undefined): ThreePublicFigures {
  const out: ThreePublicFigures = { ...(tp ?? {}) };
  if (out.公务用车 === undefined && out.购置 !== undefined && out.运行 !== undefined) out.公务用车 = out.购置.plus(out.运行);
  if (out.合计 === undefined && out.因公出国 !== undefined && out.公务用车 !== undefined && out.公务接待 !== undefined) out.合计 = out.因公出国.plus(out.公务用车).plus(out.公务接待);
  return out;
}

function who(model: BudgetModel): string {
  return model.tables.some((t) => /^部门/.test(t.title)) ? "我部门" : "我单位";
}

/** hebei: 河北 budget wording (seeds 000–002); henan: 河南 budget wording with shares (seed 003); final: 决算. */
export type NarrativeStyle = "hebei" | "henan" | "final";

/** The wording the workbook's template family uses: 决算, the Henan 总体情况表 family, or Hebei. */
export function detectStyle(model: BudgetModel): NarrativeStyle {
  if (model.documentKind === "决算") return "final";
  return model.tables.some((t) => /总体情况表|支出情况表/.test(t.title)) ? "henan" : "hebei";
}

/**
 * The 情况说明 of the model, written from last year's figures as the check resolved them (the explicit
 * source merged with the tables' own 上年 and 年初预算 columns: prior.ts, resolvePrior).
 */
export function generateNarrative(model: BudgetModel, lastYear: LastYear = resolvePrior(model), style: NarrativeStyle = detectStyle(model)): NarrativeSection[] {
  const prior = lastYear.merged;
  if (style === "final") return generateFinal(model, prior);
  return style === "henan" ? generateHenan(model, prior) : generateBudget(model, prior);
}

/**
 * The spending by function as seed001 says it: "支出包括：卫生健康支出874.96万元，包括医疗保障管理事务874.96万元
 * （其中行政运行794.96万元、医疗保障经办事务80.00万元）。" — each 类, its 款, their 项 (non-zero ones) — with
 * each 类's share of 一般公共预算支出 ("卫生健康支出874.96万元，占一般公共预算支出的100.00%，包括…") where
 * the 类 is read from the 一般公共预算财政拨款支出表 (a 类 of the 支出总表 may hold other funds too).
 */
/** Subject codes (digits) in code order, whatever the machine's locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function functionalStructure(q: Map<string, Quantity>): string | undefined {
  const categories = [...q.values()].filter((x) => x.family === "category" && x.code && !x.value.isZero()).sort((a, b) => byCode(a.code!, b.code!));
  if (!categories.length) return undefined;
  const subjects = [...q.values()].filter((x) => x.key.startsWith("func.") && x.code && !x.value.isZero());
  const gpb = q.get("expense.gpb");
  const under = (code: string, length: number) => subjects.filter((x) => x.code!.length === length && x.code!.startsWith(code)).sort((a, b) => byCode(a.code!, b.code!));
  const items = categories.map((c) => {
    const kuan = under(c.code!, 5).map((k) => {
      const xiang = under(k.code!, 7);
      return `${k.name}${wan(k.value)}万元${xiang.length ? `（其中${xiang.map((x) => `${x.name}${wan(x.value)}万元`).join("、")}）` : ""}`;
    });
    const gpbShare = gpb && !gpb.value.isZero() && c.table === "gpb_expense" ? `，占一般公共预算支出的${share(c.value, gpb.value)}%` : "";
    return `${c.name}${wan(c.value)}万元${gpbShare}${kuan.length ? `，包括${kuan.join("、")}` : ""}`;
  });
  return `支出包括：${items.join("；")}。`;
}

function generateBudget(model: BudgetModel, prior?: PriorYear): NarrativeSection[] {
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
  const structure = functionalStructure(q);
  sections.push({
    id: "expense",
    title: "支出说明",
    paragraphs: [
      `${year}年支出预算${wan(v("expense.total"))}万元，其中基本支出${wan(v("basic"))}万元，包括人员经费${wan(v("personnel"))}万元和日常公用经费${wan(v("public"))}万元；项目支出${wan(v("project"))}万元${top.length ? `，主要为${top.join("、")}${projects.length > top.length ? "等" : ""}` : ""}。`,
      ...(structure ? [structure] : []),
    ],
    notes: [],
  });

  // 比上年增减情况
  const change: NarrativeSection = { id: "change", title: "比上年增减情况", paragraphs: [], notes: [] };
  if (prior?.total !== undefined) {
    const slot = slotWriter();
    const parts: string[] = [];
    if (prior.basic !== undefined) parts.push(`基本支出${changeWords(v("basic").minus(prior.basic))}${v("basic").equals(prior.basic) ? "" : `，主要为${slot.reason("基本支出")}`}`);
    if (prior.project !== undefined) parts.push(`项目支出${changeWords(v("project").minus(prior.project))}${v("project").equals(prior.project) ? "" : `，主要是${slot.reason("项目支出")}`}`);
    change.paragraphs.push(`${year}年预算收支安排${wan(v("expense.total"))}万元，较${prior.year}年预算${changeWords(v("expense.total").minus(prior.total))}${parts.length ? `，其中：${parts.join("；")}` : ""}。`);
    change.slots = slot.slots;
  } else {
    change.notes.push(`缺少${year - 1}年预算数，未写比上年增减情况：请提供上年预算工作簿（--prior）或上年收支总额、基本支出、项目支出。`);
  }
  sections.push(change);

  // 机关运行经费
  const opSlot = slotWriter();
  sections.push({
    id: "operating",
    title: "机关运行经费",
    paragraphs: [`${year}年，${me}机关运行经费共计安排${wan(v("operating"))}万元，主要用于${opSlot.use("机关运行经费")}等日常运行支出。`],
    notes: [],
    slots: opSlot.slots,
  });

  // 财政拨款“三公”经费
  const tp = (k: string) => v(`tp.${k}`);
  const tpSection: NarrativeSection = { id: "threePublic", title: "财政拨款“三公”经费", paragraphs: [], notes: [] };
  if (q.has("tp.合计")) {
    const slot = slotWriter();
    const before = priorThreePublic(prior?.threePublic);
    const py = prior?.year ?? year - 1;
    /** ", 与2023年相比减少0.03万元，主要原因是【…】" for an item the prior year gives. */
    const itemChange = (item: "因公出国" | "公务用车" | "公务接待"): string => {
      const was = before[item];
      if (was === undefined) return "";
      const delta = tp(item).minus(was);
      return `，与${py}年相比${changeWords(delta)}${delta.isZero() ? "" : `，主要原因是${slot.reason(item)}`}`;
    };
    const perItem = (["因公出国", "公务用车", "公务接待"] as const).every((k) => before[k] !== undefined);
    let text: string;
    if (perItem) {
      const total = before.合计 !== undefined ? `，与${py}年相比${changeWords(tp("合计").minus(before.合计))}` : "";
      text = `${year}年，${me}财政拨款“三公”经费预算安排${wan(tp("合计"))}万元${total}，其中因公出国（境）费${wan(tp("因公出国"))}万元${itemChange("因公出国")}；公务用车购置及运维费${wan(tp("公务用车"))}万元（其中：公务用车购置费为${wan(tp("购置"))}万元，公务用车运维费${wan(tp("运行"))}万元）${itemChange("公务用车")}；公务接待费${wan(tp("公务接待"))}万元${itemChange("公务接待")}。`;
    } else {
      text = `${year}年，${me}财政拨款“三公”经费预算安排${wan(tp("合计"))}万元，其中因公出国（境）费${wan(tp("因公出国"))}万元；公务用车购置及运维费${wan(tp("公务用车"))}万元（其中：公务用车购置费为${wan(tp("购置"))}万元，公务用车运维费${wan(tp("运行"))}万元）；公务接待费${wan(tp("公务接待"))}万元。`;
      if (before.合计 !== undefined) {
        const delta = tp("合计").minus(before.合计);
        text += `与${py}年相比${changeWords(delta)}${delta.isZero() ? "" : `，主要原因是${slot.reason("合计")}`}。`;
        tpSection.notes.push(`缺少${py}年“三公”经费分项预算数（因公出国（境）费、公务用车购置及运维费、公务接待费），未写各项与上年相比的增减情况。`);
      } else {
        tpSection.notes.push(`缺少${year - 1}年“三公”经费预算数，未写与上年相比的增减情况。`);
      }
    }
    tpSection.paragraphs.push(text);
    tpSection.slots = slot.slots;
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

/** A list of clauses as the 决算 narrative prints them: "；" between, "。" at the end. */
function clauses(items: string[]): string[] {
  return items.map((t, i) => `${t}${i === items.length - 1 ? "。" : "；"}`);
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

/** A 决算 change with its rate: "增加2,690.32万元，增长113.71%", "减少0.24万元，下降15.19%", or 持平. */
export function finalChange(current: Dec, before: Dec): string {
  return changeWithRate(current, before, true);
}

function generateFinal(model: BudgetModel, prior?: PriorYear): NarrativeSection[] {
  const q = modelQuantities(model);
  const v = (key: string): Dec => q.get(key)?.value ?? ZERO;
  const w = (d: Dec) => wan(d, true);
  const y = model.year ?? 0;
  const noPrior = `缺少${y - 1}年度决算数，未写与上年相比的增减情况：请提供上年决算工作簿（--prior）或上年决算数。`;
  const sections: NarrativeSection[] = [];
  /** "与上年相比，收入总计增加…，支出总计增加…。主要原因是【…】。" for pairs of (what, current, prior). */
  const compared = (slot: ReturnType<typeof slotWriter>, item: string, pairs: [string, Dec][], before: Dec, sep: string): string => {
    const said = pairs.map(([what, cur]) => `${what}${finalChange(cur, before)}`);
    const flat = pairs.every(([, cur]) => cur.equals(before));
    return `与上年相比，${said.join(sep)}。${flat ? "" : `主要原因是${slot.reason(item)}。`}`;
  };

  const overallSlot = slotWriter();
  sections.push({
    id: "overall",
    title: "收入支出决算总体情况说明",
    paragraphs: [
      `${y}年度收入总计${w(v("income.grand"))}万元，支出总计${w(v("expense.grand"))}万元。${prior?.grand !== undefined ? compared(overallSlot, "收支总计", [["收入总计", v("income.grand")], ["支出总计", v("expense.grand")]], prior.grand, "，") : ""}`,
    ],
    notes: prior?.grand !== undefined ? [] : [noPrior],
    slots: overallSlot.slots,
  });

  const income = v("income.total");
  const fiscal = v("income.fiscal");
  const other = income.minus(fiscal);
  const incomeItems = [...(fiscal.isZero() ? [] : [`财政拨款收入${w(fiscal)}万元，占比${share(fiscal, income)}%`]), ...(other.isZero() ? [] : [`其他各项收入${w(other)}万元，占比${share(other, income)}%`])];
  sections.push({ id: "income", title: "收入决算情况说明", paragraphs: [`${y}年度收入合计${w(income)}万元，其中：`, ...clauses(incomeItems)], notes: [] });

  const spent = v("expense.total");
  sections.push({
    id: "expense",
    title: "支出决算情况说明",
    paragraphs: [`${y}年度支出合计${w(spent)}万元，其中：`, ...clauses([`基本支出${w(v("basic"))}万元，占比${share(v("basic"), spent)}%`, `项目支出${w(v("project"))}万元，占比${share(v("project"), spent)}%`])],
    notes: [],
  });

  const fiscalSlot = slotWriter();
  const fiscalCompared =
    prior?.fiscalGrand !== undefined
      ? compared(fiscalSlot, "财政拨款收支总计", [["财政拨款收入总计", v("income.fiscalGrand")], ["财政拨款支出总计", v("expense.fiscalGrand")]], prior.fiscalGrand, "；")
      : "";
  sections.push({
    id: "fiscal",
    title: "财政拨款收支决算总体情况说明",
    paragraphs: [`${y}年度财政拨款收入总计${w(v("income.fiscalGrand"))}万元，支出总计${w(v("expense.fiscalGrand"))}万元。${fiscalCompared}`],
    notes: prior?.fiscalGrand !== undefined ? [] : [noPrior],
    slots: fiscalSlot.slots,
  });

  const gpb = v("expense.gpb");
  const categories = [...q.values()].filter((x) => x.family === "category" && !x.value.isZero());
  const gpbSlot = slotWriter();
  const budget = prior?.budget;
  const gpbParagraphs = [
    `${y}年一般公共预算财政拨款决算支出${w(gpb)}万元，占本年支出合计的${share(gpb, spent)}%。${prior?.gpb !== undefined ? compared(gpbSlot, "一般公共预算财政拨款支出", [["一般公共预算财政拨款支出", gpb]], prior.gpb, "") : ""}`,
    `${y}年度一般公共预算财政拨款支出${w(gpb)}万元，主要用于以下方面：`,
    ...clauses(categories.map((c) => `${c.name}（类）${w(c.value)}万元，占比${share(c.value, gpb)}%`)),
  ];
  const gpbNotes: string[] = [];
  if (prior?.gpb === undefined) gpbNotes.push(noPrior);
  // 具体情况: each 类 against its 年初预算 and last year's 决算, where those figures are given
  const budgetOf = (code: string | undefined) => (code ? budget?.categories?.[code] : undefined);
  const priorOf = (code: string | undefined) => (code ? prior?.categories?.[code] : undefined);
  const detailed = categories.filter((c) => budgetOf(c.code) !== undefined || priorOf(c.code) !== undefined);
  if (detailed.length) {
    const done = (cur: Dec, b: Dec) => (b.isZero() ? "" : `，完成年初预算的${share(cur, b)}%`);
    gpbParagraphs.push(budget?.gpb !== undefined ? `${y}年度一般公共预算财政拨款支出年初预算${w(budget.gpb)}万元，支出决算${w(gpb)}万元${done(gpb, budget.gpb)}。其中：` : `${y}年度一般公共预算财政拨款支出决算具体情况如下：`);
    for (const c of detailed) {
      const b = budgetOf(c.code);
      const was = priorOf(c.code);
      let text = `${c.name}${b !== undefined ? `年初预算${w(b)}万元，支出决算${w(c.value)}万元${done(c.value, b)}` : `支出决算${w(c.value)}万元`}，用于${gpbSlot.use(`${c.name}（用途）`)}。`;
      if (was !== undefined) text += c.value.equals(was) ? "与上年决算持平。" : `较上年决算${finalChange(c.value, was)}，主要原因是${gpbSlot.reason(c.name)}。`;
      gpbParagraphs.push(text);
    }
  }
  const noBudget = categories.filter((c) => budgetOf(c.code) === undefined).map((c) => c.name);
  if (noBudget.length) gpbNotes.push(`缺少${y}年年初预算数${noBudget.length < categories.length ? `（${noBudget.join("、")}）` : ""}，未写${noBudget.length < categories.length ? "这些类" : "各类支出"}完成年初预算的比例。`);
  const noPriorCategory = categories.filter((c) => priorOf(c.code) === undefined).map((c) => c.name);
  if (prior?.categories && noPriorCategory.length) gpbNotes.push(`缺少${y - 1}年度决算数（${noPriorCategory.join("、")}），未写这些类较上年决算的增减情况。`);
  sections.push({ id: "gpb", title: "一般公共预算财政拨款支出决算情况说明", paragraphs: gpbParagraphs, notes: gpbNotes, slots: gpbSlot.slots });

  /** An economic 类 with its non-zero 款: "工资福利支出344.20万元（其中：基本工资108.39万元、…）". */
  const withParts = (key: string): string | undefined => {
    const c = q.get(key);
    if (!c || c.value.isZero()) return undefined;
    const parts = (c.parts?.[0] ?? []).map((k) => q.get(k)).filter((x): x is Quantity => x !== undefined && !x.value.isZero());
    return `${c.name}${w(c.value)}万元${parts.length ? `（其中：${parts.map((x) => `${x.name}${w(x.value)}万元`).join("、")}）` : ""}`;
  };
  const groups = (key: string) => (q.get(key)?.parts?.[0] ?? []).map(withParts).filter((x): x is string => x !== undefined);
  const personnel = groups("personnel");
  const publicUse = groups("public");
  sections.push({
    id: "basic",
    title: "一般公共预算财政拨款基本支出决算情况说明",
    paragraphs: [
      `${y}年度财政拨款基本支出${w(v("basic"))}万元，其中：`,
      ...clauses([`人员经费${w(v("personnel"))}万元${personnel.length ? `，主要包括${personnel.join("、")}` : ""}`, `公用经费${w(v("public"))}万元${publicUse.length ? `，主要包括${publicUse.join("、")}` : ""}`]),
    ],
    notes: [],
  });

  sections.push({ id: "fund", title: "政府性基金预算财政拨款收支决算情况说明", paragraphs: [v("expense.fund").isZero() ? "本年度无此项收支。" : `${y}年度政府性基金预算财政拨款支出${w(v("expense.fund"))}万元。`], notes: [] });
  const soe = q.get("expense.soe");
  sections.push({ id: "soe", title: "国有资本经营预算财政拨款支出决算情况说明", paragraphs: [!soe || soe.value.isZero() ? "本年度无此项支出。" : `${y}年度国有资本经营预算财政拨款支出${w(soe.value)}万元。`], notes: [] });

  const tp = (item: string, aspect: string) => v(`tp.${item}@${aspect}`);
  if (q.has("tp.合计@决算数")) {
    const slot = slotWriter();
    const before = prior?.threePublic ? priorThreePublic(prior.threePublic) : undefined;
    const done = (item: string) => {
      const budgeted = tp(item, "预算数");
      return budgeted.isZero() ? "" : `，完成全年预算的${share(tp(item, "决算数"), budgeted)}%`;
    };
    /** "，比上年度减少0.24万元，下降15.19%，主要原因是【…】" where last year's 决算 of the item is given. */
    const vsPrior = (item: "合计" | "因公出国" | "购置" | "运行" | "公务接待") => {
      const was = before?.[item];
      if (was === undefined) return "";
      const cur = tp(item, "决算数");
      return cur.equals(was) ? "，与上年持平" : `，比上年度${finalChange(cur, was)}，主要原因是${slot.reason(item)}`;
    };
    const notes: string[] = [];
    if (!before) notes.push(noPrior);
    else {
      const missing = (["合计", "因公出国", "购置", "运行", "公务接待"] as const).filter((k) => before[k] === undefined).map((k) => (k === "合计" ? "合计" : ITEM_NAMES[k]));
      if (missing.length) notes.push(`缺少${y - 1}年度“三公”经费决算数（${missing.join("、")}），未写这些项与上年相比的增减情况。`);
    }
    sections.push({
      id: "threePublic",
      title: "财政拨款“三公”经费支出决算情况说明",
      paragraphs: [
        `${y}年度“三公”经费财政拨款支出全年预算${w(tp("合计", "预算数"))}万元，支出决算${w(tp("合计", "决算数"))}万元${done("合计")}${vsPrior("合计")}。其中：`,
        ...clauses([
          `因公出国（境）费支出${w(tp("因公出国", "决算数"))}万元${done("因公出国")}${vsPrior("因公出国")}`,
          `公务用车购置费支出${w(tp("购置", "决算数"))}万元${done("购置")}${vsPrior("购置")}`,
          `公务用车运行维护费支出${w(tp("运行", "决算数"))}万元${done("运行")}${vsPrior("运行")}`,
          `公务接待费支出${w(tp("公务接待", "决算数"))}万元${done("公务接待")}${vsPrior("公务接待")}`,
        ]),
      ],
      notes,
      slots: slot.slots,
    });
  }

  if (q.has("procurement.total")) {
    const total = v("procurement.total");
    const kinds = ["goods", "works", "services"].map((k, i) => `政府采购${["货物", "工程", "服务"][i]}支出${w(v(`procurement.${k}`))}万元`);
    const sme = q.get("procurement.sme");
    const micro = q.get("procurement.micro");
    let smeText = "";
    if (sme && !total.isZero()) {
      smeText = `政府采购授予中小企业合同金额${w(sme.value)}万元，占政府采购支出总额的${share(sme.value, total)}%。`;
      if (micro) smeText += `其中：授予小微企业合同金额${w(micro.value)}万元，占政府采购支出总额的${share(micro.value, total)}%。`;
    }
    sections.push({
      id: "procurement",
      title: "政府采购支出情况说明",
      paragraphs: [total.isZero() ? `${y}年度无政府采购支出。` : `${y}年度政府采购支出总额${w(total)}万元，其中：${kinds.join("、")}。${smeText}`],
      notes: sme || total.isZero() ? [] : ["表中没有“授予中小企业合同金额”，未写授予中小企业合同金额及其占比。"],
    });
  }
  if (q.has("vehicles.total")) {
    sections.push({ id: "assets", title: "国有资产占用情况说明", paragraphs: [`截至${y}年12月31日，共有车辆${v("vehicles.total").toString()}辆。`], notes: [] });
  }
  return sections;
}

/** 增长/下降 with the amount and the rate, as the Henan wording says a change. */
function growthWords(current: Dec, before: Dec): string {
  const delta = current.minus(before);
  if (delta.isZero()) return "持平";
  const rate = before.isZero() ? "" : `，${delta.isPositive() ? "增长" : "下降"}${share(delta.abs(), before)}%`;
  return `${delta.isPositive() ? "增长" : "减少"}${wan(delta.abs())}万元${rate}`;
}

function generateHenan(model: BudgetModel, prior?: PriorYear): NarrativeSection[] {
  const q = modelQuantities(model);
  const v = (key: string): Dec => q.get(key)?.value ?? ZERO;
  const y = model.year ?? 0;
  const unit = model.unitName ?? "本单位";
  const noPrior = `缺少${y - 1}年预算数，未写与上年相比的增减情况：请提供上年预算工作簿或上年数据（--prior）。`;
  const total = v("expense.total");
  const gpb = v("expense.gpb");
  const basicAndProject = (whole: Dec) => `基本支出${wan(v("basic"))}万元，占${share(v("basic"), whole)}%；项目支出${wan(v("project"))}万元，占${share(v("project"), whole)}%`;
  const sections: NarrativeSection[] = [];

  const overallSlot = slotWriter();
  const overall: NarrativeSection = { id: "overall", title: "收入支出预算总体情况说明", paragraphs: [], notes: [], slots: overallSlot.slots };
  let text = `${unit}${y}年收入总计${wan(v("income.grand"))}万元，支出总计${wan(v("expense.grand"))}万元`;
  if (prior?.total !== undefined) text += `，与${prior.year}年预算相比，收入${growthWords(v("income.grand"), prior.total)}，支出${growthWords(v("expense.grand"), prior.total)}。主要原因：${overallSlot.reason("收支总计")}`;
  else overall.notes.push(noPrior);
  overall.paragraphs.push(`${text}。`);
  sections.push(overall);

  const incomeItems = [...q.values()].filter((x) => /^income\.(gpb|fund|soe|special|unit)$/.test(x.key) && !x.value.isZero());
  sections.push({ id: "income", title: "收入预算总体情况说明", paragraphs: [`${unit}${y}年收入合计${wan(v("income.total"))}万元${incomeItems.length ? `，其中：${incomeItems.map((x) => `${x.name.replace(/收入$/, "")}${wan(x.value)}万元`).join("，")}` : ""}。`], notes: [] });
  sections.push({ id: "expense", title: "支出预算总体情况说明", paragraphs: [`${unit}${y}年支出合计${wan(total)}万元。其中：${basicAndProject(total)}。`], notes: [] });
  const fiscalSlot = slotWriter();
  let fiscalText = `${unit}${y}年一般公共预算收支预算${wan(gpb)}万元。`;
  if (prior?.gpb !== undefined) {
    const same = gpb.minus(prior.gpb).isZero();
    fiscalText += `与${prior.year}年相比，一般公共预算收支预算${growthWords(gpb, prior.gpb)}${same ? "" : `，主要原因：${fiscalSlot.reason("一般公共预算")}`}。`;
  }
  sections.push({
    id: "fiscal",
    title: "财政拨款收入支出总体情况说明",
    paragraphs: [fiscalText],
    notes: prior?.gpb !== undefined ? [] : [`缺少${y - 1}年一般公共预算收支预算数，未写与上年相比的增减情况：请提供上年预算工作簿或上年数据（--prior，"gpb"）。`],
    slots: fiscalSlot.slots,
  });

  const categories = [...q.values()].filter((x) => x.family === "category" && !x.value.isZero());
  sections.push({
    id: "gpb",
    title: "一般公共预算支出情况说明",
    paragraphs: [`${unit}${y}年一般公共预算支出年初预算为${wan(gpb)}万元。其中：${basicAndProject(gpb)}。${categories.length ? `主要用于以下方面：${categories.map((c) => `${c.name}${wan(c.value)}万元，占${share(c.value, gpb)}%`).join("；")}。` : ""}`],
    notes: [],
  });
  const basic = v("basic");
  sections.push({
    id: "basic",
    title: "一般公共预算基本支出情况说明",
    paragraphs: [`${unit}${y}年一般公共预算基本支出年初预算为${wan(basic)}万元。其中：人员经费支出${wan(v("personnel"))}万元，占${share(v("personnel"), basic)}%；公用经费支出${wan(v("public"))}万元，占${share(v("public"), basic)}%。`],
    notes: [],
  });

  if (q.has("tp.合计")) {
    const tp = (k: string) => v(`tp.${k}`);
    const slot = slotWriter();
    const before = priorThreePublic(prior?.threePublic);
    const py = prior?.year ?? y - 1;
    const was = before.合计;
    const delta = was === undefined ? undefined : tp("合计").minus(was);
    const compared = delta === undefined ? "" : delta.isZero() ? `${y}年“三公”经费支出预算数与${py}年持平。` : `${y}年“三公”经费支出预算数比${py}年${changeWords(delta)}，主要原因：${slot.reason("合计")}。`;
    /** Each item against last year's, as seed003 says it: "预算数与2022年相同，无差异。" or "预算数比2022年增加…，主要原因：【…】。". */
    const itemChange = (item: "因公出国" | "公务接待" | "公务用车"): string => {
      const b = before[item];
      if (b === undefined) return "";
      if (tp(item).equals(b)) return `预算数与${py}年相同，无差异。`;
      return `预算数比${py}年${changeWithRate(tp(item), b)}，主要原因：${slot.reason(item)}。`;
    };
    const items = ["因公出国", "公务接待", "公务用车"] as const;
    const missing = items.filter((k) => before[k] === undefined);
    const notes =
      was === undefined && missing.length === items.length
        ? [`缺少${y - 1}年“三公”经费预算数，未写与上年相比的增减情况。`]
        : missing.length
          ? [`缺少${py}年“三公”经费分项预算数（${missing.map((k) => ITEM_NAMES[k]).join("、")}），未写这些项与上年相比的增减情况。`]
          : [];
    sections.push({
      id: "threePublic",
      title: "“三公”经费支出情况说明",
      slots: slot.slots,
      paragraphs: [
        `${unit}${y}年“三公”经费预算为${wan(tp("合计"))}万元。${compared}具体支出情况如下：`,
        `（一）因公出国（境）费${wan(tp("因公出国"))}万元。${itemChange("因公出国")}`,
        `（二）公务接待费${wan(tp("公务接待"))}万元。${itemChange("公务接待")}`,
        `（三）公务用车购置及运行维护费${wan(tp("公务用车"))}万元，其中：公务用车购置费${wan(tp("购置"))}万元；公务用车运行维护费${wan(tp("运行"))}万元。${itemChange("公务用车")}`,
      ],
      notes,
    });
  }
  const fund = v("expense.fund");
  sections.push({ id: "fund", title: "政府性基金预算支出情况说明", paragraphs: [fund.isZero() ? `${unit}${y}年无使用政府性基金预算拨款安排的支出。` : `${unit}${y}年政府性基金预算支出${wan(fund)}万元。`], notes: [] });
  const soe = q.get("expense.soe")?.value ?? ZERO;
  sections.push({ id: "soe", title: "国有资本经营预算支出情况说明", paragraphs: [soe.isZero() ? `${unit}${y}年无使用国有资本经营预算拨款安排的支出。` : `${unit}${y}年国有资本经营预算支出${wan(soe)}万元。`], notes: [] });
  const opSlot = slotWriter();
  sections.push({ id: "operating", title: "机关运行经费支出情况", paragraphs: [`${unit}${y}年机关运行经费支出预算${wan(v("operating"))}万元，主要用于${opSlot.use("机关运行经费")}。`], notes: [], slots: opSlot.slots });
  if (q.has("procurement.total")) sections.push({ id: "procurement", title: "政府采购支出情况", paragraphs: [`${unit}${y}年政府采购预算安排${wan(v("procurement.total"))}万元。`], notes: [] });
  return sections;
}
