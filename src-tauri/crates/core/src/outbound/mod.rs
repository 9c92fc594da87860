//! Truck-driver outbound reports (外出报告): the report's review states, the
//! trip's status on a given day, the form's rules and the spot-check sample.
//! Pure: "today" is always a parameter.

pub mod counties;
pub mod divisions;
mod form;
mod sample;

use chrono::NaiveDate;

pub use form::{validate, TripDraft, ValidTrip};

/// What a report needs before it goes up for review (上报): a draft may be
/// incomplete, a report may not. `driver` names the trip in bulk actions.
pub fn ready_to_report(driver: &str, plate_number: &str) -> Result<(), OutboundError> {
    if plate_number.trim().is_empty() {
        return Err(OutboundError::invalid(
            "plate_number",
            format!("车牌号：{driver}的报告还没有车牌号，填写后才能上报"),
        ));
    }
    Ok(())
}
pub use sample::{allocate, draw, SampleSize};

/// Why an outbound action or form was refused. `Display` is the Chinese
/// message, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboundError {
    #[error("已备案的记录不能修改，如需修改请先由审核人退回/重新打开")]
    Locked,
    #[error("状态：{state}的报告不能{action}")]
    BadTransition {
        state: &'static str,
        action: &'static str,
    },
    #[error("原因：{0}须写明原因")]
    ReasonRequired(&'static str),
    #[error("{message}")]
    Invalid {
        field: &'static str,
        code: &'static str,
        message: String,
    },
}

impl OutboundError {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> OutboundError {
        OutboundError::Invalid {
            field,
            code: "invalid",
            message: message.into(),
        }
    }

    /// Stable machine code: `conflict` for a refused state change.
    pub fn code(&self) -> &'static str {
        match self {
            OutboundError::Locked | OutboundError::BadTransition { .. } => "conflict",
            OutboundError::ReasonRequired(_) => "invalid",
            OutboundError::Invalid { code, .. } => code,
        }
    }

    /// The form field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            OutboundError::Locked | OutboundError::BadTransition { .. } => "state",
            OutboundError::ReasonRequired(_) => "reason",
            OutboundError::Invalid { field, .. } => field,
        }
    }
}

/// Where a report is in its review (审核备案).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    Draft,
    Reported,
    Filed,
    Returned,
}

impl ReportState {
    pub const ALL: [ReportState; 4] = [
        ReportState::Draft,
        ReportState::Reported,
        ReportState::Filed,
        ReportState::Returned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportState::Draft => "draft",
            ReportState::Reported => "reported",
            ReportState::Filed => "filed",
            ReportState::Returned => "returned",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportState::Draft => "草稿",
            ReportState::Reported => "已上报",
            ReportState::Filed => "已备案",
            ReportState::Returned => "已退回",
        }
    }

    pub fn parse(code: &str) -> Option<ReportState> {
        ReportState::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a cadre does to a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    /// Change the form.
    Edit,
    /// 上报: send to the township for review.
    Report,
    /// 备案: the reviewer files it; the form is locked.
    File,
    /// 退回: the reviewer sends it back with a reason.
    Return,
    /// 重新打开: the reviewer reopens a filed report with a reason.
    Reopen,
    /// Remove a report that was never filed.
    Delete,
}

impl ReviewAction {
    pub fn code(self) -> &'static str {
        match self {
            ReviewAction::Edit => "edit",
            ReviewAction::Report => "report",
            ReviewAction::File => "file",
            ReviewAction::Return => "return",
            ReviewAction::Reopen => "reopen",
            ReviewAction::Delete => "delete",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewAction::Edit => "修改",
            ReviewAction::Report => "上报",
            ReviewAction::File => "备案",
            ReviewAction::Return => "退回",
            ReviewAction::Reopen => "重新打开",
            ReviewAction::Delete => "删除",
        }
    }

    pub fn parse(code: &str) -> Option<ReviewAction> {
        [
            ReviewAction::Edit,
            ReviewAction::Report,
            ReviewAction::File,
            ReviewAction::Return,
            ReviewAction::Reopen,
            ReviewAction::Delete,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }
}

/// The state after `action`, or why it is refused. Returning and reopening
/// need a reason; a filed report cannot be edited or deleted.
pub fn transition(
    state: ReportState,
    action: ReviewAction,
    reason: Option<&str>,
) -> Result<ReportState, OutboundError> {
    use ReportState::*;
    use ReviewAction::*;
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if matches!(action, Return | Reopen) && !has_reason {
        return Err(OutboundError::ReasonRequired(action.label()));
    }
    match (state, action) {
        (Filed, Edit | Delete) => Err(OutboundError::Locked),
        (s, Edit) => Ok(s),
        (Draft | Returned, Report) => Ok(Reported),
        (Reported, File) => Ok(Filed),
        (Reported, Return) => Ok(Returned),
        (Filed, Reopen) => Ok(Returned),
        (Draft | Returned, Delete) => Ok(state),
        (s, a) => Err(OutboundError::BadTransition {
            state: s.label(),
            action: a.label(),
        }),
    }
}

