/**
 * The work report as a Word document (.docx) in 公文 format (GB/T 9704-2012): A4, margins
 * 37/26/35/28 mm, body 仿宋_GB2312 三号 with fixed 28.9 pt lines (22 lines of 28 characters).
 * Everything is laid out by real paragraph styles, so that Word's navigation pane and a table of
 * contents work and a paragraph typed later gets the body format:
 *   标题 (Title, 方正小标宋简体 二号) · 副标题 (楷体, the 会议 line, on one line) · 报告人 ·
 *   标题 1 (parts: 2023年主要工作回顾, 黑体 centred) · 标题 2 (一、… 黑体) · 标题 3 (（一）… 楷体) ·
 *   正文 (Normal: 仿宋, first line indented two characters) · 表格文字 · 附表标题.
 * The font table names Windows fallbacks for each 公文 font (仿宋_GB2312 → 仿宋 → FangSong …).
 * Page numbers "— 1 —" in 四号, right on odd pages and left on even pages, one character in.
 * The appendix tables have column widths and right-aligned figures; the dashboard charts are
 * included as PNG images.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Table as AppendixTable } from './reports.appendix.js';
import { headingLevel, paragraphsOf } from './reports.print.js';
import { chartPng } from './reports.chart-images.js';

/** The 公文 fonts and the Windows fonts Word may use in their place, in order. */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: ['方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体'] },
  body: { name: '仿宋_GB2312', alt: ['仿宋', 'FangSong', 'STFangsong'] },
  hei: { name: '黑体', alt: ['SimHei', 'Microsoft YaHei'] },
  kai: { name: '楷体_GB2312', alt: ['楷体', 'KaiTi', 'STKaiti'] },
  song: { name: '宋体', alt: ['SimSun', 'NSimSun'] },
} as const;
type FontKey = keyof typeof FONTS;

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const TEXT_WIDTH = mm(210 - 28 - 26); // 156 mm
/** A font on every script slot, East Asian included. */
const font = (key: FontKey) => {
  const name = FONTS[key].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' as const };
};
const LINE = { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const SAN_HAO = 32; // 16 pt in half-points
const INDENT_2 = 640; // two 三号 characters, in twips

const STYLE = { subtitle: 'ReportSubtitle', presenter: 'ReportPresenter', tableText: 'TableText', tableTitle: 'TableTitle' };

type DocxReport = {
  year: number;
  title: string;
  subtitle: string;
  presenter: string;
  sections: Array<{ heading: string; body: string; kind: string }>;
  appendix: AppendixTable[];
  /** Chart SVGs, in the order printed, each with the note printed below it ('' for none: dashboard.charts.ts ChartNote). */
  charts: Array<{ svg: string; note: string }>;
};

const HEADING = { part: HeadingLevel.HEADING_1, first: HeadingLevel.HEADING_2, sub: HeadingLevel.HEADING_3 } as const;

function cell(t: AppendixTable, text: string, i: number, header = false, total = false): TableCell {
  const right = !header && t.numeric.includes(i);
  return new TableCell({
    width: { size: Math.round((TEXT_WIDTH * t.widths[i]!) / 100), type: WidthType.DXA },
    children: [
      new Paragraph({
        style: STYLE.tableText,
        alignment: header ? AlignmentType.CENTER : right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header || total, font: header ? font('hei') : undefined })],
      }),
    ],
  });
}

function table(t: AppendixTable): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const columnWidths = t.widths.map((w) => Math.round((TEXT_WIDTH * w) / 100));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: 'fixed',
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(t, h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(t, c, i)) })),
      ...(t.foot ? [new TableRow({ cantSplit: true, children: t.foot.map((c, i) => cell(t, c, i, false, true)) })] : []),
    ],
  });
}

/** The footer's page number: right on odd pages, left on even pages, one 四号 character (14 pt) in. */
const pageNumber = (alignment: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('song'), size: 28 })],
      }),
    ],
  });

/**
 * What the docx package cannot say: the Windows fallbacks of each 公文 font in word/fontTable.xml
 * (w:altName, GB2312 charset), and no automatic space between Chinese and digits or Latin letters
 * in the document defaults ("2023年", not "2023 年", as 公文 are set).
 */
