//! Spreadsheets in and out (issue 4).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

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
