import { describe, expect, it } from 'vitest'
import {
  BLOCK_H,
  BLOCK_W,
  CELL,
  CHARS,
  LEFT,
  LINES,
  PITCH,
  TOP,
  flow,
  layoutLetter,
  letterheadRows,
  pageNumberPlace,
  pageNumberText,
  rowTop,
  signPlacement,
  slipRows,
  width,
  wrap,
} from './layout'
import { acceptLetter, assignSlip, letterheadLayout, plainLayout, previewLetter } from './fixtures'
import type { LetterDoc } from './types'

describe('the GB/T 9704 grid', () => {
  it('puts 22 lines in the 225 mm block and 28 characters in its 156 mm', () => {
    expect(PITCH * 22).toBeCloseTo(225, 6)
    expect(CELL * 28).toBeCloseTo(156, 6)
    // 3号 is wider than a cell: the characters are set a little closer (GB/T's 28 to the line).
    expect((16 * 25.4) / 72).toBeGreaterThan(CELL)
    expect(rowTop(0)).toBe(37)
    expect(rowTop(21) + PITCH).toBeCloseTo(37 + 225, 6)
  })

  it('counts Chinese characters as one cell and Latin digits as half', () => {
    expect(width('信访局')).toBe(3)
    expect(width('2026年11月26日')).toBe(7)
    expect(width('，')).toBe(1)
    expect(width('〔2026〕')).toBe(4)
  })
})

describe('wrap', () => {
  it('fills lines of 28 characters, the first one indented 2', () => {
    const text = '一'.repeat(60)
    const lines = wrap(text, 28, 2)
    expect(lines.map((l) => l.length)).toEqual([26, 28, 6])
  })

  it('never starts a line with a closing mark: the character before it goes down too', () => {
    const text = '一'.repeat(28) + '。二'
    const lines = wrap(text, 28)
    expect(lines[1][0]).not.toBe('。')
    expect(lines[1]).toBe('一。二')
    expect(lines[0].length).toBe(27)
  })

  it('never ends a line with an opening mark', () => {
    const text = '一'.repeat(27) + '《条例》'
    const lines = wrap(text, 28)
    expect(lines[0].endsWith('《')).toBe(false)
    expect(lines[1]).toBe('《条例》')
  })

  it('keeps a number whole', () => {
    const text = '一'.repeat(26) + '2026年'
    const lines = wrap(text, 28)
    // 26 cells + "2026" (2 cells) fit exactly; "年" goes down
    expect(lines[0]).toBe('一'.repeat(26) + '2026')
    const text2 = '一'.repeat(27) + '2026年'
    expect(wrap(text2, 28)[1]).toBe('2026年')
  })
})

