// 外出报告 (truck-driver outbound reports): typed calls over the generated types.
// Contract: the backend's outbound module (states, statuses, channels and
// outcomes travel as codes with their Chinese `*_label`).

import { request } from './transport'
import type {
  Count,
  FileOut,
  IdArg,
  OutboundAlerts,
  OutboundBackInput,
  OutboundChoices,
  OutboundContactInput,
  OutboundDetail,
  OutboundExportInput,
  OutboundFormInput,
  OutboundIds,
  OutboundInput,
  OutboundList,
  OutboundQuery,
  OutboundReasonInput,
  OutboundSettings,
  OutboundUpdate,
  PdfOut,
  SpotCheck,
  SpotCheckDetail,
  SpotDrawInput,
  SpotExportInput,
  SpotRecordInput,
} from './types'

/** Provinces with their cities, vehicle types, relations and the code lists. */
export const outboundChoices = () => request<OutboundChoices>('outbound_choices')
/** 半年 (days) and 失联 period (days). */
export const outboundSettingsGet = () => request<OutboundSettings>('outbound_settings_get')
export const outboundSettingsSet = (input: OutboundSettings) => request<OutboundSettings>('outbound_settings_set', input)

/** A driver who is a member (`member_id`) or enrolled on the spot (`member`). */
export const outboundCreate = (input: OutboundInput) => request<OutboundDetail>('outbound_create', input)
/** Refused with `conflict` once filed. */
export const outboundUpdate = (input: OutboundUpdate) => request<OutboundDetail>('outbound_update', input)
/** Drafts and returned reports only. */
export const outboundDelete = (arg: IdArg) => request<null>('outbound_delete', arg)
export const outboundGet = (arg: IdArg) => request<OutboundDetail>('outbound_get', arg)
export const outboundList = (q: OutboundQuery) => request<OutboundList>('outbound_list', q)

/** 上报 (all or none). */
export const outboundReport = (ids: OutboundIds) => request<Count>('outbound_report', ids)
/** 备案, one or many reported trips (all or none). */
export const outboundFile = (ids: OutboundIds) => request<Count>('outbound_file', ids)
/** 退回 with a reason. */
export const outboundReturn = (input: OutboundReasonInput) => request<OutboundDetail>('outbound_return', input)
/** A reviewer reopens a filed trip with a reason. */
export const outboundReopen = (input: OutboundReasonInput) => request<OutboundDetail>('outbound_reopen', input)
/** The driver came home. */
export const outboundBack = (input: OutboundBackInput) => request<OutboundDetail>('outbound_back', input)
export const outboundContactAdd = (input: OutboundContactInput) => request<OutboundDetail>('outbound_contact_add', input)

/** Overdue and lost-contact trips for the home page. */
export const outboundAlerts = () => request<OutboundAlerts>('outbound_alerts')

/** 随机电话抽查: draw a seeded sample, stratified by village. */
export const spotDraw = (input: SpotDrawInput) => request<SpotCheckDetail>('outbound_spot_draw', input)
export const spotList = () => request<SpotCheck[]>('outbound_spot_list')
export const spotGet = (arg: IdArg) => request<SpotCheckDetail>('outbound_spot_get', arg)
export const spotRecord = (input: SpotRecordInput) => request<SpotCheckDetail>('outbound_spot_record', input)
export const spotExport = (input: SpotExportInput) => request<FileOut>('outbound_spot_export', input)

/** 动态管理台账 (.xlsx) of the list's filters. */
export const outboundExport = (input: OutboundExportInput) => request<FileOut>('outbound_export', input)
/** 外出报告登记表 (PDF, one trip per page, for signature). */
export const outboundPrintForm = (input: OutboundFormInput) => request<PdfOut>('outbound_print_form', input)
