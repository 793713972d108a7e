// While a letter's print page is open, the paper has no margins of its
// own: the page places every line in millimetres from the paper's edge
// (GB/T 9704 margins included). An @page rule added last wins over
// print.css's; named pages would do this too, but WebKitGTK (the window)
// does not know them.
import { onBeforeUnmount, onMounted } from 'vue'

export const LETTER_PAGE_CSS = '@page { size: A4; margin: 0; }'

export function usePrintPage(): void {
  let el: HTMLStyleElement | null = null
  onMounted(() => {
    el = document.createElement('style')
    el.dataset.letterPage = ''
    el.textContent = LETTER_PAGE_CSS
    document.head.appendChild(el)
  })
  onBeforeUnmount(() => el?.remove())
}

/** Prints the page: the window's runtime and the browser both end in the print dialog (Wails' WindowPrint is window.print()). */
export function printNow(): void {
  window.print()
}
