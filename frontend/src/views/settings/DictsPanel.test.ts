import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, setTransport, type AuthState, type DictList, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import DictsPanel from './DictsPanel.vue'

const stale = '保存未成功：这条记录在您打开之后已被其他人修改。为避免覆盖对方的修改，请重新打开记录，核对后再保存。'

function list(rev: number, label: string): DictList {
  return {
    name: 'channel',
    label: '信访形式',
    editable: true,
    rev,
    entries: [{ code: '走访', label, parent: '', sort: 1, active: true }],
  } as DictList
}

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

async function setup(save: (args: unknown[]) => Promise<unknown>) {
  let stored = list(3, '走访')
  const call = vi.fn(async (_s: string, m: string, args: unknown[]) => {
    if (m === 'List') return [structuredClone(stored)]
    const out = await save(args)
    if (out) stored = out as DictList
    return out
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a as unknown[]) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().state = { signedIn: true, perms: ['settings.edit'] } as unknown as AuthState
  const w = mount(DictsPanel, { global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { w, call, setStored: (l: DictList) => (stored = l) }
}

describe('DictsPanel', () => {
  it('sends back the revision it read', async () => {
    const { w, call } = await setup(async ([l]) => ({ ...(l as DictList), editable: true, rev: 4 }))
    await w.get('[data-testid="dict-save"]').trigger('click')
    await flushPromises()
    const save = call.mock.calls.find((c) => c[1] === 'Save')!
    expect(save[2][1]).toBe(3)
    expect(w.find('[data-testid="dict-error"]').exists()).toBe(false)
  })

  it('shows a refusal over a newer save and reads the list again', async () => {
    const { w, call, setStored } = await setup(async () => {
      throw new ApiError('record.stale', stale)
    })
    setStored(list(4, '来访（走访）')) // someone else saved meanwhile
    await w.get('[data-testid="dict-save"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="dict-error"]').text()).toContain('已被其他人修改')
    await w.get('[data-testid="dict-reload"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="dict-error"]').exists()).toBe(false)
    expect((w.get('input[name="entries[0].label"]').element as HTMLInputElement).value).toBe('来访（走访）')
    expect(call.mock.calls.filter((c) => c[1] === 'List')).toHaveLength(2)
  })
})
