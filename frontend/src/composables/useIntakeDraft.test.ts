import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive, ref } from 'vue'
import { setTransport, type Transport } from '@/api'
import { blankForm, type Link } from './intakeForm'
import { useIntakeDraft } from './useIntakeDraft'
import { testOptions } from './intakeOptions.testkit'

const options = testOptions({
  lists: [{ name: 'channel', entries: [{ code: '走访', label: '走访', parent: '', active: true, sort: 0 }] }],
})

afterEach(() => setTransport(null))

/** A fake Go that keeps one draft, as Visits.Draft/SaveDraft do per user. */
function setup(kept = '') {
  const store = { text: kept }
  const call = vi.fn(async (_s: string, m: string, a: unknown[]) => {
    if (m === 'SaveDraft') store.text = a[0] as string
    if (m === 'Draft') return store.text
    return null
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const form = reactive(blankForm(options))
  const link = ref<Link | null>(null)
  const scope = effectScope()
  const draft = scope.run(() =>
    useIntakeDraft({ form, link, blank: () => blankForm(options), clock: () => '2026-03-02 10:15', delay: 10 }),
  )!
  return { form, link, draft, store, call, scope }
}

const settle = () => new Promise((r) => setTimeout(r, 40))

describe('useIntakeDraft', () => {
  it('keeps the typing in Go a moment after it pauses, and says when', async () => {
    const { form, draft, store, scope } = setup()
    await draft.fill(() => undefined)
    form.title = '测试：草稿'
    form.unit = '测试新单位'
    await settle()
    const kept = JSON.parse(store.text)
    expect(kept.form.title).toBe('测试：草稿')
    // the form as typed, not as sent: a unit keeps its name
    expect(kept.form.unit).toBe('测试新单位')
    expect(kept.at).toBe('2026-03-02 10:15')
    expect(draft.savedAt.value).toBe('10:15')
    scope.stop()
  })

  it('does not save while the form is being filled', async () => {
    const { form, draft, call, scope } = setup()
    await draft.fill(() => {
      form.title = '测试'
    })
    await settle()
    expect(call).not.toHaveBeenCalledWith('Visits', 'SaveDraft', expect.anything())
    scope.stop()
  })

  it('brings back the form, its link and its time', async () => {
    const before = setup()
    await before.draft.fill(() => undefined)
    before.form.title = '测试：未写完'
    before.form.people[0]!.name = '测试甲某'
    before.link.value = { mode: 'new', caseId: 4, caseNo: '2026-000004' }
    await settle()
    before.scope.stop()

    const after = setup(before.store.text)
    let restored = false
    await after.draft.fill(async () => {
      restored = await after.draft.restore()
    })
    expect(restored).toBe(true)
    expect(after.form.title).toBe('测试：未写完')
    expect(after.form.people[0]!.name).toBe('测试甲某')
    expect(after.link.value).toEqual({ mode: 'new', caseId: 4, caseNo: '2026-000004' })
    expect(after.draft.restoredAt.value).toBe('2026-03-02 10:15')
    after.scope.stop()
  })

  it('drops an unreadable draft and starts empty', async () => {
    const { form, draft, scope } = setup('{not json')
    expect(await draft.restore()).toBe(false)
    expect(form.title).toBe('')
    expect(draft.restoredAt.value).toBeNull()
    scope.stop()
  })

  it('saves what waits when the screen goes, and discarding empties it in Go', async () => {
    const { form, draft, store, scope } = setup()
    await draft.fill(() => undefined)
    form.title = '测试：离开前'
    await nextTick()
    scope.stop() // leaving the screen flushes the pending save
    await settle()
    expect(JSON.parse(store.text).form.title).toBe('测试：离开前')
    await draft.discard()
    expect(store.text).toBe('')
  })
})
