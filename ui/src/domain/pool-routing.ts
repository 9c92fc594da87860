// The turnover pool (先入会再分流): selected members grouped by the suggested
// destination, each group with its own reason, all moved in one transaction
// (pool_route). Pure; unit-tested.

import type { MemberRow, PoolRow } from '@/api/types'

export interface RouteGroup {
  orgId: string
  orgName: string
  why: string
  /** The transfer reason recorded in each member's history. */
  reason: string
  members: MemberRow[]
}

export function poolReason(why: string): string {
  return `周转池分流：${why}`
}

/**
 * Group `rows` (only those in `selected`, when given) by suggested
 * destination and reason, in the order the destinations first appear.
 * Rows without a suggestion come back apart: they need a destination picked
 * by hand.
 */
export function groupBySuggestion(
  rows: PoolRow[],
  selected?: ReadonlySet<string>,
): { groups: RouteGroup[]; unsuggested: PoolRow[] } {
  const groups = new Map<string, RouteGroup>()
  const unsuggested: PoolRow[] = []
  for (const r of rows) {
    if (selected && !selected.has(r.member.id)) continue
    const s = r.suggestion
    if (!s) {
      unsuggested.push(r)
      continue
    }
    const key = `${s.org_id}\u0000${s.why}`
    let g = groups.get(key)
    if (!g) {
      g = { orgId: s.org_id, orgName: s.org_name, why: s.why, reason: poolReason(s.why), members: [] }
      groups.set(key, g)
    }
    g.members.push(r.member)
  }
  return { groups: [...groups.values()], unsuggested }
}

/** The pools that hold the rows, for the pool filter: [id, name], by name. */
export function poolsOf(rows: PoolRow[]): [string, string][] {
  const m = new Map<string, string>()
  for (const r of rows) m.set(r.member.org_id, r.member.org_name)
  return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'))
}

/** "张三、李四等 5 人" for a confirmation line. */
export function namesLine(members: Pick<MemberRow, 'name'>[], max = 3): string {
  const names = members.slice(0, max).map((m) => m.name).join('、')
  return members.length > max ? `${names}等 ${members.length} 人` : `${names}（${members.length} 人）`
}
