import { reactive } from 'vue'
import { toApiError, type ApiError } from '@/api'

/**
 * The Chinese message of a Go error shown next to the field it names
 * (el-form-item :error). An error without a field is returned to be shown
 * above the form.
 */
export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({})

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
