import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElMessage } from 'element-plus'
import { createMemoryHistory } from 'vue-router'
import { setTransport, type AuthState, type SystemInfo, type Transport } from '@/api'
import { createLaifangApp } from '@/setup'

const info: SystemInfo = {
  version: '0.1.0',
  dataPath: '/srv/laifang/laifang.db',
  dataSize: 1572864,
  backupDir: '/srv/laifang/backup',
  officeName: '某某镇人民政府',
  userName: '王五',
  calendarWarning: '',
}

const signedIn: AuthState = {
  setupNeeded: false,
  signedIn: true,
  locked: false,
  user: { id: 1, login: 'wang', name: '王五', role: 'clerk', confidential: false, active: true, unit: 0, rev: 1 },
  perms: ['case.read'],
  idleMinutes: 15,
  officeName: '某某镇人民政府',
  screens: ['home', 'visits', 'cases', 'supervision', 'letters', 'ledger', 'reports', 'settings'],
  demo: false,
}
const State = async () => ({ ...signedIn })

const menu = ['首页', '来访登记', '事项', '督办', '文书', '台账', '统计', '设置']

let teardown: (() => void) | undefined

async function mountShell(path = '/') {
  const host = document.createElement('div')
  document.body.appendChild(host)
  const { app, router, uninstallToast } = createLaifangApp({ history: createMemoryHistory(), locale: 'zh-CN' })
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

function text(el: ParentNode, selector: string): string {
  return el.querySelector(selector)?.textContent?.trim() ?? ''
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  teardown?.()
  teardown = undefined
  ElMessage.closeAll()
  document.body.innerHTML = ''
  delete window.go
  setTransport(null)
})

describe('the shell', () => {
  beforeEach(() => {
    window.go = { app: { Auth: { State }, System: { Info: async () => ({ ...info }) } } }
  })

  it('shows the menu in Chinese, in order', async () => {
    const { host } = await mountShell()
    const items = [...host.querySelectorAll('.el-menu-item')].map((li) => li.textContent?.trim())
    expect(items).toEqual(menu)
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.title).toBe('首页 - 来访接待')
  })

  it('shows the office and the signed-in user in the header', async () => {
    const { host } = await mountShell()
    expect(text(host, '[data-testid="office-name"]')).toBe(info.officeName)
    expect(text(host, '[data-testid="user-name"]')).toBe(info.userName)
  })

  it('shows only the screens Go lets the session open', async () => {
    window.go!.app!.Auth = { State: async () => ({ ...signedIn, screens: ['home', 'cases', 'settings'] }) }
    const { host, router } = await mountShell()
    const items = [...host.querySelectorAll('.el-menu-item')].map((li) => li.textContent?.trim())
    expect(items).toEqual(['首页', '事项', '设置'])
    // Every item is reached with Tab.
    expect([...host.querySelectorAll('.el-menu-item')].map((li) => li.getAttribute('tabindex'))).toEqual(['0', '0', '0'])
    // A screen it may not open goes to 首页.
    await router.push('/visits')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
  })

  it('keeps the data file and the backups off the home screen', async () => {
    const { host } = await mountShell()
    expect(host.querySelector('[data-testid="home-title"]')).not.toBeNull()
    expect(host.textContent).not.toContain(info.dataPath)
    expect(host.textContent).not.toContain(info.backupDir)
  })

  it('shows the system info in the settings', async () => {
    const { host, router } = await mountShell()
    await router.push('/settings')
    const tab = await vi.waitFor(() => {
      const el = [...host.querySelectorAll<HTMLElement>('.el-tabs__item')].find((x) => x.textContent?.trim() === '系统信息')
      expect(el).toBeDefined()
      return el!
    })
    tab.click()
    await vi.waitFor(() => expect(text(host, '[data-testid="info-version"]')).toBe('0.1.0'))
    expect(text(host, '[data-testid="info-data-path"]')).toBe(info.dataPath)
    expect(text(host, '[data-testid="info-data-size"]')).toBe('1.5 MB')
    expect(host.textContent).toContain('1,572,864 字节')
    expect(text(host, '[data-testid="info-backup-dir"]')).toBe(info.backupDir)
  })

  it('a case opened from the list lights the list in the menu', async () => {
    window.go!.app!.Cases = { Get: async () => Promise.reject({ code: 'case.not_found', message: '没有这个事项。' }) }
    const { host, router } = await mountShell()
    await router.push('/cases/5')
    await vi.waitFor(() => expect(host.textContent).toContain('没有这个事项。'))
    expect(host.querySelector('.el-menu-item.is-active')?.textContent?.trim()).toBe('事项')
    expect(host.querySelector('[data-testid="case-back"]')).not.toBeNull()
  })

  it('switches to English and remembers it', async () => {
    const { host } = await mountShell()
    const trigger = host.querySelector<HTMLElement>('.header-right .el-dropdown .el-button')
    expect(trigger?.textContent?.trim()).toBe('简体中文')
    trigger!.click()
    const item = await vi.waitFor(() => {
      const el = [...document.querySelectorAll<HTMLElement>('.el-dropdown-menu__item')].find(
        (li) => li.textContent?.trim() === 'English',
      )
      expect(el).toBeDefined()
      return el!
    })
    item.click()
    await vi.waitFor(() => expect(host.querySelector('.el-menu-item')?.textContent?.trim()).toBe('Home'))
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('laifang.locale')).toBe('en')
    localStorage.removeItem('laifang.locale')
  })
})

