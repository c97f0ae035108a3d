/**
 * The words a 情况说明 uses for each model quantity. Fixed families have fixed wording; 类/款/项 and
 * 经济分类 names, vehicle rows and project names come from the model. A key with an aspect (“三公” in a
 * 决算) is given here without it; the reader adds "@预算数"/"@决算数" from the words around the number.
 */
import type { Quantity } from "./quantities";

export interface Keyword {
  key: string;
  pattern: RegExp;
}

/** Fixed wording, matched on a label with spaces, quotes and years removed and （）：％ made half-width. */
const FIXED: [string, string][] = [
  ["income.grand", "收入总计"],
  ["income.total", "(?:本年|全年|当年)?(?:预算)?收入(?:合计|总额)|预算收入|全部收入|收入预算|^(?:本年)?收入$"],
  ["income.fiscal", "财政拨款(?:预算)?收入(?:合计)?"],
  ["income.fiscalGrand", "财政拨款收入总计"],
  ["income.gpb", "一般公共预算(?:财政拨款|拨款)?(?:预算)?收入|一般公共预算(?:财政拨款|拨款)?$"],
  ["income.fund", "(?:政府性)?基金(?:预算)?(?:财政)?(?:拨款)?收入"],
  ["income.soe", "国有资本经营预算(?:财政)?(?:拨款)?收入"],
  ["income.special", "财政专户(?:管理资金|核拨)?(?:收入)?"],
  ["income.unit", "单位资金(?:收入)?"],
  ["income.carry", "上年结转(?:结余)?|年初结转(?:和结余)?"],
  ["expense.grand", "支出总计"],
  ["expense.total", "(?:本年|全年|当年)?支出(?:合计|总额)|支出预算|预算支出|全部支出|收支(?:预算)?(?:安排|总额)|收支预算|^(?:本年)?支出$"],
  ["expense.fiscal", "财政拨款(?:决算|预算)?支出(?:合计)?"],
  ["expense.fiscalGrand", "财政拨款支出总计"],
  ["expense.gpb", "一般公共预算(?:财政拨款)?(?:决算|预算)?(?:支出|收支)(?:预算)?"],
  ["expense.fund", "政府性?基金(?:预算)?(?:财政拨款)?支出"],
  ["basic", "基本支出"],
  ["project", "项目支出?(?!绩效)"],
  ["personnel", "人员经费(?:支出)?"],
  ["public", "(?:日常)?公用经费(?:支出)?"],
  ["operating", "机关运行经费|机关运行费|单位运行经费|运行经费|机构运转经费|运转经费"],
  ["tp.合计", "三公经费"],
  ["tp.因公出国", "因公出国\\(境\\)(?:费用?)?"],
  ["tp.公务用车", "公务用车购置及运(?:行维护|维|行)费?"],
  ["tp.购置", "公务用车购置(?:费)?"],
  ["tp.运行", "公务用车运(?:行维护|维|行)(?:费)?"],
  ["tp.公务接待", "公务接待(?:费)?"],
  ["procurement.total", "政府采购(?:预算|支出)?(?:总额|合计|总计)?"],
  ["procurement.goods", "政府采购货物(?:预算|支出)?|采购货物"],
  ["procurement.works", "政府采购工程(?:预算|支出)?|采购工程"],
  ["procurement.services", "政府采购服务(?:预算|支出)?|采购服务"],
  ["assets.total", "(?<!拟购置|拟新增|新增|拟购|购置)(?:固定资产|国有资产)(?:金额|总额|价值|总值|原值|账面价值)?"],
];

/** Wording of counts (辆). */
const FIXED_COUNTS: [string, string][] = [["vehicles.total", "(?:共有|现有|保有|拥有|实有)(?:车辆|公务用车)|车辆(?:数|总数)(?:合计)?|公务用车保有量|^车辆$"]];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The wording of amounts, fixed and from the model's 类/款/项/经济分类 names. */
export function amountKeywords(quantities: Iterable<Quantity>): Keyword[] {
  const out: Keyword[] = FIXED.map(([key, src]) => ({ key, pattern: new RegExp(src, "g") }));
  for (const q of quantities) {
    if (q.family === "category" && q.names?.[0]) {
      const base = q.names[0].replace(/支出$/, "");
      out.push({ key: q.key, pattern: new RegExp(`${escape(base)}(?:支出)?(?:\\(类\\))?`, "g") });
    } else if (q.family === "subject" && q.names?.[0] && q.names[0].length >= 2) {
      out.push({ key: q.key, pattern: new RegExp(`${escape(q.names[0].normalize("NFKC"))}(?:\\((?:款|项)\\))?`, "g") });
    }
  }
  return out;
}

/** The wording of counts (vehicles). */
export function countKeywords(quantities: Iterable<Quantity>): Keyword[] {
  const out: Keyword[] = FIXED_COUNTS.map(([key, src]) => ({ key, pattern: new RegExp(src, "g") }));
  for (const q of quantities)
    if (q.key.startsWith("vehicles.") && q.key !== "vehicles.total" && q.names?.[0]) out.push({ key: q.key, pattern: new RegExp(escape(q.names[0]), "g") });
  return out;
}

/** Keys whose quantity has a 预算数 and a 决算数 variant in a 决算. */
export function hasAspect(key: string): boolean {
  return key.startsWith("tp.");
}
