import { onBeforeUnmount, onMounted, type Ref } from 'vue'

// Keyboard-first data entry, as on the paper form: Enter in a one-line
// input moves to the next field (the clerk's hands stay on the keys), and
// shortcuts of the whole screen (Ctrl+S) work from any field.

const focusable =
  'input:not([disabled]):not([type="hidden"]):not([readonly]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])'

function visible(el: HTMLElement): boolean {
  return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
}

/** The focusable elements of root in tab order (document order; no positive tabindex is used). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusable)).filter(
    (el) => visible(el) && el.tabIndex >= 0 && !el.closest('[aria-hidden="true"]'),
  )
}

/** Moves the focus to the next field after el within root; returns whether it moved. */
export function focusNext(root: HTMLElement, el: HTMLElement): boolean {
  const all = focusables(root)
  const i = all.indexOf(el)
  const next = i >= 0 ? all[i + 1] : undefined
  if (!next) return false
  next.focus()
  return true
}

/**
 * Enter in a one-line text input of root moves to the next field. In a
 * dropdown (a single select) Enter picks the highlighted entry and moves on,
 * or moves on when the list is closed: what is typed next lands in the next
 * field, as the header promises. Date pickers and multiple selects keep
 * Enter for their own use; textareas keep it for new lines.
 */
export function useEnterMovesOn(root: Ref<HTMLElement | null | undefined>) {
  // On the document, not on root: root may appear after mounting (once the
  // form's lists are loaded). In the capture phase, so that a closed select
  // does not open on Enter first.
  function onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return
    const t = e.target as HTMLElement | null
    if (!(t instanceof HTMLInputElement) || !root.value?.contains(t)) return
    if (!['text', 'tel', 'number', 'search', ''].includes(t.type)) return
    // a multiple select (class "enter-keeps") adds a tag on Enter: it keeps it
    const select = t.closest('.el-select')
    if (select && !select.classList.contains('enter-keeps')) {
      const r = root.value
      if (t.getAttribute('aria-expanded') === 'true') {
        // the select picks on this Enter; then the cursor moves on
        setTimeout(() => focusNext(r, t), 0)
        return
      }
      e.preventDefault()
      e.stopPropagation()
      focusNext(r, t)
      return
    }
    if (t.closest('.el-select, .el-select-v2, .el-date-editor, .el-autocomplete, .el-cascader')) return
    e.preventDefault()
    focusNext(root.value, t)
  }
  onMounted(() => document.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => document.removeEventListener('keydown', onKeydown, true))
}

/** Runs fn on a key combination anywhere on the screen while mounted. */
export function useShortcut(match: (e: KeyboardEvent) => boolean, fn: (e: KeyboardEvent) => void) {
  function onKeydown(e: KeyboardEvent) {
    if (match(e)) {
      e.preventDefault()
      fn(e)
    }
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}

/** Ctrl+S (Cmd+S on a Mac). */
export const isSave = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's'
