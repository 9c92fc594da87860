// Generated from the Rust DTOs in src-tauri/crates/api/src/dto.rs.
// Do not edit: run `cargo xtask gen-types`.

export type ErrorCode = "bad_request" | "invalid" | "bad_length" | "bad_checksum" | "bad_date" | "bad_phone" | "duplicate" | "not_found" | "conflict" | "setup_required" | "schema_too_new" | "unauthorized" | "internal";

export type ApiError = { code: ErrorCode, message: string, field?: string, existing_id?: string, };

export type OrgKindCode = "county" | "township" | "village" | "industry" | "enterprise" | "pool";

export type Org = { id: string, parent_id: string | null, name: string, kind: OrgKindCode, 
/**
 * 县/区总工会, 乡镇/街道工会 ...
 */
kind_label: string, division_code: string | null, join_url: string | null, updated_at: string, };

export type OrgInput = { parent_id?: string, name: string, kind: OrgKindCode, division_code?: string, join_url?: string, };

export type OrgUpdate = { id: string, parent_id?: string, name: string, kind: OrgKindCode, division_code?: string, join_url?: string, };

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

export type Choices = { org_kinds: Array<Choice>, occupation_groups: Array<string>, join_channels: Array<string>, };

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
join_date?: string, join_channel?: string, notes?: string, };

export type MemberRow = { id: string, member_no: string, name: string, gender: string, id_number: string, phone: string, occupation_group: string, employer: string | null, org_id: string, org_name: string, join_date: string, join_channel: string, status: string, };

export type MemberDetail = { birth_date: string, phone_full: string, notes: string | null, updated_at: string, id: string, member_no: string, name: string, gender: string, id_number: string, phone: string, occupation_group: string, employer: string | null, org_id: string, org_name: string, join_date: string, join_channel: string, status: string, };

export type MemberListQuery = { text?: string, org_id?: string, 
/**
 * 1-based.
 */
page?: number, page_size?: number, };

export type MemberPage = { rows: Array<MemberRow>, total: number, page: number, page_size: number, };
