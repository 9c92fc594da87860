import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/app'
import type { Choices } from '@/api/types'

/** The lists the forms offer (occupation groups, channels, org kinds). */
export const useChoicesStore = defineStore('choices', () => {
  const choices = ref<Choices | null>(null)
  let pending: Promise<Choices> | null = null

  function ensure(): Promise<Choices> {
    if (choices.value) return Promise.resolve(choices.value)
    pending ??= api
      .choices()
      .then((c) => (choices.value = c))
      .finally(() => {
        pending = null
      })
    return pending
  }

  function kindLabel(code: string): string {
    return choices.value?.org_kinds.find((k) => k.value === code)?.label ?? code
  }

  return { choices, ensure, kindLabel }
})
