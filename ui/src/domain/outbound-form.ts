// 外出报告登记: instant hints while the cadre types, mirroring the backend's
// rules (ledger-core: phone, plate, dates). The backend stays the authority —
// its `field` errors land on the same fields. Pure; unit-tested.

import type { OutboundDetail, OutboundFields } from '@/api/types'
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

/** Every field of the report form as the cadre edits it (text, never absent). */
export type TripForm = Required<OutboundFields>

/** Field labels: where a refusal's `field` is shown, and its label stripped. */
export const TRIP_LABELS: Record<keyof TripForm | 'member_id' | 'name' | 'id_number' | 'phone' | 'org_id', string> = {
  member_id: '外出司机',
  name: '姓名',
  id_number: '身份证号',
  phone: '手机号',
  org_id: '所属组织',
  plate_number: '车牌号',
  vehicle_type: '车辆类型',
  departure_date: '出发日期',
  expected_return: '预计返回',
  dest_province: '流入地省份',
  dest_city: '城市',
  dest_county: '区县',
  dest_address: '详细地址',
  dest_park: '物流园区/公司/平台',
  road_phone: '途中联系电话',
  family_spouse: '配偶',
  family_children: '子女',
  family_elderly: '留守老人',
  family_needs: '需要帮助的事项',
  emergency_name: '紧急联系人',
  emergency_relation: '关系',
  emergency_phone: '紧急联系电话',
  reported_by: '登记人',
  reported_on: '登记日期',
  notes: '备注',
}

/** A new report: taken by the operator, today. */
export function emptyTripForm(operator: string | null, today: string): TripForm {
  return {
    plate_number: '',
    vehicle_type: '',
    departure_date: '',
    expected_return: '',
    dest_province: '',
    dest_city: '',
    dest_county: '',
    dest_address: '',
    dest_park: '',
    road_phone: '',
    family_spouse: '',
    family_children: '',
    family_elderly: '',
    family_needs: '',
    emergency_name: '',
    emergency_relation: '',
    emergency_phone: '',
    reported_by: operator ?? '',
    reported_on: today,
    notes: '',
  }
}

/** The form filled from a saved report (to edit it). */
export function tripFormFrom(t: OutboundDetail): TripForm {
  const s = (v: string | null | undefined) => v ?? ''
  return {
    plate_number: t.plate_number,
    vehicle_type: s(t.vehicle_type),
    departure_date: t.departure_date,
    expected_return: t.expected_return,
    dest_province: t.dest_province,
    dest_city: s(t.dest_city),
    dest_county: s(t.dest_county),
    dest_address: s(t.dest_address),
    dest_park: s(t.dest_park),
    road_phone: t.road_phone,
    family_spouse: s(t.family_spouse),
    family_children: s(t.family_children),
    family_elderly: s(t.family_elderly),
    family_needs: s(t.family_needs),
    emergency_name: s(t.emergency_name),
    emergency_relation: s(t.emergency_relation),
    emergency_phone: s(t.emergency_phone),
    reported_by: s(t.reported_by),
    reported_on: t.reported_on,
    notes: s(t.notes),
  }
}

function opt(s: string): string | undefined {
  const t = s.trim()
  return t ? t : undefined
}

/** What the backend takes: trimmed, empty optional fields left out. */
export function tripFieldsOf(form: TripForm): OutboundFields {
  return {
    plate_number: form.plate_number.trim(),
    vehicle_type: opt(form.vehicle_type),
    departure_date: form.departure_date,
    expected_return: form.expected_return,
    dest_province: form.dest_province,
    dest_city: opt(form.dest_city),
    dest_county: opt(form.dest_county),
    dest_address: opt(form.dest_address),
    dest_park: opt(form.dest_park),
    road_phone: opt(form.road_phone),
    family_spouse: opt(form.family_spouse),
    family_children: opt(form.family_children),
    family_elderly: opt(form.family_elderly),
    family_needs: opt(form.family_needs),
    emergency_name: opt(form.emergency_name),
    emergency_relation: opt(form.emergency_relation),
    emergency_phone: opt(form.emergency_phone),
    reported_by: opt(form.reported_by),
    reported_on: opt(form.reported_on),
    notes: opt(form.notes),
  }
}

