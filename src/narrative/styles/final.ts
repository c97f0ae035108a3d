/**
 * The national 决算 wording (seed 004): 收入/支出 with shares, 财政拨款, 一般公共预算 by 类 (against 年初预算
 * and last year's 决算 where given), 基本支出 composition, 基金, 国资, “三公” 预算 vs 决算, 政府采购 with the
 * 中小企业 share, 车辆. Amounts with thousands separators.
 */
import type { Dec } from "../../grid/decimal";
import { ITEM_NAMES } from "../../model/query/threePublic";
import type { Quantity } from "../quantities";
import { categories, changeWithRate, priorThreePublic, share, slotWriter, wan, type SectionWriter, type SlotWriter, type WriterContext } from "./common";
import type { NarrativeSection } from "../section";

const w = (d: Dec) => wan(d, true);

/** A 决算 change with its rate: "增加2,690.32万元，增长113.71%", "减少0.24万元，下降15.19%", or 持平. */
export function finalChange(current: Dec, before: Dec): string {
  return changeWithRate(current, before, true);
}

/** A list of clauses as the 决算 narrative prints them: "；" between, "。" at the end. */
function clauses(items: string[]): string[] {
  return items.map((t, i) => `${t}${i === items.length - 1 ? "。" : "；"}`);
}

const noPrior = (lastYear: string) => `缺少${lastYear}年度决算数，未写与上年相比的增减情况：请提供上年决算工作簿，或在上年数据中填写上年决算数。`;

/** "与上年相比，收入总计增加…，支出总计增加…。主要原因是【…】。" for pairs of (what, current, prior). */
function compared(slot: SlotWriter, item: string, pairs: [string, Dec][], before: Dec, sep: string): string {
  const said = pairs.map(([what, cur]) => `${what}${finalChange(cur, before)}`);
  const flat = pairs.every(([, cur]) => cur.equals(before));
  return `与上年相比，${said.join(sep)}。${flat ? "" : `主要原因是${slot.reason(item)}。`}`;
}

const overall: SectionWriter = ({ fig, prior, year, lastYear }) => {
  const slot = slotWriter();
  const vs =
    prior?.grand !== undefined
      ? compared(
          slot,
          "收支总计",
          [
            ["收入总计", fig("income.grand")],
            ["支出总计", fig("expense.grand")],
          ],
          prior.grand,
          "，",
        )
      : "";
  return {
    id: "overall",
    title: "收入支出决算总体情况说明",
    paragraphs: [`${year}年度收入总计${w(fig("income.grand"))}万元，支出总计${w(fig("expense.grand"))}万元。${vs}`],
    notes: prior?.grand !== undefined ? [] : [noPrior(lastYear)],
    slots: slot.slots,
  };
};

const income: SectionWriter = ({ fig, year }) => {
  const total = fig("income.total");
  const fiscal = fig("income.fiscal");
  const other = total.minus(fiscal);
  const items = [
    ...(fiscal.isZero() ? [] : [`财政拨款收入${w(fiscal)}万元，占比${share(fiscal, total)}%`]),
    ...(other.isZero() ? [] : [`其他各项收入${w(other)}万元，占比${share(other, total)}%`]),
  ];
  return { id: "income", title: "收入决算情况说明", paragraphs: [`${year}年度收入合计${w(total)}万元，其中：`, ...clauses(items)], notes: [] };
};

const expense: SectionWriter = ({ fig, year }) => {
  const spent = fig("expense.total");
  return {
    id: "expense",
    title: "支出决算情况说明",
    paragraphs: [
      `${year}年度支出合计${w(spent)}万元，其中：`,
      ...clauses([
        `基本支出${w(fig("basic"))}万元，占比${share(fig("basic"), spent)}%`,
        `项目支出${w(fig("project"))}万元，占比${share(fig("project"), spent)}%`,
      ]),
    ],
    notes: [],
  };
};

const fiscal: SectionWriter = ({ fig, prior, year, lastYear }) => {
  const slot = slotWriter();
  const vs =
    prior?.fiscalGrand !== undefined
      ? compared(
          slot,
          "财政拨款收支总计",
          [
            ["财政拨款收入总计", fig("income.fiscalGrand")],
            ["财政拨款支出总计", fig("expense.fiscalGrand")],
          ],
          prior.fiscalGrand,
          "；",
        )
      : "";
  return {
    id: "fiscal",
    title: "财政拨款收支决算总体情况说明",
    paragraphs: [`${year}年度财政拨款收入总计${w(fig("income.fiscalGrand"))}万元，支出总计${w(fig("expense.fiscalGrand"))}万元。${vs}`],
    notes: prior?.fiscalGrand !== undefined ? [] : [noPrior(lastYear)],
    slots: slot.slots,
  };
};

