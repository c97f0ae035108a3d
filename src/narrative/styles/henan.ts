/**
 * The Henan budget wording (seed 003): 收入/支出 总体情况 with shares, 一般公共预算 by 类 with shares, 基本支出
 * 人员经费/公用经费 shares, “三公” with each item against last year, 基金, 国资, 机关运行经费, 政府采购.
 */
import type { Dec } from "../../grid/decimal";
import { ITEM_NAMES } from "../../model/query/threePublic";
import { categories, changeWithRate, changeWords, priorThreePublic, share, slotWriter, wan, type SectionWriter, type WriterContext } from "./common";
import type { NarrativeSection } from "../section";

/** 增长/下降 with the amount and the rate, as the Henan wording says a change. */
function growthWords(current: Dec, before: Dec): string {
  const delta = current.minus(before);
  if (delta.isZero()) return "持平";
  const rate = before.isZero() ? "" : `，${delta.isPositive() ? "增长" : "下降"}${share(delta.abs(), before)}%`;
  return `${delta.isPositive() ? "增长" : "减少"}${wan(delta.abs())}万元${rate}`;
}

const unitOf = ({ model }: WriterContext) => model.unitName ?? "本单位";

/** "基本支出…万元，占…%；项目支出…万元，占…%" of a whole. */
const basicAndProject = ({ fig }: WriterContext, whole: Dec) =>
  `基本支出${wan(fig("basic"))}万元，占${share(fig("basic"), whole)}%；项目支出${wan(fig("project"))}万元，占${share(fig("project"), whole)}%`;

const overall: SectionWriter = (ctx) => {
  const { fig, prior, year, lastYear } = ctx;
  const slot = slotWriter();
  const section: NarrativeSection = { id: "overall", title: "收入支出预算总体情况说明", paragraphs: [], notes: [], slots: slot.slots };
  let text = `${unitOf(ctx)}${year}年收入总计${wan(fig("income.grand"))}万元，支出总计${wan(fig("expense.grand"))}万元`;
  if (prior?.total !== undefined)
    text += `，与${prior.year}年预算相比，收入${growthWords(fig("income.grand"), prior.total)}，支出${growthWords(fig("expense.grand"), prior.total)}。主要原因：${slot.reason("收支总计")}`;
  else section.notes.push(`缺少${lastYear}年预算数，未写与上年相比的增减情况：请提供上年预算工作簿或上年数据。`);
  section.paragraphs.push(`${text}。`);
  return section;
};

const income: SectionWriter = (ctx) => {
  const items = [...ctx.q.values()].filter((x) => /^income\.(gpb|fund|soe|special|unit)$/.test(x.key) && !x.value.isZero());
  const parts = items.length ? `，其中：${items.map((x) => `${x.name.replace(/收入$/, "")}${wan(x.value)}万元`).join("，")}` : "";
  return {
    id: "income",
    title: "收入预算总体情况说明",
    paragraphs: [`${unitOf(ctx)}${ctx.year}年收入合计${wan(ctx.fig("income.total"))}万元${parts}。`],
    notes: [],
  };
};

const expense: SectionWriter = (ctx) => {
  const total = ctx.fig("expense.total");
  return {
    id: "expense",
    title: "支出预算总体情况说明",
    paragraphs: [`${unitOf(ctx)}${ctx.year}年支出合计${wan(total)}万元。其中：${basicAndProject(ctx, total)}。`],
    notes: [],
  };
};

const fiscal: SectionWriter = (ctx) => {
  const { fig, prior, year, lastYear } = ctx;
  const gpb = fig("expense.gpb");
  const slot = slotWriter();
  let text = `${unitOf(ctx)}${year}年一般公共预算收支预算${wan(gpb)}万元。`;
  if (prior?.gpb !== undefined) {
    const same = gpb.minus(prior.gpb).isZero();
    text += `与${prior.year}年相比，一般公共预算收支预算${growthWords(gpb, prior.gpb)}${same ? "" : `，主要原因：${slot.reason("一般公共预算")}`}。`;
  }
  return {
    id: "fiscal",
    title: "财政拨款收入支出总体情况说明",
    paragraphs: [text],
    notes:
      prior?.gpb !== undefined
        ? []
        : [`缺少${lastYear}年一般公共预算收支预算数，未写与上年相比的增减情况：请提供上年预算工作簿，或在上年数据中填写上年一般公共预算收支预算数。`],
    slots: slot.slots,
  };
};

const gpb: SectionWriter = (ctx) => {
  const total = ctx.fig("expense.gpb");
  const cats = categories(ctx.q);
  const uses = cats.length ? `主要用于以下方面：${cats.map((c) => `${c.name}${wan(c.value)}万元，占${share(c.value, total)}%`).join("；")}。` : "";
  return {
    id: "gpb",
    title: "一般公共预算支出情况说明",
    paragraphs: [`${unitOf(ctx)}${ctx.year}年一般公共预算支出年初预算为${wan(total)}万元。其中：${basicAndProject(ctx, total)}。${uses}`],
    notes: [],
  };
};

