import { describe, expect, it } from 'vitest'
import type { Org } from '@/api/types'
import { ancestry, buildOrgTree, childKinds, subtreeIds } from './org-tree'

function org(id: string, parent: string | null, kind: Org['kind'] = 'village', code: string | null = null): Org {
  return {
    id,
    parent_id: parent,
    name: id.toUpperCase(),
    kind,
    kind_label: kind,
    division_code: code,
    join_url: null,
    updated_at: '',
    employer: null,
  }
}

const ORGS = [org('c', null, 'county'), org('t', 'c', 'township'), org('v1', 't'), org('v2', 't'), org('x', null, 'county')]

describe('org tree', () => {
  it('builds a forest in the given order', () => {
    const tree = buildOrgTree(ORGS)
    expect(tree.map((n) => n.id)).toEqual(['c', 'x'])
    expect(tree[0].children[0].children.map((n) => n.id)).toEqual(['v1', 'v2'])
    expect(tree[0].label).toBe('C')
  })

  it('treats an org with a missing parent as a root', () => {
    expect(buildOrgTree([org('v', 'gone')]).map((n) => n.id)).toEqual(['v'])
  })

  it('finds a subtree and an ancestry', () => {
    expect([...subtreeIds(ORGS, 't')].sort()).toEqual(['t', 'v1', 'v2'])
    expect(ancestry(ORGS, 'v2').map((o) => o.id)).toEqual(['c', 't', 'v2'])
  })

  it('offers kinds allowed under a parent', () => {
    expect(childKinds('township')).toEqual(['village', 'industry', 'enterprise', 'pool'])
    expect(childKinds('village')).toEqual(['enterprise'])
    expect(childKinds(null)).toEqual(['county', 'township'])
  })
})
