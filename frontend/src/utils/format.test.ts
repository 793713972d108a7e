import { describe, expect, it } from 'vitest'
import { dayOf, formatBytes, formatCount } from '@/utils/format'

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [32768, '32 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [1572864, '1.5 MB'],
    [3.25 * 1024 ** 3, '3.3 GB'],
    [2 * 1024 ** 4, '2 TB'],
    [5000 * 1024 ** 4, '5000 TB'],
  ])('%d bytes is %s', (n, want) => {
    expect(formatBytes(n)).toBe(want)
  })

  it('shows nothing for a size that is not one', () => {
    expect(formatBytes(-1)).toBe('')
    expect(formatBytes(Number.NaN)).toBe('')
  })
})

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1572864)).toBe('1,572,864')
  })
})

describe('dayOf', () => {
  it('gives the day a picker shows as Go reads it', () => {
    expect(dayOf(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02')
    expect(dayOf(new Date(2026, 11, 31))).toBe('2026-12-31')
  })
})
