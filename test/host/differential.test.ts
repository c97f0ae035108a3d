/**
 * The streaming .xlsx reader against the reference it replaced (exceljs's workbook model, kept in
 * exceljsReference.ts): the same snapshot — values, shown text, formulas, number formats, merges, hidden
 * rows and columns, sheet states, protection — on every fixture, variant, the sample and a bench-style
 * 汇总 workbook, and on random workbooks written by exceljs (fast-check, fixed seed).
 */
import ExcelJS from "exceljs";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SheetSnapshot } from "../../src/grid/workbook";
import { readWorkbookBuffer } from "../../src/host/file/readWorkbook";
import { loadSources } from "../../scripts/fixtures/source";
import { DEFAULT_LAYOUT } from "../../scripts/fixtures/variants";
import { writeWorkbook } from "../../scripts/fixtures/write";
import { FIXTURES } from "../helpers";
import { readWithExcelJs } from "./exceljsReference";

/** JSON with object keys sorted and undefined properties dropped: the snapshot's content, whatever the order properties were set in. */
function canonical(sheets: SheetSnapshot[]): string {
  return JSON.stringify(sheets, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

async function expectSameAsReference(buf: Buffer, name: string): Promise<void> {
  const streamed = (await readWorkbookBuffer(buf, name)).sheets;
  const reference = await readWithExcelJs(buf);
  expect(canonical(streamed)).toBe(canonical(reference));
}

const files = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(FIXTURES, f)),
  ...fs
    .readdirSync(path.join(FIXTURES, "variants"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(FIXTURES, "variants", f)),
  ...fs
    .readdirSync(path.join(__dirname, "..", "..", "samples"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(__dirname, "..", "..", "samples", f)),
];

describe("streaming reader = the exceljs reference", () => {
  it("covers the fixtures, their variants and the sample", () => expect(files.length).toBeGreaterThan(60));

  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))("%s", async (_name, file) => {
    await expectSameAsReference(fs.readFileSync(file), path.basename(file));
  });

  it("a 汇总 workbook of 20 units, built as the bench builds its workbooks", async () => {
    const base = loadSources().find((w) => w.id === "seed000")!;
    const summary = {
      ...base,
      id: "summary-20",
      narrative: [],
      sheets: base.sheets.map((s) => ({ name: s.name, tables: Array.from({ length: 20 }, () => s.tables).flat() })),
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bdc-diff-")), "summary.xlsx");
    await writeWorkbook(summary, DEFAULT_LAYOUT, file);
    await expectSameAsReference(fs.readFileSync(file), "summary.xlsx");
  });
});

/** A cell value exceljs can write, with the number format it is shown in. */
const cellValue = fc.oneof(
  fc.record({
    value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    numFmt: fc.constantFrom(undefined, "0.00", "#,##0.00", "0%", "0.0000", '0.00"万元"', "[Red]-0.00;0.00", "#,##0;(#,##0)"),
  }),
  fc.record({ value: fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100), numFmt: fc.constantFrom(undefined, "0.00", "#,##0.00") }),
  fc.record({ value: fc.string({ maxLength: 12 }).filter((s) => s.trim() !== ""), numFmt: fc.constant(undefined) }),
  fc.record({ value: fc.constantFrom("合计", "一般公共预算财政拨款", "  2024年  ", "<&>\"'"), numFmt: fc.constant(undefined) }),
  fc.record({ value: fc.boolean(), numFmt: fc.constant(undefined) }),
  fc.record({ value: fc.constantFrom("#N/A", "#DIV/0!", "#REF!", "#VALUE!").map((error) => ({ error })), numFmt: fc.constant(undefined) }),
  fc.record({
    value: fc.integer({ min: 0, max: 60000 }).map((d) => new Date(Date.UTC(1950, 0, 1) + d * 86400000)),
    numFmt: fc.constantFrom("yyyy-mm-dd", 'yyyy"年"m"月"d"日"'),
  }),
  fc.record({
    value: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => ({ formula: "A1+B1", result: a + b })),
    numFmt: fc.constantFrom(undefined, "0.00"),
  }),
  fc.record({ value: fc.constant({ formula: "SUM(A1:A3)" }), numFmt: fc.constant(undefined) }),
  fc.record({
    value: fc
      .tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))
      .map(([a, b]) => ({ richText: [{ text: a || "甲" }, { text: b || "乙", font: { bold: true } }] })),
    numFmt: fc.constant(undefined),
  }),
);

const sheetSpec = fc.record({
  cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 }), cellValue), { maxLength: 60 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
    maxLength: 6,
  }),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 31 }), { maxLength: 3 }),
  hiddenCols: fc.array(fc.integer({ min: 1, max: 13 }), { maxLength: 3 }),
  state: fc.constantFrom("visible", "visible", "hidden", "veryHidden"),
  protect: fc.boolean(),
});

type SheetSpec = typeof sheetSpec extends fc.Arbitrary<infer T> ? T : never;

async function workbookOf(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [i, spec] of sheets.entries()) {
    const ws = wb.addWorksheet(`表${i + 1}`, { state: spec.state as ExcelJS.WorksheetState });
    for (const [r, c, { value, numFmt }] of spec.cells) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value as ExcelJS.CellValue;
      if (numFmt) cell.numFmt = numFmt;
    }
    // merges that do not overlap one already made (exceljs refuses those)
    const taken: { top: number; left: number; bottom: number; right: number }[] = [];
    for (const [r, c, h, w] of spec.merges) {
      const m = { top: r, left: c, bottom: r + h, right: c + w };
      if ((h === 0 && w === 0) || taken.some((t) => t.top <= m.bottom && m.top <= t.bottom && t.left <= m.right && m.left <= t.right)) continue;
      taken.push(m);
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    for (const r of spec.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of spec.hiddenCols) ws.getColumn(c).hidden = true;
    if (spec.protect) await ws.protect("", {});
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("streaming reader = the exceljs reference on random workbooks", () => {
  it("values, formats, formulas, merges, hidden rows and columns, states, protection", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetSpec, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const buf = await workbookOf(sheets);
        const reference = await readWithExcelJs(buf);
        if (reference.every((s) => s.cells.length === 0)) return; // (an empty workbook is refused, as it should be)
        const streamed = (await readWorkbookBuffer(buf, "随机.xlsx")).sheets;
        expect(canonical(streamed)).toBe(canonical(reference));
      }),
      { numRuns: 150, seed: 20261207 },
    );
  }, 120_000);
});
