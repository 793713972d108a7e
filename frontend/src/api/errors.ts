// Errors that cross from Go to the UI: a stable code the UI can branch on and
// a Chinese message it can show. Every rejection of the api layer is one.

/** Code of errors made on this side when Go could not be reached or answered nonsense. */
export const CODE_TRANSPORT = 'transport'
/** Code of a call to a service method that the backend does not have. */
export const CODE_NO_METHOD = 'no_method'

export const MSG_UNREACHABLE = '无法连接到来访接待服务，请确认程序仍在运行后重试。'
export const MSG_BAD_RESPONSE = '服务返回了无法识别的内容，请重试；如果仍然出错，请联系管理员。'
export const MSG_NO_METHOD = '没有这个功能接口，请升级前端或后端到同一版本。'
export const MSG_UNKNOWN = '操作失败，请重试；如果仍然出错，请联系管理员。'

/** One problem of a form, at the input its field path names (people[1].idNumber). */
export interface FieldIssue {
  field: string
  code: string
  message: string
}

export class ApiError extends Error {
  readonly code: string
  /** The input the error is about, when Go names one. */
  readonly field?: string
  /** Every problem of a form at once, when Go checked a whole form. */
  readonly fields?: FieldIssue[]

  constructor(code: string, message: string, field?: string, fields?: FieldIssue[]) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    if (field) this.field = field
    if (fields && fields.length) this.fields = fields
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

interface ErrorShape {
  code: string
  message: string
  field?: string
  fields?: FieldIssue[]
}

function isIssue(v: unknown): v is FieldIssue {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return typeof o.field === 'string' && typeof o.code === 'string' && typeof o.message === 'string'
}

/** Reports whether v is the {code, message} body that Go sends for an error. */
export function isErrorShape(v: unknown): v is ErrorShape {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return (
    typeof o.code === 'string' &&
    o.code !== '' &&
    typeof o.message === 'string' &&
    o.message !== '' &&
    (o.field === undefined || typeof o.field === 'string') &&
    (o.fields === undefined || (Array.isArray(o.fields) && o.fields.every(isIssue)))
  )
}

/**
 * Turns whatever a transport rejected with into an ApiError: the {code,
 * message} object of the HTTP body, that object as a JSON string (alone or
 * as the message of the Error the Wails runtime makes of it), a bare string
 * from Wails itself, or a thrown Error.
 */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (isErrorShape(e)) return new ApiError(e.code, e.message, e.field, e.fields)
  // The Wails runtime rejects with new Error(<what the ErrorFormatter gave>),
  // so Go sends the {code, message} object as a JSON string inside it.
  if (e instanceof Error && !isErrorShape(e)) e = e.message
  if (typeof e === 'string') {
    const text = e.trim()
    if (text.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(text)
        if (isErrorShape(parsed)) return new ApiError(parsed.code, parsed.message, parsed.field, parsed.fields)
      } catch {
        // not JSON: fall through to the plain text
      }
    }
    // A bare string comes from the Wails runtime itself (say, arguments it
    // could not decode), not from a service: keep its detail off the screen.
    console.error('api:', text)
    return new ApiError(CODE_TRANSPORT, MSG_UNKNOWN)
  }
  console.error('api:', e)
  return new ApiError(CODE_TRANSPORT, MSG_UNKNOWN)
}
