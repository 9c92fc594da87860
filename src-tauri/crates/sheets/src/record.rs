//! One sheet row through a mapping into a member draft, reading cells the
//! way offices write them (dates as 2026年1月5日 or Excel serials, yes/no
//! as 是/√, genders as 男/女). The ledger's own rules
//! (`ledger_core::member::validate`) are applied by the caller.

use chrono::{Duration, NaiveDate};
use ledger_core::citizen_id::Gender;
use ledger_core::member::{MemberDraft, ETHNIC_GROUPS};

use crate::mapping::{Field, Mapping};

/// The join channel every imported row carries.
pub const IMPORT_CHANNEL: &str = "批量导入";

/// A cell that cannot be read as its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// `bad_length`, `bad_phone`, `missing_name`, `missing_group`, `invalid`.
    pub code: &'static str,
    pub field: Field,
    /// Chinese, prefixed with the field's label.
    pub message: String,
}

impl CellError {
    fn new(code: &'static str, field: Field, message: impl Into<String>) -> CellError {
        CellError {
            code,
            field,
            message: message.into(),
        }
    }
}

/// What the cadre chose for cells the sheet leaves empty.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    /// 职业群体 for rows without one (a transport-bureau list has none).
    pub occupation_group: Option<String>,
}

/// Fold full-width digits and letters to ASCII.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// A date as offices type it: 2026-01-05, 2026/1/5, 2026.1.5, 20260105,
/// 2026年1月5日, "2026-01-05 00:00:00", an Excel serial number, or a
/// year and month (the first of the month).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = fold(s);
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && (5..=6).contains(&s.len()) {
        let serial: i64 = s.parse().ok()?;
        if (10_000..=80_000).contains(&serial) {
            return NaiveDate::from_ymd_opt(1899, 12, 30)?
                .checked_add_signed(Duration::days(serial));
        }
        return None;
    }
    let date_part = s.split([' ', 'T']).next().unwrap_or(s);
    let unified: String = date_part
        .chars()
        .filter(|&c| c != '日' && c != '号')
        .map(|c| {
            if matches!(c, '年' | '月' | '/' | '.' | '-') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let parts: Vec<&str> = unified.trim_end_matches('-').split('-').collect();
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        [y, m] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, 1),
        _ => None,
    }
}

/// 是/否 in its many spellings; `None` for anything else.
pub fn parse_bool(s: &str) -> Option<bool> {
    match fold(s).trim().to_ascii_lowercase().as_str() {
        "是" | "√" | "✓" | "✔" | "y" | "yes" | "true" | "1" | "有" | "是的" => Some(true),
        "" | "否" | "×" | "✗" | "n" | "no" | "false" | "0" | "无" | "不是" => Some(false),
        _ => None,
    }
}

/// 男/女 and English spellings; `None` for anything else.
pub fn parse_gender(s: &str) -> Option<Gender> {
    match fold(s).trim().to_ascii_lowercase().as_str() {
        "男" | "男性" | "m" | "male" => Some(Gender::Male),
        "女" | "女性" | "f" | "female" => Some(Gender::Female),
        _ => None,
    }
}

/// An ID cell: a leading apostrophe (typed to keep Excel from turning the
/// number into 1.1E+17) is dropped; the rest is normalised by the ledger.
pub fn id_cell(s: &str) -> &str {
    s.trim().trim_start_matches(['\'', '‘', '’', '`'])
}

