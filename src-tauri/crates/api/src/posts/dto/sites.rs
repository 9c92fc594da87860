//! Posts (阵地): choices, the post, its form and list query.

use super::*;

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
