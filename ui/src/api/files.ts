// Documents the backend makes (PDFs now, spreadsheets later): preview, save,
// open — across both transports.
//
// Browser (`ledger serve`): the file comes back as base64; it is shown from a
// blob: URL (Chromium shows PDFs in an <iframe>) and saved with an
// <a download>.
// Desktop (Tauri): WebKitGTK shows no PDF inline, so the backend writes the
// file where the cadre chose in the shell's native save dialog
// (`save_file`), or to a scratch path for a preview (`print_preview_path`),
// and the shell opens it in the system viewer (`open_path`).

import { invoke } from '@tauri-apps/api/core'
import { isDesktop, request, toApiError } from './transport'
import type { PreviewPath } from './types'

export { isDesktop }

export interface FileFilter {
  name: string
  extensions: string[]
}

export const PDF_FILTER: FileFilter = { name: 'PDF', extensions: ['pdf'] }

/** What every file-making command returns (`PdfOut`, `FileOut`, `CertificatesOut`). */
export interface MadeFile {
  file_name: string
  path: string | null
  bytes_base64: string | null
  mime: string
}

/** Standard base64 (a `data:…;base64,` prefix and whitespace allowed) → bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const i = b64.indexOf(';base64,')
  const body = (i >= 0 ? b64.slice(i + 8) : b64).replace(/\s+/g, '')
  const bin = atob(body)
  const out = new Uint8Array(bin.length)
  for (let k = 0; k < bin.length; k++) out[k] = bin.charCodeAt(k)
  return out
}

export function base64ToBlob(b64: string, mime: string): Blob {
  return new Blob([base64ToBytes(b64) as BlobPart], { type: mime })
}

/** Bytes → standard base64 (in chunks: large files would overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(bin)
}

/** A file the cadre picked (an <input type="file">) as base64 for the backend. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}

/** `name.pdf` for `name`: a save dialog may return a path without the extension. */
export function withExtension(path: string, ext: string): string {
  return path.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? path : `${path}.${ext}`
}

/** A blob: URL of a file returned as base64 (the holder revokes it). */
export function blobUrlOf(f: MadeFile): string {
  if (!f.bytes_base64) throw toApiError('台账服务没有返回文件内容')
  return URL.createObjectURL(base64ToBlob(f.bytes_base64, f.mime))
}

/** Save a blob: URL under a name (browser): an <a download> clicked. */
export function downloadUrl(url: string, fileName: string, doc: Document = document): void {
  const a = doc.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  doc.body.appendChild(a)
  a.click()
  a.remove()
}

// ---- desktop shell commands (src-tauri) ----

async function shell<T>(command: string, args: Record<string, unknown>): Promise<T> {
  try {
    return (await invoke(command, args)) as T
  } catch (e) {
    throw toApiError(e)
  }
}

/** The native save dialog: the chosen path, or null when cancelled. */
export async function saveFileDialog(defaultName: string, filters: FileFilter[] = [PDF_FILTER]): Promise<string | null> {
  const path = await shell<string | null>('save_file', { defaultName, filters })
  if (!path) return null
  const ext = filters[0]?.extensions[0]
  return ext ? withExtension(path, ext) : path
}

/** Open a file in the system's viewer (desktop). */
export function openPath(path: string): Promise<void> {
  return shell<void>('open_path', { path })
}

// ---- jobs ----

/** A document to make: written to `out` when given (desktop), else returned as base64. */
export interface FileJob<T extends MadeFile> {
  /** The name a save dialog offers before the backend has named the file. */
  defaultName: string
  make: (out?: string) => Promise<T>
}

export interface ShownFile<T extends MadeFile> {
  result: T
  /** Browser: a blob: URL of the file (whoever shows it revokes it). */
  url: string | null
  /** Desktop: where it was written and opened from. */
  path: string | null
  /** A preview, not the document for real. */
  preview: boolean
}

/**
 * A preview's own file name (`会员证-预览183005.pdf`): a viewer still showing
 * the last preview (on Windows it may lock the file) is not overwritten.
 */
