import { request } from './transport'
import type { IdArg, Org, OrgInput, OrgUpdate } from './types'

/** Every org unit, parents before children. */
export const orgList = () => request<Org[]>('org_list')
export const orgCreate = (input: OrgInput) => request<Org>('org_create', input)
export const orgUpdate = (input: OrgUpdate) => request<Org>('org_update', input)
export const orgDelete = (arg: IdArg) => request<null>('org_delete', arg)
