import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError, setTransport, type AuthState, type Transport, type UnitList, type UnitView } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import UnitsPanel from './UnitsPanel.vue'

const kinds = [
  { code: 'internal', label: '本单位内设' },
  { code: 'legal', label: '政法' },
]

function unit(id: number, name: string, inUse: boolean): UnitView {
  return { id, name, kind: 'internal', kindLabel: '本单位内设', contact: '', phone: '', assignable: true, active: true, inUse, rev: 1 }
}

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

async function setup(answer: (method: string, args: unknown[]) => Promise<unknown>, perms = ['settings.edit']) {
  const list: UnitList = { units: [unit(1, '城建办', true), unit(2, '备用办', false)], kinds }
  const call = vi.fn(async (_s: string, m: string, args: unknown[]) => (m === 'List' ? structuredClone(list) : answer(m, args)))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a as unknown[]) }
  setTransport(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().state = { signedIn: true, perms } as unknown as AuthState
  const w = mount(UnitsPanel, { global: { plugins: [pinia, createLaifangI18n('zh-CN'), ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { w, call }
}

describe('UnitsPanel', () => {
  it('lists the departments and offers delete only for one nothing was sent to', async () => {
    const { w } = await setup(async () => null)
    expect(w.get('[data-testid="units-table"]').text()).toContain('城建办')
    expect(w.find('[data-testid="unit-delete-1"]').exists()).toBe(false)
    expect(w.find('[data-testid="unit-delete-2"]').exists()).toBe(true)
    expect(w.find('[data-testid="unit-off-1"]').exists()).toBe(true)
  })

  it("shows Go's refusal next to the field it names and keeps the dialog open", async () => {
    const { w, call } = await setup(async () => {
      throw new ApiError('invalid', '已有同名的单位「城建办」。', 'name', [
        { field: 'name', code: 'unit.nameTaken', message: '已有同名的单位「城建办」。' },
      ])
    })
    await w.get('[data-testid="unit-add"]').trigger('click')
    await flushPromises()
    await w.get('input[name="name"]').setValue('城建办')
    await w.get('[data-testid="unit-save"]').trigger('click')
    await flushPromises()
    const save = call.mock.calls.find((c) => c[1] === 'Save')!
    expect((save[2][0] as { name: string }).name).toBe('城建办')
    const item = w.get('input[name="name"]').element.closest('.el-form-item')!
    await vi.waitFor(() => expect(item.querySelector('.el-form-item__error')?.textContent).toContain('已有同名的单位'))
    expect(w.get('[data-testid="unit-dialog"]').isVisible()).toBe(true)
  })

  it('sends back the revision it read and offers to read again over a newer save', async () => {
    const { w, call } = await setup(async () => {
      throw new ApiError('record.stale', '保存未成功：这条记录在您打开之后已被其他人修改。')
    })
    await w.get('[data-testid="unit-edit-1"]').trigger('click')
    await flushPromises()
    await w.get('[data-testid="unit-save"]').trigger('click')
    await flushPromises()
    const save = call.mock.calls.find((c) => c[1] === 'Save')!
    expect((save[2][0] as { rev: number; id: number }).rev).toBe(1)
    expect(w.get('[data-testid="unit-error"]').text()).toContain('已被其他人修改')
    await w.get('[data-testid="unit-reload"]').trigger('click')
    await flushPromises()
    expect(call.mock.calls.filter((c) => c[1] === 'List')).toHaveLength(2)
  })

  it('offers no editing without the settings permission', async () => {
    const { w } = await setup(async () => null, [])
    expect(w.find('[data-testid="unit-add"]').exists()).toBe(false)
    expect(w.find('[data-testid="unit-edit-1"]').exists()).toBe(false)
  })
})
