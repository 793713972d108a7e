import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { reactive } from 'vue'
import { createLaifangI18n } from '@/i18n'
import { blankForm } from '@/composables/intakeForm'
import DisposalSection from './DisposalSection.vue'
import MatterSection from './MatterSection.vue'
import { testOptions } from '@/composables/intakeOptions.testkit'

afterEach(() => {
  document.body.innerHTML = ''
})

const options = testOptions({
  lists: [{ name: 'not_accepted', entries: [{ code: '测试理由', label: '测试理由', parent: '', active: true, sort: 0 }] }],
  disposals: [
    { action: 'accept', label: '受理', needs: [], letter: '' },
    { action: 'refuse', label: '不予受理', needs: ['reason'], letter: '' },
    { action: 'assign', label: '交办', needs: ['unit', 'due'], letter: '' },
  ],
})

const global = { plugins: [createLaifangI18n('zh-CN'), ElementPlus] }
const item = (w: VueWrapper, name: string) => w.findAll('.el-form-item').find((i) => i.find(`[name="${name}"]`).exists())

describe('DisposalSection', () => {
  it("asks for what the chosen disposal needs, as Go's list of disposals says", async () => {
    const form = reactive(blankForm(options))
    const w = mount(DisposalSection, { props: { form, options }, global, attachTo: document.body })
    expect(w.find('[name="reason"]').exists()).toBe(false)
    form.disposal = 'refuse'
    await flushPromises()
    expect(w.find('[name="reason"]').exists()).toBe(true)
    form.disposal = 'assign'
    await flushPromises()
    expect(w.find('[name="reason"]').exists()).toBe(false)
    expect(w.find('[name="unit"]').exists()).toBe(true)
    expect(w.find('[name="due"]').exists()).toBe(true)
  })

  it('offers for a 交办 only the departments Go says receive one', async () => {
    const withUnits = testOptions({
      disposals: [
        { action: 'transfer', label: '转送', needs: ['unit'], letter: '', task: '转送', newUnit: true },
        { action: 'assign', label: '交办', needs: ['unit', 'due'], letter: '', task: '交办', newUnit: false },
      ],
      units: [
        { id: 1, name: '劳动保障所', kind: 'internal', receives: ['转送', '交办', '协办'] },
        { id: 2, name: '某村委会', kind: 'subordinate', receives: ['转送', '协办'] },
      ],
    })
    const form = reactive(blankForm(withUnits))
    const w = mount(DisposalSection, { props: { form, options: withUnits }, global, attachTo: document.body })
    const offered = async (action: string, typed = '') => {
      form.disposal = action
      await flushPromises()
      ;(w.find('[name="unit"]').element as HTMLElement).click()
      await flushPromises()
      if (typed) {
        await w.find('[name="unit"]').setValue(typed)
        await flushPromises()
      }
      const select = w.find('[name="unit"]').element.closest('.el-select')!
      const popper = document.getElementById(select.querySelector('[aria-controls]')!.getAttribute('aria-controls')!)!
      return [...popper.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    }
    expect(await offered('transfer')).toEqual(['劳动保障所', '某村委会'])
    expect(await offered('assign')).toEqual(['劳动保障所'])
    // a body not on file may be typed for a 转送, not for a 交办 (Go's newUnit)
    expect(await offered('transfer', '县信访局')).toContain('县信访局')
    expect(await offered('assign', '县信访局')).not.toContain('县信访局')
  })

  it("marks required what Go lists, and shows a field Go has a word about even when not asked", async () => {
    const form = reactive(blankForm(options))
    form.disposal = 'assign'
    const w = mount(DisposalSection, {
      props: { form, options, isRequired: (p: string) => p === 'unit' || p === 'disposal', errors: { body: '请填写转送机关。' } },
      global,
      attachTo: document.body,
    })
    await flushPromises()
    expect(item(w, 'unit')!.classes()).toContain('is-required')
    expect(item(w, 'due')!.classes()).not.toContain('is-required')
    expect(item(w, 'disposal')!.classes()).toContain('is-required')
    expect(item(w, 'body')!.classes()).toContain('is-error')
  })
})

describe('MatterSection', () => {
  it('marks facts, region and accused only when Go requires them', async () => {
    const form = reactive(blankForm(options))
    const required = new Set(['title'])
    const w = mount(MatterSection, {
      props: { form, options, isRequired: (p: string) => required.has(p) },
      global,
      attachTo: document.body,
    })
    await flushPromises()
    expect(item(w, 'title')!.classes()).toContain('is-required')
    for (const f of ['facts', 'region', 'accused']) expect(item(w, f)!.classes()).not.toContain('is-required')
    // Go answers for a report: the marks follow
    required.add('facts').add('region').add('accused')
    await w.setProps({ isRequired: (p: string) => required.has(p) })
    for (const f of ['facts', 'region', 'accused']) expect(item(w, f)!.classes()).toContain('is-required')
  })

  it('offers declassifying only to who may', async () => {
    const form = reactive(blankForm(options))
    const w = mount(MatterSection, { props: { form, options }, global, attachTo: document.body })
    expect(w.find('[name="notConfidential"]').exists()).toBe(false)
    await w.setProps({ mayDeclassify: true })
    expect(w.find('[name="notConfidential"]').exists()).toBe(true)
  })
})
