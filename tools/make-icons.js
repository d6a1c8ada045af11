// Draws the chitieu icon (a report sheet with rising bars and a check mark) at the sizes the
// manifest needs, as PNG files in assets/: node tools/make-icons.js
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const SS = 4; // supersampling for smooth edges

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The design in unit coordinates (0..1): returns [r, g, b, a] or null for transparent. */
function shade(x, y) {
  const inRounded = (x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const nearSegment = (ax, ay, bx, by, w) => {
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
  };
  // Check mark (green) over the lower right corner.
  if (nearSegment(0.56, 0.74, 0.68, 0.86, 0.055) || nearSegment(0.68, 0.86, 0.92, 0.58, 0.055)) return [16, 124, 16, 255];
  if (nearSegment(0.56, 0.74, 0.68, 0.86, 0.1) || nearSegment(0.68, 0.86, 0.92, 0.58, 0.1)) return [255, 255, 255, 255];
  // Sheet: blue rounded square.
  if (!inRounded(0.06, 0.06, 0.94, 0.94, 0.16)) return null;
  // Rising bars, white.
  const bars = [
    [0.2, 0.56],
    [0.4, 0.42],
    [0.6, 0.28],
  ];
  for (const [bx, top] of bars) if (x >= bx && x <= bx + 0.13 && y >= top && y <= 0.78) return [255, 255, 255, 255];
  // Header band of the sheet, a lighter blue.
  if (y < 0.2) return [71, 158, 245, 255];
  return [15, 108, 189, 255];
}

for (const size of SIZES) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round(a / (SS * SS));
    }
  }
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size, rgba));
}
process.stdout.write(`assets/icon-{${SIZES.join(",")}}.png\n`);
