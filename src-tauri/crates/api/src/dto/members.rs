//! The member ledger: records, lists, moves, history, the pool and employers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

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

/// 按建议分流: several destinations, all moved in one transaction.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PoolRouteInput {
    pub groups: Vec<PoolRouteGroup>,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct PoolRouteGroup {
    pub to_org_id: String,
    pub member_ids: Vec<String>,
    /// Recorded in each member's history.
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
