// The letter as Go returns it (app.LetterDoc, docs/DOMAIN.md "Letters"):
// the layout reads these shapes only.
export type { LetterDoc, LetterLayout } from '@/api'
import type { LetterDoc } from '@/api'
export type LetterRow = LetterDoc['rows'][number]
export type LetterBox = LetterDoc['boxes'][number]
export type LetterMissing = LetterDoc['missing'][number]
