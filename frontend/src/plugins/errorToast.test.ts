import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api'
import { installErrorToast } from '@/plugins/errorToast'

function toasts(): string[] {
  return [...document.querySelectorAll('.el-message--error')].map((el) => el.textContent?.trim() ?? '')
}

let uninstall: (() => void) | undefined

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  uninstall?.()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

describe('installErrorToast', () => {
  it('shows the message of an api error that reaches Vue', async () => {
    const app = createApp({})
    uninstall = installErrorToast(app, () => '意外错误')
    app.config.errorHandler!(new ApiError('not_found', '记录不存在或已被删除。'), null, 'mounted hook')
    await vi.waitFor(() => expect(toasts()).toEqual(['记录不存在或已被删除。']))
  })

  it('shows a generic message, not the detail, for a bug', async () => {
    const app = createApp({})
    uninstall = installErrorToast(app, () => '界面出现意外错误')
    app.config.errorHandler!(new TypeError("Cannot read properties of undefined (reading 'x')"), null, 'render')
    await vi.waitFor(() => expect(toasts()).toEqual(['界面出现意外错误']))
  })

  it('shows an api error from a promise nobody awaited', async () => {
    uninstall = installErrorToast(createApp({}), () => '意外错误')
    const ev = new Event('unhandledrejection', { cancelable: true }) as PromiseRejectionEvent
    Object.defineProperty(ev, 'reason', { value: new ApiError('internal', '系统内部错误，请重试。') })
    window.dispatchEvent(ev)
    expect(ev.defaultPrevented).toBe(true)
    await vi.waitFor(() => expect(toasts()).toEqual(['系统内部错误，请重试。']))
  })

  it('leaves other unhandled rejections to the browser', async () => {
    uninstall = installErrorToast(createApp({}), () => '意外错误')
    const ev = new Event('unhandledrejection', { cancelable: true }) as PromiseRejectionEvent
    Object.defineProperty(ev, 'reason', { value: new Error('x') })
    window.dispatchEvent(ev)
    expect(ev.defaultPrevented).toBe(false)
    await new Promise((r) => setTimeout(r, 50))
    expect(toasts()).toEqual([])
  })
})
