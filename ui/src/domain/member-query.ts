// The member list's filter bar, sort and paging turned into a `member_list`
// query, and back from a link (首页 → 待核实). Pure; unit-tested.

import type { LocationQuery } from 'vue-router'
import type { MemberListQuery, MemberPage, MemberSortCode } from '@/api/types'

export interface MemberFilters {
  /** Name, pinyin initials or full pinyin, ID tail, phone or member number. */
  text: string
  /** Members held by this org or any org below it. */
  orgId?: string
  group?: string
  status?: string
  channel?: string
  labourRelation?: string
  employer: string
  /** Join-date range, both YYYY-MM-DD, inclusive. */
  joined: [string, string] | null
  /** Not verified within the stale period (数据保鲜). */
  staleOnly: boolean
}

export function emptyFilters(): MemberFilters {
  return {
    text: '',
    orgId: undefined,
    group: undefined,
    status: undefined,
    channel: undefined,
    labourRelation: undefined,
    employer: '',
    joined: null,
    staleOnly: false,
  }
}

function opt(s: string | null | undefined): string | undefined {
  const t = s?.trim()
  return t ? t : undefined
}

export function toMemberQuery(f: MemberFilters, page: number, pageSize: number, sort: MemberSortCode): MemberListQuery {
  const q: MemberListQuery = { page, page_size: pageSize }
  const set = <K extends keyof MemberListQuery>(k: K, v: MemberListQuery[K] | undefined) => {
    if (v !== undefined) q[k] = v
  }
  set('text', opt(f.text))
  set('org_id', opt(f.orgId))
  set('group', opt(f.group))
  set('status', opt(f.status))
  set('channel', opt(f.channel))
  set('labour_relation', opt(f.labourRelation))
  set('employer', opt(f.employer))
  if (f.joined) {
    set('joined_from', opt(f.joined[0]))
    set('joined_to', opt(f.joined[1]))
  }
  if (f.staleOnly) q.stale_only = true
  if (sort !== 'default') q.sort = sort
  return q
}

/** Filters in the folded part of the bar that are set (shown as a badge). */
export function foldedFilterCount(f: MemberFilters): number {
  return [opt(f.channel), opt(f.labourRelation), opt(f.employer), f.joined ? 'joined' : undefined, f.staleOnly || undefined].filter(
    Boolean,
  ).length
}

export function hasAnyFilter(f: MemberFilters): boolean {
  return Boolean(opt(f.text) || opt(f.orgId) || opt(f.group) || opt(f.status)) || foldedFilterCount(f) > 0
}

export type TableOrder = 'ascending' | 'descending' | null

/** Columns the backend can sort by, and the orders each offers. */
export const SORTABLE: Record<string, { ascending: MemberSortCode; descending?: MemberSortCode }> = {
  join_date: { ascending: 'join_date_asc', descending: 'join_date_desc' },
  member_no: { ascending: 'member_no' },
  name: { ascending: 'name' },
}

/** An el-table sort-change to the backend sort. */
export function sortFromTable(prop: string | null | undefined, order: TableOrder): MemberSortCode {
  if (!prop || !order) return 'default'
  const s = SORTABLE[prop]
  if (!s) return 'default'
  return (order === 'descending' ? s.descending : s.ascending) ?? 'default'
}

/** The column arrow to show for a backend sort. */
export function tableSortFor(sort: MemberSortCode): { prop: string; order: Exclude<TableOrder, null> } | undefined {
  for (const [prop, s] of Object.entries(SORTABLE)) {
    if (s.ascending === sort) return { prop, order: 'ascending' }
    if (s.descending === sort) return { prop, order: 'descending' }
  }
  return undefined
}

function first(v: LocationQuery[string]): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return s ?? undefined
}

/**
 * Filters a link asks for: `?stale=1` (首页 待核实), `?employer=` (以入会促建会),
 * `?org=`, `?status=`. A link starts from a clean bar.
 */
export function filtersFromLink(query: LocationQuery): MemberFilters | null {
  const stale = first(query.stale)
  const employer = first(query.employer)
  const org = first(query.org)
  const status = first(query.status)
  if (!stale && !employer && !org && !status) return null
  const f = emptyFilters()
  f.staleOnly = stale === '1' || stale === 'true'
  if (employer) f.employer = employer
  if (org) f.orgId = org
  if (status) f.status = status
  return f
}

/** "共 12 条", or "共 10000+ 条" when a search stopped counting. */
export function totalLabel(p: Pick<MemberPage, 'total' | 'total_capped'>): string {
  return p.total_capped ? `共 ${p.total}+ 条` : `共 ${p.total} 条`
}
