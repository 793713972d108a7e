// Go's check of the intake form (Visits.Check). As the clerk leaves a field
// only that field's problems are shown (the rest waits for the save); what
// Go derives (sex and birth from an ID number, 集体访, who counts as
// present, which fields the case at hand requires) comes from the latest
// answer. The form states none of it itself.
import { computed, onScopeDispose, reactive, ref, watch, type Ref } from 'vue'
import { api, toApiError, type CheckResult, type FormOptions, type RegisterInput } from '@/api'
import type { FormPerson, RegisterArg } from './intakeForm'

export interface IntakeCheckOptions {
  form: RegisterInput
  options: Ref<FormOptions | null>
  payload: () => RegisterArg
  /** What else goes into the payload (the repeat link): a change asks Go again. */
  also?: () => unknown
  /** Pause after the last change before Go is asked again (ms). */
  delay?: number
}

export function useIntakeCheck({ form, options, payload, also, delay = 400 }: IntakeCheckOptions) {
  const errors = reactive<Record<string, string>>({})
  const warnings = reactive<Record<string, string>>({})
  const lastCheck = ref<CheckResult | null>(null)

  // Answers can overtake each other: only the latest question's answer
  // becomes the form's state.
  let asked = 0
  async function ask(): Promise<{ res: CheckResult; latest: boolean; sexSet: Set<number> } | null> {
    if (!options.value) return null
    const n = ++asked
    const sent = payload()
    const res: CheckResult = await api.Visits.Check(sent)
    const latest = n === asked
    const sexSet = new Set<number>()
    if (latest) {
      lastCheck.value = res
      // Go counts who is present; the clerk may count more, never fewer.
      if (typeof res.present === 'number' && (Number(form.present) || 0) < res.present) form.present = res.present
      // The sex follows the ID number each time Go reads one, unless the
      // clerk chose it by hand; an answer about a number since changed is
      // not applied.
      res.people.forEach((d, i) => {
        const p = form.people[i] as FormPerson | undefined
        if (!p || !d.sex || p.sexByHand || p.sex === d.sex) return
        if (p.idNumber !== sent.people[i]?.idNumber) return
        p.sex = d.sex
        sexSet.add(i)
      })
    }
    return { res, latest, sexSet }
  }

  /** The required fields: the latest answer's, else the empty form's; none when Go does not say. */
  const required = computed(() => new Set(lastCheck.value?.required ?? options.value?.required ?? []))
  const isRequired = (path: string) => required.value.has(path)

  const group = computed(() => lastCheck.value?.group ?? false)
  const derived = (i: number) => lastCheck.value?.people[i]

  /** Go checks the form as the clerk leaves a field; that field's message is shown. */
  async function checkField(field: string) {
    try {
      const a = await ask()
      if (!a) return
      const { res, sexSet } = a
      const err = res.errors.find((e) => e.field === field)
      if (err) errors[field] = err.message
      else delete errors[field]
      const warn = res.warnings.find((w) => w.field === field)
      if (warn) warnings[field] = warn.message
      else delete warnings[field]
      if (field.endsWith('.sex') || field.endsWith('.idNumber')) {
        const sexField = field.replace(/\.idNumber$/, '.sex')
        const sexErr = res.errors.find((e) => e.field === sexField)
        const i = Number(/^people\[(\d+)\]/.exec(field)?.[1])
        // a sex just set from the number answers Go's refusal of the old one
        if (sexErr && !sexSet.has(i)) errors[sexField] = sexErr.message
        else delete errors[sexField]
      }
    } catch (e) {
      // a failed check is not the clerk's business, the save reports; but a
      // character Go refuses in a field (a pasted control character) shows there
      const err = toApiError(e)
      if (err.field) errors[err.field] = err.message
    }
  }

  // Between fields, a pause in the typing asks Go again, silently: the
  // required marks and the derived counts follow the case as it is typed
  // (a 检举 needs whom it accuses, an agent their relation).
  let timer: ReturnType<typeof setTimeout> | undefined
  function cancel() {
    if (timer) clearTimeout(timer)
    timer = undefined
  }
  function refresh() {
    cancel()
    timer = setTimeout(() => {
      timer = undefined
      void ask().catch(() => undefined)
    }, delay)
  }
  watch([() => form, () => also?.()], () => refresh(), { deep: true })
  onScopeDispose(cancel)

  function clearIssues() {
    for (const k of Object.keys(errors)) delete errors[k]
    for (const k of Object.keys(warnings)) delete warnings[k]
  }

  /** Forgets the last answer (a fresh form): the marks go back to the empty form's. */
  function reset() {
    cancel()
    asked++
    lastCheck.value = null
    clearIssues()
  }

  return { errors, warnings, lastCheck, required, isRequired, group, derived, checkField, refresh, clearIssues, reset, cancel }
}
