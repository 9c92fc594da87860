// One request wrapper, two transports.
//
// Desktop (Tauri): `invoke('api', { command, args })`.
// Browser (`ledger serve`): POST /api/<command> with the per-run token.
// Either way a refusal arrives as `{code, message, field?, existing_id?}` and
// is thrown as an `ApiError`.

import { invoke } from '@tauri-apps/api/core'
import { ElMessage } from 'element-plus'
import type { ApiError as ApiErrorBody, ErrorCode } from './types'

export type { ErrorCode }

export class ApiError extends Error implements ApiErrorBody {
  readonly code: ErrorCode
  readonly field?: string
  readonly existing_id?: string

  constructor(body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.code = body.code
    if (body.field) this.field = body.field
    if (body.existing_id) this.existing_id = body.existing_id
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

const TOKEN_KEY = 'ledger.token'

/** Session storage that may be missing (privacy mode, tests). */
function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/**
 * Take `?token=` from the page URL (first load in browser mode), keep it in
 * sessionStorage and remove it from the address bar. Call once, before the
 * router starts. Returns the token in use, if any.
 */
export function captureToken(loc: Location = window.location, hist: History = window.history): string | null {
  const url = new URL(loc.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage()?.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    hist.replaceState(hist.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage()?.getItem(TOKEN_KEY) ?? null
}

export function currentToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null
}

/**
 * Running in the desktop window (Tauri injects `__TAURI_INTERNALS__`) rather
 * than in a browser against `ledger serve`.
 */
export function isDesktop(win: object | undefined = typeof window === 'undefined' ? undefined : window): boolean {
  return typeof win === 'object' && win !== null && '__TAURI_INTERNALS__' in win
}

const CODES: readonly ErrorCode[] = [
  'bad_request',
  'invalid',
  'bad_length',
  'bad_checksum',
  'bad_date',
  'bad_phone',
  'duplicate',
  'not_found',
  'conflict',
  'setup_required',
  'schema_too_new',
  'unauthorized',
  'missing_glyph',
  'internal',
]

function looksLikeBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  return typeof o.message === 'string' && typeof o.code === 'string'
}

/** Turn whatever a transport rejected with into an `ApiError`. */
export function toApiError(v: unknown, httpStatus?: number): ApiError {
  if (v instanceof ApiError) return v
  if (looksLikeBody(v)) {
    const code = (CODES as readonly string[]).includes(v.code) ? v.code : 'internal'
    return new ApiError({ ...v, code })
  }
  if (typeof v === 'string' && v) return new ApiError({ code: 'internal', message: v })
  if (httpStatus === 401 || httpStatus === 403) {
    return new ApiError({ code: 'unauthorized', message: UNAUTHORIZED_MESSAGE })
  }
  const suffix = httpStatus ? `（HTTP ${httpStatus}）` : ''
  return new ApiError({ code: 'internal', message: `台账服务返回了无法识别的错误${suffix}` })
}

export const UNAUTHORIZED_MESSAGE =
  '访问令牌无效或缺失：请使用启动台账服务时显示的完整链接（带 ?token=）打开本页面'

async function viaTauri<T>(command: string, args: unknown): Promise<T> {
  try {
    return (await invoke('api', { command, args: args ?? {} })) as T
  } catch (e) {
    throw toApiError(e)
  }
}

async function viaHttp<T>(command: string, args: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const token = currentToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let res: Response
  try {
    res = await fetch(`/api/${encodeURIComponent(command)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(args ?? {}),
    })
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw new ApiError({ code: 'internal', message: `无法连接到台账服务：${why}` })
  }
  const text = await res.text()
  let body: unknown = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      if (res.ok) {
        throw new ApiError({ code: 'internal', message: '台账服务返回的数据无法解析' })
      }
      body = null
    }
  }
  if (!res.ok) throw toApiError(body, res.status)
  return body as T
}

/** Call a backend command. Throws `ApiError`. */
export function request<T>(command: string, args?: unknown): Promise<T> {
  return isDesktop() ? viaTauri<T>(command, args) : viaHttp<T>(command, args)
}

/** Show an error to the cadre (the default when a caller does not handle it). */
export function showError(e: unknown): void {
  const err = e instanceof ApiError ? e : toApiError(e instanceof Error ? e.message : e)
  ElMessage.error({ message: err.message, grouping: true, showClose: true, duration: 6000 })
  if (!(e instanceof ApiError)) console.error(e)
}
