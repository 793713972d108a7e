import { useTemplateRef } from 'vue'

/** The fields a cursor may be put in, in the order a person fills them. */
const FIELDS =
  'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), [role="combobox"]:not([aria-disabled="true"])'

/** Puts the cursor in the first field under root that can take it. */
export function focusFirstField(root: ParentNode | null | undefined): boolean {
  const el = root?.querySelector<HTMLElement>(FIELDS)
  if (!el) return false
  el.focus()
  return document.activeElement === el
}

/**
 * Whether Enter in this event should save the form: Enter alone, in a
 * one-line field, not while an input method is composing (Enter then picks
 * the characters) and not in a dropdown or a date picker (Enter picks there).
 */
export function isSavingEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) {
    return false
  }
  const t = e.target as HTMLElement | null
  if (!t || t.tagName !== 'INPUT') return false
  return !t.closest('.el-select, .el-select-v2, .el-cascader, .el-date-editor, .el-autocomplete, .el-input-number')
}

/**
 * A dialog's form: `opened` puts the cursor in its first field (bind it to
 * el-dialog's @opened, and put ref="dialogBody" on an element around the
 * form); with save, Enter in a one-line field saves (bind `keydown` to the
 * same element). Use it only where saving on Enter is safe: nothing is
 * lost or sent that the person cannot see and change again.
 */
export function useDialogForm(save?: () => unknown, refName = 'dialogBody') {
  const body = useTemplateRef<HTMLElement>(refName)
  function opened() {
    // Someone quicker than the opening has already clicked into a field.
    const cur = document.activeElement
    if (cur && body.value?.contains(cur) && cur.matches('input, textarea')) return
    focusFirstField(body.value)
  }
  function keydown(e: KeyboardEvent) {
    if (save && isSavingEnter(e)) {
      e.preventDefault()
      void save()
    }
  }
  return { opened, keydown }
}
