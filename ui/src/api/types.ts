// Generated from the Rust DTOs in src-tauri/crates/api/src/dto.rs.
// Do not edit: run `cargo xtask gen-types`.

export type ErrorCode = "bad_request" | "invalid" | "bad_length" | "bad_checksum" | "bad_date" | "bad_phone" | "duplicate" | "not_found" | "conflict" | "setup_required" | "schema_too_new" | "unauthorized" | "internal";

export type ApiError = { code: ErrorCode, message: string, field?: string, existing_id?: string, };

export type OrgKindCode = "county" | "township" | "village" | "industry" | "enterprise" | "pool";

export type Org = { id: string, parent_id: string | null, name: string, kind: OrgKindCode, 
/**
 * 县/区总工会, 乡镇/街道工会 ...
 */
kind_label: string, division_code: string | null, join_url: string | null, updated_at: string, 
/**
 * For an enterprise union: the employer/platform it belongs to.
 */
employer: string | null, };

export type OrgInput = { parent_id?: string, name: string, kind: OrgKindCode, division_code?: string, join_url?: string, 
/**
 * For an enterprise union: the employer/platform it belongs to.
 */
employer?: string, };

export type OrgUpdate = { id: string, parent_id?: string, name: string, kind: OrgKindCode, division_code?: string, join_url?: string, 
/**
 * For an enterprise union: the employer/platform it belongs to.
 */
employer?: string, };

export type IdArg = { id: string, };

export type SetupLevel = { name: string, kind: OrgKindCode, division_code?: string, join_url?: string, };

export type SetupInput = { levels: Array<SetupLevel>, operator?: string, };

export type AppInfo = { version: string, db_path: string | null, data_dir: string | null, log_file: string | null, device_id: string, schema_version: number, 
/**
 * This office, once the first-run wizard is done.
 */
office: Org | null, 
/**
 * The cadre named in the change log.
 */
operator: string | null, 
/**
 * Browser mode (`ledger serve`) or the desktop window.
 */
transport: string, };

export type Choice = { value: string, label: string, };

export type Choices = { org_kinds: Array<Choice>, occupation_groups: Array<string>, join_channels: Array<string>, labour_relations: Array<string>, statuses: Array<string>, ethnic_groups: Array<string>, vehicle_types: Array<string>, };

export type OperatorInput = { name: string, };

export type MemberInput = { name: string, id_number: string, phone: string, 
/**
 * "male" | "female"; cross-checked with the ID when given.
 */
gender?: string, 
/**
 * YYYY-MM-DD; cross-checked with the ID when given.
 */
birth_date?: string, occupation_group: string, employer?: string, 
/**
 * The org that holds the membership; this office when absent.
 */
org_id?: string, 
/**
 * YYYY-MM-DD; today when absent.
 */
join_date?: string, join_channel?: string, notes?: string, ethnic_group?: string, 
/**
 * 户籍地
 */
hukou_address?: string, 
/**
 * 现居住地
 */
residence?: string, labour_relation?: string, 
/**
 * 新就业形态劳动者
 */
new_employment?: boolean, 
/**
 * 农民工
 */
migrant_worker?: boolean, plate_number?: string, vehicle_type?: string, 
/**
 * 从业资格证号
 */
qualification_no?: string, };

export type MemberRow = { id: string, member_no: string, name: string, gender: string, id_number: string, phone: string, occupation_group: string, employer: string | null, org_id: string, org_name: string, join_date: string, join_channel: string, status: string, labour_relation: string | null, verified_on: string | null, 
/**
 * Not verified within the stale period (数据保鲜).
 */
stale: boolean, };