export function previewName(name: string, now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)}-预览${stamp}${name.slice(dot)}` : `${name}-预览${stamp}`
}

/**
 * Show a document without saving it. Browser: a blob: URL for an <iframe>.
 * Desktop: written to a scratch path and opened in the system viewer.
 */
export async function previewFile<T extends MadeFile>(job: FileJob<T>): Promise<ShownFile<T>> {
  if (isDesktop()) {
    const { path } = await request<PreviewPath>('print_preview_path', { file_name: previewName(job.defaultName) })
    const result = await job.make(path)
    const written = result.path ?? path
    await openPath(written)
    return { result, url: null, path: written, preview: true }
  }
  const result = await job.make()
  return { result, url: blobUrlOf(result), path: null, preview: true }
}

/**
 * Make and save a document. Browser: downloaded (and its blob: URL kept for
 * the <iframe>). Desktop: the native save dialog, then the system viewer.
 * Null when the cadre cancelled the save dialog (nothing was made).
 */
export async function saveFile<T extends MadeFile>(
  job: FileJob<T>,
  filters: FileFilter[] = [PDF_FILTER],
): Promise<ShownFile<T> | null> {
  if (isDesktop()) {
    const chosen = await saveFileDialog(job.defaultName, filters)
    if (!chosen) return null
    const result = await job.make(chosen)
    const written = result.path ?? chosen
    await openPath(written)
    return { result, url: null, path: written, preview: false }
  }
  const result = await job.make()
  const url = blobUrlOf(result)
  downloadUrl(url, result.file_name)
  return { result, url, path: null, preview: false }
}

// ---- choosing a file to read (spreadsheets) ----

/**
 * A file the cadre chose to read, as the backend's `FileArg` takes it:
 * desktop its path, browser its bytes as base64.
 */
export type PickedFile = { path: string; file_name: string } | { file_name: string; bytes_base64: string; size: number }

/** The backend reads uploads of at most this size. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024

/** The last part of a path, with either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** The `FileArg` fields of a picked file (merged into a command's args). */
export function fileArg(p: PickedFile): { path: string } | { file_name: string; bytes_base64: string } {
  return 'path' in p ? { path: p.path } : { file_name: p.file_name, bytes_base64: p.bytes_base64 }
}

/** `.xlsx,.csv` for an <input accept> from dialog filters. */
export function acceptOf(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
}

/**
 * Let the cadre choose a file in the browser: a hidden <input type="file">
 * clicked (call straight from a click handler, before any await). Null when
 * the chooser is cancelled.
 */
export function chooseBrowserFile(accept: string, doc: Document = document): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const done = (f: File | null) => {
      input.remove()
      resolve(f)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => done(null), { once: true })
    doc.body.appendChild(input)
    input.click()
  })
}

/** A browser file as the backend takes it; too large a file is refused here. */
export async function readPicked(file: File): Promise<PickedFile> {
  if (file.size > MAX_UPLOAD_BYTES) throw toApiError(`“${file.name}”太大（最多200MB）`)
  return { file_name: file.name, bytes_base64: await fileToBase64(file), size: file.size }
}

/**
 * Ask for a file to read. Desktop: the shell's open dialog (`open_file`)
 * gives a path the backend reads itself. Browser: a file chooser, read as
 * base64. Null when cancelled.
 */
export async function pickFile(filters: FileFilter[], doc: Document = document): Promise<PickedFile | null> {
  if (isDesktop()) {
    const path = await shell<string | null>('open_file', { filters })
    return path ? { path, file_name: baseName(path) } : null
  }
  const file = await chooseBrowserFile(acceptOf(filters), doc)
  return file ? readPicked(file) : null
}

/** Revoke a blob: URL made here (null and non-blob URLs are ignored). */
export function releaseUrl(url: string | null | undefined): void {
  if (url && url.startsWith('blob:')) URL.revokeObjectURL(url)
}
