/**
 * Draws Maekrak's toolbar and store icons: icons/icon-{16,32,48,128}.png.
 *
 * The mark: a deep blue rounded tile carrying a white "ㅁ" (the first letter
 * of 맥락) underlined by a tilted amber highlighter stroke — a word being
 * marked on the page, which is what the extension does. At 16 and 32 px the
 * tile is full-bleed and the geometry sits on the pixel grid so the mark stays
 * crisp (no tilt at 16 px); 48 and 128 px share a 128 px design with a margin,
 * a soft sheen and shadows under the mark.
 *
 * Each size is rendered at 4x (every sample composited "over" in premultiplied
 * alpha) and box-filtered down, which anti-aliases every edge. PNG (RGBA,
 * 8-bit) is encoded here with node:zlib: CRC32, IHDR/IDAT/IEND; no image library.
 *
 * Run: npx tsx src/cli/make-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

type RGBA = readonly [r: number, g: number, b: number, a: number];
/** A filled region in output-pixel coordinates, with its paint. */
type Shape = { inside: (x: number, y: number) => boolean; paint: (x: number, y: number) => RGBA };

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Encodes straight-alpha RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = 1; // "Sub" filter: neighbouring pixels are alike, so it deflates well
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      raw[row + 1 + i] = (rgba[y * stride + i]! - left) & 0xff;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- geometry

function roundRectDistance(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) =>
  roundRectDistance(x, y, x0, y0, x1, y1, r) <= 0;

/** A rounded-square outline: outer box minus inner box. */
const frame =
  (x0: number, y0: number, x1: number, y1: number, stroke: number, rOuter: number, rInner: number) =>
  (x: number, y: number) =>
    roundRectDistance(x, y, x0, y0, x1, y1, rOuter) <= 0 &&
    roundRectDistance(x, y, x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke, rInner) > 0;

// ---------------------------------------------------------------- paint

const hex = (value: string, alpha = 1): RGBA => {
  const n = parseInt(value.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
};
const mix = (a: RGBA, b: RGBA, t: number): RGBA => {
  const k = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k, a[3] + (b[3] - a[3]) * k];
};

const TILE_LIGHT = hex("#2f74bb");
const TILE_DARK = hex("#16365d");
const WHITE = hex("#ffffff");
const AMBER = hex("#f8b565");
const AMBER_DEEP = hex("#ee9535");
const SHADOW = hex("#071a33", 0.28);
const CLEAR = hex("#ffffff", 0);

// ---------------------------------------------------------------- the icon

/** Rotates a region by `degrees` about (cx, cy) (negative: counter-clockwise on screen). */
const rotated = (test: (x: number, y: number) => boolean, cx: number, cy: number, degrees: number) => {
  const t = (degrees * Math.PI) / 180;
  const c = Math.cos(t),
    sn = Math.sin(t);
  return (x: number, y: number) => test(cx + (x - cx) * c + (y - cy) * sn, cy - (x - cx) * sn + (y - cy) * c);
};

type Layout = {
  margin: number;
  radius: number;
  glyph: { x0: number; y0: number; x1: number; y1: number; stroke: number; rOuter: number; rInner: number };
  stroke: { x0: number; y0: number; x1: number; y1: number; r: number; tilt: number };
  /** Shadow offset and a sheen on the tile: only where there are pixels to spare. */
  depth: number;
};

/**
 * Geometry in output pixels. 16 and 32 px sit on the pixel grid (every straight
 * edge on a pixel boundary; no tilt at 16 px, where it would only blur); 48 and
 * 128 px share one design drawn on a 128 grid.
 */
