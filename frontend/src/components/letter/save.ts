// Saving a letter's .docx: the browser's download in serve mode; in the
// window WebView2 and WebKitGTK save a download too (to the user's
// downloads folder), so one way serves both. The docx package is loaded
// only when a file is made.
import type { LetterDoc, LetterLayout } from './types'

export async function saveDocx(doc: LetterDoc, layout: LetterLayout): Promise<void> {
  const { docxName, letterDocx } = await import('./docx')
  const blob = await letterDocx(doc, layout)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = docxName(doc)
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
