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
    /// Required to enrol; when editing, empty keeps the stored number.
    #[serde(default)]
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
    /// YYYY-MM-DD the certificate (会员证) was last printed; null: never.
    pub card_issued_on: Option<String>,
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

// ---- Printing (issue 5) ------------------------------------------------------

/// The office's print settings, as 设置 → 打印 shows them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintSettings {
    /// The county's verification base URL put in certificate QR codes
    /// (`{base_url}/v?n=会员编号&s=签名`); null until set, and certificates
    /// are refused until it is.
    pub base_url: Option<String>,
    /// A guess to prefill `base_url` with: the address of the county's join
    /// link. Never used unless saved.
    pub suggested_base_url: Option<String>,
    /// The issuing org unit (发证单位): its seal is stamped over its name.
    /// This office unless set.
    pub issuer_org_id: Option<String>,
    pub issuer_org_name: Option<String>,
    /// The issuer as printed: the saved name, else the issuing org's name.
    pub issuer_name: String,
    /// `issuer_name` is a saved name rather than the org's own.
    pub issuer_name_set: bool,
    /// Printed on join posters unless a poster gives its own.
    pub contact_phone: Option<String>,
    /// Why certificates cannot be printed yet (null when they can).
    pub certificates_blocked: Option<String>,
    /// Certificates have been signed on this machine. The key itself is
    /// never shown and never leaves the ledger file.
    pub has_signing_key: bool,
    /// Org units with a seal image.
    pub seals: Vec<SealInfo>,
    /// Poster templates to offer, in order (`red`, `blue`, `ink`).
    pub poster_templates: Vec<Choice>,
    pub default_headline: String,
    pub default_steps: Vec<String>,
    pub default_benefits: Vec<String>,
}

/// Changes to the print settings: an absent field is left as it is, an
/// empty string clears it (back to its default).
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct PrintSettingsInput {
    #[serde(default)]
    #[ts(optional)]
    pub base_url: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub issuer_org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub issuer_name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub contact_phone: Option<String>,
}

/// An org unit's seal image, without the image.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SealInfo {
    pub org_id: String,
    pub org_name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    /// The image has transparent pixels (a seal on white paper would hide
    /// the issuer's name under it).
    pub transparent: bool,
    /// Beijing time, YYYY-MM-DD HH:MM.
    pub updated_at: String,
    pub actor: Option<String>,
}

/// A seal with its image, for the settings page to show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Seal {
    #[serde(flatten)]
    pub info: SealInfo,
    pub png_base64: String,
}

/// Upload an org's seal: a PNG, ideally red on a transparent background.
/// Give `path` (desktop: a native open dialog) or `file_name` and
/// `bytes_base64` (browser: an upload). A seal scanned on white paper is
/// made transparent where the paper is.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SealInput {
    pub org_id: String,
    #[serde(flatten)]
    pub file: FileArg,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct OrgIdArg {
    pub org_id: String,
}

/// The 五个一 checklist of a ceremony.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, TS)]
pub struct FiveOnes {
    /// 一证: certificates handed out.
    #[serde(default)]
    pub certificate: bool,
    /// 一徽: union badges handed out.
    #[serde(default)]
    pub badge: bool,
    /// 一式: the ceremony held.
    #[serde(default)]
    pub rite: bool,
    /// 一宣: the application read together.
    #[serde(default)]
    pub reading: bool,
    /// 一包: gift packs handed out.
    #[serde(default)]
    pub pack: bool,
}

/// An enrolment ceremony (集中入会仪式).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Ceremony {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub place: String,
    pub notes: Option<String>,
    pub checklist: FiveOnes,
    /// Members enrolled at it.
    pub attendees: u32,
    /// Of those, members whose certificate has been printed.
    pub printed: u32,
    pub updated_at: String,
}

/// A ceremony with its attendees, in the order they were enrolled.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CeremonyDetail {
    #[serde(flatten)]
    pub ceremony: Ceremony,
    pub members: Vec<MemberRow>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyInput {
    /// YYYY-MM-DD; may be ahead (a planned ceremony).
    pub date: String,
    pub place: String,
    /// The org holding it; this office when absent.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub checklist: Option<FiveOnes>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: CeremonyInput,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CeremonyListQuery {
    /// Ceremonies held by this org or any org below it.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
}

/// Enrol a new member on the spot: the member form; the join channel is
/// 集中入会仪式, the join date the ceremony's date and the holding org the
/// ceremony's org unless the form gives them.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyEnrolInput {
    pub ceremony_id: String,
    #[serde(flatten)]
    pub member: MemberInput,
}

/// Link existing members to a ceremony (or unlink them).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyMembersInput {
    pub ceremony_id: String,
    pub member_ids: Vec<String>,
}

