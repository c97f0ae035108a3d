import { Dec } from "../../src/grid/decimal";
import {
  assetQuantities,
  categoryShares,
  expenseQuantities,
  formatWan,
  modelQuantities,
  percentOf,
  procurementQuantities,
  projectCore,
  projectQuantities,
  threePublicQuantities,
  totalQuantities,
  type Quantity,
} from "../../src/narrative/quantities";
import { fixtureModel } from "../helpers";

const ref = (q: Quantity | undefined) => q?.cells.map((c) => `${c.sheet}!${c.address}`);
const val = (q: Quantity | undefined) => q?.value.toString();

describe("model quantities of the seeds", () => {
  it("seed000: totals, 基本/项目支出, 人员/公用经费, 机关运行经费 (= 公用经费)", async () => {
    const m = await fixtureModel("seed000");
    const q = modelQuantities(m);
    expect(val(q.get("income.total"))).toBe("9064.36");
    expect(ref(q.get("income.total"))).toEqual(["01收支总表!C37"]);
    expect(val(q.get("expense.total"))).toBe("9064.36");
    expect(ref(q.get("expense.total"))).toEqual(["01收支总表!E37"]);
    expect(val(q.get("income.gpb"))).toBe("9064.36");
    expect(val(q.get("income.fund"))).toBe("0");
    expect(ref(q.get("basic"))).toEqual(["03支出总表!E6"]);
    expect(val(q.get("basic"))).toBe("805.64");
    expect(val(q.get("project"))).toBe("8258.72");
    expect(ref(q.get("personnel"))).toEqual(["06基本支出表!E6"]);
    expect(val(q.get("personnel"))).toBe("776.3");
    expect(val(q.get("public"))).toBe("29.34");
    expect(val(q.get("operating"))).toBe("29.34");
    expect(ref(q.get("operating"))).toEqual(["06基本支出表!F6"]);
    expect(q.get("expense.total")!.parts).toEqual([["basic", "project"]]);
    expect(q.get("basic")!.parts).toEqual([["personnel", "public"]]);
  });

  it("seed000: each “三公” item, blank cells counting as 0", async () => {
    const m = await fixtureModel("seed000");
    const tp = new Map(threePublicQuantities(m).map((q) => [q.key, q]));
    expect([...tp.keys()]).toEqual(["tp.合计", "tp.因公出国", "tp.公务用车", "tp.购置", "tp.运行", "tp.公务接待"]);
    expect(val(tp.get("tp.合计"))).toBe("3.61");
    expect(val(tp.get("tp.因公出国"))).toBe("0");
    expect(ref(tp.get("tp.因公出国"))).toEqual(["09三公经费!C7"]);
    expect(tp.get("tp.因公出国")!.shown).toBe("空白（按 0 计）");
    expect(val(tp.get("tp.公务用车"))).toBe("3");
    expect(val(tp.get("tp.购置"))).toBe("0");
    expect(val(tp.get("tp.运行"))).toBe("3");
    expect(val(tp.get("tp.公务接待"))).toBe("0.61");
    expect(ref(tp.get("tp.公务接待"))).toEqual(["09三公经费!C11"]);
  });

  it("seed000: per-类 amounts and shares of the 一般公共预算支出", async () => {
    const m = await fixtureModel("seed000");
    const shares = categoryShares(m).map((s) => [s.category.code, s.category.value.toString(), s.percent.toFixed(2), ref(s.category)![0]]);
    expect(shares).toEqual([
      ["208", "115.18", "1.27", "05一般公共预算支出表!D7"],
      ["210", "8901.79", "98.21", "05一般公共预算支出表!D12"],
      ["221", "47.39", "0.52", "05一般公共预算支出表!D23"],
    ]);
  });

  it("seed000: projects by name, empty 政府采购 table as 0, 固定资产 合计", async () => {
    const m = await fixtureModel("seed000");
    const projects = projectQuantities(m);
    expect(projects).toHaveLength(8);
    expect(projects.map((p) => [p.name, p.value.toString()])).toContainEqual(["重度残疾人参保资助", "125.07"]);
    expect(ref(projects.find((p) => p.name === "办公室整修"))).toEqual(["绩效目标-办公室整修!C4"]);
    const proc = procurementQuantities(m);
    expect(proc.map((q) => [q.key, q.value.toString(), q.shown])).toEqual([["procurement.total", "0", "空表（按 0 计）"]]);
    const assets = assetQuantities(m);
    expect(assets.map((q) => [q.key, q.value.toString(), ref(q)![0]])).toEqual([["assets.total", "89.44", "固定资产!C4"]]);
  });

  it("seed001: tables in 元 are converted to 万元, keeping the cell and what it shows", async () => {
    const m = await fixtureModel("seed001-dept");
    const q = modelQuantities(m);
    expect(val(q.get("expense.total"))).toBe("874.96");
    expect(q.get("expense.total")!.shown).toBe("8749600.00元");
    expect(val(q.get("project"))).toBe("80");
    expect(val(q.get("public"))).toBe("124.28");
    expect(val(q.get("tp.合计"))).toBe("2");
    const assets = q.get("assets.total")!;
    expect(assets.value.toString()).toBe("1039.672396");
    expect(assets.shown).toBe("10396723.96元");
    expect(ref(assets)).toEqual(["固定资产!C4"]);
    // no 合计 row in the 政府采购预算表: the sum of its items
    const proc = q.get("procurement.total")!;
    expect(proc.value.toString()).toBe("12.75");
    expect(proc.cells).toHaveLength(7);
  });

  it("seed000 in 元 (layout variant) gives the same values", async () => {
    const a = modelQuantities(await fixtureModel("seed000"));
    const b = modelQuantities(await fixtureModel("variants/seed000-yuan"));
    for (const key of ["income.total", "expense.total", "basic", "project", "personnel", "public", "tp.合计", "tp.公务接待", "category.210"]) {
      expect([key, val(b.get(key))]).toEqual([key, val(a.get(key))]);
    }
    expect(b.get("basic")!.shown).toBe("8056400.00元");
  });

  it("seed002: the “三公” 合计 is the “三公”小计 when the table also lists 会议费/培训费", async () => {
    const m = await fixtureModel("seed002");
    const tp = threePublicQuantities(m).find((q) => q.key === "tp.合计")!;
    expect(ref(tp)).toEqual(["09三公经费!C7"]);
    expect(tp.value.toString()).toBe("6");
    const p = projectQuantities(m).find((x) => x.name.includes("能力提升"))!;
    expect(p.value.toString()).toBe("37");
    expect(ref(p)).toEqual(["绩效目标-医疗服务与保障能力提升!C4"]);
    expect(assetQuantities(m).map((q) => [q.key, q.value.toString(), q.shown])).toEqual([["assets.total", "0", "空白（按 0 计）"]]);
  });

  it("seed003 (Henan): 类 amounts from the 财政拨款收支总表 where the 支出 tables list only 项 rows; “三公” items as columns", async () => {
    const m = await fixtureModel("seed003");
    const q = modelQuantities(m);
    expect(val(q.get("category.208"))).toBe("16.52");
    expect(val(q.get("category.210"))).toBe("165.05");
    expect(val(q.get("category.221"))).toBe("12.29");
    expect(val(q.get("basic"))).toBe("165.42");
    expect(ref(q.get("basic"))).toEqual(["03支出总体情况表!G6"]);
    expect(val(q.get("personnel"))).toBe("147.66");
    expect(val(q.get("tp.合计"))).toBe("1.2");
    expect(ref(q.get("tp.运行"))).toEqual(["08三公经费支出情况表!E5"]);
    expect(val(q.get("tp.因公出国"))).toBe("0");
    // Henan 项目支出表 rows as projects; two rows of the same name with different amounts are left out
    const names = projectQuantities(m).map((p) => p.name);
    expect(names).toContain("欺诈骗保专项");
    expect(names.some((n) => n.startsWith("医疗服务与保障能力提升资金"))).toBe(false);
  });

  it("seed004 (决算): 预算数 and 决算数 of each “三公” item, 公开10 政府采购 and 车辆数, 公开06 totals", async () => {
    const m = await fixtureModel("seed004");
    const q = modelQuantities(m);
    expect(val(q.get("tp.合计@预算数"))).toBe("1.34");
    expect(val(q.get("tp.合计@决算数"))).toBe("1.34");
    expect(ref(q.get("tp.运行@决算数"))).toEqual(["公开09财政拨款三公经费支出决算表!K8"]);
    expect(val(q.get("tp.公务接待@预算数"))).toBe("0.16");
    expect(q.get("tp.合计")).toBeUndefined();
    expect(procurementQuantities(m).map((x) => [x.key, x.value.toString()])).toEqual([
      ["procurement.total", "3.35"],
      ["procurement.goods", "2.71"],
      ["procurement.works", "0"],
      ["procurement.services", "0.64"],
    ]);
    expect(val(q.get("vehicles.total"))).toBe("1");
    expect(val(q.get("vehicles.其他用车"))).toBe("1");
    const exp = new Map(expenseQuantities(m).map((x) => [x.key, x]));
    expect(ref(exp.get("personnel"))).toEqual(["公开06一般公共预算财政拨款基本支出决算明细表!C34"]);
    expect(val(exp.get("public"))).toBe("8.45");
    expect(ref(exp.get("public"))).toEqual(["公开06一般公共预算财政拨款基本支出决算明细表!L34"]);
    // 决算: 机关运行经费 is the 公开10 row (blank here), not the 公用经费
    expect(val(exp.get("operating"))).toBe("0");
    expect(ref(exp.get("operating"))).toEqual(["公开10部门决算公开相关信息统计表!C10"]);
    expect(categoryShares(m).map((s) => s.percent.toFixed(2))).toEqual(["1.03", "98.42", "0.55"]);
    expect(totalQuantities(m).map((x) => x.key)).toEqual(["income.total", "income.grand", "expense.total", "expense.grand"]);
  });
});

