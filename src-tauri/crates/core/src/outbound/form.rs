//! The trip form (外出报告登记): what a cadre types, checked and normalised.

use chrono::NaiveDate;

use super::{counties, divisions, OutboundError};
use crate::member::{normalize_plate, plate_ok};
use crate::phone;

/// The trip form as typed.
#[derive(Debug, Clone, Default)]
pub struct TripDraft {
    pub plate_number: String,
    pub vehicle_type: Option<String>,
    pub departure: Option<NaiveDate>,
    pub expected_return: Option<NaiveDate>,
    pub dest_province: String,
    pub dest_city: Option<String>,
    pub dest_county: Option<String>,
    pub dest_address: Option<String>,
    pub dest_park: Option<String>,
    pub road_phone: String,
    pub family_spouse: Option<String>,
    pub family_children: Option<String>,
    pub family_elderly: Option<String>,
    pub family_needs: Option<String>,
    pub emergency_name: Option<String>,
    pub emergency_relation: Option<String>,
    pub emergency_phone: Option<String>,
    pub reported_by: Option<String>,
    pub reported_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// A draft that passed every rule, normalised (plate upper-case, phones
/// digits, province and city their full names).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTrip {
    pub plate_number: String,
    pub vehicle_type: Option<String>,
    pub departure: NaiveDate,
    pub expected_return: NaiveDate,
    pub dest_province: String,
    pub dest_city: Option<String>,
    pub dest_county: Option<String>,
    pub dest_address: Option<String>,
    pub dest_park: Option<String>,
    pub road_phone: String,
    pub family_spouse: Option<String>,
    pub family_children: Option<String>,
    pub family_elderly: Option<String>,
    pub family_needs: Option<String>,
    pub emergency_name: Option<String>,
    pub emergency_relation: Option<String>,
    pub emergency_phone: Option<String>,
    pub reported_by: Option<String>,
    pub reported_on: NaiveDate,
    pub notes: Option<String>,
}

fn text(
    v: &Option<String>,
    field: &'static str,
    label: &str,
    max: usize,
) -> Result<Option<String>, OutboundError> {
    let t = v.as_deref().map(str::trim).filter(|s| !s.is_empty());
    match t {
        Some(s) if s.chars().count() > max => Err(OutboundError::invalid(
            field,
            format!("{label}：不能超过{max}个字"),
        )),
        t => Ok(t.map(str::to_string)),
    }
}

fn mobile(v: &str, field: &'static str, label: &str) -> Result<String, OutboundError> {
    phone::normalize(v).map_err(|e| OutboundError::Invalid {
        field,
        code: "bad_phone",
        message: format!("{label}：{e}"),
    })
}

fn required_date(
    v: Option<NaiveDate>,
    field: &'static str,
    label: &str,
) -> Result<NaiveDate, OutboundError> {
    v.ok_or_else(|| OutboundError::Invalid {
        field,
        code: "bad_date",
        message: format!("{label}：不能为空"),
    })
}

/// Check a trip form. `today` is passed in: the report date cannot be ahead
/// of it; departure may be (a report before leaving).
pub fn validate(d: &TripDraft, today: NaiveDate) -> Result<ValidTrip, OutboundError> {
    let plate = normalize_plate(&d.plate_number);
    // A draft may leave the plate for later; reporting needs it
    // (see `ready_to_report`).
    if !plate.is_empty() && !plate_ok(&plate) {
        return Err(OutboundError::invalid(
            "plate_number",
            format!("车牌号：“{plate}”格式不对（如 甘D12345）"),
        ));
    }
    let departure = required_date(d.departure, "departure_date", "外出日期")?;
    let expected_return = required_date(d.expected_return, "expected_return", "预计返回日期")?;
    if expected_return < departure {
        return Err(OutboundError::Invalid {
            field: "expected_return",
            code: "bad_date",
            message: "预计返回日期：不能早于外出日期".into(),
        });
    }
    if (expected_return - departure).num_days() > 3 * 366 {
        return Err(OutboundError::Invalid {
            field: "expected_return",
            code: "bad_date",
            message: "预计返回日期：外出时间不能超过三年，请分次登记".into(),
        });
    }
    let reported_on = d.reported_on.unwrap_or(today);
    if reported_on > today {
        return Err(OutboundError::Invalid {
            field: "reported_on",
            code: "bad_date",
            message: "报告日期：不能晚于今天".into(),
        });
    }
    let province = divisions::province(&d.dest_province).ok_or_else(|| {
        if d.dest_province.trim().is_empty() {
            OutboundError::invalid("dest_province", "流入地省份：不能为空")
        } else {
            OutboundError::invalid(
                "dest_province",
                format!(
                    "流入地省份：“{}”不是34个省级行政区之一",
                    d.dest_province.trim()
                ),
            )
        }
    })?;
    let city = match d
        .dest_city
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(c) => Some(divisions::city(province, c).ok_or_else(|| {
            OutboundError::invalid("dest_city", format!("流入地城市：{province}没有“{c}”"))
        })?),
    };
    let emergency_phone = match d.emergency_phone.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => Some(mobile(p, "emergency_phone", "紧急联系人电话")?),
        _ => None,
    };
    let emergency_name = text(&d.emergency_name, "emergency_name", "紧急联系人", 30)?;
    if emergency_phone.is_some() && emergency_name.is_none() {
        return Err(OutboundError::invalid(
            "emergency_name",
            "紧急联系人：填了电话，请同时填写姓名",
        ));
    }
    Ok(ValidTrip {
        plate_number: plate,
        vehicle_type: text(&d.vehicle_type, "vehicle_type", "车辆类型", 20)?,
        departure,
        expected_return,
        dest_province: province.to_string(),
        dest_city: city.map(str::to_string),
        dest_county: text(&d.dest_county, "dest_county", "流入地区县", 30)?.map(|c| match city {
            Some(city) => counties::county(province, city, &c).map_or(c, str::to_string),
            None => c,
        }),
        dest_address: text(&d.dest_address, "dest_address", "详细地址", 100)?,
        dest_park: text(&d.dest_park, "dest_park", "物流园区/企业/平台", 60)?,
        road_phone: mobile(&d.road_phone, "road_phone", "在外联系电话")?,
        family_spouse: text(&d.family_spouse, "family_spouse", "配偶情况", 100)?,
        family_children: text(&d.family_children, "family_children", "子女情况", 100)?,
        family_elderly: text(&d.family_elderly, "family_elderly", "留守老人情况", 100)?,
        family_needs: text(&d.family_needs, "family_needs", "需工会帮助解决的困难", 200)?,
        emergency_name,
        emergency_relation: text(
            &d.emergency_relation,
            "emergency_relation",
            "与本人关系",
            10,
        )?,
        emergency_phone,
        reported_by: text(&d.reported_by, "reported_by", "受理干部", 30)?,
        reported_on,
        notes: text(&d.notes, "notes", "备注", 500)?,
    })
}
