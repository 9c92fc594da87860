import { describe, expect, it } from 'vitest'
import {
  emptyFilters,
  filtersFromLink,
  foldedFilterCount,
  hasAnyFilter,
  sortFromTable,
  tableSortFor,
  toMemberQuery,
  totalLabel,
} from './member-query'

describe('member filters to a member_list query', () => {
  it('sends only paging for an empty bar', () => {
    expect(toMemberQuery(emptyFilters(), 1, 20, 'default')).toEqual({ page: 1, page_size: 20 })
  })

  it('maps every filter, trimming text and dropping blanks', () => {
    const f = emptyFilters()
    f.text = '  zs '
    f.orgId = 'o1'
    f.group = '货车司机'
    f.status = '在会'
    f.channel = '扫码'
    f.labourRelation = '平台合作/无固定雇主'
    f.employer = ' 顺达物流 '
    f.joined = ['2026-01-01', '2026-03-31']
    f.staleOnly = true
    expect(toMemberQuery(f, 3, 50, 'join_date_asc')).toEqual({
      page: 3,
      page_size: 50,
      text: 'zs',
      org_id: 'o1',
      group: '货车司机',
      status: '在会',
      channel: '扫码',
      labour_relation: '平台合作/无固定雇主',
      employer: '顺达物流',
      joined_from: '2026-01-01',
      joined_to: '2026-03-31',
      stale_only: true,
      sort: 'join_date_asc',
    })
    f.text = '   '
    f.employer = ''
    f.joined = null
    f.staleOnly = false
    const q = toMemberQuery(f, 1, 20, 'default')
    expect(q).not.toHaveProperty('text')
    expect(q).not.toHaveProperty('employer')
    expect(q).not.toHaveProperty('joined_from')
    expect(q).not.toHaveProperty('stale_only')
    expect(q).not.toHaveProperty('sort')
  })

  it('counts the folded filters for the badge', () => {
    const f = emptyFilters()
    expect(foldedFilterCount(f)).toBe(0)
    expect(hasAnyFilter(f)).toBe(false)
    f.group = '快递员' // in the always-visible part
    expect(foldedFilterCount(f)).toBe(0)
    expect(hasAnyFilter(f)).toBe(true)
    f.staleOnly = true
    f.joined = ['2026-01-01', '2026-01-31']
    f.employer = ' '
    expect(foldedFilterCount(f)).toBe(2)
  })
})

describe('sorting', () => {
  it('maps table columns to backend sorts and back', () => {
    expect(sortFromTable('join_date', 'descending')).toBe('join_date_desc')
    expect(sortFromTable('join_date', 'ascending')).toBe('join_date_asc')
    expect(sortFromTable('member_no', 'ascending')).toBe('member_no')
    expect(sortFromTable('name', 'ascending')).toBe('name')
    expect(sortFromTable('name', 'descending')).toBe('default') // not offered by the backend
    expect(sortFromTable('phone', 'ascending')).toBe('default')
    expect(sortFromTable('join_date', null)).toBe('default')
    expect(tableSortFor('join_date_desc')).toEqual({ prop: 'join_date', order: 'descending' })
    expect(tableSortFor('name')).toEqual({ prop: 'name', order: 'ascending' })
    expect(tableSortFor('default')).toBeUndefined()
  })
})

describe('links into the member list', () => {
  it('reads 待核实, employer, org and status links', () => {
    expect(filtersFromLink({})).toBeNull()
    expect(filtersFromLink({ stale: '1' })).toMatchObject({ staleOnly: true, employer: '', text: '' })
    expect(filtersFromLink({ employer: '顺达物流' })).toMatchObject({ staleOnly: false, employer: '顺达物流' })
    expect(filtersFromLink({ org: ['o2', 'o3'], status: '退会' })).toMatchObject({ orgId: 'o2', status: '退会' })
  })
})

describe('total label', () => {
  it('shows a capped count as 10000+', () => {
    expect(totalLabel({ total: 12, total_capped: false })).toBe('共 12 条')
    expect(totalLabel({ total: 10000, total_capped: true })).toBe('共 10000+ 条')
  })
})
