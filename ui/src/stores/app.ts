import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/app'
import type { AppInfo, SetupInput } from '@/api/types'
import type { ApiError } from '@/api/transport'
import { toApiError } from '@/api/transport'

/** What the app knows about itself: this office, the operator, file paths. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  /** Set when the backend cannot be reached at all. */
  const loadError = ref<ApiError | null>(null)
  let pending: Promise<AppInfo | null> | null = null

  const office = computed(() => info.value?.office ?? null)
  const operator = computed(() => info.value?.operator ?? null)
  const needsSetup = computed(() => info.value !== null && info.value.office === null)

  async function refresh(): Promise<AppInfo | null> {
    try {
      info.value = await api.appInfo()
      loadError.value = null
    } catch (e) {
      loadError.value = toApiError(e)
    }
    return info.value
  }

  /** Load once; later calls share the first answer. */
  function ensure(): Promise<AppInfo | null> {
    if (info.value) return Promise.resolve(info.value)
    pending ??= refresh().finally(() => {
      pending = null
    })
    return pending
  }

  async function setup(input: SetupInput) {
    info.value = await api.setupOffice(input)
    return info.value
  }

  async function setOperator(name: string) {
    info.value = await api.setOperator({ name })
    return info.value
  }

  return { info, loadError, office, operator, needsSetup, refresh, ensure, setup, setOperator }
})
