import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, call, currentTransport, setTransport, toApiError } from '@/api'
import { CODE_NO_METHOD, CODE_TRANSPORT, MSG_BAD_RESPONSE, MSG_NO_METHOD, MSG_UNKNOWN, MSG_UNREACHABLE } from '@/api/errors'

const info = {
  version: '0.1.0',
  dataPath: '/data/laifang.db',
  dataSize: 32768,
  backupDir: '/data/backup',
  officeName: '某某镇人民政府',
  userName: '张三',
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(ApiError)
  return e as ApiError
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  delete window.go
  setTransport(null)
  vi.unstubAllGlobals()
})

describe('HTTP transport (laifang serve)', () => {
  it('posts the arguments as a JSON array to /api/<Service>/<Method>', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, info))
    vi.stubGlobal('fetch', fetch)

    expect(currentTransport().name).toBe('http')
    await expect(api.System.Info()).resolves.toEqual(info)

    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/System/Info')
    expect(init.method).toBe('POST')
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json')
    expect(init.body).toBe('[]')
  })

  it('sends every argument in order', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, 7))
    vi.stubGlobal('fetch', fetch)

    await expect(call('Visits', 'Create', [{ name: '李四' }, 2, null])).resolves.toBe(7)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/Visits/Create')
    expect(init.body).toBe('[{"name":"李四"},2,null]')
  })

  it('returns null for a null or empty result', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('null\n', { status: 200 })))
    await expect(call('System', 'Ping', [])).resolves.toBeNull()
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 200 })))
    await expect(call('System', 'Ping', [])).resolves.toBeNull()
  })

  it('turns a {code, message} error body into an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, { code: 'idcard.checksum', message: '身份证号校验位不正确', field: 'idNumber' }),
      ),
    )
    const e = await rejection(api.System.Info())
    expect(e.code).toBe('idcard.checksum')
    expect(e.message).toBe('身份证号校验位不正确')
    expect(e.field).toBe('idNumber')
  })

  it('keeps every field problem of a form', async () => {
    const fields = [
      { field: 'people[1].idNumber', code: 'idcard.checksum', message: '身份证号校验位不正确' },
      { field: 'title', code: 'intake.required', message: '请填写标题（事由）。' },
    ]
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, { code: 'invalid', message: '登记表有 2 处需要更正', field: 'people[1].idNumber', fields }),
      ),
    )
    const e = await rejection(api.System.Info())
    expect(e.code).toBe('invalid')
    expect(e.fields).toEqual(fields)
    // The Wails runtime's Error with the JSON text inside carries them too.
    const viaWails = toApiError(new Error(JSON.stringify({ code: 'invalid', message: 'x', fields })))
    expect(viaWails.fields).toEqual(fields)
  })

  it('makes a transport error with a Chinese message from a body of another shape', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<h1>Bad Gateway</h1>', { status: 502 })))
    let e = await rejection(api.System.Info())
    expect(e.code).toBe(CODE_TRANSPORT)
    expect(e.message).toBe(`${MSG_BAD_RESPONSE}（HTTP 502）`)

    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(500, { error: 'boom' })))
    e = await rejection(api.System.Info())
    expect(e.code).toBe(CODE_TRANSPORT)
    expect(e.message).toContain('HTTP 500')
  })

  it('makes a transport error when a 200 answer is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<!doctype html>', { status: 200 })))
    const e = await rejection(api.System.Info())
    expect(e.code).toBe(CODE_TRANSPORT)
    expect(e.message).toMatch(/^服务返回了无法识别的内容/)
  })

  it('makes a transport error when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const e = await rejection(api.System.Info())
    expect(e.code).toBe(CODE_TRANSPORT)
    expect(e.message).toBe(MSG_UNREACHABLE)
  })
})

describe('Wails transport (the window)', () => {
  it('calls window.go.app.<Service>.<Method> with the arguments, not HTTP', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const Info = vi.fn(async () => info)
    const Create = vi.fn(async () => 42)
    window.go = { app: { System: { Info }, Visits: { Create } } }

    expect(currentTransport().name).toBe('wails')
    await expect(api.System.Info()).resolves.toEqual(info)
    await expect(call('Visits', 'Create', [{ name: '李四' }, 2])).resolves.toBe(42)
    expect(Info).toHaveBeenCalledWith()
    expect(Create).toHaveBeenCalledWith({ name: '李四' }, 2)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('is chosen at call time, so bindings that arrive late are used', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { ...info, dataPath: 'http' })))
    await expect(api.System.Info()).resolves.toMatchObject({ dataPath: 'http' })
    window.go = { app: { System: { Info: async () => ({ ...info, dataPath: 'wails' }) } } }
    await expect(api.System.Info()).resolves.toMatchObject({ dataPath: 'wails' })
  })

  it('reads the {code, message} Go formats into the Error the Wails runtime rejects with', async () => {
    // calls.js does reject(new Error(message.error)); Go's ErrorFormatter
    // therefore sends the object as a JSON string.
    const formatted = JSON.stringify({ code: 'idcard.checksum', message: '身份证号校验位不正确', field: 'idNumber' })
    window.go = { app: { System: { Info: () => Promise.reject(new Error(formatted)) } } }
    const e = await rejection(api.System.Info())
    expect(e.code).toBe('idcard.checksum')
    expect(e.message).toBe('身份证号校验位不正确')
    expect(e.field).toBe('idNumber')
  })

  it('parses an error object that arrives as a JSON string', async () => {
    window.go = {
      app: { System: { Info: () => Promise.reject('{"code":"not_found","message":"记录不存在或已被删除。"}') } },
    }
    const e = await rejection(api.System.Info())
    expect(e.code).toBe('not_found')
    expect(e.message).toBe('记录不存在或已被删除。')
  })

  it('keeps the detail of a bare runtime error off the screen', async () => {
    window.go = { app: { System: { Info: () => Promise.reject('json: cannot unmarshal string into Go value') } } }
    let e = await rejection(api.System.Info())
    expect(e.code).toBe(CODE_TRANSPORT)
    expect(e.message).toBe(MSG_UNKNOWN)

    window.go = { app: { System: { Info: () => Promise.reject(new Error('Call to app.System.Info timed out')) } } }
    e = await rejection(api.System.Info())
    expect(e.code).toBe(CODE_TRANSPORT)
    expect(e.message).toBe(MSG_UNKNOWN)
  })

  it('reports a method the backend does not bind', async () => {
    window.go = { app: { System: {} } }
    const e = await rejection(call('System', 'Missing', []))
    expect(e.code).toBe(CODE_NO_METHOD)
    expect(e.message).toBe(MSG_NO_METHOD)
  })
})

describe('api proxy', () => {
  it('answers only exported (capitalized) names, so it is not mistaken for a promise', () => {
    const loose = api as unknown as Record<string | symbol, unknown>
    expect(loose.then).toBeUndefined()
    expect(loose[Symbol.toPrimitive]).toBeUndefined()
    expect(loose.__v_isRef).toBeUndefined()
    const system = api.System as unknown as Record<string, unknown>
    expect(system.then).toBeUndefined()
    expect(typeof system.Anything).toBe('function')
  })

  it('gives the same function for the same method', () => {
    expect(api.System.Info).toBe(api.System.Info)
  })

  it('uses a forced transport', async () => {
    const fake = { name: 'http' as const, call: vi.fn(async () => info) }
    setTransport(fake)
    await expect(api.System.Info()).resolves.toEqual(info)
    expect(fake.call).toHaveBeenCalledWith('System', 'Info', [])
  })
})
