// The outbound lists (provinces with cities, states, statuses, channels,
// outcomes), loaded once per session.

import { ref } from 'vue'
import { outboundChoices } from '@/api/outbound'
import type { OutboundChoices } from '@/api/types'

const choices = ref<OutboundChoices | null>(null)
let pending: Promise<OutboundChoices> | null = null

export function useOutboundChoices() {
  if (!choices.value && !pending) {
    pending = outboundChoices()
      .then((c) => (choices.value = c))
      .finally(() => (pending = null))
    pending.catch(() => {})
  }
  return choices
}

/** Cities of a province (empty when none chosen). */
export function citiesOf(c: OutboundChoices | null, province: string): string[] {
  return c?.provinces.find((p) => p.name === province)?.cities ?? []
}

/**
 * County-level divisions of a city (2023 list); empty when the city has
 * none listed. Newer names may still be typed in (allow-create).
 */
export function countiesOf(c: OutboundChoices | null, province: string, city: string): string[] {
  if (!city) return []
  return c?.provinces.find((p) => p.name === province)?.counties[city] ?? []
}
