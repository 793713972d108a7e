import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { focusFirstField, isSavingEnter, useDialogForm } from './dialogForm'

function form(html: string) {
  const root = document.createElement('div')
  root.innerHTML = html
  document.body.appendChild(root)
  return root
}

function enter(target: Element, init: KeyboardEventInit = {}) {
  const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init })
  Object.defineProperty(e, 'target', { value: target })
  return e
}

describe('a dialog form', () => {
  it('puts the cursor in the first field that takes it', () => {
    const root = form('<input type="hidden"><input disabled><input name="name"><input name="login">')
    expect(focusFirstField(root)).toBe(true)
    expect((document.activeElement as HTMLInputElement).name).toBe('name')
    root.remove()
  })

  it('saves on Enter in a one-line field, not in a text area, a dropdown or while composing', () => {
    const root = form(
      '<input name="name"><textarea name="text"></textarea><div class="el-select"><input name="role"></div>',
    )
    const [name, text, role] = ['name', 'text', 'role'].map((n) => root.querySelector(`[name="${n}"]`)!)
    expect(isSavingEnter(enter(name))).toBe(true)
    expect(isSavingEnter(enter(name, { isComposing: true }))).toBe(false)
    expect(isSavingEnter(enter(name, { shiftKey: true }))).toBe(false)
    expect(isSavingEnter(enter(text))).toBe(false)
    expect(isSavingEnter(enter(role))).toBe(false)

    const save = vi.fn()
    let dlg!: ReturnType<typeof useDialogForm>
    const Dialog = defineComponent({
      setup() {
        dlg = useDialogForm(save)
        return () => h('div', { ref: 'dialogBody' }, [h('input', { disabled: true }), h('input', { name: 'first' })])
      },
    })
    const w = mount(Dialog, { attachTo: document.body })
    dlg.opened()
    expect((document.activeElement as HTMLInputElement).name).toBe('first')
    w.unmount()
    const { keydown } = dlg
    keydown(enter(text))
    expect(save).not.toHaveBeenCalled()
    const e = enter(name)
    keydown(e)
    expect(save).toHaveBeenCalledOnce()
    expect(e.defaultPrevented).toBe(true)
    root.remove()
  })
})
