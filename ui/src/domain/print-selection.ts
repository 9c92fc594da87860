// Which members a print job covers (打印范围), as the print pages offer it,
// turned into the backend's `PrintSelection`, carried in links from the
// member list, the member page and a ceremony. Pure; unit-tested.

import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { CertificateCandidate, CertificateLayout, CertificatesOut, PrintSelection } from '@/api/types'

export type ScopeKind = 'members' | 'ceremony' | 'org' | 'not_yet_printed' | 'all'

export interface PrintScope {
  kind: ScopeKind
  /** `members`: the members picked in the list or on a member's page. */
  memberIds: string[]
  /** `ceremony`. */
  ceremonyId?: string
  /** `org`: the org and every org below it; `not_yet_printed`: optional limit. */
  orgId?: string
}

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  members: '选定的会员',
  ceremony: '一次入会仪式',
  org: '一个组织（含下级）',
  not_yet_printed: '尚未打印会员证的会员',
  all: '全部在会会员',
}

export function emptyScope(kind: ScopeKind = 'not_yet_printed'): PrintScope {
  return { kind, memberIds: [] }
}

function opt(s: string | null | undefined): string | undefined {
  const t = s?.trim()
  return t ? t : undefined
}

/** The backend's selection, or null while the scope is incomplete. */
export function toSelection(s: PrintScope): PrintSelection | null {
  switch (s.kind) {
    case 'members': {
      const ids = [...new Set(s.memberIds.map((i) => i.trim()).filter(Boolean))]
      return ids.length ? { by: 'members', member_ids: ids } : null
    }
    case 'ceremony': {
      const id = opt(s.ceremonyId)
      return id ? { by: 'ceremony', ceremony_id: id } : null
    }
    case 'org': {
      const id = opt(s.orgId)
      return id ? { by: 'org', org_id: id } : null
    }
    case 'not_yet_printed': {
      const id = opt(s.orgId)
      return id ? { by: 'not_yet_printed', org_id: id } : { by: 'not_yet_printed' }
    }
    case 'all':
      return { by: 'all' }
  }
}

/** What is still to be chosen, in words (null when complete). */
export function scopeMissing(s: PrintScope): string | null {
  if (toSelection(s)) return null
  switch (s.kind) {
    case 'members':
      return '还没有选定会员：请在“会员列表”中勾选会员后点“打印”，或在会员详情页点“打印”'
    case 'ceremony':
      return '请选择入会仪式'
    case 'org':
      return '请选择组织'
    default:
      return null
  }
}

function one(v: LocationQuery[string]): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return opt(s ?? undefined)
}

/**
 * A scope from a link: `?members=id,id`, `?ceremony=id`, `?org=id`,
 * `?scope=not_yet_printed|all` (with `org=` to limit the first).
 * Null when the link names none.
 */
export function scopeFromQuery(q: LocationQuery): PrintScope | null {
  const members = one(q.members)
  if (members) return { kind: 'members', memberIds: members.split(',').map((s) => s.trim()).filter(Boolean) }
  const ceremony = one(q.ceremony)
  if (ceremony) return { kind: 'ceremony', memberIds: [], ceremonyId: ceremony }
  const scope = one(q.scope)
  const org = one(q.org)
  if (scope === 'not_yet_printed') return { kind: 'not_yet_printed', memberIds: [], orgId: org }
  if (scope === 'all') return { kind: 'all', memberIds: [] }
  if (org) return { kind: 'org', memberIds: [], orgId: org }
  return null
}

/** The link query for a scope (the inverse of `scopeFromQuery`). */
export function scopeToQuery(s: PrintScope): LocationQueryRaw {
  switch (s.kind) {
    case 'members':
      return { members: s.memberIds.join(',') }
    case 'ceremony':
      return s.ceremonyId ? { ceremony: s.ceremonyId } : {}
    case 'org':
      return s.orgId ? { org: s.orgId } : {}
    case 'not_yet_printed':
      return s.orgId ? { scope: 'not_yet_printed', org: s.orgId } : { scope: 'not_yet_printed' }
    case 'all':
      return { scope: 'all' }
  }
}

export const LAYOUTS: { value: CertificateLayout; label: string; note: string }[] = [
  { value: 'card', label: '卡片（A4十张）', note: '85.6×54毫米的卡片，一张A4纸排十张，带裁切线' },
  { value: 'a4', label: 'A4证书', note: '一人一张A4纸，适合入会仪式上颁发' },
  { value: 'a5', label: 'A5证书', note: '一人一张A5纸' },
]

/** Problems first (in list order), then the rest. */
export function problemsFirst(rows: CertificateCandidate[]): CertificateCandidate[] {
  return [...rows.filter((r) => r.problem), ...rows.filter((r) => !r.problem)]
}

/** Ids of the members that can be printed. */
export function printableIds(rows: CertificateCandidate[]): string[] {
  return rows.filter((r) => !r.problem).map((r) => r.id)
}

/** Members in the batch whose certificate was printed before (a reissue). */
export function reissues(rows: CertificateCandidate[]): number {
  return rows.filter((r) => r.card_issued_on).length
}

/**
 * What printing a batch recorded, in words. Members already given today's
 * issue date (a reprint the same day) are not recorded again.
 */
export function recordedText(out: Pick<CertificatesOut, 'certificates' | 'recorded' | 'issued_on'>): string {
  const again = out.certificates - out.recorded
  if (!again) return `已记录 ${out.recorded} 人的发证日期 ${out.issued_on}`
  if (!out.recorded) return `发证日期仍为 ${out.issued_on}（这批会员今天已打印过）`
  return `已记录 ${out.recorded} 人的发证日期 ${out.issued_on}，另外 ${again} 人今天已打印过`
}

/** A name to offer in a save dialog before the backend names the file. */
export function certificateFileName(today: string, count: number, layout: CertificateLayout): string {
  const kind = layout === 'card' ? '' : `-${layout.toUpperCase()}`
  return `会员证${kind}-${today}-${count}张.pdf`
}

/** Strip characters Windows refuses in file names. */
export function safeFileName(s: string): string {
  const cleaned = s
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/[\u0000-\u001f]/g, '_')
    .trim()
  return [...cleaned].slice(0, 80).join('')
}