fn opt(row: &[String], m: &Mapping, f: Field) -> Option<String> {
    let v = m.get(row, f).trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// Read a row as a member draft. Cells that cannot be read (a date that is
/// no date, an empty ID) are refused here; everything else is left to the
/// ledger's validation.
pub fn member_draft(row: &[String], m: &Mapping, d: &Defaults) -> Result<MemberDraft, CellError> {
    let id_number = id_cell(m.get(row, Field::IdNumber)).to_string();
    if id_number.is_empty() {
        return Err(CellError::new(
            "bad_length",
            Field::IdNumber,
            "身份证号：未填写",
        ));
    }
    let name = m.get(row, Field::Name).trim().to_string();
    if name.is_empty() {
        return Err(CellError::new("missing_name", Field::Name, "姓名：未填写"));
    }
    let phone = m.get(row, Field::Phone).trim().to_string();
    if phone.is_empty() {
        return Err(CellError::new("bad_phone", Field::Phone, "手机号：未填写"));
    }
    let gender_cell = m.get(row, Field::Gender).trim();
    let gender = match (gender_cell.is_empty(), parse_gender(gender_cell)) {
        (true, _) => None,
        (false, Some(g)) => Some(g),
        (false, None) => {
            return Err(CellError::new(
                "invalid",
                Field::Gender,
                format!("性别：“{gender_cell}”无效，应为男或女"),
            ))
        }
    };
    let date = |f: Field| -> Result<Option<NaiveDate>, CellError> {
        let v = m.get(row, f).trim();
        if v.is_empty() {
            return Ok(None);
        }
        parse_date(v).map(Some).ok_or_else(|| {
            CellError::new(
                "invalid",
                f,
                format!("{}：“{v}”不是有效日期（如 2026-01-31）", f.label()),
            )
        })
    };
    let flag = |f: Field| -> Result<bool, CellError> {
        let v = m.get(row, f);
        parse_bool(v)
            .ok_or_else(|| CellError::new("invalid", f, format!("{}：“{v}”应为是或否", f.label())))
    };
    let occupation_group = opt(row, m, Field::OccupationGroup)
        .or_else(|| d.occupation_group.clone().filter(|g| !g.trim().is_empty()))
        .ok_or_else(|| {
            CellError::new(
                "missing_group",
                Field::OccupationGroup,
                "职业群体：未填写（可在导入时选择默认职业群体）",
            )
        })?;
    let ethnic_group = opt(row, m, Field::EthnicGroup).map(|e| {
        let with_suffix = format!("{e}族");
        if !ETHNIC_GROUPS.contains(&e.as_str()) && ETHNIC_GROUPS.contains(&with_suffix.as_str()) {
            with_suffix
        } else {
            e
        }
    });
    Ok(MemberDraft {
        name,
        id_number,
        phone,
        gender,
        birth_date: date(Field::BirthDate)?,
        occupation_group,
        employer: opt(row, m, Field::Employer),
        join_date: date(Field::JoinDate)?,
        join_channel: Some(IMPORT_CHANNEL.to_string()),
        notes: opt(row, m, Field::Notes),
        ethnic_group,
        hukou_address: opt(row, m, Field::HukouAddress),
        residence: opt(row, m, Field::Residence),
        labour_relation: opt(row, m, Field::LabourRelation),
        new_employment: flag(Field::NewEmployment)?,
        migrant_worker: flag(Field::MigrantWorker)?,
        plate_number: opt(row, m, Field::PlateNumber),
        vehicle_type: opt(row, m, Field::VehicleType),
        qualification_no: opt(row, m, Field::QualificationNo),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_in_office_spellings() {
        for s in [
            "2026-01-05",
            "2026/1/5",
            "2026.1.5",
            "20260105",
            "2026年1月5日",
            "２０２６年１月５日",
            "2026-01-05 00:00:00",
            "46027",
        ] {
            assert_eq!(parse_date(s), ymd(2026, 1, 5), "{s}");
        }
        assert_eq!(parse_date("2026年3月"), ymd(2026, 3, 1));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("明天"), None);
    }

    #[test]
    fn yes_no_and_gender() {
        assert_eq!(parse_bool("√"), Some(true));
        assert_eq!(parse_bool(""), Some(false));
        assert_eq!(parse_bool("也许"), None);
        assert_eq!(parse_gender("女"), Some(Gender::Female));
        assert_eq!(parse_gender("未知"), None);
        assert_eq!(id_cell("'11010519491231002X"), "11010519491231002X");
    }
}
