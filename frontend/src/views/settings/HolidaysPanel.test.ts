import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, setTransport, type AuthState, type HolidayImport, type HolidayYear, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import HolidaysPanel from './HolidaysPanel.vue'

function year(y: number, rev: number, days: HolidayYear['days']): HolidayYear {
  return { year: y, covered: days.length > 0, days, years: [2026], offer: [2026, 2027], rev } as HolidayYear
}

const may1 = { date: '2026-05-01', kind: 'rest', note: '劳动节', weekday: '星期五' }

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

async function setup(answer: (m: string, args: unknown[]) => Promise<unknown>, perms = ['settings.edit']) {
  const call = vi.fn(async (_s: string, m: string, args: unknown[]) => answer(m, args))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a as unknown[]) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().state = { signedIn: true, perms } as unknown as AuthState
  const w = mount(HolidaysPanel, { global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { w, call }
}

describe('HolidaysPanel', () => {
  it('saves the year with the revision it read and shows a refusal at its row', async () => {
    const { w, call } = await setup(async (m, args) => {
      if (m === 'Holidays') return year(2026, 7, [may1])
      if (m === 'SaveHolidays') {
        throw new ApiError('invalid', '登记表有 1 处需要更正', undefined, [
          { field: 'days[1].kind', code: 'deadline.work_weekday', message: '2026-05-06 是星期三，本来就是工作日；调休上班只能是周六或周日。' },
        ])
      }
      throw new Error(`unexpected ${m} ${JSON.stringify(args)}`)
    })
    expect((w.get('input[name="days[0].note"]').element as HTMLInputElement).value).toBe('劳动节')
    expect(w.text()).toContain('星期五')
    await w.get('[data-testid="holidays-add"]').trigger('click')
    await w.get('input[name="days[1].date"]').setValue('2026-05-06')
    await w.get('[data-testid="holidays-save"]').trigger('click')
    await flushPromises()
    const save = call.mock.calls.find((c) => c[1] === 'SaveHolidays')!
    const sent = save[2][0] as HolidayYear
    expect(sent.year).toBe(2026)
    expect(sent.rev).toBe(7)
    expect(sent.days.map((d) => d.date)).toEqual(['2026-05-01', '2026-05-06'])
    expect(w.get('.cell-error').text()).toContain('调休上班只能是周六或周日')
  })

  it('says when a year is not entered', async () => {
    const { w } = await setup(async (m) => {
      if (m === 'Holidays') return year(2027, 1, [])
      throw new Error(m)
    })
    expect(w.get('[data-testid="holidays-uncovered"]').text()).toContain('2027年的节假日尚未录入')
  })

  it('shows a file as Go read it, bad lines by number, and saves it only when asked', async () => {
    const read: HolidayImport = {
      year: 2027,
      days: [{ date: '2027-01-01', kind: 'rest', note: '元旦', weekday: '星期五' }],
      errors: [{ line: 3, message: '第 3 行：日期“2027-02-30”无法识别，应写成 2026-05-01 这样的年-月-日' }],
    }
    const { w, call } = await setup(async (m, args) => {
      if (m === 'Holidays') return year(args[0] === 2027 ? 2027 : 2026, 4, args[0] === 2027 ? [] : [may1])
      if (m === 'ImportHolidays') return read
      if (m === 'SaveHolidays') return { ...(args[0] as HolidayYear), covered: true, rev: 5 }
      throw new Error(m)
    })
    const input = w.get('[data-testid="holidays-file"]')
    const file = new File(['2027-01-01\t休\t元旦\n'], 'h.txt', { type: 'text/plain' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await flushPromises()
    expect(call.mock.calls.find((c) => c[1] === 'ImportHolidays')![2][0]).toBe('2027-01-01\t休\t元旦\n')
    expect(w.get('[data-testid="holidays-line-errors"]').text()).toContain('第 3 行')
    expect(call.mock.calls.some((c) => c[1] === 'SaveHolidays')).toBe(false)
    await w.get('[data-testid="holidays-use-file"]').trigger('click')
    await flushPromises()
    expect((w.get('input[name="days[0].date"]').element as HTMLInputElement).value).toBe('2027-01-01')
    expect(call.mock.calls.some((c) => c[1] === 'SaveHolidays')).toBe(false)
    await w.get('[data-testid="holidays-save"]').trigger('click')
    await flushPromises()
    const sent = call.mock.calls.find((c) => c[1] === 'SaveHolidays')![2][0] as HolidayYear
    expect(sent.year).toBe(2027)
    expect(sent.days).toHaveLength(1)
  })

  it('exports the year Go writes, to download or copy', async () => {
    const text = '# 2026年节假日安排（来访接待）\r\n2026-05-01\t休\t劳动节\r\n'
    const { w, call } = await setup(async (m) => {
      if (m === 'Holidays') return year(2026, 1, [may1])
      if (m === 'ExportHolidays') return text
      throw new Error(m)
    })
    await w.get('[data-testid="holidays-export"]').trigger('click')
    await flushPromises()
    expect(call.mock.calls.find((c) => c[1] === 'ExportHolidays')![2]).toEqual([2026])
    const shown = document.querySelector<HTMLTextAreaElement>('textarea[data-testid="holidays-exported"]')!
    expect(shown.value).toBe(text)
    expect(document.body.textContent).toContain('laifang-节假日-2026.txt')
  })

  it('is read-only without settings.edit', async () => {
    const { w } = await setup(async (m) => {
      if (m === 'Holidays') return year(2026, 1, [may1])
      throw new Error(m)
    }, [])
    expect(w.find('[data-testid="holidays-save"]').exists()).toBe(false)
    expect(w.find('input[name="days[0].note"]').exists()).toBe(false)
    expect(w.text()).toContain('劳动节')
  })
})
