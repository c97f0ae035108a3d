/** The generated 情况说明 as a file: Markdown, plain text, or a Word document. */
import * as path from "path";
import JSZip from "jszip";
import type { NarrativeSection } from "../../narrative/section";
import { narrativeLines } from "../../narrative/write";
import { writeNewFile } from "./outputs";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function docx(lines: { heading: boolean; text: string }[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = lines
    .map(
      (l) =>
        `<w:p>${l.heading ? "" : '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>'}<w:r>${l.heading ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(l.text)}</w:t></w:r></w:p>`,
    )
    .join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

export async function writeNarrativeFile(file: string, sections: NarrativeSection[]): Promise<void> {
  const lines = narrativeLines(sections);
  const ext = path.extname(file).toLowerCase();
  let data: Buffer | string;
  if (ext === ".docx") data = await docx(lines);
  else if (ext === ".md") data = lines.map((l) => (l.heading ? `## ${l.text}` : l.text)).join("\n\n") + "\n";
  else data = lines.map((l) => l.text).join("\n") + "\n";
  await writeNewFile(file, data);
}
