/**
 * The same tables in other layouts (stacked on one sheet, shifted with a blank column, in 元, without
 * 栏次 row, amounts stored as text) must give the same budget model.
 */
import { canonicalModel } from "../../src/model/describe";
import { fixtureModel, SEED_WORKBOOKS, VARIANT_NAMES } from "../helpers";

const cases = SEED_WORKBOOKS.flatMap((id) => VARIANT_NAMES.map((v) => [id, v] as const));

describe("layout variants give the same model", () => {
  it.each(cases)("%s in layout %s", async (id, variant) => {
    const base = await fixtureModel(id);
    const other = await fixtureModel(`variants/${id}-${variant}`);
    expect(base.tables.length).toBeGreaterThan(0);
    expect(canonicalModel(other)).toEqual(canonicalModel(base));
  });

  it("the 元 variant holds the same amounts ten thousand times larger, in 元", async () => {
    const base = await fixtureModel("seed000");
    const yuan = await fixtureModel("variants/seed000-yuan");
    const total = (m: typeof base) => m.tables.find((t) => t.kind === "expense_summary")!.blocks[0].rows[0].amounts["合计"];
    expect(total(base).value.toString()).toBe("9064.36");
    expect(total(base).unit).toBe("万元");
    expect(total(yuan).value.toString()).toBe("90643600");
    expect(total(yuan).unit).toBe("元");
    expect(yuan.amountUnit).toBe("元");
  });

  it("amounts stored as text are read and flagged", async () => {
    const m = await fixtureModel("variants/seed000-textnums");
    const rows = m.tables.find((t) => t.kind === "income_summary")!.blocks[0].rows;
    const total = rows[0].amounts;
    expect([total["合计"].text, total["本年收入"].text, total["本年收入/财政拨款"].text]).toEqual(["９０６４．３６", "9,064.36", "9064. 36"]);
    expect(Object.values(total).every((a) => a.storedAsText && a.value.toString() === "9064.36")).toBe(true);
  });

  it("the stacked variant finds every table on one sheet, each with its own range", async () => {
    const m = await fixtureModel("variants/seed004-stacked");
    expect(new Set(m.tables.map((t) => t.sheet))).toEqual(new Set(["决算公开表"]));
    expect(m.tables.slice(0, 3).map((t) => t.range)).toEqual(["A1:F38", "A41:I67", "A70:G96"]);
  });
});
