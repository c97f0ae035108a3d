/**
 * ExcelHost over office-addin-mock, the ecosystem's Office.js double, with the mock's object model
 * built from a real fixture. The mock cannot load `items/…` of a collection, so the worksheets are
 * named properties of the mock and reach the host through the CollectionAccess adapter; it has no
 * ClientResult, settings or events, so these tests stay on ExcelApi 1.8 reads and navigation (the rest
 * is tested on the fake in fakeExcel.ts).
 */
import * as path from "path";
import { OfficeMockObject } from "office-addin-mock";
import { isCellError, type WorkbookSnapshot } from "../../../src/grid/workbook";
import { ExcelHost, type CollectionAccess } from "../../../src/host/excel/excelHost";
import { readWorkbookFile } from "../../../src/host/file/readWorkbook";
import { FIXTURES, outcome } from "./helpers";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose own dependencies are
// ES modules jest's CommonJS run cannot load; the enum's values as office-addin-manifest defines them:
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

function usedRangeOf(s: WorkbookSnapshot["sheets"][number]) {
  const width = Math.max(1, ...s.cells.map((r) => r.length));
  const rows = Math.max(1, s.cells.length);
  const grid = <T>(fn: (c: WorkbookSnapshot["sheets"][number]["cells"][number][number]) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => fn(s.cells[r]?.[c] ?? null)));
  return {
    rowIndex: s.top,
    columnIndex: s.left,
    rowCount: rows,
    columnCount: width,
    values: grid((c) => (!c || c.value === null ? "" : isCellError(c.value) ? c.value.error : c.value instanceof Date ? 0 : c.value)),
    text: grid((c) => c?.text ?? ""),
    formulas: grid((c) =>
      !c ? "" : c.formula !== undefined ? `=${c.formula}` : c.value === null || isCellError(c.value) || c.value instanceof Date ? "" : c.value,
    ),
    numberFormat: grid((c) => c?.numFmt ?? "General"),
    valueTypes: grid((c) =>
      !c || c.value === null
        ? "Empty"
        : isCellError(c.value)
          ? "Error"
          : typeof c.value === "string"
            ? "String"
            : typeof c.value === "boolean"
              ? "Boolean"
              : "Double",
    ),
  };
}

function mockOf(wb: WorkbookSnapshot) {
  const log: string[] = [];
  const sheets: Record<string, unknown> = {};
  wb.sheets.forEach((s, i) => {
    sheets[`sheet${i}`] = {
      name: s.name,
      visibility: s.hidden ? "Hidden" : "Visible",
      protection: { protected: Boolean(s.protected) },
      used: usedRangeOf(s),
      cell: { address: "", select: () => log.push(`select ${s.name}`) },
      getUsedRange() {
        return (this as { used: unknown }).used;
      },
      activate: () => log.push(`activate ${s.name}`),
      getRange(address: string) {
        const cell = (this as { cell: { address: string } }).cell;
        cell.address = address;
        return cell;
      },
    };
  });
  const data = {
    context: {
      workbook: {
        name: wb.name,
        worksheets: {
          ...sheets,
          getItem(name: string) {
            // the mock's properties read as errors until loaded: find the sheet by the fixture's names
            return (this as Record<string, unknown>)[`sheet${wb.sheets.findIndex((s) => s.name === name)}`];
          },
        },
        selected: { address: `${wb.sheets[1].name}!C4`, worksheet: { name: wb.sheets[1].name } },
        getSelectedRange() {
          return (this as { selected: unknown }).selected;
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> } };
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    await sync();
  };
  const context = mock.context as unknown as Excel.RequestContext;
  const collections: CollectionAccess = {
    worksheets(context, props) {
      const ws = context.workbook.worksheets as unknown as Record<string, Excel.Worksheet>;
      const keys = Object.keys(sheets);
      for (const k of keys) ws[k].load(props.join(","));
      return () => keys.map((k) => ws[k]);
    },
  };
  const host = new ExcelHost({
    run: (batch) => batch(context),
    supports: (v) => Number(v.split(".")[1]) <= 8,
    collections,
  });
  return { host, log, syncs: () => syncs };
}

describe("ExcelHost over office-addin-mock", () => {
  it("reads a multi-sheet fixture in 2 syncs into what the file host reads", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
    const { host, syncs } = mockOf(file);
    const read = await host.read();
    expect(syncs()).toBe(2);
    expect(read.name).toBe(file.name);
    expect(read.sheets.map((s) => s.cells)).toEqual(file.sheets.map((s) => s.cells));
    // without merges (ExcelApi 1.8) the engine still recognizes the same tables
    expect(outcome(read).tables).toEqual(outcome(file).tables);
  });

  it("selects in one sync and reads the selection", async () => {
    const file = await readWorkbookFile(path.join(FIXTURES, "seed004.xlsx"));
    const { host, log, syncs } = mockOf(file);
    await host.select([{ sheet: file.sheets[2].name, address: "D8" }]);
    expect(syncs()).toBe(1);
    expect(log).toEqual([`activate ${file.sheets[2].name}`, `select ${file.sheets[2].name}`]);
    expect(await host.getSelection()).toEqual({ sheet: file.sheets[1].name, address: "C4" });
  });
});
