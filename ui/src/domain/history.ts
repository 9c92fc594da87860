// A member's change history (变更记录) as the timeline shows it. Pure; unit-tested.

import type { FieldChange, HistoryEntry } from '@/api/types'

const EMPTY = '（空）'

/** "所属组织：甲 → 乙"; a first registration shows only the value. */
export function changeText(c: FieldChange): string {
  if (c.from === null && c.to !== null) return `${c.label}：${c.to}`
  return `${c.label}：${c.from ?? EMPTY} → ${c.to ?? EMPTY}`
}

/**
 * Newest first; entries that changed nothing and say nothing (a save with
 * no edits, a second verification on the same day) are left out.
 */
export function timeline(entries: HistoryEntry[]): HistoryEntry[] {
  return entries.filter((e) => e.changes.length > 0 || (e.note && e.note.trim())).reverse()
}

export type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function actionTone(action: string): Tone {
  switch (action) {
    case '入会登记':
      return 'success'
    case '会籍转接':
      return 'primary'
    case '状态变更':
      return 'warning'
    case '删除':
      return 'danger'
    default:
      return 'info'
  }
}

/** Fields of a registration worth a line; the rest are behind 展开. */
const REGISTRATION_KEYS = ['org_id', 'join_channel', 'join_date', 'member_no']

/**
 * Changes to show at once: for 入会登记 the holding org, channel, date and
 * number; for the rest every change. `hidden` counts what is folded.
 */
export function shownChanges(e: HistoryEntry, expanded: boolean): { shown: FieldChange[]; hidden: number } {
  if (e.action !== '入会登记' || expanded) return { shown: e.changes, hidden: 0 }
  const shown = e.changes.filter((c) => REGISTRATION_KEYS.includes(c.field))
  return { shown, hidden: e.changes.length - shown.length }
}

/**
 * The status change a status entry made, for its headline:
 * "在会 → 退会". Undefined for other entries.
 */
export function statusMove(e: HistoryEntry): string | undefined {
  if (e.action !== '状态变更') return undefined
  const c = e.changes.find((x) => x.field === 'status')
  return c ? `${c.from ?? EMPTY} → ${c.to ?? EMPTY}` : undefined
}
