/**
 * The zip container of an .xlsx (and of a .docx 情况说明): its central directory (read here, ZIP64 included, every entry however many
 * the end record claims) and each entry's bytes inflated by fflate in chunks, so that a part is never held
 * whole and a part that unzips to more than it declares, or than a limit, is stopped at that point.
 * Bytes are a plain Uint8Array (a Node Buffer is one): no Node module is used, so the task pane reads a
 * workbook the officer chooses with the same code in the browser.
 */
import { Inflate } from "fflate";

export interface ZipEntry {
  /** The name as stored. */
  name: string;
  /** The part name a reader means: no leading slash, "/" separators, lower case. */
  part: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** The unzipped size the directory declares. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** A zip that cannot be read (truncated, not a zip, an entry that lies about its size). */
export class ZipError extends Error {
  constructor(
    readonly reason: "corrupt" | "size-mismatch" | "over-limit" | "encrypted" | "method",
    message: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Little-endian reads of the zip's records (through one DataView per record walk); past the end they throw a RangeError, as Buffer's do. */
function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}
const u16 = (v: DataView, at: number) => v.getUint16(at, true);
const u32 = (v: DataView, at: number) => v.getUint32(at, true);
const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

function findEndRecord(buf: Uint8Array): number {
  const min = Math.max(0, buf.length - 65557);
  const v = view(buf);
  for (let i = buf.length - 22; i >= min; i--) if (u32(v, i) === EOCD) return i;
  return -1;
}

/** Where the central directory lies: from the end record, or from the ZIP64 end record it points to. */
function directoryBounds(buf: Uint8Array, eocd: number): { start: number; end: number } {
  const v = view(buf);
  let size = u32(v, eocd + 12);
  let start = u32(v, eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && u32(v, locator) === ZIP64_LOCATOR) {
    const at = u64(v, locator + 8);
    if (at + 56 > buf.length || u32(v, at) !== ZIP64_EOCD) throw new ZipError("corrupt", "ZIP64 end record missing");
    size = u64(v, at + 40);
    start = u64(v, at + 48);
  }
  if (start + size > buf.length) throw new ZipError("corrupt", "central directory beyond the end of the file");
  return { start, end: start + size };
}

/** The ZIP64 extra field's values, in the order the spec gives them, for the fields the header set to all ones. */
function zip64Values(buf: Uint8Array, extraStart: number, extraEnd: number, wanted: number): number[] {
  const v = view(buf);
  for (let p = extraStart; p + 4 <= extraEnd;) {
    const id = u16(v, p);
    const len = u16(v, p + 2);
    if (id === 0x0001) {
      const out: number[] = [];
      for (let k = 0; k < wanted && 8 * (k + 1) <= len; k++) out.push(u64(v, p + 4 + 8 * k));
      return out;
    }
    p += 4 + len;
  }
  return [];
}

/** Every entry of the central directory. Throws ZipError when the directory cannot be read. */
export function readZipDirectory(buf: Uint8Array): ZipEntry[] {
  const eocd = findEndRecord(buf);
  if (eocd < 0) throw new ZipError("corrupt", "no end of central directory record");
  const { start, end } = directoryBounds(buf, eocd);
  const v = view(buf);
  const utf8 = new TextDecoder("utf-8");
  const out: ZipEntry[] = [];
  for (let p = start; p < end;) {
    if (p + 46 > buf.length || u32(v, p) !== CENTRAL) throw new ZipError("corrupt", "bad central directory entry");
    const flags = u16(v, p + 8);
    const method = u16(v, p + 10);
    let compressedSize = u32(v, p + 20);
    let size = u32(v, p + 24);
    const nameLength = u16(v, p + 28);
    const extraLength = u16(v, p + 30);
    let offset = u32(v, p + 42);
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLength));
    const big = [size, compressedSize, offset].filter((v) => v === 0xffffffff).length;
    if (big > 0) {
      const values = zip64Values(buf, p + 46 + nameLength, p + 46 + nameLength + extraLength, big);
      if (values.length < big) throw new ZipError("corrupt", "ZIP64 sizes missing");
      let k = 0;
      if (size === 0xffffffff) size = values[k++];
      if (compressedSize === 0xffffffff) compressedSize = values[k++];
      if (offset === 0xffffffff) offset = values[k++];
    }
    const part = name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
    out.push({ name, part, method, encrypted: (flags & 1) === 1, compressedSize, size, offset });
    p += 46 + nameLength + extraLength + u16(v, p + 32);
  }
  return out;
}

/** The entry's compressed bytes, located through its local header. */
function compressedBytes(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const v = view(buf);
  if (e.offset + 30 > buf.length || u32(v, e.offset) !== LOCAL) throw new ZipError("corrupt", `bad local header for ${e.name}`);
  const start = e.offset + 30 + u16(v, e.offset + 26) + u16(v, e.offset + 28);
  if (start + e.compressedSize > buf.length) throw new ZipError("corrupt", `${e.name} runs past the end of the file`);
  return buf.subarray(start, start + e.compressedSize);
}

/** How many compressed bytes are handed to the inflater at a time (its output comes in chunks of similar scale). */
const FEED = 64 * 1024;

/**
 * Inflates one entry, giving its bytes to `onChunk` as they come. Stops with ZipError as soon as the output
 * exceeds what the directory declares or `limit`, whichever is smaller.
 */
export function inflateEntry(buf: Uint8Array, e: ZipEntry, limit: number, onChunk: (bytes: Uint8Array) => void): void {
  if (e.encrypted) throw new ZipError("encrypted", `${e.name} is encrypted`);
  if (e.size > limit) throw new ZipError("over-limit", `${e.name} declares ${e.size} bytes`);
  const data = compressedBytes(buf, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipError("size-mismatch", `${e.name} stored size differs`);
    for (let p = 0; p < data.length; p += FEED) onChunk(data.subarray(p, Math.min(data.length, p + FEED)));
    return;
  }
  if (e.method !== 8) throw new ZipError("method", `${e.name} uses compression method ${e.method}`);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    written += chunk.length;
    if (written > e.size) throw new ZipError("size-mismatch", `${e.name} unzips to more than the ${e.size} bytes it declares`);
    onChunk(chunk);
  });
  try {
    for (let p = 0; p < data.length; p += FEED) inflater.push(data.subarray(p, Math.min(data.length, p + FEED)), p + FEED >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    // fflate's own errors carry a numeric code; anything else comes from onChunk (the reader's) and goes on as it is
    if (typeof (err as { code?: unknown }).code === "number") throw new ZipError("corrupt", `${e.name}: ${(err as Error).message}`);
    throw err;
  }
  if (written !== e.size) throw new ZipError("size-mismatch", `${e.name} unzips to ${written} bytes, not the ${e.size} it declares`);
}

/** A whole entry's bytes (small parts only: relationships, the workbook part, external-link parts). */
export function entryBytes(buf: Uint8Array, e: ZipEntry, limit: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(e.size);
  let at = 0;
  inflateEntry(buf, e, limit, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
