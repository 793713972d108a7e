import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { setTransport, type RepeatPanelData, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import RepeatPanel from './RepeatPanel.vue'

const reply = '<img src=x onerror="window.__xss=1">经核实，已责成公司于3月31日前结清工资。'
const panel = {
  people: [{ id: 1, name: '王建国', idNumber: '110101********1235', phones: ['138****5678'], masked: true }],
  cases: [
    { id: 9, no: '2026-000009', received: '2026-03-01', title: '拖欠工资', type: '申诉求决', status: 'CLOSED',
      statusLabel: '已办结', disposal: '受理', outcome: '予以支持', reply, replyDate: '2026-03-20', replySource: 'case',
      replyLetter: '', visits: 2, petitioner: '王建国', confidential: false, byPerson: true, personMatch: 'self', bySimilar: false, preselect: true, scripts: [] },
    { id: 4, no: '2026-000004', received: '2026-02-01', title: '工资纠纷', type: '申诉求决', status: 'REGISTERED',
      statusLabel: '已登记', disposal: '', outcome: '', reply: '', replyDate: '', replySource: '', replyLetter: '',
      visits: 1, petitioner: '（保密）', confidential: true, byPerson: false, personMatch: '', bySimilar: true, preselect: false, scripts: [] },
  ],
  terms: ['拖欠', '工资'],
} as unknown as RepeatPanelData

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

function setup() {
  const call = vi.fn(async (..._args: unknown[]) => structuredClone(panel))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const w = mount(RepeatPanel, {
    props: { idNumber: '', name: '', text: '', debounce: 10 },
    global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
    attachTo: document.body,
  })
  return { w, call }
}

async function settle() {
  await new Promise((r) => setTimeout(r, 30))
  await flushPromises()
}

describe('RepeatPanel', () => {
  it('asks Go once typing pauses, and shows the last reply as text', async () => {
    const { w, call } = setup()
    await settle()
    expect(call).not.toHaveBeenCalled() // nothing typed yet
    await w.setProps({ name: '王' })
    await w.setProps({ name: '王建' })
    await w.setProps({ name: '王建国', text: '拖欠工资' })
    await settle()
    expect(call).toHaveBeenCalledTimes(1)
    expect(call.mock.calls[0]![0]).toBe('Repeat')
    expect(call.mock.calls[0]![1]).toBe('Panel')
    const q = (call.mock.calls[0] as unknown as [string, string, [Record<string, unknown>]])[2][0]
    expect(q).toMatchObject({ name: '王建国', text: '拖欠工资' })
    expect(w.get('[data-testid="repeat-reply"]').text()).toBe(reply)
    expect(document.querySelector('img[src="x"]')).toBeNull()
    expect(w.findAll('[data-testid="repeat-case"]')).toHaveLength(2)
    expect(w.text()).toContain('Alt+L')
  })

  it('moves with Alt+arrows and links with Alt+L and Alt+O, leaving the focus in the form', async () => {
    const { w } = setup()
    const input = document.createElement('input')
    document.body.appendChild(input)
    input.focus()
    await w.setProps({ idNumber: '110101199003071235' })
    await settle()
    const key = (init: KeyboardEventInit) => input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
    key({ key: 'l', code: 'KeyL', altKey: true })
    expect(w.emitted('link-repeat')).toEqual([[9, '2026-000009']])
    key({ key: 'ArrowDown', altKey: true })
    await flushPromises()
    key({ key: 'o', code: 'KeyO', altKey: true })
    expect(w.emitted('new-linked')).toEqual([[4, '2026-000004']])
    // a plain arrow key is the form's own
    const plain = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true })
    input.dispatchEvent(plain)
    expect(plain.defaultPrevented).toBe(false)
    expect(document.activeElement).toBe(input)
    await w.get('[data-testid="repeat-link"]').trigger('click')
    expect(w.emitted('link-repeat')).toEqual([[9, '2026-000009'], [4, '2026-000004']])
  })

  it('selects nothing Go does not call a strong match: Alt+L links nothing until the clerk chooses', async () => {
    const weak = structuredClone(panel)
    for (const c of weak.cases) c.preselect = false
    weak.cases[0]!.personMatch = 'name'
    const call = vi.fn(async (..._args: unknown[]) => structuredClone(weak))
    setTransport({ name: 'http', call: (s, m, a) => call(s, m, a) })
    const w = mount(RepeatPanel, {
      props: { name: '', debounce: 10 },
      global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
      attachTo: document.body,
    })
    await w.setProps({ name: '王建' })
    await settle()
    expect(w.findAll('[aria-selected="true"]')).toHaveLength(0)
    expect(w.get('[data-testid="repeat-person-match"]').text()).toBe('姓名相近')
    expect(w.text()).not.toContain('本人')
    const key = (init: KeyboardEventInit) => window.dispatchEvent(new KeyboardEvent('keydown', { cancelable: true, ...init }))
    key({ key: 'l', code: 'KeyL', altKey: true })
    expect(w.emitted('link-repeat')).toBeUndefined()
    key({ key: 'ArrowDown', altKey: true })
    await flushPromises()
    key({ key: 'l', code: 'KeyL', altKey: true })
    expect(w.emitted('link-repeat')).toEqual([[9, '2026-000009']])
  })
})
