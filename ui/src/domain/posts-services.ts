// 服务记录 and 诉求工单: the service form's client hints and the ticket's
// states (the backend decides; these only help typing and choose buttons).

import type { RecordKindCode, ServiceInput, ServiceRecord } from '@/api/types'
import { normalisePhone } from './posts'

export const DEFAULT_SERVICE_TYPES = [
  '送清凉',
  '四季送/慰问',
  '健康体检',
  '互助保障赠送',
  '法律援助',
  '技能培训',
  '心理咨询',
  '就业招聘',
  '诉求工单',
  '其他',
] as const

export const TICKET_TYPE = '诉求工单'
export const INSURANCE_TYPE = '互助保障赠送'
export const HEALTH_CHECK_TYPE = '健康体检'

/** Who was served: a member, someone not yet a member, or a crowd counted. */
export type ServiceMode = RecordKindCode

export const SERVICE_MODES: { value: ServiceMode; label: string; hint: string }[] = [
  { value: 'member', label: '会员', hint: '从台账中查找会员' },
  { value: 'person', label: '非会员', hint: '登记姓名和手机号，可标记邀请入会' },
  { value: 'aggregate', label: '集体服务（计人次）', hint: '如在收费站发放矿泉水200瓶，记200人次' },
]

export interface ServiceForm {
  date: string
  postId: string | undefined
  type: string
  mode: ServiceMode
  memberId: string | undefined
  personName: string
  personPhone: string
  invite: boolean
  count: number | undefined
  note: string
  // 互助保障赠送
  scheme: string
  periodFrom: string
  periodTo: string
  certificateNo: string
  // 诉求工单: kept as they are when a ticket is corrected
  ticketStatus: string
  handler: string
  outcome: string
}

export function emptyServiceForm(date: string, postId?: string): ServiceForm {
  return {
    date,
    postId,
    type: '',
    mode: 'member',
    memberId: undefined,
    personName: '',
    personPhone: '',
    invite: true,
    count: undefined,
    note: '',
    scheme: '',
    periodFrom: '',
    periodTo: '',
    certificateNo: '',
    ticketStatus: '',
    handler: '',
    outcome: '',
  }
}

/** A stored record back in the form (editing). */
export function serviceFormOf(r: ServiceRecord): ServiceForm {
  return {
    date: r.date,
    postId: r.post_id ?? undefined,
    type: r.service_type,
    mode: r.kind,
    memberId: r.member_id ?? undefined,
    personName: r.person_name ?? '',
    personPhone: r.person_phone_full ?? '',
    invite: r.invite,
    count: r.kind === 'aggregate' ? r.count : undefined,
    note: r.note ?? '',
    scheme: r.insurance?.scheme ?? '',
    periodFrom: r.insurance?.period_from ?? '',
    periodTo: r.insurance?.period_to ?? '',
    certificateNo: r.insurance?.certificate_no ?? '',
    ticketStatus: r.ticket_status ?? '',
    handler: r.ticket_handler ?? '',
    outcome: r.ticket_outcome ?? '',
  }
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined)

/**
 * The form as the backend takes it: only the fields of the chosen kind, the
 * insurance block only for an individual 互助保障赠送.
 */
export function toServiceInput(f: ServiceForm): ServiceInput {
  const input: ServiceInput = { date: f.date, service_type: f.type, kind: f.mode, invite: f.mode === 'person' && f.invite }
  if (f.postId) input.post_id = f.postId
  const note = opt(f.note)
  if (note) input.note = note
  if (f.mode === 'member' && f.memberId) input.member_id = f.memberId
  if (f.mode === 'person') {
    input.person_name = f.personName.trim()
    input.person_phone = f.personPhone.trim()
  }
  if (f.mode === 'aggregate' && f.count !== undefined) input.count = f.count
  if (f.mode !== 'aggregate' && f.type === INSURANCE_TYPE) {
    input.insurance = { scheme: f.scheme.trim(), period_from: f.periodFrom, period_to: f.periodTo }
    const no = opt(f.certificateNo)
    if (no) input.insurance.certificate_no = no
  }
  if (f.type === TICKET_TYPE) {
    // A correction keeps the ticket where it is (the backend refuses a step back).
    if (f.ticketStatus) input.ticket_status = f.ticketStatus
    const h = opt(f.handler)
    if (h) input.ticket_handler = h
    const o = opt(f.outcome)
    if (o) input.ticket_outcome = o
  }
  return input
}

