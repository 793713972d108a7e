import { describe, expect, it } from 'vitest'
import en from './en.json'
import zhCN from './zh-CN.json'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('translations', () => {
  it('give English for every Chinese text and nothing else', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('have no empty text', () => {
    for (const [name, msgs] of Object.entries({ 'zh-CN': zhCN, en })) {
      const flat = keys(msgs).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], msgs))
      expect(flat.filter((v) => typeof v !== 'string' || v.trim() === ''), name).toEqual([])
    }
  })
})
