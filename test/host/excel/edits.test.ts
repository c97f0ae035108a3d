/** ExcelHost.applyEdits over the fake Excel object model: the fixes the officer accepted, all or none, in 2 syncs. */
import * as path from "path";
import type { CellEdit } from "../../../src/grid/edit";
import type { WorkbookSnapshot } from "../../../src/grid/workbook";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { FakeExcel } from "./fakeExcel";
import { FIXTURES, hostOf } from "./helpers";

const TEXT = "2024年度财政拨款基本支出1.367.05万元，其中：";
const FIXED = "2024年度财政拨款基本支出1,367.05万元，其中：";
const TEXT_EDIT: CellEdit = { sheet: "情况说明", address: "A46", before: TEXT, after: FIXED };
const AMOUNT_EDIT: CellEdit = { sheet: "公开03支出决算表", address: "C7", before: "1367.05", after: 1367.1 };

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
});

const cellOf = (fake: FakeExcel, sheet: string, row: number, col: number) => fake.sheet(sheet).cells.get(`${row},${col}`);

describe("ExcelHost.applyEdits", () => {
  it.each([13, 14])(
    "reads the cells in one sync and writes the batch in one more, the amount keeping its number format; no change event reaches the listener (ExcelApi 1.%i)",
    async (api) => {
      const fake = FakeExcel.fromSnapshot(seed, { api });
      const host = hostOf(fake, { now: () => 1000 });
      let changes = 0;
      await host.onUserChange(() => changes++);
      fake.syncs = 0;
      expect(await host.applyEdits([TEXT_EDIT, AMOUNT_EDIT])).toEqual({ status: "written", count: 2 });
      expect(fake.syncs).toBe(2);
      expect(fake.writes("values", "formulas", "numberFormat", "fill", "setting")).toEqual([
        { kind: "values", sheet: "情况说明", address: "A46" },
        { kind: "values", sheet: "公开03支出决算表", address: "C7" },
      ]);
      expect(cellOf(fake, "情况说明", 45, 0)).toMatchObject({ value: FIXED, text: FIXED, type: "String" });
      expect(cellOf(fake, "公开03支出决算表", 6, 2)).toEqual({ value: 1367.1, type: "Double", text: "1367.10", numFmt: "0.00" });
      await Promise.all(fake.events.splice(0));
      expect(changes).toBe(0);
    },
  );

  it("writes a text that would read as a formula behind the apostrophe that keeps it text", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    expect(await hostOf(fake).applyEdits([{ ...TEXT_EDIT, after: "=不是公式" }])).toEqual({ status: "written", count: 1 });
    expect(cellOf(fake, "情况说明", 45, 0)).toMatchObject({ value: "=不是公式", text: "=不是公式" });
  });

  it("refuses the whole batch after one sync, writing nothing, for a formula, a changed text or a protected sheet", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    fake.sheet("公开03支出决算表").cells.get("6,2")!.formula = "SUM(C8,C14,C24)";
    fake.sheet("公开01收入支出决算总表").protected = true;
    fake.syncs = 0;
    const result = await hostOf(fake).applyEdits([
      TEXT_EDIT,
      AMOUNT_EDIT,
      { sheet: "情况说明", address: "A22", before: "收入总计5,056.26万元", after: "x" },
      { sheet: "公开01收入支出决算总表", address: "C37", before: "5056.26", after: 5056.27 },
    ]);
    expect(result).toEqual({
      status: "refused",
      refused: [
        { cell: { sheet: "公开03支出决算表", address: "C7" }, reason: "formula" },
        { cell: { sheet: "情况说明", address: "A22" }, reason: "changed" },
        { cell: { sheet: "公开01收入支出决算总表", address: "C37" }, reason: "protected" },
      ],
    });
    expect(fake.syncs).toBe(1);
    expect(fake.log).toEqual([]);
    expect(cellOf(fake, "情况说明", 45, 0)).toMatchObject({ value: TEXT });
  });

  it("refuses a cell whose sheet is gone or whose address is no cell, still listing every other refusal (3 syncs, nothing written)", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    fake.sheet("情况说明").cells.get("45,0")!.text = "已改过";
    fake.syncs = 0;
    const result = await hostOf(fake).applyEdits([
      TEXT_EDIT,
      AMOUNT_EDIT,
      { sheet: "不存在的表", address: "A1", before: "", after: "x" },
      { sheet: "情况说明.docx", address: "第3段", before: "x", after: "y" },
    ]);
    expect(result).toEqual({
      status: "refused",
      refused: [
        { cell: { sheet: "情况说明", address: "A46" }, reason: "changed" },
        { cell: { sheet: "不存在的表", address: "A1" }, reason: "missing" },
        { cell: { sheet: "情况说明.docx", address: "第3段" }, reason: "missing" },
      ],
    });
    expect(fake.syncs).toBe(3);
    expect(fake.log).toEqual([]);
  });

  it("writes nothing and syncs nothing for no edits", async () => {
    const fake = FakeExcel.fromSnapshot(seed);
    expect(await hostOf(fake).applyEdits([])).toEqual({ status: "written", count: 0 });
    expect(fake.syncs).toBe(0);
  });
});
