import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))
const messageError = vi.fn()
vi.mock('element-plus', () => ({ ElMessage: { error: (...a: unknown[]) => messageError(...a) } }))

import { ApiError, captureToken, currentToken, request, showError, toApiError } from './transport'

/** The ApiError a request rejected with. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the request to fail')
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

beforeEach(() => {
  sessionStorage.clear()
  invoke.mockReset()
  messageError.mockReset()
  delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('captureToken', () => {
  it('takes the token from the URL, stores it and strips it', () => {
    const replaceState = vi.fn()
    const loc = { href: 'http://127.0.0.1:4567/?token=abc123&x=1#/members' } as Location
    const token = captureToken(loc, { state: null, replaceState } as unknown as History)
    expect(token).toBe('abc123')
    expect(currentToken()).toBe('abc123')
    expect(sessionStorage.getItem('ledger.token')).toBe('abc123')
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/members')
  })

  it('keeps the stored token when the URL has none', () => {
    sessionStorage.setItem('ledger.token', 'kept')
    const replaceState = vi.fn()
    const loc = { href: 'http://127.0.0.1:4567/#/' } as Location
    expect(captureToken(loc, { state: null, replaceState } as unknown as History)).toBe('kept')
    expect(replaceState).not.toHaveBeenCalled()
  })

  it('a new token in the URL replaces the stored one', () => {
    sessionStorage.setItem('ledger.token', 'old')
    const loc = { href: 'http://127.0.0.1:4567/?token=new#/' } as Location
    captureToken(loc, { state: null, replaceState: vi.fn() } as unknown as History)
    expect(currentToken()).toBe('new')
  })
})

describe('request over HTTP', () => {
  it('POSTs the args as JSON with the bearer token and returns the result', async () => {
    sessionStorage.setItem('ledger.token', 'tok')
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { total: 3 }))
    vi.stubGlobal('fetch', fetchMock)
    const out = await request<{ total: number }>('member_list', { text: '张' })
    expect(out).toEqual({ total: 3 })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/member_list')
    expect(init.method).toBe('POST')
    expect(init.headers.Authorization).toBe('Bearer tok')
    expect(JSON.parse(init.body)).toEqual({ text: '张' })
  })

  it('sends {} when there are no args and accepts an empty or null body', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response('', { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    expect(await request('org_delete')).toBeNull()
    expect(fetchMock.mock.calls[0][1].body).toBe('{}')
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBeUndefined()
  })

  it('throws the backend refusal as a typed ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        jsonResponse(422, {
          code: 'duplicate',
          message: '身份证号：该人员已在台账中',
          field: 'id_number',
          existing_id: 'm1',
        }),
      ),
    )
    const err = await failure(request('member_create', {}))
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'duplicate', field: 'id_number', existing_id: 'm1' })
    expect(err.message).toBe('身份证号：该人员已在台账中')
  })

  it('maps a network failure to internal 无法连接到台账服务', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const err = await failure(request('app_info'))
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('internal')
    expect(err.message).toBe('无法连接到台账服务：Failed to fetch')
  })

  it('maps a bare 401 to unauthorized', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('nope', { status: 401 })))
    const err = await failure(request('app_info'))
    expect(err.code).toBe('unauthorized')
    expect(err.message).toContain('?token=')
  })

  it('keeps the server message for a JSON 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(jsonResponse(401, { code: 'unauthorized', message: '访问令牌不对' })),
    )
    const err = await failure(request('app_info'))
    expect(err).toMatchObject({ code: 'unauthorized', message: '访问令牌不对' })
  })

  it('maps a non-JSON 500 to internal with the status', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>oops</html>', { status: 500 })))
    const err = await failure(request('app_info'))
    expect(err.code).toBe('internal')
    expect(err.message).toContain('HTTP 500')
  })

  it('reports an unparsable 200 body', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('not json', { status: 200 })))
    const err = await failure(request('app_info'))
    expect(err.code).toBe('internal')
  })
})

describe('request in the desktop window', () => {
  it('uses invoke("api", {command, args}) when Tauri is present', async () => {
    ;(window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {}
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    invoke.mockResolvedValue({ version: '0.1.0' })
    expect(await request('app_info')).toEqual({ version: '0.1.0' })
    expect(invoke).toHaveBeenCalledWith('api', { command: 'app_info', args: {} })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('turns a rejected ApiError object into ApiError', async () => {
    ;(window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {}
    invoke.mockRejectedValue({ code: 'bad_checksum', message: '身份证号：校验码错误', field: 'id_number' })
    const err = await failure(request('member_create', { name: 'x' }))
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'bad_checksum', field: 'id_number' })
    expect(invoke).toHaveBeenCalledWith('api', { command: 'member_create', args: { name: 'x' } })
  })

  it('turns a rejected string into an internal ApiError', async () => {
    ;(window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {}
    invoke.mockRejectedValue('command api not found')
    const err = await failure(request('app_info'))
    expect(err).toMatchObject({ code: 'internal', message: 'command api not found' })
  })
})

describe('toApiError and showError', () => {
  it('normalises unknown codes to internal', () => {
    expect(toApiError({ code: 'weird', message: 'm' }).code).toBe('internal')
  })

  it('passes an ApiError through unchanged', () => {
    const e = new ApiError({ code: 'conflict', message: 'm' })
    expect(toApiError(e)).toBe(e)
  })

  it('shows the message with ElMessage.error', () => {
    showError(new ApiError({ code: 'conflict', message: '不能删除本单位' }))
    expect(messageError).toHaveBeenCalledTimes(1)
    expect(messageError.mock.calls[0][0].message).toBe('不能删除本单位')
  })
})
