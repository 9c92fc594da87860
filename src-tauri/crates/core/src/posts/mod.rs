//! Service posts (服务阵地) and service records: the fixed lists and the
//! rules of what a cadre typed. Pure: "today" is passed in.
//!
//! The figures (person-times, people served, conversion) are in [`figures`].

pub mod figures;
mod record;

pub use record::{
    check_ticket_move, validate_record, validate_type_list, Insurance, RecordDraft, Ticket,
    ValidRecord, Who, BUILTIN_TYPES, DEFAULT_SERVICE_TYPES, HEALTH_CHECK_TYPE, INSURANCE_TYPE,
    MAX_COUNT, TICKET_CLOSED, TICKET_IN_PROGRESS, TICKET_RECEIVED, TICKET_STATUSES, TICKET_TYPE,
};

use chrono::NaiveDate;

use crate::phone;

/// Kinds of post.
pub const POST_KINDS: [&str; 8] = [
    "司机之家",
    "爱心驿站",
    "工会驿站",
    "户外劳动者服务站点",
    "职工之家",
    "乡镇服务站",
    "村服务点",
    "其他",
];

/// The facilities checklist, in the order to show it.
pub const FACILITIES: [&str; 12] = [
    "休息",
    "饮水",
    "热饭",
    "充电",
    "如厕",
    "淋浴",
    "洗衣",
    "药箱",
    "无线网络",
    "阅读",
    "维修工具",
    "停车",
];

pub const STATUS_OPEN: &str = "运营中";
/// 运营中, 暂停, 撤销.
pub const POST_STATUSES: [&str; 3] = [STATUS_OPEN, "暂停", "撤销"];

/// A service record refused, naming the field (the input's key) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{label}：{problem}")]
pub struct PostError {
    /// The input key (`name`, `latitude`, `ticket_outcome`, ...).
    pub field: &'static str,
    /// The field's Chinese label.
    pub label: &'static str,
    pub problem: String,
}

impl PostError {
    pub fn new(field: &'static str, label: &'static str, problem: impl Into<String>) -> Self {
        PostError {
            field,
            label,
            problem: problem.into(),
        }
    }
}

/// What the cadre typed about a post. `org_id` is checked by the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostDraft {
    pub name: String,
    pub kind: String,
    pub partner: Option<String>,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub facilities: Vec<String>,
    pub hours: Option<String>,
    pub open_24h: bool,
    pub unattended_qr: bool,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub opened_on: Option<NaiveDate>,
    /// 运营中 when empty.
    pub status: String,
    pub status_date: Option<NaiveDate>,
    pub page_url: Option<String>,
    pub notes: Option<String>,
}

pub(crate) fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub(crate) fn max_len(
    field: &'static str,
    label: &'static str,
    s: &Option<String>,
    max: usize,
) -> Result<(), PostError> {
    match s {
        Some(s) if s.chars().count() > max => {
            Err(PostError::new(field, label, format!("不能超过{max}个字")))
        }
        _ => Ok(()),
    }
}

/// A contact number: a mobile number (normalised) or a landline with its
/// area code (0931-8123456), digits and one hyphen kept.
pub fn contact_phone(input: &str) -> Option<String> {
    if let Ok(m) = phone::normalize(input) {
        return Some(m);
    }
    let s: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}' | '(' | ')' | '（' | '）'))
        .collect();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let ok = s.starts_with('0')
        && s.chars().all(|c| c.is_ascii_digit() || c == '-')
        && s.matches('-').count() <= 2
        && (10..=12).contains(&digits);
    ok.then_some(s)
}

/// One line for lists and posters: "24小时开放 · 无人值守，扫码进入";
/// "开放时间未填写" when nothing is known.
pub fn hours_label(hours: Option<&str>, open_24h: bool, unattended_qr: bool) -> String {
    let mut parts = Vec::new();
    if open_24h {
        parts.push("24小时开放".to_string());
    } else if let Some(h) = hours.map(str::trim).filter(|h| !h.is_empty()) {
        parts.push(h.to_string());
    }
    if unattended_qr {
        parts.push("无人值守，扫码进入".to_string());
    }
    if parts.is_empty() {
        return "开放时间未填写".to_string();
    }
    parts.join(" · ")
}

