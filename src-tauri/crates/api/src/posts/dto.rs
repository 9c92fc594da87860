//! DTOs of service posts (服务阵地) and service records; their TypeScript
//! declarations are listed in [`decls`].

use serde::{Deserialize, Serialize};
use ts_rs::{Config, TS};

use crate::dto::{Choice, MemberInput};

/// TypeScript declarations of this area's DTOs, in the order they are written.
pub fn decls(cfg: &Config) -> Vec<String> {
    vec![
        PostChoices::decl(cfg),
        Post::decl(cfg),
        PostInput::decl(cfg),
        PostUpdate::decl(cfg),
        PostListQuery::decl(cfg),
        ServiceTypeRow::decl(cfg),
        ServiceTypes::decl(cfg),
        ServiceTypesInput::decl(cfg),
        RecordKindCode::decl(cfg),
        Insurance::decl(cfg),
        ServiceRecord::decl(cfg),
        ServiceInput::decl(cfg),
        ServiceUpdate::decl(cfg),
        ServiceListQuery::decl(cfg),
        ServicePage::decl(cfg),
        TicketInput::decl(cfg),
        LinkMemberInput::decl(cfg),
        EnrolPersonInput::decl(cfg),
        MemberIdArg::decl(cfg),
        MemberBenefits::decl(cfg),
        StatsQuery::decl(cfg),
        StatsRow::decl(cfg),
        TicketCounts::decl(cfg),
        Conversion::decl(cfg),
        ServiceStats::decl(cfg),
        StatsExportInput::decl(cfg),
        PostReportInput::decl(cfg),
        PostPosterInput::decl(cfg),
    ]
}

/// The fixed lists of the post and service forms.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PostChoices {
    /// 司机之家, 爱心驿站, 工会驿站, ...
    pub kinds: Vec<String>,
    /// 休息, 饮水, 热饭, ...
    pub facilities: Vec<String>,
    /// 运营中, 暂停, 撤销.
    pub statuses: Vec<String>,
    /// The office's editable list of service types (see `service_types_get`).
    pub service_types: Vec<String>,
    /// 受理, 办理中, 办结.
    pub ticket_statuses: Vec<String>,
    /// The service type that is a complaint ticket (诉求工单).
    pub ticket_type: String,
    /// The type whose individual records carry insurance details (互助保障赠送).
    pub insurance_type: String,
    /// The type listed as a member's health checks (健康体检).
    pub health_check_type: String,
    /// individual-member / individual-person / aggregate, with labels.
    pub record_kinds: Vec<Choice>,
}

/// A service post. `contact_phone` is the post's public number (printed on
/// its poster), so it is not masked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Post {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub org_id: String,
    pub org_name: String,
    /// A partner that hosts or co-runs it (e.g. a bank branch).
    pub partner: Option<String>,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// In the order of `PostChoices.facilities`.
    pub facilities: Vec<String>,
    /// Free text, e.g. "08:00-20:00"; null when open around the clock.
    pub hours: Option<String>,
    pub open_24h: bool,
    /// Unattended, entered by scanning a QR code.
    pub unattended_qr: bool,
    /// "24小时开放 · 无人值守扫码进入" or the hours: one line for lists.
    pub hours_label: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// YYYY-MM-DD.
    pub opened_on: Option<String>,
    pub status: String,
    /// YYYY-MM-DD: since when the status holds.
    pub status_date: Option<String>,
    /// The post's own page (its poster's QR code); the org's join URL is
    /// used when absent.
    pub page_url: Option<String>,
    pub notes: Option<String>,
    /// Live service records at this post (all time).
    pub records: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct PostInput {
    pub name: String,
    pub kind: String,
    /// Org id or exact name; this office when absent.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub partner: Option<String>,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    #[ts(optional)]
    pub latitude: Option<f64>,
    #[serde(default)]
    #[ts(optional)]
    pub longitude: Option<f64>,
    #[serde(default)]
    pub facilities: Vec<String>,
    #[serde(default)]
    #[ts(optional)]
    pub hours: Option<String>,
    #[serde(default)]
    pub open_24h: bool,
    #[serde(default)]
    pub unattended_qr: bool,
    #[serde(default)]
    #[ts(optional)]
    pub contact_name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub opened_on: Option<String>,
    /// 运营中 when absent.
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<String>,
    /// Required for 暂停 and 撤销; the opened date (or today) for 运营中.
    #[serde(default)]
    #[ts(optional)]
    pub status_date: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub page_url: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct PostUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: PostInput,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct PostListQuery {
    /// Posts run by this org or any org below it.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<String>,
    /// Contained in the name, address or partner.
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ServiceTypeRow {
    pub name: String,
    /// Live records of this type; a type in use cannot be removed.
    pub in_use: u32,
    /// 诉求工单, 互助保障赠送 and 健康体检 carry behaviour and always stay.
    pub builtin: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ServiceTypes {
    pub types: Vec<ServiceTypeRow>,
}

/// The whole list, in the order to offer it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ServiceTypesInput {
    pub types: Vec<String>,
}

/// Who was served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKindCode {
    /// One member (`member_id`).
    Member,
    /// One person not (yet) a member (`person_name`, `person_phone`).
    Person,
    /// A count of person-times at an event (`count`, `note`).
    Aggregate,
}

/// 互助保障 given to one person.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Insurance {
    /// e.g. 职工互助保障·意外伤害险.
    pub scheme: String,
    /// YYYY-MM-DD.
    pub period_from: String,
    /// YYYY-MM-DD.
    pub period_to: String,
    #[serde(default)]
    #[ts(optional)]
    pub certificate_no: Option<String>,
}

