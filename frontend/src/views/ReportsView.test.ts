import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError, setTransport, type StatsReport, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import ReportsView from './ReportsView.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const period = (label: string) => ({ kind: 'month', from: '2026-03-01', to: '2026-03-31', label })

const report: StatsReport = {
  office: '某某镇人民政府',
  period: period('2026年3月'),
  previous: period('2026年2月'),
  lastYear: period('2025年3月'),
  today: '2026-04-02',
  // Go sends null for what is absent (a *float64)
  figures: [
    { key: 'cases', rate: false, value: 15, num: 15, previous: 12, lastYear: 20, previousChange: 25, lastYearChange: -25 },
    { key: 'handled', rate: true, value: 87.5, num: 7, den: 8, previous: 90, lastYear: null, previousChange: -2.5, lastYearChange: null },
    { key: 'satisfaction', rate: true, value: null, num: 0, den: 0, previous: null, lastYear: null, previousChange: null, lastYearChange: null },
  ] as unknown as StatsReport['figures'],
  byChannel: [{ key: '走访', label: '走访', cases: 15 }],
  byType: [{ key: '申诉求决', label: '申诉求决', cases: 15 }],
  byCategory: [],
  byUnit: [],
  trend: [{ month: '2026-03', cases: 15, visits: 17, people: 20 }],
  top: [{ rank: 1, name: '（保密）', masked: true, visits: 3, cases: 1, last: '2026-03-20' }],
}

async function setup(answer: (args: unknown[]) => unknown, query: Record<string, string>) {
  const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
    if (service === 'Stats' && method === 'Report') return answer(args)
    if (service === 'Auth' && method === 'State') return { signedIn: true, perms: ['case.read', 'export', 'print'], screens: [] }
    throw new Error(`unexpected ${service}.${method}`)
  })
  setTransport({ name: 'http', call: (s, m, a) => call(s, m, a) } as Transport)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/reports', name: 'reports', component: ReportsView },
      { path: '/print/stats', name: 'print-stats', component: { template: '<div />' } },
    ],
  })
  await router.push({ name: 'reports', query })
  const w = mount(
    { template: '<router-view />' },
    {
      attachTo: document.body,
      global: {
        plugins: [createPinia(), createLaifangI18n('zh-CN'), ElementPlus, router],
        // the charts draw on a canvas the test DOM has not
        stubs: { StatsChart: { template: '<div class="chart-stub" />' } },
      },
    },
  )
  return { w, call, router }
}

describe('ReportsView', () => {
  it("asks Go for the period in the address and shows Go's figures and comparisons", async () => {
    const { w, call } = await setup(() => report, { kind: 'month', year: '2026', num: '3' })
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Stats', 'Report', [{ kind: 'month', year: 2026, num: 3, from: '', to: '' }])
    const cases = w.get('[data-testid="kpi-cases"]').text()
    expect(cases).toContain('15')
    expect(cases).toContain('+25.0%')
    expect(cases).toContain('-25.0%')
    const handled = w.get('[data-testid="kpi-handled"]').text()
    expect(handled).toContain('87.5%')
    expect(handled).toContain('7 / 8')
    expect(handled).toContain('-2.5 个百分点')
    expect(w.get('[data-testid="kpi-satisfaction"]').text()).toContain('无可计数')
    expect(w.get('[data-testid="stats-period"]').text()).toContain('2026年3月')
    expect(w.findAll('.chart-stub')).toHaveLength(5)
    expect(w.get('[data-testid="stats-top"]').text()).toContain('（保密）')
  })

  it("shows Go's refusal next to the field it names", async () => {
    const { w } = await setup(() => {
      throw new ApiError('stats.order', '结束日期不能早于开始日期。', 'to')
    }, { kind: 'range', from: '2026-03-10', to: '2026-03-01' })
    await flushPromises()
    await vi.waitFor(() => expect(w.get('.el-form-item__error').text()).toBe('结束日期不能早于开始日期。'))
    expect(w.find('[data-testid="stats-kpis"]').exists()).toBe(false)
  })
})
