import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { setTransport, type Queue, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { createLaifangRouter } from '@/router'
import { useAuthStore } from '@/stores/auth'
import HomeView from './HomeView.vue'

const item = (caseId: number, caseNo: string, extra: object) => ({
  caseId, caseNo, title: '拖欠工资问题', status: 'IN_PROGRESS', statusLabel: '办理中', confidential: false, daysLeft: 0, ...extra,
})

const queue = {
  today: '2026-03-02',
  warnDays: 7,
  visits: 12,
  groups: [
    { kind: 'overdue', label: '已超期', total: 31, items: [
      item(5, '2026-000005', { clock: '办理期限', legal: '2026-02-20', daysLeft: -10, level: 'overdue' }),
    ] },
    { kind: 'due_soon', label: '即将到期', total: 4, items: [
      item(8, '2026-000008', { clock: '受理告知期限', legal: '2026-03-02', daysLeft: 0, level: 'soon' }),
      item(9, '2026-000009', { clock: '办理期限', legal: '2026-03-06', daysLeft: 4, level: 'soon' }),
    ] },
    { kind: 'notice', label: '待送达告知书', total: 57, items: [
      item(7, '2026-000007', { title: '（保密）', confidential: true, clock: '受理告知期限', legal: '2026-03-17', daysLeft: 15 }),
    ] },
    { kind: 'satisfaction', label: '待记录满意度', total: 0, items: [] },
  ],
  dueTodayTotal: 1,
  dueToday: [item(8, '2026-000008', { clock: '受理告知期限', legal: '2026-03-02', level: 'soon' })],
  units: [
    { unitId: 3, name: '司法所', open: 6, overdue: 2 },
    { unitId: 4, name: '卫生院', open: 1, overdue: 0 },
  ],
} as unknown as Queue

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

async function setup(perms = ['case.read']) {
  const call = vi.fn(async (s: unknown, _m?: unknown, _a?: unknown) => (s === 'Home' ? structuredClone(queue) : []))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().state = { signedIn: true, perms, screens: ['home'] } as never
  const router = createLaifangRouter(createMemoryHistory())
  await router.push('/')
  const w = mount(HomeView, {
    global: { plugins: [pinia, router, createLaifangI18n('zh-CN'), ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return { w, call, router }
}

describe('HomeView', () => {
  it('shows the queue Go computed: counts, colours, the groups and the departments', async () => {
    const { w, call } = await setup()
    expect(call.mock.calls.some((c) => c[0] === 'Home' && c[1] === 'Queue')).toBe(true)
    expect(w.get('[data-testid="queue-visits"]').text()).toBe('12')
    expect(w.get('[data-testid="queue-overdue"]').text()).toBe('31')
    expect(w.get('[data-testid="queue-due-soon"]').text()).toBe('4')
    expect(w.get('[data-testid="queue-due-today"]').text()).toBe('1')
    const red = w.get('[data-testid="queue-group-overdue"]')
    expect(red.text()).toContain('共 31 件')
    const redTag = red.get('.el-tag')
    expect(redTag.classes()).toContain('el-tag--danger')
    expect(redTag.text()).toBe('超期 10 天')
    const yellowTags = w.get('[data-testid="queue-group-due_soon"]').findAll('.el-tag')
    expect(yellowTags.map((x) => x.text())).toEqual(['今日到期', '剩 4 天'])
    expect(yellowTags[0]!.classes()).toContain('el-tag--warning')
    const notice = w.get('[data-testid="queue-group-notice"]')
    expect(notice.text()).toContain('待送达告知书')
    expect(notice.text()).toContain('共 57 件')
    expect(notice.text()).toContain('（保密）') // masked by Go, shown as it came
    expect(notice.text()).not.toContain('拖欠工资问题')
    // each item names the clock that times it, as Go chose it
    expect(notice.get('[data-testid="queue-tag"]').text()).toBe('受理告知期限 剩 15 天')
    expect(w.get('[data-testid="queue-group-satisfaction"]').text()).toContain('暂无')
    const units = w.get('[data-testid="queue-units"]').text()
    expect(units).toContain('司法所')
    expect(units).toContain('卫生院')
  })

  it('opens a case in one click', async () => {
    const { w, router } = await setup()
    const link = w.get('[data-testid="queue-group-notice"] [data-testid="queue-link"]')
    expect(link.attributes('href')).toContain('/cases/7')
    await link.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case'), { timeout: 5000 })
    expect(router.currentRoute.value.params.id).toBe('7')
  })

  it('asks nothing without the right to read cases', async () => {
    const { w, call } = await setup([])
    expect(call).not.toHaveBeenCalled()
    expect(w.find('[data-testid="queue"]').exists()).toBe(false)
  })
})
