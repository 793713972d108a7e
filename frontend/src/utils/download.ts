// Saving a file the page holds (an export Go wrote, a text the page shows)
// as a download: in a browser and in the window alike.

/** Offers blob as a download named name. */
export function saveBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  // revoked once the click has handed the file over
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The bytes of base64 (a Go []byte as JSON carries it). */
export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}