export type MemberDetail = { birth_date: string, phone_full: string, notes: string | null, updated_at: string, ethnic_group: string | null, hukou_address: string | null, residence: string | null, new_employment: boolean, migrant_worker: boolean, plate_number: string | null, vehicle_type: string | null, qualification_no: string | null, status_reason: string | null, status_date: string | null, 
/**
 * How many times the full ID number has been shown.
 */
id_reveals: number, id: string, member_no: string, name: string, gender: string, id_number: string, phone: string, occupation_group: string, employer: string | null, org_id: string, org_name: string, join_date: string, join_channel: string, status: string, labour_relation: string | null, verified_on: string | null, 
/**
 * Not verified within the stale period (数据保鲜).
 */
stale: boolean, };

export type MemberListQuery = { text?: string, org_id?: string, 
/**
 * 1-based.
 */
page?: number, page_size?: number, group?: string, status?: string, channel?: string, labour_relation?: string, employer?: string, 
/**
 * YYYY-MM-DD, inclusive.
 */
joined_from?: string, joined_to?: string, 
/**
 * Only records not verified within the stale period.
 */
stale_only?: boolean, sort?: MemberSortCode, };

export type MemberPage = { rows: Array<MemberRow>, total: number, 
/**
 * A search text matched more than `total`: show "10000+".
 */
total_capped: boolean, page: number, page_size: number, };

export type MemberUpdate = { id: string, name: string, id_number: string, phone: string, 
/**
 * "male" | "female"; cross-checked with the ID when given.
 */
gender?: string, 
/**
 * YYYY-MM-DD; cross-checked with the ID when given.
 */
birth_date?: string, occupation_group: string, employer?: string, 
/**
 * The org that holds the membership; this office when absent.
 */
org_id?: string, 
/**
 * YYYY-MM-DD; today when absent.
 */
join_date?: string, join_channel?: string, notes?: string, ethnic_group?: string, 
/**
 * 户籍地
 */
hukou_address?: string, 
/**
 * 现居住地
 */
residence?: string, labour_relation?: string, 
/**
 * 新就业形态劳动者
 */
new_employment?: boolean, 
/**
 * 农民工
 */
migrant_worker?: boolean, plate_number?: string, vehicle_type?: string, 
/**
 * 从业资格证号
 */
qualification_no?: string, };

export type MemberSortCode = "default" | "join_date_desc" | "join_date_asc" | "member_no" | "name";

export type TransferInput = { member_ids: Array<string>, to_org_id: string, 
/**
 * YYYY-MM-DD; today when absent.
 */
date?: string, reason: string, };

export type StatusInput = { member_ids: Array<string>, 
/**
 * 在会 (re-join), 已转出, 退会, 注销.
 */
status: string, reason?: string, date?: string, };

export type MemberIds = { member_ids: Array<string>, };

export type Count = { count: number, };

export type RevealInput = { id: string, 
/**
 * Why the full number is needed (recorded).
 */
purpose?: string, };

export type Revealed = { id_number: string, };

export type FieldChange = { field: string, label: string, from: string | null, to: string | null, };

export type HistoryEntry = { 
/**
 * Beijing time, YYYY-MM-DD HH:MM.
 */
at: string, actor: string | null, device_id: string, action: string, changes: Array<FieldChange>, note: string | null, };

export type Suggestion = { org_id: string, org_name: string, why: string, };

export type PoolRow = { member: MemberRow, suggestion: Suggestion | null, };

export type EmployerRow = { employer: string, members: number, union_org_id: string | null, union_org_name: string | null, 
/**
 * Members reached the threshold and there is no union yet.
 */
alert: boolean, };

export type EmployerList = { threshold: number, rows: Array<EmployerRow>, };

export type FoundUnionInput = { employer: string, parent_id: string, 
/**
 * Defaults to "<employer>工会".
 */
name?: string, transfer_members: boolean, };

export type FoundUnionResult = { org: Org, transferred: number, };

export type SettingsDto = { union_threshold: number, stale_days: number, };

export type HomeSummary = { members_active: number, members_total: number, joined_this_year: number, orgs: number, stale: number, pool_waiting: number, threshold: number, 
/**
 * Employers at or above the threshold with no union yet.
 */
union_alerts: Array<EmployerRow>, };
