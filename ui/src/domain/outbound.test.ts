import { describe, expect, it } from 'vitest'
import {
  actionsFor,
  canEdit,
  daysBetween,
  durationHint,
  emptyListFilters,
  fileableOf,
  hasListFilter,
  listQueryOf,
  overdueLabel,
  placeLabel,
  stateTagType,
  tripStatusTagType,
} from './outbound'

describe('report workflow', () => {
  it('offers the next steps of each state', () => {
    expect(actionsFor('draft')).toEqual(['edit', 'report', 'delete'])
    expect(actionsFor('returned')).toEqual(['edit', 'report', 'delete'])
    expect(actionsFor('reported')).toEqual(['file', 'return'])
    expect(actionsFor('filed')).toEqual(['reopen'])
    expect(actionsFor('?')).toEqual([])
  })

  it('locks a filed or reported record', () => {
    expect(canEdit('filed')).toBe(false)
    expect(canEdit('reported')).toBe(false)
    expect(canEdit('draft')).toBe(true)
  })

  it('bulk filing takes only reported trips', () => {
    const rows = [{ state: 'reported' }, { state: 'draft' }, { state: 'reported' }, { state: 'filed' }]
    const { ok, skipped } = fileableOf(rows)
    expect(ok).toHaveLength(2)
    expect(skipped).toBe(2)
  })

  it('colours states and statuses distinctly', () => {
    expect(stateTagType('filed')).toBe('success')
    expect(stateTagType('returned')).toBe('danger')
    expect(tripStatusTagType('lost')).toBe('danger')
    expect(tripStatusTagType('overdue')).toBe('warning')
  })
})

describe('dates', () => {
  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-01-01', '2026-07-20')).toBe(200)
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNull()
    expect(daysBetween('', '2026-03-01')).toBeNull()
  })

  it('says whether a trip is half a year or more by the setting', () => {
    expect(durationHint('2026-01-01', '2026-06-30', 180)?.halfYear).toBe(true) // 180 days
    expect(durationHint('2026-01-01', '2026-06-29', 180)?.halfYear).toBe(false)
    expect(durationHint('2026-01-01', '2026-06-29', 150)?.text).toContain('半年及以上')
    expect(durationHint('2026-01-01', '2026-01-01', 180)).toBeNull()
    expect(durationHint('2026-03-01', '2026-01-01', 180)).toBeNull()
  })

  it('labels overdue trips unless returned', () => {
    expect(overdueLabel('2026-11-01', '2026-11-13')).toBe('逾期 12 天')
    expect(overdueLabel('2026-11-13', '2026-11-13')).toBe('')
    expect(overdueLabel('2026-11-01', '2026-11-13', '2026-11-05')).toBe('')
  })

  it('joins place names without repeats', () => {
    expect(placeLabel('北京市', '北京市', '朝阳区')).toBe('北京市 朝阳区')
    expect(placeLabel('新疆维吾尔自治区', null, ' ')).toBe('新疆维吾尔自治区')
  })
})

describe('list filters', () => {
  it('sends only what is set, and 当前在外 as away_only', () => {
    expect(listQueryOf(emptyListFilters())).toEqual({ away_only: true })
    const f = { ...emptyListFilters(), q: ' 马 ', province: '浙江省', scope: 'all' as const }
    expect(JSON.parse(JSON.stringify(listQueryOf(f)))).toEqual({ q: '马', province: '浙江省' })
  })

  it('does not count the scope as a filter', () => {
    expect(hasListFilter({ ...emptyListFilters(), scope: 'all' })).toBe(false)
    expect(hasListFilter({ ...emptyListFilters(), state: 'reported' })).toBe(true)
  })
})
