const units = ['KB', 'MB', 'GB', 'TB'] as const

/**
 * A byte count as people read it: "512 B", "32 KB", "1.5 MB" (binary
 * multiples, at most one decimal, none when it is .0).
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${Math.round(n)} B`
  let v = n
  let unit: (typeof units)[number] = units[0]
  for (const u of units) {
    v /= 1024
    unit = u
    if (v < 1024) break
  }
  // 1023.96 KB rounds to 1024.0: show it as 1 MB, not "1024 KB".
  let rounded = Math.round(v * 10) / 10
  const i = units.indexOf(unit)
  if (rounded >= 1024 && i < units.length - 1) {
    rounded = Math.round((rounded / 1024) * 10) / 10
    unit = units[i + 1] ?? unit
  }
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${unit}`
}

/** A whole number with thousands separators: 1,572,864. */
export function formatCount(n: number, locale = 'zh-CN'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n)
}

/** A calendar day as Go reads it: YYYY-MM-DD, of the day the PC's clock shows for d. */
export function dayOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
