//! Trips: choices, settings, the form, rows and details, lists, alerts, contacts.

use super::*;

/// A province and its prefecture-level cities (municipalities list
/// themselves), for the destination picker.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundProvince {
    pub name: String,
    pub cities: Vec<String>,
    /// City → its county-level divisions (2023 list); absent for a
    /// county-level city under its province. Newer names may be typed.
    pub counties: BTreeMap<String, Vec<String>>,
}

/// Lists the outbound forms offer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundChoices {
    /// The 34 provincial divisions with their cities.
    pub provinces: Vec<OutboundProvince>,
    /// Suggestions; any text up to 20 characters is accepted.
    pub vehicle_types: Vec<String>,
    /// Suggestions for the emergency contact's relation.
    pub relations: Vec<String>,
    /// Report states: draft | reported | filed | returned.
    pub states: Vec<Choice>,
    /// Trip statuses: planned | away | overdue | lost | back.
    pub statuses: Vec<Choice>,
    /// Contact channels: phone | wechat | visit | family.
    pub channels: Vec<Choice>,
    /// Spot-check call outcomes: consistent | mismatch | no_answer | dead_number.
    pub outcomes: Vec<Choice>,
}

/// 外出报告 settings.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OutboundSettings {
    /// What "half a year" means: trips at least this long must be reported
    /// (default 180). Shorter trips can still be logged.
    pub half_year_days: u32,
    /// No successful contact for this long: 失联 (default 90).
    pub lost_days: u32,
}

/// The report form (everything a cadre types about one trip).
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct OutboundFields {
    /// 车牌号; empty takes the member's own plate.
    #[serde(default)]
    pub plate_number: String,
    #[serde(default)]
    #[ts(optional)]
    pub vehicle_type: Option<String>,
    pub departure_date: String,
    pub expected_return: String,
    /// One of the 34 provincial divisions (full name, e.g. 浙江省).
    pub dest_province: String,
    #[serde(default)]
    #[ts(optional)]
    pub dest_city: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub dest_county: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub dest_address: Option<String>,
    /// The logistics park, company or platform there.
    #[serde(default)]
    #[ts(optional)]
    pub dest_park: Option<String>,
    /// The driver's phone on the road; empty takes the member's phone.
    #[serde(default)]
    #[ts(optional)]
    pub road_phone: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub family_spouse: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub family_children: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub family_elderly: Option<String>,
    /// Needs the union could help with.
    #[serde(default)]
    #[ts(optional)]
    pub family_needs: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub emergency_name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub emergency_relation: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub emergency_phone: Option<String>,
    /// The cadre who took the report; the operator when absent.
    #[serde(default)]
    #[ts(optional)]
    pub reported_by: Option<String>,
    /// When the report was taken; today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub reported_on: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
}

/// A new trip. Exactly one of `member_id` (a member already in the ledger)
/// or `member` (enrol the driver on the spot, in the same transaction).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundInput {
    #[serde(default)]
    #[ts(optional)]
    pub member_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub member: Option<MemberInput>,
    #[serde(flatten)]
    pub fields: OutboundFields,
    /// Report it (已上报) right away instead of keeping a draft.
    #[serde(default)]
    #[ts(optional)]
    pub submit: Option<bool>,
}

/// Edit a trip that is not filed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: OutboundFields,
}

/// Several trips at once (report, bulk filing, print).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundIds {
    pub ids: Vec<String>,
}

/// Return (退回) a reported trip or reopen a filed one: the reason is required.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundReasonInput {
    pub id: String,
    pub reason: String,
}

/// The driver came home (已返回).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundBackInput {
    pub id: String,
    /// Today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
}

