// The one door to Go. Views and stores call `api.<Service>.<Method>(...)`;
// the types come from the generated bindings, the transport is chosen at call
// time, and every failure arrives as an ApiError.

import type { app, deadline, dict } from '../../wailsjs/go/models'
import { toApiError } from './errors'
import type { Services } from './services'
import { detectTransport, type Transport } from './transport'

export { ApiError, isApiError, toApiError } from './errors'
export type { FieldIssue } from './errors'
export type { Transport } from './transport'

/** Plain data as it arrives over either transport (no model class methods). */
type Plain<T> = Pick<T, { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T]>
export type SystemInfo = Plain<app.SystemInfo>
export type BackupCopy = Plain<app.BackupCopy>
export type AuthState = Plain<app.AuthState>
export type UserInfo = Plain<app.UserInfo>
export type UserInput = Plain<app.UserInput>
export type StaffMember = Plain<app.StaffMember>
export type OfficeSettings = Plain<app.OfficeSettings>
export type AuditRow = Plain<app.AuditRow>
export type AuditQuery = Plain<app.AuditQuery>
export type AuditCheck = Plain<app.AuditCheck>
export type AuditHead = Plain<app.AuditHead>
export type AuditAnchor = Plain<app.AuditAnchor>
export type ExpiredCase = Plain<app.ExpiredCase>
export type RepeatQuery = Plain<app.RepeatQuery>
export type RepeatPanelData = Plain<app.RepeatPanel>
export type RepeatCase = Plain<app.RepeatCase>
export type WordingEntry = Plain<app.WordingEntry>
export type WordingQuery = Plain<app.WordingQuery>
export type WordingRef = Plain<app.WordingRef>
export type CaseListQuery = Plain<app.CaseListQuery>
export type CaseList = Plain<app.CaseList>
export type CaseListRow = Plain<app.CaseListRow>
export type CaseMatch = Plain<app.CaseMatch>
export type CaseDetail = Plain<app.CaseDetail>
export type ClockView = Plain<app.ClockView>
export type CaseRecord = Plain<app.CaseRecord>
export type CaseSteps = Plain<app.CaseSteps>
export type StepOption = Plain<app.StepOption>
export type StepInput = Plain<app.StepInput>
export type TaskOffer = Plain<app.TaskOffer>
export type TaskInput = Plain<app.TaskInput>
export type TaskQuery = Plain<app.TaskQuery>
export type TaskPage = Plain<app.TaskPage>
export type TaskRow = Plain<app.TaskRow>
export type TaskDetail = Plain<app.TaskDetail>
export type TaskAction = Plain<app.TaskAction>
export type TaskStepInput = Plain<app.TaskStepInput>
export type UrgeInput = Plain<app.UrgeInput>
export type TimelineEntry = Plain<app.TimelineEntry>
export type CasePersonView = Plain<app.CasePersonView>
export type RecordSheet = Plain<app.RecordSheet>
export type RegisterInput = Plain<app.RegisterInput>
export type PersonInput = Plain<app.PersonInput>
export type RecordInput = Plain<app.RecordInput>
export type CheckResult = Plain<app.CheckResult>
export type Registered = Plain<app.Registered>
export type FormOptions = Plain<app.FormOptions>
export type LedgerQuery = Plain<app.LedgerQuery>
export type LedgerPage = Plain<app.LedgerPage>
export type LedgerRow = Plain<app.LedgerRow>
export type LedgerOptions = Plain<app.LedgerOptions>
export type ExportStatus = Plain<app.ExportStatus>
export type TodayVisit = Plain<app.TodayVisit>
export type Queue = Plain<app.Queue>
export type QueueGroup = Plain<app.QueueGroup>
export type QueueItem = Plain<app.QueueItem>
export type UnitLoad = Plain<app.UnitLoad>
export type RegistrationForm = Plain<app.RegistrationForm>
export type DictList = Plain<app.DictList>
export type DictEntry = Plain<dict.Entry>
export type UnitView = Plain<app.UnitView>
export type UnitInput = Plain<app.UnitInput>
export type UnitList = Plain<app.UnitList>
export type UnitKind = Plain<app.UnitKind>
export type Issue = Plain<app.Issue>
export type HolidayYear = Plain<app.HolidayYear>
export type HolidayDay = Plain<app.HolidayDay>
export type HolidayImport = Plain<app.HolidayImport>
export type LineError = Plain<deadline.LineError>
export type ProfileList = Plain<app.ProfileList>
export type ProfileInfo = Plain<app.ProfileInfo>
export type ClockLimit = Plain<app.ClockLimit>
export type ImportFile = Plain<app.ImportFile>
export type ImportColumn = Plain<app.ImportColumn>
export type ImportMapping = Plain<app.ImportMapping>
export type ImportReport = Plain<app.ImportReport>
export type ImportProblem = Plain<app.ImportProblem>
export type ImportUnknown = Plain<app.ImportUnknown>
export type ImportProgress = Plain<app.ImportProgress>
export type StatsQuery = Plain<app.StatsQuery>
export type StatsReport = Plain<app.StatsReport>
export type StatsFigure = Plain<app.Figure>
export type StatsSlice = Plain<app.StatsSlice>
export type TrendPoint = Plain<app.TrendPoint>
export type TopPetitioner = Plain<app.TopPetitioner>
export type StatsFile = Plain<app.StatsFile>
export type LetterDoc = Plain<app.LetterDoc>
export type LetterLayout = Plain<app.LetterLayout>
export type LetterKind = Plain<app.LetterKind>
export type LetterInput = Plain<app.LetterInput>
export type LetterQuery = Plain<app.LetterQuery>
export type LetterList = Plain<app.LetterList>
export type LetterRowView = Plain<app.LetterRowView>
export type LetterPlaceholder = Plain<app.Placeholder>
export type LetterTemplate = Plain<app.TemplateView>
export type NumberPattern = Plain<app.NumberPattern>

