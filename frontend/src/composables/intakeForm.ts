// The intake form's data: an empty form from what Go offers (its lists, its
// clock), and the form as Register/Check take it. No rule lives here: what
// is required, who counts as present, what a disposal needs are Go's.
import type { api, DictEntry, FormOptions, PersonInput, RegisterInput } from '@/api'
import { blankRecord } from '@/components/record'

/** Role codes the form starts a row with (the regulation's terms, and Go's). */
export const ROLE_MAIN = '主信访人'
export const ROLE_COMPANION = '随访人'

/** The repeat panel's choice: record this visit on case X, or open a case linked to X. */
export interface Link {
  mode: 'repeat' | 'new'
  caseId: number
  caseNo: string
}

/** The form as the bindings' argument type (a plain object; the class's helpers are not needed). */
export type RegisterArg = Parameters<typeof api.Visits.Register>[0]

/** The active entries of one of Go's code lists. */
export function listOf(options: FormOptions | null | undefined, name: string): DictEntry[] {
  const l = options?.lists.find((x) => x.name === name)
  return (l?.entries ?? []).filter((e) => e.active)
}

/**
 * Go's clock as the form shows a moment ("2026-03-02 09:30"): the form
 * never reads the browser's clock, which under serve is another PC's.
 */
export function goMoment(options: FormOptions | null | undefined): string {
  return (options?.now ?? '').replace('T', ' ').slice(0, 16)
}

/**
 * A clock that starts at Go's time and runs on the browser's monotonic
 * timer: for the "draft saved at" note, never for a record.
 */
export function goClock(options: FormOptions | null | undefined, elapsed: () => number = () => performance.now()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(options?.now ?? '')
  const start = elapsed()
  return (): string => {
    if (!m) return ''
    const d = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!)
    d.setTime(d.getTime() + (elapsed() - start))
    const p = (n: number) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
  }
}

/**
 * A petitioner as the form keeps them: Go's PersonInput, and whether the
 * clerk chose the sex by hand (then a new ID number does not change it).
 * Kept on the person so it moves with its row and lives in the draft;
 * toPayload leaves it out.
 */
export type FormPerson = PersonInput & { sexByHand?: boolean }

/** Today by Go's clock ("2026-03-02"), for the examples of date fields. */
export function goToday(options: FormOptions | null | undefined): string {
  return (options?.now ?? '').slice(0, 10)
}

/**
 * Whether the form holds anything typed: it differs from a blank form of the
 * same options (the stamped time and the receptionist are not typing).
 */
export function hasContent(form: RegisterInput, options: FormOptions | null | undefined, link: Link | null): boolean {
  if (link) return true
  const strip = (f: RegisterInput) => {
    const p = toPayload(f, options, null) as unknown as RegisterInput
    p.receivedAt = ''
    p.record = { ...p.record, start: '', receptionist: 0 }
    return JSON.stringify(p)
  }
  return strip(form) !== strip(blankForm(options))
}

export function blankPerson(options: FormOptions | null | undefined, role: string): PersonInput {
  return {
    id: 0,
    role,
    name: '',
    anonymous: false,
    sex: '',
    birth: '',
    idType: listOf(options, 'id_type')[0]?.code ?? '',
    idNumber: '',
    phone: '',
    phone2: '',
    address: '',
    household: '',
    postcode: '',
    workplace: '',
    relation: '',
  }
}

/** An empty form, stamped with Go's time (an empty time Go stamps itself). */
export function blankForm(options: FormOptions | null | undefined): RegisterInput {
  const now = goMoment(options)
  return {
    receivedAt: now,
    channel: listOf(options, 'channel')[0]?.code ?? '',
    externalNo: '',
    reception: '',
    incomingOrg: '',
    incomingDocNo: '',
    incomingDate: '',
    incomingDue: '',
    people: [blankPerson(options, ROLE_MAIN)],
    present: 1,
    involved: 0,
    title: '',
    demand: '',
    facts: '',
    region: '',
    site: '',
    accused: '',
    accusedUnit: 0,
    type: '',
    category: '',
    category2: '',
    litigation: false,
    skipLevel: false,
    repeat: false,
    urgent: false,
    confidential: false,
    realName: false,
    riskTags: [],
    prior: '',
    notConfidential: false,
    disposal: '',
    reason: '',
    body: '',
    unitId: 0,
    unit: '',
    due: '',
    opinion: '',
    record: blankRecord({ start: now, receptionist: options?.user ?? 0 }),
    linkCase: 0,
    firstCase: 0,
  }
}

/**
 * The form as Go takes it: a unit picked from the list goes by its id, a
 * typed one by its name; the repeat panel's link fills linkCase/firstCase.
 */
export function toPayload(form: RegisterInput, options: FormOptions | null | undefined, link: Link | null): RegisterArg {
  const p: RegisterInput = JSON.parse(JSON.stringify(form))
  const unit = options?.units.find((u) => u.name === p.unit)
  if (unit) {
    p.unitId = unit.id
    p.unit = ''
  } else {
    p.unitId = 0
  }
  p.linkCase = link?.mode === 'repeat' ? link.caseId : 0
  p.firstCase = link?.mode === 'new' ? link.caseId : 0
  p.involved = Number(p.involved) || 0
  p.present = Number(p.present) || 0
  for (const person of p.people as FormPerson[]) delete person.sexByHand
  return p as unknown as RegisterArg
}
