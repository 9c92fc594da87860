// 外出报告: report states, trip statuses and what a cadre may do next. The
// backend is the authority (it refuses a bad move with a Chinese message);
// this only decides labels, colours and which buttons to offer. Pure;
// unit-tested.

import type { OutboundQuery } from '@/api/types'

// Codes as the backend sends them; every row carries the Chinese `*_label`.
// State: draft 草稿 | reported 已上报 | filed 已备案 | returned 已退回.
// Status (computed with today's date): planned 待出发 | away 外出中 |
// overdue 逾期未返 | lost 失联 | back 已返回.

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function stateTagType(state: string): TagType {
  switch (state) {
    case 'reported':
      return 'primary'
    case 'filed':
      return 'success'
    case 'returned':
      return 'danger'
    default:
      return 'info'
  }
}

export function tripStatusTagType(status: string): TagType {
  switch (status) {
    case 'away':
      return 'primary'
    case 'back':
      return 'success'
    case 'overdue':
      return 'warning'
    case 'lost':
      return 'danger'
    default:
      return 'info'
  }
}

export type TripAction = 'edit' | 'report' | 'file' | 'return' | 'reopen' | 'delete'

export interface ActionInfo {
  action: TripAction
  label: string
  /** 退回 and 重新打开 need a reason the history keeps. */
  needsReason: boolean
}

const ACTIONS: Record<TripAction, ActionInfo> = {
  edit: { action: 'edit', label: '修改', needsReason: false },
  report: { action: 'report', label: '上报', needsReason: false },
  file: { action: 'file', label: '备案', needsReason: false },
  return: { action: 'return', label: '退回', needsReason: true },
  reopen: { action: 'reopen', label: '重新打开', needsReason: true },
  delete: { action: 'delete', label: '删除', needsReason: false },
}

export function actionInfo(a: TripAction): ActionInfo {
  return ACTIONS[a]
}

/**
 * The workflow 草稿 → 已上报 → 已备案 | 已退回 (→ edited and 上报 again);
 * a filed record is locked until a reviewer reopens it (back to 已退回).
 */
export function actionsFor(state: string): TripAction[] {
  switch (state) {
    case 'draft':
    case 'returned':
      return ['edit', 'report', 'delete']
    case 'reported':
      return ['file', 'return']
    case 'filed':
      return ['reopen']
    default:
      return []
  }
}

export function canEdit(state: string): boolean {
  return actionsFor(state).includes('edit')
}

/** Rows of a selection the bulk 备案 applies to, and how many are left out. */
export function fileableOf<T extends { state: string }>(rows: T[]): { ok: T[]; skipped: number } {
  const ok = rows.filter((r) => r.state === 'reported')
  return { ok, skipped: rows.length - ok.length }
}

const DAY_MS = 86_400_000

/** Whole days from `from` to `to` (YYYY-MM-DD); null when either is not a date. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = parseDate(from)
  const b = parseDate(to)
  if (a === null || b === null) return null
  return Math.round((b - a) / DAY_MS)
}

function parseDate(s: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '')
  if (!m) return null
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const d = new Date(t)
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null
  return t
}

export interface DurationHint {
  days: number
  /** 半年及以上 by the setting (default 180 days). */
  halfYear: boolean
  text: string
}

/** The hint beside the dates: "预计外出 200 天，属于半年及以上外出" or a shorter trip note. */
export function durationHint(departure: string, expectedReturn: string, halfYearDays: number): DurationHint | null {
  const days = daysBetween(departure, expectedReturn)
  if (days === null || days <= 0) return null
  const halfYear = days >= halfYearDays
  const text = halfYear
    ? `预计外出 ${days} 天，属于半年及以上外出（${halfYearDays} 天起），须报告备案`
    : `预计外出 ${days} 天，不足半年（${halfYearDays} 天），也可以登记`
  return { days, halfYear, text }
}

/** "逾期 12 天" for a trip whose expected return has passed, else ''. */
export function overdueLabel(expectedReturn: string, today: string, returnedOn?: string | null): string {
  if (returnedOn) return ''
  const d = daysBetween(expectedReturn, today)
  return d !== null && d > 0 ? `逾期 ${d} 天` : ''
}

/** "省 市 县" without empty parts or repeats (直辖市: 北京市 北京市 → 北京市). */
export function placeLabel(...parts: (string | null | undefined)[]): string {
  const out: string[] = []
  for (const p of parts) {
    const t = (p ?? '').trim()
    if (t && out[out.length - 1] !== t) out.push(t)
  }
  return out.join(' ')
}

/** The list page's filter bar. */
export interface ListFilters {
  q: string
  org_id: string | undefined
  province: string
  status: string
  state: string
  /** 当前在外 (not back) or 全部记录. */
  scope: 'away' | 'all'
}

export function emptyListFilters(): ListFilters {
  return { q: '', org_id: undefined, province: '', status: '', state: '', scope: 'away' }
}

/** Whether anything narrows the list beyond the scope. */
export function hasListFilter(f: ListFilters): boolean {
  return Boolean(f.q.trim() || f.org_id || f.province || f.status || f.state)
}

/** `outbound_list` / `outbound_export` arguments: empty filters left out. */
export function listQueryOf(f: ListFilters): OutboundQuery {
  return {
    q: f.q.trim() || undefined,
    org_id: f.org_id || undefined,
    province: f.province || undefined,
    status: f.status || undefined,
    state: f.state || undefined,
    away_only: f.scope === 'away' || undefined,
  }
}
