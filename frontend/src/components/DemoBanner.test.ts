import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { setTransport, type AuthState } from '@/api'
import { createLaifangApp } from '@/setup'
import zh from '@/langs/zh-CN.json'
import en from '@/langs/en.json'

// The whole window, on Go's answer: AuthState.demo is what `laifang gen`
// leaves in the file; the banner shows what Go said, on every screen.
const signedIn: AuthState = {
  setupNeeded: false,
  signedIn: true,
  locked: false,
  user: { id: 2, login: 'clerk1', name: '登记员甲', role: 'clerk', confidential: false, active: true, unit: 0, rev: 1 },
  perms: ['case.read'],
  idleMinutes: 15,
  officeName: '示范镇人民政府',
  screens: ['home', 'visits', 'cases'],
  demo: false,
}
const info = { version: '1', dataPath: '/d/laifang.db', dataSize: 1, backupDir: '/d/backups', officeName: '示范镇人民政府', userName: '登记员甲' }

let teardown: (() => void) | undefined

async function mount(state: AuthState, locale: 'zh-CN' | 'en' = 'zh-CN', path = '/') {
  window.go = { app: { Auth: { State: async () => ({ ...state }) }, System: { Info: async () => ({ ...info }) } } }
  const host = document.createElement('div')
  document.body.appendChild(host)
  const { app, router, uninstallToast } = createLaifangApp({ history: createMemoryHistory(), locale })
  await router.push(path)
  await router.isReady()
  app.mount(host)
  await flushPromises()
  teardown = () => {
    app.unmount()
    uninstallToast()
    host.remove()
  }
  return { host, router }
}

function banner(host: ParentNode): string | null {
  return host.querySelector('[data-testid="demo-banner"]')?.textContent?.trim() ?? null
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  teardown?.()
  teardown = undefined
  document.body.innerHTML = ''
  delete window.go
  setTransport(null)
})

describe('the demo banner', () => {
  it('says on every screen of a generated office that it is made up, and cannot be closed', async () => {
    const { host, router } = await mount({ ...signedIn, demo: true })
    expect(banner(host)).toBe('演示数据：本单位的全部人员和事项均为虚构，请勿用于实际工作')
    expect(host.querySelector('[data-testid="demo-banner"] .el-alert__close-btn')).toBeNull()
    await router.push('/cases')
    await flushPromises()
    expect(banner(host)).toBe(zh.app.demoBanner)
  })

  it('says it in English too', async () => {
    const { host } = await mount({ ...signedIn, demo: true }, 'en')
    expect(banner(host)).toBe(en.app.demoBanner)
  })

  it('shows on the sign-in page of a generated office', async () => {
    const { host } = await mount({ ...signedIn, signedIn: false, user: undefined, perms: [], screens: [], demo: true })
    expect(host.querySelector('[data-testid="login-form"]')).not.toBeNull()
    expect(banner(host)).toBe(zh.app.demoBanner)
  })

  it('never shows in a real office', async () => {
    const { host } = await mount(signedIn)
    expect(host.querySelector('[data-testid="office-name"]')).not.toBeNull()
    expect(banner(host)).toBeNull()
    teardown?.()
    const login = await mount({ ...signedIn, signedIn: false, user: undefined, perms: [], screens: [] })
    expect(login.host.querySelector('[data-testid="login-form"]')).not.toBeNull()
    expect(banner(login.host)).toBeNull()
  })
})