const gpb: SectionWriter = (ctx) => {
  const { fig, prior, year } = ctx;
  const total = fig("expense.gpb");
  const cats = categories(ctx.q);
  const slot = slotWriter();
  const paragraphs = [
    `${year}年一般公共预算财政拨款决算支出${w(total)}万元，占本年支出合计的${share(total, fig("expense.total"))}%。${prior?.gpb !== undefined ? compared(slot, "一般公共预算财政拨款支出", [["一般公共预算财政拨款支出", total]], prior.gpb, "") : ""}`,
    `${year}年度一般公共预算财政拨款支出${w(total)}万元，主要用于以下方面：`,
    ...clauses(cats.map((c) => `${c.name}（类）${w(c.value)}万元，占比${share(c.value, total)}%`)),
    ...categoryDetails(ctx, cats, slot),
  ];
  return { id: "gpb", title: "一般公共预算财政拨款支出决算情况说明", paragraphs, notes: gpbNotes(ctx, cats), slots: slot.slots };
};

/** 具体情况: each 类 against its 年初预算 and last year's 决算, where those figures are given. */
function categoryDetails({ fig, prior, year }: WriterContext, cats: Quantity[], slot: SlotWriter): string[] {
  const budget = prior?.budget;
  const detailed = cats.filter((c) => budgetOf(prior, c.code) !== undefined || priorOf(prior, c.code) !== undefined);
  if (!detailed.length) return [];
  const total = fig("expense.gpb");
  const done = (cur: Dec, b: Dec) => (b.isZero() ? "" : `，完成年初预算的${share(cur, b)}%`);
  const out = [
    budget?.gpb !== undefined
      ? `${year}年度一般公共预算财政拨款支出年初预算${w(budget.gpb)}万元，支出决算${w(total)}万元${done(total, budget.gpb)}。其中：`
      : `${year}年度一般公共预算财政拨款支出决算具体情况如下：`,
  ];
  for (const c of detailed) {
    const b = budgetOf(prior, c.code);
    const was = priorOf(prior, c.code);
    let text = `${c.name}${b !== undefined ? `年初预算${w(b)}万元，支出决算${w(c.value)}万元${done(c.value, b)}` : `支出决算${w(c.value)}万元`}，用于${slot.use(`${c.name}（用途）`)}。`;
    if (was !== undefined) text += c.value.equals(was) ? "与上年决算持平。" : `较上年决算${finalChange(c.value, was)}，主要原因是${slot.reason(c.name)}。`;
    out.push(text);
  }
  return out;
}

const budgetOf = (prior: WriterContext["prior"], code: string | undefined) => (code ? prior?.budget?.categories?.[code] : undefined);
const priorOf = (prior: WriterContext["prior"], code: string | undefined) => (code ? prior?.categories?.[code] : undefined);

function gpbNotes({ prior, year, lastYear }: WriterContext, cats: Quantity[]): string[] {
  const notes: string[] = [];
  if (prior?.gpb === undefined) notes.push(noPrior(lastYear));
  const noBudget = cats.filter((c) => budgetOf(prior, c.code) === undefined).map((c) => c.name);
  if (noBudget.length)
    notes.push(
      `缺少${year}年年初预算数${noBudget.length < cats.length ? `（${noBudget.join("、")}）` : ""}，未写${noBudget.length < cats.length ? "这些类" : "各类支出"}完成年初预算的比例。`,
    );
  const noPriorCategory = cats.filter((c) => priorOf(prior, c.code) === undefined).map((c) => c.name);
  if (prior?.categories && noPriorCategory.length) notes.push(`缺少${lastYear}年度决算数（${noPriorCategory.join("、")}），未写这些类较上年决算的增减情况。`);
  return notes;
}

const basic: SectionWriter = ({ q, fig, year }) => {
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
  return {
    id: "basic",
    title: "一般公共预算财政拨款基本支出决算情况说明",
    paragraphs: [
      `${year}年度财政拨款基本支出${w(fig("basic"))}万元，其中：`,
      ...clauses([
        `人员经费${w(fig("personnel"))}万元${personnel.length ? `，主要包括${personnel.join("、")}` : ""}`,
        `公用经费${w(fig("public"))}万元${publicUse.length ? `，主要包括${publicUse.join("、")}` : ""}`,
      ]),
    ],
    notes: [],
  };
};

const fund: SectionWriter = ({ fig, year }) => ({
  id: "fund",
  title: "政府性基金预算财政拨款收支决算情况说明",
  paragraphs: [fig("expense.fund").isZero() ? "本年度无此项收支。" : `${year}年度政府性基金预算财政拨款支出${w(fig("expense.fund"))}万元。`],
  notes: [],
});

