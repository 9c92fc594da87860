// 服务阵地: the fixed lists, how a post's hours and facilities read, and the
// client hints of the post form (the backend decides; these only help typing).

import type { Post, PostInput } from '@/api/types'

export const POST_KINDS = [
  '司机之家',
  '爱心驿站',
  '工会驿站',
  '户外劳动者服务站点',
  '职工之家',
  '乡镇服务站',
  '村服务点',
  '其他',
] as const

/** In the order of the issue (and of the poster). */
export const FACILITIES = [
  '休息',
  '饮水',
  '热饭',
  '充电',
  '如厕',
  '淋浴',
  '洗衣',
  '药箱',
  '无线网络',
  '阅读',
  '维修工具',
  '停车',
] as const

export const POST_STATUSES = ['运营中', '暂停', '撤销'] as const
export const RUNNING = '运营中'

/** One character or two for a facility chip (icons in a narrow table column). */
const FACILITY_SHORT: Record<string, string> = {
  休息: '歇',
  饮水: '水',
  热饭: '饭',
  充电: '电',
  如厕: '厕',
  淋浴: '浴',
  洗衣: '洗',
  药箱: '药',
  无线网络: 'Wi',
  阅读: '书',
  维修工具: '修',
  停车: '停',
}

export function facilityShort(f: string): string {
  return FACILITY_SHORT[f] ?? f.slice(0, 1)
}

/** Facilities in the checklist's order; unknown ones (older lists) last, as given. */
export function orderedFacilities(list: readonly string[]): string[] {
  const known = FACILITIES.filter((f) => list.includes(f)) as string[]
  const rest = list.filter((f) => !(FACILITIES as readonly string[]).includes(f))
  return [...known, ...rest]
}

export interface HoursLike {
  open_24h: boolean
  unattended_qr: boolean
  hours: string | null
}

/** "24小时开放 · 无人值守，扫码进入", "08:00-20:00", or "未填写" (the form's preview of the list's line). */
export function hoursText(p: HoursLike): string {
  const parts: string[] = []
  if (p.open_24h) parts.push('24小时开放')
  else if (p.hours && p.hours.trim()) parts.push(p.hours.trim())
  if (p.unattended_qr) parts.push('无人值守，扫码进入')
  return parts.length ? parts.join(' · ') : '未填写'
}

export type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary'

export function postStatusTag(status: string): TagType {
  if (status === '运营中') return 'success'
  if (status === '暂停') return 'warning'
  return 'info'
}

/** "暂停（2026-11-01起）" beside the status of a post that is not running. */
export function statusText(status: string, date: string | null | undefined): string {
  if (status === RUNNING || !date) return status
  return `${status}（${date}起）`
}

export interface PostForm {
  name: string
  kind: string
  orgId: string | undefined
  partner: string
  address: string
  lat: number | undefined
  lng: number | undefined
  facilities: string[]
  open24h: boolean
  unattendedQr: boolean
  hours: string
  contact: string
  phone: string
  openedOn: string
  status: string
  statusDate: string
  pageUrl: string
  notes: string
}

export function emptyPostForm(orgId?: string): PostForm {
  return {
    name: '',
    kind: '司机之家',
    orgId,
    partner: '',
    address: '',
    lat: undefined,
    lng: undefined,
    facilities: ['休息', '饮水', '充电', '如厕'],
    open24h: false,
    unattendedQr: false,
    hours: '',
    contact: '',
    phone: '',
    openedOn: '',
    status: RUNNING,
    statusDate: '',
    pageUrl: '',
    notes: '',
  }
}

/** The form of a stored post (editing). */
export function postFormOf(p: Post): PostForm {
  return {
    name: p.name,
    kind: p.kind,
    orgId: p.org_id,
    partner: p.partner ?? '',
    address: p.address,
    lat: p.latitude ?? undefined,
    lng: p.longitude ?? undefined,
    facilities: [...p.facilities],
    open24h: p.open_24h,
    unattendedQr: p.unattended_qr,
    hours: p.hours ?? '',
    contact: p.contact_name ?? '',
    phone: p.contact_phone ?? '',
    openedOn: p.opened_on ?? '',
    status: p.status,
    statusDate: p.status === RUNNING ? '' : (p.status_date ?? ''),
    pageUrl: p.page_url ?? '',
    notes: p.notes ?? '',
  }
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined)

