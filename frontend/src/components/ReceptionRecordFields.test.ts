import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { RecordInput } from '@/api'
import { createLaifangI18n } from '@/i18n'
import ReceptionRecordFields from './ReceptionRecordFields.vue'
import { blankRecord } from './record'
import { focusNext } from '@/composables/keyboard'

const record: RecordInput = blankRecord({ start: '2026-03-02 09:00', receptionist: 2 })

afterEach(() => {
  document.body.innerHTML = ''
})

function mountFields(props: Record<string, unknown> = {}) {
  return mount(ReceptionRecordFields, {
    props: { modelValue: record, staff: [{ id: 2, name: '测试登记员', role: 'clerk', active: true }], ...props },
    global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
    attachTo: document.body,
  })
}

describe('ReceptionRecordFields', () => {
  it('is a v-model of the whole record: a field changes, the rest stays', async () => {
    const w = mountFields()
    await w.find('textarea[name="record.statement"]').setValue('来访人称拖欠工资。')
    const ev = w.emitted('update:modelValue')!
    const last = ev[ev.length - 1]![0] as RecordInput
    expect(last.statement).toBe('来访人称拖欠工资。')
    expect(last.start).toBe('2026-03-02 09:00')
    expect(last.receptionist).toBe(2)
  })

  it('shows risk notes only to roles that may write them', async () => {
    expect(mountFields().find('[name="record.riskNotes"]').exists()).toBe(false)
    expect(mountFields({ mayRisk: true }).find('[name="record.riskNotes"]').exists()).toBe(true)
  })

  it("shows Go's message by the field it names, with the prefix", async () => {
    const w = mountFields({ errors: { 'record.end': '结束时间不能早于开始时间。' }, prefix: 'record.' })
    await flushPromises()
    const item = w.findAll('.el-form-item').find((i) => i.find('[name="record.end"]').exists())!
    // Element Plus shows the message under an item marked is-error.
    expect(item.classes()).toContain('is-error')
    const start = w.findAll('.el-form-item').find((i) => i.find('[name="record.start"]').exists())!
    expect(start.classes()).not.toContain('is-error')
  })

  it('shows a refused wording beside the explanation it was inserted into', async () => {
    const msg = '口径“测试”未审核通过或不在有效期内，不能引用。'
    const w = mountFields({ errors: { 'record.scripts': msg }, prefix: 'record.' })
    await flushPromises()
    const item = w.findAll('.el-form-item').find((i) => i.find('[name="record.explanations"]').exists())!
    expect(item.classes()).toContain('is-error')
    // The message comes in through Element Plus's transition: on a busy
    // machine a tick after the class.
    await vi.waitFor(() => expect(item.text()).toContain(msg))
  })

  it('asks why only when the petitioner did not confirm', async () => {
    expect(mountFields().find('[name="record.refusal"]').exists()).toBe(true)
    expect(mountFields({ modelValue: { ...record, confirmed: true } }).find('[name="record.refusal"]').exists()).toBe(false)
  })
})

describe('focusNext', () => {
  it('moves to the next visible field in document order', () => {
    document.body.innerHTML =
      '<div id="r"><input name="a"><input name="hidden" type="hidden"><input name="off" disabled><textarea name="b"></textarea></div>'
    const root = document.getElementById('r')!
    // happy-dom has no layout: count every element as visible.
    for (const el of root.querySelectorAll<HTMLElement>('input, textarea')) {
      Object.defineProperty(el, 'offsetWidth', { value: 10 })
    }
    const a = root.querySelector<HTMLElement>('[name="a"]')!
    a.focus()
    expect(focusNext(root, a)).toBe(true)
    expect(document.activeElement?.getAttribute('name')).toBe('b')
    expect(focusNext(root, document.activeElement as HTMLElement)).toBe(false)
  })
})
