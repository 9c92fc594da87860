//! Spot checks (随机电话抽查) and the files (ledger export, registration form).

use super::*;

/// Draw a spot check: `size` trips, or `percent` of them (exactly one),
/// stratified by village, over reported or filed trips of drivers still away.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct SpotDrawInput {
    #[serde(default)]
    #[ts(optional)]
    pub size: Option<u32>,
    /// 1–100.
    #[serde(default)]
    #[ts(optional)]
    pub percent: Option<u32>,
    /// Decimal digits (at most 15); a fresh seed from the clock when absent.
    #[serde(default)]
    #[ts(optional)]
    pub seed: Option<String>,
    /// Limit the population to an org and below.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
}

/// A drawn spot check (随机电话抽查).
#[derive(Debug, Clone, Serialize, TS)]
pub struct SpotCheck {
    pub id: String,
    pub drawn_on: String,
    pub seed: String,
    /// "10" or "10%".
    pub size_spec: String,
    /// Trips the sample was drawn from.
    pub population: u32,
    pub drawn: u32,
    pub called: u32,
    pub consistent: u32,
    /// consistent / called, 0–1 (0 when none called).
    pub rate: f64,
    pub actor: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SpotItem {
    pub id: String,
    pub trip_id: String,
    pub member_name: String,
    pub org_id: String,
    pub org_name: String,
    pub plate_number: String,
    pub dest_label: String,
    /// Full: the checker has to ring it.
    pub road_phone: String,
    /// consistent | mismatch | no_answer | dead_number; null until called.
    pub outcome: Option<String>,
    pub outcome_label: Option<String>,
    pub note: Option<String>,
    pub called_on: Option<String>,
}

/// Verification rate of one village in a spot check.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SpotVillage {
    pub org_id: String,
    pub org_name: String,
    pub drawn: u32,
    pub called: u32,
    pub consistent: u32,
    pub rate: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SpotCheckDetail {
    #[serde(flatten)]
    pub check: SpotCheck,
    pub items: Vec<SpotItem>,
    pub by_village: Vec<SpotVillage>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SpotRecordInput {
    pub item_id: String,
    /// consistent | mismatch | no_answer | dead_number
    pub outcome: String,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// Today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
}

/// The CLI's `outbound sample`: the saved check and the trip ids drawn.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SpotSample {
    pub check_id: String,
    pub seed: String,
    pub ids: Vec<String>,
}

/// The 动态管理台账 as .xlsx: the list's filters; written to `out` or returned as base64.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct OutboundExportInput {
    #[serde(flatten)]
    pub query: OutboundQuery,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct SpotExportInput {
    pub id: String,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// 外出报告登记表: one page per trip.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundFormInput {
    pub ids: Vec<String>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}
