// One layout model for a letter (docs/DOMAIN.md "Letters: the page"): the
// GB/T 9704-2012 page in millimetres, the letter as a flow of parts (the
// .docx writes these as paragraphs and tables), and the flow broken into
// lines on the page's grid of 22 lines × 28 characters and into pages (the
// print page places each line itself, so the window's WebKitGTK and
// Chromium print the same pages: neither engine's page breaking is used).

import type { LetterDoc, LetterLayout, LetterRow } from './types'

// ---- the page (GB/T 9704-2012 §5, mm) ----
export const PAGE_W = 210
export const PAGE_H = 297
export const TOP = 37
export const LEFT = 28
export const BLOCK_W = 156
export const BLOCK_H = 225
export const RIGHT = PAGE_W - LEFT - BLOCK_W // 26
export const BOTTOM = PAGE_H - TOP - BLOCK_H // 35
export const LINES = 22
export const CHARS = 28
/** The fixed line pitch: 22 lines fill 225 mm. */
export const PITCH = BLOCK_H / LINES
/** The character pitch: 28 characters fill 156 mm. */
export const CELL = BLOCK_W / CHARS
export const PT = 25.4 / 72
export const BODY_PT = 16 // 3号
export const TITLE_PT = 22 // 2号
export const FOOT_PT = 14 // 4号: page numbers and 抄送
/** Letter-spacing that makes a 3号 character advance one grid cell. */
export const BODY_TRACKING = CELL - BODY_PT * PT
/** Page numbers sit 7 mm below the text block. */
export const PAGE_NO_TOP = TOP + BLOCK_H + 7
/** Characters of 2号 that fit in a line of the block. */
export const TITLE_CHARS = Math.floor(BLOCK_W / (TITLE_PT * PT))
/** Characters of 4号 in a line of the 版记 (one character in from each side). */
export const FOOT_CHARS = Math.floor(BLOCK_W / (FOOT_PT * PT)) - 2
/** The date ends 4 characters in from the right (with a seal, §7.3.5.1). */
export const DATE_RIGHT = 4
/** Slips: the width of a label cell, in characters. */
export const LABEL_CELLS = 5
/** Slips: text starts this far inside a cell (characters). */
export const CELL_PAD = 0.5
/** Slips: text sits this far below a row's rule (mm). */
export const CELL_DY = 1.2
/** The seal's diameter (a 42 mm round seal). */
export const SEAL_MM = 42

export const DEFAULT_LAYOUT: LetterLayout = { letterhead: false, headerMM: 80, offsetXMM: 0, offsetYMM: 0, orgName: '' }

/** The top of a grid line (0-based) on the page, in mm. */
export function rowTop(row: number): number {
  return TOP + row * PITCH
}

// ---- characters and lines ----

/** How many grid cells a character takes: full-width 1, half-width ½. */
export function cellsOf(ch: string): number {
  const c = ch.codePointAt(0) ?? 0
  if (c < 0x1100) return 0.5
  if (c >= 0xff61 && c <= 0xffdc) return 0.5 // half-width katakana and hangul
  if (c === 0x2014 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d)) return 1 // — … “” ‘’ in Chinese text
  return c >= 0x2e80 || (c >= 0x2000 && c < 0x2e80) ? 1 : 0.5
}

/** The width of text in grid cells. */
export function width(text: string): number {
  let w = 0
  for (const ch of text) w += cellsOf(ch)
  return w
}

// Chinese line-breaking rules (行首/行尾禁则): these never begin a line, those never end one.
const NO_START = new Set([...'，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}'])
const NO_END = new Set([...'（《「『【〔〈“‘([{'])

/** Splits text into tokens a line may break between: a run of Latin letters and digits stays whole. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.\-_/:@%]*|[\s\S]/gu) ?? []
}

/**
 * Breaks text into lines of at most `cells` cells; the first line is
 * `first` cells narrower (a paragraph's indent), the next ones `rest`
 * narrower (a hanging indent). Chinese line-breaking rules are kept by
 * moving a character to the next line.
 */