/// Where the driver is, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TripStatus {
    /// Reported before leaving; the departure date is still ahead.
    Planned,
    /// 外出中.
    Away,
    /// 逾期未返: the expected return has passed.
    Overdue,
    /// 失联: no successful contact for the configured time.
    Lost,
    /// 已返回.
    Back,
}

impl TripStatus {
    pub const ALL: [TripStatus; 5] = [
        TripStatus::Planned,
        TripStatus::Away,
        TripStatus::Overdue,
        TripStatus::Lost,
        TripStatus::Back,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TripStatus::Planned => "planned",
            TripStatus::Away => "away",
            TripStatus::Overdue => "overdue",
            TripStatus::Lost => "lost",
            TripStatus::Back => "back",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TripStatus::Planned => "待出发",
            TripStatus::Away => "外出中",
            TripStatus::Overdue => "逾期未返",
            TripStatus::Lost => "失联",
            TripStatus::Back => "已返回",
        }
    }

    pub fn parse(code: &str) -> Option<TripStatus> {
        TripStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The dates that decide a trip's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TripDates {
    pub departure: NaiveDate,
    pub expected_return: NaiveDate,
    pub returned_on: Option<NaiveDate>,
    pub reported_on: NaiveDate,
    /// The latest successful contact.
    pub last_contact: Option<NaiveDate>,
}

impl TripDates {
    /// The day the record was last known fresh: the latest successful
    /// contact, or the departure or report date when later.
    pub fn fresh_since(&self) -> NaiveDate {
        let base = self.departure.max(self.reported_on);
        self.last_contact.map_or(base, |c| c.max(base))
    }

    /// Days without a successful contact (0 before departure).
    pub fn days_silent(&self, today: NaiveDate) -> i64 {
        (today - self.fresh_since()).num_days().max(0)
    }

    /// Days past the expected return; 0 when not overdue or back.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.returned_on.is_some() {
            return 0;
        }
        (today - self.expected_return).num_days().max(0)
    }

    /// Status on `today`; `lost_days` without a successful contact make a
    /// driver 失联, which outranks 逾期未返.
    pub fn status(&self, today: NaiveDate, lost_days: u32) -> TripStatus {
        if self.returned_on.is_some_and(|d| d <= today) {
            return TripStatus::Back;
        }
        if self.departure > today {
            return TripStatus::Planned;
        }
        if self.days_silent(today) >= i64::from(lost_days) {
            return TripStatus::Lost;
        }
        if self.expected_return < today {
            return TripStatus::Overdue;
        }
        TripStatus::Away
    }

    /// Planned at least `half_year_days` long: a trip that must be reported.
    pub fn is_long(&self, half_year_days: u32) -> bool {
        (self.expected_return - self.departure).num_days() >= i64::from(half_year_days)
    }
}

/// Contact channels of the contact log.
pub const CHANNELS: [(&str, &str); 4] = [
    ("phone", "电话"),
    ("wechat", "微信"),
    ("visit", "上门"),
    ("family", "家属"),
];

/// Outcomes of a spot-check call.
pub const OUTCOMES: [(&str, &str); 4] = [
    ("consistent", "核实一致"),
    ("mismatch", "信息不符"),
    ("no_answer", "未接通"),
    ("dead_number", "空号停机"),
];

/// The label of a code in one of the lists above.
pub fn label_of(list: &[(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    list.iter().find(|(c, _)| *c == code).map(|(_, l)| *l)
}

/// Suggested vehicle types.
pub const VEHICLE_TYPES: [&str; 8] = [
    "重型半挂牵引车",
    "重型厢式货车",
    "重型仓栅式货车",
    "重型自卸货车",
    "中型厢式货车",
    "轻型厢式货车",
    "冷藏车",
    "危险货物运输车",
];

/// Suggested relations of an emergency contact.
pub const RELATIONS: [&str; 6] = ["配偶", "父母", "子女", "兄弟姐妹", "亲戚", "邻居"];

/// "浙江省杭州市萧山区": province, city (unless it repeats the province) and county.
pub fn place_label(province: &str, city: Option<&str>, county: Option<&str>) -> String {
    let mut s = province.to_string();
    if let Some(c) = city.filter(|c| *c != province) {
        s.push_str(c);
    }
    if let Some(c) = county {
        s.push_str(c);
    }
    s
}

#[cfg(test)]
mod tests;
