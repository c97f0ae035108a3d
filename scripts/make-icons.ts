/**
 * Draws the ribbon icons of the ExecuteFunction buttons into assets/ (16, 32 and 80 px PNGs):
 * check-*.png (检查工作簿: a white tick on green) and clear-*.png (清除标记: a white cross on red).
 * A tiny PNG encoder (RGBA, zlib from node) and 4×4 supersampling; no image library needed.
 * Run: npx tsx scripts/make-icons.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

type Pt = [number, number];

function segmentDistance(p: Pt, a: Pt, b: Pt): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Inside a rounded square covering the unit square with a margin, in unit coordinates. */
function inRoundedSquare([x, y]: Pt, margin = 0.06, radius = 0.18): boolean {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.max(lo, Math.min(hi, x));
  const cy = Math.max(lo, Math.min(hi, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

function draw(size: number, background: [number, number, number], strokes: Pt[][], width: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const p: Pt = [(x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size];
          if (!inRoundedSquare(p)) continue;
          bg++;
          if (strokes.some((line) => line.slice(1).some((b, i) => segmentDistance(p, line[i], b) <= width / 2))) fg++;
        }
      }
      const n = S * S;
      const i = (y * size + x) * 4;
      const f = bg === 0 ? 0 : fg / bg;
      out[i] = Math.round(background[0] * (1 - f) + 255 * f);
      out[i + 1] = Math.round(background[1] * (1 - f) + 255 * f);
      out[i + 2] = Math.round(background[2] * (1 - f) + 255 * f);
      out[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return out;
}

const ICONS: { name: string; background: [number, number, number]; strokes: Pt[][] }[] = [
  {
    name: "check",
    background: [0x21, 0x73, 0x46],
    strokes: [
      [
        [0.26, 0.52],
        [0.43, 0.69],
        [0.75, 0.33],
      ],
    ],
  },
  {
    name: "clear",
    background: [0xa4, 0x26, 0x2c],
    strokes: [
      [
        [0.3, 0.3],
        [0.7, 0.7],
      ],
      [
        [0.7, 0.3],
        [0.3, 0.7],
      ],
    ],
  },
];

if (require.main === module) {
  const dir = path.join(__dirname, "..", "assets");
  for (const icon of ICONS) {
    for (const size of [16, 32, 80]) {
      const width = size <= 16 ? 0.16 : 0.12;
      const file = path.join(dir, `${icon.name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, draw(size, icon.background, icon.strokes, width)));
      console.log(file);
    }
  }
}
