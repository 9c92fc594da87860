// 以入会促建会: where an employer stands against the threshold, and which
// org units may hold its new union. Pure; unit-tested.

import type { EmployerRow, Org } from '@/api/types'
import { ALLOWED_PARENTS } from './org-tree'

export type EmployerStanding =
  | { kind: 'founded'; orgName: string }
  | { kind: 'alert' }
  | { kind: 'below'; missing: number }

export function standing(row: EmployerRow, threshold: number): EmployerStanding {
  if (row.union_org_id) return { kind: 'founded', orgName: row.union_org_name ?? '已建会' }
  if (row.alert || row.members >= threshold) return { kind: 'alert' }
  return { kind: 'below', missing: Math.max(threshold - row.members, 0) }
}

/** The backend's default: "<employer>工会". */
export function defaultUnionName(employer: string): string {
  return `${employer.trim()}工会`
}

/** Org units that cannot hold an enterprise union (pools, other enterprise unions). */
export function notUnionParents(orgs: Org[]): Set<string> {
  const ok = ALLOWED_PARENTS.enterprise
  return new Set(orgs.filter((o) => !ok.includes(o.kind)).map((o) => o.id))
}

/** Rows to show: without a union first (alerts, then by count), founded ones last. */
export function employerOrder(rows: EmployerRow[]): EmployerRow[] {
  const rank = (r: EmployerRow) => (r.union_org_id ? 2 : r.alert ? 0 : 1)
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.members - a.members || a.employer.localeCompare(b.employer, 'zh-CN'))
}