/// One trip in a list. Phones and ID are masked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundRow {
    pub id: String,
    pub member_id: String,
    pub member_name: String,
    pub member_no: String,
    /// The village (or other org) the driver belongs to.
    pub org_id: String,
    pub org_name: String,
    pub plate_number: String,
    pub vehicle_type: Option<String>,
    pub departure_date: String,
    pub expected_return: String,
    pub returned_on: Option<String>,
    pub dest_province: String,
    /// 浙江省杭州市萧山区
    pub dest_label: String,
    /// Where the driver is now: the latest contact's new location, else the destination.
    pub current_location: String,
    pub dest_park: Option<String>,
    pub road_phone_masked: String,
    /// draft | reported | filed | returned
    pub state: String,
    pub state_label: String,
    /// planned | away | overdue | lost | back
    pub status: String,
    pub status_label: String,
    /// Latest successful contact.
    pub last_contact_on: Option<String>,
    /// Days since the latest successful contact (or departure/report date).
    pub days_silent: i64,
    /// Days past the expected return (0 when not overdue).
    pub days_overdue: i64,
    /// Planned length at least the "half a year" setting.
    pub long_trip: bool,
    pub updated_at: String,
}

/// One step of the review: report, file, return, reopen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundReview {
    pub id: String,
    /// report | file | return | reopen
    pub action: String,
    pub action_label: String,
    /// State codes before and after.
    pub from_state: String,
    pub to_state: String,
    pub from_label: String,
    pub to_label: String,
    pub reason: Option<String>,
    pub actor: Option<String>,
    pub date: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundContact {
    pub id: String,
    pub date: String,
    /// phone | wechat | visit | family
    pub channel: String,
    pub channel_label: String,
    /// The driver (or family) was reached: this keeps the record fresh.
    pub reached: bool,
    pub note: Option<String>,
    /// A new location when the driver moved.
    pub new_location: Option<String>,
    pub actor: Option<String>,
}

/// A trip with the whole form, its review steps and contact log. Phones are
/// full here (the cadre needs them to call); the ID stays masked.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundDetail {
    #[serde(flatten)]
    pub row: OutboundRow,
    pub id_number_masked: String,
    pub member_phone: String,
    pub dest_city: Option<String>,
    pub dest_county: Option<String>,
    pub dest_address: Option<String>,
    pub road_phone: String,
    pub family_spouse: Option<String>,
    pub family_children: Option<String>,
    pub family_elderly: Option<String>,
    pub family_needs: Option<String>,
    pub emergency_name: Option<String>,
    pub emergency_relation: Option<String>,
    pub emergency_phone: Option<String>,
    pub reported_by: Option<String>,
    pub reported_on: String,
    pub notes: Option<String>,
    /// The reason of the latest return or reopening.
    pub state_reason: Option<String>,
    /// Filed: the form cannot be edited.
    pub locked: bool,
    /// Why it is locked (shown on the screen), when locked.
    pub lock_reason: Option<String>,
    pub reviews: Vec<OutboundReview>,
    /// Newest first.
    pub contacts: Vec<OutboundContact>,
}

/// Filters of the ledger (动态管理台账). All optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct OutboundQuery {
    /// An org and everything below it.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub province: Option<String>,
    /// planned | away | overdue | lost | back
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<String>,
    /// draft | reported | filed | returned
    #[serde(default)]
    #[ts(optional)]
    pub state: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub member_id: Option<String>,
    /// Name, member number, plate or phone.
    #[serde(default)]
    #[ts(optional)]
    pub q: Option<String>,
    /// Only drivers currently away (planned, away, overdue, lost; not back).
    #[serde(default)]
    #[ts(optional)]
    pub away_only: Option<bool>,
    /// Paging over the rows (the counts cover every match); all rows when absent.
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// A count under a key (province name, or org id with its name as label).
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundTally {
    pub key: String,
    pub label: String,
    pub count: u32,
}

/// The filtered rows plus counts of drivers away (not back) by destination
/// province and by village, over the same filters.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundList {
    pub rows: Vec<OutboundRow>,
    pub total: u32,
    pub by_province: Vec<OutboundTally>,
    pub by_village: Vec<OutboundTally>,
}

/// For the home page.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutboundAlerts {
    pub overdue: Vec<OutboundRow>,
    pub lost: Vec<OutboundRow>,
    /// Reports waiting for review (已上报).
    pub pending_review: u32,
    /// Drivers away now.
    pub away: u32,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct OutboundContactInput {
    pub trip_id: String,
    /// Today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
    /// phone | wechat | visit | family
    pub channel: String,
    pub reached: bool,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub new_province: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub new_city: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub new_county: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub new_address: Option<String>,
}
