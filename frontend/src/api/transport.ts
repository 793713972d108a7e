// The two ways a call reaches Go. In the Wails window the runtime puts the
// bound services on window.go; in a browser (`laifang serve`) the same
// methods are POST /api/<Service>/<Method> with a JSON array of arguments.

import {
  ApiError,
  CODE_NO_METHOD,
  CODE_TRANSPORT,
  isErrorShape,
  MSG_BAD_RESPONSE,
  MSG_NO_METHOD,
  MSG_UNREACHABLE,
} from './errors'

type BoundMethod = (...args: unknown[]) => Promise<unknown>

declare global {
  interface Window {
    /** Set by the Wails runtime: window.go.<package>.<Service>.<Method>. */
    go?: { app?: Record<string, Record<string, BoundMethod | undefined> | undefined> }
  }
}

export interface Transport {
  readonly name: 'wails' | 'http'
  call(service: string, method: string, args: unknown[]): Promise<unknown>
}

/** Calls the bindings that the Wails runtime installed on window.go.app. */
export const wailsTransport: Transport = {
  name: 'wails',
  call(service, method, args) {
    const fn = window.go?.app?.[service]?.[method]
    if (typeof fn !== 'function') {
      return Promise.reject(new ApiError(CODE_NO_METHOD, MSG_NO_METHOD))
    }
    return fn(...args)
  },
}

/** The CSRF token serve gave this browser at login (a cookie the page may read). */
export function csrfToken(): string {
  if (typeof document === 'undefined') return ''
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === 'laifang_csrf') return decodeURIComponent(v.join('='))
  }
  return ''
}

/** Calls `laifang serve` over HTTP, under base (the page's own origin by default). */
export function httpTransport(base = ''): Transport {
  return {
    name: 'http',
    async call(service, method, args) {
      const url = `${base}/api/${encodeURIComponent(service)}/${encodeURIComponent(method)}`
      let res: Response
      let text: string
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Laifang-CSRF': csrfToken() },
          body: JSON.stringify(args),
          credentials: 'same-origin',
        })
        text = await res.text()
      } catch (e) {
        console.error('api:', service, method, e)
        throw new ApiError(CODE_TRANSPORT, MSG_UNREACHABLE)
      }
      let body: unknown
      try {
        body = text.trim() === '' ? null : JSON.parse(text)
      } catch {
        throw new ApiError(CODE_TRANSPORT, `${MSG_BAD_RESPONSE}（HTTP ${res.status}）`)
      }
      if (res.ok) return body
      if (isErrorShape(body)) throw new ApiError(body.code, body.message, body.field, body.fields)
      throw new ApiError(CODE_TRANSPORT, `${MSG_BAD_RESPONSE}（HTTP ${res.status}）`)
    },
  }
}

const http = httpTransport()

/** The Wails bindings when the page runs in the window, HTTP otherwise. */
export function detectTransport(): Transport {
  return typeof window !== 'undefined' && window.go?.app ? wailsTransport : http
}