/** The backend's field names (an error's `field`). */
export const SERVICE_LABELS = {
  date: '服务日期',
  post_id: '服务阵地',
  org_id: '服务组织',
  service_type: '服务类型',
  kind: '服务对象',
  member_id: '会员',
  person_name: '姓名',
  person_phone: '手机号',
  invite: '邀请入会',
  count: '服务人次',
  note: '服务内容',
  ticket_status: '工单状态',
  ticket_handler: '经办人',
  ticket_outcome: '办理结果',
  'insurance.scheme': '保障项目',
  'insurance.period_from': '保障期限',
  'insurance.period_to': '保障期限',
  'insurance.certificate_no': '保障凭证号',
} as const
export type ServiceField = keyof typeof SERVICE_LABELS

/** The aggregate count the backend takes at most (a typo guard, not a rule of the union). */
export const MAX_COUNT = 100_000

export function serviceFormProblems(f: ServiceForm, today: string): Partial<Record<ServiceField, string>> {
  const out: Partial<Record<ServiceField, string>> = {}
  if (!f.date) out.date = '请选择服务日期'
  else if (f.date > today) out.date = '服务日期不能晚于今天'
  if (!f.type) out.service_type = '请选择服务类型'
  if (f.mode === 'member' && !f.memberId) out.member_id = '请查找并选择一位会员'
  if (f.mode === 'person') {
    if (!f.personName.trim()) out.person_name = '请填写姓名'
    if (!f.personPhone.trim()) out.person_phone = '请填写手机号，以便日后核对是否入会'
    else if (!/^1\d{10}$/.test(normalisePhone(f.personPhone))) out.person_phone = '应为11位手机号'
  }
  if (f.mode === 'aggregate' && f.type === TICKET_TYPE) out.kind = '诉求工单是一个人的诉求，请选择会员或非会员'
  if (f.mode === 'aggregate') {
    if (f.count === undefined || f.count === null) out.count = '请填写服务人次'
    else if (!Number.isInteger(f.count) || f.count < 1) out.count = '服务人次应为正整数'
    else if (f.count > MAX_COUNT) out.count = `服务人次不能超过 ${MAX_COUNT}`
  }
  if (f.type === INSURANCE_TYPE && f.mode !== 'aggregate') {
    if (!f.scheme.trim()) out['insurance.scheme'] = '请填写保障项目，如“职工互助保障·意外伤害险”'
    if (!f.periodFrom) out['insurance.period_from'] = '请选择保障起始日期'
    if (!f.periodTo) out['insurance.period_to'] = '请选择保障截止日期'
    else if (f.periodFrom && f.periodTo < f.periodFrom) out['insurance.period_to'] = '截止日期不能早于起始日期'
  }
  return out
}

// ---- tickets ----

export const TICKET_STATUSES = ['受理', '办理中', '办结'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export interface TicketMove {
  to: TicketStatus
  label: string
  /** Closing asks for the outcome. */
  needsOutcome: boolean
}

/** The buttons a ticket in this status offers: forward only, skipping allowed; a closed ticket stays closed. */
export function ticketMoves(status: string): TicketMove[] {
  if (status === '受理')
    return [
      { to: '办理中', label: '开始办理', needsOutcome: false },
      { to: '办结', label: '办结', needsOutcome: true },
    ]
  if (status === '办理中') return [{ to: '办结', label: '办结', needsOutcome: true }]
  return []
}

export function ticketTag(status: string): 'warning' | 'primary' | 'success' | 'info' {
  if (status === '受理') return 'warning'
  if (status === '办理中') return 'primary'
  if (status === '办结') return 'success'
  return 'info'
}

/** Client hints before a move: a handler from 办理中 on, the outcome to close. */
export function moveProblems(to: string, handler: string, outcome: string): { handler?: string; outcome?: string } {
  const out: { handler?: string; outcome?: string } = {}
  if (to !== '受理' && !handler.trim()) out.handler = '请填写经办人'
  if (to === '办结' && !outcome.trim()) out.outcome = '办结时请填写办理结果'
  return out
}

/** Who a record is about, for a list cell. */
export function whoText(r: Pick<ServiceRecord, 'kind' | 'member_name' | 'person_name' | 'count'>): string {
  if (r.kind === 'member') return r.member_name ?? '会员'
  if (r.kind === 'person') return r.person_name ?? '非会员'
  return `集体服务 ${r.count} 人次`
}
