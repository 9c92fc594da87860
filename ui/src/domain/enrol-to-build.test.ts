import { describe, expect, it } from 'vitest'
import type { EmployerRow, Org } from '@/api/types'
import { defaultUnionName, employerOrder, notUnionParents, standing } from './enrol-to-build'

const row = (employer: string, members: number, extra: Partial<EmployerRow> = {}): EmployerRow => ({
  employer,
  members,
  union_org_id: null,
  union_org_name: null,
  alert: false,
  ...extra,
})

describe('enrol to build', () => {
  it('places an employer against the threshold', () => {
    expect(standing(row('甲', 3, { alert: true }), 3)).toEqual({ kind: 'alert' })
    expect(standing(row('乙', 1), 3)).toEqual({ kind: 'below', missing: 2 })
    expect(standing(row('丙', 30, { union_org_id: 'o', union_org_name: '丙工会' }), 25)).toEqual({
      kind: 'founded',
      orgName: '丙工会',
    })
  })

  it('orders alerts first and founded last', () => {
    const rows = [row('已建', 40, { union_org_id: 'x' }), row('少', 2), row('多', 30, { alert: true }), row('中', 5)]
    expect(employerOrder(rows).map((r) => r.employer)).toEqual(['多', '中', '少', '已建'])
  })

  it('names the union and keeps pools out of the parents', () => {
    expect(defaultUnionName(' 顺达物流 ')).toBe('顺达物流工会')
    const org = (id: string, kind: Org['kind']): Org => ({
      id,
      parent_id: null,
      name: id,
      kind,
      kind_label: kind,
      division_code: null,
      join_url: null,
      updated_at: '',
      employer: null,
    })
    const out = notUnionParents([org('t', 'township'), org('p', 'pool'), org('e', 'enterprise'), org('v', 'village')])
    expect([...out].sort()).toEqual(['e', 'p'])
  })
})
