// Saving a letter's .docx (utils/download: the browser's download in serve
// mode, the system's save dialog in the window). The docx package is
// loaded only when a file is made.
import { saveFile } from '@/utils/download'
import type { LetterDoc, LetterLayout } from './types'

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export async function saveDocx(doc: LetterDoc, layout: LetterLayout): Promise<boolean> {
  const { docxName, letterDocx } = await import('./docx')
  return saveFile(docxName(doc), await letterDocx(doc, layout), docxType)
}