/** The form as the backend takes it (`post_create`; with `id`, `post_update`). */
export function toPostInput(f: PostForm): PostInput {
  const input: PostInput = {
    name: f.name.trim(),
    kind: f.kind,
    address: f.address.trim(),
    facilities: orderedFacilities(f.facilities),
    open_24h: f.open24h,
    unattended_qr: f.unattendedQr,
    status: f.status,
  }
  const extra: Partial<PostInput> = {
    org_id: f.orgId || undefined,
    partner: opt(f.partner),
    latitude: f.lat,
    longitude: f.lng,
    hours: f.open24h ? undefined : opt(f.hours),
    contact_name: opt(f.contact),
    contact_phone: opt(f.phone),
    opened_on: f.openedOn || undefined,
    status_date: f.status === RUNNING ? undefined : f.statusDate || undefined,
    page_url: opt(f.pageUrl),
    notes: opt(f.notes),
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) (input as Record<string, unknown>)[k] = v
  return input
}

/** +86, spaces and hyphens dropped; full-width digits made ASCII. */
export function normalisePhone(raw: string): string {
  const half = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const plain = half.replace(/[\s\-－()（）]/g, '')
  return plain.replace(/^(\+86|0086)(?=1\d{10}$)/, '')
}

/** A mobile (11 digits from 1) or a landline with area code (0943-1234567). */
export function phoneLooksValid(raw: string): boolean {
  const p = normalisePhone(raw)
  return /^1\d{10}$/.test(p) || /^0\d{9,11}$/.test(p)
}

/** The backend's field names (an error's `field`). */
export const POST_LABELS = {
  name: '阵地名称',
  kind: '阵地类型',
  org_id: '运营组织',
  partner: '合作单位',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  facilities: '设施',
  hours: '开放时间',
  contact_name: '联系人',
  contact_phone: '联系电话',
  opened_on: '启用日期',
  status: '状态',
  status_date: '状态日期',
  page_url: '阵地页面链接',
  notes: '备注',
} as const
export type PostField = keyof typeof POST_LABELS

/**
 * What the form can tell before sending (mirrors the backend's rules; the
 * backend still decides). `today` is YYYY-MM-DD.
 */
export function postFormProblems(f: PostForm, today: string): Partial<Record<PostField, string>> {
  const out: Partial<Record<PostField, string>> = {}
  if (!f.name.trim()) out.name = '请填写阵地名称'
  if (!f.kind) out.kind = '请选择阵地类型'
  if (!f.orgId) out.org_id = '请选择运营这个阵地的工会组织'
  if ((f.lat === undefined) !== (f.lng === undefined)) {
    if (f.lat === undefined) out.latitude = '经度和纬度要一起填写'
    else out.longitude = '经度和纬度要一起填写'
  }
  if (f.lat !== undefined && (f.lat < -90 || f.lat > 90)) out.latitude = '纬度应在 -90 到 90 之间'
  if (f.lng !== undefined && (f.lng < -180 || f.lng > 180)) out.longitude = '经度应在 -180 到 180 之间'
  if (f.phone.trim() && !phoneLooksValid(f.phone)) out.contact_phone = '应为11位手机号或带区号的固定电话'
  if (f.openedOn && f.openedOn > today) out.opened_on = '启用日期不能晚于今天'
  if (f.status !== RUNNING && !f.statusDate) out.status_date = `请填写${f.status}的日期`
  if (f.statusDate && f.statusDate > today) out.status_date = '状态日期不能晚于今天'
  if (f.statusDate && f.openedOn && f.statusDate < f.openedOn) out.status_date = '状态日期不能早于启用日期'
  return out
}
