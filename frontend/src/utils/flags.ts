/**
 * The colour of a case's mark (Go names the marks: 集体访, 重大紧急 …): the
 * ones that call for attention at the desk stand out. Colour only; which
 * marks a case has is Go's.
 */
export function flagType(flag: string): 'danger' | 'warning' | 'info' {
  if (flag === '集体访' || flag === '重大紧急') return 'danger'
  if (flag === '检举保密') return 'info'
  return 'warning'
}
