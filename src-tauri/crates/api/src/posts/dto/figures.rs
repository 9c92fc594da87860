//! Figures (服务人次, 先服务后入会) and the files: stats .xlsx, monthly report, post poster.

use super::*;

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct StatsQuery {
    /// YYYY-MM-DD, inclusive.
    pub from: String,
    /// YYYY-MM-DD, inclusive.
    pub to: String,
    #[serde(default)]
    #[ts(optional)]
    pub post_id: Option<String>,
    /// Records of this org or any org below it.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
}

/// One line of a breakdown (by post, month or service type).
#[derive(Debug, Clone, Serialize, TS)]
pub struct StatsRow {
    /// Post id, "YYYY-MM" or the type name; "" for outreach in `by_post`.
    pub key: String,
    /// Post name (外出服务 for outreach), "2026年7月" or the type name.
    pub label: String,
    pub person_times: u32,
    /// Person-times of members / people not yet members / aggregate counts.
    pub member_times: u32,
    pub non_member_times: u32,
    pub aggregate_times: u32,
    /// Distinct people.
    pub members_served: u32,
    pub non_members_served: u32,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct TicketCounts {
    /// Tickets dated in the range, by their current state.
    pub received: u32,
    pub in_progress: u32,
    pub closed: u32,
}

/// One person served as a non-member who joined on or after that day.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Conversion {
    pub member_id: String,
    pub member_name: String,
    pub member_no: String,
    /// YYYY-MM-DD: their first service in the range as a non-member.
    pub first_served_on: String,
    pub joined_on: String,
    /// The post of that first service; null for outreach.
    pub post_name: Option<String>,
}

/// The figures of a date range. Each person is counted once in
/// `*_served` and `joined_after_service`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ServiceStats {
    pub from: String,
    pub to: String,
    /// Every person-time: individual records plus aggregate counts.
    pub person_times: u32,
    pub member_times: u32,
    pub non_member_times: u32,
    pub aggregate_times: u32,
    pub members_served: u32,
    pub non_members_served: u32,
    /// Non-members served who were invited to join.
    pub invited: u32,
    /// Non-members served in the range who are members now, having joined
    /// on or after the day they were first served.
    pub joined_after_service: u32,
    /// joined_after_service / non_members_served, 0..1 (0 when none).
    pub conversion_rate: f64,
    pub tickets: TicketCounts,
    pub by_post: Vec<StatsRow>,
    pub by_month: Vec<StatsRow>,
    pub by_type: Vec<StatsRow>,
    pub conversions: Vec<Conversion>,
}

/// The figures as .xlsx: written to `out` (desktop) or returned as base64.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct StatsExportInput {
    #[serde(flatten)]
    pub query: StatsQuery,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// The monthly report of one post (PDF).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PostReportInput {
    pub post_id: String,
    /// YYYY-MM.
    pub month: String,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// The poster of a post: name, kind, facilities, hours, contact and a QR
/// code to its page.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PostPosterInput {
    pub post_id: String,
    /// Overrides the post's page URL (else the org's join URL).
    #[serde(default)]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub size: Option<crate::dto::PosterSizeCode>,
    #[serde(default)]
    #[ts(optional)]
    pub template: Option<crate::dto::PosterTemplateCode>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}
