import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setTransport, type LetterList, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import LettersView from './LettersView.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const row = (id: number, no: string, kind: string, kindLabel: string, superseded = false) => ({
  id,
  no,
  kind,
  kindLabel,
  title: kindLabel,
  addressee: '测试甲：',
  case: 7,
  caseNo: '2026-000007',
  issuedAt: '2026-11-26 14:03',
  issuedBy: '测试乙',
  superseded,
})

const list: LetterList = {
  rows: [row(3, '测信催〔2026〕2号', 'urge', '催办单'), row(2, '测信催〔2026〕1号', 'urge', '催办单'), row(1, '测信受〔2026〕1号', 'accept', '受理告知书', true)],
  total: 3,
}

function setup() {
  const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
    if (service === 'Letters' && method === 'Kinds') return [{ kind: 'urge', label: '催办单', form: 'slip', to: 'department', needs: 'task' }]
    if (service === 'Letters' && method === 'List') {
      const q = args[0] as { limit: number }
      return q.limit === 1 ? { rows: [list.rows[0]], total: 2 } : list
    }
    throw new Error(`unexpected ${service}.${method}`)
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'letters', component: LettersView },
      { path: '/cases/:id', name: 'case', component: { template: '<div />' } },
      { path: '/print/letters/:ids', name: 'print-letters', component: { template: '<div />' } },
    ],
  })
  const w = mount(LettersView, { attachTo: document.body, global: { plugins: [createPinia(), createLaifangI18n('zh-CN'), ElementPlus, router] } })
  return { w, call, router }
}

const query = { kind: '', from: '', to: '', no: '', case: 0, offset: 0, limit: 50 }

describe('文书', () => {
  it('lists the issued letters, a corrected one marked and not correctable again', async () => {
    const { w, call } = setup()
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Letters', 'List', [query])
    const rows = w.findAll('.el-table__row')
    expect(rows.map((r) => r.find('[data-testid="letters-open"]').text())).toEqual(list.rows.map((r) => r.no))
    expect(rows[2].text()).toContain('已更正')
    expect(rows[2].find('[data-testid="letters-correct"]').exists()).toBe(false)
    expect(rows[0].find('[data-testid="letters-correct"]').exists()).toBe(true)
  })

  it('asks Go for a number typed in the search', async () => {
    const { w, call } = setup()
    await flushPromises()
    const input = w.get('input[data-testid="letters-no"]')
    await input.setValue(' 〔2026〕2号 ')
    await input.trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('Letters', 'List', [{ ...query, no: '〔2026〕2号' }])
  })

  it("shows the 催办单 of the day they were last issued, by Go's date, and prints them in one job", async () => {
    const { w, call, router } = setup()
    await flushPromises()
    await w.get('[data-testid="letters-urges-latest"]').trigger('click')
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('Letters', 'List', [{ ...query, kind: 'urge', from: '2026-11-26', to: '2026-11-26' }])
    await w.get('[data-testid="letters-print-selected"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/print/letters/3,2,1')
  })
})
