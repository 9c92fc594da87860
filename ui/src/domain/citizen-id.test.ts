import { describe, expect, it } from 'vitest'
import { idHint, normalizeId } from './citizen-id'

describe('citizen ID hint', () => {
  it('normalises full-width digits, spaces and lowercase x', () => {
    expect(normalizeId('１１０１０５ 19491231002x')).toBe('11010519491231002X')
  })

  it('reads birth date and gender from a valid ID', () => {
    expect(idHint('11010519491231002X')).toEqual({ ok: true, birth: '1949-12-31', gender: '女' })
  })

  it('warns about a wrong check digit', () => {
    const h = idHint('110105194912310021')
    expect(h?.ok).toBe(false)
    expect(h?.warning).toContain('校验码')
  })

  it('stays quiet while typing and for empty input', () => {
    expect(idHint('')).toBeNull()
    expect(idHint('1101051949')).toBeNull()
  })

  it('notes a legacy 15-digit number', () => {
    expect(idHint('110105491231002')?.warning).toContain('15位')
  })
})
