import { describe, expect, it } from 'vitest'
import { formatStamp, today } from './dates'

describe('dates', () => {
  it('formats today and an HLC stamp', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05')
    const ms = new Date(2026, 10, 23, 9, 7).getTime()
    expect(formatStamp(`${String(ms).padStart(18, '0')}-00003-dev1`)).toBe('2026-11-23 09:07')
    expect(formatStamp('whatever')).toBe('whatever')
    expect(formatStamp(null)).toBe('')
  })
})