/// Check and normalise a post. `today` is passed in.
pub fn validate_post(d: &PostDraft, today: NaiveDate) -> Result<PostDraft, PostError> {
    let name = d.name.trim().to_string();
    if name.is_empty() {
        return Err(PostError::new("name", "阵地名称", "不能为空"));
    }
    max_len("name", "阵地名称", &Some(name.clone()), 50)?;
    let kind = d.kind.trim().to_string();
    if !POST_KINDS.contains(&kind.as_str()) {
        return Err(PostError::new(
            "kind",
            "阵地类型",
            format!("“{kind}”不在可选范围内（{}）", POST_KINDS.join("、")),
        ));
    }
    let partner = trimmed(&d.partner);
    max_len("partner", "合作单位", &partner, 50)?;
    let address = d.address.trim().to_string();
    max_len("address", "地址", &Some(address.clone()), 100)?;
    match (d.latitude, d.longitude) {
        (Some(_), None) => {
            return Err(PostError::new(
                "longitude",
                "经度",
                "填了纬度，也请填写经度",
            ))
        }
        (None, Some(_)) => {
            return Err(PostError::new("latitude", "纬度", "填了经度，也请填写纬度"))
        }
        (Some(lat), Some(lon)) => {
            if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
                return Err(PostError::new("latitude", "纬度", "应在-90到90之间"));
            }
            if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
                return Err(PostError::new("longitude", "经度", "应在-180到180之间"));
            }
        }
        (None, None) => {}
    }
    let mut facilities = Vec::new();
    for f in &d.facilities {
        let f = f.trim();
        if !FACILITIES.contains(&f) {
            return Err(PostError::new(
                "facilities",
                "服务设施",
                format!("“{f}”不在清单中（{}）", FACILITIES.join("、")),
            ));
        }
    }
    for f in FACILITIES {
        if d.facilities.iter().any(|x| x.trim() == f) {
            facilities.push(f.to_string());
        }
    }
    let hours = if d.open_24h { None } else { trimmed(&d.hours) };
    max_len("hours", "开放时间", &hours, 50)?;
    let contact_name = trimmed(&d.contact_name);
    max_len("contact_name", "联系人", &contact_name, 20)?;
    let contact_phone = match trimmed(&d.contact_phone) {
        None => None,
        Some(p) => Some(contact_phone(&p).ok_or_else(|| {
            PostError::new(
                "contact_phone",
                "联系电话",
                format!("“{p}”应为11位手机号或带区号的固定电话（如 0943-6123456）"),
            )
        })?),
    };
    if let Some(day) = d.opened_on.filter(|day| *day > today) {
        return Err(PostError::new(
            "opened_on",
            "启用日期",
            format!("{day}晚于今天"),
        ));
    }
    let status = match d.status.trim() {
        "" => STATUS_OPEN.to_string(),
        s if POST_STATUSES.contains(&s) => s.to_string(),
        s => {
            return Err(PostError::new(
                "status",
                "运营状态",
                format!("“{s}”不在可选范围内（运营中、暂停、撤销）"),
            ))
        }
    };
    let status_date = match d.status_date {
        Some(day) => Some(day),
        None if status == STATUS_OPEN => d.opened_on,
        None => {
            return Err(PostError::new(
                "status_date",
                "状态日期",
                format!("请填写{status}的日期"),
            ))
        }
    };
    if let Some(day) = status_date {
        if day > today {
            return Err(PostError::new(
                "status_date",
                "状态日期",
                format!("{day}晚于今天"),
            ));
        }
        if d.opened_on.is_some_and(|o| day < o) {
            return Err(PostError::new(
                "status_date",
                "状态日期",
                "不能早于启用日期",
            ));
        }
    }
    let page_url = trimmed(&d.page_url);
    if let Some(u) = &page_url {
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
        {
            return Err(PostError::new(
                "page_url",
                "阵地页面链接",
                format!("“{u}”应以 https:// 或 http:// 开头，且不含空格"),
            ));
        }
        max_len("page_url", "阵地页面链接", &page_url, 300)?;
    }
    let notes = trimmed(&d.notes);
    max_len("notes", "备注", &notes, 500)?;
    Ok(PostDraft {
        name,
        kind,
        partner,
        address,
        latitude: d.latitude,
        longitude: d.longitude,
        facilities,
        hours,
        open_24h: d.open_24h,
        unattended_qr: d.unattended_qr,
        contact_name,
        contact_phone,
        opened_on: d.opened_on,
        status,
        status_date,
        page_url,
        notes,
    })
}

/// The first and last day of a month typed as "2026-07".
pub fn month_range(month: &str) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d").ok()?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next.pred_opt()?))
}

#[cfg(test)]
mod tests;
