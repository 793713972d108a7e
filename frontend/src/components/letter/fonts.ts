// The fonts of a letter and what stands in for them (docs/DOMAIN.md
// "Letters: fonts"). The official faces come first; where an office PC or
// Linux lacks them the next one in the list is used, and the print preview
// says so (missingFonts).

/** 3号仿宋, the body: 仿宋_GB2312 as offices install it, Windows' own 仿宋, macOS' 华文仿宋, then Noto. */
export const BODY_FONTS = ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC']
/** 2号小标宋, the title and the issuer mark: 方正小标宋 is often missing, 华文中宋 (Office) then 宋体 stand in. */
export const TITLE_FONTS = ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC', 'Source Han Serif SC', '宋体', 'SimSun']
/** 4号宋体, the page numbers. */
export const SONG_FONTS = ['宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC']

/** The official face of each use: what the .docx names and what the warning looks for. */
export const OFFICIAL = {
  body: { name: '仿宋', faces: BODY_FONTS.slice(0, 5) },
  title: { name: '方正小标宋', faces: TITLE_FONTS.slice(0, 3) },
}

/** A CSS font-family list. */
export function cssFamily(fonts: string[]): string {
  return [...fonts.map((f) => `"${f}"`), 'serif'].join(', ')
}

/**
 * Whether a font is installed: text set in it measures differently from
 * the generic fallbacks (document.fonts.check says yes to any local name,
 * so it cannot tell). `measure` returns the width of text in a CSS font.
 */
export function hasFont(face: string, measure: (font: string) => number): boolean {
  for (const generic of ['monospace', 'sans-serif', 'serif']) {
    if (measure(`32px "${face}", ${generic}`) !== measure(`32px ${generic}`)) return true
  }
  return false
}

/** The official faces this machine lacks, by use ("仿宋", "方正小标宋"), and what is used instead. */
export function missingFonts(measure: (font: string) => number): { name: string; instead: string }[] {
  const out: { name: string; instead: string }[] = []
  for (const [use, o] of Object.entries(OFFICIAL)) {
    if (o.faces.some((f) => hasFont(f, measure))) continue
    const list = use === 'body' ? BODY_FONTS : TITLE_FONTS
    const instead = list.slice(o.faces.length).find((f) => hasFont(f, measure)) ?? ''
    out.push({ name: o.name, instead })
  }
  return out
}

/** A measure backed by a canvas (the browser's own text metrics). */
export function canvasMeasure(): ((font: string) => number) | null {
  if (typeof document === 'undefined') return null
  const ctx = document.createElement('canvas').getContext('2d')
  if (!ctx) return null
  const sample = '信访事项受理告知书仿宋abc123'
  return (font: string) => {
    ctx.font = font
    return ctx.measureText(sample).width
  }
}
