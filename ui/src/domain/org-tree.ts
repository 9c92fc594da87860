// The organisation tree: building it from the flat list, subtrees, allowed kinds (pure; unit-tested).

import type { Org, OrgKindCode } from '@/api/types'

export interface OrgNode {
  id: string
  label: string
  org: Org
  children: OrgNode[]
  disabled?: boolean
}

/** Build a forest from the flat list `org_list` returns. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const org of orgs) {
    nodes.set(org.id, { id: org.id, label: org.name, org, children: [] })
  }
  const roots: OrgNode[] = []
  for (const org of orgs) {
    const node = nodes.get(org.id)!
    const parent = org.parent_id ? nodes.get(org.parent_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** The ids of `id` and every org below it. */
export function subtreeIds(orgs: Org[], id: string): Set<string> {
  const out = new Set<string>([id])
  let grew = true
  while (grew) {
    grew = false
    for (const o of orgs) {
      if (o.parent_id && out.has(o.parent_id) && !out.has(o.id)) {
        out.add(o.id)
        grew = true
      }
    }
  }
  return out
}

/** The chain from the top down to `id` (inclusive). */
export function ancestry(orgs: Org[], id: string): Org[] {
  const byId = new Map(orgs.map((o) => [o.id, o]))
  const chain: Org[] = []
  let cur = byId.get(id)
  const seen = new Set<string>()
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id)
    chain.unshift(cur)
    cur = cur.parent_id ? byId.get(cur.parent_id) : undefined
  }
  return chain
}

/**
 * Kinds allowed directly above each kind. Mirrors `OrgKind::allowed_parents`
 * in src-tauri/crates/core/src/org.rs; the backend stays the authority; the
 * UI only uses this to offer sensible choices.
 */
export const ALLOWED_PARENTS: Record<OrgKindCode, OrgKindCode[]> = {
  county: [],
  township: ['county'],
  village: ['township'],
  industry: ['county', 'township'],
  enterprise: ['county', 'township', 'village', 'industry'],
  pool: ['county', 'township'],
}

/** Kinds that may be added under an org of `parent` kind (null: a top level). */
export function childKinds(parent: OrgKindCode | null): OrgKindCode[] {
  const all = Object.keys(ALLOWED_PARENTS) as OrgKindCode[]
  if (parent === null) return ['county', 'township']
  return all.filter((k) => ALLOWED_PARENTS[k].includes(parent))
}