export function wrap(text: string, cells: number, first = 0, rest = 0): string[] {
  const lines: string[][] = []
  let line: string[] = []
  let used = 0
  const room = () => cells - (lines.length === 0 ? first : rest)
  const push = (tok: string, tw: number) => {
    if (used + tw > room() + 1e-9 && line.length > 0) {
      const carry: string[] = []
      // 行首禁则: a closing mark may not start the next line, so the line's last character goes with it.
      if (NO_START.has(tok[0])) {
        while (line.length > 1 && NO_START.has(line[line.length - 1][0])) carry.unshift(line.pop()!)
        if (line.length > 1) carry.unshift(line.pop()!)
      }
      // 行尾禁则: an opening mark may not end a line.
      while (line.length > 1 && NO_END.has(line[line.length - 1].slice(-1))) carry.unshift(line.pop()!)
      lines.push(line)
      line = carry
      used = carry.reduce((s, c) => s + width(c), 0)
    }
    line.push(tok)
    used += tw
  }
  for (const tok of tokens(text.replace(/\r?\n/g, ' '))) {
    const w = width(tok)
    if (w > cells - Math.max(first, rest) && tok.length > 1) {
      // A word longer than a line is broken where it must be.
      for (const ch of tok) push(ch, cellsOf(ch))
    } else push(tok, w)
  }
  if (line.length > 0 || lines.length === 0) lines.push(line)
  return lines.map((l) => l.join(''))
}

// ---- the flow: the letter's parts in order ----

export type Style = 'mark' | 'no' | 'title' | 'body' | 'copyTo' | 'label' | 'cell' | 'boxTitle' | 'box'

/** A part of the letter, as the .docx writes it and the page breaks it. */
export type Part =
  | { t: 'mark'; text: string } // 发文机关标志 (plain paper) with its red double rule
  | { t: 'skip'; rows: number } // 套打: the letterhead's rows, left blank
  | { t: 'no'; text: string; grey: boolean; align: 'right' | 'left'; date?: string } // 文号 (a slip's with its date)
  | { t: 'issuer'; text: string } // a slip's issuer, at the right
  | { t: 'title'; text: string }
  | { t: 'blank' }
  | { t: 'addressee'; text: string }
  | { t: 'para'; text: string }
  | { t: 'attach'; lines: string[] }
  | { t: 'sign'; sender: string; date: string; seal: boolean }
  | { t: 'copyTo'; text: string }
  | { t: 'rows'; cells: SlipCell[][] } // a slip's table rows: each row is 2 or 4 cells
  | { t: 'box'; title: string; lines: string[]; height: number }

export interface SlipCell {
  text: string
  label: boolean
  /** Width in grid cells. */
  cells: number
}

/** The row a letter starts on under a pre-printed letterhead: the first grid line below its header. */
export function letterheadRows(headerMM: number): number {
  let r = 0
  while (r < LINES - 6 && rowTop(r) < headerMM - 1e-9) r++
  return r
}

/** A slip's label/value rows as table rows: two short rows share a line. */
export function slipRows(rows: LetterRow[]): SlipCell[][] {
  const half = CHARS / 2 - LABEL_CELLS
  const fits = (r: LetterRow) => !r.wide && width(r.value) <= half - 2 * CELL_PAD && width(r.label) <= LABEL_CELLS - 2 * CELL_PAD
  const out: SlipCell[][] = []
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    const next = rows[i + 1]
    if (fits(r) && next && fits(next)) {
      out.push([
        { text: r.label, label: true, cells: LABEL_CELLS },
        { text: r.value, label: false, cells: half },
        { text: next.label, label: true, cells: LABEL_CELLS },
        { text: next.value, label: false, cells: half },
      ])
      i++
      continue
    }
    out.push([
      { text: r.label, label: true, cells: LABEL_CELLS },
      { text: r.value, label: false, cells: CHARS - LABEL_CELLS },
    ])
  }
  return out
}

