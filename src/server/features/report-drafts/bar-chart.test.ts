import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { barChartPng, barLayout, CHART_COLORS, crc32 } from './bar-chart';

// The chart must be a PNG any reader opens (Word, LibreOffice, a browser): valid chunks and CRCs, and bars where the
// figures put them, in the colours the key table shades.

interface Png {
  width: number;
  height: number;
  colorType: number;
  chunks: string[];
  pixel: (x: number, y: number) => string;
}

function readPng(bytes: Uint8Array): Png {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let colorType = -1;
  for (let o = 8; o < bytes.length; ) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = bytes.subarray(o + 8, o + 8 + len);
    expect(view.getUint32(o + 8 + len), `CRC of ${type}`).toBe(crc32(bytes.subarray(o + 4, o + 8 + len)));
    chunks.push(type);
    if (type === 'IHDR') {
      const h = new DataView(data.buffer, data.byteOffset, data.byteLength);
      width = h.getUint32(0);
      height = h.getUint32(4);
      colorType = data[9];
      expect(data[8]).toBe(8);
    }
    if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  const raw = unzlibSync(Buffer.concat(idat));
  const stride = width * 3 + 1;
  expect(raw.length).toBe(stride * height);
  const pixel = (x: number, y: number) => {
    const o = y * stride + 1 + x * 3;
    return [raw[o], raw[o + 1], raw[o + 2]].map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('');
  };
  return { width, height, colorType, chunks, pixel };
}

describe('barChartPng', () => {
  it('is a valid RGB PNG of the asked size: signature, IHDR, IDAT, IEND, every CRC right', () => {
    const png = readPng(barChartPng({ values: [3, 1], width: 600, height: 250 }));
    expect(png).toMatchObject({ width: 600, height: 250, colorType: 2 });
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('draws each bar in its colour, as tall as its value on a round axis', () => {
    const values = [8, 2, 5];
    const layout = barLayout({ values });
    const png = readPng(barChartPng({ values }));
    expect(layout.axisMax).toBe(8);
    layout.bars.forEach((b, i) => {
      const mid = Math.round(b.x + b.w / 2);
      // inside the bar, just above the axis line and just below its top
      expect(png.pixel(mid, b.y + b.h - 4), `bar ${i + 1}`).toBe(CHART_COLORS[i]);
      expect(png.pixel(mid, b.y + 2), `bar ${i + 1} top`).toBe(CHART_COLORS[i]);
    });
    // heights in proportion to the values: 8 fills the plot, 2 a quarter of it
    expect(layout.bars[0].h).toBe(layout.plot.h);
    expect(Math.abs(layout.bars[1].h - layout.plot.h / 4)).toBeLessThanOrEqual(1);
    // above the short bar, at the tall bar's height, the picture is background, not bar
    const short = layout.bars[1];
    const above = png.pixel(Math.round(short.x + short.w / 2), layout.bars[0].y + 10);
    expect(above).not.toBe(CHART_COLORS[1]);
  });

  it('gives different pictures for different figures, and the same bytes for the same ones', () => {
    const a = barChartPng({ values: [4, 4] });
    expect(Buffer.from(barChartPng({ values: [4, 4] })).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(barChartPng({ values: [4, 1] })).equals(Buffer.from(a))).toBe(false);
  });

  it('computes the standard CRC-32 (the check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
