import { describe, expect, it } from 'vitest'
import { allocate, freshSeed, percentLabel, sampleSize } from './outbound-sample'

describe('sample size', () => {
  it('caps a count at the population', () => {
    expect(sampleSize(30, 'count', 5)).toBe(5)
    expect(sampleSize(3, 'count', 5)).toBe(3)
    expect(sampleSize(0, 'count', 5)).toBe(0)
    expect(sampleSize(10, 'count', 0)).toBe(0)
  })

  it('rounds a percentage up and takes at least one', () => {
    expect(sampleSize(30, 'percent', 5)).toBe(2)
    expect(sampleSize(200, 'percent', 10)).toBe(20)
    expect(sampleSize(7, 'percent', 1)).toBe(1)
    expect(sampleSize(7, 'percent', 150)).toBe(7)
  })
})

describe('stratified allocation', () => {
  const strata = [
    { key: 'a', label: '东村', population: 10 },
    { key: 'b', label: '西村', population: 5 },
    { key: 'c', label: '南村', population: 1 },
  ]

  it('shares the total in proportion and sums exactly', () => {
    const a = allocate(strata, 8)
    expect(a.map((x) => x.take)).toEqual([5, 3, 0])
    for (const n of [0, 1, 5, 9, 16, 40]) {
      const sum = allocate(strata, n).reduce((s, x) => s + x.take, 0)
      expect(sum).toBe(Math.min(n, 16))
    }
  })

  it('never takes more than a village has', () => {
    for (const x of allocate(strata, 16)) expect(x.take).toBe(x.population)
  })
})

describe('labels and seeds', () => {
  it('shows rates as percentages', () => {
    expect(percentLabel(1 / 3)).toBe('33.3%')
    expect(percentLabel(0.5)).toBe('50%')
    expect(percentLabel(null)).toBe('—')
  })

  it('makes six-digit seeds', () => {
    expect(freshSeed(() => 0)).toBe('100000')
    expect(freshSeed(() => 0.999999)).toMatch(/^\d{6}$/)
  })
})