/// A service record. Phones are masked; `person_phone_full` only in
/// `service_get`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ServiceRecord {
    pub id: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// null: outreach (外出服务), not at a post.
    pub post_id: Option<String>,
    pub post_name: Option<String>,
    /// The org that delivered it (the post's org, or the office's).
    pub org_id: String,
    pub org_name: String,
    pub service_type: String,
    pub kind: RecordKindCode,
    pub member_id: Option<String>,
    pub member_name: Option<String>,
    pub member_no: Option<String>,
    pub person_name: Option<String>,
    /// Masked (138****8000).
    pub person_phone: Option<String>,
    /// Only from `service_get`.
    pub person_phone_full: Option<String>,
    /// Invite this person to join (邀请入会).
    pub invite: bool,
    /// The member this person later became: linked explicitly, or found by
    /// the same mobile number.
    pub joined_member_id: Option<String>,
    pub joined_member_name: Option<String>,
    /// YYYY-MM-DD: that member's join date.
    pub joined_on: Option<String>,
    /// "explicit" or "phone" when `joined_member_id` is set.
    pub joined_by: Option<String>,
    /// Person-times: 1 for an individual record.
    pub count: u32,
    pub note: Option<String>,
    /// Tickets (诉求工单) only: 受理 | 办理中 | 办结.
    pub ticket_status: Option<String>,
    pub ticket_handler: Option<String>,
    pub ticket_outcome: Option<String>,
    /// YYYY-MM-DD, set when it was closed.
    pub ticket_closed_on: Option<String>,
    pub insurance: Option<Insurance>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ServiceInput {
    /// YYYY-MM-DD, not after today.
    pub date: String,
    /// Post id; absent or empty for outreach.
    #[serde(default)]
    #[ts(optional)]
    pub post_id: Option<String>,
    /// For outreach: the delivering org (id or name); this office when
    /// absent. Ignored when a post is given (the post's org).
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    pub service_type: String,
    pub kind: RecordKindCode,
    #[serde(default)]
    #[ts(optional)]
    pub member_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub person_name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub person_phone: Option<String>,
    #[serde(default)]
    pub invite: bool,
    /// Aggregate only: person-times (1 to 100000).
    #[serde(default)]
    #[ts(optional)]
    pub count: Option<u32>,
    /// What was done (for an aggregate record: the event, e.g. 收费站发放矿泉水200瓶).
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// Tickets: the state it starts in (受理 when absent), handler, outcome.
    #[serde(default)]
    #[ts(optional)]
    pub ticket_status: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub ticket_handler: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub ticket_outcome: Option<String>,
    /// Required for an individual 互助保障赠送 record.
    #[serde(default)]
    #[ts(optional)]
    pub insurance: Option<Insurance>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ServiceUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: ServiceInput,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ServiceListQuery {
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<String>,
    /// A post id, or "none" for outreach only.
    #[serde(default)]
    #[ts(optional)]
    pub post_id: Option<String>,
    /// Records of this org or any org below it.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub service_type: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<RecordKindCode>,
    /// Tickets in this state.
    #[serde(default)]
    #[ts(optional)]
    pub ticket_status: Option<String>,
    /// Only people not yet members who were invited and have not joined.
    #[serde(default)]
    #[ts(optional)]
    pub invite_pending: Option<bool>,
    /// From 1.
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<u32>,
    /// 50 when absent, at most 500.
    #[serde(default)]
    #[ts(optional)]
    pub page_size: Option<u32>,
}

/// Newest first.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ServicePage {
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
    pub rows: Vec<ServiceRecord>,
}

/// Move a ticket on: 受理 → 办理中 → 办结 (never back). 办理中 needs a
/// handler; 办结 needs an outcome.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct TicketInput {
    pub id: String,
    pub status: String,
    #[serde(default)]
    #[ts(optional)]
    pub handler: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub outcome: Option<String>,
}

/// Link a person's record to the member they became; `member_id` null
/// removes an explicit link.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct LinkMemberInput {
    pub id: String,
    pub member_id: Option<String>,
}

/// Enrol the person of a record as a member and link the record, in one
/// transaction. The member form; name and phone default to the record's.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct EnrolPersonInput {
    pub record_id: String,
    #[serde(flatten)]
    pub member: MemberInput,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct MemberIdArg {
    pub member_id: String,
}

/// What a member has received, for the member's page.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MemberBenefits {
    /// 互助保障赠送 records, newest first.
    pub insurance: Vec<ServiceRecord>,
    /// 健康体检 records, newest first.
    pub health_checks: Vec<ServiceRecord>,
    /// Every service record of the member (as a member or, before joining,
    /// as a linked person), newest first.
    pub services: Vec<ServiceRecord>,
}

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
