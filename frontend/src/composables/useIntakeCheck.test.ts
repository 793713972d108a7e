import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive, ref } from 'vue'
import { setTransport, type CheckResult, type FormOptions, type Transport } from '@/api'
import { blankForm, blankPerson, toPayload, type FormPerson } from './intakeForm'
import { useIntakeCheck } from './useIntakeCheck'
import { testOptions } from './intakeOptions.testkit'

const options = testOptions()

function answer(over: Partial<CheckResult> = {}): CheckResult {
  return { errors: [], warnings: [], people: [], group: false, groupThreshold: 5, maxDelegates: 5, ...over } as CheckResult
}

afterEach(() => {
  setTransport(null)
  vi.useRealTimers()
})

function setup(reply: (form: Record<string, unknown>) => CheckResult | Promise<CheckResult>, opts: FormOptions = options) {
  const call = vi.fn(async (_s: string, _m: string, args: unknown[]) => reply(args[0] as Record<string, unknown>))
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const form = reactive(blankForm(opts))
  const o = ref<FormOptions | null>(opts)
  const scope = effectScope()
  const check = scope.run(() => useIntakeCheck({ form, options: o, payload: () => toPayload(form, o.value, null), delay: 10 }))!
  return { form, check, call, scope }
}

const settle = () => new Promise((r) => setTimeout(r, 40))

describe('useIntakeCheck', () => {
  it("marks as required exactly what Go's latest answer lists", async () => {
    const { form, check, scope } = setup((f) =>
      answer({ required: f.type === '检举控告' ? ['title', 'accused', 'people[0].address'] : ['title'] }),
    )
    // before Go has said anything, nothing is marked
    expect(check.isRequired('title')).toBe(false)
    form.type = '检举控告'
    await settle()
    expect(check.isRequired('accused')).toBe(true)
    expect(check.isRequired('people[0].address')).toBe(true)
    expect(check.isRequired('facts')).toBe(false)
    form.type = '建议意见'
    await settle()
    expect(check.isRequired('accused')).toBe(false)
    expect(check.isRequired('title')).toBe(true)
    scope.stop()
  })

  it("shows no marks when Go does not send the list, and the empty form's from Options until it answers", async () => {
    const { form, check, scope } = setup(() => answer())
    form.title = '测试'
    await settle()
    expect(check.isRequired('title')).toBe(false)
    scope.stop()

    const s2 = setup(() => answer({ required: ['demand'] }), { ...options, required: ['title'] } as FormOptions)
    expect(s2.check.isRequired('title')).toBe(true)
    s2.form.title = '测试'
    await settle()
    expect(s2.check.isRequired('title')).toBe(false)
    expect(s2.check.isRequired('demand')).toBe(true)
    s2.scope.stop()
  })

  it("an older answer arriving late does not overwrite the newer one", async () => {
    const pending: Array<(r: CheckResult) => void> = []
    const { check, scope } = setup(() => new Promise<CheckResult>((res) => pending.push(res)))
    const first = check.checkField('title')
    const second = check.checkField('demand')
    pending[1]!(answer({ required: ['new'] }))
    pending[0]!(answer({ required: ['old'] }))
    await Promise.all([first, second])
    expect(check.isRequired('new')).toBe(true)
    expect(check.isRequired('old')).toBe(false)
    scope.stop()
  })

  it("shows only the left field's message, and fills in the sex Go read from the number", async () => {
    const { form, check, scope } = setup(() =>
      answer({
        errors: [
          { field: 'people[0].idNumber', code: 'idcard.check', message: '身份证号校验位不正确。' },
          { field: 'title', code: 'intake.required', message: '请填写标题（事由）。' },
        ],
        people: [{ sex: 'F', birth: '1970-03-01', area: '' }],
      } as unknown as Partial<CheckResult>),
    )
    await check.checkField('people[0].idNumber')
    expect(check.errors['people[0].idNumber']).toBe('身份证号校验位不正确。')
    expect(check.errors.title).toBeUndefined()
    expect(form.people[0]!.sex).toBe('F')
    expect(check.derived(0)?.birth).toBe('1970-03-01')
    scope.stop()
  })

  it("raises the number present to Go's count, never lowers it, and leaves it alone without one", async () => {
    const { form, check, scope } = setup((f) => answer({ present: (f.people as unknown[]).length }))
    form.people.push(blankPerson(options, '随访人'))
    await settle()
    expect(form.present).toBe(2)
    form.present = 5
    await check.checkField('present')
    expect(form.present).toBe(5)
    scope.stop()

    const s2 = setup(() => answer())
    s2.form.people.push(blankPerson(options, '随访人'))
    await settle()
    expect(s2.form.present).toBe(1)
    s2.scope.stop()
  })

  it('shows a character Go refuses next to its field', async () => {
    const { check, scope } = setup(() => {
      throw { code: 'text.control', message: '不能包含控制字符。', field: 'title' }
    })
    await check.checkField('title')
    expect(check.errors.title).toBe('不能包含控制字符。')
    scope.stop()
  })

  it('asks Go once the typing pauses, not at every keystroke', async () => {
    const { form, call, scope } = setup(() => answer())
    form.title = '测'
    await nextTick()
    form.title = '测试'
    await nextTick()
    form.title = '测试标题'
    await settle()
    expect(call).toHaveBeenCalledTimes(1)
    scope.stop()
  })

  it('the sex follows each new ID number Go reads, unless the clerk chose it', async () => {
    // Go reads the sex from the number: odd 17th digit a man
    const { form, check, scope } = setup((f) => {
      const people = (f.people as Array<{ idNumber: string; sexByHand?: boolean }>).map((p) => {
        expect(p.sexByHand).toBeUndefined() // the mark stays in the form
        return { sex: p.idNumber ? (Number(p.idNumber[16]) % 2 ? 'M' : 'F') : '', birth: '', area: '' }
      })
      return answer({ people })
    })
    const p = form.people[0] as FormPerson
    p.idNumber = '330106199003050020'
    await check.checkField('people[0].idNumber')
    expect(p.sex).toBe('F')
    p.idNumber = '330106199003050010'
    await check.checkField('people[0].idNumber')
    expect(p.sex).toBe('M')
    // chosen by hand: it stays
    p.sex = 'F'
    p.sexByHand = true
    p.idNumber = '330106199103050030'
    await check.checkField('people[0].idNumber')
    expect(p.sex).toBe('F')
    scope.stop()
  })
})