/** The letter's parts, in order, as both the page and the .docx lay them out. */
export function flow(doc: LetterDoc, layout: LetterLayout = DEFAULT_LAYOUT): Part[] {
  const parts: Part[] = []
  const no = doc.no || doc.noPreview
  const grey = !doc.no
  if (doc.form === 'slip') {
    // A form: the number at the left and the date at the right of one row, the issuer at the foot.
    parts.push({ t: 'title', text: doc.title || doc.kindLabel })
    parts.push({ t: 'no', text: no, grey, align: 'left', date: doc.date })
    if (doc.addressee) parts.push({ t: 'addressee', text: doc.addressee })
    parts.push({ t: 'rows', cells: slipRows(doc.rows ?? []) })
    for (const b of doc.boxes ?? []) parts.push({ t: 'box', title: b.title, lines: b.lines ?? [], height: Math.max(0, b.height) })
    if (doc.sender) parts.push({ t: 'issuer', text: doc.sender })
    return parts
  }
  // 信函格式 (GB/T 9704 §10.1): the issuer mark and its red rule, the 文号
  // under the rule at the right, the title two lines further down.
  if (layout.letterhead) {
    parts.push({ t: 'skip', rows: letterheadRows(layout.headerMM) })
  } else {
    parts.push({ t: 'mark', text: layout.orgName || doc.sender })
  }
  if (no) parts.push({ t: 'no', text: no, grey, align: 'right' })
  parts.push({ t: 'blank' })
  parts.push({ t: 'title', text: doc.title })
  parts.push({ t: 'blank' })
  if (doc.addressee) parts.push({ t: 'addressee', text: doc.addressee })
  for (const p of doc.paragraphs ?? []) if (p.trim()) parts.push({ t: 'para', text: p.trim() })
  if (doc.contact) parts.push({ t: 'para', text: doc.contact })
  const att = (doc.attachments ?? []).filter((a) => a.trim())
  if (att.length) {
    parts.push({ t: 'blank' })
    parts.push({ t: 'attach', lines: att.length === 1 ? [att[0]] : att.map((a, i) => `${i + 1}. ${a}`) })
  }
  parts.push({ t: 'blank' }, { t: 'blank' })
  parts.push({ t: 'sign', sender: doc.sender, date: doc.date, seal: true })
  if (doc.copyTo) parts.push({ t: 'copyTo', text: doc.copyTo })
  return parts
}

/** Where the sender and date go: the date ends 4 cells in from the right, the sender is centred over it. */
export function signPlacement(sender: string, date: string): { date: [number, number]; sender: [number, number] } {
  const dw = width(date)
  const dRight = CHARS - DATE_RIGHT
  const dLeft = dRight - dw
  const sw = width(sender)
  const centre = (dLeft + dRight) / 2
  // Never closer than 2 cells to the right edge (the unsealed rule), never past the left.
  let sRight = Math.min(CHARS - 2, centre + sw / 2)
  if (sRight - sw < 0) sRight = Math.min(CHARS, sw)
  return { date: [dLeft, dRight], sender: [sRight - sw, sRight] }
}

// ---- lines and pages ----

/** One line of text on a page: row on the grid, left edge and width in cells. */
export interface Line {
  row: number
  /** Extra mm below the row's top (text inside a slip's cell). */
  dy: number
  x: number
  w: number
  text: string
  style: Style
  align: 'left' | 'center' | 'right'
  grey?: boolean
  /** The page's print keeps runs of spaces (the slip's handwriting blanks). */
  pre?: boolean
}

/** A ruled line, in mm from the page's top-left corner. */
export interface Rule {
  x: number
  y: number
  w: number
  h: number
  red?: boolean
}

export interface Page {
  /** 1-based. */
  number: number
  lines: Line[]
  rules: Rule[]
  /** The seal's centre (mm), shown on screen as where it goes. */
  seal?: { x: number; y: number }
}

/** A block of rows that stays on one page (the sender with the date, a slip's row or box). */
interface Chunk {
  rows: number
  lines: Omit<Line, 'row'>[]
  /** Rows given by index within the chunk. */
  at: number[]
  rules: { x: number; r: number; dy: number; w: number; h: number; red?: boolean }[]
  seal?: { x: number; r: number; dy: number }
  /** Dropped at the top of a page. */
  blank?: boolean
  /** Placed at the bottom of the last page (版记). */
  bottom?: boolean
}

const RULE = 0.3
const THICK = 0.35

