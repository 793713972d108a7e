import { describe, expect, it } from 'vitest'
import { blankForm, blankPerson, goClock, goMoment, goToday, hasContent, toPayload, ROLE_MAIN, type FormPerson } from './intakeForm'
import { testOptions } from './intakeOptions.testkit'

const entry = (code: string, active = true) => ({ code, label: code, parent: '', active, sort: 0 })
const options = testOptions({
  lists: [
    { name: 'channel', entries: [entry('旧形式', false), entry('走访'), entry('上级交办')] },
    { name: 'id_type', entries: [entry('居民身份证'), entry('护照')] },
  ],
  units: [{ id: 7, name: '测试镇劳动保障所', kind: 'dept' }],
})

describe('blankForm', () => {
  it("starts the visit at Go's time, never the browser's", () => {
    const f = blankForm(options)
    expect(f.receivedAt).toBe('2026-03-02 09:30')
    expect(f.record.start).toBe('2026-03-02 09:30')
    expect(f.record.receptionist).toBe(3)
  })

  it('leaves the time empty (for Go to stamp) when Go sent none', () => {
    expect(blankForm(null).receivedAt).toBe('')
    expect(goMoment({ ...options, now: '' })).toBe('')
  })

  it("starts with the lists' first active entries and one main petitioner", () => {
    const f = blankForm(options)
    expect(f.channel).toBe('走访')
    expect(f.people).toHaveLength(1)
    expect(f.people[0]!.role).toBe(ROLE_MAIN)
    expect(f.people[0]!.idType).toBe('居民身份证')
    expect(blankPerson(options, '随访人').role).toBe('随访人')
  })
})

describe('toPayload', () => {
  it('sends a unit picked from the list by its id, a typed one by its name', () => {
    const f = blankForm(options)
    f.unit = '测试镇劳动保障所'
    expect(toPayload(f, options, null)).toMatchObject({ unitId: 7, unit: '' })
    f.unit = '测试新单位'
    expect(toPayload(f, options, null)).toMatchObject({ unitId: 0, unit: '测试新单位' })
    // the form itself is not changed
    expect(f.unit).toBe('测试新单位')
  })

  it("puts the repeat panel's link where Go reads it", () => {
    const f = blankForm(options)
    expect(toPayload(f, options, { mode: 'repeat', caseId: 9, caseNo: 'X' })).toMatchObject({ linkCase: 9, firstCase: 0 })
    expect(toPayload(f, options, { mode: 'new', caseId: 9, caseNo: 'X' })).toMatchObject({ linkCase: 0, firstCase: 9 })
    expect(toPayload(f, options, null)).toMatchObject({ linkCase: 0, firstCase: 0 })
  })

  it('sends the counts as numbers', () => {
    const f = blankForm(options)
    ;(f as unknown as Record<string, unknown>).present = '3'
    ;(f as unknown as Record<string, unknown>).involved = ''
    expect(toPayload(f, options, null)).toMatchObject({ present: 3, involved: 0 })
  })
})

describe('goClock', () => {
  it("runs on from Go's time by the time elapsed, across midnight", () => {
    let ms = 1000
    const clock = goClock({ ...options, now: '2026-03-02T23:58' }, () => ms)
    expect(clock()).toBe('2026-03-02 23:58')
    ms += 3 * 60_000
    expect(clock()).toBe('2026-03-03 00:01')
  })

  it('has no time without Go', () => {
    expect(goClock(null)()).toBe('')
  })

  it('tells a typed form from a blank one (新的登记 asks only then)', () => {
    const f = blankForm(options)
    expect(hasContent(f, options, null)).toBe(false)
    // the stamped time is not typing
    f.receivedAt = '2026-03-02 09:10'
    expect(hasContent(f, options, null)).toBe(false)
    f.people[0]!.name = '测试甲某'
    expect(hasContent(f, options, null)).toBe(true)
    expect(hasContent(blankForm(options), options, { mode: 'repeat', caseId: 1, caseNo: '2026-000001' })).toBe(true)
  })

  it("keeps the clerk's sex mark out of what Go gets, and dates Go's today", () => {
    const f = blankForm(options)
    ;(f.people[0] as FormPerson).sexByHand = true
    expect('sexByHand' in (toPayload(f, options, null).people[0] as object)).toBe(false)
    expect((f.people[0] as FormPerson).sexByHand).toBe(true)
    expect(goToday(options)).toBe('2026-03-02')
  })
})
