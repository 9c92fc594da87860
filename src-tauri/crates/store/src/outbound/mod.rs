//! Truck-driver outbound reports (外出报告, 货车司机动态管理台账): issue #6.
//!
//! A trip (`outbound_trips`) belongs to a member; its review steps
//! (`outbound_reviews`), contact log (`outbound_contacts`) and spot checks
//! (`outbound_spot_checks`, `outbound_spot_items`) all travel and are written
//! through [`Tx`]. The rules (states, status, the sample) are in
//! `ledger_core::outbound`; status is computed with today's date on reading.

mod review;
mod spot;

pub use review::{
    add_contact, contacts, mark_back, review, reviews, Contact, ContactFields, Review,
};
pub use spot::{
    draw_spot_check, population, record_call, spot_check, spot_checks, SpotCheck, SpotItem,
};

use chrono::NaiveDate;
use ledger_core::outbound::{
    transition, ReportState, ReviewAction, TripDates, TripStatus, ValidTrip,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::{members, orgs, Result, StoreError, Tx};

/// A trip as stored, with its driver.
#[derive(Debug, Clone, PartialEq)]
pub struct Trip {
    pub id: String,
    pub member_id: String,
    pub member_name: String,
    pub member_no: String,
    pub member_id_number: String,
    pub member_phone: String,
    pub org_id: String,
    pub org_name: String,
    pub form: ValidTrip,
    pub returned_on: Option<NaiveDate>,
    pub state: ReportState,
    pub state_reason: Option<String>,
    pub last_contact_on: Option<NaiveDate>,
    pub current_location: Option<String>,
    pub updated_at: String,
}

impl Trip {
    pub fn dates(&self) -> TripDates {
        TripDates {
            departure: self.form.departure,
            expected_return: self.form.expected_return,
            returned_on: self.returned_on,
            reported_on: self.form.reported_on,
            last_contact: self.last_contact_on,
        }
    }

    pub fn status(&self, today: NaiveDate, lost_days: u32) -> TripStatus {
        self.dates().status(today, lost_days)
    }
}

/// 外出报告 settings, kept in `meta` like the office settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboundSettings {
    /// What "half a year" means (trips at least this long must be reported).
    pub half_year_days: u32,
    /// No successful contact for this long: 失联.
    pub lost_days: u32,
}

impl Default for OutboundSettings {
    fn default() -> OutboundSettings {
        OutboundSettings {
            half_year_days: 180,
            lost_days: 90,
        }
    }
}

const HALF_YEAR_KEY: &str = "setting.outbound_half_year_days";
const LOST_KEY: &str = "setting.outbound_lost_days";

fn read_meta(conn: &Connection, key: &str) -> Result<Option<u32>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
        .and_then(|v| v.parse().ok()))
}

pub fn settings(conn: &Connection) -> Result<OutboundSettings> {
    let d = OutboundSettings::default();
    Ok(OutboundSettings {
        half_year_days: read_meta(conn, HALF_YEAR_KEY)?.unwrap_or(d.half_year_days),
        lost_days: read_meta(conn, LOST_KEY)?.unwrap_or(d.lost_days),
    })
}

pub fn set_settings(tx: &mut Tx, s: &OutboundSettings) -> Result<()> {
    use ledger_core::outbound::OutboundError::Invalid;
    if !(30..=730).contains(&s.half_year_days) {
        return Err(Invalid {
            field: "half_year_days",
            code: "invalid",
            message: "“半年”天数：应在30到730天之间".into(),
        }
        .into());
    }
    if !(7..=730).contains(&s.lost_days) {
        return Err(Invalid {
            field: "lost_days",
            code: "invalid",
            message: "失联判定天数：应在7到730天之间".into(),
        }
        .into());
    }
    tx.set_meta(HALF_YEAR_KEY, &s.half_year_days.to_string())?;
    tx.set_meta(LOST_KEY, &s.lost_days.to_string())
}

