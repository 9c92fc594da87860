//! Member records (会员): validation of what a cadre typed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::citizen_id::{CitizenId, Gender, IdError};
use crate::phone::{self, PhoneError};

/// The occupation groups offered by default (editable later).
pub const OCCUPATION_GROUPS: [&str; 11] = [
    "货车司机",
    "快递员",
    "外卖配送员",
    "网约车司机",
    "家政服务员",
    "护工护理员",
    "商场信息员",
    "保安员",
    "房产中介",
    "互联网营销师",
    "其他",
];

/// How a member joined (入会渠道).
pub const JOIN_CHANNELS: [&str; 7] = [
    "集中入会仪式",
    "现场",
    "扫码",
    "电话",
    "短信",
    "承诺",
    "批量导入",
];

/// A field of the member form that was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemberError {
    #[error("姓名：不能为空")]
    EmptyName,
    #[error("姓名：不能超过30个字")]
    NameTooLong,
    #[error("身份证号：{0}")]
    Id(IdError),
    #[error("手机号：{0}")]
    Phone(PhoneError),
    #[error("性别：填写为{typed}，但身份证号显示为{derived}")]
    GenderMismatch {
        typed: &'static str,
        derived: &'static str,
    },
    #[error("出生日期：填写为{typed}，但身份证号显示为{derived}")]
    BirthMismatch {
        typed: NaiveDate,
        derived: NaiveDate,
    },
    #[error("职业群体：不能为空")]
    EmptyGroup,
    #[error("入会渠道：“{0}”不在可选范围内")]
    BadChannel(String),
    #[error("入会日期：不能晚于今天")]
    JoinInFuture,
}

impl MemberError {
    /// Stable machine code (`bad_checksum`, `bad_phone`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            MemberError::Id(e) => e.code(),
            MemberError::Phone(_) => "bad_phone",
            _ => "invalid",
        }
    }

    /// The form field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            MemberError::EmptyName | MemberError::NameTooLong => "name",
            MemberError::Id(_) => "id_number",
            MemberError::Phone(_) => "phone",
            MemberError::GenderMismatch { .. } => "gender",
            MemberError::BirthMismatch { .. } => "birth_date",
            MemberError::EmptyGroup => "occupation_group",
            MemberError::BadChannel(_) => "join_channel",
            MemberError::JoinInFuture => "join_date",
        }
    }
}

/// What the cadre typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MemberDraft {
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub gender: Option<Gender>,
    pub birth_date: Option<NaiveDate>,
    pub occupation_group: String,
    pub employer: Option<String>,
    pub join_date: Option<NaiveDate>,
    pub join_channel: Option<String>,
    pub notes: Option<String>,
}

/// A draft that passed every rule, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidMember {
    pub name: String,
    pub id: CitizenId,
    pub phone: String,
    pub gender: Gender,
    pub birth_date: NaiveDate,
    pub occupation_group: String,
    pub employer: Option<String>,
    pub join_date: NaiveDate,
    pub join_channel: String,
    pub notes: Option<String>,
}

fn non_empty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Check a draft. `today` is passed in; the rules never read the clock.
pub fn validate(d: &MemberDraft, today: NaiveDate) -> Result<ValidMember, MemberError> {
    let name: String = d.name.trim().to_string();
    if name.is_empty() {
        return Err(MemberError::EmptyName);
    }
    if name.chars().count() > 30 {
        return Err(MemberError::NameTooLong);
    }
    let id = CitizenId::parse(&d.id_number, today).map_err(MemberError::Id)?;
    let phone = phone::normalize(&d.phone).map_err(MemberError::Phone)?;
    if let Some(g) = d.gender {
        if g != id.gender() {
            return Err(MemberError::GenderMismatch {
                typed: g.label(),
                derived: id.gender().label(),
            });
        }
    }
    if let Some(b) = d.birth_date {
        if b != id.birth_date() {
            return Err(MemberError::BirthMismatch {
                typed: b,
                derived: id.birth_date(),
            });
        }
    }
    let group = d.occupation_group.trim();
    if group.is_empty() {
        return Err(MemberError::EmptyGroup);
    }
    let channel = non_empty(&d.join_channel).unwrap_or_else(|| "现场".to_string());
    if !JOIN_CHANNELS.contains(&channel.as_str()) {
        return Err(MemberError::BadChannel(channel));
    }
    let join_date = d.join_date.unwrap_or(today);
    if join_date > today {
        return Err(MemberError::JoinInFuture);
    }
    Ok(ValidMember {
        name,
        gender: id.gender(),
        birth_date: id.birth_date(),
        id,
        phone,
        occupation_group: group.to_string(),
        employer: non_empty(&d.employer),
        join_date,
        join_channel: channel,
        notes: non_empty(&d.notes),
    })
}

/// Member numbers: `<division code of the issuing office><yy><5-digit
/// sequence>`, e.g. `6204211002600001`. The sequence is kept per prefix and
/// year by the store; the office's own division code keeps numbers from
/// different offices apart when records travel upward.
pub fn member_no(prefix: &str, year: i32, seq: u32) -> String {
    format!("{prefix}{:02}{seq:05}", year.rem_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn draft() -> MemberDraft {
        MemberDraft {
            name: " 张三 ".into(),
            id_number: "11010519491231002x".into(),
            phone: "+86 138 0013 8000".into(),
            occupation_group: "货车司机".into(),
            ..Default::default()
        }
    }

    #[test]
    fn normalises_a_good_draft() {
        let v = validate(&draft(), today()).unwrap();
        assert_eq!(v.name, "张三");
        assert_eq!(v.id.as_str(), "11010519491231002X");
        assert_eq!(v.phone, "13800138000");
        assert_eq!(v.gender, Gender::Female);
        assert_eq!(v.join_channel, "现场");
        assert_eq!(v.join_date, today());
    }

    #[test]
    fn names_the_field_and_the_problem() {
        let mut d = draft();
        d.id_number = "110105194912310021".into();
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.to_string(), "身份证号：校验码错误");
        assert_eq!((e.code(), e.field()), ("bad_checksum", "id_number"));

        let mut d = draft();
        d.phone = "12345".into();
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.code(), "bad_phone");
        assert_eq!(e.to_string(), "手机号：手机号应为以1开头的11位数字");
    }

    #[test]
    fn cross_checks_typed_gender_with_the_id() {
        let mut d = draft();
        d.gender = Some(Gender::Male);
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(e.to_string(), "性别：填写为男，但身份证号显示为女");
    }

    #[test]
    fn member_numbers_are_fixed_width() {
        assert_eq!(member_no("620421", 2026, 1), "6204212600001");
    }
}
