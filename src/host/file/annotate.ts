/**
 * File host, write side: an annotated copy of a workbook. Every finding's cells are filled by level
 * (error red, warning amber, info light blue) and carry a note with the messages; a sheet 审核结果 lists
 * all findings with links to their cells. The input file is only read, and the copy is a new file
 * (writeNewFile: never over an existing one).
 */
import ExcelJS from "exceljs";
import { qualified } from "../../grid/address";
import { LEVEL_NAMES } from "../../engine";
import type { Finding, FindingLevel } from "../../rules/types";
import { MARK_COLORS, marksOf } from "../marks";
import { writeNewFile } from "./outputs";

/** The marks' colours as exceljs ARGB. */
const FILLS = Object.fromEntries(Object.entries(MARK_COLORS).map(([level, hex]) => [level, `FF${hex.slice(1)}`])) as Record<FindingLevel, string>;
export const RESULT_SHEET = "审核结果";

export async function writeAnnotatedCopy(input: string, output: string, findings: Finding[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  // one fill and one note per cell: the worst level, all messages
  for (const m of marksOf(findings, (f) => `【${LEVEL_NAMES[f.level]}】${f.ruleId}：${f.message}`)) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.address);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[m.level] } };
    cell.note = { texts: [{ text: m.messages.join("\n") }] } as ExcelJS.Comment;
  }
  const existing = wb.getWorksheet(RESULT_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(RESULT_SHEET);
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
      row.getCell("cells").value = { text: String(row.getCell("cells").value), hyperlink: `#${qualified(target.sheet, target.address)}` } as ExcelJS.CellHyperlinkValue;
      row.getCell("cells").font = { color: { argb: "FF0563C1" }, underline: true };
    }
    row.getCell("level").fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[f.level] } };
    row.getCell("message").alignment = { wrapText: true, vertical: "top" };
  }
  await writeNewFile(output, new Uint8Array(await wb.xlsx.writeBuffer()));
}