describe('errors', () => {
  it('shows the Chinese message of an unhandled api error as a toast', async () => {
    const message = '数据文件正被另一个程序使用（可能已打开了另一个来访接待窗口或服务）。请关闭它后重试。'
    window.go = { app: { Auth: { State }, System: { Info: () => Promise.reject({ code: 'store.locked', message }) } } }
    await mountShell()
    await vi.waitFor(() => {
      const toast = document.querySelector('.el-message--error')
      expect(toast?.textContent).toContain(message)
    })
  })

  it('recovers when retry succeeds', async () => {
    let fail = true
    const fake: Transport = {
      name: 'http',
      call: async (service) => {
        if (service === 'Auth') return { ...signedIn }
        if (fail) throw { code: 'internal', message: '系统内部错误，请重试；如果仍然出错，请联系管理员。' }
        return { ...info }
      },
    }
    setTransport(fake)
    const { host } = await mountShell('/settings')
    const tab = await vi.waitFor(() => {
      const el = [...host.querySelectorAll<HTMLElement>('.el-tabs__item')].find((x) => x.textContent?.trim() === '系统信息')
      expect(el).toBeDefined()
      return el!
    })
    tab.click()
    // The panel says what failed and offers to retry.
    await vi.waitFor(() => expect(host.querySelector('.el-result button')?.textContent?.trim()).toBe('重新读取'))
    expect(host.textContent).toContain('未能读取系统信息')
    fail = false
    ;(host.querySelector('.el-result button') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(text(host, '[data-testid="info-data-path"]')).toBe(info.dataPath))
  })
})

describe('the session', () => {
  it('asks for the first setup on a new data file', async () => {
    window.go = { app: { Auth: { State: async () => ({ ...signedIn, setupNeeded: true, signedIn: false, user: undefined }) } } }
    const { host } = await mountShell()
    expect(host.querySelector('[data-testid="setup-form"]')).not.toBeNull()
    expect(host.querySelector('.el-menu')).toBeNull()
    expect(host.textContent).toContain('首次设置')
  })

  it("shows the login, and Go's Chinese message next to the password", async () => {
    const Login = vi.fn(async () =>
      Promise.reject({ code: 'login.bad', message: '登录名或密码不正确。', field: 'password' }),
    )
    window.go = { app: { Auth: { State: async () => ({ ...signedIn, signedIn: false, user: undefined }), Login } } }
    const { host } = await mountShell()
    expect(host.querySelector('.el-menu')).toBeNull()
    const [login, password] = host.querySelectorAll<HTMLInputElement>('[data-testid="login-form"] input')
    login.value = 'wang'
    login.dispatchEvent(new Event('input'))
    password.value = 'nope'
    password.dispatchEvent(new Event('input'))
    host.querySelector<HTMLFormElement>('[data-testid="login-form"]')!.dispatchEvent(new Event('submit'))
    await vi.waitFor(() => expect(host.querySelector('.el-form-item__error')?.textContent).toContain('登录名或密码不正确'))
    expect(Login).toHaveBeenCalledWith('wang', 'nope')
  })

  it('locks over the shell when Go says the session is locked, keeping what is on screen', async () => {
    let locked = false
    window.go = {
      app: {
        Auth: { State: async () => ({ ...signedIn, locked }) },
        System: {
          Info: async () => {
            if (locked) throw { code: 'auth.locked', message: '因长时间未操作，屏幕已锁定，请输入密码解锁。' }
            return { ...info }
          },
        },
      },
    }
    const { host } = await mountShell()
    const shell = host.querySelector('.el-menu')
    expect(shell).not.toBeNull()
    locked = true
    await import('@/stores/system').then((m) => m.useSystemStore().load().catch(() => undefined))
    await vi.waitFor(() => expect(host.querySelector('[data-testid="lock-screen"]')).not.toBeNull())
    // The shell (and any form in it) is still there under the lock.
    expect(host.querySelector('.el-menu')).toBe(shell)
  })

  it('puts the cursor in 登录名, and a sign-in starts at 首页 whatever screen the page was on', async () => {
    let signed = false
    const Login = vi.fn(async () => {
      signed = true
      return { ...signedIn }
    })
    window.go = {
      app: {
        Auth: { State: async () => (signed ? { ...signedIn } : { ...signedIn, signedIn: false, user: undefined }), Login },
        System: { Info: async () => ({ ...info }) },
      },
    }
    const { host, router } = await mountShell('/settings')
    const login = host.querySelector<HTMLInputElement>('[data-testid="login-form"] input[name="login"]')
    expect(document.activeElement).toBe(login)
    const [l, p] = host.querySelectorAll<HTMLInputElement>('[data-testid="login-form"] input')
    l.value = 'wang'
    l.dispatchEvent(new Event('input'))
    p.value = 'pw'
    p.dispatchEvent(new Event('input'))
    host.querySelector<HTMLFormElement>('[data-testid="login-form"]')!.dispatchEvent(new Event('submit'))
    await vi.waitFor(() => expect(host.querySelector('.el-menu')).not.toBeNull())
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
  })

  it('says who locked the screen and puts the cursor in 密码', async () => {
    window.go = {
      app: { Auth: { State, Lock: async () => undefined }, System: { Info: async () => ({ ...info }) } },
    }
    const { host } = await mountShell()
    host.querySelector<HTMLElement>('[data-testid="lock-now"]')!.click()
    await vi.waitFor(() => expect(host.querySelector('[data-testid="lock-screen"]')).not.toBeNull())
    const hint = text(host, '[data-testid="lock-hint"]')
    expect(hint).toContain('屏幕已锁定')
    expect(hint).not.toContain('长时间未操作')
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('unlock-password'))
  })
})
