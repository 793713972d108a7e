import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { reactive } from 'vue'
import { createLaifangI18n } from '@/i18n'
import { blankPerson } from '@/composables/intakeForm'
import PersonRow from './PersonRow.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const entry = (code: string) => ({ code, label: code, parent: '', active: true, sort: 0 })

function mountRow(props: Record<string, unknown> = {}) {
  const person = reactive(blankPerson(null, '主信访人'))
  const w = mount(PersonRow, {
    props: {
      person,
      index: 0,
      roles: [entry('主信访人'), entry('随访人'), entry('代理人')],
      idTypes: [entry('居民身份证')],
      ...props,
    },
    global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] },
    attachTo: document.body,
  })
  return { w, person: (props.person as typeof person) ?? person }
}

/** The el-form-item holding the input named name. */
function item(w: VueWrapper, name: string) {
  return w.findAll('.el-form-item').find((i) => i.find(`[name="${name}"]`).exists())
}

describe('PersonRow', () => {
  it('marks a field required exactly when Go lists its path', async () => {
    const required = new Set(['people[1].name', 'people[1].idNumber', 'people[1].address'])
    const { w } = mountRow({ index: 1, isRequired: (p: string) => required.has(p) })
    await flushPromises()
    for (const f of ['name', 'idNumber', 'address']) expect(item(w, `people[1].${f}`)!.classes()).toContain('is-required')
    for (const f of ['phone', 'household', 'postcode']) expect(item(w, `people[1].${f}`)!.classes()).not.toContain('is-required')
  })

  it('marks nothing when Go says nothing', async () => {
    const { w } = mountRow()
    await flushPromises()
    expect(w.findAll('.el-form-item.is-required')).toHaveLength(0)
  })

  it("shows Go's message next to the field its path names", async () => {
    const msg = '身份证号校验位不正确。'
    const { w } = mountRow({ index: 2, errors: { 'people[2].idNumber': msg, 'people[0].name': '请填写姓名。' } })
    await flushPromises()
    expect(item(w, 'people[2].idNumber')!.classes()).toContain('is-error')
    await vi.waitFor(() => expect(item(w, 'people[2].idNumber')!.text()).toContain(msg))
    // another row's message is not this row's
    expect(item(w, 'people[2].name')!.classes()).not.toContain('is-error')
  })

  it('asks for the relation where Go requires it (an agent), and not otherwise', async () => {
    const person = reactive(blankPerson(null, '代理人'))
    const { w } = mountRow({ person, index: 1, isRequired: (p: string) => p === 'people[1].relation' })
    await flushPromises()
    expect(item(w, 'people[1].relation')!.classes()).toContain('is-required')
    const { w: w2 } = mountRow({ index: 1 })
    expect(w2.find('[name="people[1].relation"]').exists()).toBe(false)
  })

  it('edits the form\'s person in place and asks Go as the clerk leaves the number', async () => {
    const { w, person } = mountRow()
    const input = w.get('input[name="people[0].idNumber"]')
    await input.setValue('110105197003010000')
    expect(person.idNumber).toBe('110105197003010000')
    await input.trigger('blur')
    expect(w.emitted('check')).toEqual([['people[0].idNumber']])
  })

  it('shows what Go read from the number, and the remove button only after the first row', async () => {
    const { w } = mountRow({ derived: { birth: '1970-03-01', area: '测试市测试区' } })
    expect(w.text()).toContain('1970-03-01')
    expect(w.text()).toContain('测试市测试区')
    expect(w.find('[data-testid="remove-person-0"]').exists()).toBe(false)
    const { w: w2 } = mountRow({ index: 1 })
    await w2.get('[data-testid="remove-person-1"]').trigger('click')
    expect(w2.emitted('remove')).toHaveLength(1)
  })

  it('offers anonymity on the first row only, and an anonymous name cannot be typed', async () => {
    const { w, person } = mountRow()
    expect(w.find('[name="people[0].anonymous"]').exists()).toBe(true)
    person.anonymous = true
    await flushPromises()
    expect(w.get('input[name="people[0].name"]').attributes('disabled')).toBeDefined()
    const { w: w2 } = mountRow({ index: 1 })
    expect(w2.find('[name="people[1].anonymous"]').exists()).toBe(false)
  })

  it("keeps a companion to one line, its details on demand, and opens them where Go has a word", async () => {
    const { w } = mountRow({ index: 2 })
    await flushPromises()
    const more = () => w.get('[data-testid="person-more-2"]').isVisible()
    expect(more()).toBe(false)
    await w.get('[data-testid="person-details-2"]').trigger('click')
    expect(more()).toBe(true)
    await w.get('[data-testid="person-details-2"]').trigger('click')
    expect(more()).toBe(false)
    await w.setProps({ errors: { 'people[2].postcode': '邮政编码应为 6 位数字。' } })
    expect(more()).toBe(true)
  })
})
