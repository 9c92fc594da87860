// 外出报告登记: instant hints while the cadre types, mirroring the backend's
// rules (ledger-core: phone, plate, dates). The backend stays the authority —
// its `field` errors land on the same fields. Pure; unit-tested.

import { daysBetween } from './outbound'

/** Strip +86/0086 and separators, fold full-width digits (as ledger-core does). */
export function normalizePhone(input: string): string | null {
  let d = ''
  for (const c of input) {
    if (c >= '0' && c <= '9') d += c
    else if (c >= '\uFF10' && c <= '\uFF19') d += String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)
    else if ('+- ()\u3000\uFF0B\uFF0D'.includes(c)) continue
    else return null
  }
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2)
  else if (d.length === 15 && d.startsWith('0086')) d = d.slice(4)
  return d.length === 11 && d.startsWith('1') ? d : null
}

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'

/** 甘d 12345 → 甘D12345. */
export function normalizePlate(p: string): string {
  return [...p]
    .filter((c) => !/\s/.test(c) && !'-·•'.includes(c))
    .map((c) => (c >= 'a' && c <= 'z' ? c.toUpperCase() : c))
    .join('')
}

/** A mainland plate: province, a letter, 5 or 6 letters/digits, optionally 挂/学/警. */
export function plateOk(input: string): boolean {
  const chars = [...normalizePlate(input)]
  const body = ['挂', '学', '警'].includes(chars[chars.length - 1] ?? '') ? chars.slice(0, -1) : chars
  return (
    body.length >= 7 &&
    body.length <= 8 &&
    PLATE_PROVINCES.includes(body[0]!) &&
    /^[A-Z]$/.test(body[1]!) &&
    body.slice(2).every((c) => /^[A-Z0-9]$/.test(c))
  )
}

export interface TripDraftFields {
  /** A member picked from the ledger, or a person enrolled on the spot. */
  driver: 'member' | 'new'
  member_id: string
  /** The new person's name (enrolment). */
  name: string
  plate_number: string
  departure_date: string
  expected_return: string
  dest_province: string
  road_phone: string
  emergency_phone: string
}

export type HintErrors = Partial<Record<keyof TripDraftFields, string>>

/**
 * What is plainly wrong before asking the backend, without the label (the
 * form shows it beside the field).
 */
export function tripHints(f: TripDraftFields): HintErrors {
  const e: HintErrors = {}
  if (f.driver === 'member' && !f.member_id) e.member_id = '请选择外出的会员，或改为“尚未入会”当场登记'
  if (f.driver === 'new' && !f.name.trim()) e.name = '请填写司机姓名'
  if (f.plate_number.trim() && !plateOk(f.plate_number)) e.plate_number = '不是有效的车牌号，例如 甘D12345'
  if (!f.departure_date) e.departure_date = '请填写出发日期'
  if (!f.expected_return) e.expected_return = '请填写预计返回日期'
  else if (f.departure_date) {
    const d = daysBetween(f.departure_date, f.expected_return)
    if (d !== null && d < 0) e.expected_return = '不能早于出发日期'
  }
  if (!f.dest_province) e.dest_province = '请选择流入地省份'
  if (f.road_phone.trim() && !normalizePhone(f.road_phone)) e.road_phone = '应为11位手机号'
  if (f.emergency_phone.trim() && !normalizePhone(f.emergency_phone)) e.emergency_phone = '应为11位手机号'
  return e
}