function line(text: string, style: Style, x: number, w: number, align: Line['align'] = 'left', extra: Partial<Line> = {}) {
  return { dy: 0, x, w, text, style, align, ...extra }
}

function chunksOf(part: Part): Chunk[] {
  const one = (ls: ReturnType<typeof line>[], rules: Chunk['rules'] = []): Chunk => ({
    rows: Math.max(1, ls.length),
    lines: ls,
    at: ls.map((_, i) => i),
    rules,
  })
  switch (part.t) {
    case 'skip':
      return [{ rows: part.rows, lines: [], at: [], rules: [] }]
    case 'blank':
      return [{ rows: 1, lines: [], at: [], rules: [], blank: true }]
    case 'mark': {
      // The mark in red 小标宋, its red double rule (thick over thin) 4 mm below it.
      // It takes two rows: the rule lies in the second, the 文号 goes under it.
      const y = TITLE_PT * PT + 4
      const c = one([line(part.text, 'mark', 0, CHARS, 'center')], [
        { x: 0, r: 0, dy: y, w: BLOCK_W, h: 1, red: true },
        { x: 0, r: 0, dy: y + 1.6, w: BLOCK_W, h: RULE, red: true },
      ])
      c.rows = 2
      return [c]
    }
    case 'no': {
      const ls = [line(part.text, 'no', part.align === 'right' ? 1 : 0, CHARS - 1, part.align, { grey: part.grey })]
      if (part.date) ls.push(line(part.date, 'body', 0, CHARS, 'right'))
      const c = one(ls)
      c.at = ls.map(() => 0)
      c.rows = 1
      return [c]
    }
    case 'issuer':
      // Under the table's last rule, clear of it.
      return [one([line(part.text, 'body', 0, CHARS - 2, 'right', { dy: CELL_DY })])]
    case 'title':
      // Each title line is its own chunk: a long title may go on to the next page like any text.
      return wrap(part.text, TITLE_CHARS).map((l) => one([line(l, 'title', 0, CHARS, 'center')]))
    case 'addressee':
      return wrap(part.text, CHARS).map((l) => one([line(l, 'body', 0, CHARS)]))
    case 'para':
      return wrap(part.text, CHARS, 2).map((l, i) => one([line(l, 'body', i === 0 ? 2 : 0, CHARS - (i === 0 ? 2 : 0))]))
    case 'attach': {
      // 附件：1. … with the later lines under the first item's text.
      const out: Chunk[] = []
      const head = '附件：'
      const hw = width(head)
      part.lines.forEach((a, i) => {
        wrap(a, CHARS - 2 - hw).forEach((l, j) => {
          const lead = i === 0 && j === 0 ? head : ''
          const x = i === 0 && j === 0 ? 2 : 2 + hw
          out.push(one([line(lead + l, 'body', x, CHARS - x)]))
        })
      })
      return out
    }
    case 'sign': {
      const p = signPlacement(part.sender, part.date)
      const ls = [
        line(part.sender, 'body', p.sender[0], p.sender[1] - p.sender[0]),
        line(part.date, 'body', p.date[0], p.date[1] - p.date[0]),
      ]
      const c = one(ls)
      if (part.seal) c.seal = { x: ((p.date[0] + p.date[1]) / 2) * CELL, r: 0, dy: PITCH }
      return [c]
    }
    case 'copyTo': {
      const ls = wrap(`抄送：${part.text}`, FOOT_CHARS).map((l) => line(l, 'copyTo', 1, CHARS - 2))
      const c = one(ls, [
        { x: 0, r: 0, dy: 0, w: BLOCK_W, h: THICK },
        { x: 0, r: ls.length, dy: -0.5, w: BLOCK_W, h: THICK },
      ])
      c.lines.forEach((l) => (l.dy = 1.5))
      c.bottom = true
      return [c]
    }
    case 'rows':
      return part.cells.map(slipRowChunk)
    case 'box': {
      const inner = CHARS - 2 * CELL_PAD
      const ls: ReturnType<typeof line>[] = [line(part.title, 'boxTitle', CELL_PAD, inner)]
      for (const l of part.lines) for (const w of wrap(l, inner)) ls.push(line(w, 'box', CELL_PAD, inner, 'left', { pre: true }))
      const rows = ls.length + part.height
      ls.forEach((l) => (l.dy = CELL_DY))
      return [
        {
          rows,
          lines: ls,
          at: ls.map((_, i) => i),
          rules: [
            { x: 0, r: 0, dy: 0, w: BLOCK_W, h: RULE },
            { x: 0, r: rows, dy: 0, w: BLOCK_W, h: RULE },
            { x: 0, r: 0, dy: 0, w: RULE, h: rows * PITCH },
            { x: BLOCK_W - RULE, r: 0, dy: 0, w: RULE, h: rows * PITCH },
          ],
        },
      ]
    }
  }
}

