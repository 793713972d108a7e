import { describe, expect, it } from 'vitest'
import { fileBytes } from '@/utils/download'
import { barOption, queryFromRoute, routeQuery, signed, trendOption } from './report'

const t = (k: string) => k

describe('the statistics period in the route', () => {
  it('reads back what it wrote, for every kind', () => {
    for (const q of [
      { kind: 'month', year: 2026, num: 3, from: '', to: '' },
      { kind: 'quarter', year: 2025, num: 4, from: '', to: '' },
      { kind: 'year', year: 2025, num: 0, from: '', to: '' },
      { kind: 'range', year: 0, num: 0, from: '2025-06-15', to: '2025-09-10' },
    ]) {
      expect(queryFromRoute(routeQuery(q))).toEqual(q)
    }
  })

  it("opens on today's month when the address names no period", () => {
    expect(queryFromRoute({}, new Date(2026, 1, 14))).toEqual({ kind: 'month', year: 2026, num: 2, from: '', to: '' })
    expect(queryFromRoute({ kind: 'week' }, new Date(2026, 1, 14)).kind).toBe('month')
  })

  it('hands a month Go may refuse to Go as it is', () => {
    expect(queryFromRoute({ kind: 'month', year: '2026', num: '13' })).toMatchObject({ year: 2026, num: 13 })
  })
})

describe('the charts', () => {
  it('draw what Go counted, the largest bar on top, a case without a value named', () => {
    const o = barOption(t, [
      { key: '走访', label: '走访', cases: 9 },
      { key: '', label: '', cases: 2 },
    ])
    expect(o.yAxis.data).toEqual(['stats.none', '走访'])
    expect(o.series[0].data).toEqual([2, 9])
  })

  it('draw the trend month by month', () => {
    const o = trendOption(t, [
      { month: '2026-01', cases: 3, visits: 4, people: 6 },
      { month: '2026-02', cases: 1, visits: 1, people: 1 },
    ])
    expect(o.xAxis.data).toEqual(['2026-01', '2026-02'])
    expect(o.series.map((s) => s.data)).toEqual([
      [3, 1],
      [4, 1],
      [6, 1],
    ])
  })
})

describe('a file from Go', () => {
  it('is base64 over both transports', () => {
    expect(Array.from(fileBytes(btoa('PK\u0003\u0004')))).toEqual([0x50, 0x4b, 3, 4])
    expect(Array.from(fileBytes([1, 2]))).toEqual([1, 2])
  })

  it('shows a change with its sign', () => {
    expect(signed(2.5)).toBe('+2.5')
    expect(signed(-10)).toBe('-10.0')
    expect(signed(0)).toBe('0.0')
  })
})
