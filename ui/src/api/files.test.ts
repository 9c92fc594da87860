import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }))
vi.mock('element-plus', () => ({ ElMessage: { error: vi.fn() } }))

import {
  base64ToBlob,
  base64ToBytes,
  bytesToBase64,
  downloadUrl,
  fileToBase64,
  isDesktop,
  previewFile,
  previewName,
  saveFile,
  saveFileDialog,
  withExtension,
  type MadeFile,
} from './files'

const PDF_B64 = 'JVBERi0xLjcK' // "%PDF-1.7\n"

function made(over: Partial<MadeFile> = {}): MadeFile & { pages: number } {
  return { file_name: '会员证-2026-11-23-1张.pdf', path: null, bytes_base64: PDF_B64, mime: 'application/pdf', pages: 1, ...over }
}

function desktop(on: boolean) {
  const w = window as unknown as Record<string, unknown>
  if (on) w.__TAURI_INTERNALS__ = {}
  else delete w.__TAURI_INTERNALS__
}

beforeEach(() => {
  invoke.mockReset()
  desktop(false)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  desktop(false)
})

describe('transport detection', () => {
  it('is desktop only when Tauri injected its internals', () => {
    expect(isDesktop({})).toBe(false)
    expect(isDesktop({ __TAURI_INTERNALS__: {} })).toBe(true)
    expect(isDesktop(undefined)).toBe(false)
    expect(isDesktop()).toBe(false)
    desktop(true)
    expect(isDesktop()).toBe(true)
  })
})

describe('base64', () => {
  it('decodes to bytes, with or without a data: prefix and line breaks', () => {
    expect([...base64ToBytes(PDF_B64)]).toEqual([...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)))
    expect([...base64ToBytes(`data:application/pdf;base64,${PDF_B64}`)]).toEqual([...base64ToBytes(PDF_B64)])
    expect([...base64ToBytes('JVBE\nRi0x\r\nLjcK')]).toEqual([...base64ToBytes(PDF_B64)])
    expect(base64ToBytes('').length).toBe(0)
  })

  it('makes a Blob of the right type and content', async () => {
    const blob = base64ToBlob(PDF_B64, 'application/pdf')
    expect(blob.type).toBe('application/pdf')
    expect(blob.size).toBe(9)
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('%PDF-1.7\n')
  })

  it('round-trips binary bytes, also past one chunk', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    const b64 = bytesToBase64(bytes)
    expect(base64ToBytes(b64)).toEqual(bytes)
    expect(await fileToBase64(new Blob([bytes]))).toBe(b64)
  })
})

describe('save dialog paths', () => {
  it('gives each preview its own name', () => {
    const at = new Date(2026, 10, 24, 8, 5, 9)
    expect(previewName('会员证-A4-2026-11-24-2张.pdf', at)).toBe('会员证-A4-2026-11-24-2张-预览080509.pdf')
    expect(previewName('海报', at)).toBe('海报-预览080509')
  })

  it('adds the extension the filter asks for', () => {
    expect(withExtension('/home/a/会员证', 'pdf')).toBe('/home/a/会员证.pdf')
    expect(withExtension('C:\\a\\x.PDF', 'pdf')).toBe('C:\\a\\x.PDF')
  })

  it('asks the shell with the name and filters; null when cancelled', async () => {
    invoke.mockResolvedValueOnce('/home/a/poster')
    expect(await saveFileDialog('入会海报.pdf')).toBe('/home/a/poster.pdf')
    expect(invoke).toHaveBeenCalledWith('save_file', {
      defaultName: '入会海报.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    })
    invoke.mockResolvedValueOnce(null)
    expect(await saveFileDialog('x.pdf')).toBeNull()
  })

  it('turns a shell failure into an ApiError with its message', async () => {
    invoke.mockRejectedValueOnce('没有权限写入该文件夹')
    await expect(saveFileDialog('x.pdf')).rejects.toMatchObject({ name: 'ApiError', message: '没有权限写入该文件夹' })
  })
})

describe('preview and save in the browser', () => {
  it('a preview is a blob: URL of the returned bytes, made without out', async () => {
    const create = vi.fn(() => 'blob:preview-1')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create }))
    const make = vi.fn(async () => made())
    const shown = await previewFile({ defaultName: 'x.pdf', make })
    expect(make).toHaveBeenCalledWith()
    expect(shown).toMatchObject({ url: 'blob:preview-1', path: null, preview: true })
    expect(shown.result.pages).toBe(1)
    expect(invoke).not.toHaveBeenCalled()
  })

  it('saving downloads under the backend file name', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:saved-1')
    const clicks: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download })
    })
    const shown = await saveFile({ defaultName: 'x.pdf', make: async () => made() })
    expect(shown).toMatchObject({ url: 'blob:saved-1', preview: false })
    expect(clicks).toEqual([{ href: 'blob:saved-1', download: '会员证-2026-11-23-1张.pdf' }])
    expect(document.querySelectorAll('a[download]').length).toBe(0)
  })

  it('downloadUrl leaves no link behind', () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    downloadUrl('blob:x', 'a.pdf')
    expect(click).toHaveBeenCalledOnce()
    expect(document.querySelectorAll('a').length).toBe(0)
  })

  it('refuses a result without bytes', async () => {
    await expect(previewFile({ defaultName: 'x.pdf', make: async () => made({ bytes_base64: null }) })).rejects.toMatchObject({
      name: 'ApiError',
    })
  })
})

describe('preview and save on the desktop', () => {
  beforeEach(() => desktop(true))

  it('a preview is written to the scratch path and opened in the system viewer', async () => {
    invoke.mockImplementation(async (cmd: string, args: { command?: string }) => {
      if (cmd === 'api' && args.command === 'print_preview_path') return { path: '/data/print-preview/x.pdf' }
      return null
    })
    const make = vi.fn(async (out?: string) => made({ path: out ?? null, bytes_base64: null }))
    const shown = await previewFile({ defaultName: 'x.pdf', make })
    expect(invoke.mock.calls[0][0]).toBe('api')
    expect(invoke.mock.calls[0][1]).toMatchObject({ command: 'print_preview_path' })
    expect(invoke.mock.calls[0][1].args.file_name).toMatch(/^x-预览\d{6}\.pdf$/)
    expect(make).toHaveBeenCalledWith('/data/print-preview/x.pdf')
    expect(invoke).toHaveBeenLastCalledWith('open_path', { path: '/data/print-preview/x.pdf' })
    expect(shown).toMatchObject({ url: null, path: '/data/print-preview/x.pdf', preview: true })
  })

  it('saving asks where, writes there and opens it', async () => {
    invoke.mockImplementation(async (cmd: string) => (cmd === 'save_file' ? '/home/a/会员证.pdf' : null))
    const make = vi.fn(async (out?: string) => made({ path: out ?? null, bytes_base64: null }))
    const shown = await saveFile({ defaultName: '会员证.pdf', make })
    expect(make).toHaveBeenCalledWith('/home/a/会员证.pdf')
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(['save_file', 'open_path'])
    expect(shown).toMatchObject({ path: '/home/a/会员证.pdf', url: null, preview: false })
  })

  it('a cancelled save dialog makes nothing', async () => {
    invoke.mockResolvedValue(null)
    const make = vi.fn()
    expect(await saveFile({ defaultName: 'x.pdf', make })).toBeNull()
    expect(make).not.toHaveBeenCalled()
  })
})
