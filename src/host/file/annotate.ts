/**
 * File host, write side: an annotated copy of a workbook. Every finding's cells are filled by level
 * (error red, warning amber, info light blue) and carry a note with the messages; a sheet 审核结果 lists
 * all findings with links to their cells. The input file is only read, and the copy is a new file
 * (writeNewFile: never over an existing one). A legacy input (.xls/.et) gets an .xlsx copy.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import { qualified } from "../../grid/address";
import type { WorkbookSnapshot } from "../../grid/workbook";
import { LEVEL_NAMES, type Finding, type FindingLevel } from "../../rules/types";
import { isDateFormat } from "../../grid/numfmt";
import { MARK_COLORS, markColor, marksOf } from "../marks";
import { freeResultSheetName } from "../resultSheet";
import { legacyAsXlsx } from "./legacy";
import { withExternalLinks } from "./externalLinks";
import { writeNewFile } from "./outputs";
import { sniffFile } from "./readWorkbook";

/** The marks' colours as exceljs ARGB. */
const argb = (hex: string) => `FF${hex.slice(1)}`;
const FILLS = Object.fromEntries(Object.entries(MARK_COLORS).map(([level, hex]) => [level, argb(hex)])) as Record<FindingLevel, string>;

/** The officer's own note on a cell is kept: ours follows it, under a line that says where it comes from. */
function withOurNote(note: ExcelJS.Cell["note"], ours: string): ExcelJS.Comment {
  if (!note) return { texts: [{ text: ours }] } as ExcelJS.Comment;
  const texts = typeof note === "string" ? [{ text: note }] : (note.texts ?? []);
  return { ...(typeof note === "string" ? {} : note), texts: [...texts, { text: `\n—— 预决算审核助手 ——\n${ours}` }] } as ExcelJS.Comment;
}

/** 审核结果, or 审核结果（2）… when the workbook already has a sheet of that name (it is the user's: kept), as the task pane names its export. */
function freeSheetName(wb: ExcelJS.Workbook): string {
  return freeResultSheetName(wb.worksheets.map((w) => w.name));
}

/**
 * Dates stored as ISO text (t="d", which exceljs reads as the number its year makes) put back as the dates
 * the snapshot read, shown as dates.
 */
function restoreIsoDates(wb: ExcelJS.Workbook, snapshot: WorkbookSnapshot): void {
  for (const s of snapshot.sheets) {
    const ws = wb.getWorksheet(s.name);
    if (!ws) continue;
    s.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!(c?.value instanceof Date) || c.formula) return;
        const cell = ws.getCell(s.top + r + 1, s.left + k + 1);
        if (cell.value instanceof Date) return;
        cell.value = c.value;
        if (!isDateFormat(cell.numFmt)) cell.numFmt = "yyyy-mm-dd";
      }),
    );
  }
}

/**
 * Writes the annotated copy of `input`, whose snapshot (as checked) is `snapshot`. Only fills, notes and
 * the findings sheet are added; the user's sheets, notes, dates and links to other workbooks are kept.
 */
export async function writeAnnotatedCopy(input: string, output: string, findings: Finding[], snapshot: WorkbookSnapshot): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const bytes = await fs.promises.readFile(input);
  const legacy = sniffFile(bytes) === "xls";
  // a legacy input's copy is an .xlsx made from it (planned with the .xlsx name by annotatedCopyPaths)
  await wb.xlsx.load((legacy ? legacyAsXlsx(bytes) : bytes) as unknown as ArrayBuffer);
  restoreIsoDates(wb, snapshot);
  markCells(wb, findings);
  addFindingsSheet(wb, findings);
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  await writeNewFile(output, new Uint8Array(legacy ? written : withExternalLinks(written, bytes)));
}

/** One fill and one note per cell: the worst level, all messages. */
function markCells(wb: ExcelJS.Workbook, findings: Finding[]): void {
  for (const m of marksOf(findings, (f) => `【${LEVEL_NAMES[f.level]}】${f.ruleId}：${f.message}`)) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.address);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(markColor(m)) } };
    cell.note = withOurNote(cell.note, m.messages.join("\n"));
  }
}

/** The 审核结果 sheet: every finding, with a link to its cell. */
function addFindingsSheet(wb: ExcelJS.Workbook, findings: Finding[]): void {
  const ws = wb.addWorksheet(freeSheetName(wb));
  ws.columns = [
    { header: "级别", key: "level", width: 8 },
    { header: "规则", key: "rule", width: 28 },
    { header: "工作表", key: "sheet", width: 24 },
    { header: "单元格", key: "cells", width: 28 },
    { header: "可疑单元格", key: "suspect", width: 12 },
    { header: "说明", key: "message", width: 100 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const f of findings) {
    const first = f.cells[0];
    const row = ws.addRow({
      level: LEVEL_NAMES[f.level],
      rule: f.ruleId,
      sheet: f.sheet ?? first?.sheet ?? "",
      cells: f.cells.map((c) => (c.sheet === (f.sheet ?? first?.sheet) ? c.address : qualified(c.sheet, c.address))).join("、"),
      suspect: f.suspect ? f.suspect.address : "",
      message: f.message,
    });
    const target = f.suspect ?? first;
    if (target) {
      row.getCell("cells").value = {
        text: String(row.getCell("cells").value),
        hyperlink: `#${qualified(target.sheet, target.address)}`,
      } as ExcelJS.CellHyperlinkValue;
      row.getCell("cells").font = { color: { argb: "FF0563C1" }, underline: true };
    }
    row.getCell("level").fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[f.level] } };
    row.getCell("message").alignment = { wrapText: true, vertical: "top" };
  }
}
