/** Shared by the Excel host tests: fixtures, a host over the fake, and what the engine makes of a snapshot. */
import * as path from "path";
import { checkWorkbook } from "../../../src/engine";
import type { WorkbookSnapshot } from "../../../src/grid/workbook";
import { ExcelHost } from "../../../src/host/excel/excelHost";
import type { FakeExcel } from "./fakeExcel";

export const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
export const SEEDS = ["seed000", "seed001-dept", "seed001-unit", "seed002", "seed003", "seed004"];

export function hostOf(fake: FakeExcel, extra: { chunkCells?: number; now?: () => number } = {}): ExcelHost {
  return new ExcelHost({ run: fake.run, runWith: fake.runWith, supports: fake.supports, ...extra });
}

/** What the engine makes of a snapshot, in comparable form: recognized tables and findings. */
export function outcome(wb: WorkbookSnapshot) {
  const { model, findings } = checkWorkbook(wb);
  return {
    tables: model.tables.map((t) => `${t.sheet}|${t.kind}`),
    findings: findings.map((f) => `${f.ruleId}|${f.messageId}|${f.cells.map((c) => `${c.sheet}!${c.address}`).join(",")}|${f.message}`),
  };
}
