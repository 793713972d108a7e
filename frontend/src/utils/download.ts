// A file Go made (a workbook, an export) saved as a download, in the
// window and in a browser alike: Go sends the bytes ([]byte, base64 in
// JSON over both transports) and the page hands them to the browser.

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

/** Saves a file as a download (the window and a browser alike). */
export function saveFile(name: string, data: unknown, type: string) {
  const url = URL.createObjectURL(new Blob([fileBytes(data)], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
