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

/// Labour relations (劳动关系).
pub const LABOUR_RELATIONS: [&str; 6] = [
    "劳动合同",
    "劳务派遣",
    "平台合作/无固定雇主",
    "个体自雇",
    "多雇主",
    "其他",
];

/// Membership status (会籍状态).
pub const STATUSES: [&str; 4] = ["在会", "已转出", "退会", "注销"];

/// Vehicle types for drivers.
pub const VEHICLE_TYPES: [&str; 7] = [
    "重型货车",
    "中型货车",
    "轻型货车",
    "微型货车",
    "牵引车",
    "网约车",
    "其他",
];

/// The 56 ethnic groups (民族), in the order of GB/T 3304.
pub const ETHNIC_GROUPS: [&str; 56] = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
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
    #[error("民族：“{0}”不是56个民族之一")]
    BadEthnicGroup(String),
    #[error("劳动关系：“{0}”不在可选范围内")]
    BadLabourRelation(String),
    #[error("车牌号：“{0}”格式不对（如 甘D12345）")]
    BadPlate(String),
    #[error("{field}：不能超过{max}个字")]
    TooLong { field: &'static str, max: usize },
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
            MemberError::BadEthnicGroup(_) => "ethnic_group",
            MemberError::BadLabourRelation(_) => "labour_relation",
            MemberError::BadPlate(_) => "plate_number",
            MemberError::TooLong { field, .. } => match *field {
                "工作单位/平台" => "employer",
                "户籍地" => "hukou_address",
                "现居住地" => "residence",
                "从业资格证号" => "qualification_no",
                _ => "notes",
            },
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
    pub ethnic_group: Option<String>,
    pub hukou_address: Option<String>,
    pub residence: Option<String>,
    pub labour_relation: Option<String>,
    pub new_employment: bool,
    pub migrant_worker: bool,
    pub plate_number: Option<String>,
    pub vehicle_type: Option<String>,
    pub qualification_no: Option<String>,
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
    pub ethnic_group: Option<String>,
    pub hukou_address: Option<String>,
    pub residence: Option<String>,
    pub labour_relation: Option<String>,
    pub new_employment: bool,
    pub migrant_worker: bool,
    pub plate_number: Option<String>,
    pub vehicle_type: Option<String>,
    pub qualification_no: Option<String>,
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
    let ethnic_group = non_empty(&d.ethnic_group);
    if let Some(e) = &ethnic_group {
        if !ETHNIC_GROUPS.contains(&e.as_str()) {
            return Err(MemberError::BadEthnicGroup(e.clone()));
        }
    }
    let labour_relation = non_empty(&d.labour_relation);
    if let Some(l) = &labour_relation {
        if !LABOUR_RELATIONS.contains(&l.as_str()) {
            return Err(MemberError::BadLabourRelation(l.clone()));
        }
    }
    let plate_number = non_empty(&d.plate_number).map(|p| normalize_plate(&p));
    if let Some(p) = &plate_number {
        if !plate_ok(p) {
            return Err(MemberError::BadPlate(p.clone()));
        }
    }
    let employer = non_empty(&d.employer);
    for (field, value, max) in [
        ("工作单位/平台", &employer, 60),
        ("户籍地", &d.hukou_address, 100),
        ("现居住地", &d.residence, 100),
        ("从业资格证号", &d.qualification_no, 30),
        ("备注", &d.notes, 500),
    ] {
        if value
            .as_deref()
            .is_some_and(|v| v.trim().chars().count() > max)
        {
            return Err(MemberError::TooLong { field, max });
        }
    }
    Ok(ValidMember {
        name,
        gender: id.gender(),
        birth_date: id.birth_date(),
        id,
        phone,
        occupation_group: group.to_string(),
        employer,
        join_date,
        join_channel: channel,
        notes: non_empty(&d.notes),
        ethnic_group,
        hukou_address: non_empty(&d.hukou_address),
        residence: non_empty(&d.residence),
        labour_relation,
        new_employment: d.new_employment,
        migrant_worker: d.migrant_worker,
        plate_number,
        vehicle_type: non_empty(&d.vehicle_type),
        qualification_no: non_empty(&d.qualification_no),
    })
}

/// Upper-case, no spaces or separators: 甘d 12345 → 甘D12345.
pub fn normalize_plate(p: &str) -> String {
    p.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '·' && *c != '•')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A mainland plate: province character, a letter, then 5 (ordinary) or
/// 6 (new-energy) letters/digits, optionally ending in 挂/学.
pub fn plate_ok(p: &str) -> bool {
    const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    let chars: Vec<char> = p.chars().collect();
    let body = match chars.last() {
        Some('挂' | '学' | '警') => &chars[..chars.len() - 1],
        _ => &chars[..],
    };
    body.len() >= 7
        && body.len() <= 8
        && PROVINCES.contains(body[0])
        && body[1].is_ascii_uppercase()
        && body[2..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Employers that are not an employer at all (self-employed, none): they
/// never count towards founding a union (以入会促建会).
pub fn is_real_employer(name: &str) -> bool {
    const NOT_EMPLOYERS: [&str; 8] = [
        "无",
        "个体",
        "个体户",
        "个体运输户",
        "自雇",
        "无固定雇主",
        "灵活就业",
        "其他",
    ];
    let n = name.trim();
    !n.is_empty() && !NOT_EMPLOYERS.contains(&n)
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
    fn plates_and_lists_are_checked() {
        let mut d = draft();
        d.plate_number = Some("甘d 12345".into());
        d.ethnic_group = Some("回族".into());
        d.labour_relation = Some("个体自雇".into());
        let v = validate(&d, today()).unwrap();
        assert_eq!(v.plate_number.as_deref(), Some("甘D12345"));
        d.plate_number = Some("12345".into());
        assert_eq!(
            validate(&d, today()).unwrap_err().to_string(),
            "车牌号：“12345”格式不对（如 甘D12345）"
        );
        d.plate_number = Some("甘DD12345挂".into());
        assert!(validate(&d, today()).is_ok());
        d.ethnic_group = Some("火星族".into());
        assert_eq!(validate(&d, today()).unwrap_err().field(), "ethnic_group");
    }

    #[test]
    fn self_employment_is_not_an_employer() {
        assert!(!is_real_employer("个体运输户"));
        assert!(is_real_employer("顺丰速运"));
    }

    #[test]
    fn member_numbers_are_fixed_width() {
        assert_eq!(member_no("620421", 2026, 1), "6204212600001");
    }
}