/// Whom a document is printed for. Batches other than `members` leave out
/// members who are no longer 在会.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum PrintSelection {
    /// These members, in this order.
    Members { member_ids: Vec<String> },
    /// A ceremony's attendees, in the order they were enrolled.
    Ceremony { ceremony_id: String },
    /// Members held by an org unit or any org below it.
    Org { org_id: String },
    /// Members whose certificate was never printed (under an org if given).
    NotYetPrinted {
        #[serde(default)]
        #[ts(optional)]
        org_id: Option<String>,
    },
    /// Every member.
    All,
    /// The member list's filters (page and page size are ignored).
    Query { query: Box<MemberListQuery> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum CertificateLayout {
    /// Wallet cards (85.6 × 54 mm), ten to an A4 sheet with crop marks.
    #[default]
    Card,
    /// One certificate per A4 page (landscape), for ceremonies.
    A4,
    /// One certificate per A5 page (landscape).
    A5,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct PrintCertificatesInput {
    pub selection: PrintSelection,
    #[serde(default)]
    #[ts(optional)]
    pub layout: Option<CertificateLayout>,
    /// Print the first `limit` of the selection (a batch larger than 1000
    /// is refused without it).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Issue in the name of this org (its name and seal) instead of the
    /// settings' issuer.
    #[serde(default)]
    #[ts(optional)]
    pub issuer_org_id: Option<String>,
    /// A preview: the card issue dates are not recorded.
    #[serde(default)]
    #[ts(optional)]
    pub preview: Option<bool>,
    /// Write the PDF here (desktop: from a native save dialog; must end in
    /// .pdf); returned as base64 when absent.
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// A generated PDF: written to `path` when the command was given `out`,
/// otherwise returned as `bytes_base64` (same names as `FileOut`, so one
/// download/open helper serves both).
#[derive(Debug, Clone, Serialize, TS)]
pub struct PdfOut {
    /// Suggested name for a save dialog or download.
    pub file_name: String,
    pub path: Option<String>,
    pub bytes_base64: Option<String>,
    /// application/pdf
    pub mime: String,
    pub pages: u32,
    pub bytes: u32,
    /// Certificates, application forms, roster rows, or 1 for a poster.
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CertificatesOut {
    #[serde(flatten)]
    pub pdf: PdfOut,
    /// Certificates in the PDF.
    pub certificates: u32,
    /// Members in the selection (more than `certificates` when limited).
    pub selected: u32,
    /// Members whose card issue date was recorded now (0 for a preview).
    pub recorded: u32,
    /// YYYY-MM-DD printed as the issue date.
    pub issued_on: String,
    pub issuer_name: String,
}

/// What a certificate batch would print, checked before printing.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PrintCandidatesInput {
    pub selection: PrintSelection,
    /// Rows returned (default 200, at most 1000); `total` counts all.
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CertificateCandidate {
    #[serde(flatten)]
    pub member: MemberRow,
    /// Why this member's certificate cannot be printed (a character the
    /// fonts lack, a status other than 在会); null when it can.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintCandidates {
    pub total: u32,
    pub rows: Vec<CertificateCandidate>,
    /// Members among `rows` with a problem.
    pub problems: u32,
    /// Why no certificate can be printed yet (settings), else null.
    pub blocked: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PosterSizeCode {
    #[default]
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PosterTemplateCode {
    /// 中国红
    #[default]
    Red,
    /// 交通蓝
    Blue,
    /// 简洁（省墨）
    Ink,
}

/// A join poster (扫码入会) for an org unit.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PosterInput {
    pub org_id: String,
    #[serde(default)]
    #[ts(optional)]
    pub size: Option<PosterSizeCode>,
    #[serde(default)]
    #[ts(optional)]
    pub template: Option<PosterTemplateCode>,
    /// Up to two lines (a typed line break is kept); a default when empty.
    #[serde(default)]
    #[ts(optional)]
    pub headline: Option<String>,
    /// Up to 5; 扫码 → 填写信息 → 审核 → 入会 when absent.
    #[serde(default)]
    #[ts(optional)]
    pub steps: Option<Vec<String>>,
    /// 入会好处, up to 8; the defaults when absent.
    #[serde(default)]
    #[ts(optional)]
    pub benefits: Option<Vec<String>>,
    /// The settings' contact phone when absent; "" for none.
    #[serde(default)]
    #[ts(optional)]
    pub contact_phone: Option<String>,
    /// The QR code's link; the org's join link when absent.
    #[serde(default)]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// 入会申请书, one page per member, filled in for signature (with the full
/// citizen ID: recorded as a reveal for each member).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ApplicationInput {
    pub selection: PrintSelection,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// The roster (花名册) of a selection, or with `signature_column` an
/// attendance list (签到表). IDs and phones are masked.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RosterInput {
    pub selection: PrintSelection,
    /// Default: “<org> 会员花名册”, or for a ceremony “<date>集中入会仪式签到表”.
    #[serde(default)]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub subtitle: Option<String>,
    /// Default: true for a ceremony, else false.
    #[serde(default)]
    #[ts(optional)]
    pub signature_column: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// What a scanner read from a certificate's QR code (a whole link, or just
/// its `n=...&s=...` part).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct VerifyInput {
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct VerifyResult {
    /// The signature matches the member number under this office's key.
    pub genuine: bool,
    /// The number the link names, whenever one could be read; trust it only
    /// when `genuine`.
    pub member_no: Option<String>,
    /// One sentence for the cadre.
    pub message: String,
    /// The member, when genuine and in this ledger.
    pub member: Option<MemberRow>,
}

/// Where to write a PDF only to look at it (desktop: WebKitGTK shows no PDF
/// inline, so the UI writes the preview here and opens it with the system
/// viewer).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PreviewPathInput {
    /// e.g. the `file_name` a print command suggested.
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PreviewPath {
    pub path: String,
}