pub(crate) const SELECT: &str = "SELECT t.id, t.member_id, m.name, m.member_no, m.id_number,
    m.phone, t.org_id, o.name, t.plate_number, t.vehicle_type, t.departure_date,
    t.expected_return, t.returned_on, t.dest_province, t.dest_city, t.dest_county,
    t.dest_address, t.dest_park, t.road_phone, t.family_spouse, t.family_children,
    t.family_elderly, t.family_needs, t.emergency_name, t.emergency_relation,
    t.emergency_phone, t.reported_by, t.reported_on, t.notes, t.state, t.state_reason,
    t.last_contact_on, t.current_location, t.updated_at
    FROM outbound_trips t JOIN members m ON m.id = t.member_id
    JOIN org_units o ON o.id = t.org_id";

pub(crate) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn opt_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Trip> {
    let state: String = r.get(29)?;
    Ok(Trip {
        id: r.get(0)?,
        member_id: r.get(1)?,
        member_name: r.get(2)?,
        member_no: r.get(3)?,
        member_id_number: r.get(4)?,
        member_phone: r.get(5)?,
        org_id: r.get(6)?,
        org_name: r.get(7)?,
        form: ValidTrip {
            plate_number: r.get(8)?,
            vehicle_type: r.get(9)?,
            departure: day(&r.get::<_, String>(10)?),
            expected_return: day(&r.get::<_, String>(11)?),
            dest_province: r.get(13)?,
            dest_city: r.get(14)?,
            dest_county: r.get(15)?,
            dest_address: r.get(16)?,
            dest_park: r.get(17)?,
            road_phone: r.get(18)?,
            family_spouse: r.get(19)?,
            family_children: r.get(20)?,
            family_elderly: r.get(21)?,
            family_needs: r.get(22)?,
            emergency_name: r.get(23)?,
            emergency_relation: r.get(24)?,
            emergency_phone: r.get(25)?,
            reported_by: r.get(26)?,
            reported_on: day(&r.get::<_, String>(27)?),
            notes: r.get(28)?,
        },
        returned_on: opt_day(r.get(12)?),
        state: ReportState::parse(&state).unwrap_or(ReportState::Draft),
        state_reason: r.get(30)?,
        last_contact_on: opt_day(r.get(31)?),
        current_location: r.get(32)?,
        updated_at: r.get(33)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Trip> {
    conn.prepare_cached(&format!("{SELECT} WHERE t.id = ?1 AND t.deleted = 0"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "外出报告",
            key: id.to_string(),
        })
}

/// What the SQL can filter; status is decided afterwards with today's date.
#[derive(Debug, Clone, Default)]
pub struct TripQuery {
    /// An org and everything below it.
    pub org_id: Option<String>,
    pub province: Option<String>,
    pub state: Option<ReportState>,
    pub member_id: Option<String>,
    /// Name, member number, plate or phone (part of).
    pub text: Option<String>,
    /// Leave out drivers who are back.
    pub not_back: bool,
}

/// Live trips matching `q`, latest departure first.
pub fn list(conn: &Connection, q: &TripQuery) -> Result<Vec<Trip>> {
    let mut sql = format!("{SELECT} WHERE t.deleted = 0 AND m.deleted = 0");
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |sql: &mut String, clause: &str, v: Value| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(org) = q.org_id.as_deref() {
        let ids = orgs::subtree_ids(conn, org)?;
        let list = ids
            .iter()
            .map(|i| format!("'{}'", i.replace('\'', "''")))
            .collect::<Vec<_>>()
            .join(", ");
        sql.push_str(&format!(" AND t.org_id IN ({list})"));
    }
    if let Some(p) = q.province.as_deref() {
        arg(&mut sql, " AND t.dest_province = ?", Value::Text(p.into()));
    }
    if let Some(s) = q.state {
        arg(&mut sql, " AND t.state = ?", Value::Text(s.code().into()));
    }
    if let Some(m) = q.member_id.as_deref() {
        arg(&mut sql, " AND t.member_id = ?", Value::Text(m.into()));
    }
    if let Some(t) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let like = format!("%{}%", t.replace(['%', '_'], "").to_uppercase());
        args.push(Value::Text(like));
        let n = args.len();
        sql.push_str(&format!(
            " AND (m.name LIKE ?{n} OR m.member_no LIKE ?{n} OR t.plate_number LIKE ?{n}
               OR t.road_phone LIKE ?{n} OR m.phone LIKE ?{n})"
        ));
    }
    if q.not_back {
        sql.push_str(" AND t.returned_on IS NULL");
    }
    sql.push_str(" ORDER BY t.departure_date DESC, t.id DESC");
    let rows = conn
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(args), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn opt(v: &Option<String>) -> Value {
    v.as_ref()
        .map(|s| Value::Text(s.clone()))
        .unwrap_or(Value::Null)
}

fn form_values(v: &ValidTrip) -> Vec<(&'static str, Value)> {
    vec![
        ("plate_number", Value::Text(v.plate_number.clone())),
        ("vehicle_type", opt(&v.vehicle_type)),
        ("departure_date", Value::Text(v.departure.to_string())),
        (
            "expected_return",
            Value::Text(v.expected_return.to_string()),
        ),
        ("dest_province", Value::Text(v.dest_province.clone())),
        ("dest_city", opt(&v.dest_city)),
        ("dest_county", opt(&v.dest_county)),
        ("dest_address", opt(&v.dest_address)),
        ("dest_park", opt(&v.dest_park)),
        ("road_phone", Value::Text(v.road_phone.clone())),
        ("family_spouse", opt(&v.family_spouse)),
        ("family_children", opt(&v.family_children)),
        ("family_elderly", opt(&v.family_elderly)),
        ("family_needs", opt(&v.family_needs)),
        ("emergency_name", opt(&v.emergency_name)),
        ("emergency_relation", opt(&v.emergency_relation)),
        ("emergency_phone", opt(&v.emergency_phone)),
        ("reported_by", opt(&v.reported_by)),
        ("reported_on", Value::Text(v.reported_on.to_string())),
        ("notes", opt(&v.notes)),
    ]
}

/// Record a trip of a live member, as a draft (or reported at once with
/// `submit`). The trip belongs to the member's current org (village).
pub fn create(tx: &mut Tx, member_id: &str, form: &ValidTrip, submit: bool) -> Result<Trip> {
    let member = members::get(tx.conn(), member_id)?;
    let id = tx.new_id();
    let mut cols = form_values(form);
    cols.push(("member_id", Value::Text(member.id.clone())));
    cols.push(("org_id", Value::Text(member.org_id.clone())));
    cols.push(("state", Value::Text(ReportState::Draft.code().into())));
    tx.insert("outbound_trips", &id, &cols)?;
    if submit {
        review(tx, &id, ReviewAction::Report, None)?;
    }
    get(tx.conn(), &id)
}

/// Change the form of a trip that is not filed.
pub fn update(tx: &mut Tx, id: &str, form: &ValidTrip) -> Result<Trip> {
    let trip = get(tx.conn(), id)?;
    transition(trip.state, ReviewAction::Edit, None)?;
    if let Some(back) = trip.returned_on {
        if back < form.departure {
            return Err(ledger_core::outbound::OutboundError::Invalid {
                field: "departure_date",
                code: "bad_date",
                message: format!("外出日期：不能晚于已登记的返回日期 {back}"),
            }
            .into());
        }
    }
    tx.update("outbound_trips", id, &form_values(form))?;
    get(tx.conn(), id)
}

/// Remove a trip that was never filed (a draft or a returned report).
pub fn delete(tx: &mut Tx, id: &str) -> Result<()> {
    let trip = get(tx.conn(), id)?;
    transition(trip.state, ReviewAction::Delete, None)?;
    tx.delete("outbound_trips", id)
}
