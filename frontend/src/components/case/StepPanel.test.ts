import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { setTransport, type CaseSteps, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import StepPanel from './StepPanel.vue'

const steps = {
  caseId: 7, rev: 4, status: 'IN_PROGRESS', statusLabel: '办理中', today: '2026-04-10',
  steps: [
    { action: 'extend', label: '延期', kind: 'step', to: 'EXTENDED', toLabel: '延期办理中', letter: '延期告知书',
      fields: ['date', 'reason', 'days'], required: ['date', 'reason', 'days'], minDate: '2026-03-02', maxDays: 30,
      suggested: { date: '2026-04-10' }, choices: {} },
    { action: 'reply', label: '出具处理意见书', kind: 'step', to: 'REPLIED', toLabel: '已答复', letter: '处理意见书',
      fields: ['outcome', 'text', 'date'], required: ['date', 'outcome', 'text'], minDate: '2026-03-02',
      suggested: { date: '2026-04-10' }, choices: { outcome: ['予以支持', '解释说明', '不予支持'].map((v) => ({ value: v, label: v })) } },
    { action: 'serve_notice', label: '送达告知书', kind: 'record', fields: ['date', 'how', 'receiptNo'],
      required: ['date', 'how'], minDate: '2026-03-02', suggested: { date: '2026-04-10' },
      choices: { how: ['直接送达', '邮寄送达', '留置送达', '电子送达'].map((v) => ({ value: v, label: v })) } },
    { action: 'not_accept', label: '不予受理', kind: 'step', to: 'NOT_ACCEPTED', toLabel: '不予受理', fields: ['reason'],
      required: ['reason'], suggested: {},
      choices: { reason: ['01', '02', '03', '04', '05'].map((v) => ({ value: v, label: `理由${v}` })) } },
  ],
  tasks: [
    { type: '协办', label: '安排协办', minDue: '2026-04-11', due: '2026-05-06',
      units: [{ id: 3, name: '司法所', kind: 'internal', receives: ['转送', '交办', '协办'] }, { id: 5, name: '某村委会', kind: 'subordinate', receives: ['转送', '协办'] }] },
  ],
} as unknown as CaseSteps

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

type Call = [string, string, unknown[]]

function setup(step: (args: unknown[]) => unknown) {
  const calls: Call[] = []
  const call = vi.fn(async (s: string, m: string, a: unknown[]) => {
    calls.push([s, m, a])
    if (m === 'Steps') return structuredClone(steps)
    return step(a)
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const w = mount(StepPanel, {
    props: { caseId: 7, stamp: 1 },
    global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
    attachTo: document.body,
  })
  return { w, calls }
}

const dialog = () => document.querySelector('[data-testid="step-dialog"]') as HTMLElement | null

describe('StepPanel', () => {
  it('shows the buttons Go returns, and the fields Go names for a step', async () => {
    const { w } = setup(() => ({ caseId: 7, rev: 5 }))
    await flushPromises()
    const buttons = w.findAll('[data-testid^="step-"]').filter((b) => b.element.tagName === 'BUTTON')
    expect(buttons.map((b) => b.text())).toEqual(['延期', '出具处理意见书', '送达告知书', '不予受理'])
    await w.get('[data-testid="step-extend"]').trigger('click')
    await flushPromises()
    const d = dialog()!
    expect(d.querySelector('[data-testid="step-days"]')).not.toBeNull()
    expect(d.querySelector('[data-testid="step-reason"]')).not.toBeNull()
    expect(d.querySelector('[data-testid="step-outcome"]')).toBeNull()
    expect(d.textContent).toContain('延期天数')
    expect(d.textContent).toContain('最多 30 天')
  })

  it('offers the values Go lists for a field: a few as buttons, more in a list', async () => {
    const { w } = setup(() => ({ caseId: 7, rev: 5 }))
    await flushPromises()
    await w.get('[data-testid="step-reply"]').trigger('click')
    await flushPromises()
    const radios = [...dialog()!.querySelectorAll('[data-testid="step-outcome"] .el-radio')].map((r) => r.textContent?.trim())
    expect(radios).toEqual(['予以支持', '解释说明', '不予支持'])
    expect(dialog()!.querySelector('[data-testid="wording-pick"]')).not.toBeNull()
    await w.setProps({ stamp: 3 })
    await w.get('[data-testid="step-not_accept"]').trigger('click')
    await flushPromises()
    const d = dialog()!
    expect(d.querySelector('[data-testid="step-reason"]')!.closest('.el-select')).not.toBeNull()
    expect(d.textContent).toContain('不予受理理由')
  })

  it('sends the step with the revision it read, and asks the case to be read again', async () => {
    const { w, calls } = setup(() => ({ caseId: 7, rev: 5 }))
    await flushPromises()
    await w.get('[data-testid="step-serve_notice"]').trigger('click')
    await flushPromises()
    ;(dialog()!.querySelector('[data-testid="step-save"]') as HTMLElement).click()
    await flushPromises()
    const sent = calls.find(([, m]) => m === 'Step')!
    expect(sent[2][0]).toBe(7)
    expect(sent[2][1]).toMatchObject({ action: 'serve_notice', rev: 4, date: '2026-04-10' })
    expect(w.emitted('done')).toHaveLength(1)
    // the parent reads the case again: a new stamp reads the steps again
    const before = calls.filter(([, m]) => m === 'Steps').length
    await w.setProps({ stamp: 2 })
    await flushPromises()
    expect(calls.filter(([, m]) => m === 'Steps').length).toBe(before + 1)
  })

  it('puts Go\'s refusal next to its field and keeps the dialog open', async () => {
    const refusal = JSON.stringify({ code: 'casestate.days_max', message: '延期天数超过时限方案的上限（30天）', field: 'days' })
    const { w } = setup(() => {
      throw new Error(refusal)
    })
    await flushPromises()
    await w.get('[data-testid="step-extend"]').trigger('click')
    await flushPromises()
    ;(dialog()!.querySelector('[data-testid="step-save"]') as HTMLElement).click()
    await flushPromises()
    const item = dialog()!.querySelector('[data-testid="step-days"]')!.closest('.el-form-item')!
    await vi.waitFor(() => expect(item.querySelector('.el-form-item__error')?.textContent).toContain('延期天数超过时限方案的上限'))
    expect(w.emitted('done')).toBeUndefined()
    expect(dialog()!.querySelector('[data-testid="step-error"]')).toBeNull()
  })

  it('adds the 协办 Go offers: its departments, its date, the revision read', async () => {
    const { w, calls } = setup(() => ({ id: 9 }))
    await flushPromises()
    await w.get('[data-testid="task-协办"]').trigger('click')
    await flushPromises()
    const d = document.querySelector('[data-testid="task-dialog"]') as HTMLElement
    expect(d.textContent).toContain('协办单位')
    ;(d.querySelector('[data-testid="task-unit"]') as HTMLElement).click()
    await flushPromises()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(['司法所', '某村委会'])
    ;(document.querySelectorAll('.el-select-dropdown__item')[1] as HTMLElement).click()
    await flushPromises()
    ;(d.querySelector('[data-testid="task-save"]') as HTMLElement).click()
    await flushPromises()
    const sent = calls.find(([, m]) => m === 'Create')!
    expect(sent[0]).toBe('Tasks')
    expect(sent[2][0]).toMatchObject({ case: 7, type: '协办', unit: 5, due: '2026-05-06', rev: 4 })
    expect(w.emitted('done')).toHaveLength(1)
  })

  it('puts Go\'s refusal of a task next to its department', async () => {
    const refusal = JSON.stringify({ code: 'task.unit_kind', message: '“某村委会”不接受交办', field: 'unit' })
    const { w } = setup(() => {
      throw new Error(refusal)
    })
    await flushPromises()
    await w.get('[data-testid="task-协办"]').trigger('click')
    await flushPromises()
    const d = document.querySelector('[data-testid="task-dialog"]') as HTMLElement
    ;(d.querySelector('[data-testid="task-save"]') as HTMLElement).click()
    await flushPromises()
    const item = d.querySelector('[data-testid="task-unit"]')!.closest('.el-form-item')!
    await vi.waitFor(() => expect(item.querySelector('.el-form-item__error')?.textContent).toContain('不接受交办'))
    expect(w.emitted('done')).toBeUndefined()
  })

  it('shows nothing when Go offers no step', async () => {
    const call = vi.fn(async () => ({ ...structuredClone(steps), steps: [], tasks: [] }))
    setTransport({ name: 'http', call: () => call() })
    const w = mount(StepPanel, {
      props: { caseId: 7 },
      global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
    })
    await flushPromises()
    expect(w.find('[data-testid="step-panel"]').exists()).toBe(false)
  })
})
