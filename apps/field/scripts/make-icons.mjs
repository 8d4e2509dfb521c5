// Draws the app icons (the favicon's white grid on blue) as PNGs with no image library, so the
// web manifest has the raster icons Android needs to install the app. Run once; the output is kept
// in public/. `node apps/field/scripts/make-icons.mjs`
import fs from 'node:fs';
import zlib from 'node:zlib';

const BLUE = [0x16, 0x77, 0xff];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A square icon: rounded blue tile (full bleed when maskable) with the 2×2 grid lines in white. */
function icon(size, maskable) {
  const inset = maskable ? 0.2 : 0.1875; // the lines sit inside the maskable safe zone
  const radius = maskable ? 0 : size * 0.1875;
  const stroke = size * (2.5 / 32);
  const lines = [11 / 32, 21 / 32].map((at) => inset + (at - 6 / 32) * ((1 - 2 * inset) / (20 / 32)));
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const cx = Math.min(x + 0.5, size - x - 0.5);
      const cy = Math.min(y + 0.5, size - y - 0.5);
      const outside = radius > 0 && cx < radius && cy < radius && Math.hypot(radius - cx, radius - cy) > radius;
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const within = (t) => t >= inset && t <= 1 - inset;
      const onLine = lines.some((at) => (Math.abs(u - at) * size <= stroke / 2 && within(v)) || (Math.abs(v - at) * size <= stroke / 2 && within(u)));
      const [r, g, b] = onLine ? WHITE : BLUE;
      row.set([r, g, b, outside ? 0 : 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
fs.writeFileSync(new URL('icon-192.png', out), icon(192, false));
fs.writeFileSync(new URL('icon-512.png', out), icon(512, false));
fs.writeFileSync(new URL('icon-maskable-512.png', out), icon(512, true));
fs.writeFileSync(new URL('apple-touch-icon.png', out), icon(180, true));
