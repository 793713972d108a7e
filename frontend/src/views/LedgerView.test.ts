import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setTransport, type LedgerOptions, type LedgerPage, type LedgerQuery, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import LedgerView from './LedgerView.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const options: LedgerOptions = {
  channels: [{ code: '走访', label: '走访', sort: 1, active: true }],
  types: [{ code: '申诉求决', label: '申诉求决', sort: 1, active: true }],
  categories: [{ code: '12', label: '自然资源', sort: 1, active: true }],
  statuses: [{ code: 'CLOSED', label: '已办结', sort: 1, active: true }],
  units: [{ id: 3, name: '国土所', kind: 'internal', receives: [] }],
  flags: [{ code: 'repeat', label: '重复访' }],
  handlers: [],
  columns: [
    { key: 'no', label: '登记编号', width: 14 },
    { key: 'idNumber', label: '证件号码', width: 20 },
    { key: 'due', label: '期限', width: 11 },
  ],
  today: '2026-03-02',
}

const page = (exact: boolean): LedgerPage => ({
  rows: [
    {
      id: 7,
      no: '2026-000007',
      received: '2026-02-01',
      petitioner: '张三',
      idNumber: '110101********1234',
      phone: '138****5678',
      present: 1,
      channel: '走访',
      type: '申诉求决',
      category: '自然资源',
      demand: '足额支付征地补偿款',
      unit: '国土所',
      status: 'ACCEPTED',
      statusLabel: '已受理',
      due: '2026-02-20',
      overdue: true,
      outcome: '',
      satisfaction: '',
      masked: false,
    },
  ],
  total: 2117,
  exact,
})

async function setup(path: string, exact = true) {
  const queries: LedgerQuery[] = []
  let polls = 0
  const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
    if (service !== 'Ledger') throw new Error(`unexpected ${service}.${method}`)
    switch (method) {
      case 'Options':
        return options
      case 'List':
        queries.push(args[0] as LedgerQuery)
        return page(exact)
      case 'Export':
        return { running: true, done: 0, total: 0, finished: false, error: '', name: '' }
      case 'ExportProgress':
        polls++
        return { running: false, done: 1, total: 1, finished: true, error: '', name: '台账.xlsx' }
      case 'ExportFile':
        return { name: '台账.xlsx', data: btoa('PK') }
    }
    throw new Error(`unexpected ${method}`)
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/ledger', name: 'ledger', component: LedgerView },
      { path: '/cases/:id', name: 'case', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const w = mount(LedgerView, { global: { plugins: [ElementPlus, createPinia(), router, createLaifangI18n('zh-CN')] }, attachTo: document.body })
  await flushPromises()
  return { w, router, queries, call, polls: () => polls }
}

describe('LedgerView', () => {
  // (timeouts: mounting Element Plus takes seconds on a shared build machine)
  it('asks Go with the filters of a bookmarked address and shows its total', async () => {
    const { w, queries } = await setup('/ledger?q=征地补偿&from=2025-12-01&to=2026-02-28&cat=12&fl=repeat&od=1&page=2')
    expect(queries[0]).toMatchObject({
      text: '征地补偿',
      from: '2025-12-01',
      to: '2026-02-28',
      category: ['12'],
      flags: ['repeat'],
      overdue: true,
      offset: 50,
      limit: 50,
    })
    expect(w.get('[data-testid="ledger-total"]').text()).toBe('共 2117 件')
    expect(w.get('[data-testid="ledger-table"]').text()).toContain('110101********1234')
  }, 90000)

  it('shows an estimated total as 约 N', async () => {
    const { w } = await setup('/ledger?q=征地补偿', false)
    expect(w.get('[data-testid="ledger-total"]').text()).toBe('约 2117 件')
  }, 90000)

  it('keeps a new search in the address', async () => {
    const { w, router, queries } = await setup('/ledger')
    const box = w.get('[data-testid="ledger-text"]')
    await (box.element.tagName === 'INPUT' ? box : box.get('input')).setValue('拖欠工资')
    await w.get('[data-testid="ledger-search"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '拖欠工资' })
    expect(queries.at(-1)?.text).toBe('拖欠工资')
  }, 90000)

  it('exports through Go and downloads the file it wrote', async () => {
    const { w, call, polls } = await setup('/ledger?cat=12')
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    await w.get('[data-testid="ledger-export"]').trigger('click')
    await flushPromises()
    const exp = call.mock.calls.find((c) => c[1] === 'Export')!
    expect(exp[2]).toEqual([expect.objectContaining({ category: ['12'] })])
    expect(polls()).toBeGreaterThan(0)
    expect(clicked).toHaveBeenCalled()
    expect(w.get('[data-testid="ledger-exported"]').text()).toContain('台账.xlsx')
  }, 90000)
})
