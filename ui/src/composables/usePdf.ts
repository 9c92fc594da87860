// One document on a page: make it (preview or for real), keep what is shown,
// release its blob: URL when replaced or when the page goes away.

import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { isDesktop, previewFile, releaseUrl, saveFile, type FileJob, type ShownFile } from '@/api/files'
import { toApiError, type ApiError } from '@/api/transport'
import type { PdfOut } from '@/api/types'

export type PdfBusy = '' | 'preview' | 'save'

export function usePdf<T extends PdfOut = PdfOut>() {
  const shown = shallowRef<ShownFile<T> | null>(null)
  const busy = ref<PdfBusy>('')
  /** The last refusal, for the page to show where it belongs. */
  const error = shallowRef<ApiError | null>(null)
  /** Ignore a slower, older answer (live previews). */
  let seq = 0

  function show(next: ShownFile<T> | null) {
    const old = shown.value
    shown.value = next
    if (old && old.url !== next?.url) releaseUrl(old.url)
  }

  async function run(
    kind: Exclude<PdfBusy, ''>,
    job: FileJob<T>,
    how: (job: FileJob<T>) => Promise<ShownFile<T> | null>,
  ): Promise<ShownFile<T> | null> {
    const mine = ++seq
    busy.value = kind
    error.value = null
    try {
      const out = await how(job)
      if (mine !== seq) {
        releaseUrl(out?.url)
        return null
      }
      if (out) {
        show(out)
        if (out.path) {
          ElMessage.success({
            message: out.preview ? `已用系统的PDF阅读器打开预览` : `已保存到 ${out.path}，并已用系统的PDF阅读器打开`,
            duration: 5000,
          })
        }
      }
      return out
    } catch (e) {
      if (mine === seq) error.value = toApiError(e)
      throw e
    } finally {
      if (mine === seq) busy.value = ''
    }
  }

  /** Preview; throws the refusal (also kept in `error`). */
  const preview = (job: FileJob<T>) => run('preview', job, previewFile)
  /** Make it for real and save it; null when the save dialog was cancelled. */
  const save = (job: FileJob<T>) => run('save', job, saveFile)
  /**
   * A document that is made for real but need not be downloaded at once
   * (花名册, 申请书): browser — shown, with its download link; desktop —
   * saved where the cadre chooses and opened.
   */
  const open = (job: FileJob<T>) =>
    run('save', job, async (j) => (isDesktop() ? saveFile(j) : { ...(await previewFile(j)), preview: false }))

  /** Stop showing the last document (it no longer matches the form). */
  function discard() {
    show(null)
  }

  function clear() {
    seq++
    busy.value = ''
    error.value = null
    show(null)
  }

  onBeforeUnmount(() => show(null))

  return { shown, busy, error, preview, save, open, discard, clear }
}
