import { describe, expect, it } from 'vitest'
import { emptyTripForm, normalizePhone, normalizePlate, plateOk, TRIP_LABELS, tripFieldsOf, tripHints, type TripDraftFields } from './outbound-form'

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

describe('the form and the backend fields', () => {
  it('starts a new report with the operator and today', () => {
    const f = emptyTripForm('李四', '2026-11-24')
    expect(f.reported_by).toBe('李四')
    expect(f.reported_on).toBe('2026-11-24')
    expect(emptyTripForm(null, '2026-11-24').reported_by).toBe('')
  })

  it('trims and leaves out empty optional fields', () => {
    const f = { ...emptyTripForm('李四', '2026-11-24'), plate_number: ' 甘J12345 ', dest_province: '浙江省', dest_city: '  ', notes: ' 备注 ' }
    const out = tripFieldsOf(f)
    expect(out.plate_number).toBe('甘J12345')
    expect(out.dest_city).toBeUndefined()
    expect(out.notes).toBe('备注')
    expect('family_needs' in out && out.family_needs !== undefined).toBe(false)
  })

  it('labels every field the backend may name', () => {
    for (const k of Object.keys(tripFieldsOf(emptyTripForm('', '2026-11-24')))) expect(TRIP_LABELS).toHaveProperty(k)
    expect(TRIP_LABELS.id_number).toBe('身份证号')
  })
})
