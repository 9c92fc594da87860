import { describe, expect, it } from 'vitest'
import { canEnrolOnTheSpot, ceremonyTitle, cnDate, emptyFiveOnes, FIVE_ONES, fiveOnesDone, printedLabel } from './ceremony'

describe('五个一', () => {
  it('lists the five in order and counts the ticks', () => {
    expect(FIVE_ONES.map((f) => f.short).join('')).toBe('一证一徽一式一宣一包')
    expect(fiveOnesDone(emptyFiveOnes())).toBe(0)
    expect(fiveOnesDone({ ...emptyFiveOnes(), badge: true, pack: true })).toBe(2)
  })
})

describe('ceremonies', () => {
  it('enrols on the spot from the day of the ceremony on', () => {
    expect(canEnrolOnTheSpot({ date: '2026-11-23' }, '2026-11-23')).toBe(true)
    expect(canEnrolOnTheSpot({ date: '2026-11-20' }, '2026-11-23')).toBe(true)
    expect(canEnrolOnTheSpot({ date: '2026-12-01' }, '2026-11-23')).toBe(false)
  })

  it('writes dates the Chinese way', () => {
    expect(cnDate('2026-03-08')).toBe('2026年3月8日')
    expect(cnDate('bad')).toBe('bad')
    expect(ceremonyTitle({ date: '2026-11-23', place: '镇文化站' })).toBe('2026年11月23日 · 镇文化站')
  })

  it('says how far printing got', () => {
    expect(printedLabel({ attendees: 0, printed: 0 })).toBe('还没有登记会员')
    expect(printedLabel({ attendees: 5, printed: 0 })).toBe('会员证尚未打印')
    expect(printedLabel({ attendees: 5, printed: 2 })).toBe('已打印 2 人，还有 3 人未打印')
    expect(printedLabel({ attendees: 5, printed: 5 })).toBe('会员证已全部打印')
  })
})
