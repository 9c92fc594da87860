import { request } from './transport'
import type {
  Count,
  EmployerList,
  FoundUnionInput,
  FoundUnionResult,
  HistoryEntry,
  IdArg,
  MemberDetail,
  MemberIds,
  MemberInput,
  MemberListQuery,
  MemberPage,
  MemberUpdate,
  PoolRouteInput,
  PoolRow,
  RevealInput,
  Revealed,
  StatusInput,
  TransferInput,
} from './types'

export const memberCreate = (input: MemberInput) => request<MemberDetail>('member_create', input)
export const memberList = (q: MemberListQuery) => request<MemberPage>('member_list', q)
export const memberGet = (arg: IdArg) => request<MemberDetail>('member_get', arg)
export const memberUpdate = (input: MemberUpdate) => request<MemberDetail>('member_update', input)
/** Show the full ID number; the backend records who looked and why. */
export const memberRevealId = (input: RevealInput) => request<Revealed>('member_reveal_id', input)
/** Oldest first. */
export const memberHistory = (arg: IdArg) => request<HistoryEntry[]>('member_history', arg)
export const memberTransfer = (input: TransferInput) => request<Count>('member_transfer', input)
export const memberSetStatus = (input: StatusInput) => request<Count>('member_set_status', input)
export const memberVerify = (input: MemberIds) => request<Count>('member_verify', input)

/** Members held by turnover pools (under `scope` when given) with a suggested destination. */
export const poolList = (scope?: IdArg) => request<PoolRow[]>('pool_list', scope ?? {})
/** Employers/platforms with members, and whether they have a union yet. */
export const employerList = () => request<EmployerList>('employer_list')
export const employerFoundUnion = (input: FoundUnionInput) => request<FoundUnionResult>('employer_found_union', input)
/** 按建议分流: every destination moves, or none does (one transaction). */
export const poolRoute = (input: PoolRouteInput) => request<Count>('pool_route', input)
