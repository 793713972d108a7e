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

  it('shows nothing when Go offers no step', async () => {
    const call = vi.fn(async () => ({ ...structuredClone(steps), steps: [] }))
    setTransport({ name: 'http', call: () => call() })
    const w = mount(StepPanel, {
      props: { caseId: 7 },
      global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
    })
    await flushPromises()
    expect(w.find('[data-testid="step-panel"]').exists()).toBe(false)
  })
})
