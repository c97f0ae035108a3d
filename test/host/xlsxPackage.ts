/**
 * Hand-built .xlsx packages for the reader's tests: the parts a workbook needs, any XML the test gives
 * for its sheets, extra parts, and surgery on the zip itself (declared sizes, ZIP64 records).
 */
import { strToU8, zipSync } from "fflate";

export interface SheetPart {
  name: string;
  /** The worksheet XML, or just what goes inside <sheetData> (then wrapped). */
  xml: string;
  state?: "hidden" | "veryHidden";
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function sheetXml(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export interface PackageOptions {
  sharedStrings?: string[];
  /** cellXfs' number formats (numFmtId, with custom codes from 164). */
  formats?: string[];
  /** Extra XML inside <workbook> after <sheets> (definedNames, externalReferences …). */
  workbookExtra?: string;
  /** Extra parts by name. */
  parts?: Record<string, string | Uint8Array>;
  /** Extra workbook relationships (XML of <Relationship> elements). */
  relationships?: string;
}

export function buildXlsx(sheets: SheetPart[], o: PackageOptions = {}): Buffer {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string | Uint8Array) => (files[name] = typeof text === "string" ? strToU8(text) : text);
  put("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  put(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`).join("");
  put("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets>${o.workbookExtra ?? ""}</workbook>`);
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(
    `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}${o.relationships ?? ""}</Relationships>`,
  );
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, /<(\w+:)?worksheet/.test(s.xml) ? s.xml : sheetXml(s.xml)));
  const strings = (o.sharedStrings ?? []).map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("");
  put("xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="${MAIN}">${strings}</sst>`);
  const formats = o.formats ?? [];
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f.replace(/"/g, "&quot;")}"/>`).join("");
  const xfs = ['<xf numFmtId="0"/>', ...formats.map((_, i) => `<xf numFmtId="${164 + i}" applyNumberFormat="1"/>`)].join("");
  put("xl/styles.xml", `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts><cellXfs>${xfs}</cellXfs></styleSheet>`);
  for (const [name, text] of Object.entries(o.parts ?? {})) put(name, text);
  return Buffer.from(zipSync(files));
}

/** Offsets of every central directory entry of a zip (as fflate writes it: no ZIP64, no comment; walked by the directory's size, as the 16-bit count wraps). */
function centralEntries(buf: Buffer): { at: number; name: string }[] {
  const eocd = buf.length - 22;
  let p = buf.readUInt32LE(eocd + 16);
  const end = p + buf.readUInt32LE(eocd + 12);
  const out: { at: number; name: string }[] = [];
  while (p < end) {
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({ at: p, name: buf.toString("utf8", p + 46, p + 46 + nameLength) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** The zip with the unzipped size its directory declares for `part` changed (the bytes stay what they are). */
export function withDeclaredSize(zip: Buffer, part: string, size: number): Buffer {
  const buf = Buffer.from(zip);
  const entry = centralEntries(buf).find((e) => e.name === part);
  if (!entry) throw new Error(`no ${part}`);
  buf.writeUInt32LE(size, entry.at + 24);
  buf.writeUInt32LE(size, buf.readUInt32LE(entry.at + 42) + 22); // and in the local header
  return buf;
}

/**
 * The zip rewritten with ZIP64 end records: the classic end record says 0xFFFF entries and 0xFFFFFFFF for
 * the directory's size and offset, and the true figures stand in the ZIP64 record, as writers do for
 * packages of more than 65,535 entries or 4 GB.
 */
export function asZip64(zip: Buffer, entries?: number): Buffer {
  const eocd = zip.length - 22;
  const count = entries ?? zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  const body = zip.subarray(0, eocd);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(body.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([body, record, locator, end]);
}
