import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { setTransport, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import LettersPanel from './LettersPanel.vue'
import { plainLayout } from '@/components/letter/fixtures'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const tpl = { kind: 'accept', label: '受理告知书', version: 2, body: '{{信访人称呼}}：\n你于{{来访日期}}来访。', builtin: true, updatedBy: '', updatedAt: '' }

function setup(save: (args: unknown[]) => unknown) {
  const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
    if (service === 'Letters' && method === 'Kinds') return [{ kind: 'accept', label: '受理告知书', form: 'letter', to: 'petitioner', needs: 'case' }]
    if (service === 'Letters' && method === 'Placeholders') return [{ name: '诉求摘要', takes: '登记时填写的诉求摘要' }]
    if (service === 'Letters' && method === 'NumberPatterns') return [{ kind: 'accept', label: '受理告知书', pattern: '{code}信受〔{year}〕{n}号', example: '测信受〔2026〕1号' }]
    if (service === 'Letters' && method === 'Layout') return plainLayout
    if (service === 'Letters' && method === 'Template') return tpl
    if (service === 'Letters' && method === 'SaveTemplate') return save(args)
    throw new Error(`unexpected ${service}.${method}`)
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  // An administrator: may edit the templates and the settings.
  const auth = useAuthStore()
  vi.spyOn(auth, 'may').mockReturnValue(true)
  const w = mount(LettersPanel, { attachTo: document.body, global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] } })
  return { w, call }
}

describe('文书模板', () => {
  it('shows the template with its version and the placeholders with what each takes; a click inserts one', async () => {
    const { w } = setup(() => tpl)
    await flushPromises()
    expect(w.get('[data-testid="tpl-version"]').text()).toContain('第2版')
    expect(w.get('[data-testid="tpl-placeholders"]').text()).toContain('登记时填写的诉求摘要')
    const ta = w.get('textarea[data-testid="tpl-body"]')
    expect((ta.element as HTMLTextAreaElement).value).toBe(tpl.body)
    await w.get('[data-testid="tpl-insert-诉求摘要"]').trigger('click')
    expect((ta.element as HTMLTextAreaElement).value).toContain('{{诉求摘要}}')
  })

  it("puts Go's refusal of an unknown placeholder next to the text, and keeps the text", async () => {
    const { w, call } = setup(() => {
      throw { code: 'invalid', message: '第2行的占位符{{来访日}}不在列表中', field: 'body' }
    })
    await flushPromises()
    const ta = w.get('textarea[data-testid="tpl-body"]')
    await ta.setValue('{{信访人称呼}}：\n你于{{来访日}}来访。')
    await w.get('[data-testid="tpl-save"]').trigger('click')
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Letters', 'SaveTemplate', ['accept', '{{信访人称呼}}：\n你于{{来访日}}来访。', 2])
    expect(ta.element.closest('.el-form-item')?.classList).toContain('is-error')
    expect((ta.element as HTMLTextAreaElement).value).toContain('{{来访日}}')
  })
})
