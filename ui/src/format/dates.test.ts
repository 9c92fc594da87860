import { describe, expect, it } from 'vitest'
import { formatStamp, today } from './dates'

describe('dates', () => {
  it('formats today and an HLC stamp', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05')
    const ms = Date.UTC(2026, 10, 23, 1, 7) // 09:07 in Beijing
    expect(formatStamp(`${String(ms).padStart(18, '0')}-00003-dev1`)).toBe('2026-11-23 09:07')
    const late = Date.UTC(2026, 10, 23, 17, 1) // the next day in Beijing
    expect(formatStamp(`${String(late).padStart(18, '0')}-00000-dev1`)).toBe('2026-11-24 01:01')
    expect(formatStamp('whatever')).toBe('whatever')
    expect(formatStamp(null)).toBe('')
  })
})
