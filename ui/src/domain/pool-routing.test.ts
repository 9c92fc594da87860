import { describe, expect, it } from 'vitest'
import type { MemberRow, PoolRow, Suggestion } from '@/api/types'
import { groupBySuggestion, namesLine, poolReason, poolsOf } from './pool-routing'

function member(id: string, name: string, pool = 'p1', poolName = '城关镇周转池'): MemberRow {
  // Cast: the fixture names only what routing reads, so new MemberRow fields do not break it.
  return {
    id,
    member_no: `N${id}`,
    name,
    gender: '男',
    id_number: '110105********002X',
    phone: '138****8000',
    occupation_group: '货车司机',
    employer: null,
    org_id: pool,
    org_name: poolName,
    join_date: '2026-01-01',
    join_channel: '扫码',
    status: '在会',
    labour_relation: null,
    verified_on: '2026-01-01',
    stale: false,
    card_issued_on: null,
  } as MemberRow
}
const ent: Suggestion = { org_id: 'e1', org_name: '顺达物流工会', why: '同一工作单位已建工会' }
const vil: Suggestion = { org_id: 'v1', org_name: '东湾村工会', why: '居住地或户籍地在该村/社区' }

const ROWS: PoolRow[] = [
  { member: member('a', '张三'), suggestion: ent },
  { member: member('b', '李四'), suggestion: vil },
  { member: member('c', '王五'), suggestion: null },
  { member: member('d', '赵六', 'p2', '会宁县周转池'), suggestion: ent },
]

describe('pool routing', () => {
  it('groups by destination in first-seen order, reason per group', () => {
    const { groups, unsuggested } = groupBySuggestion(ROWS)
    expect(groups.map((g) => [g.orgId, g.members.map((m) => m.id)])).toEqual([
      ['e1', ['a', 'd']],
      ['v1', ['b']],
    ])
    expect(groups[0].reason).toBe('周转池分流：同一工作单位已建工会')
    expect(unsuggested.map((r) => r.member.id)).toEqual(['c'])
  })

  it('takes only the selected rows', () => {
    const { groups, unsuggested } = groupBySuggestion(ROWS, new Set(['d', 'c']))
    expect(groups).toHaveLength(1)
    expect(groups[0].members.map((m) => m.name)).toEqual(['赵六'])
    expect(unsuggested).toHaveLength(1)
    expect(groupBySuggestion(ROWS, new Set()).groups).toEqual([])
  })

  it('keeps one destination apart when the reasons differ', () => {
    const rows: PoolRow[] = [
      { member: member('a', '张三'), suggestion: ent },
      { member: member('b', '李四'), suggestion: { ...ent, why: '同一行业' } },
    ]
    expect(groupBySuggestion(rows).groups.map((g) => g.reason)).toEqual([
      poolReason('同一工作单位已建工会'),
      poolReason('同一行业'),
    ])
  })

  it('lists the pools and names a group', () => {
    expect(poolsOf(ROWS)).toEqual([
      ['p2', '会宁县周转池'],
      ['p1', '城关镇周转池'],
    ].sort((x, y) => x[1].localeCompare(y[1], 'zh-CN')))
    expect(namesLine([{ name: '张三' }, { name: '李四' }])).toBe('张三、李四（2 人）')
    expect(namesLine([{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }])).toBe('甲、乙、丙等 4 人')
  })
})
