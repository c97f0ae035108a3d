/**
 * An .xlsx/.xlsm package into the snapshot's sheets, one part at a time: each part is inflated in chunks
 * and tokenized as it comes, and each worksheet is built straight into its snapshot, so that memory holds
 * the snapshot and one chunk, never a whole part or a document model.
 */
import type { SheetSnapshot } from "../../../grid/workbook";
import { readWorkbookParts, type PackageLimits, type Parts } from "./package";
import { readSheet, type CellBudget } from "./sheet";
import type { ZipEntry } from "../zip";

export interface XlsxRead {
  sheets: SheetSnapshot[];
  /** What was repaired while reading (overlapping merges …), in Chinese. */
  notes: string[];
}

/** Reads the package whose directory is `entries`. Throws ZipError, XmlError, XlsxError or XlsxLimitError. */
export function readXlsx(buf: Uint8Array, entries: ZipEntry[], limits: PackageLimits): XlsxRead {
  const parts: Parts = new Map();
  for (const e of entries) if (!parts.has(e.part)) parts.set(e.part, e);
  const workbook = readWorkbookParts(buf, parts, limits);
  const budget: CellBudget = { cells: limits.cells };
  const sheets: SheetSnapshot[] = [];
  const notes: string[] = [];
  for (const s of workbook.sheets) {
    const read = readSheet(buf, s, workbook, limits, budget);
    sheets.push(read.snapshot);
    notes.push(...read.notes);
  }
  return { sheets, notes };
}
