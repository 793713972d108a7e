import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setTransport, type TaskDetail, type TaskPage, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import SupervisionView from './SupervisionView.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const row = (id: number, dueLevel: string, alert = '') => ({
  id,
  case: 100 + id,
  caseNo: `2026-00000${id}`,
  title: '工资拖欠',
  type: '交办',
  unit: 1,
  unitName: '劳动保障所',
  status: 'WORKING',
  statusLabel: '办理中',
  issued: '2026-03-02',
  due: '2026-03-20',
  dueLevel,
  urges: 0,
  urgeLevel: '',
  alert,
  rev: 3,
})

const page: TaskPage = {
  rows: [row(1, 'overdue', '已逾期'), row(2, 'soon', '临近期限'), row(3, 'ok')],
  total: 3,
  units: [{ id: 1, name: '劳动保障所', kind: 'internal', receives: ['转送', '交办', '协办'] }],
}

const detail = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  ...row(1, 'overdue', '已逾期'),
  requirement: '请核实',
  issuedBy: '登记员甲',
  received: '',
  receiver: '',
  objection: '',
  objectionEnds: '2026-03-09',
  objDecision: '',
  extDays: 0,
  extReason: '',
  extDecision: '',
  feedback: '',
  feedbackDate: '',
  result: '',
  returnReason: '',
  redacted: false,
  history: [{ at: '2026-03-02T09:00:00+08:00', by: '登记员甲', text: '发出交办：劳动保障所' }],
  urgeList: [],
  steps: [{ action: 'receive', label: '签收', needs: ['receiver'], suggested: {} }],
  canUrge: false,
  urgeLevels: [],
  outcomes: ['予以支持', '解释说明', '不予支持'],
  ...over,
})

function setup(step: (args: unknown[]) => unknown) {
  const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
    if (service === 'Tasks' && method === 'List') return page
    if (service === 'Tasks' && method === 'Get') return detail()
    if (service === 'Tasks' && method === 'Step') return step(args)
    throw new Error(`unexpected ${service}.${method}`)
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'supervision', component: SupervisionView },
      { path: '/cases/:id', name: 'case', component: { template: '<div />' } },
    ],
  })
  const w = mount(SupervisionView, {
    attachTo: document.body,
    global: { plugins: [createPinia(), createLaifangI18n('zh-CN'), ElementPlus, router] },
  })
  return { w, call, router }
}

describe('SupervisionView', () => {
  it('lists what needs urging first, coloured as Go says', async () => {
    const { w, call } = setup(() => detail())
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Tasks', 'List', [{ state: 'ALERT', unit: 0, page: 0, size: 50 }])
    const dues = w.findAll('[data-testid="task-due"]')
    expect(dues.map((d) => d.classes())).toEqual([
      expect.arrayContaining(['due-overdue']),
      expect.arrayContaining(['due-soon']),
      expect.arrayContaining(['due-ok']),
    ])
    expect(w.findAll('[data-testid="task-alert"]').map((a) => a.text())).toEqual(['已逾期', '临近期限'])
    expect(w.get('[data-testid="task-total"]').text()).toContain('3')
  })

  it('asks Go for another state', async () => {
    const { w, call } = setup(() => detail())
    await flushPromises()
    await w.get('[data-testid="state-PENDING"] input').setValue(true)
    await flushPromises()
    expect(call).toHaveBeenLastCalledWith('Tasks', 'List', [{ state: 'PENDING', unit: 0, page: 0, size: 50 }])
  })

  it('opens the case in one click', async () => {
    const { w, router } = setup(() => detail())
    await flushPromises()
    await w.findAll('[data-testid="task-case"]')[1]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/cases/102')
  })

  it("offers the steps Go allows and shows Go's message beside the field", async () => {
    let n = 0
    const { w, call } = setup(() => {
      n++
      if (n === 1) throw { code: 'task.receiver', message: '请填写签收人。', field: 'receiver' }
      return detail({ status: 'WORKING', statusLabel: '办理中', receiver: '测试丙', steps: [], rev: 4 })
    })
    await flushPromises()
    await w.findAll('.el-table__row')[0]!.trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="task-history"]')?.textContent).toContain('发出交办：劳动保障所')
    const receive = document.querySelector<HTMLButtonElement>('[data-testid="step-receive"]')
    expect(receive?.textContent).toContain('签收')
    receive!.click()
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="step-submit"]')!.click()
    await flushPromises()
    // the field Go named is marked (the message itself renders in a
    // transition the test stubs)
    expect(document.querySelector('input[name="receiver"]')?.closest('.el-form-item')?.classList).toContain('is-error')
    const input = document.querySelector<HTMLInputElement>('input[name="receiver"]')!
    input.value = '测试丙'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="step-submit"]')!.click()
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Tasks', 'Step', [
      expect.objectContaining({ task: 1, action: 'receive', rev: 3, receiver: '测试丙' }),
    ])
    expect(document.querySelector('[data-testid="drawer-status"]')?.textContent).toBe('办理中')
    // and the list is read again
    expect(call).toHaveBeenLastCalledWith('Tasks', 'List', [expect.objectContaining({ state: 'ALERT' })])
  })
})
