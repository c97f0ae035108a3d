/**
 * A part's XML, tokenized by saxes as its bytes are inflated: elements by local name (the prefix dropped,
 * so that transitional and strict OOXML, and any prefix a writer chose, read alike), attributes as plain
 * strings, text. Malformed XML stops the read with XmlError.
 */
import { SaxesParser } from "saxes";
import { inflateEntry, type ZipEntry } from "../zip";

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses one zip entry's XML with the handlers, inflating at most `limit` bytes. */
export function parseEntryXml(buf: Uint8Array, entry: ZipEntry, limit: number, h: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on("error", (e) => {
    throw new XmlError(entry.name, e.message);
  });
  parser.on("opentag", (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>));
  if (h.close) {
    const close = h.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (h.text) parser.on("text", h.text);
  // (a sequence split between two chunks is decoded whole; a broken one becomes U+FFFD, as before)
  const decoder = new TextDecoder("utf-8");
  let first = true;
  inflateEntry(buf, entry, limit, (chunk) => {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark
      first = false;
    }
    parser.write(text);
  });
  parser.write(decoder.decode());
  parser.close();
}

/** The attribute that names a relationship (r:id in transitional files; any prefix bound to the relationships namespace). */
export function relationshipId(attrs: Record<string, string>): string | undefined {
  if (attrs["r:id"] !== undefined) return attrs["r:id"];
  for (const k in attrs) if (k.endsWith(":id")) return attrs[k];
  return undefined;
}
