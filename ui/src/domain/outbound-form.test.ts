import { describe, expect, it } from 'vitest'
import { normalizePhone, normalizePlate, plateOk, tripHints, type TripDraftFields } from './outbound-form'

const good: TripDraftFields = {
  driver: 'member',
  member_id: 'm1',
  name: '',
  plate_number: '甘D12345',
  departure_date: '2026-03-01',
  expected_return: '2026-10-01',
  dest_province: '新疆维吾尔自治区',
  road_phone: '138 0013 8000',
  emergency_phone: '',
}

describe('trip form hints', () => {
  it('accepts a complete report', () => {
    expect(tripHints(good)).toEqual({})
  })

  it('names each field that is wrong', () => {
    const e = tripHints({ ...good, driver: 'new', member_id: '', plate_number: '12345', expected_return: '2026-02-01', road_phone: '0931-1234567', dest_province: '' })
    expect(Object.keys(e).sort()).toEqual(['dest_province', 'expected_return', 'name', 'plate_number', 'road_phone'])
    expect(e.expected_return).toBe('不能早于出发日期')
  })

  it('asks for a member to be picked, or a new person named', () => {
    expect(tripHints({ ...good, member_id: '' }).member_id).toContain('请选择')
    expect(tripHints({ ...good, driver: 'new', member_id: '', name: '张三' })).toEqual({})
  })
})

describe('phones and plates like ledger-core', () => {
  it('normalises phones', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000')
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000')
    expect(normalizePhone('0931-8888888')).toBeNull()
    expect(normalizePhone('138001380x0')).toBeNull()
  })

  it('checks plates', () => {
    expect(normalizePlate('甘d 12345')).toBe('甘D12345')
    expect(plateOk('甘d 12345')).toBe(true)
    expect(plateOk('甘DD12345挂')).toBe(true)
    expect(plateOk('甘D123456')).toBe(true)
    expect(plateOk('12345')).toBe(false)
    expect(plateOk('X D12345')).toBe(false)
  })
})
