import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { CODE_STALE } from '@/api'
import { createLaifangI18n } from '@/i18n'
import { useFieldErrors } from './fieldErrors'
import { useSaving } from './saving'

// The composable as a panel's setup uses it.
function setup() {
  let out!: ReturnType<typeof useSaving> & ReturnType<typeof useFieldErrors>
  const app = createApp({
    setup() {
      const fe = useFieldErrors()
      out = { ...fe, ...useSaving(fe.take) }
      return () => null
    },
  })
  app.use(createLaifangI18n('zh-CN'))
  app.mount(document.createElement('div'))
  return out
}

const refusal = (o: object) => new Error(JSON.stringify(o))

describe('useSaving', () => {
  it('puts a refusal by its field, or above the form; a newer save offers reading again', async () => {
    const s = setup()
    let err = await s.run(async () => {
      throw refusal({ code: 'unit.name', message: '名称已存在', field: 'name' })
    })
    expect(err?.message).toBe('名称已存在')
    expect(s.errors.name).toBe('名称已存在')
    expect(s.general.value).toBe('')
    err = await s.run(async () => {
      throw refusal({ code: CODE_STALE, message: '已被他人修改，请重新读取。' })
    })
    expect(s.general.value).toBe('已被他人修改，请重新读取。')
    expect(s.stale.value).toBe(true)
    expect(s.busy.value).toBe(false)
    expect(await s.run(async () => undefined)).toBeNull()
    expect(s.general.value).toBe('')
  })

  it('does nothing while a save runs', async () => {
    const s = setup()
    let calls = 0
    let release!: () => void
    const first = s.run(() => new Promise<void>((r) => ((release = r), calls++)))
    expect(s.busy.value).toBe(true)
    await s.run(async () => void calls++)
    release()
    await first
    expect(calls).toBe(1)
  })

  it("tells how many open cases' due dates a save moved, as Go counted", () => {
    const s = setup()
    expect(s.recountNote('已保存', 0)).toBe('已保存')
    expect(s.recountNote('已保存', 12)).toContain('12')
  })
})