describe("helpers for the generator", () => {
  it("percentOf rounds half-up to 2 decimals", () => {
    expect(percentOf(new Dec("165.42"), new Dec("193.86"))!.toFixed(2)).toBe("85.33");
    expect(percentOf(new Dec("1"), new Dec("8"))!.toFixed(2)).toBe("12.50");
    expect(percentOf(new Dec("0.00125"), new Dec("1"), 2)!.toFixed(2)).toBe("0.13");
    expect(percentOf(new Dec("1"), new Dec("0"))).toBeNull();
  });

  it("formatWan prints 2 decimals, with thousands separators on request (决算 style)", () => {
    expect(formatWan(new Dec("1039.672396"))).toBe("1039.67");
    expect(formatWan(new Dec("5056.26"), true)).toBe("5,056.26");
    expect(formatWan(new Dec("12235.185"), true)).toBe("12,235.19");
    expect(formatWan(new Dec("0"))).toBe("0.00");
  });

  it("projectCore drops document numbers, years in brackets and punctuation", () => {
    expect(projectCore("唐财社【2024】125 号下达 2025 年中央财政医疗服务与保障能力提升补助资金")).toBe("下达2025年中央财政医疗服务与保障能力提升补助资金");
    expect(projectCore("城乡居民参保资金(重残人员)")).toBe("城乡居民参保资金重残人员");
  });
});
