//! Data transfer objects: the shapes that cross to the UI. TypeScript
//! declarations are generated from these (see `bindings.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Kinds of org unit, as codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrgKindCode {
    County,
    Township,
    Village,
    Industry,
    Enterprise,
    Pool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Org {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub kind: OrgKindCode,
    /// 县/区总工会, 乡镇/街道工会 ...
    pub kind_label: String,
    pub division_code: Option<String>,
    pub join_url: Option<String>,
    pub updated_at: String,
    /// For an enterprise union: the employer/platform it belongs to.
    pub employer: Option<String>,
}

/// Fields of an org unit as the cadre types them.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OrgInput {
    #[serde(default)]
    #[ts(optional)]
    pub parent_id: Option<String>,
    pub name: String,
    pub kind: OrgKindCode,
    #[serde(default)]
    #[ts(optional)]
    pub division_code: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub join_url: Option<String>,
    /// For an enterprise union: the employer/platform it belongs to.
    #[serde(default)]
    #[ts(optional)]
    pub employer: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct OrgUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: OrgInput,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct IdArg {
    pub id: String,
}

/// One level of the first-run wizard; parents come first.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetupLevel {
    pub name: String,
    pub kind: OrgKindCode,
    #[serde(default)]
    #[ts(optional)]
    pub division_code: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub join_url: Option<String>,
}

/// First run: the chain from the county (or the highest level known) down
/// to this office. The last level is this office.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetupInput {
    pub levels: Vec<SetupLevel>,
    #[serde(default)]
    #[ts(optional)]
    pub operator: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: Option<String>,
    pub data_dir: Option<String>,
    pub log_file: Option<String>,
    pub device_id: String,
    pub schema_version: u32,
    /// This office, once the first-run wizard is done.
    pub office: Option<Org>,
    /// The cadre named in the change log.
    pub operator: Option<String>,
    /// Browser mode (`ledger serve`) or the desktop window.
    pub transport: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// Lists the forms offer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Choices {
    pub org_kinds: Vec<Choice>,
    pub occupation_groups: Vec<String>,
    pub join_channels: Vec<String>,
    pub labour_relations: Vec<String>,
    pub statuses: Vec<String>,
    pub ethnic_groups: Vec<String>,
    pub vehicle_types: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct OperatorInput {
    pub name: String,
}

/// The member form.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct MemberInput {
    pub name: String,
    pub id_number: String,
    pub phone: String,
    /// "male" | "female"; cross-checked with the ID when given.
    #[serde(default)]
    #[ts(optional)]
    pub gender: Option<String>,
    /// YYYY-MM-DD; cross-checked with the ID when given.
    #[serde(default)]
    #[ts(optional)]
    pub birth_date: Option<String>,
    pub occupation_group: String,
    #[serde(default)]
    #[ts(optional)]
    pub employer: Option<String>,
    /// The org that holds the membership; this office when absent.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub join_date: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub join_channel: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub ethnic_group: Option<String>,
    /// 户籍地
    #[serde(default)]
    #[ts(optional)]
    pub hukou_address: Option<String>,
    /// 现居住地
    #[serde(default)]
    #[ts(optional)]
    pub residence: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub labour_relation: Option<String>,
    /// 新就业形态劳动者
    #[serde(default)]
    #[ts(optional)]
    pub new_employment: Option<bool>,
    /// 农民工
    #[serde(default)]
    #[ts(optional)]
    pub migrant_worker: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub plate_number: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub vehicle_type: Option<String>,
    /// 从业资格证号
    #[serde(default)]
    #[ts(optional)]
    pub qualification_no: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct MemberUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: MemberInput,
}

/// A member as lists show it: ID and phone masked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberRow {
    pub id: String,
    pub member_no: String,
    pub name: String,
    pub gender: String,
    pub id_number: String,
    pub phone: String,
    pub occupation_group: String,
    pub employer: Option<String>,
    pub org_id: String,
    pub org_name: String,
    pub join_date: String,
    pub join_channel: String,
    pub status: String,
    pub labour_relation: Option<String>,
    pub verified_on: Option<String>,
    /// Not verified within the stale period (数据保鲜).
    pub stale: bool,
}

