/**
 * The Hebei budget wording (seeds 000/001/002): 收入, 支出 with the main projects and by 类/款/项, 比上年增减,
 * 机关运行经费, 财政拨款“三公”经费 with each item against last year, 政府采购, 国有资产占用.
 */
import type { BudgetModel } from "../../model/budgetModel";
import type { Quantity } from "../quantities";
import { byCode, categories, changeWords, priorThreePublic, share, slotWriter, wan, type SectionWriter, type WriterContext } from "./common";
import type { NarrativeSection } from "../section";

/** 我部门 or 我单位, as the tables' titles say it. */
function who(model: BudgetModel): string {
  return model.tables.some((t) => /^部门/.test(t.title)) ? "我部门" : "我单位";
}

const income: SectionWriter = ({ q, fig, year }) => {
  const items = [...q.values()].filter((x) => x.family === "income" && /^income\.(gpb|fund|soe|special|unit)$/.test(x.key) && !x.value.isZero());
  return {
    id: "income",
    title: "收入说明",
    paragraphs: [
      `${year}年预算收入${wan(fig("income.total"))}万元${items.length ? `，其中：${items.map((x) => `${x.name}${wan(x.value)}万元`).join("，")}` : ""}。`,
    ],
    notes: [],
  };
};

/**
 * The spending by function as seed001 says it: "支出包括：卫生健康支出874.96万元，包括医疗保障管理事务874.96万元
 * （其中行政运行794.96万元、医疗保障经办事务80.00万元）。" — each 类, its 款, their 项 (non-zero ones) — with
 * each 类's share of 一般公共预算支出 ("卫生健康支出874.96万元，占一般公共预算支出的100.00%，包括…") where
 * the 类 is read from the 一般公共预算财政拨款支出表 (a 类 of the 支出总表 may hold other funds too).
 */
function functionalStructure(q: Map<string, Quantity>): string | undefined {
  const cats = categories(q)
    .filter((x) => x.code)
    .sort((a, b) => byCode(a.code!, b.code!));
  if (!cats.length) return undefined;
  const subjects = [...q.values()].filter((x) => x.key.startsWith("func.") && x.code && !x.value.isZero());
  const gpb = q.get("expense.gpb");
  const under = (code: string, length: number) =>
    subjects.filter((x) => x.code!.length === length && x.code!.startsWith(code)).sort((a, b) => byCode(a.code!, b.code!));
  const items = cats.map((c) => {
    const kuan = under(c.code!, 5).map((k) => {
      const xiang = under(k.code!, 7);
      return `${k.name}${wan(k.value)}万元${xiang.length ? `（其中${xiang.map((x) => `${x.name}${wan(x.value)}万元`).join("、")}）` : ""}`;
    });
    const gpbShare = gpb && !gpb.value.isZero() && c.table === "gpb_expense" ? `，占一般公共预算支出的${share(c.value, gpb.value)}%` : "";
    return `${c.name}${wan(c.value)}万元${gpbShare}${kuan.length ? `，包括${kuan.join("、")}` : ""}`;
  });
  return `支出包括：${items.join("；")}。`;
}

const expense: SectionWriter = ({ q, fig, year }) => {
  const projects = [...q.values()].filter((x) => x.family === "project" && !x.value.isZero()).sort((a, b) => b.value.comparedTo(a.value));
  const top = projects.slice(0, 5).map((x: Quantity) => `${x.name}${wan(x.value)}万元`);
  const structure = functionalStructure(q);
  return {
    id: "expense",
    title: "支出说明",
    paragraphs: [
      `${year}年支出预算${wan(fig("expense.total"))}万元，其中基本支出${wan(fig("basic"))}万元，包括人员经费${wan(fig("personnel"))}万元和日常公用经费${wan(fig("public"))}万元；项目支出${wan(fig("project"))}万元${top.length ? `，主要为${top.join("、")}${projects.length > top.length ? "等" : ""}` : ""}。`,
      ...(structure ? [structure] : []),
    ],
    notes: [],
  };
};

const change: SectionWriter = ({ fig, prior, year, lastYear }) => {
  const section: NarrativeSection = { id: "change", title: "比上年增减情况", paragraphs: [], notes: [] };
  if (prior?.total === undefined) {
    section.notes.push(`缺少${lastYear}年预算数，未写比上年增减情况：请提供上年预算工作簿，或在上年数据中填写上年收支总额、基本支出、项目支出。`);
    return section;
  }
  const slot = slotWriter();
  const parts: string[] = [];
  if (prior.basic !== undefined)
    parts.push(`基本支出${changeWords(fig("basic").minus(prior.basic))}${fig("basic").equals(prior.basic) ? "" : `，主要为${slot.reason("基本支出")}`}`);
  if (prior.project !== undefined)
    parts.push(
      `项目支出${changeWords(fig("project").minus(prior.project))}${fig("project").equals(prior.project) ? "" : `，主要是${slot.reason("项目支出")}`}`,
    );
  section.paragraphs.push(
    `${year}年预算收支安排${wan(fig("expense.total"))}万元，较${prior.year}年预算${changeWords(fig("expense.total").minus(prior.total))}${parts.length ? `，其中：${parts.join("；")}` : ""}。`,
  );
  section.slots = slot.slots;
  return section;
};

