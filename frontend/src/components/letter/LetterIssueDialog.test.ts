import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setTransport, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import LetterIssueDialog from './LetterIssueDialog.vue'
import { acceptLetter, plainLayout, previewLetter } from './fixtures'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const kinds = [
  { kind: 'accept', label: '受理告知书', form: 'letter', to: 'petitioner', needs: 'case' },
  { kind: 'assign', label: '交办单', form: 'slip', to: 'department', needs: 'task' },
]

function setup(preview: unknown, issue: (args: unknown[]) => unknown = () => acceptLetter) {
  const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
    if (service !== 'Letters') throw new Error(`unexpected ${service}.${method}`)
    if (method === 'Kinds') return kinds
    if (method === 'Layout') return plainLayout
    if (method === 'Preview') return preview
    if (method === 'Issue') return issue(args)
    if (method === 'Printed') return null
    throw new Error(`unexpected ${service}.${method}`)
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'case', component: { template: '<div />' } },
      { path: '/print/letters/:ids', name: 'print-letters', component: { template: '<div />' } },
    ],
  })
  const w = mount(LetterIssueDialog, {
    attachTo: document.body,
    props: { modelValue: true, caseId: 3 },
    global: { plugins: [createPinia(), createLaifangI18n('zh-CN'), ElementPlus, router] },
  })
  return { w, call, router }
}

const q = <T extends Element = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)

describe('出具文书', () => {
  it("offers the case's letters, names what is missing and what it takes, and will not issue until it is filled", async () => {
    const { call } = setup(previewLetter)
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Letters', 'Preview', [{ case: 3, task: 0, kind: 'accept', template: 0, body: '' }])
    const missing = q('letter-missing')!.textContent!
    expect(missing).toContain('{{诉求摘要}}')
    expect(missing).toContain('登记时填写的诉求摘要')
    expect(q<HTMLButtonElement>('letter-issue-now')!.disabled).toBe(true)
    // The preview is the letter itself, its number greyed as the pattern would make it.
    expect(q('letter-preview')!.textContent).toContain('测信受〔2026〕 号')
    expect(call).not.toHaveBeenCalledWith('Letters', 'Issue', expect.anything())
  })

  it('issues a complete letter and then prints it or saves its .docx', async () => {
    const complete = { ...previewLetter, missing: [] }
    const { call, router } = setup(complete)
    await flushPromises()
    const issue = q<HTMLButtonElement>('letter-issue-now')!
    expect(issue.disabled).toBe(false)
    issue.click()
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Letters', 'Issue', [{ case: 3, task: 0, kind: 'accept', template: 0, body: '' }])
    expect(q('letter-issued')!.textContent).toContain('测信受〔2026〕12号')
    q<HTMLButtonElement>('letter-print')!.click()
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/print/letters/12')
  })

  it("shows Go's refusal and what it says is missing", async () => {
    let n = 0
    const { call } = setup({ ...previewLetter, missing: [] }, () => {
      throw { code: 'letter.missing', message: '还缺：诉求摘要' }
    })
    await flushPromises()
    call.mockImplementation(async (_s: string, method: string) => {
      if (method === 'Issue') throw { code: 'letter.missing', message: '还缺：诉求摘要' }
      if (method === 'Preview') return (n++, previewLetter)
      return null
    })
    q<HTMLButtonElement>('letter-issue-now')!.click()
    await flushPromises()
    expect(q('letter-error')!.textContent).toContain('还缺：诉求摘要')
    expect(q('letter-missing')!.textContent).toContain('{{诉求摘要}}')
    expect(n).toBe(1)
  })
})
