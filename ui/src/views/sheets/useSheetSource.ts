// The spreadsheet a page works on: chosen once (desktop: a path; browser: its
// bytes), previewed, previewed again when the cadre picks another worksheet
// or header row. The backend keeps the last file parsed, so the preview, dry
// run, commit and report read it once.

import { computed, ref, shallowRef } from 'vue'
import { fileArg, pickFile, type PickedFile } from '@/api/files'
import { importPreview } from '@/api/sheets'
import { isApiError, showError, toApiError, type ApiError } from '@/api/transport'
import type { ImportPreview, SheetMapping } from '@/api/types'
import { SHEET_FILTERS } from '@/domain/sheets'

export function useSheetSource() {
  const picked = shallowRef<PickedFile | null>(null)
  const preview = shallowRef<ImportPreview | null>(null)
  /** The mapping as the cadre has it now (starts as the preview's). */
  const mapping = ref<SheetMapping | null>(null)
  const loading = ref(false)
  /** Why the file could not be read (shown on the page, not as a toast). */
  const error = shallowRef<ApiError | null>(null)
  /** No header was found: the first row is shown for the cadre to point at the right one. */
  const noHeader = ref(false)
  let seq = 0

  /** The file part of every command's args. */
  const source = computed(() =>
    picked.value ? { ...fileArg(picked.value), ...(preview.value ? { sheet: preview.value.sheet } : {}) } : null,
  )

  async function load(opts: { sheet?: number; header_row?: number } = {}) {
    const p = picked.value
    if (!p) return
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      let res: ImportPreview
      try {
        res = await importPreview({ ...fileArg(p), ...opts })
        noHeader.value = false
      } catch (e) {
        // No header among the first rows (a summary sheet first, an odd
        // layout): show the sheet from its first row, so the cadre can
        // choose another worksheet or say where the header is.
        if (!isApiError(e) || e.field !== 'header_row' || opts.header_row !== undefined) throw e
        res = await importPreview({ ...fileArg(p), ...opts, header_row: 0 })
        noHeader.value = true
      }
      if (mine !== seq) return
      preview.value = res
      mapping.value = { header_row: res.mapping.header_row, fields: { ...res.mapping.fields } }
    } catch (e) {
      if (mine !== seq) return
      preview.value = null
      mapping.value = null
      error.value = toApiError(e)
      if (!isApiError(e)) showError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** Ask for a file (call straight from a click: the browser's chooser needs it). Returns whether one was chosen. */
  async function choose(): Promise<boolean> {
    let p: PickedFile | null
    try {
      p = await pickFile(SHEET_FILTERS)
    } catch (e) {
      showError(e)
      return false
    }
    if (!p) return false
    picked.value = p
    preview.value = null
    mapping.value = null
    await load()
    return true
  }

  /** Another worksheet: its header is found again. */
  const setSheet = (sheet: number) => load({ sheet })
  /** The header is on this (0-based) row instead. */
  const setHeaderRow = (row: number) => load({ sheet: preview.value?.sheet, header_row: row })

  function clear() {
    seq++
    picked.value = null
    preview.value = null
    mapping.value = null
    error.value = null
    noHeader.value = false
    loading.value = false
  }

  return { picked, preview, mapping, loading, error, noHeader, source, choose, load, setSheet, setHeaderRow, clear }
}

export type SheetSource = ReturnType<typeof useSheetSource>