describe('a letter on pages', () => {
  it('starts on the first grid line at 37 mm with the issuer mark, the 文号 under its rule at the right', () => {
    const [p1] = layoutLetter(acceptLetter, plainLayout)
    const first = p1.lines.filter((l) => l.row === 0)
    expect(first.map((l) => [l.style, l.text])).toEqual([['mark', '测试县人民政府信访局']])
    const no = p1.lines.find((l) => l.style === 'no')!
    expect(no.text).toBe('测信受〔2026〕12号')
    expect(no.align).toBe('right')
    expect(no.row).toBe(2)
    // The red double rule lies between the mark and the 文号.
    const red = p1.rules.filter((r) => r.red)
    expect(red.length).toBe(2)
    for (const r of red) {
      expect(r.y).toBeGreaterThan(TOP + 7.7)
      expect(r.y + r.h).toBeLessThanOrEqual(rowTop(2) + 1e-9)
      expect(r.x).toBe(LEFT)
      expect(r.w).toBe(BLOCK_W)
    }
  })

  it('indents every paragraph 2 characters and keeps every line inside the block', () => {
    const pages = layoutLetter(acceptLetter, plainLayout)
    for (const p of pages) {
      for (const l of p.lines) {
        expect(l.row).toBeGreaterThanOrEqual(0)
        expect(l.row).toBeLessThan(LINES)
        expect(l.x).toBeGreaterThanOrEqual(0)
        if (l.style === 'body') expect(l.x + width(l.text)).toBeLessThanOrEqual(CHARS + 1e-9)
      }
    }
    const lines = pages.flatMap((p) => p.lines)
    const addressee = lines.find((l) => l.text === '王秀英：')!
    expect(addressee.x).toBe(0)
    const firstPara = lines.find((l) => l.text.startsWith('你于2026年11月20日'))!
    expect(firstPara.x).toBe(2)
    expect(firstPara.row).toBe(addressee.row + 1)
    // Each paragraph's text is all there, in order.
    const text = lines.filter((l) => l.style === 'body').map((l) => l.text).join('')
    for (const p of acceptLetter.paragraphs) expect(text).toContain(p)
  })

  it('goes on to a second page after 22 lines, numbered on each page, odd at the right and even at the left', () => {
    const long: LetterDoc = { ...acceptLetter, paragraphs: Array.from({ length: 12 }, () => '一'.repeat(70)) }
    const pages = layoutLetter(long, plainLayout)
    expect(pages.length).toBe(3)
    const rowsUsed = pages[0].lines.map((l) => l.row)
    expect(Math.max(...rowsUsed)).toBe(LINES - 1)
    // A page never starts with blank lines: page 2 has text on its first row.
    expect(pages[1].lines.some((l) => l.row === 0)).toBe(true)
    expect(pageNumberText(2)).toBe('— 2 —')
    expect(pageNumberPlace(1).align).toBe('right')
    expect(pageNumberPlace(2).align).toBe('left')
    expect(pageNumberPlace(1).x).toBeLessThan(LEFT + BLOCK_W)
    expect(pageNumberPlace(2).x).toBeGreaterThan(LEFT)
  })

  it('keeps the sender and the date together, the date 4 characters in from the right', () => {
    const pages = layoutLetter(acceptLetter, plainLayout)
    const last = pages[pages.length - 1]
    const date = last.lines.find((l) => l.text === '2026年11月26日')!
    const sender = last.lines.find((l) => l.text === '测试县人民政府信访局' && l.style === 'body')!
    expect(date.row).toBe(sender.row + 1)
    expect(date.x + date.w).toBe(CHARS - 4)
    // The sender is centred over the date.
    expect(sender.x + sender.w / 2).toBeCloseTo(date.x + date.w / 2, 6)
    expect(last.seal).toBeDefined()
    const p = signPlacement('一'.repeat(20), '2026年1月2日')
    expect(p.sender[1]).toBeLessThanOrEqual(CHARS - 2)
  })

  it('puts 抄送 at the foot of the last page between two rules', () => {
    const pages = layoutLetter(acceptLetter, plainLayout)
    const last = pages[pages.length - 1]
    const copy = last.lines.find((l) => l.style === 'copyTo')!
    expect(copy.text).toBe('抄送：测试县住房和城乡建设局')
    expect(copy.row).toBe(LINES - 1)
    expect(pages.slice(0, -1).every((p) => !p.lines.some((l) => l.style === 'copyTo'))).toBe(true)
  })

  it('leaves the letterhead blank on 套打: nothing above the pre-printed header', () => {
    const skip = letterheadRows(letterheadLayout.headerMM)
    expect(rowTop(skip)).toBeGreaterThanOrEqual(80)
    expect(rowTop(skip - 1)).toBeLessThan(80)
    const [p1] = layoutLetter(acceptLetter, letterheadLayout)
    expect(p1.lines.some((l) => l.style === 'mark')).toBe(false)
    expect(p1.rules.some((r) => r.red)).toBe(false)
    expect(Math.min(...p1.lines.map((l) => rowTop(l.row)))).toBeGreaterThanOrEqual(80)
  })

  it('shows a preview without a number as the pattern would make it, greyed', () => {
    const parts = flow(previewLetter, plainLayout)
    expect(parts).toContainEqual({ t: 'no', text: '测信受〔2026〕 号', grey: true, align: 'right' })
  })
})

describe('a slip', () => {
  it('pairs short rows and gives long ones the whole width', () => {
    const rows = slipRows(assignSlip.rows)
    expect(rows.map((r) => r.filter((c) => c.label).map((c) => c.text))).toEqual([
      ['来源', '登记日期'],
      ['信访人', '承办单位'],
      ['诉求摘要'],
      ['办理要求'],
      ['办结时限'],
    ])
    for (const r of rows) expect(r.reduce((s, c) => s + c.cells, 0)).toBe(CHARS)
  })

  it('draws its rows and boxes inside the block, the number flush left, on one page', () => {
    const pages = layoutLetter(assignSlip, plainLayout)
    expect(pages.length).toBe(1)
    const [p] = pages
    expect(p.lines[0]).toMatchObject({ row: 0, style: 'title', text: '信访事项交办单' })
    const no = p.lines.find((l) => l.style === 'no')!
    expect(no).toMatchObject({ x: 0, row: 1, text: '测信交〔2026〕3号' })
    expect(p.lines.find((l) => l.text === '2026年11月26日')).toMatchObject({ row: 1, align: 'right' })
    expect(p.lines.find((l) => l.text === '测试县自然资源局：')).toMatchObject({ row: 2, x: 0 })
    for (const r of p.rules) {
      expect(r.x).toBeGreaterThanOrEqual(LEFT - 1e-9)
      expect(r.x + r.w).toBeLessThanOrEqual(LEFT + BLOCK_W + 1e-9)
      expect(r.y + r.h).toBeLessThanOrEqual(TOP + BLOCK_H + 1e-9)
    }
    const texts = p.lines.map((l) => l.text)
    expect(texts).toContain('（保密）')
    expect(texts).toContain('异议（退回）')
  })
})
