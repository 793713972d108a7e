import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { ApiError } from '@/api'
import { useFieldErrors, valueAt } from './fieldErrors'

describe('field errors', () => {
  it('find the value a Go field path names', () => {
    const form = { people: [{ name: '甲' }, { idNumber: '1' }], record: { start: '09:00' } }
    expect(valueAt(form, 'people[1].idNumber')).toBe('1')
    expect(valueAt(form, 'record.start')).toBe('09:00')
    expect(valueAt(form, 'entries[3].code')).toBeUndefined()
  })

  it('go from a field once the clerk changes it, and only from that one', async () => {
    const form = reactive({ title: '', people: [{ idNumber: '123' }] })
    const { errors, take } = useFieldErrors(() => form)
    const refused = new ApiError('invalid', '登记表有 2 处需要更正', 'title', [
      { field: 'title', code: 'intake.required', message: '请填写标题（事由）。' },
      { field: 'people[0].idNumber', code: 'idcard.checksum', message: '身份证号校验位不正确' },
    ])
    expect(take(refused)).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['people[0].idNumber', 'title'])
    form.title = '拖欠工资'
    await nextTick()
    expect(errors.title).toBeUndefined()
    expect(errors['people[0].idNumber']).toBe('身份证号校验位不正确')
    form.people[0]!.idNumber = '1234'
    await nextTick()
    expect(Object.keys(errors)).toEqual([])
  })

  it('keep an error without a field for the form to show above it', () => {
    const { errors, take } = useFieldErrors()
    const stale = take(new ApiError('record.stale', '保存未成功'))
    expect(stale?.message).toBe('保存未成功')
    expect(Object.keys(errors)).toEqual([])
  })
})
