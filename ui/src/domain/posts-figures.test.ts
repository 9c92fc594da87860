import { describe, expect, it } from 'vitest'
import {
  axisMonthLabels,
  fillMonths,
  horizontalBarOption,
  lastDayOf,
  monthBarOption,
  monthLabel,
  monthsBetween,
  percent,
  presetRange,
  ringOption,
  topBars,
} from './posts-figures'

describe('months', () => {
  it('lists every month of a range, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2026-03-01', '2026-02-01')).toEqual([])
    expect(monthsBetween('', '2026-02-01')).toEqual([])
  })

  it('fills months without services with zero', () => {
    const rows = fillMonths('2026-01-01', '2026-03-31', [{ month: '2026-02', person_times: 205 }])
    expect(rows).toEqual([
      { label: '2026-01', value: 0 },
      { label: '2026-02', value: 205 },
      { label: '2026-03', value: 0 },
    ])
  })

  it('labels and month ends', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月')
    expect(lastDayOf('2026-02')).toBe('2026-02-28')
    expect(lastDayOf('2028-02')).toBe('2028-02-29')
    expect(lastDayOf('2026-12')).toBe('2026-12-31')
  })

  it('presets from today', () => {
    expect(presetRange('month', '2026-11-23')).toEqual(['2026-11-01', '2026-11-23'])
    expect(presetRange('last_month', '2026-01-10')).toEqual(['2025-12-01', '2025-12-31'])
    expect(presetRange('quarter', '2026-11-23')).toEqual(['2026-10-01', '2026-11-23'])
    expect(presetRange('year', '2026-11-23')).toEqual(['2026-01-01', '2026-11-23'])
    expect(presetRange('last12', '2026-11-23')).toEqual(['2025-12-01', '2026-11-23'])
  })
})

describe('figures to charts', () => {
  it('percent of a whole, nothing of nothing', () => {
    expect(percent(1, 3)).toBe('33%')
    expect(percent(1, 40)).toBe('2.5%')
    expect(percent(0, 5)).toBe('0%')
    expect(percent(3, 0)).toBe('—')
  })

  it('keeps the largest bars and sums the rest', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ label: `站${i}`, value: i + 1 }))
    expect(topBars(rows, 3)).toEqual([
      { label: '站4', value: 5 },
      { label: '站3', value: 4 },
      { label: '其他', value: 6 },
    ])
    expect(topBars(rows).length).toBe(5)
  })

  it('horizontal bars put the largest on top (ECharts draws categories bottom-up)', () => {
    const o = horizontalBarOption([
      { label: 'A', value: 9 },
      { label: 'B', value: 2 },
    ])
    expect(o.yAxis.data).toEqual(['B', 'A'])
    expect(o.series[0]!.data).toEqual([2, 9])
  })

  it('month columns are labelled in Chinese, the year only when the range spans years', () => {
    expect(axisMonthLabels(['2026-01', '2026-11'])).toEqual(['1月', '11月'])
    expect(axisMonthLabels(['2025-12', '2026-01'])).toEqual(['2025年12月', '2026年1月'])
    const o = monthBarOption([{ label: '2026-11', value: 3 }])
    expect(o.xAxis.data).toEqual(['11月'])
    expect(o.series[0]!.data).toEqual([3])
  })

  it('a ring leaves out empty shares', () => {
    const o = ringOption([
      { label: '会员', value: 3 },
      { label: '非会员', value: 0 },
    ])
    expect(o.series[0]!.data).toEqual([{ name: '会员', value: 3 }])
  })
})
