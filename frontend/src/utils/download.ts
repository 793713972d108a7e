// A file the program made (a workbook Go sent, a .docx the page laid out,
// the holidays' text) saved to the disk. In a browser (serve) it is the
// browser's download. The window's web view saves no downloads (Wails v2),
// so there the bytes go to Go, which asks where to save them with the
// system's save dialog (System.SaveFile).
import { api, currentTransport } from '@/api'

/** The bytes of a file Go sent ([]byte arrives as base64 over both transports). */
export function fileBytes(data: unknown): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') {
    const bin = atob(data)
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  }
  return Uint8Array.from((data as number[] | null) ?? [])
}

function base64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(bin)
}

/**
 * Saves a file: data is what Go sent ([]byte as base64) or a Blob the page
 * made. Resolves to false when the person cancelled the save dialog.
 */
export async function saveFile(name: string, data: unknown, type: string): Promise<boolean> {
  const blob = data instanceof Blob ? data : new Blob([fileBytes(data)], { type })
  if (currentTransport().name === 'wails') {
    const bytes = new Uint8Array(await blob.arrayBuffer())
    const saved = await api.System.SaveFile(name, base64(bytes) as unknown as number[])
    return saved.path !== ''
  }
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return true
}
