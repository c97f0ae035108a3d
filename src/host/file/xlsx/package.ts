/**
 * The parts of an .xlsx package other than its sheets: the relationships that lead to the workbook and
 * its parts, the workbook's sheet list and date system, the number format of each cell style, and the
 * shared strings. Defined names and external links are not read (a check does not need them).
 */
import { isDateFormat } from "../../../grid/numfmt";
import { numberFormatOfId } from "./builtinFormats";
import type { ZipEntry } from "../zip";
import { parseEntryXml, relationshipId } from "./xml";

/** A fault of the package's content, described in Chinese for the reader's message. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

/** A limit of PackageLimits passed: the cells of the workbook, or the used range of one sheet (its corners given). */
export class XlsxLimitError extends Error {
  constructor(
    readonly limit: "cells" | "area",
    readonly sheet?: string,
    readonly from?: string,
    readonly to?: string,
  ) {
    super(`limit passed: ${limit}`);
    this.name = "XlsxLimitError";
  }
}

export interface PackageLimits {
  /** Bytes any one part may unzip to. */
  partBytes: number;
  /** Bytes a worksheet part may unzip to. */
  sheetXmlBytes: number;
  /** Non-blank cells of the whole workbook. */
  cells: number;
  /** Used-range area (rows × columns) of one sheet. */
  sheetArea: number;
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  entry: ZipEntry;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  /** The number format of each cell style (cellXfs index), undefined for General. */
  formats: (string | undefined)[];
  /** Whether each cell style's number format shows a date (decided once per style, not per cell). */
  dateStyles: boolean[];
  sharedStrings: string[];
}

/** The package's entries by part name (lower case, no leading slash). */
export type Parts = Map<string, ZipEntry>;

interface Relationship {
  type: string;
  target: string;
}

/** A relationship's target as a part name, resolved against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const s of target.replace(/^\/+/, "").split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/").toLowerCase();
}

function relationshipsOf(buf: Uint8Array, parts: Parts, part: string, limits: PackageLimits): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, Relationship>();
  const entry = parts.get(relsPart);
  if (!entry) return out;
  parseEntryXml(buf, entry, limits.partBytes, {
    open(name, a) {
      if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External")
        out.set(a.Id, { type: a.Type ?? "", target: resolveTarget(part, a.Target) });
    },
  });
  return out;
}

function byType(rels: Map<string, Relationship>, suffix: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
  return undefined;
}

function readStyles(buf: Uint8Array, entry: ZipEntry | undefined, limits: PackageLimits): (string | undefined)[] {
  const formats: (string | undefined)[] = [];
  if (!entry) return formats;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parseEntryXml(buf, entry, limits.partBytes, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id) ?? numberFormatOfId(id);
        formats.push(code === "General" ? undefined : code);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

/** Shared strings: each item's text, runs joined, phonetic guides (rPh) left out. */
function readSharedStrings(buf: Uint8Array, entry: ZipEntry | undefined, limits: PackageLimits): string[] {
  const out: string[] = [];
  if (!entry) return out;
  let current = "";
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  parseEntryXml(buf, entry, limits.partBytes, {
    open(name) {
      if (name === "si") {
        inItem = true;
        current = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t") inText = inItem && phonetic === 0;
    },
    close(name) {
      if (name === "si") {
        out.push(current);
        inItem = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(t) {
      if (inText) current += t;
    },
  });
  return out;
}

/** The workbook part's sheets (in tab order), their states and the date system. */
function readWorkbookPart(
  buf: Uint8Array,
  entry: ZipEntry,
  limits: PackageLimits,
): { sheets: { name: string; state: string; rid?: string }[]; date1904: boolean } {
  const sheets: { name: string; state: string; rid?: string }[] = [];
  let date1904 = false;
  parseEntryXml(buf, entry, limits.partBytes, {
    open(name, a) {
      if (name === "sheet" && a.name !== undefined) sheets.push({ name: a.name, state: a.state ?? "visible", rid: relationshipId(a) });
      else if (name === "workbookPr" && (a.date1904 === "1" || a.date1904 === "true")) date1904 = true;
    },
  });
  return { sheets, date1904 };
}

/** The workbook's parts. Throws XlsxError when the package holds no workbook part. */
export function readWorkbookParts(buf: Uint8Array, parts: Parts, limits: PackageLimits): WorkbookParts {
  const workbookPart = byType(relationshipsOf(buf, parts, "", limits), "/officeDocument") ?? "xl/workbook.xml";
  const workbookEntry = parts.get(workbookPart);
  if (!workbookEntry) throw new XlsxError("包中没有工作簿部件（xl/workbook.xml）");
  const rels = relationshipsOf(buf, parts, workbookPart, limits);
  const { sheets, date1904 } = readWorkbookPart(buf, workbookEntry, limits);
  const stylesPart = byType(rels, "/styles");
  const stringsPart = byType(rels, "/sharedStrings");
  const worksheets: SheetEntry[] = [];
  for (const s of sheets) {
    const rel = s.rid !== undefined ? rels.get(s.rid) : undefined;
    // chart sheets and dialog sheets hold no cells
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const entry = parts.get(rel.target);
    if (entry) worksheets.push({ name: s.name, hidden: s.state !== "visible", entry });
  }
  const formats = readStyles(buf, stylesPart ? parts.get(stylesPart) : undefined, limits);
  return {
    sheets: worksheets,
    date1904,
    formats,
    dateStyles: formats.map(isDateFormat),
    sharedStrings: readSharedStrings(buf, stringsPart ? parts.get(stringsPart) : undefined, limits),
  };
}
