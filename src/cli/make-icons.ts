/**
 * Draws the toolbar and store icons (icons/icon-{16,32,48,128}.png): a deep
 * blue tile with three lines of "text", the middle one marked by an amber
 * highlight — Maekrak's job in one picture. Shapes are signed-distance
 * rounded rectangles, supersampled 4x; PNGs are encoded with node:zlib.
 * Run: npx tsx src/cli/make-icons.ts
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type RGBA = [number, number, number, number];
type Shape = { x: number; y: number; w: number; h: number; r: number; color: (u: number, v: number) => RGBA };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size: number, pixels: Uint8ClampedArray): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(pixels.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Inside test for a rounded rectangle in unit coordinates (0..1). */
function inside(s: Shape, u: number, v: number): boolean {
  const dx = Math.max(Math.abs(u - (s.x + s.w / 2)) - (s.w / 2 - s.r), 0);
  const dy = Math.max(Math.abs(v - (s.y + s.h / 2)) - (s.h / 2 - s.r), 0);
  return dx * dx + dy * dy <= s.r * s.r;
}

const mix = (a: RGBA, b: RGBA, t: number): RGBA => a.map((x, i) => x + (b[i]! - x) * t) as RGBA;
const TILE_TOP: RGBA = [43, 108, 176, 255];
const TILE_BOTTOM: RGBA = [26, 54, 103, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const AMBER: RGBA = [246, 173, 85, 255];

function shapesFor(size: number): Shape[] {
  // Fewer, thicker strokes at toolbar sizes so the mark stays crisp.
  const small = size <= 24;
  const line = small ? 0.16 : 0.11;
  const tile: Shape = { x: 0.02, y: 0.02, w: 0.96, h: 0.96, r: 0.22, color: (_u, v) => mix(TILE_TOP, TILE_BOTTOM, v) };
  const rows = small ? [0.24, 0.6] : [0.22, 0.445, 0.67];
  const marked = small ? 1 : 1;
  const shapes: Shape[] = [tile];
  rows.forEach((y, i) => {
    if (i === marked) {
      shapes.push({ x: 0.14, y: y - 0.055, w: 0.72, h: line + 0.11, r: 0.06, color: () => AMBER });
      shapes.push({ x: 0.2, y, w: 0.6, h: line, r: line / 2, color: () => [26, 54, 103, 255] });
    } else {
      shapes.push({ x: 0.2, y, w: i === rows.length - 1 ? 0.42 : 0.6, h: line, r: line / 2, color: () => WHITE });
    }
  });
  return shapes;
}

function draw(size: number): Uint8ClampedArray {
  const SS = 4;
  const out = new Uint8ClampedArray(size * size * 4);
  const shapes = shapesFor(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let acc: RGBA = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          let color: RGBA = [0, 0, 0, 0];
          for (const shape of shapes) if (inside(shape, u, v)) color = shape.color(u, v);
          // Premultiplied accumulation keeps anti-aliased edges free of dark fringes.
          acc = [acc[0] + color[0] * color[3], acc[1] + color[1] * color[3], acc[2] + color[2] * color[3], acc[3] + color[3]];
        }
      }
      const i = (y * size + x) * 4;
      const alpha = acc[3] / (SS * SS);
      out[i] = alpha ? acc[0] / acc[3] : 0;
      out[i + 1] = alpha ? acc[1] / acc[3] : 0;
      out[i + 2] = alpha ? acc[2] / acc[3] : 0;
      out[i + 3] = alpha;
    }
  }
  return out;
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(`icons/icon-${size}.png`, png(size, draw(size)));
  console.log(`icons/icon-${size}.png`);
}
