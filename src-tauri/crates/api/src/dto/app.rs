//! Orgs, first-run setup, app info, choices, settings and the home summary.

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