function layoutFor(size: number): Layout {
  if (size <= 32) {
    const u = size / 16;
    return {
      margin: 0,
      radius: 3.5 * u,
      glyph: { x0: 4 * u, y0: 2 * u, x1: 12 * u, y1: 10 * u, stroke: 2 * u, rOuter: 1.25 * u, rInner: 0.25 * u },
      stroke:
        size >= 32
          ? { x0: 2.5 * u, y0: 11 * u, x1: 13.5 * u, y1: 14 * u, r: 1.5 * u, tilt: -3 }
          : { x0: 3, y0: 11, x1: 13, y1: 14, r: 1.25, tilt: 0 },
      depth: 0,
    };
  }
  const k = size / 128;
  return {
    margin: 6 * k,
    radius: 27 * k,
    glyph: { x0: 35 * k, y0: 19 * k, x1: 93 * k, y1: 77 * k, stroke: 14 * k, rOuter: 9 * k, rInner: 2.5 * k },
    stroke: { x0: 24 * k, y0: 87 * k, x1: 104 * k, y1: 105 * k, r: 9 * k, tilt: -4 },
    depth: 2.5 * k,
  };
}

function iconShapes(size: number): Shape[] {
  const { margin: m, radius, glyph: g, stroke: b, depth } = layoutFor(size);
  const tile = roundRect(m, m, size - m, size - m, radius);
  const span = 2 * (size - 2 * m);
  const tilePaint = (x: number, y: number) => mix(TILE_LIGHT, TILE_DARK, ((x - m + (y - m)) / span) * 1.2 - 0.1);
  const glyphAt = (dy: number) => frame(g.x0, g.y0 + dy, g.x1, g.y1 + dy, g.stroke, g.rOuter, g.rInner);
  const strokeAt = (dy: number) =>
    rotated(roundRect(b.x0, b.y0 + dy, b.x1, b.y1 + dy, b.r), (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2 + dy, b.tilt);
  const strokePaint = (_x: number, y: number) => mix(AMBER, AMBER_DEEP, (y - b.y0) / (b.y1 - b.y0));
  const shapes: Shape[] = [{ inside: tile, paint: tilePaint }];
  if (depth > 0) {
    // A faint sheen fading down the upper half of the tile, then soft shadows under the mark.
    shapes.push({
      inside: (x, y) => tile(x, y) && y < size / 2,
      paint: (_x, y) => mix(hex("#ffffff", 0.09), CLEAR, (y - m) / (size / 2 - m)),
    });
    shapes.push({ inside: glyphAt(depth), paint: () => SHADOW }, { inside: strokeAt(depth), paint: () => SHADOW });
  }
  shapes.push({ inside: glyphAt(0), paint: () => WHITE }, { inside: strokeAt(0), paint: strokePaint });
  return shapes;
}

const SUPERSAMPLE = 4;

/** Renders at SUPERSAMPLE x into premultiplied floats, then box-filters down to `size`. */
export function renderIcon(size: number): Uint8Array {
  const shapes = iconShapes(size);
  const big = size * SUPERSAMPLE;
  const buffer = new Float64Array(big * big * 4); // premultiplied RGBA, 0..255 colour, 0..1 alpha
  for (let by = 0; by < big; by++) {
    for (let bx = 0; bx < big; bx++) {
      const x = (bx + 0.5) / SUPERSAMPLE;
      const y = (by + 0.5) / SUPERSAMPLE;
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const shape of shapes) {
        if (!shape.inside(x, y)) continue;
        const [cr, cg, cb, ca] = shape.paint(x, y);
        r = cr * ca + r * (1 - ca);
        g = cg * ca + g * (1 - ca);
        b = cb * ca + b * (1 - ca);
        a = ca + a * (1 - ca);
      }
      const i = (by * big + bx) * 4;
      buffer[i] = r;
      buffer[i + 1] = g;
      buffer[i + 2] = b;
      buffer[i + 3] = a;
    }
  }
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const i = ((y * SUPERSAMPLE + sy) * big + x * SUPERSAMPLE + sx) * 4;
          r += buffer[i]!;
          g += buffer[i + 1]!;
          b += buffer[i + 2]!;
          a += buffer[i + 3]!;
        }
      }
      const o = (y * size + x) * 4;
      const alpha = a / n;
      // Back to straight alpha; fully transparent pixels stay black-transparent.
      out[o] = a > 0 ? Math.round(r / a) : 0;
      out[o + 1] = a > 0 ? Math.round(g / a) : 0;
      out[o + 2] = a > 0 ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

export const ICON_SIZES = [16, 32, 48, 128] as const;

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "icons");
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(file);
  }
}
