/**
 * The work report as a Word document (docx): 公文 page (A4, margins 37/26/35/28 mm), title in
 * 方正小标宋简体 二号, body 仿宋_GB2312 三号 with fixed 28.9pt lines, headings 黑体 / 楷体_GB2312,
 * page numbers "— 1 —", then the appendix tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
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
import type { Table as AppendixTable } from './reports.appendix.js';
import { headingLevel, paragraphsOf } from './reports.print.js';

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
};
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const font = (name: string) => ({ ascii: name === FONT.body ? 'FangSong' : name, eastAsia: name, hAnsi: name, cs: name });
const LINE = { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT };

type DocxReport = {
  title: string;
  subtitle: string;
  presenter: string;
  sections: Array<{ heading: string; body: string; kind: string }>;
  appendix: AppendixTable[];
};

function bodyParagraph(text: string, indent = true): Paragraph {
  return new Paragraph({
    spacing: LINE,
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, font: font(FONT.body), size: 32 })],
  });
}

function headingParagraph(text: string): Paragraph {
  const level = headingLevel(text);
  return new Paragraph({
    spacing: LINE,
    alignment: level === 'part' ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: level === 'part' ? undefined : { firstLine: 640 },
    keepNext: true,
    children: [new TextRun({ text, font: font(level === 'sub' ? FONT.kai : FONT.hei), size: 32 })],
  });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: font(FONT.song), size: 21 })] })],
  });
}

function table(t: AppendixTable): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ...(t.foot ? [new TableRow({ children: t.foot.map((c) => cell(c, true)) })] : []),
    ],
  });
}

export async function reportDocx(r: DocxReport): Promise<Buffer> {
  const text: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: r.title, font: font(FONT.title), size: 44 })],
    }),
  ];
  if (r.subtitle)
    text.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: LINE,
        children: [new TextRun({ text: r.subtitle, font: font(FONT.kai), size: 32 })],
      }),
    );
  if (r.presenter)
    text.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...LINE, after: 280 },
        children: [new TextRun({ text: r.presenter, font: font(FONT.kai), size: 32 })],
      }),
    );
  for (const s of r.sections) {
    if (s.heading) text.push(headingParagraph(s.heading));
    for (const p of paragraphsOf(s)) text.push(bodyParagraph(p.text, p.indent));
  }
  if (r.appendix.length) {
    text.push(new Paragraph({ children: [new PageBreak()] }));
    text.push(new Paragraph({ spacing: LINE, children: [new TextRun({ text: '附件', font: font(FONT.hei), size: 32 })] }));
    text.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: LINE,
        children: [new TextRun({ text: '数据附表', font: font(FONT.title), size: 36 })],
      }),
    );
    for (const t of r.appendix) {
      text.push(
        new Paragraph({
          spacing: { before: 240, after: 120 },
          keepNext: true,
          children: [new TextRun({ text: t.title, font: font(FONT.hei), size: 24 })],
        }),
      );
      text.push(t.rows.length ? table(t) : new Paragraph({ children: [new TextRun({ text: '无', font: font(FONT.body), size: 24 })] }));
    }
  }
  const doc = new Document({
    creator: '东明镇人大主席团工作平台',
    title: r.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT.song), size: 28 })],
              }),
            ],
          }),
        },
        children: text,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
