import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))
const notify = vi.fn()
const message = vi.fn()
vi.mock('element-plus', () => ({
  ElMessage: { error: vi.fn(), success: (...a: unknown[]) => message(...a) },
  ElNotification: (...a: unknown[]) => notify(...a),
  ElButton: {},
}))

import { acceptOf, baseName, bytesToBase64, chooseBrowserFile, fileArg, pickFile, readPicked, MAX_UPLOAD_BYTES } from './files'
import { saveSheet, sheetChoices } from './sheets'
import type { FileOut } from './types'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function desktop(on: boolean) {
  const w = window as unknown as Record<string, unknown>
  if (on) w.__TAURI_INTERNALS__ = {}
  else delete w.__TAURI_INTERNALS__
}

function out(over: Partial<FileOut> = {}): FileOut {
  return { file_name: '花名册-2026-11-23.xlsx', path: null, bytes_base64: 'UEsDBA==', mime: XLSX_MIME, rows: 3, ...over }
}

beforeEach(() => {
  invoke.mockReset()
  notify.mockReset()
  message.mockReset()
  desktop(false)
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  desktop(false)
  document.body.innerHTML = ''
})

describe('picked files as the backend takes them', () => {
  it('names a path by its last part', () => {
    expect(baseName('/home/a/名单.xlsx')).toBe('名单.xlsx')
    expect(baseName('C:\\Users\\a\\交管名单.csv')).toBe('交管名单.csv')
    expect(baseName('x.csv')).toBe('x.csv')
  })

  it('sends a path or the bytes, never both, never the size', () => {
    expect(fileArg({ path: '/a/b.xlsx', file_name: 'b.xlsx' })).toEqual({ path: '/a/b.xlsx' })
    expect(fileArg({ file_name: 'b.csv', bytes_base64: 'YQ==', size: 1 })).toEqual({ file_name: 'b.csv', bytes_base64: 'YQ==' })
  })

  it('accepts the filter extensions', () => {
    expect(acceptOf([{ name: '表格', extensions: ['xlsx', 'csv'] }])).toBe('.xlsx,.csv')
  })

  it('reads a browser file as base64', async () => {
    const bytes = new TextEncoder().encode('姓名,身份证号\n')
    const picked = await readPicked(new File([bytes], '名单.csv'))
    expect(picked).toEqual({ file_name: '名单.csv', bytes_base64: bytesToBase64(bytes), size: bytes.length })
  })

  it('refuses a file the backend would refuse, before reading it', async () => {
    const big = { name: 'big.xlsx', size: MAX_UPLOAD_BYTES + 1, arrayBuffer: vi.fn() } as unknown as File
    await expect(readPicked(big)).rejects.toMatchObject({ name: 'ApiError', message: expect.stringContaining('200MB') })
    expect(big.arrayBuffer).not.toHaveBeenCalled()
  })
})

describe('choosing a file', () => {
  it('desktop: the shell open dialog gives a path', async () => {
    desktop(true)
    invoke.mockResolvedValueOnce('/home/a/交管名单.xlsx')
    const filters = [{ name: '表格', extensions: ['xlsx', 'xls', 'ods', 'csv'] }]
    expect(await pickFile(filters)).toEqual({ path: '/home/a/交管名单.xlsx', file_name: '交管名单.xlsx' })
    expect(invoke).toHaveBeenCalledWith('open_file', { filters })
    invoke.mockResolvedValueOnce(null)
    expect(await pickFile(filters)).toBeNull()
  })

  it('browser: a hidden file input, removed afterwards', async () => {
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      expect(this.accept).toBe('.xlsx,.csv')
      const file = new File(['a'], 'a.csv')
      Object.defineProperty(this, 'files', { value: [file] })
      this.dispatchEvent(new Event('change'))
    })
    const f = await chooseBrowserFile('.xlsx,.csv')
    expect(f?.name).toBe('a.csv')
    expect(click).toHaveBeenCalledOnce()
    expect(document.querySelectorAll('input[type=file]').length).toBe(0)
  })

  it('browser: a cancelled chooser gives null', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'))
    })
    expect(await pickFile([{ name: '表格', extensions: ['csv'] }])).toBeNull()
    expect(invoke).not.toHaveBeenCalled()
  })
})

describe('saving a spreadsheet', () => {
  it('browser: downloads under the backend name, made without out', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:sheet-1')
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download)
    })
    const make = vi.fn(async () => out())
    const res = await saveSheet({ defaultName: '花名册.xlsx', filters: [], make })
    expect(make).toHaveBeenCalledWith()
    expect(res?.rows).toBe(3)
    expect(downloads).toEqual(['花名册-2026-11-23.xlsx'])
    expect(message).toHaveBeenCalledOnce()
    expect(invoke).not.toHaveBeenCalled()
  })

  it('desktop: asks where, writes there, offers to open', async () => {
    desktop(true)
    invoke.mockImplementation(async (cmd: string) => (cmd === 'save_file' ? '/home/a/花名册' : null))
    const make = vi.fn(async (p?: string) => out({ path: p ?? null, bytes_base64: null, file_name: '花名册.xlsx' }))
    const filters = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]
    const res = await saveSheet({ defaultName: '花名册.xlsx', filters, make })
    expect(invoke).toHaveBeenCalledWith('save_file', { defaultName: '花名册.xlsx', filters })
    expect(make).toHaveBeenCalledWith('/home/a/花名册.xlsx')
    expect(res?.path).toBe('/home/a/花名册.xlsx')
    expect(notify).toHaveBeenCalledOnce()
    // Not opened by itself.
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(['save_file'])
  })

  it('desktop: a cancelled save dialog makes nothing', async () => {
    desktop(true)
    invoke.mockResolvedValue(null)
    const make = vi.fn()
    expect(await saveSheet({ defaultName: 'x.xlsx', filters: [], make })).toBeNull()
    expect(make).not.toHaveBeenCalled()
  })
})

describe('sheet choices', () => {
  it('are asked once, and again after a failure', async () => {
    desktop(true)
    invoke.mockRejectedValueOnce({ code: 'internal', message: '坏了' })
    await expect(sheetChoices()).rejects.toMatchObject({ message: '坏了' })
    invoke.mockResolvedValueOnce({ import_fields: [] })
    await sheetChoices()
    await sheetChoices()
    expect(invoke).toHaveBeenCalledTimes(2)
    expect(invoke).toHaveBeenLastCalledWith('api', { command: 'sheet_choices', args: {} })
  })
})
