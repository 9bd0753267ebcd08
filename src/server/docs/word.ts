import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  HighlightColor,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

// Word documents built from the data (never typed): agreements, acceptance sheets, final accounts, inspection reports.
// Fonts are named so that Word and LibreOffice on a Chinese office PC render them the same.

export const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

export const p = (text: string, opts: { bold?: boolean; size?: number; align?: 'center' | 'left' } = {}) =>
  new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: FONT })],
  });

export const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 28, font: FONT })],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const cell = (text: string, bold = false) =>
  new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21, font: FONT })] })],
  });

export function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

export async function pack(children: Array<Paragraph | Table>): Promise<Buffer> {
  const doc = new Document({
    creator: '千企平台',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/**
 * A place the author must fill in, marked so that it cannot be missed or mistaken for data: yellow highlight, as
 * Word users mark their own to-dos, and 【】 so it still shows in a black-and-white print.
 */
export const placeholder = (text: string) =>
  new Paragraph({
    spacing: { after: 120 },
    children: [new TextRun({ text: `【请填写：${text}】`, highlight: HighlightColor.YELLOW, size: 24, font: FONT })],
  });

export interface ImageOptions {
  /** PNG bytes: the format Word and LibreOffice both show without a fallback */
  png: Uint8Array;
  /** the size on the page, in pixels at 96 to the inch */
  width: number;
  height: number;
  /** the alternative text, for a screen reader and for a reader of the text only */
  description: string;
}

/** A centred picture (a chart) on its own line. */
export const image = ({ png, width, height, description }: ImageOptions) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width, height },
        altText: { name: description, title: description, description },
      }),
    ],
  });

/** A table whose first column is a swatch of colour: the key of a chart whose bars carry those colours. */
export function keyedTable(header: string[], rows: Array<{ color: string; cells: string[] }>): Table {
  const swatch = (color: string) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      width: { size: 6, type: WidthType.PERCENTAGE },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: color },
      children: [new Paragraph({ children: [] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('图例', true), ...header.map((h) => cell(h, true))] }),
      ...rows.map((r) => new TableRow({ children: [swatch(r.color), ...r.cells.map((v) => cell(v))] })),
    ],
  });
}