export function finishDocx(docx: Buffer): Buffer {
  const files = unzipSync(docx);
  const styles = files['word/styles.xml'];
  if (styles) {
    const off = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
    files['word/styles.xml'] = strToU8(strFromU8(styles).replace(/(<w:pPrDefault>\s*<w:pPr>)/, `$1${off}`));
  }
  const table = files['word/fontTable.xml'];
  if (!table) return docx;
  let xml = strFromU8(table);
  const entries = Object.values(FONTS)
    .filter((f) => !xml.includes(`w:name="${f.name}"`))
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.alt.join(',')}"/><w:charset w:val="86"/><w:family w:val="${f === FONTS.hei ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  xml = xml.includes('</w:fonts>')
    ? xml.replace('</w:fonts>', `${entries}</w:fonts>`)
    : xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  files['word/fontTable.xml'] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

export async function reportDocx(r: DocxReport): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.TITLE, text: r.title })];
  if (r.subtitle) children.push(new Paragraph({ style: STYLE.subtitle, text: r.subtitle }));
  if (r.presenter) children.push(new Paragraph({ style: STYLE.presenter, text: r.presenter }));
  for (const s of r.sections) {
    if (s.heading) children.push(new Paragraph({ heading: HEADING[headingLevel(s.heading)], text: s.heading }));
    for (const p of paragraphsOf(s)) children.push(new Paragraph({ text: p.text, indent: p.indent ? undefined : { firstLine: 0 } }));
  }
  if (r.appendix.length || r.charts.length) {
    children.push(new Paragraph({ children: [new PageBreak()], spacing: { line: 240, lineRule: LineRuleType.AUTO } }));
    children.push(new Paragraph({ indent: { firstLine: 0 }, children: [new TextRun({ text: '附件', font: font('hei') })] }));
    children.push(new Paragraph({ heading: HEADING.part, text: `${r.year}年工作数据附表` }));
    for (const t of r.appendix) {
      children.push(new Paragraph({ style: STYLE.tableTitle, text: t.title }));
      children.push(t.rows.length ? table(t) : new Paragraph({ style: STYLE.tableText, text: '无' }));
    }
    if (r.charts.length) {
      children.push(new Paragraph({ style: STYLE.tableTitle, text: '附图' }));
      const width = Math.round((TEXT_WIDTH / 1440) * 96 * 0.92); // px at 96 dpi, 92% of the text width
      for (const { svg, note } of r.charts) {
        const img = await chartPng(svg, width * 2);
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0 },
            spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
            keepLines: true,
            keepNext: Boolean(note), // the note stays on the chart's page
            children: [
              new ImageRun({ type: 'png', data: img.png, transformation: { width, height: Math.round((width * img.height) / img.width) } }),
            ],
          }),
        );
        if (note) children.push(new Paragraph({ style: STYLE.tableText, alignment: AlignmentType.CENTER, text: note }));
      }
    }
  }
  const heading = (key: FontKey, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], outlineLevel: number, indent = 0) => ({
    run: { font: font(key), size: SAN_HAO, bold: false, color: '000000' },
    paragraph: { alignment, spacing: LINE, indent: { firstLine: indent }, keepNext: true, outlineLevel },
  });
  const doc = new Document({
    creator: '镇人大主席团工作平台',
    title: `${r.year}年${r.title}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('body'), size: SAN_HAO },
          paragraph: { spacing: LINE, indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED },
        },
        title: {
          run: { font: font('title'), size: 44, bold: false, color: '000000' },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 0 },
            indent: { firstLine: 0 },
          },
        },
        heading1: heading('hei', AlignmentType.CENTER, 0),
        heading2: heading('hei', AlignmentType.LEFT, 1, INDENT_2),
        heading3: heading('kai', AlignmentType.LEFT, 2, INDENT_2),
      },
      paragraphStyles: [
        {
          id: STYLE.subtitle,
          name: '副标题（会议）',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          // 31 characters of the 会议 line fit the 156 mm line at 四号 with characters drawn 0.3 pt closer.
          run: { font: font('kai'), size: 28, characterSpacing: -6 },
          paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
        },
        {
          id: STYLE.presenter,
          name: '报告人',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font('kai') },
          paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...LINE, after: Math.round(28.9 * 20) } },
        },
        {
          id: STYLE.tableTitle,
          name: '附表标题',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font('hei'), size: 24 },
          paragraph: {
            indent: { firstLine: 0 },
            spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 240, after: 120 },
            keepNext: true,
          },
        },
        {
          id: STYLE.tableText,
          name: '表格文字',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: font('song'), size: 21 },
          paragraph: {
            indent: { firstLine: 0 },
            spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 20, after: 20 },
            alignment: AlignmentType.LEFT,
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            // The footer sits so that the number's dash line is about 7 mm below the text block.
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(21), header: mm(15) },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return finishDocx(await Packer.toBuffer(doc));
}
