// The one door to Go. Views and stores call `api.<Service>.<Method>(...)`;
// the types come from the generated bindings, the transport is chosen at call
// time, and every failure arrives as an ApiError.

import type { app } from '../../wailsjs/go/models'
import { toApiError } from './errors'
import type { Services } from './services'
import { detectTransport, type Transport } from './transport'

export { ApiError, isApiError, toApiError } from './errors'
export type { Transport } from './transport'

/** Plain data as it arrives over either transport (no model class methods). */
export type SystemInfo = Pick<app.SystemInfo, keyof app.SystemInfo>

type Api = {
  readonly [S in keyof Services]: {
    readonly [M in keyof Services[S]]: Services[S][M]
  }
}

let override: Transport | null = null

/** Forces a transport (tests); null goes back to detecting it per call. */
export function setTransport(t: Transport | null): void {
  override = t
}

/** The transport the next call will use. */
export function currentTransport(): Transport {
  return override ?? detectTransport()
}

/** Calls Service.Method with args and normalizes any failure to an ApiError. */
export async function call(service: string, method: string, args: unknown[]): Promise<unknown> {
  try {
    return await currentTransport().call(service, method, args)
  } catch (e) {
    throw toApiError(e)
  }
}

// Go exports only capitalized names; anything else (then, toJSON, Vue's
// __v_ probes, symbols) is not a service or method and reads as undefined.
const exported = /^[A-Z][A-Za-z0-9_]*$/

function service(name: string): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>()
  return new Proxy(Object.create(null), {
    get(_, method) {
      if (typeof method !== 'string' || !exported.test(method)) return undefined
      let fn = methods.get(method)
      if (!fn) {
        fn = (...args: unknown[]) => call(name, method, args)
        methods.set(method, fn)
      }
      return fn
    },
  })
}

const services = new Map<string, ReturnType<typeof service>>()

export const api: Api = new Proxy(Object.create(null), {
  get(_, name) {
    if (typeof name !== 'string' || !exported.test(name)) return undefined
    let s = services.get(name)
    if (!s) {
      s = service(name)
      services.set(name, s)
    }
    return s
  },
})
