import { Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { CONDENSE, LINE_PITCH, docxName, letterDocument } from './docx'
import { acceptLetter, assignSlip, letterheadLayout, plainLayout, previewLetter } from './fixtures'
import type { LetterDoc, LetterLayout } from './types'

async function xml(doc: LetterDoc, layout: LetterLayout) {
  const buf = await Packer.toBuffer(letterDocument(doc, layout))
  const files = unzipSync(new Uint8Array(buf))
  const read = (name: string) => strFromU8(files[name])
  return { files, document: read('word/document.xml'), styles: read('word/styles.xml'), settings: read('word/settings.xml'), read }
}

/** The text of the document's runs, joined. */
function text(documentXml: string): string {
  return [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

const mm = (twips: number) => (twips * 25.4) / 1440

describe('the .docx of a letter', () => {
  it('has the A4 page, the GB/T 9704 margins, 22 lines of 28 characters', async () => {
    const { document } = await xml(acceptLetter, plainLayout)
    const pgSz = /<w:pgSz ([^/]*)\/>/.exec(document)![1]
    expect(mm(Number(/w:w="(\d+)"/.exec(pgSz)![1]))).toBeCloseTo(210, 0)
    expect(mm(Number(/w:h="(\d+)"/.exec(pgSz)![1]))).toBeCloseTo(297, 0)
    const mar = /<w:pgMar ([^/]*)\/>/.exec(document)![1]
    const m = (k: string) => mm(Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)![1]))
    expect(m('top')).toBeCloseTo(37, 1)
    expect(m('left')).toBeCloseTo(28, 1)
    expect(210 - m('left') - m('right')).toBeCloseTo(156, 1)
    expect(297 - m('top') - m('bottom')).toBeCloseTo(225, 1)
    // 22 lines: the line pitch of the grid, and every paragraph at that exact pitch.
    const grid = /<w:docGrid ([^/]*)\/>/.exec(document)![1]
    const pitch = Number(/w:linePitch="(\d+)"/.exec(grid)![1])
    expect((pitch * 22 * 25.4) / 1440).toBeCloseTo(225, 0)
    expect(pitch).toBe(LINE_PITCH)
    // 28 characters: 3号 set CONDENSE twips closer fit 28 to the 156 mm line, and not 29.
    const em = 16 + CONDENSE / 20
    expect(((em * 28) / 72) * 25.4).toBeLessThanOrEqual(156)
    expect(((em * 29) / 72) * 25.4).toBeGreaterThan(156)
  })

  it('sets the body in 3号仿宋 at a fixed line pitch and the title in 2号小标宋', async () => {
    const { document, styles } = await xml(acceptLetter, plainLayout)
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/)
    expect(styles).toMatch(/<w:sz w:val="32"\/>/)
    expect(styles).toContain(`<w:spacing w:val="${CONDENSE}"/>`)
    expect(styles).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="579"/)
    const title = document.indexOf('信访事项受理告知书')
    const run = document.slice(document.lastIndexOf('<w:r>', title), title)
    expect(run).toContain('w:eastAsia="方正小标宋简体"')
    expect(run).toContain('<w:sz w:val="44"/>')
  })

  it('carries every part of the letter in order: 文号, title, addressee, body, sender, date, 抄送', async () => {
    const { document } = await xml(acceptLetter, plainLayout)
    const t = text(document)
    const order = ['测试县人民政府信访局', '测信受〔2026〕12号', '信访事项受理告知书', '王秀英：', ...acceptLetter.paragraphs, acceptLetter.contact, '2026年11月26日', '抄送：测试县住房和城乡建设局']
    let at = -1
    for (const part of order) {
      const i = t.indexOf(part, at + 1)
      expect(i, part).toBeGreaterThan(at)
      at = i
    }
    expect(t).not.toContain('{{')
    // Paragraphs start 2 characters in.
    expect(document).toMatch(/<w:ind w:firstLine="632"\/>/)
  })

  it('numbers the pages "— n —" in 4号宋体, odd at the right and even at the left', async () => {
    const { files, read, settings } = await xml(acceptLetter, plainLayout)
    expect(settings).toContain('<w:evenAndOddHeaders/>')
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(read)
    expect(footers.length).toBe(2)
    for (const f of footers) {
      expect(text(f)).toBe('—  —') // '— ' PAGE ' —'
      expect(f).toContain('PAGE')
      expect(f).toContain('w:eastAsia="宋体"')
      expect(f).toContain('<w:sz w:val="28"/>')
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(['left', 'right'])
  })

  it('leaves the issuer mark off on 套打, and greys a preview’s number', async () => {
    const head = await xml(acceptLetter, letterheadLayout)
    expect(text(head.document)).not.toContain('测试县人民政府信访局测信受')
    expect(head.document).not.toContain('D40000')
    const prev = await xml(previewLetter, plainLayout)
    const i = prev.document.indexOf('测信受〔2026〕 号')
    expect(prev.document.slice(prev.document.lastIndexOf('<w:r>', i), i)).toContain('w:val="999999"')
    expect(docxName(previewLetter)).toBe('受理告知书（预览）.docx')
    expect(docxName(acceptLetter)).toBe('测信受〔2026〕12号.docx')
  })

  it('writes a slip as a table with its boxes, and only what Go sent', async () => {
    const { document } = await xml(assignSlip, plainLayout)
    expect(document).toContain('<w:tbl>')
    const t = text(document)
    for (const r of assignSlip.rows) {
      expect(t).toContain(r.label)
      expect(t).toContain(r.value)
    }
    for (const b of assignSlip.boxes) expect(t).toContain(b.title)
    expect(t).toContain('（保密）')
  })
})
