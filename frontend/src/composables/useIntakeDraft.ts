// The intake draft: kept in Go per user (Visits.SaveDraft), a moment after
// the clerk stops typing, and restored when the screen opens again (after a
// crash, a closed window, another PC's browser).
import { nextTick, onScopeDispose, ref, watch, type Ref } from 'vue'
import { api, type RegisterInput } from '@/api'
import type { Link } from './intakeForm'

/** What is kept: the form as typed and the repeat panel's link. */
interface Draft {
  v: 1
  at: string
  form: RegisterInput
  link: Link | null
}

export interface IntakeDraftOptions {
  form: RegisterInput
  link: Ref<Link | null>
  /** An empty form, to fill a draft from an older build. */
  blank: () => RegisterInput
  /** The time shown for a save ("2026-03-02 09:30"): Go's clock, not the browser's. */
  clock: () => string
  /** Pause after the last keystroke before saving (ms). */
  delay?: number
}

export function useIntakeDraft({ form, link, blank, clock, delay = 1000 }: IntakeDraftOptions) {
  /** When this screen last saved the draft (HH:MM), '' before. */
  const savedAt = ref('')
  /** When the restored draft was saved; null when none was restored. */
  const restoredAt = ref<string | null>(null)

  let timer: ReturnType<typeof setTimeout> | undefined
  // Filling the form (loading, restoring, a fresh form) is not typing.
  let quiet = true

  function cancel() {
    if (timer) clearTimeout(timer)
    timer = undefined
  }

  async function saveNow() {
    cancel()
    const at = clock()
    const d: Draft = { v: 1, at, form: JSON.parse(JSON.stringify(form)), link: link.value }
    try {
      await api.Visits.SaveDraft(JSON.stringify(d))
      savedAt.value = at.slice(11)
    } catch {
      // the next keystroke tries again
    }
  }

  watch(
    [() => form, link],
    () => {
      if (quiet) return
      cancel()
      timer = setTimeout(() => void saveNow(), delay)
    },
    { deep: true },
  )

  /** Saves at once what waits to be saved (leaving the screen, closing the window). */
  function flush() {
    if (timer) void saveNow()
  }

  /** Fills the form without it counting as typing; the draft follows the next keystroke. */
  async function fill(fn: () => void | Promise<void>) {
    quiet = true
    cancel()
    try {
      await fn()
    } finally {
      await nextTick()
      quiet = false
    }
  }

  /** Puts the kept draft into the form; returns whether there was one. */
  async function restore(): Promise<boolean> {
    const text = await api.Visits.Draft().catch(() => '')
    if (!text) return false
    let d: Partial<Draft>
    try {
      d = JSON.parse(text) as Partial<Draft>
    } catch {
      return false // an unreadable draft is dropped
    }
    if (!d.form || typeof d.form !== 'object') return false
    const empty = blank()
    Object.assign(form, empty, d.form)
    if (!form.people?.length) form.people = empty.people
    // a draft without its record starts one at the draft's visit time
    const record = { ...empty.record }
    record.start = form.receivedAt
    form.record = { ...record, ...(d.form.record ?? {}) }
    link.value = d.link ?? null
    restoredAt.value = d.at ?? ''
    return true
  }

  /** Drops the kept draft (the visit was saved, or the clerk starts over). */
  async function discard() {
    cancel()
    await api.Visits.SaveDraft('').catch(() => undefined)
    restoredAt.value = null
    savedAt.value = ''
  }

  window.addEventListener('beforeunload', flush)
  onScopeDispose(() => {
    flush()
    window.removeEventListener('beforeunload', flush)
  })

  return { savedAt, restoredAt, saveNow, flush, fill, restore, discard, cancel }
}