/** One table row of a slip: its cells side by side, as tall as its longest cell. */
function slipRowChunk(row: SlipCell[]): Chunk {
  let x = 0
  const cols = row.map((c) => {
    const inner = c.cells - 2 * CELL_PAD
    const ls = wrap(c.text, inner)
    const col = { x, c, ls }
    x += c.cells
    return col
  })
  const rows = Math.max(1, ...cols.map((c) => c.ls.length))
  const lines: ReturnType<typeof line>[] = []
  const at: number[] = []
  const rules: Chunk['rules'] = []
  for (const col of cols) {
    col.ls.forEach((l, i) => {
      lines.push(line(l, col.c.label ? 'label' : 'cell', col.x + CELL_PAD, col.c.cells - 2 * CELL_PAD, col.c.label ? 'center' : 'left', { dy: CELL_DY }))
      at.push(i)
    })
    rules.push({ x: col.x * CELL, r: 0, dy: 0, w: RULE, h: rows * PITCH })
  }
  rules.push({ x: BLOCK_W - RULE, r: 0, dy: 0, w: RULE, h: rows * PITCH })
  rules.push({ x: 0, r: rows, dy: 0, w: BLOCK_W, h: RULE })
  // Every row draws its top rule: after a page break the table is closed again.
  rules.push({ x: 0, r: 0, dy: 0, w: BLOCK_W, h: RULE })
  return { rows, lines, at, rules }
}

/** The letter on pages: every line on its grid row, every rule, the page numbers' pages. */
export function paginate(parts: Part[]): Page[] {
  const pages: Page[] = []
  let page: Page = { number: 1, lines: [], rules: [] }
  let row = 0
  const newPage = () => {
    pages.push(page)
    page = { number: pages.length + 1, lines: [], rules: [] }
    row = 0
  }
  const chunks = parts.flatMap(chunksOf)
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]
    if (c.blank && row === 0 && pages.length > 0) continue
    if (c.bottom) {
      // 版记: the last rows of the last page.
      if (row + c.rows > LINES) newPage()
      place(c, LINES - c.rows)
      row = LINES
      continue
    }
    if (row + c.rows > LINES) {
      if (c.blank) {
        newPage()
        continue
      }
      newPage()
    }
    place(c, row)
    row += c.rows
  }
  pages.push(page)
  return pages

  function place(c: Chunk, at: number) {
    c.lines.forEach((l, i) => page.lines.push({ ...l, row: at + c.at[i] }))
    for (const r of c.rules) {
      page.rules.push({ x: LEFT + r.x, y: rowTop(at + r.r) + r.dy, w: r.w, h: r.h, red: r.red })
    }
    if (c.seal) page.seal = { x: LEFT + c.seal.x, y: rowTop(at + c.seal.r) + c.seal.dy }
  }
}

/** The letter laid out on pages. */
export function layoutLetter(doc: LetterDoc, layout: LetterLayout = DEFAULT_LAYOUT): Page[] {
  return paginate(flow(doc, layout))
}

/** Where a page's number goes: odd pages at the right, even at the left, one character in. */
export function pageNumberPlace(n: number): { align: 'left' | 'right'; x: number } {
  const ch = FOOT_PT * PT
  return n % 2 === 1 ? { align: 'right', x: LEFT + BLOCK_W - ch } : { align: 'left', x: LEFT + ch }
}

/** The text of a page number: "— 1 —". */
export function pageNumberText(n: number): string {
  return `— ${n} —`
}
