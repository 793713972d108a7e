import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { CODE_STALE, toApiError, type ApiError } from '@/api'

/**
 * A form's save, the scaffolding the settings panels and the dialogs share:
 * busy while Go works (a second save meanwhile does nothing), Go's refusal
 * next to its field (through useFieldErrors' take) or else as the form's
 * message, and whether it was refused over someone's newer save (stale:
 * the panel offers reading it again). Go decides everything; this only
 * shows the answer.
 */
export function useSaving(take: (e: unknown) => ApiError | null) {
  const { t } = useI18n()
  const busy = ref(false)
  const general = ref('')
  const stale = ref(false)

  /** Shows a refusal: by its field, or above the panel. */
  function refused(e: unknown) {
    const err = take(e)
    general.value = err?.message ?? ''
    stale.value = err?.code === CODE_STALE
  }

  /** Runs one save; returns Go's refusal, null when it went through (or another save was running). */
  async function run(call: () => Promise<unknown>): Promise<ApiError | null> {
    if (busy.value) return null
    busy.value = true
    general.value = ''
    try {
      await call()
      return null
    } catch (e) {
      refused(e)
      return toApiError(e)
    } finally {
      busy.value = false
    }
  }

  /** A save's message with how many open cases' due dates it moved (Go's count). */
  function recountNote(msg: string, n: number): string {
    return n > 0 ? `${msg} ${t('calendar.recounted', { n })}` : msg
  }

  return { busy, general, stale, refused, run, recountNote }
}
