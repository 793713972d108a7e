// The letter as a Word file (.docx), for the office to finish in WPS or
// Word before it is sealed. Built with the `docx` package from the same
// flow as the print page (layout.ts): the same A4 page, margins, fonts and
// a document grid of 22 lines × 28 characters, page numbers "— 1 —" at the
// foot, odd pages right and even pages left. Word lays the lines out
// itself, so the office can edit; the grid keeps them where the print has them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TabStopType,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx'
import {
  BLOCK_H,
  BLOCK_W,
  BODY_PT,
  BOTTOM,
  CELL,
  CHARS,
  DATE_RIGHT,
  FOOT_PT,
  LEFT,
  LABEL_CELLS,
  LINES,
  PAGE_H,
  PAGE_NO_TOP,
  PAGE_W,
  PT,
  RIGHT,
  TITLE_PT,
  TOP,
  flow,
  signPlacement,
  width,
  type Part,
  type SlipCell,
} from './layout'
import { BODY_FONTS, SONG_FONTS, TITLE_FONTS } from './fonts'
import type { LetterDoc, LetterLayout } from './types'

/** Twips (1/20 pt) in a millimetre. */
const TW = 1440 / 25.4
const tw = (mm: number) => Math.round(mm * TW)
/** One grid cell (a character of the body) in twips. */
const CELL_TW = tw(CELL)
/** The fixed line pitch in twips (22 lines in 225 mm). */
export const LINE_PITCH = Math.floor((BLOCK_H / LINES) * TW)

/**
 * Characters set 0.25 pt closer (w:spacing −5 twips): 28 of 3号 then fit
 * the 156 mm line (15.75 pt each). Word fits characters to the grid's
 * pitch by itself; LibreOffice gives a character wider than the pitch two
 * cells, so without this it sets 14 to the line.
 */
export const CONDENSE = -5

/** The official faces the .docx names; Word and WPS substitute what is missing (docs/DOMAIN.md). */
export const DOCX_FONTS = { body: BODY_FONTS[0], title: TITLE_FONTS[0], song: SONG_FONTS[0], latin: 'Times New Roman' }

const body = (text: string, extra: IRunOptions = {}) =>
  new TextRun({ text, font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.body }, size: BODY_PT * 2, ...extra })
const titleRun = (text: string, extra: IRunOptions = {}) =>
  new TextRun({ text, font: { ascii: DOCX_FONTS.title, hAnsi: DOCX_FONTS.title, eastAsia: DOCX_FONTS.title }, size: TITLE_PT * 2, ...extra })

const para = (o: IParagraphOptions) => new Paragraph(o)
const blank = () => para({ children: [] })

function cellsTw(cells: number) {
  return Math.round(cells * CELL_TW)
}

const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const borders = { top: thin, bottom: thin, left: thin, right: thin }

function slipTable(rows: SlipCell[][]): Table {
  const half = CHARS / 2 - LABEL_CELLS
  const cols = [LABEL_CELLS, half, LABEL_CELLS, half] // label, value, label, value (grid cells); a wide row spans the last three
  return new Table({
    width: { size: tw(BLOCK_W), type: WidthType.DXA },
    columnWidths: cols.map(cellsTw),
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map(
            (c) =>
              new TableCell({
                borders,
                width: { size: cellsTw(c.cells), type: WidthType.DXA },
                columnSpan: r.length === 2 && !c.label ? 3 : 1,
                verticalAlign: VerticalAlign.CENTER,
                children: [para({ alignment: c.label ? AlignmentType.CENTER : AlignmentType.LEFT, children: [body(c.text)] })],
              }),
          ),
        }),
    ),
  })
}

function boxTable(title: string, lines: string[], height: number): Table {
  return new Table({
    width: { size: tw(BLOCK_W), type: WidthType.DXA },
    columnWidths: [tw(BLOCK_W)],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders,
            width: { size: tw(BLOCK_W), type: WidthType.DXA },
            children: [
              para({ children: [body(title, { bold: true })] }),
              ...lines.map((l) => para({ children: [body(l)] })),
              ...Array.from({ length: height }, blank),
            ],
          }),
        ],
      }),
    ],
  })
}

/**
 * The first row's spacing: a line just as tall as the characters' em box
 * over the font's descent, so that the characters start at the top of the
 * text block (Word and LibreOffice put the baseline a descent above an
 * exact line's foot), and the rest of the row after it, so the next rows
 * stay on the 28.95 pt pitch.
 */
function firstRow(pt: number) {
  const line = Math.round((0.88 + 0.288) * pt * 20)
  return { line, lineRule: LineRuleType.EXACT, after: LINE_PITCH - line }
}