/// A member as the detail page shows it. The ID stays masked here; the
/// full number comes from `member_reveal_id`, which is recorded.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberDetail {
    #[serde(flatten)]
    pub row: MemberRow,
    pub birth_date: String,
    pub phone_full: String,
    pub notes: Option<String>,
    pub updated_at: String,
    pub ethnic_group: Option<String>,
    pub hukou_address: Option<String>,
    pub residence: Option<String>,
    pub new_employment: bool,
    pub migrant_worker: bool,
    pub plate_number: Option<String>,
    pub vehicle_type: Option<String>,
    pub qualification_no: Option<String>,
    pub status_reason: Option<String>,
    pub status_date: Option<String>,
    /// How many times the full ID number has been shown.
    pub id_reveals: u32,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct MemberListQuery {
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    /// 1-based.
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub page_size: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub group: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub channel: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub labour_relation: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub employer: Option<String>,
    /// YYYY-MM-DD, inclusive.
    #[serde(default)]
    #[ts(optional)]
    pub joined_from: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub joined_to: Option<String>,
    /// Only records not verified within the stale period.
    #[serde(default)]
    #[ts(optional)]
    pub stale_only: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub sort: Option<MemberSortCode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberSortCode {
    /// Newest joiners first; best match first when searching.
    Default,
    JoinDateDesc,
    JoinDateAsc,
    MemberNo,
    Name,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberPage {
    pub rows: Vec<MemberRow>,
    pub total: u32,
    /// A search text matched more than `total`: show "10000+".
    pub total_capped: bool,
    pub page: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct TransferInput {
    pub member_ids: Vec<String>,
    pub to_org_id: String,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct StatusInput {
    pub member_ids: Vec<String>,
    /// 在会 (re-join), 已转出, 退会, 注销.
    pub status: String,
    #[serde(default)]
    #[ts(optional)]
    pub reason: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct MemberIds {
    pub member_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Count {
    pub count: u32,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct RevealInput {
    pub id: String,
    /// Why the full number is needed (recorded).
    #[serde(default)]
    #[ts(optional)]
    pub purpose: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Revealed {
    pub id_number: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub label: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct HistoryEntry {
    /// Beijing time, YYYY-MM-DD HH:MM.
    pub at: String,
    pub actor: Option<String>,
    pub device_id: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Suggestion {
    pub org_id: String,
    pub org_name: String,
    pub why: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PoolRow {
    pub member: MemberRow,
    pub suggestion: Option<Suggestion>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct EmployerRow {
    pub employer: String,
    pub members: u32,
    pub union_org_id: Option<String>,
    pub union_org_name: Option<String>,
    /// Members reached the threshold and there is no union yet.
    pub alert: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct EmployerList {
    pub threshold: u32,
    pub rows: Vec<EmployerRow>,
}

/// "Union founded" for an employer: create its enterprise union and
/// optionally move its members there.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct FoundUnionInput {
    pub employer: String,
    pub parent_id: String,
    /// Defaults to "<employer>工会".
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    pub transfer_members: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FoundUnionResult {
    pub org: Org,
    pub transferred: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SettingsDto {
    pub union_threshold: u32,
    pub stale_days: u32,
}

/// What the home page shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HomeSummary {
    pub members_active: u32,
    pub members_total: u32,
    pub joined_this_year: u32,
    pub orgs: u32,
    pub stale: u32,
    pub pool_waiting: u32,
    pub threshold: u32,
    /// Employers at or above the threshold with no union yet.
    pub union_alerts: Vec<EmployerRow>,
}

// ---- Spreadsheets in and out (issue 4) ----------------------------------

/// A file argument, flattened into the commands that read a spreadsheet:
/// either `path` (desktop: chosen in a native dialog) or `file_name` plus
/// `bytes_base64` (browser: the uploaded file). The same file sent again
/// (same path, size and time, or the same bytes) is not parsed again.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct FileArg {
    #[serde(default)]
    #[ts(optional)]
    pub path: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub file_name: Option<String>,
    /// Standard base64; a `data:...;base64,` prefix is accepted.
    #[serde(default)]
    #[ts(optional)]
    pub bytes_base64: Option<String>,
}

/// A generated file: written to `path` when the command was given `out`,
/// otherwise returned as `bytes_base64` for the browser to download.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FileOut {
    /// Suggested name for a download ("花名册-2026-11-23.xlsx").
    pub file_name: String,
    pub path: Option<String>,
    pub bytes_base64: Option<String>,
    pub mime: String,
    /// Data rows in the file.
    pub rows: u32,
}

/// Which row is the header and which column holds each member field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetMapping {
    /// 0-based index of the header row; data starts on the next row.
    pub header_row: u32,
    /// Field code (`name`, `id_number`, `phone`, ...) → 0-based column.
    pub fields: std::collections::BTreeMap<String, u32>,
}

/// A member field a column can map to.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SheetField {
    pub code: String,
    pub label: String,
    /// Needed for an import (ID, name, phone).
    pub required: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportColumn {
    pub code: String,
    pub label: String,
    /// In the roster when no columns are chosen.
    pub default: bool,
}

/// What the import, export and comparison screens offer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SheetChoices {
    pub import_fields: Vec<SheetField>,
    pub export_columns: Vec<ExportColumn>,
    pub import_modes: Vec<Choice>,
    pub roster_parts: Vec<Choice>,
    /// Refusal codes and what they mean (bad_checksum → 校验码错误).
    pub reasons: Vec<Choice>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ImportPreviewInput {
    #[serde(flatten)]
    pub file: FileArg,
    /// 0-based worksheet; the first with data when absent.
    #[serde(default)]
    #[ts(optional)]
    pub sheet: Option<u32>,
    /// Take this row as the header instead of the detected one.
    #[serde(default)]
    #[ts(optional)]
    pub header_row: Option<u32>,
}

/// A first look at a file: its sheets, the header found, the mapping
/// (saved for these headers, or detected), and the first rows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPreview {
    pub file_name: String,
    /// "Excel 工作簿（.xlsx）", "CSV 文本（GB18030 编码）" ...
    pub format: String,
    pub sheet_names: Vec<String>,
    pub sheet: u32,
    pub mapping: SheetMapping,
    /// `saved` (used before for these headers) or `detected`.
    pub mapping_source: String,
    /// The header row's cells, one per column of the sheet.
    pub headers: Vec<String>,
    /// The rows above the header (titles), for the cadre to see.
    pub title_rows: Vec<Vec<String>>,
    /// The first data rows, as many cells as `headers`.
    pub sample: Vec<Vec<String>>,
    /// Sheet line number of each sample row.
    pub sample_lines: Vec<u32>,
    pub data_rows: u32,
    /// Labels of required fields with no column (ID, name, phone).
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportModeCode {
    /// Leave people already in the ledger as they are.
    #[default]
    Skip,
    /// Fill their empty fields from the file.
    Fill,
    /// Overwrite their fields with the file's non-empty values.
    Update,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ImportInput {
    #[serde(flatten)]
    pub file: FileArg,
    #[serde(default)]
    #[ts(optional)]
    pub sheet: Option<u32>,
    /// The detected (or saved) mapping when absent.
    #[serde(default)]
    #[ts(optional)]
    pub mapping: Option<SheetMapping>,
    #[serde(default)]
    #[ts(optional)]
    pub mode: Option<ImportModeCode>,
    /// The org that holds new memberships; this office when absent.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    /// 职业群体 for rows without one.
    #[serde(default)]
    #[ts(optional)]
    pub occupation_group: Option<String>,
}

/// One row of the file that is not simply new.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportRowResult {
    pub line: u32,
    /// `new`, `existing`, `duplicate`, `refused`.
    pub status: String,
    /// 新增, 已是会员, 文件内重复（同第3行）, 拒绝：身份证号：校验码错误.
    pub label: String,
    pub name: String,
    /// Masked.
    pub id_number: Option<String>,
    /// For refused rows: the reason code and the field at fault.
    pub code: Option<String>,
    pub field: Option<String>,
    /// For existing people: their record, and what the mode changes.
    pub member_id: Option<String>,
    pub changes: Vec<FieldChange>,
}

/// The dry run's (or the commit's) counts. The names are the CLI's.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportSummary {
    pub file_name: String,
    pub mode: ImportModeCode,
    pub mapping: SheetMapping,
    pub rows: u32,
    pub new: u32,
    pub existing: u32,
    pub duplicates_in_file: u32,
    pub legacy15_upgraded: u32,
    /// Reason code → rows.
    pub rejected: std::collections::BTreeMap<String, u32>,
    pub rejected_total: u32,
    /// People already in the ledger whom the mode changes.
    pub to_change: u32,
    pub committed: bool,
    /// After a commit: members added and existing members changed.
    pub added: u32,
    pub updated: u32,
    /// Rows that are not simply new, in file order (at most 500).
    pub issues: Vec<ImportRowResult>,
    pub issues_truncated: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ImportReportInput {
    #[serde(flatten)]
    pub import: ImportInput,
    /// Write here (desktop); returned as base64 when absent.
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    #[default]
    Xlsx,
    /// GB18030, for old systems.
    Csv,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ExportMembersInput {
    /// The current list's filters (page and page size are ignored).
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<MemberListQuery>,
    /// Column codes in order; the default roster columns when absent.
    #[serde(default)]
    #[ts(optional)]
    pub columns: Option<Vec<String>>,
    /// From `out`'s extension when absent, else xlsx.
    #[serde(default)]
    #[ts(optional)]
    pub format: Option<SheetFormat>,
    /// Full citizen IDs instead of masked ones: recorded for every member
    /// exported (as a reveal) and in the export log.
    #[serde(default)]
    #[ts(optional)]
    pub full_id: Option<bool>,
    /// Why full IDs are needed (recorded).
    #[serde(default)]
    #[ts(optional)]
    pub purpose: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct RosterCompareInput {
    #[serde(flatten)]
    pub file: FileArg,
    #[serde(default)]
    #[ts(optional)]
    pub sheet: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub mapping: Option<SheetMapping>,
}

/// One person of the compared list. ID and phones masked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RosterPerson {
    pub line: u32,
    /// How many more times the list repeats them.
    pub repeats: u32,
    pub name: String,
    pub id_number: String,
    /// Household-registration county (first six digits of the ID).
    pub county: String,
    /// The list's phone (masked when it is a mobile number).
    pub phone: String,
    pub phone_bad: bool,
    pub employer: String,
    pub member_id: Option<String>,
    pub member_no: Option<String>,
    pub member_phone: Option<String>,
    pub member_status: Option<String>,
    pub org_name: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RosterRejected {
    pub line: u32,
    pub name: String,
    /// As the list writes it, masked.
    pub id_number: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RosterBreakdown {
    /// Division code or employer name.
    pub key: String,
    pub label: String,
    pub total: u32,
    pub members: u32,
    pub not_members: u32,
}

/// 摸清底数: counts first, breakdowns, and the first rows of each list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RosterResult {
    pub file_name: String,
    pub mapping: SheetMapping,
    pub rows: u32,
    /// Distinct people (each counted once).
    pub people: u32,
    pub members: u32,
    pub not_members: u32,
    pub phone_differs: u32,
    /// People whose listed phone is not a mobile number (kept, reported).
    pub phone_bad: u32,
    /// Rows repeating a person already listed.
    pub repeated_rows: u32,
    pub rejected_total: u32,
    pub rejected: std::collections::BTreeMap<String, u32>,
    pub by_county: Vec<RosterBreakdown>,
    pub by_employer: Vec<RosterBreakdown>,
    /// The first 200 of each list; the whole list via `roster_export_part`.
    pub member_rows: Vec<RosterPerson>,
    pub not_member_rows: Vec<RosterPerson>,
    pub phone_differs_rows: Vec<RosterPerson>,
    pub rejected_rows: Vec<RosterRejected>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RosterPart {
    /// Every part below, one worksheet each.
    #[default]
    All,
    Members,
    NotMembers,
    PhoneDiffers,
    PhoneBad,
    Rejected,
    ByCounty,
    ByEmployer,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct RosterExportInput {
    #[serde(flatten)]
    pub compare: RosterCompareInput,
    #[serde(default)]
    #[ts(optional)]
    pub part: Option<RosterPart>,
    /// Full citizen IDs instead of masked ones (recorded).
    #[serde(default)]
    #[ts(optional)]
    pub full_id: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub purpose: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}
