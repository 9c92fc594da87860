// Generated from the Rust DTOs in src-tauri/crates/api/src/dto/ and each area's dto/.
// Do not edit: run `cargo xtask gen-types`.

export type ErrorCode = "bad_request" | "invalid" | "bad_length" | "bad_checksum" | "bad_date" | "bad_phone" | "duplicate" | "not_found" | "conflict" | "setup_required" | "schema_too_new" | "unauthorized" | "missing_glyph" | "internal";

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

export type MemberInput = { name: string, 
/**
 * Required to enrol; when editing, empty keeps the stored number.
 */
id_number: string, phone: string, 
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
stale: boolean, 
/**
 * YYYY-MM-DD the certificate (会员证) was last printed; null: never.
 */
card_issued_on: string | null, };

export type MemberDetail = { birth_date: string, phone_full: string, notes: string | null, updated_at: string, ethnic_group: string | null, hukou_address: string | null, residence: string | null, new_employment: boolean, migrant_worker: boolean, plate_number: string | null, vehicle_type: string | null, qualification_no: string | null, status_reason: string | null, status_date: string | null, 
/**
 * How many times the full ID number has been shown.
 */
id_reveals: number, id: string, member_no: string, name: string, gender: string, id_number: string, phone: string, occupation_group: string, employer: string | null, org_id: string, org_name: string, join_date: string, join_channel: string, status: string, labour_relation: string | null, verified_on: string | null, 
/**
 * Not verified within the stale period (数据保鲜).
 */
stale: boolean, 
/**
 * YYYY-MM-DD the certificate (会员证) was last printed; null: never.
 */
card_issued_on: string | null, };

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