/** The Word paragraphs and tables of one part of the flow (first: the letter's first part). */
function blocks(part: Part, first = false): (Paragraph | Table)[] {
  switch (part.t) {
    case 'skip':
      return Array.from({ length: part.rows }, blank)
    case 'blank':
      return [blank()]
    case 'mark':
      // Two rows as on the print page: the mark, then the red double rule (thick over thin) on the next row.
      return [
        para({ alignment: AlignmentType.CENTER, spacing: firstRow(TITLE_PT), children: [titleRun(part.text, { color: 'D40000' })] }),
        para({
          border: { top: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: 'D40000', space: 0 } },
          spacing: { line: LINE_PITCH - 3 * 20, lineRule: LineRuleType.EXACT },
          children: [],
        }),
      ]
    case 'no': {
      const runs = [body(part.text, part.grey ? { color: '999999' } : {})]
      // A slip's date at the right of the same line, on a right tab.
      if (part.date) runs.push(body('', { children: [new Tab(), part.date] }))
      return [
        para({
          alignment: part.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: part.align === 'right' ? { right: CELL_TW } : undefined,
          tabStops: part.date ? [{ type: TabStopType.RIGHT, position: tw(BLOCK_W) }] : undefined,
          children: runs,
        }),
      ]
    }
    case 'issuer':
      return [para({ alignment: AlignmentType.RIGHT, indent: { right: cellsTw(2) }, children: [body(part.text)] })]
    case 'title':
      return [para({ alignment: AlignmentType.CENTER, spacing: first ? firstRow(TITLE_PT) : undefined, children: [titleRun(part.text)] })]
    case 'addressee':
      return [para({ children: [body(part.text)] })]
    case 'para':
      return [para({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CELL_TW }, children: [body(part.text)] })]
    case 'attach': {
      const hw = width('附件：')
      return part.lines.map((l, i) =>
        para({
          indent: i === 0 ? { left: cellsTw(2 + hw), hanging: cellsTw(hw) } : { left: cellsTw(2 + hw) },
          children: [body(i === 0 ? `附件：${l}` : l)],
        }),
      )
    }
    case 'sign': {
      const p = signPlacement(part.sender, part.date)
      return [
        para({ alignment: AlignmentType.RIGHT, indent: { right: cellsTw(CHARS - p.sender[1]) }, children: [body(part.sender)] }),
        para({ alignment: AlignmentType.RIGHT, indent: { right: cellsTw(DATE_RIGHT) }, children: [body(part.date)] }),
      ]
    }
    case 'copyTo':
      return [
        blank(),
        para({
          indent: { left: cellsTw(1), right: cellsTw(1) },
          border: {
            top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 },
            bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 },
          },
          children: [body(`抄送：${part.text}`, { size: FOOT_PT * 2 })],
        }),
      ]
    case 'rows':
      return part.cells.length ? [slipTable(part.cells)] : []
    case 'box':
      return [boxTable(part.title, part.lines, part.height)]
  }
}

/** "— n —" in 4号宋体, one character in from the side. */
function pageFooter(align: 'left' | 'right'): Footer {
  const run = (o: IRunOptions) =>
    new TextRun({ font: { ascii: DOCX_FONTS.song, hAnsi: DOCX_FONTS.song, eastAsia: DOCX_FONTS.song }, size: FOOT_PT * 2, ...o })
  const ch = tw(FOOT_PT * PT)
  return new Footer({
    children: [
      para({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: ch } : { left: ch },
        spacing: { line: tw(FOOT_PT * PT * 1.2), lineRule: LineRuleType.EXACT },
        children: [run({ text: '— ' }), run({ children: [PageNumber.CURRENT] }), run({ text: ' —' })],
      }),
    ],
  })
}

/** The letter as a Word document. */
export function letterDocument(doc: LetterDoc, layout: LetterLayout): Document {
  const children = flow(doc, layout).flatMap((p, i) => blocks(p, i === 0))
  // A table may not end a document in Word: a blank paragraph follows it.
  children.push(blank())
  // The footer's line ends this far above the paper's bottom edge: its top is 7 mm under the text block.
  const footerMM = PAGE_H - PAGE_NO_TOP - FOOT_PT * PT * 1.2
  return new Document({
    creator: doc.sender || 'laifang',
    title: doc.title || doc.kindLabel,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.body }, size: BODY_PT * 2, characterSpacing: CONDENSE, snapToGrid: false, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      // The grid's character pitch is reckoned from the Normal style's size (LibreOffice reads it there).
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.body }, size: BODY_PT * 2, characterSpacing: CONDENSE, snapToGrid: false },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(PAGE_W), height: tw(PAGE_H) },
            margin: { top: tw(TOP), bottom: tw(BOTTOM), left: tw(LEFT), right: tw(RIGHT), footer: tw(footerMM), header: tw(15) },
          },
          // The 22 lines are the exact line pitch and the 28 characters the condensed spacing:
          // LibreOffice gives a line or a character larger than a grid's pitch two of them.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  })
}

/** The .docx file's bytes, as a Blob for the browser to save. */
export function letterDocx(doc: LetterDoc, layout: LetterLayout): Promise<Blob> {
  return Packer.toBlob(letterDocument(doc, layout))
}

/** The file name: the 文号 (or the kind) and .docx, without characters file systems refuse. */
export function docxName(doc: LetterDoc): string {
  const base = (doc.no || `${doc.kindLabel || doc.kind}（预览）`).replace(/[\\/:*?"<>|]/g, '_')
  return `${base}.docx`
}
