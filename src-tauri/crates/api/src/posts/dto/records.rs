//! Service records: the type list, records and their form, tickets, links to members, benefits.

use super::*;

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
