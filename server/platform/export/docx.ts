import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { cstDate } from '../clock.ts';

// GB/T 9704 公文 layout: A4, margins 37/35/28/26 mm, body 仿宋_GB2312 三号 with a fixed 28.9 pt line
const mm = (n: number) => Math.round((n * 1440) / 25.4); // twips
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
const TITLE_FONT = font('方正小标宋简体');
const HEADING_FONT = font('黑体');
const BODY_FONT = font('仿宋_GB2312');
const pt = (n: number) => n * 2; // docx sizes are half-points
const LINE = { line: 578, lineRule: LineRuleType.EXACT }; // 28.9 pt in twentieths of a point
const TABLE_SIZE = pt(12);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** The document title: 方正小标宋简体 22 pt (二号), centred, a blank line after. */
export const docTitle = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...LINE, after: 578 },
    children: [new TextRun({ text, font: TITLE_FONT, size: pt(22) })],
  });

/** A first-level heading: 黑体 16 pt (三号), indented two characters as 公文 headings are. */
export const heading = (text: string) =>
  new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: HEADING_FONT, size: pt(16) })] });

/** A body paragraph: 仿宋_GB2312 16 pt, 28.9 pt lines, first line indented two characters. */
export const para = (text: string, opts: { indent?: boolean; align?: 'left' | 'center' | 'right'; bold?: boolean } = {}) =>
  new Paragraph({
    spacing: LINE,
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    children: [new TextRun({ text, font: BODY_FONT, size: pt(16), bold: opts.bold })],
  });

function cell(text: string, o: { label?: boolean; span?: number; width?: number } = {}) {
  return new TableCell({
    columnSpan: o.span,
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    verticalAlign: VerticalAlign.CENTER,
    shading: o.label ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: o.label ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, font: o.label ? HEADING_FONT : BODY_FONT, size: TABLE_SIZE })],
        }),
    ),
  });
}

const fullWidth = { size: 100, type: WidthType.PERCENTAGE };

/** A bordered table of label/value pairs, `perRow` pairs a row (a 基本情况表). */
export function kvTable(pairs: [string, string | number | null | undefined][], perRow: 1 | 2 = 2): Table {
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const chunk = pairs.slice(i, i + perRow);
    const cells = chunk.flatMap(([k, v], j) => {
      const last = j === chunk.length - 1 && chunk.length < perRow;
      return [cell(k, { label: true, width: 18 }), cell(v == null ? '' : String(v), { span: last ? 3 : undefined })];
    });
    rows.push(new TableRow({ children: cells }));
  }
  return new Table({ width: fullWidth, borders: BORDERS, rows });
}

/** A bordered table with a shaded header row. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): Table {
  return new Table({
    width: fullWidth,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, { label: true })) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v == null ? '' : String(v))) })),
    ],
  });
}

/** `2026年3月1日` in China Standard Time, as documents date themselves. */
export function chineseDate(d: Date): string {
  const [y, m, day] = cstDate(d).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/** The closing block: the issuing org and the date, right-aligned, after a blank line. */
export const signatureBlock = (org: string, date: Date) => [
  new Paragraph({ spacing: LINE, children: [] }),
  para(org, { indent: false, align: 'right' }),
  para(chineseDate(date), { indent: false, align: 'right' }),
];

/** A blank line in the body's rhythm. */
export const blank = () => new Paragraph({ spacing: LINE, children: [] });

/** Builds an A4 document with the platform's styles from the blocks above. */
export function buildDocument(children: FileChild[], meta: { title?: string } = {}): Document {
  return new Document({
    creator: '亮旗',
    title: meta.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: pt(16) }, paragraph: { spacing: LINE } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
}

/** Packs blocks (or a built document) into a .docx Buffer. */
export function toBuffer(doc: Document | FileChild[], meta: { title?: string } = {}): Promise<Buffer> {
  return Packer.toBuffer(Array.isArray(doc) ? buildDocument(doc, meta) : doc);
}
