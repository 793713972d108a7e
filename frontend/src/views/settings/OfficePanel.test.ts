import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { setTransport, type AuthState, type OfficeSettings, type Transport } from '@/api'
import { useAuthStore } from '@/stores/auth'
import { createLaifangI18n } from '@/i18n'
import OfficePanel from './OfficePanel.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const stored: OfficeSettings = {
  orgName: '某某镇人民政府',
  orgCode: '某镇',
  reviewOrg: '',
  recheckOrg: '',
  letterPhone: '',
  regionCode: '',
  idleMinutes: 15,
  retentionYears: 10,
  groupThreshold: 5,
  maxDelegates: 5,
  warnDays: 3,
  halfTimeAlert: true,
  rev: 2,
}

describe('OfficePanel', () => {
  it('sends the supervision triggers with the rest, as Go gave them and as changed', async () => {
    const call = vi.fn(async (service: string, method: string, args: unknown[]) => {
      if (service === 'Settings' && method === 'Get') return { ...stored }
      if (service === 'Settings' && method === 'Save') return { ...(args[0] as OfficeSettings), rev: 3 }
      // what a save reloads besides: the session and the window's title
      if (service === 'Auth' || service === 'System') return {}
      throw new Error(`unexpected ${service}.${method}`)
    })
    const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
    setTransport(fake)
    const pinia = createPinia()
    setActivePinia(pinia)
    useAuthStore().state = { signedIn: true, perms: ['settings.edit'] } as unknown as AuthState
    const w = mount(OfficePanel, { global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] } })
    await flushPromises()
    expect(w.text()).toContain('到期提醒天数')
    await w.get('[data-testid="office-halftime"]').trigger('click')
    await w.get('[data-testid="office-form"]').trigger('submit')
    await flushPromises()
    expect(call).toHaveBeenCalledWith('Settings', 'Save', [
      expect.objectContaining({ warnDays: 3, halfTimeAlert: false, rev: 2 }),
    ])
  })
})
