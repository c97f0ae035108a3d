/**
 * Links to other workbooks (external links), which exceljs drops when it writes a workbook, put back into
 * an annotated copy: the input's externalLink parts with their own relationships, the workbook's
 * <externalReferences> in their order (formulas say [1], [2] … by that order), the workbook relationships
 * and the content types. The copy's parts are otherwise left as exceljs wrote them.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseEntryXml, relationshipId } from "./xlsx/xml";
import { entryBytes, readZipDirectory, type ZipEntry } from "./zip";

const EXTERNAL_LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink";
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml";
/** Parts this small are all an external link is; a larger one is not copied. */
const PART_LIMIT = 16 * 1024 * 1024;

/** The input's external links in workbook order: each link part's name and its relationships part, if any. */
function externalLinksOf(original: Buffer): { part: string; rels?: string; entries: Map<string, ZipEntry> }[] {
  const entries = new Map(readZipDirectory(original).map((e) => [e.name.replace(/^\/+/, ""), e]));
  const workbook = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return [];
  const order: string[] = [];
  parseEntryXml(original, workbook, PART_LIMIT, {
    open(name, a) {
      const id = name === "externalReference" ? relationshipId(a) : undefined;
      if (id) order.push(id);
    },
  });
  if (order.length === 0) return [];
  const targets = new Map<string, string>();
  parseEntryXml(original, rels, PART_LIMIT, {
    open(name, a) {
      if (name === "Relationship" && a.Type === EXTERNAL_LINK && a.Id && a.Target)
        targets.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
    },
  });
  return order.flatMap((id) => {
    const part = targets.get(id);
    if (!part || !entries.has(part)) return [];
    const slash = part.lastIndexOf("/");
    const relsPart = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    return [{ part, rels: entries.has(relsPart) ? relsPart : undefined, entries }];
  });
}

/** The written copy with the original's external links put back (unchanged when the original has none). */
export function withExternalLinks(written: Buffer, original: Buffer): Buffer {
  const links = externalLinksOf(original);
  if (links.length === 0) return written;
  const files = unzipSync(written);
  const text = (name: string) => strFromU8(files[name]);
  const references: string[] = [];
  const relationships: string[] = [];
  const overrides: string[] = [];
  links.forEach((link, i) => {
    const id = `rIdExternalLink${i + 1}`;
    files[link.part] = entryBytes(original, link.entries.get(link.part)!, PART_LIMIT);
    if (link.rels) files[link.rels] = entryBytes(original, link.entries.get(link.rels)!, PART_LIMIT);
    references.push(`<externalReference r:id="${id}"/>`);
    relationships.push(`<Relationship Id="${id}" Type="${EXTERNAL_LINK}" Target="/${link.part}"/>`);
    overrides.push(`<Override PartName="/${link.part}" ContentType="${CONTENT_TYPE}"/>`);
  });
  files["xl/workbook.xml"] = strToU8(text("xl/workbook.xml").replace("</sheets>", `</sheets><externalReferences>${references.join("")}</externalReferences>`));
  files["xl/_rels/workbook.xml.rels"] = strToU8(text("xl/_rels/workbook.xml.rels").replace("</Relationships>", `${relationships.join("")}</Relationships>`));
  files["[Content_Types].xml"] = strToU8(text("[Content_Types].xml").replace("</Types>", `${overrides.join("")}</Types>`));
  return Buffer.from(zipSync(files));
}
