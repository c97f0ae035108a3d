/** ExcelHost.read over the fake Excel object model built from the real fixture workbooks. */
import * as path from "path";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { FakeExcel } from "./fakeExcel";
import { FIXTURES, hostOf, outcome, SEEDS } from "./helpers";

describe("ExcelHost.read", () => {
  it.each(SEEDS)("reads %s in 2 syncs, and the engine sees what it sees in the file", async (seed) => {
    const file = await readWorkbookFile(path.join(FIXTURES, `${seed}.xlsx`));
    expect(file.sheets.length).toBeGreaterThan(1);
    const fake = FakeExcel.fromSnapshot(file);
    const progress: string[] = [];
    const read = await hostOf(fake).read((done, total, what) => progress.push(`${done}/${total} ${what}`));
    expect(fake.syncs).toBe(2);
    expect(fake.log).toEqual([]);
    expect(read.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
    expect(outcome(read)).toEqual(outcome(file));
    expect(progress[0]).toBe(`0/${file.sheets.length} 读取工作表`);
    expect(progress).toHaveLength(file.sheets.length + 1);
  });

  it("gives the file host's cells, merges and hidden rows and columns (ExcelApi 1.13)", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
    file.sheets[0].hiddenRows = [file.sheets[0].top + 2];
    file.sheets[0].hiddenCols = [file.sheets[0].left + 1];
    const read = await hostOf(FakeExcel.fromSnapshot(file)).read();
    for (let i = 0; i < file.sheets.length; i++) {
      const a = read.sheets[i];
      const b = file.sheets[i];
      expect([a.top, a.left]).toEqual([b.top, b.left]);
      expect(a.cells).toEqual(b.cells);
      expect(a.merges).toEqual(expect.arrayContaining(b.merges));
      expect(a.merges).toHaveLength(b.merges.length);
      expect(a.hidden).toBe(b.hidden);
      expect(a.protected).toBe(b.protected);
    }
    expect(read.sheets[0].hiddenRows).toEqual(file.sheets[0].hiddenRows);
    expect(read.sheets[0].hiddenCols).toEqual(file.sheets[0].hiddenCols);
  });

  it("on ExcelApi 1.8 reads in 2 syncs without merges or hidden rows", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed002.xlsx"));
    const fake = FakeExcel.fromSnapshot(file, { api: 8 });
    const read = await hostOf(fake).read();
    expect(fake.syncs).toBe(2);
    expect(read.sheets.every((s) => s.merges.length === 0 && s.hiddenRows.length === 0)).toBe(true);
    expect(read.sheets.map((s) => s.cells)).toEqual(file.sheets.map((s) => s.cells));
  });

  it("when the one-batch read is refused as too large, reads again in row chunks and gets the same workbook", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed003.xlsx"));
    const whole = await hostOf(FakeExcel.fromSnapshot(file)).read();
    const fake = FakeExcel.fromSnapshot(file);
    const biggest = Math.max(...file.sheets.map((s) => s.cells.length * Math.max(...s.cells.map((r) => r.length))));
    fake.maxLoadedCells = biggest * 5; // one sheet fits, the whole workbook does not
    const split = await hostOf(fake, { chunkCells: Math.ceil(biggest / 3) }).read();
    expect(split).toEqual(whole);
    // sheet list, the refused batch, the sizes, then one sync per batch of chunks
    expect(fake.syncs).toBeGreaterThan(3);
  });

  it("an empty sheet is read as an empty grid at A1", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed000.xlsx"));
    file.sheets.push({ name: "空表", top: 0, left: 0, cells: [], merges: [], hiddenRows: [], hiddenCols: [], hidden: false, protected: false });
    const read = await hostOf(FakeExcel.fromSnapshot(file)).read();
    const empty = read.sheets.find((s) => s.name === "空表");
    expect(empty).toMatchObject({ top: 0, left: 0, cells: [] });
  });
});
