import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { setTransport, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { createLaifangRouter } from '@/router'
import { DUE_NOTICE_EVERY, useDueNotice } from './dueNotice'

const due = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ caseId: i + 1, caseNo: `2026-00000${i + 1}`, clock: '办理期限', daysLeft: 0 }))

let answers: number[] = []
let call: ReturnType<typeof vi.fn<(...args: unknown[]) => Promise<unknown>>>

beforeEach(() => {
  vi.useFakeTimers()
  call = vi.fn(async (..._args: unknown[]) => {
    const n = answers.shift() ?? 0
    // Go lists the first 20 and counts them all
    return { groups: [], units: [], dueToday: due(Math.min(n, 20)), dueTodayTotal: n }
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
})

afterEach(() => {
  vi.useRealTimers()
  setTransport(null)
  document.body.innerHTML = ''
})

function setup(on: boolean) {
  const active = ref(on)
  const Host = defineComponent({
    setup() {
      useDueNotice(active)
      return () => h('div')
    },
  })
  const w = mount(Host, {
    global: { plugins: [createPinia(), createLaifangRouter(createMemoryHistory()), createLaifangI18n('zh-CN')] },
    attachTo: document.body,
  })
  return { w, active }
}

const notices = () => [...document.querySelectorAll('.due-notice')].map((n) => n.textContent ?? '')

describe('the notice of what falls due today', () => {
  it('comes at start and every hour while active, and stops when not', async () => {
    answers = [2, 0, 27]
    const { w, active } = setup(true)
    await flushPromises()
    expect(call).toHaveBeenCalledTimes(1)
    expect(call.mock.calls[0]!.slice(0, 2)).toEqual(['Home', 'Queue'])
    expect(notices()).toHaveLength(1)
    expect(notices()[0]).toContain('今日到期 2 项')
    expect(notices()[0]).toContain('2026-000001 办理期限')

    await vi.advanceTimersByTimeAsync(DUE_NOTICE_EVERY - 1000)
    expect(call).toHaveBeenCalledTimes(1) // not before the hour
    await vi.advanceTimersByTimeAsync(1000)
    expect(call).toHaveBeenCalledTimes(2)
    expect(notices()).toHaveLength(1) // nothing due at that hour: no new notice

    await vi.advanceTimersByTimeAsync(DUE_NOTICE_EVERY)
    expect(call).toHaveBeenCalledTimes(3)
    expect(notices()).toHaveLength(2)
    expect(notices()[1]).toContain('今日到期 27 项')
    expect(notices()[1]).toContain('另有 22 项')

    active.value = false // locked or signed out
    await nextTick()
    await vi.advanceTimersByTimeAsync(3 * DUE_NOTICE_EVERY)
    expect(call).toHaveBeenCalledTimes(3)
    w.unmount()
  })

  it('asks nothing while inactive', async () => {
    setup(false)
    await vi.advanceTimersByTimeAsync(2 * DUE_NOTICE_EVERY)
    expect(call).not.toHaveBeenCalled()
  })
})