const operating: SectionWriter = ({ model, fig, year }) => {
  const slot = slotWriter();
  return {
    id: "operating",
    title: "机关运行经费",
    paragraphs: [`${year}年，${who(model)}机关运行经费共计安排${wan(fig("operating"))}万元，主要用于${slot.use("机关运行经费")}等日常运行支出。`],
    notes: [],
    slots: slot.slots,
  };
};

const threePublic: SectionWriter = (ctx) => {
  const section: NarrativeSection = { id: "threePublic", title: "财政拨款“三公”经费", paragraphs: [], notes: [] };
  if (!ctx.has("tp.合计")) return section;
  const slot = slotWriter();
  section.paragraphs.push(threePublicText(ctx, slot, section.notes));
  section.slots = slot.slots;
  return section;
};

/** The “三公” paragraph: each item against last year's where all three are given, else the total's change. */
function threePublicText({ model, fig, prior, year, lastYear }: WriterContext, slot: ReturnType<typeof slotWriter>, notes: string[]): string {
  const me = who(model);
  const tp = (k: "合计" | "因公出国" | "公务用车" | "购置" | "运行" | "公务接待") => fig(`tp.${k}`);
  const before = priorThreePublic(prior?.threePublic);
  const py = prior?.year ?? lastYear;
  /** ", 与2023年相比减少0.03万元，主要原因是【…】" for an item the prior year gives. */
  const itemChange = (item: "因公出国" | "公务用车" | "公务接待"): string => {
    const was = before[item];
    if (was === undefined) return "";
    const delta = tp(item).minus(was);
    return `，与${py}年相比${changeWords(delta)}${delta.isZero() ? "" : `，主要原因是${slot.reason(item)}`}`;
  };
  const perItem = (["因公出国", "公务用车", "公务接待"] as const).every((k) => before[k] !== undefined);
  if (perItem) {
    const total = before.合计 !== undefined ? `，与${py}年相比${changeWords(tp("合计").minus(before.合计))}` : "";
    return `${year}年，${me}财政拨款“三公”经费预算安排${wan(tp("合计"))}万元${total}，其中因公出国（境）费${wan(tp("因公出国"))}万元${itemChange("因公出国")}；公务用车购置及运维费${wan(tp("公务用车"))}万元（其中：公务用车购置费为${wan(tp("购置"))}万元，公务用车运维费${wan(tp("运行"))}万元）${itemChange("公务用车")}；公务接待费${wan(tp("公务接待"))}万元${itemChange("公务接待")}。`;
  }
  let text = `${year}年，${me}财政拨款“三公”经费预算安排${wan(tp("合计"))}万元，其中因公出国（境）费${wan(tp("因公出国"))}万元；公务用车购置及运维费${wan(tp("公务用车"))}万元（其中：公务用车购置费为${wan(tp("购置"))}万元，公务用车运维费${wan(tp("运行"))}万元）；公务接待费${wan(tp("公务接待"))}万元。`;
  if (before.合计 !== undefined) {
    const delta = tp("合计").minus(before.合计);
    text += `与${py}年相比${changeWords(delta)}${delta.isZero() ? "" : `，主要原因是${slot.reason("合计")}`}。`;
    notes.push(`缺少${py}年“三公”经费分项预算数（因公出国（境）费、公务用车购置及运维费、公务接待费），未写各项与上年相比的增减情况。`);
  } else {
    notes.push(`缺少${lastYear}年“三公”经费预算数，未写与上年相比的增减情况。`);
  }
  return text;
}

const procurement: SectionWriter = ({ model, fig, has, year }) => {
  if (!has("procurement.total")) return undefined;
  const p = fig("procurement.total");
  const me = who(model);
  return {
    id: "procurement",
    title: "政府采购预算情况",
    paragraphs: [p.isZero() ? `${year}年，${me}无政府采购预算。` : `${year}年，${me}政府采购预算${wan(p)}万元。`],
    notes: [],
  };
};

const assets: SectionWriter = ({ model, fig, has, lastYear }) => {
  if (!has("assets.total")) return undefined;
  return {
    id: "assets",
    title: "国有资产占用情况",
    paragraphs: [`截至${lastYear}年12月31日，${who(model)}固定资产总额${wan(fig("assets.total"))}万元。`],
    notes: [],
  };
};

export const HEBEI: SectionWriter[] = [income, expense, change, operating, threePublic, procurement, assets];