const soe: SectionWriter = ({ q, year }) => {
  // an empty 国有资本经营 table gives no quantity: "无此项支出", as the tables say it
  const x = q.get("expense.soe");
  return {
    id: "soe",
    title: "国有资本经营预算财政拨款支出决算情况说明",
    paragraphs: [!x || x.value.isZero() ? "本年度无此项支出。" : `${year}年度国有资本经营预算财政拨款支出${w(x.value)}万元。`],
    notes: [],
  };
};

type FinalItem = "合计" | "因公出国" | "购置" | "运行" | "公务接待";

const threePublic: SectionWriter = ({ fig, has, prior, year, lastYear }) => {
  if (!has("tp.合计@决算数")) return undefined;
  const tp = (item: FinalItem, aspect: "预算数" | "决算数") => fig(`tp.${item}@${aspect}`);
  const slot = slotWriter();
  const before = prior?.threePublic ? priorThreePublic(prior.threePublic) : undefined;
  const done = (item: FinalItem) => {
    const budgeted = tp(item, "预算数");
    return budgeted.isZero() ? "" : `，完成全年预算的${share(tp(item, "决算数"), budgeted)}%`;
  };
  /** "，比上年度减少0.24万元，下降15.19%，主要原因是【…】" where last year's 决算 of the item is given. */
  const vsPrior = (item: FinalItem) => {
    const was = before?.[item];
    if (was === undefined) return "";
    const cur = tp(item, "决算数");
    return cur.equals(was) ? "，与上年持平" : `，比上年度${finalChange(cur, was)}，主要原因是${slot.reason(item)}`;
  };
  const notes: string[] = [];
  if (!before) notes.push(noPrior(lastYear));
  else {
    const missing = (["合计", "因公出国", "购置", "运行", "公务接待"] as const)
      .filter((k) => before[k] === undefined)
      .map((k) => (k === "合计" ? "合计" : ITEM_NAMES[k]));
    if (missing.length) notes.push(`缺少${lastYear}年度“三公”经费决算数（${missing.join("、")}），未写这些项与上年相比的增减情况。`);
  }
  const section: NarrativeSection = {
    id: "threePublic",
    title: "财政拨款“三公”经费支出决算情况说明",
    paragraphs: [
      `${year}年度“三公”经费财政拨款支出全年预算${w(tp("合计", "预算数"))}万元，支出决算${w(tp("合计", "决算数"))}万元${done("合计")}${vsPrior("合计")}。其中：`,
      ...clauses([
        `因公出国（境）费支出${w(tp("因公出国", "决算数"))}万元${done("因公出国")}${vsPrior("因公出国")}`,
        `公务用车购置费支出${w(tp("购置", "决算数"))}万元${done("购置")}${vsPrior("购置")}`,
        `公务用车运行维护费支出${w(tp("运行", "决算数"))}万元${done("运行")}${vsPrior("运行")}`,
        `公务接待费支出${w(tp("公务接待", "决算数"))}万元${done("公务接待")}${vsPrior("公务接待")}`,
      ]),
    ],
    notes,
    slots: slot.slots,
  };
  return section;
};

const procurement: SectionWriter = ({ q, fig, has, year }) => {
  if (!has("procurement.total")) return undefined;
  const total = fig("procurement.total");
  // the 货物/工程/服务 split is read only where there is spending to split
  const kinds = () => (["goods", "works", "services"] as const).map((k, i) => `政府采购${["货物", "工程", "服务"][i]}支出${w(fig(`procurement.${k}`))}万元`);
  const sme = q.get("procurement.sme");
  const micro = q.get("procurement.micro");
  let smeText = "";
  if (sme && !total.isZero()) {
    smeText = `政府采购授予中小企业合同金额${w(sme.value)}万元，占政府采购支出总额的${share(sme.value, total)}%。`;
    if (micro) smeText += `其中：授予小微企业合同金额${w(micro.value)}万元，占政府采购支出总额的${share(micro.value, total)}%。`;
  }
  return {
    id: "procurement",
    title: "政府采购支出情况说明",
    paragraphs: [total.isZero() ? `${year}年度无政府采购支出。` : `${year}年度政府采购支出总额${w(total)}万元，其中：${kinds().join("、")}。${smeText}`],
    notes: sme || total.isZero() ? [] : ["表中没有“授予中小企业合同金额”，未写授予中小企业合同金额及其占比。"],
  };
};

const vehicles: SectionWriter = ({ fig, has, year }) => {
  if (!has("vehicles.total")) return undefined;
  return { id: "assets", title: "国有资产占用情况说明", paragraphs: [`截至${year}年12月31日，共有车辆${fig("vehicles.total").toString()}辆。`], notes: [] };
};

export const FINAL: SectionWriter[] = [overall, income, expense, fiscal, gpb, basic, fund, soe, threePublic, procurement, vehicles];
