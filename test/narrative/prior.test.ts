/**
 * The prior-year figures the narrative check compares stated changes with (resolvePrior): the user's figures
 * merged with the tables' 上年 columns as the generator merges them (mergePrior), each with its source.
 */
import * as path from "path";
import { checkWorkbook } from "../../src/engine";
import { readWorkbookFile } from "../../src/host/file/readWorkbook";
import { priorFromJson, resolvePrior, type PriorFigure } from "../../src/narrative/prior";
import { FIXTURES, fixtureModel } from "../helpers";

/** "key: value ±tolerance year source [上年 cells]" for each figure. */
const lines = (m: Map<string, PriorFigure>) =>
  [...m].map(
    ([k, f]) =>
      `${k}: ${f.value} ±${f.tolerance} ${f.year} ${f.source} [${f.quantities.flatMap((q) => q.cells.map((c) => `${c.sheet}!${c.address}`)).join(" ")}]`,
  );

describe("resolvePrior: the figures", () => {
  it("is empty without explicit figures or 上年 columns", async () => {
    expect(resolvePrior(await fixtureModel("seed000")).figures.size).toBe(0);
    expect(resolvePrior(await fixtureModel("seed004")).figures.size).toBe(0);
  });

  it("reads the 上年 columns with their cells and rounding", async () => {
    expect(lines(resolvePrior(await fixtureModel("variants/seed000-prior")).figures)).toEqual([
      "expense.total: 8378.87 ±0.005 2023 「收支总表」上年列 01收支总表!H37 [01收支总表!H37]",
      "basic: 799.6 ±0.005 2023 「一般公共预算财政拨款支出表」上年列 05一般公共预算支出表!E6 [05一般公共预算支出表!E6]",
      "project: 7579.27 ±0.005 2023 「一般公共预算财政拨款支出表」上年列 05一般公共预算支出表!F6 [05一般公共预算支出表!F6]",
      "expense.gpb: 8378.87 ±0.005 2023 「一般公共预算财政拨款支出表」上年列 05一般公共预算支出表!D6 [05一般公共预算支出表!D6]",
      "tp.合计: 3.67 ±0.005 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C6 [09三公经费!C6]",
      "tp.因公出国: 0.03 ±0.005 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C7 [09三公经费!C7]",
      "tp.公务用车: 3 ±0.005 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C8 [09三公经费!C8]",
      "tp.购置: 0 ±0 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C9 [09三公经费!C9]",
      "tp.运行: 3 ±0.005 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C10 [09三公经费!C10]",
      "tp.公务接待: 0.64 ±0.005 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C11 [09三公经费!C11]",
    ]);
  });

  it("takes the explicit figures first (exact, from 上年数据文件) and the columns for the rest, item by item", async () => {
    const model = await fixtureModel("variants/seed000-prior");
    const explicit = priorFromJson(JSON.stringify({ year: 2023, total: "8400.00", threePublic: { 公务接待: "0.70" } }), "2023.json");
    const m = resolvePrior(model, explicit).figures;
    expect(lines(m).filter((l) => /^(expense\.total|basic|tp\.合计|tp\.公务接待):/.test(l))).toEqual([
      "expense.total: 8400 ±0 2023 上年数据文件 []",
      "basic: 799.6 ±0.005 2023 「一般公共预算财政拨款支出表」上年列 05一般公共预算支出表!E6 [05一般公共预算支出表!E6]",
      "tp.合计: 3.67 ±0.005 2023 「财政拨款“三公”经费支出表」上年列 09三公经费!C6 [09三公经费!C6]",
      "tp.公务接待: 0.7 ±0 2023 上年数据文件 []",
    ]);
    // the engine resolves the same figures once per check, and hands them to the rules
    const { lastYear } = checkWorkbook(await readWorkbookFile(path.join(FIXTURES, "variants/seed000-prior.xlsx")), { prior: explicit });
    expect(lines(lastYear.figures)).toEqual(lines(m));
    // figures of another year are not mixed with the columns'
    expect(lines(resolvePrior(model, priorFromJson(JSON.stringify({ year: 2022, total: "8000.00" }), "2022.json")).figures)).toEqual([
      "expense.total: 8000 ±0 2022 上年数据文件 []",
    ]);
  });

  it("makes up the “三公” 公务用车 and 合计 from the items as the generator does, and reads a 决算's figures", async () => {
    const m = resolvePrior(
      await fixtureModel("seed000"),
      priorFromJson(JSON.stringify({ year: 2023, threePublic: { 因公出国: "0.03", 购置: "0", 运行: "3.00", 公务接待: "0.64" } }), "2023.json"),
    ).figures;
    expect(lines(m).filter((l) => /^tp\.(合计|公务用车):/.test(l))).toEqual([
      "tp.公务用车: 3 ±0 2023 上年数据文件中公务用车购置费、公务用车运行维护费之和 []",
      "tp.合计: 3.67 ±0 2023 上年数据文件中因公出国（境）费、公务用车购置及运行维护费、公务接待费之和 []",
    ]);
    const final = resolvePrior(
      await fixtureModel("seed004"),
      priorFromJson(JSON.stringify({ year: 2023, grand: "2365.94", gpb: "2365.94", categories: { "208": "388.39" } }), "2023.json"),
    ).figures;
    expect([...final.keys()]).toEqual(["expense.grand", "income.grand", "expense.gpb", "category.208"]);
  });
});
