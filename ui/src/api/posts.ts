// 服务阵地: posts, service records, tickets (records of type 诉求工单),
// the editable service-type list, a member's benefits, the figures and the
// documents made from them (monthly post report, post poster, figures .xlsx).

import { request } from './transport'
import type {
  EnrolPersonInput,
  FileOut,
  IdArg,
  LinkMemberInput,
  MemberBenefits,
  MemberIdArg,
  PdfOut,
  Post,
  PostChoices,
  PostInput,
  PostListQuery,
  PostPosterInput,
  PostReportInput,
  PostUpdate,
  ServiceInput,
  ServiceListQuery,
  ServicePage,
  ServiceRecord,
  ServiceStats,
  ServiceTypes,
  ServiceTypesInput,
  ServiceUpdate,
  StatsExportInput,
  StatsQuery,
  TicketInput,
} from './types'

/** Kinds, facilities, statuses, the office's service types, ticket states. */
export const postChoices = () => request<PostChoices>('post_choices')

export const postCreate = (input: PostInput) => request<Post>('post_create', input)
/** The whole form. */
export const postUpdate = (input: PostUpdate) => request<Post>('post_update', input)
export const postGet = (arg: IdArg) => request<Post>('post_get', arg)
/** By org, then name. */
export const postList = (q: PostListQuery = {}) => request<Post[]>('post_list', q)
/** Refused (`conflict`) once the post has service records: set it to 撤销 instead. */
export const postDelete = (arg: IdArg) => request<null>('post_delete', arg)

export const serviceTypesGet = () => request<ServiceTypes>('service_types_get')
/** The whole list, in order; a type in use or built in cannot be removed. */
export const serviceTypesSet = (input: ServiceTypesInput) => request<ServiceTypes>('service_types_set', input)

export const serviceCreate = (input: ServiceInput) => request<ServiceRecord>('service_create', input)
export const serviceUpdate = (input: ServiceUpdate) => request<ServiceRecord>('service_update', input)
/** With the full phone of a person not yet a member. */
export const serviceGet = (arg: IdArg) => request<ServiceRecord>('service_get', arg)
/** Newest first; `post_id: "none"` for outreach only. */
export const serviceList = (q: ServiceListQuery = {}) => request<ServicePage>('service_list', q)
export const serviceDelete = (arg: IdArg) => request<null>('service_delete', arg)

/** 受理 → 办理中 → 办结 (forward only); 办结 needs the outcome. */
export const ticketUpdate = (input: TicketInput) => request<ServiceRecord>('ticket_update', input)
/** A person record ↔ the member they became (null unlinks). */
export const serviceLinkMember = (input: LinkMemberInput) => request<ServiceRecord>('service_link_member', input)
/** Enrol the person of a record as a member and link them, in one transaction. */
export const serviceEnrolPerson = (input: EnrolPersonInput) => request<ServiceRecord>('service_enrol_person', input)

/** 互助保障, 健康体检 and every service the member received. */
export const memberBenefits = (arg: MemberIdArg) => request<MemberBenefits>('member_benefits', arg)

export const serviceStats = (q: StatsQuery) => request<ServiceStats>('service_stats', q)
export const serviceStatsXlsx = (input: StatsExportInput) => request<FileOut>('service_stats_xlsx', input)
export const printPostReport = (input: PostReportInput) => request<PdfOut>('print_post_report', input)
export const printPostPoster = (input: PostPosterInput) => request<PdfOut>('print_post_poster', input)
