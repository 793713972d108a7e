import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, setTransport, type AuthState, type ImportFile, type ImportReport, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import ImportPanel from './ImportPanel.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const fileInfo = {
  received: 12,
  complete: true,
  name: '台账.xlsx',
  sheet: 'Sheet1',
  rows: 2,
  columns: [
    { index: 0, letter: 'A', header: '来访人', field: 'name', samples: ['王秀英'] },
    { index: 1, letter: 'B', header: '备注', field: '', samples: ['无'] },
  ],
  fields: [
    { field: 'name', label: '姓名', required: true },
    { field: 'date', label: '来访日期', required: true },
  ],
} as unknown as ImportFile

const report = {
  file: '台账.xlsx',
  rows: 2,
  ready: 1,
  existing: 0,
  repeated: 0,
  refused: 1,
  problems: [{ row: 3, column: '身份证号码', field: 'idNumber', message: '身份证号码被表格软件转成了数字，末几位已丢失。', warning: false }],
  more: 0,
  unknown: [],
  units: [],
} as unknown as ImportReport

async function setup(answer: (m: string, args: unknown[]) => Promise<unknown>) {
  const call = vi.fn(async (_s: string, m: string, args: unknown[]) => answer(m, args))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a as unknown[]) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().state = { signedIn: true, perms: ['case.write'] } as unknown as AuthState
  const w = mount(ImportPanel, { global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { w, call }
}

async function choose(w: Awaited<ReturnType<typeof setup>>['w'], name: string, content: string) {
  const input = w.get('[data-testid="import-file"]').element as HTMLInputElement
  const f = new File([content], name)
  Object.defineProperty(input, 'files', { value: [f], configurable: true })
  await w.get('[data-testid="import-file"]').trigger('change')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

describe('ImportPanel', () => {
  it('uploads the file, sends the mapping Go offered and shows the rows Go refused', async () => {
    const { w, call } = await setup(async (m) => {
      if (m === 'Upload') return fileInfo
      if (m === 'Check') return report
      throw new Error(`unexpected ${m}`)
    })
    await choose(w, '台账.xlsx', 'PK-some-bytes')
    const up = call.mock.calls.find((c) => c[1] === 'Upload')!
    const piece = up[2][0] as { name: string; offset: number; data: string; size: number }
    expect(piece.name).toBe('台账.xlsx')
    expect(piece.offset).toBe(0)
    expect(atob(piece.data)).toBe('PK-some-bytes')
    expect(w.get('[data-testid="import-columns"]').text()).toContain('来访人')
    await w.get('[data-testid="import-check"]').trigger('click')
    await flushPromises()
    const chk = call.mock.calls.find((c) => c[1] === 'Check')!
    expect(chk[2][0]).toEqual({ columns: ['name', ''], values: {} })
    expect(w.get('[data-testid="import-problems"]').text()).toContain('转成了数字')
    expect(w.get('[data-testid="import-run"]').text()).toContain('1')
  })

  it("shows Go's refusal of an old Excel file", async () => {
    const { w } = await setup(async (m) => {
      if (m === 'Upload') throw new ApiError('import.file', '这是旧版 Excel（.xls）……另存为 Excel 工作簿（.xlsx）后再导入。', 'file')
      throw new Error(`unexpected ${m}`)
    })
    await choose(w, '台账.xls', 'x')
    expect(w.get('[data-testid="import-error"]').text()).toContain('另存为')
    expect(w.find('[data-testid="import-columns"]').exists()).toBe(false)
  })
})