const basic: SectionWriter = (ctx) => {
  const { fig } = ctx;
  const total = fig("basic");
  return {
    id: "basic",
    title: "一般公共预算基本支出情况说明",
    paragraphs: [
      `${unitOf(ctx)}${ctx.year}年一般公共预算基本支出年初预算为${wan(total)}万元。其中：人员经费支出${wan(fig("personnel"))}万元，占${share(fig("personnel"), total)}%；公用经费支出${wan(fig("public"))}万元，占${share(fig("public"), total)}%。`,
    ],
    notes: [],
  };
};

type HenanItem = "因公出国" | "公务接待" | "公务用车";

const threePublic: SectionWriter = (ctx) => {
  const { fig, has, prior, year, lastYear } = ctx;
  if (!has("tp.合计")) return undefined;
  const tp = (k: "合计" | HenanItem | "购置" | "运行") => fig(`tp.${k}`);
  const slot = slotWriter();
  const before = priorThreePublic(prior?.threePublic);
  const py = prior?.year ?? lastYear;
  const was = before.合计;
  const delta = was === undefined ? undefined : tp("合计").minus(was);
  const vs =
    delta === undefined
      ? ""
      : delta.isZero()
        ? `${year}年“三公”经费支出预算数与${py}年持平。`
        : `${year}年“三公”经费支出预算数比${py}年${changeWords(delta)}，主要原因：${slot.reason("合计")}。`;
  /** Each item against last year's, as seed003 says it: "预算数与2022年相同，无差异。" or "预算数比2022年增加…，主要原因：【…】。". */
  const itemChange = (item: HenanItem): string => {
    const b = before[item];
    if (b === undefined) return "";
    if (tp(item).equals(b)) return `预算数与${py}年相同，无差异。`;
    return `预算数比${py}年${changeWithRate(tp(item), b)}，主要原因：${slot.reason(item)}。`;
  };
  const unit = unitOf(ctx);
  return {
    id: "threePublic",
    title: "“三公”经费支出情况说明",
    slots: slot.slots,
    paragraphs: [
      `${unit}${year}年“三公”经费预算为${wan(tp("合计"))}万元。${vs}具体支出情况如下：`,
      `（一）因公出国（境）费${wan(tp("因公出国"))}万元。${itemChange("因公出国")}`,
      `（二）公务接待费${wan(tp("公务接待"))}万元。${itemChange("公务接待")}`,
      `（三）公务用车购置及运行维护费${wan(tp("公务用车"))}万元，其中：公务用车购置费${wan(tp("购置"))}万元；公务用车运行维护费${wan(tp("运行"))}万元。${itemChange("公务用车")}`,
    ],
    notes: threePublicNotes(before, was, py, lastYear),
  };
};

function threePublicNotes(before: ReturnType<typeof priorThreePublic>, was: Dec | undefined, py: number | string, lastYear: string): string[] {
  const items = ["因公出国", "公务接待", "公务用车"] as const;
  const missing = items.filter((k) => before[k] === undefined);
  if (was === undefined && missing.length === items.length) return [`缺少${lastYear}年“三公”经费预算数，未写与上年相比的增减情况。`];
  return missing.length ? [`缺少${py}年“三公”经费分项预算数（${missing.map((k) => ITEM_NAMES[k]).join("、")}），未写这些项与上年相比的增减情况。`] : [];
}

const fund: SectionWriter = (ctx) => {
  const total = ctx.fig("expense.fund");
  const unit = unitOf(ctx);
  return {
    id: "fund",
    title: "政府性基金预算支出情况说明",
    paragraphs: [total.isZero() ? `${unit}${ctx.year}年无使用政府性基金预算拨款安排的支出。` : `${unit}${ctx.year}年政府性基金预算支出${wan(total)}万元。`],
    notes: [],
  };
};

const soe: SectionWriter = (ctx) => {
  // an empty 国有资本经营 table gives no quantity: "无…支出", as the tables say it
  const total = ctx.q.get("expense.soe")?.value;
  const unit = unitOf(ctx);
  return {
    id: "soe",
    title: "国有资本经营预算支出情况说明",
    paragraphs: [
      !total || total.isZero() ? `${unit}${ctx.year}年无使用国有资本经营预算拨款安排的支出。` : `${unit}${ctx.year}年国有资本经营预算支出${wan(total)}万元。`,
    ],
    notes: [],
  };
};

const operating: SectionWriter = (ctx) => {
  const slot = slotWriter();
  return {
    id: "operating",
    title: "机关运行经费支出情况",
    paragraphs: [`${unitOf(ctx)}${ctx.year}年机关运行经费支出预算${wan(ctx.fig("operating"))}万元，主要用于${slot.use("机关运行经费")}。`],
    notes: [],
    slots: slot.slots,
  };
};

const procurement: SectionWriter = (ctx) => {
  if (!ctx.has("procurement.total")) return undefined;
  return {
    id: "procurement",
    title: "政府采购支出情况",
    paragraphs: [`${unitOf(ctx)}${ctx.year}年政府采购预算安排${wan(ctx.fig("procurement.total"))}万元。`],
    notes: [],
  };
};

export const HENAN: SectionWriter[] = [overall, income, expense, fiscal, gpb, basic, threePublic, fund, soe, operating, procurement];
