import { afterEach, describe, expect, it, vi } from 'vitest'
import { setTransport, type Transport } from '@/api'
import { saveFile } from './download'

afterEach(() => setTransport(null))

describe('saveFile', () => {
  it('in the window hands the bytes to Go, which asks where to save them', async () => {
    const call = vi.fn(async () => ({ path: '/home/clerk/台账.xlsx' }))
    setTransport({ name: 'wails', call } as Transport)
    const saved = await saveFile('台账.xlsx', btoa('PK\x03\x04'), 'application/octet-stream')
    expect(saved).toBe(true)
    expect(call).toHaveBeenCalledWith('System', 'SaveFile', ['台账.xlsx', btoa('PK\x03\x04')])
  })

  it('tells when the person cancelled the dialog', async () => {
    setTransport({ name: 'wails', call: async () => ({ path: '' }) } as Transport)
    expect(await saveFile('x.docx', new Blob(['x']), 'text/plain')).toBe(false)
  })

  it('in a browser is the browser\'s download, Go is not asked', async () => {
    const call = vi.fn()
    setTransport({ name: 'http', call } as Transport)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    expect(await saveFile('节假日.txt', new Blob(['x']), 'text/plain')).toBe(true)
    expect(click).toHaveBeenCalled()
    expect(call).not.toHaveBeenCalled()
  })
})
