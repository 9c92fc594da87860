// Spreadsheets in and out: import (preview, dry run, commit, report), roster
// export (花名册) and roster comparison (摸清底数). Files go in as a
// `FileArg` (desktop: a path; browser: base64) merged into the args, and come
// out as a `FileOut` (written to `out` on the desktop, else base64).

import { h } from 'vue'
import { ElButton, ElMessage, ElNotification } from 'element-plus'
import { blobUrlOf, downloadUrl, isDesktop, openPath, releaseUrl, saveFileDialog, type FileFilter } from './files'
import { request, showError } from './transport'
import type {
  ExportMembersInput,
  FileOut,
  ImportInput,
  ImportPreview,
  ImportPreviewInput,
  ImportReportInput,
  ImportSummary,
  RosterCompareInput,
  RosterExportInput,
  RosterResult,
  SheetChoices,
} from './types'

let choicesOnce: Promise<SheetChoices> | null = null
/** Import fields, export columns, modes, roster parts, refusal reasons (asked once). */
export function sheetChoices(): Promise<SheetChoices> {
  choicesOnce ??= request<SheetChoices>('sheet_choices').catch((e) => {
    choicesOnce = null
    throw e
  })
  return choicesOnce
}

export const importPreview = (input: ImportPreviewInput) => request<ImportPreview>('import_preview', input)
/** Classifies every row; writes nothing. */
export const importDryRun = (input: ImportInput) => request<ImportSummary>('import_dry_run', input)
/** One transaction: all valid new rows (and the mode's changes) or nothing. */
export const importCommit = (input: ImportInput) => request<ImportSummary>('import_commit', input)
export const importReport = (input: ImportReportInput) => request<FileOut>('import_report_xlsx', input)
export const exportMembers = (input: ExportMembersInput) => request<FileOut>('export_members', input)
/** Reads the list; adds nobody to the ledger. */
export const rosterCompare = (input: RosterCompareInput) => request<RosterResult>('roster_compare', input)
export const rosterExportPart = (input: RosterExportInput) => request<FileOut>('roster_export_part', input)

/** A spreadsheet to make: written to `out` when given (desktop), else returned as base64. */
export interface SheetJob {
  /** The name the save dialog offers (the backend names a download itself). */
  defaultName: string
  filters: FileFilter[]
  make: (out?: string) => Promise<FileOut>
}

/** How long a download's blob: URL is kept (the browser may still be reading it). */
const KEEP_URL_MS = 60_000

/**
 * Make a spreadsheet and save it. Browser: downloaded under the backend's
 * name. Desktop: the native save dialog, then written there, with a note
 * that offers to open it. Null when the save dialog was cancelled.
 */
export async function saveSheet(job: SheetJob): Promise<FileOut | null> {
  if (isDesktop()) {
    const chosen = await saveFileDialog(job.defaultName, job.filters)
    if (!chosen) return null
    const out = await job.make(chosen)
    const path = out.path ?? chosen
    ElNotification({
      type: 'success',
      title: '已保存',
      duration: 8000,
      message: h('div', { class: 'saved-note' }, [
        h('div', { style: 'word-break: break-all; margin-bottom: 6px' }, path),
        h(
          ElButton,
          { size: 'small', type: 'primary', plain: true, onClick: () => openPath(path).catch(showError) },
          () => '打开文件',
        ),
      ]),
    })
    return out
  }
  const out = await job.make()
  const url = blobUrlOf(out)
  downloadUrl(url, out.file_name)
  setTimeout(() => releaseUrl(url), KEEP_URL_MS)
  ElMessage.success({ message: `已下载“${out.file_name}”（${out.rows} 行）`, duration: 4000 })
  return out
}
