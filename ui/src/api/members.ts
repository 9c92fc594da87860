import { request } from './transport'
import type { IdArg, MemberDetail, MemberInput, MemberListQuery, MemberPage } from './types'

export const memberCreate = (input: MemberInput) => request<MemberDetail>('member_create', input)
export const memberList = (q: MemberListQuery) => request<MemberPage>('member_list', q)
export const memberGet = (arg: IdArg) => request<MemberDetail>('member_get', arg)
