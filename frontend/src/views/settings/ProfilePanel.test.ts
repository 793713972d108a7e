import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, setTransport, type AuthState, type ProfileInfo, type ProfileList, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import ProfilePanel from './ProfilePanel.vue'

const limits = [
  { clock: '受理告知', label: '受理告知期限', days: 15, working: false, required: true },
  { clock: '异议', label: '异议期限', days: 5, working: true, required: true },
  { clock: '办理', label: '办理期限', days: 60, working: false, required: true },
]
const national = {
  id: 'national', name: '国家默认（信访工作条例2022）', basis: '《信访工作条例》', unverified: false,
  builtin: true, inUse: true, limits, maxExtension: 30,
} as ProfileInfo
const zhejiang = {
  id: 'zhejiang', name: '浙江省（信访条例2016）', basis: '《浙江省信访条例》', unverified: true,
  builtin: true, inUse: false, limits, maxExtension: 60,
} as ProfileInfo

function list(rev: number): ProfileList {
  return { profiles: [structuredClone(national), structuredClone(zhejiang)], inUse: 'national', rev } as ProfileList
}

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

async function setup(answer: (m: string, args: unknown[]) => Promise<unknown>) {
  const call = vi.fn(async (_s: string, m: string, args: unknown[]) => answer(m, args))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a as unknown[]) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().state = { signedIn: true, perms: ['settings.edit'] } as unknown as AuthState
  const w = mount(ProfilePanel, { global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { w, call }
}

describe('ProfilePanel', () => {
  it('shows which profile is in use and marks the unverified one', async () => {
    const { w } = await setup(async (m) => {
      if (m === 'Profiles') return list(2)
      throw new Error(m)
    })
    const rows = w.findAll('[data-testid="profiles-table"] .el-table__body tr')
    expect(rows[0].text()).toContain('正在使用')
    expect(rows[1].text()).toContain('待核实')
    expect(rows[1].text()).toContain('办理期限 60日')
  })

  it('uses a profile with the revision it read', async () => {
    const { w, call } = await setup(async (m) => {
      if (m === 'Profiles') return list(2)
      if (m === 'UseProfile') return { ...list(3), inUse: '5' }
      throw new Error(m)
    })
    await w.get('[data-testid="profile-use-zhejiang"]').trigger('click')
    await flushPromises()
    expect(call.mock.calls.find((c) => c[1] === 'UseProfile')![2]).toEqual(['zhejiang', 2])
  })

  it('edits a copy of a shipped profile and shows a refused limit at its clock', async () => {
    const { w, call } = await setup(async (m) => {
      if (m === 'Profiles') return list(2)
      if (m === 'SaveProfile') throw new ApiError('deadline.bad_limit', '“办理”的天数应在1到365之间。', 'limits[2].days')
      throw new Error(m)
    })
    await w.get('[data-testid="profile-edit-national"]').trigger('click')
    await flushPromises()
    expect((w.get('input[name="name"]').element as HTMLInputElement).value).toBe('国家默认（信访工作条例2022）（副本）')
    await w.get('input[name="limits[2].days"]').setValue('0')
    await w.get('[data-testid="profile-save"]').trigger('click')
    await flushPromises()
    const [sent, rev] = call.mock.calls.find((c) => c[1] === 'SaveProfile')![2] as [ProfileInfo, number]
    expect(rev).toBe(2)
    expect(sent.id).toBe('national')
    expect(sent.limits[2].days).toBe(0)
    expect(w.get('[data-testid="profile-editor"] .cell-error').text()).toContain('天数应在1到365之间')
  })
})
