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
}

/// A member as the detail page shows it. The ID stays masked here.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberDetail {
    #[serde(flatten)]
    pub row: MemberRow,
    pub birth_date: String,
    pub phone_full: String,
    pub notes: Option<String>,
    pub updated_at: String,
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
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberPage {
    pub rows: Vec<MemberRow>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}
