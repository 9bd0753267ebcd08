import { zlibSync } from 'fflate';

// The charts of a report draft as PNG, drawn here pixel by pixel. A PNG is the one picture Word (every version the
// offices run) and LibreOffice both show as it is: an SVG needs a PNG fallback anyway, and nothing on the server can
// turn an SVG with Chinese labels into one. So the picture carries bars, grid and digits only (a 3×5 bitmap font),
// each bar numbered and coloured, and the Chinese category names stand in the key table printed beside it.

/** Colours of the bars, in order; the key table shades its swatches with the same ones. Distinct in grey print too. */
export const CHART_COLORS = [
  '2F6FD0',
  'E8833A',
  '3BA272',
  'D94E5D',
  '8A63C9',
  'C9A227',
  '2BA3B5',
  'A0522D',
  '5C7A29',
  'D66BB3',
  '4B5D73',
  '9BBF3A',
  '7F7F7F',
] as const;

export interface BarChartOptions {
  values: readonly number[];
  /** picture size in pixels; drawn at twice the size it is shown, so it stays sharp when printed */
  width?: number;
  height?: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** the plot area: bars stand on its bottom edge */
  plot: Rect;
  /** the top of the value axis (a round number ≥ every value) and the step of its grid lines */
  axisMax: number;
  step: number;
  bars: Rect[];
}

/** A round step (1, 2 or 5 × 10ⁿ) giving at most five grid lines up to `max`. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * pow) return Math.max(1, m * pow);
  return Math.max(1, 10 * pow);
}

/** Where everything goes: pure geometry, so a test can look at the pixels where a bar must be. */
export function barLayout({ values, width = 1152, height = 480 }: BarChartOptions): BarLayout {
  const s = width / 576;
  const plot = {
    x: Math.round(56 * s),
    y: Math.round(24 * s),
    w: Math.round(width - 72 * s),
    h: Math.round(height - 52 * s),
  };
  const max = Math.max(0, ...values);
  const step = niceStep(max);
  const axisMax = Math.max(step, Math.ceil(max / step) * step);
  const slot = plot.w / Math.max(1, values.length);
  const barW = Math.max(2, Math.round(Math.min(slot * 0.6, 72 * s)));
  const bars = values.map((v, i) => {
    const h = Math.round((Math.max(0, v) / axisMax) * plot.h);
    return { x: Math.round(plot.x + slot * i + (slot - barW) / 2), y: plot.y + plot.h - h, w: barW, h };
  });
  return { width, height, plot, axisMax, step, bars };
}

// 3×5 digits, one string per row, '1' for a lit pixel.
const GLYPHS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '001', '001', '001'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

type Rgb = readonly [number, number, number];
const rgb = (hex: string): Rgb => [
  Number.parseInt(hex.slice(0, 2), 16),
  Number.parseInt(hex.slice(2, 4), 16),
  Number.parseInt(hex.slice(4, 6), 16),
];
const GRID: Rgb = [226, 226, 226];
const AXIS: Rgb = [64, 64, 64];
const TEXT: Rgb = [51, 51, 51];

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }
  fill(r: Rect, c: Rgb): void {
    const x0 = Math.max(0, Math.floor(r.x));
    const y0 = Math.max(0, Math.floor(r.y));
    const x1 = Math.min(this.w, Math.floor(r.x + r.w));
    const y1 = Math.min(this.h, Math.floor(r.y + r.h));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const o = (y * this.w + x) * 3;
        this.px[o] = c[0];
        this.px[o + 1] = c[1];
        this.px[o + 2] = c[2];
      }
    }
  }
  /** Digits in the bitmap font, `dot` pixels a font pixel; anchored at (x, y) as `align` says. */
  text(t: string, at: { x: number; y: number; dot: number; align: 'center' | 'right' }): void {
    const { dot } = at;
    const advance = 4 * dot;
    const width = t.length * advance - dot;
    let x = at.align === 'center' ? at.x - width / 2 : at.x - width;
    for (const ch of t) {
      const g = GLYPHS[ch];
      if (g) {
        g.forEach((row, gy) => {
          for (let gx = 0; gx < 3; gx++) {
            if (row[gx] === '1') this.fill({ x: x + gx * dot, y: at.y + gy * dot, w: dot, h: dot }, TEXT);
          }
        });
      }
      x += advance;
    }
  }
}

/**
 * A bar chart of `values` as PNG bytes: bar i in `CHART_COLORS[i]`, its value above it, its number (i + 1) below,
 * grid lines with their values on the left. Deterministic: the same values give the same bytes.
 */
export function barChartPng(opts: BarChartOptions): Uint8Array {
  const l = barLayout(opts);
  const s = l.width / 576;
  const dot = Math.max(1, Math.round(2 * s));
  const c = new Canvas(l.width, l.height);
  const { plot } = l;
  for (let v = 0; v <= l.axisMax; v += l.step) {
    const y = Math.round(plot.y + plot.h - (v / l.axisMax) * plot.h);
    if (v > 0) c.fill({ x: plot.x, y, w: plot.w, h: Math.max(1, Math.round(s)) }, GRID);
    c.text(String(v), { x: plot.x - 4 * dot, y: y - 2.5 * dot, dot, align: 'right' });
  }
  l.bars.forEach((b, i) => {
    c.fill(b, rgb(CHART_COLORS[i % CHART_COLORS.length]));
    const mid = b.x + b.w / 2;
    c.text(String(Math.round(opts.values[i])), { x: mid, y: b.y - 8 * dot, dot, align: 'center' });
    c.text(String(i + 1), { x: mid, y: plot.y + plot.h + 4 * dot, dot, align: 'center' });
  });
  c.fill({ x: plot.x, y: plot.y + plot.h, w: plot.w, h: Math.max(2, Math.round(1.5 * s)) }, AXIS);
  c.fill(
    { x: plot.x - Math.max(2, Math.round(1.5 * s)), y: plot.y, w: Math.max(2, Math.round(1.5 * s)), h: plot.h + 2 },
    AXIS,
  );
  return encodePng(c.px, { width: l.width, height: l.height });
}

/** The bars' colour as the key table shades it (hex without #). */
export const chartColor = (i: number): string => CHART_COLORS[i % CHART_COLORS.length];

// ---------------------------------------------------------------------------------------------------------------
// PNG (RFC 2083): signature, IHDR, one IDAT of the zlib-compressed scanlines (filter 0), IEND; each chunk CRC-32'd.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** 8-bit RGB pixels, row by row, as a PNG file. */
export function encodePng(rgbPixels: Uint8Array, size: { width: number; height: number }): Uint8Array {
  const { width, height } = size;
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const stride = width * 3;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) raw.set(rgbPixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
