// The statistics screen's plumbing: the period in the route (so a report
// can be bookmarked and printed), the ECharts options drawn from Go's
// report, and the workbook's download. No figure is computed here: Go
// counts, rates and compares (app/stats.go); this only draws.

import type { LocationQuery } from 'vue-router'
import type { StatsQuery, StatsReport, StatsSlice, TrendPoint } from '@/api'

export const kinds = ['month', 'quarter', 'year', 'range'] as const
export type Kind = (typeof kinds)[number]

function one(v: LocationQuery[string]): string {
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

/** The period the route names; today's month when it names none. */
export function queryFromRoute(q: LocationQuery, today = new Date()): StatsQuery {
  const kind = one(q.kind)
  if (!(kinds as readonly string[]).includes(kind)) {
    return { kind: 'month', year: today.getFullYear(), num: today.getMonth() + 1, from: '', to: '' }
  }
  return {
    kind,
    year: Number(one(q.year)) || 0,
    num: Number(one(q.num)) || 0,
    from: one(q.from),
    to: one(q.to),
  }
}

/** The route's query for a period: only what its kind reads. */
export function routeQuery(q: StatsQuery): Record<string, string> {
  if (q.kind === 'range') return { kind: q.kind, from: q.from, to: q.to }
  if (q.kind === 'year') return { kind: q.kind, year: String(q.year) }
  return { kind: q.kind, year: String(q.year), num: String(q.num) }
}

/** One decimal, with its sign, for a change. */
export function signed(v: number): string {
  return (v > 0 ? '+' : '') + v.toFixed(1)
}

type T = (key: string, named?: Record<string, unknown>) => string

const palette = ['#3a6ea5', '#e08e45', '#5aa469', '#c4515b', '#8a6bbf', '#4fa3b5', '#b5a24f', '#9c6b4f', '#6b7f99', '#c77dab']

function sliceLabel(t: T, s: StatsSlice): string {
  return s.label || s.key || t('stats.none')
}

/** A horizontal bar chart of cases by one dimension, largest first. */
export function barOption(t: T, list: StatsSlice[], animation = true) {
  const rows = [...list].slice(0, 12).reverse()
  return {
    animation,
    color: palette,
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((s) => sliceLabel(t, s)),
      axisLabel: { width: 96, overflow: 'truncate' },
    },
    series: [{ type: 'bar', name: t('stats.cases'), data: rows.map((s) => s.cases), label: { show: true, position: 'right' } }],
  }
}

/** A pie of cases by type. */
export function pieOption(t: T, list: StatsSlice[], animation = true) {
  return {
    animation,
    color: palette,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: t('stats.byType'),
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: list.map((s) => ({ name: sliceLabel(t, s), value: s.cases })),
      },
    ],
  }
}

/** The monthly trend: cases, visits (批次) and people (人次). */
export function trendOption(t: T, trend: TrendPoint[], animation = true) {
  return {
    animation,
    color: palette,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map((p) => p.month), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: t('stats.cases'), data: trend.map((p) => p.cases), smooth: true },
      { type: 'line', name: t('stats.visits'), data: trend.map((p) => p.visits), smooth: true },
      { type: 'line', name: t('stats.people'), data: trend.map((p) => p.people), smooth: true },
    ],
  }
}

/** The charts of a report, by name, as the screen and the print page draw them. */
export function reportCharts(t: T, r: StatsReport, animation = true) {
  return {
    trend: trendOption(t, r.trend, animation),
    type: pieOption(t, r.byType, animation),
    channel: barOption(t, r.byChannel, animation),
    category: barOption(t, r.byCategory, animation),
    unit: barOption(t, r.byUnit, animation),
  }
}
export type ChartName = keyof ReturnType<typeof reportCharts>
