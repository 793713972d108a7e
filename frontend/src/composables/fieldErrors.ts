import { reactive, watch } from 'vue'
import { toApiError, type ApiError } from '@/api'

/** The value a Go field path ("people[1].idNumber", "record.start") names in a form. */
export function valueAt(source: unknown, path: string): unknown {
  let v: unknown = source
  for (const part of path.split(/[.[\]]/).filter(Boolean)) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[part]
  }
  return v
}

/**
 * Takes a field's error away once the clerk changes that field: a corrected
 * input does not stay red until the next save. Errors about paths the
 * source does not have stay until they are cleared.
 */
export function clearOnEdit(errors: Record<string, string>, source: () => unknown) {
  const shown = new Map<string, string>()
  const current = (k: string) => JSON.stringify(valueAt(source(), k) ?? null)
  watch(
    () => Object.entries(errors).join('\n'),
    () => {
      shown.clear()
      for (const k of Object.keys(errors)) shown.set(k, current(k))
    },
    { immediate: true, flush: 'sync' },
  )
  watch(
    source,
    () => {
      for (const k of Object.keys(errors)) if (shown.has(k) && shown.get(k) !== current(k)) delete errors[k]
    },
    { deep: true, flush: 'sync' },
  )
}

/**
 * The Chinese message of a Go error shown next to the field it names
 * (el-form-item :error). An error without a field is returned to be shown
 * above the form. With a source (the form's model), a field's message goes
 * once the field is changed.
 */
export function useFieldErrors(source?: () => unknown) {
  const errors = reactive<Record<string, string>>({})
  if (source) clearOnEdit(errors, source)

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  /**
   * Puts the error by its field (every field of a form Go checked whole);
   * returns it when it names none.
   */
  function take(e: unknown): ApiError | null {
    clear()
    const err = toApiError(e)
    if (err.fields?.length) {
      for (const f of err.fields) if (!errors[f.field]) errors[f.field] = f.message
      return null
    }
    if (err.field) {
      errors[err.field] = err.message
      return null
    }
    return err
  }

  return { errors, clear, take }
}