export type MemberUpdate = { id: string, name: string, 
/**
 * Required to enrol; when editing, empty keeps the stored number.
 */
id_number: string, phone: string, 
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

export type PoolRouteInput = { groups: Array<PoolRouteGroup>, 
/**
 * YYYY-MM-DD; today when absent.
 */
date?: string, };

export type PoolRouteGroup = { to_org_id: string, member_ids: Array<string>, 
/**
 * Recorded in each member's history.
 */
reason: string, };

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

export type FileArg = { path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type FileOut = { 
/**
 * Suggested name for a download ("花名册-2026-11-23.xlsx").
 */
file_name: string, path: string | null, bytes_base64: string | null, mime: string, 
/**
 * Data rows in the file.
 */
rows: number, };

export type SheetMapping = { 
/**
 * 0-based index of the header row; data starts on the next row.
 */
header_row: number, 
/**
 * Field code (`name`, `id_number`, `phone`, ...) → 0-based column.
 */
fields: { [key in string]: number }, };

export type SheetField = { code: string, label: string, 
/**
 * Needed for an import (ID, name, phone).
 */
required: boolean, };

export type ExportColumn = { code: string, label: string, 
/**
 * In the roster when no columns are chosen.
 */
default: boolean, };

export type SheetChoices = { import_fields: Array<SheetField>, export_columns: Array<ExportColumn>, import_modes: Array<Choice>, roster_parts: Array<Choice>, 
/**
 * Refusal codes and what they mean (bad_checksum → 校验码错误).
 */
reasons: Array<Choice>, };

export type ImportPreviewInput = { 
/**
 * 0-based worksheet; the first with data when absent.
 */
sheet?: number, 
/**
 * Take this row as the header instead of the detected one.
 */
header_row?: number, path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type ImportPreview = { file_name: string, 
/**
 * "Excel 工作簿（.xlsx）", "CSV 文本（GB18030 编码）" ...
 */
format: string, sheet_names: Array<string>, sheet: number, mapping: SheetMapping, 
/**
 * `saved` (used before for these headers) or `detected`.
 */
mapping_source: string, 
/**
 * The header row's cells, one per column of the sheet.
 */
headers: Array<string>, 
/**
 * The rows above the header (titles), for the cadre to see.
 */
title_rows: Array<Array<string>>, 
/**
 * The first data rows, as many cells as `headers`.
 */
sample: Array<Array<string>>, 
/**
 * Sheet line number of each sample row.
 */
sample_lines: Array<number>, data_rows: number, 
/**
 * Labels of required fields with no column (ID, name, phone).
 */
missing: Array<string>, };

export type ImportModeCode = "skip" | "fill" | "update";

export type ImportInput = { sheet?: number, 
/**
 * The detected (or saved) mapping when absent.
 */
mapping?: SheetMapping, mode?: ImportModeCode, 
/**
 * The org that holds new memberships; this office when absent.
 */
org_id?: string, 
/**
 * 职业群体 for rows without one.
 */
occupation_group?: string, path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type ImportRowResult = { line: number, 
/**
 * `new`, `existing`, `duplicate`, `refused`.
 */
status: string, 
/**
 * 新增, 已是会员, 文件内重复（同第3行）, 拒绝：身份证号：校验码错误.
 */
label: string, name: string, 
/**
 * Masked.
 */
id_number: string | null, 
/**
 * For refused rows: the reason code and the field at fault.
 */
code: string | null, field: string | null, 
/**
 * For existing people: their record, and what the mode changes.
 */
member_id: string | null, changes: Array<FieldChange>, };

export type ImportSummary = { file_name: string, mode: ImportModeCode, mapping: SheetMapping, rows: number, new: number, existing: number, duplicates_in_file: number, legacy15_upgraded: number, 
/**
 * Reason code → rows.
 */
rejected: { [key in string]: number }, rejected_total: number, 
/**
 * People already in the ledger whom the mode changes.
 */
to_change: number, committed: boolean, 
/**
 * After a commit: members added and existing members changed.
 */
added: number, updated: number, 
/**
 * Rows that are not simply new, in file order (at most 500).
 */
issues: Array<ImportRowResult>, issues_truncated: boolean, };

export type ImportReportInput = { 
/**
 * Write here (desktop); returned as base64 when absent.
 */
out?: string, sheet?: number, 
/**
 * The detected (or saved) mapping when absent.
 */
mapping?: SheetMapping, mode?: ImportModeCode, 
/**
 * The org that holds new memberships; this office when absent.
 */
org_id?: string, 
/**
 * 职业群体 for rows without one.
 */
occupation_group?: string, path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type SheetFormat = "xlsx" | "csv";

export type ExportMembersInput = { 
/**
 * The current list's filters (page and page size are ignored).
 */
query?: MemberListQuery, 
/**
 * Column codes in order; the default roster columns when absent.
 */
columns?: Array<string>, 
/**
 * From `out`'s extension when absent, else xlsx.
 */
format?: SheetFormat, 
/**
 * Full citizen IDs instead of masked ones: recorded for every member
 * exported (as a reveal) and in the export log.
 */
full_id?: boolean, 
/**
 * Why full IDs are needed (recorded).
 */
purpose?: string, out?: string, };

export type RosterCompareInput = { sheet?: number, mapping?: SheetMapping, path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type RosterPerson = { line: number, 
/**
 * How many more times the list repeats them.
 */
repeats: number, name: string, id_number: string, 
/**
 * Household-registration county (first six digits of the ID).
 */
county: string, 
/**
 * The list's phone (masked when it is a mobile number).
 */
phone: string, phone_bad: boolean, employer: string, member_id: string | null, member_no: string | null, member_phone: string | null, member_status: string | null, org_name: string | null, };

export type RosterRejected = { line: number, name: string, 
/**
 * As the list writes it, masked.
 */
id_number: string, code: string, message: string, };

export type RosterBreakdown = { 
/**
 * Division code or employer name.
 */
key: string, label: string, total: number, members: number, not_members: number, };

export type RosterResult = { file_name: string, mapping: SheetMapping, rows: number, 
/**
 * Distinct people (each counted once).
 */
people: number, members: number, not_members: number, phone_differs: number, 
/**
 * People whose listed phone is not a mobile number (kept, reported).
 */
phone_bad: number, 
/**
 * Rows repeating a person already listed.
 */
repeated_rows: number, rejected_total: number, rejected: { [key in string]: number }, by_county: Array<RosterBreakdown>, by_employer: Array<RosterBreakdown>, 
/**
 * The first 200 of each list; the whole list via `roster_export_part`.
 */
member_rows: Array<RosterPerson>, not_member_rows: Array<RosterPerson>, phone_differs_rows: Array<RosterPerson>, rejected_rows: Array<RosterRejected>, };

export type RosterPart = "all" | "members" | "not_members" | "phone_differs" | "phone_bad" | "rejected" | "by_county" | "by_employer";

export type RosterExportInput = { part?: RosterPart, 
/**
 * Full citizen IDs instead of masked ones (recorded).
 */
full_id?: boolean, purpose?: string, out?: string, sheet?: number, mapping?: SheetMapping, path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type PrintSettings = { 
/**
 * The county's verification base URL put in certificate QR codes
 * (`{base_url}/v?n=会员编号&s=签名`); null until set, and certificates
 * are refused until it is.
 */
base_url: string | null, 
/**
 * A guess to prefill `base_url` with: the address of the county's join
 * link. Never used unless saved.
 */
suggested_base_url: string | null, 
/**
 * The issuing org unit (发证单位): its seal is stamped over its name.
 * This office unless set.
 */
issuer_org_id: string | null, issuer_org_name: string | null, 
/**
 * The issuer as printed: the saved name, else the issuing org's name.
 */
issuer_name: string, 
/**
 * `issuer_name` is a saved name rather than the org's own.
 */
issuer_name_set: boolean, 
/**
 * Printed on join posters unless a poster gives its own.
 */
contact_phone: string | null, 
/**
 * Why certificates cannot be printed yet (null when they can).
 */
certificates_blocked: string | null, 
/**
 * Certificates have been signed on this machine. The key itself is
 * never shown and never leaves the ledger file.
 */
has_signing_key: boolean, 
/**
 * Org units with a seal image.
 */
seals: Array<SealInfo>, 
/**
 * Poster templates to offer, in order (`red`, `blue`, `ink`).
 */
poster_templates: Array<Choice>, default_headline: string, default_steps: Array<string>, default_benefits: Array<string>, };

export type PrintSettingsInput = { base_url?: string, issuer_org_id?: string, issuer_name?: string, contact_phone?: string, };

export type SealInfo = { org_id: string, org_name: string, width: number, height: number, bytes: number, 
/**
 * The image has transparent pixels (a seal on white paper would hide
 * the issuer's name under it).
 */
transparent: boolean, 
/**
 * Beijing time, YYYY-MM-DD HH:MM.
 */
updated_at: string, actor: string | null, };

export type Seal = { png_base64: string, org_id: string, org_name: string, width: number, height: number, bytes: number, 
/**
 * The image has transparent pixels (a seal on white paper would hide
 * the issuer's name under it).
 */
transparent: boolean, 
/**
 * Beijing time, YYYY-MM-DD HH:MM.
 */
updated_at: string, actor: string | null, };

export type SealInput = { org_id: string, path?: string, file_name?: string, 
/**
 * Standard base64; a `data:...;base64,` prefix is accepted.
 */
bytes_base64?: string, };

export type OrgIdArg = { org_id: string, };

export type FiveOnes = { 
/**
 * 一证: certificates handed out.
 */
certificate: boolean, 
/**
 * 一徽: union badges handed out.
 */
badge: boolean, 
/**
 * 一式: the ceremony held.
 */
rite: boolean, 
/**
 * 一宣: the application read together.
 */
reading: boolean, 
/**
 * 一包: gift packs handed out.
 */
pack: boolean, };

export type Ceremony = { id: string, org_id: string, org_name: string, 
/**
 * YYYY-MM-DD.
 */
date: string, place: string, notes: string | null, checklist: FiveOnes, 
/**
 * Members enrolled at it.
 */
attendees: number, 
/**
 * Of those, members whose certificate has been printed.
 */
printed: number, updated_at: string, };

export type CeremonyDetail = { members: Array<MemberRow>, id: string, org_id: string, org_name: string, 
/**
 * YYYY-MM-DD.
 */
date: string, place: string, notes: string | null, checklist: FiveOnes, 
/**
 * Members enrolled at it.
 */
attendees: number, 
/**
 * Of those, members whose certificate has been printed.
 */
printed: number, updated_at: string, };

export type CeremonyInput = { 
/**
 * YYYY-MM-DD; may be ahead (a planned ceremony).
 */
date: string, place: string, 
/**
 * The org holding it; this office when absent.
 */
org_id?: string, notes?: string, checklist?: FiveOnes, };

export type CeremonyUpdate = { id: string, 
/**
 * YYYY-MM-DD; may be ahead (a planned ceremony).
 */
date: string, place: string, 
/**
 * The org holding it; this office when absent.
 */
org_id?: string, notes?: string, checklist?: FiveOnes, };

export type CeremonyListQuery = { 
/**
 * Ceremonies held by this org or any org below it.
 */
org_id?: string, };

export type CeremonyEnrolInput = { ceremony_id: string, name: string, 
/**
 * Required to enrol; when editing, empty keeps the stored number.
 */
id_number: string, phone: string, 
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

export type CeremonyMembersInput = { ceremony_id: string, member_ids: Array<string>, };

export type PrintSelection = { "by": "members", member_ids: Array<string>, } | { "by": "ceremony", ceremony_id: string, } | { "by": "org", org_id: string, } | { "by": "not_yet_printed", org_id?: string, } | { "by": "all" } | { "by": "query", query: MemberListQuery, };

export type CertificateLayout = "card" | "a4" | "a5";

export type PrintCertificatesInput = { selection: PrintSelection, layout?: CertificateLayout, 
/**
 * Print the first `limit` of the selection (a batch larger than 1000
 * is refused without it).
 */
limit?: number, 
/**
 * Issue in the name of this org (its name and seal) instead of the
 * settings' issuer.
 */
issuer_org_id?: string, 
/**
 * A preview: the card issue dates are not recorded.
 */
preview?: boolean, 
/**
 * Write the PDF here (desktop: from a native save dialog; must end in
 * .pdf); returned as base64 when absent.
 */
out?: string, };

export type PdfOut = { 
/**
 * Suggested name for a save dialog or download.
 */
file_name: string, path: string | null, bytes_base64: string | null, 
/**
 * application/pdf
 */
mime: string, pages: number, bytes: number, 
/**
 * Certificates, application forms, roster rows, or 1 for a poster.
 */
count: number, };

export type CertificatesOut = { 
/**
 * Certificates in the PDF.
 */
certificates: number, 
/**
 * Members in the selection (more than `certificates` when limited).
 */
selected: number, 
/**
 * Members whose card issue date was recorded now (0 for a preview).
 */
recorded: number, 
/**
 * YYYY-MM-DD printed as the issue date.
 */
issued_on: string, issuer_name: string, 
/**
 * Suggested name for a save dialog or download.
 */
file_name: string, path: string | null, bytes_base64: string | null, 
/**
 * application/pdf
 */
mime: string, pages: number, bytes: number, 
/**
 * Certificates, application forms, roster rows, or 1 for a poster.
 */
count: number, };

export type PrintCandidatesInput = { selection: PrintSelection, 
/**
 * Rows returned (default 200, at most 1000); `total` counts all.
 */
limit?: number, };

export type CertificateCandidate = { 
/**
 * Why this member's certificate cannot be printed (a character the
 * fonts lack, a status other than 在会); null when it can.
 */
problem: string | null, id: string, member_no: string, name: string, gender: string, id_number: string, phone: string, occupation_group: string, employer: string | null, org_id: string, org_name: string, join_date: string, join_channel: string, status: string, labour_relation: string | null, verified_on: string | null, 
/**
 * Not verified within the stale period (数据保鲜).
 */
stale: boolean, 
/**
 * YYYY-MM-DD the certificate (会员证) was last printed; null: never.
 */
card_issued_on: string | null, };

export type PrintCandidates = { total: number, rows: Array<CertificateCandidate>, 
/**
 * Members among `rows` with a problem.
 */
problems: number, 
/**
 * Why no certificate can be printed yet (settings), else null.
 */
blocked: string | null, };

export type PosterSizeCode = "a4" | "a3";

export type PosterTemplateCode = "red" | "blue" | "ink";

export type PosterInput = { org_id: string, size?: PosterSizeCode, template?: PosterTemplateCode, 
/**
 * Up to two lines (a typed line break is kept); a default when empty.
 */
headline?: string, 
/**
 * Up to 5; 扫码 → 填写信息 → 审核 → 入会 when absent.
 */
steps?: Array<string>, 
/**
 * 入会好处, up to 8; the defaults when absent.
 */
benefits?: Array<string>, 
/**
 * The settings' contact phone when absent; "" for none.
 */
contact_phone?: string, 
/**
 * The QR code's link; the org's join link when absent.
 */
url?: string, out?: string, };

export type ApplicationInput = { selection: PrintSelection, out?: string, };

export type RosterInput = { selection: PrintSelection, 
/**
 * Default: “<org> 会员花名册”, or for a ceremony “<date>集中入会仪式签到表”.
 */
title?: string, subtitle?: string, 
/**
 * Default: true for a ceremony, else false.
 */
signature_column?: boolean, out?: string, };

export type VerifyInput = { text: string, };

export type VerifyResult = { 
/**
 * The signature matches the member number under this office's key.
 */
genuine: boolean, 
/**
 * The number the link names, whenever one could be read; trust it only
 * when `genuine`.
 */
member_no: string | null, 
/**
 * One sentence for the cadre.
 */
message: string, 
/**
 * The member, when genuine and in this ledger.
 */
member: MemberRow | null, };

export type PreviewPathInput = { 
/**
 * e.g. the `file_name` a print command suggested.
 */
file_name: string, };

export type PreviewPath = { path: string, };

export type OutboundProvince = { name: string, cities: Array<string>, 
/**
 * City → its county-level divisions (2023 list); absent for a
 * county-level city under its province. Newer names may be typed.
 */
counties: { [key in string]: Array<string> }, };

export type OutboundChoices = { 
/**
 * The 34 provincial divisions with their cities.
 */
provinces: Array<OutboundProvince>, 
/**
 * Suggestions; any text up to 20 characters is accepted.
 */
vehicle_types: Array<string>, 
/**
 * Suggestions for the emergency contact's relation.
 */
relations: Array<string>, 
/**
 * Report states: draft | reported | filed | returned.
 */
states: Array<Choice>, 
/**
 * Trip statuses: planned | away | overdue | lost | back.
 */
statuses: Array<Choice>, 
/**
 * Contact channels: phone | wechat | visit | family.
 */
channels: Array<Choice>, 
/**
 * Spot-check call outcomes: consistent | mismatch | no_answer | dead_number.
 */
outcomes: Array<Choice>, };

export type OutboundSettings = { 
/**
 * What "half a year" means: trips at least this long must be reported
 * (default 180). Shorter trips can still be logged.
 */
half_year_days: number, 
/**
 * No successful contact for this long: 失联 (default 90).
 */
lost_days: number, };

export type OutboundFields = { 
/**
 * 车牌号; empty takes the member's own plate.
 */
plate_number: string, vehicle_type?: string, departure_date: string, expected_return: string, 
/**
 * One of the 34 provincial divisions (full name, e.g. 浙江省).
 */
dest_province: string, dest_city?: string, dest_county?: string, dest_address?: string, 
/**
 * The logistics park, company or platform there.
 */
dest_park?: string, 
/**
 * The driver's phone on the road; empty takes the member's phone.
 */
road_phone?: string, family_spouse?: string, family_children?: string, family_elderly?: string, 
/**
 * Needs the union could help with.
 */
family_needs?: string, emergency_name?: string, emergency_relation?: string, emergency_phone?: string, 
/**
 * The cadre who took the report; the operator when absent.
 */
reported_by?: string, 
/**
 * When the report was taken; today when absent.
 */
reported_on?: string, notes?: string, };

export type OutboundInput = { member_id?: string, member?: MemberInput, 
/**
 * Report it (已上报) right away instead of keeping a draft.
 */
submit?: boolean, 
/**
 * 车牌号; empty takes the member's own plate.
 */
plate_number: string, vehicle_type?: string, departure_date: string, expected_return: string, 
/**
 * One of the 34 provincial divisions (full name, e.g. 浙江省).
 */
dest_province: string, dest_city?: string, dest_county?: string, dest_address?: string, 
/**
 * The logistics park, company or platform there.
 */
dest_park?: string, 
/**
 * The driver's phone on the road; empty takes the member's phone.
 */
road_phone?: string, family_spouse?: string, family_children?: string, family_elderly?: string, 
/**
 * Needs the union could help with.
 */
family_needs?: string, emergency_name?: string, emergency_relation?: string, emergency_phone?: string, 
/**
 * The cadre who took the report; the operator when absent.
 */
reported_by?: string, 
/**
 * When the report was taken; today when absent.
 */
reported_on?: string, notes?: string, };

export type OutboundUpdate = { id: string, 
/**
 * 车牌号; empty takes the member's own plate.
 */
plate_number: string, vehicle_type?: string, departure_date: string, expected_return: string, 
/**
 * One of the 34 provincial divisions (full name, e.g. 浙江省).
 */
dest_province: string, dest_city?: string, dest_county?: string, dest_address?: string, 
/**
 * The logistics park, company or platform there.
 */
dest_park?: string, 
/**
 * The driver's phone on the road; empty takes the member's phone.
 */
road_phone?: string, family_spouse?: string, family_children?: string, family_elderly?: string, 
/**
 * Needs the union could help with.
 */
family_needs?: string, emergency_name?: string, emergency_relation?: string, emergency_phone?: string, 
/**
 * The cadre who took the report; the operator when absent.
 */
reported_by?: string, 
/**
 * When the report was taken; today when absent.
 */
reported_on?: string, notes?: string, };

export type OutboundIds = { ids: Array<string>, };

export type OutboundReasonInput = { id: string, reason: string, };

export type OutboundBackInput = { id: string, 
/**
 * Today when absent.
 */
date?: string, };

export type OutboundRow = { id: string, member_id: string, member_name: string, member_no: string, 
/**
 * The village (or other org) the driver belongs to.
 */
org_id: string, org_name: string, plate_number: string, vehicle_type: string | null, departure_date: string, expected_return: string, returned_on: string | null, dest_province: string, 
/**
 * 浙江省杭州市萧山区
 */
dest_label: string, 
/**
 * Where the driver is now: the latest contact's new location, else the destination.
 */
current_location: string, dest_park: string | null, road_phone_masked: string, 
/**
 * draft | reported | filed | returned
 */
state: string, state_label: string, 
/**
 * planned | away | overdue | lost | back
 */
status: string, status_label: string, 
/**
 * Latest successful contact.
 */
last_contact_on: string | null, 
/**
 * Days since the latest successful contact (or departure/report date).
 */
days_silent: number, 
/**
 * Days past the expected return (0 when not overdue).
 */
days_overdue: number, 
/**
 * Planned length at least the "half a year" setting.
 */
long_trip: boolean, updated_at: string, };

export type OutboundReview = { id: string, 
/**
 * report | file | return | reopen
 */
action: string, action_label: string, 
/**
 * State codes before and after.
 */
from_state: string, to_state: string, from_label: string, to_label: string, reason: string | null, actor: string | null, date: string, };

export type OutboundContact = { id: string, date: string, 
/**
 * phone | wechat | visit | family
 */
channel: string, channel_label: string, 
/**
 * The driver (or family) was reached: this keeps the record fresh.
 */
reached: boolean, note: string | null, 
/**
 * A new location when the driver moved.
 */
new_location: string | null, actor: string | null, };

export type OutboundDetail = { id_number_masked: string, member_phone: string, dest_city: string | null, dest_county: string | null, dest_address: string | null, road_phone: string, family_spouse: string | null, family_children: string | null, family_elderly: string | null, family_needs: string | null, emergency_name: string | null, emergency_relation: string | null, emergency_phone: string | null, reported_by: string | null, reported_on: string, notes: string | null, 
/**
 * The reason of the latest return or reopening.
 */
state_reason: string | null, 
/**
 * Filed: the form cannot be edited.
 */
locked: boolean, 
/**
 * Why it is locked (shown on the screen), when locked.
 */
lock_reason: string | null, reviews: Array<OutboundReview>, 
/**
 * Newest first.
 */
contacts: Array<OutboundContact>, id: string, member_id: string, member_name: string, member_no: string, 
/**
 * The village (or other org) the driver belongs to.
 */
org_id: string, org_name: string, plate_number: string, vehicle_type: string | null, departure_date: string, expected_return: string, returned_on: string | null, dest_province: string, 
/**
 * 浙江省杭州市萧山区
 */
dest_label: string, 
/**
 * Where the driver is now: the latest contact's new location, else the destination.
 */
current_location: string, dest_park: string | null, road_phone_masked: string, 
/**
 * draft | reported | filed | returned
 */
state: string, state_label: string, 
/**
 * planned | away | overdue | lost | back
 */
status: string, status_label: string, 
/**
 * Latest successful contact.
 */
last_contact_on: string | null, 
/**
 * Days since the latest successful contact (or departure/report date).
 */
days_silent: number, 
/**
 * Days past the expected return (0 when not overdue).
 */
days_overdue: number, 
/**
 * Planned length at least the "half a year" setting.
 */
long_trip: boolean, updated_at: string, };

export type OutboundQuery = { 
/**
 * An org and everything below it.
 */
org_id?: string, province?: string, 
/**
 * planned | away | overdue | lost | back
 */
status?: string, 
/**
 * draft | reported | filed | returned
 */
state?: string, member_id?: string, 
/**
 * Name, member number, plate or phone.
 */
q?: string, 
/**
 * Only drivers currently away (planned, away, overdue, lost; not back).
 */
away_only?: boolean, 
/**
 * Paging over the rows (the counts cover every match); all rows when absent.
 */
offset?: number, limit?: number, };

export type OutboundTally = { key: string, label: string, count: number, };

export type OutboundList = { rows: Array<OutboundRow>, total: number, by_province: Array<OutboundTally>, by_village: Array<OutboundTally>, };

export type OutboundAlerts = { overdue: Array<OutboundRow>, lost: Array<OutboundRow>, 
/**
 * Reports waiting for review (已上报).
 */
pending_review: number, 
/**
 * Drivers away now.
 */
away: number, };

export type OutboundContactInput = { trip_id: string, 
/**
 * Today when absent.
 */
date?: string, 
/**
 * phone | wechat | visit | family
 */
channel: string, reached: boolean, note?: string, new_province?: string, new_city?: string, new_county?: string, new_address?: string, };

export type SpotDrawInput = { size?: number, 
/**
 * 1–100.
 */
percent?: number, 
/**
 * Decimal digits (at most 15); a fresh seed from the clock when absent.
 */
seed?: string, 
/**
 * Limit the population to an org and below.
 */
org_id?: string, notes?: string, };

export type SpotCheck = { id: string, drawn_on: string, seed: string, 
/**
 * "10" or "10%".
 */
size_spec: string, 
/**
 * Trips the sample was drawn from.
 */
population: number, drawn: number, called: number, consistent: number, 
/**
 * consistent / called, 0–1 (0 when none called).
 */
rate: number, actor: string | null, notes: string | null, };

export type SpotItem = { id: string, trip_id: string, member_name: string, org_id: string, org_name: string, plate_number: string, dest_label: string, 
/**
 * Full: the checker has to ring it.
 */
road_phone: string, 
/**
 * consistent | mismatch | no_answer | dead_number; null until called.
 */
outcome: string | null, outcome_label: string | null, note: string | null, called_on: string | null, };

export type SpotVillage = { org_id: string, org_name: string, drawn: number, called: number, consistent: number, rate: number, };

export type SpotCheckDetail = { items: Array<SpotItem>, by_village: Array<SpotVillage>, id: string, drawn_on: string, seed: string, 
/**
 * "10" or "10%".
 */
size_spec: string, 
/**
 * Trips the sample was drawn from.
 */
population: number, drawn: number, called: number, consistent: number, 
/**
 * consistent / called, 0–1 (0 when none called).
 */
rate: number, actor: string | null, notes: string | null, };

export type SpotRecordInput = { item_id: string, 
/**
 * consistent | mismatch | no_answer | dead_number
 */
outcome: string, note?: string, 
/**
 * Today when absent.
 */
date?: string, };

export type SpotSample = { check_id: string, seed: string, ids: Array<string>, };

export type OutboundExportInput = { out?: string, 
/**
 * An org and everything below it.
 */
org_id?: string, province?: string, 
/**
 * planned | away | overdue | lost | back
 */
status?: string, 
/**
 * draft | reported | filed | returned
 */
state?: string, member_id?: string, 
/**
 * Name, member number, plate or phone.
 */
q?: string, 
/**
 * Only drivers currently away (planned, away, overdue, lost; not back).
 */
away_only?: boolean, 
/**
 * Paging over the rows (the counts cover every match); all rows when absent.
 */
offset?: number, limit?: number, };

export type SpotExportInput = { id: string, out?: string, };

export type OutboundFormInput = { ids: Array<string>, out?: string, };

export type PostChoices = { 
/**
 * 司机之家, 爱心驿站, 工会驿站, ...
 */
kinds: Array<string>, 
/**
 * 休息, 饮水, 热饭, ...
 */
facilities: Array<string>, 
/**
 * 运营中, 暂停, 撤销.
 */
statuses: Array<string>, 
/**
 * The office's editable list of service types (see `service_types_get`).
 */
service_types: Array<string>, 
/**
 * 受理, 办理中, 办结.
 */
ticket_statuses: Array<string>, 
/**
 * The service type that is a complaint ticket (诉求工单).
 */
ticket_type: string, 
/**
 * The type whose individual records carry insurance details (互助保障赠送).
 */
insurance_type: string, 
/**
 * The type listed as a member's health checks (健康体检).
 */
health_check_type: string, 
/**
 * individual-member / individual-person / aggregate, with labels.
 */
record_kinds: Array<Choice>, };

export type Post = { id: string, name: string, kind: string, org_id: string, org_name: string, 
/**
 * A partner that hosts or co-runs it (e.g. a bank branch).
 */
partner: string | null, address: string, latitude: number | null, longitude: number | null, 
/**
 * In the order of `PostChoices.facilities`.
 */
facilities: Array<string>, 
/**
 * Free text, e.g. "08:00-20:00"; null when open around the clock.
 */
hours: string | null, open_24h: boolean, 
/**
 * Unattended, entered by scanning a QR code.
 */
unattended_qr: boolean, 
/**
 * "24小时开放 · 无人值守扫码进入" or the hours: one line for lists.
 */
hours_label: string, contact_name: string | null, contact_phone: string | null, 
/**
 * YYYY-MM-DD.
 */
opened_on: string | null, status: string, 
/**
 * YYYY-MM-DD: since when the status holds.
 */
status_date: string | null, 
/**
 * The post's own page (its poster's QR code); the org's join URL is
 * used when absent.
 */
page_url: string | null, notes: string | null, 
/**
 * Live service records at this post (all time).
 */
records: number, updated_at: string, };

export type PostInput = { name: string, kind: string, 
/**
 * Org id or exact name; this office when absent.
 */
org_id?: string, partner?: string, address: string, latitude?: number, longitude?: number, facilities: Array<string>, hours?: string, open_24h: boolean, unattended_qr: boolean, contact_name?: string, contact_phone?: string, opened_on?: string, 
/**
 * 运营中 when absent.
 */
status?: string, 
/**
 * Required for 暂停 and 撤销; the opened date (or today) for 运营中.
 */
status_date?: string, page_url?: string, notes?: string, };

export type PostUpdate = { id: string, name: string, kind: string, 
/**
 * Org id or exact name; this office when absent.
 */
org_id?: string, partner?: string, address: string, latitude?: number, longitude?: number, facilities: Array<string>, hours?: string, open_24h: boolean, unattended_qr: boolean, contact_name?: string, contact_phone?: string, opened_on?: string, 
/**
 * 运营中 when absent.
 */
status?: string, 
/**
 * Required for 暂停 and 撤销; the opened date (or today) for 运营中.
 */
status_date?: string, page_url?: string, notes?: string, };

export type PostListQuery = { 
/**
 * Posts run by this org or any org below it.
 */
org_id?: string, kind?: string, status?: string, 
/**
 * Contained in the name, address or partner.
 */
text?: string, };

export type ServiceTypeRow = { name: string, 
/**
 * Live records of this type; a type in use cannot be removed.
 */
in_use: number, 
/**
 * 诉求工单, 互助保障赠送 and 健康体检 carry behaviour and always stay.
 */
builtin: boolean, };

export type ServiceTypes = { types: Array<ServiceTypeRow>, };

export type ServiceTypesInput = { types: Array<string>, };

export type RecordKindCode = "member" | "person" | "aggregate";

export type Insurance = { 
/**
 * e.g. 职工互助保障·意外伤害险.
 */
scheme: string, 
/**
 * YYYY-MM-DD.
 */
period_from: string, 
/**
 * YYYY-MM-DD.
 */
period_to: string, certificate_no?: string, };

export type ServiceRecord = { id: string, 
/**
 * YYYY-MM-DD.
 */
date: string, 
/**
 * null: outreach (外出服务), not at a post.
 */
post_id: string | null, post_name: string | null, 
/**
 * The org that delivered it (the post's org, or the office's).
 */
org_id: string, org_name: string, service_type: string, kind: RecordKindCode, member_id: string | null, member_name: string | null, member_no: string | null, person_name: string | null, 
/**
 * Masked (138****8000).
 */
person_phone: string | null, 
/**
 * Only from `service_get`.
 */
person_phone_full: string | null, 
/**
 * Invite this person to join (邀请入会).
 */
invite: boolean, 
/**
 * The member this person later became: linked explicitly, or found by
 * the same mobile number.
 */
joined_member_id: string | null, joined_member_name: string | null, 
/**
 * YYYY-MM-DD: that member's join date.
 */
joined_on: string | null, 
/**
 * "explicit" or "phone" when `joined_member_id` is set.
 */
joined_by: string | null, 
/**
 * Person-times: 1 for an individual record.
 */
count: number, note: string | null, 
/**
 * Tickets (诉求工单) only: 受理 | 办理中 | 办结.
 */
ticket_status: string | null, ticket_handler: string | null, ticket_outcome: string | null, 
/**
 * YYYY-MM-DD, set when it was closed.
 */
ticket_closed_on: string | null, insurance: Insurance | null, updated_at: string, };

export type ServiceInput = { 
/**
 * YYYY-MM-DD, not after today.
 */
date: string, 
/**
 * Post id; absent or empty for outreach.
 */
post_id?: string, 
/**
 * For outreach: the delivering org (id or name); this office when
 * absent. Ignored when a post is given (the post's org).
 */
org_id?: string, service_type: string, kind: RecordKindCode, member_id?: string, person_name?: string, person_phone?: string, invite: boolean, 
/**
 * Aggregate only: person-times (1 to 100000).
 */
count?: number, 
/**
 * What was done (for an aggregate record: the event, e.g. 收费站发放矿泉水200瓶).
 */
note?: string, 
/**
 * Tickets: the state it starts in (受理 when absent), handler, outcome.
 */
ticket_status?: string, ticket_handler?: string, ticket_outcome?: string, 
/**
 * Required for an individual 互助保障赠送 record.
 */
insurance?: Insurance, };

export type ServiceUpdate = { id: string, 
/**
 * YYYY-MM-DD, not after today.
 */
date: string, 
/**
 * Post id; absent or empty for outreach.
 */
post_id?: string, 
/**
 * For outreach: the delivering org (id or name); this office when
 * absent. Ignored when a post is given (the post's org).
 */
org_id?: string, service_type: string, kind: RecordKindCode, member_id?: string, person_name?: string, person_phone?: string, invite: boolean, 
/**
 * Aggregate only: person-times (1 to 100000).
 */
count?: number, 
/**
 * What was done (for an aggregate record: the event, e.g. 收费站发放矿泉水200瓶).
 */
note?: string, 
/**
 * Tickets: the state it starts in (受理 when absent), handler, outcome.
 */
ticket_status?: string, ticket_handler?: string, ticket_outcome?: string, 
/**
 * Required for an individual 互助保障赠送 record.
 */
insurance?: Insurance, };

export type ServiceListQuery = { from?: string, to?: string, 
/**
 * A post id, or "none" for outreach only.
 */
post_id?: string, 
/**
 * Records of this org or any org below it.
 */
org_id?: string, service_type?: string, kind?: RecordKindCode, 
/**
 * Tickets in this state.
 */
ticket_status?: string, 
/**
 * Only people not yet members who were invited and have not joined.
 */
invite_pending?: boolean, 
/**
 * From 1.
 */
page?: number, 
/**
 * 50 when absent, at most 500.
 */
page_size?: number, };

export type ServicePage = { total: number, page: number, page_size: number, rows: Array<ServiceRecord>, };

export type TicketInput = { id: string, status: string, handler?: string, outcome?: string, };

export type LinkMemberInput = { id: string, member_id: string | null, };

export type EnrolPersonInput = { record_id: string, name: string, 
/**
 * Required to enrol; when editing, empty keeps the stored number.
 */
id_number: string, phone: string, 
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

export type MemberIdArg = { member_id: string, };

export type MemberBenefits = { 
/**
 * 互助保障赠送 records, newest first.
 */
insurance: Array<ServiceRecord>, 
/**
 * 健康体检 records, newest first.
 */
health_checks: Array<ServiceRecord>, 
/**
 * Every service record of the member (as a member or, before joining,
 * as a linked person), newest first.
 */
services: Array<ServiceRecord>, };

export type StatsQuery = { 
/**
 * YYYY-MM-DD, inclusive.
 */
from: string, 
/**
 * YYYY-MM-DD, inclusive.
 */
to: string, post_id?: string, 
/**
 * Records of this org or any org below it.
 */
org_id?: string, };

export type StatsRow = { 
/**
 * Post id, "YYYY-MM" or the type name; "" for outreach in `by_post`.
 */
key: string, 
/**
 * Post name (外出服务 for outreach), "2026年7月" or the type name.
 */
label: string, person_times: number, 
/**
 * Person-times of members / people not yet members / aggregate counts.
 */
member_times: number, non_member_times: number, aggregate_times: number, 
/**
 * Distinct people.
 */
members_served: number, non_members_served: number, };

export type TicketCounts = { 
/**
 * Tickets dated in the range, by their current state.
 */
received: number, in_progress: number, closed: number, };

export type Conversion = { member_id: string, member_name: string, member_no: string, 
/**
 * YYYY-MM-DD: their first service in the range as a non-member.
 */
first_served_on: string, joined_on: string, 
/**
 * The post of that first service; null for outreach.
 */
post_name: string | null, };

export type ServiceStats = { from: string, to: string, 
/**
 * Every person-time: individual records plus aggregate counts.
 */
person_times: number, member_times: number, non_member_times: number, aggregate_times: number, members_served: number, non_members_served: number, 
/**
 * Non-members served who were invited to join.
 */
invited: number, 
/**
 * Non-members served in the range who are members now, having joined
 * on or after the day they were first served.
 */
joined_after_service: number, 
/**
 * joined_after_service / non_members_served, 0..1 (0 when none).
 */
conversion_rate: number, tickets: TicketCounts, by_post: Array<StatsRow>, by_month: Array<StatsRow>, by_type: Array<StatsRow>, conversions: Array<Conversion>, };

export type StatsExportInput = { out?: string, 
/**
 * YYYY-MM-DD, inclusive.
 */
from: string, 
/**
 * YYYY-MM-DD, inclusive.
 */
to: string, post_id?: string, 
/**
 * Records of this org or any org below it.
 */
org_id?: string, };

export type PostReportInput = { post_id: string, 
/**
 * YYYY-MM.
 */
month: string, out?: string, };

export type PostPosterInput = { post_id: string, 
/**
 * Overrides the post's page URL (else the org's join URL).
 */
url?: string, size?: PosterSizeCode, template?: PosterTemplateCode, out?: string, };