/** Codes Go refuses a call with when the session is not (or no longer) usable. */
export const CODE_AUTH_REQUIRED = 'auth.required'
export const CODE_AUTH_LOCKED = 'auth.locked'
export const CODE_SETUP_REQUIRED = 'auth.setup'
export const CODE_STALE = 'record.stale'

let onSessionError: ((code: string) => void) | null = null

/** Registers who hears that a call was refused for the session's sake (the auth store). */
export function setSessionErrorHandler(fn: ((code: string) => void) | null): void {
  onSessionError = fn
}

type Api = {
  readonly [S in keyof Services]: {
    readonly [M in keyof Services[S]]: Services[S][M]
  }
}

let override: Transport | null = null

/** Forces a transport (tests); null goes back to detecting it per call. */
export function setTransport(t: Transport | null): void {
  override = t
}

/** The transport the next call will use. */
export function currentTransport(): Transport {
  return override ?? detectTransport()
}

/** Calls Service.Method with args and normalizes any failure to an ApiError. */
export async function call(service: string, method: string, args: unknown[]): Promise<unknown> {
  try {
    return await currentTransport().call(service, method, args)
  } catch (e) {
    const err = toApiError(e)
    if (onSessionError && [CODE_AUTH_REQUIRED, CODE_AUTH_LOCKED, CODE_SETUP_REQUIRED].includes(err.code)) {
      onSessionError(err.code)
    }
    throw err
  }
}

// Go exports only capitalized names; anything else (then, toJSON, Vue's
// __v_ probes, symbols) is not a service or method and reads as undefined.
const exported = /^[A-Z][A-Za-z0-9_]*$/

function service(name: string): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>()
  return new Proxy(Object.create(null), {
    get(_, method) {
      if (typeof method !== 'string' || !exported.test(method)) return undefined
      let fn = methods.get(method)
      if (!fn) {
        fn = (...args: unknown[]) => call(name, method, args)
        methods.set(method, fn)
      }
      return fn
    },
  })
}

const services = new Map<string, ReturnType<typeof service>>()

export const api: Api = new Proxy(Object.create(null), {
  get(_, name) {
    if (typeof name !== 'string' || !exported.test(name)) return undefined
    let s = services.get(name)
    if (!s) {
      s = service(name)
      services.set(name, s)
    }
    return s
  },
})
