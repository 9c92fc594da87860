//! The review of a report (上报, 备案, 退回, 重新打开), the driver's return
//! home and the contact log.

use chrono::NaiveDate;
use ledger_core::outbound::{
    counties, divisions, place_label, ready_to_report, transition, OutboundError, ReportState,
    ReviewAction, CHANNELS,
};
use rusqlite::types::Value;
use rusqlite::Connection;

use super::{day, get, Trip};
use crate::{Result, Tx};

/// One review step.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub id: String,
    pub action: ReviewAction,
    pub from: ReportState,
    pub to: ReportState,
    pub reason: Option<String>,
    pub actor: Option<String>,
    pub date: NaiveDate,
}

/// Move a report through its review; the step is recorded with the actor,
/// the date and the reason. Returning and reopening need a reason.
pub fn review(tx: &mut Tx, id: &str, action: ReviewAction, reason: Option<&str>) -> Result<Trip> {
    let trip = get(tx.conn(), id)?;
    let to = transition(trip.state, action, reason).map_err(|e| match e {
        // Name the driver: in a bulk action the cadre must know which one.
        OutboundError::BadTransition { state, action } => OutboundError::Invalid {
            field: "state",
            code: "conflict",
            message: format!(
                "{}（{}）：状态为{state}，不能{action}",
                trip.member_name, trip.form.plate_number
            ),
        },
        e => e,
    })?;
    if action == ReviewAction::Report {
        ready_to_report(&trip.member_name, &trip.form.plate_number)?;
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let state_reason = match action {
        ReviewAction::Return | ReviewAction::Reopen => reason.map(str::to_string),
        _ => trip.state_reason.clone(),
    };
    tx.update(
        "outbound_trips",
        id,
        &[
            ("state", Value::Text(to.code().into())),
            (
                "state_reason",
                state_reason.map(Value::Text).unwrap_or(Value::Null),
            ),
        ],
    )?;
    let rid = tx.new_id();
    let cols = [
        ("trip_id", Value::Text(id.to_string())),
        ("action", Value::Text(action.code().into())),
        ("from_state", Value::Text(trip.state.code().into())),
        ("to_state", Value::Text(to.code().into())),
        (
            "reason",
            reason
                .map(|r| Value::Text(r.to_string()))
                .unwrap_or(Value::Null),
        ),
        (
            "actor",
            tx.actor()
                .map(|a| Value::Text(a.to_string()))
                .unwrap_or(Value::Null),
        ),
        ("date", Value::Text(tx.today().to_string())),
        ("at_ms", Value::Integer(tx.now_ms())),
    ];
    tx.insert("outbound_reviews", &rid, &cols)?;
    get(tx.conn(), id)
}

/// A trip's review steps, oldest first.
pub fn reviews(conn: &Connection, trip_id: &str) -> Result<Vec<Review>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, action, from_state, to_state, reason, actor, date FROM outbound_reviews
             WHERE trip_id = ?1 AND deleted = 0 ORDER BY at_ms, rowid",
        )?
        .query_map([trip_id], |r| {
            let state = |i: usize| -> rusqlite::Result<ReportState> {
                Ok(ReportState::parse(&r.get::<_, String>(i)?).unwrap_or(ReportState::Draft))
            };
            Ok(Review {
                id: r.get(0)?,
                action: ReviewAction::parse(&r.get::<_, String>(1)?).unwrap_or(ReviewAction::Edit),
                from: state(2)?,
                to: state(3)?,
                reason: r.get(4)?,
                actor: r.get(5)?,
                date: day(&r.get::<_, String>(6)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The driver came home on `date` (not before departure, not after today).
/// A fact about the trip, not an edit of the report: allowed when filed.
pub fn mark_back(tx: &mut Tx, id: &str, date: NaiveDate) -> Result<Trip> {
    let trip = get(tx.conn(), id)?;
    let bad = |message: String| OutboundError::Invalid {
        field: "date",
        code: "bad_date",
        message,
    };
    if date > tx.today() {
        return Err(bad("返回日期：不能晚于今天".into()).into());
    }
    if date < trip.form.departure {
        return Err(bad(format!(
            "返回日期：不能早于外出日期 {}",
            trip.form.departure
        ))
        .into());
    }
    tx.update(
        "outbound_trips",
        id,
        &[("returned_on", Value::Text(date.to_string()))],
    )?;
    get(tx.conn(), id)
}

/// One contact as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactFields {
    pub date: NaiveDate,
    pub channel: String,
    pub reached: bool,
    pub note: Option<String>,
    pub new_province: Option<String>,
    pub new_city: Option<String>,
    pub new_county: Option<String>,
    pub new_address: Option<String>,
}

/// One entry of the contact log.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub id: String,
    pub date: NaiveDate,
    pub channel: String,
    pub reached: bool,
    pub note: Option<String>,
    pub new_location: Option<String>,
    pub actor: Option<String>,
}

fn invalid(field: &'static str, message: impl Into<String>) -> OutboundError {
    OutboundError::Invalid {
        field,
        code: "invalid",
        message: message.into(),
    }
}

fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The new location of a contact, checked against the division list.
fn new_location(c: &ContactFields) -> std::result::Result<Option<String>, OutboundError> {
    let Some(p) = trimmed(&c.new_province) else {
        if trimmed(&c.new_city).is_some() || trimmed(&c.new_address).is_some() {
            return Err(invalid(
                "new_province",
                "新位置省份：填了新位置，请选择省份",
            ));
        }
        return Ok(None);
    };
    let prov = divisions::province(p).ok_or_else(|| {
        invalid(
            "new_province",
            format!("新位置省份：“{p}”不是34个省级行政区之一"),
        )
    })?;
    let city = match trimmed(&c.new_city) {
        None => None,
        Some(name) => Some(
            divisions::city(prov, name)
                .ok_or_else(|| invalid("new_city", format!("新位置城市：{prov}没有“{name}”")))?,
        ),
    };
    // A county the list knows is written its way (萧山 → 萧山区); others as typed.
    let county = trimmed(&c.new_county).map(|n| {
        city.and_then(|ci| counties::county(prov, ci, n))
            .unwrap_or(n)
    });
    let mut label = place_label(prov, city, county);
    if let Some(a) = trimmed(&c.new_address) {
        label.push(' ');
        label.push_str(a);
    }
    if label.chars().count() > 120 {
        return Err(invalid("new_address", "新位置：不能超过120个字"));
    }
    Ok(Some(label))
}

/// Log a contact. A successful one keeps the record fresh: the trip's
/// latest contact (and, if the driver moved, current location) follow in
/// the same transaction. Allowed on filed trips: the log is not the form.
pub fn add_contact(tx: &mut Tx, trip_id: &str, c: &ContactFields) -> Result<Trip> {
    let trip = get(tx.conn(), trip_id)?;
    if !CHANNELS.iter().any(|(code, _)| *code == c.channel) {
        return Err(invalid("channel", "联系方式：请选择电话、微信、上门或家属").into());
    }
    if c.date > tx.today() {
        return Err(OutboundError::Invalid {
            field: "date",
            code: "bad_date",
            message: "联系日期：不能晚于今天".into(),
        }
        .into());
    }
    let note = trimmed(&c.note);
    if note.is_some_and(|n| n.chars().count() > 200) {
        return Err(invalid("note", "联系情况：不能超过200个字").into());
    }
    let location = new_location(c)?;
    let id = tx.new_id();
    let text = |v: Option<&str>| v.map(|s| Value::Text(s.into())).unwrap_or(Value::Null);
    let actor = tx.actor().map(str::to_string);
    tx.insert(
        "outbound_contacts",
        &id,
        &[
            ("trip_id", Value::Text(trip_id.into())),
            ("date", Value::Text(c.date.to_string())),
            ("channel", Value::Text(c.channel.clone())),
            ("reached", Value::Integer(i64::from(c.reached))),
            ("note", text(note)),
            ("new_location", text(location.as_deref())),
            ("actor", text(actor.as_deref())),
            ("at_ms", Value::Integer(tx.now_ms())),
        ],
    )?;
    let newer = trip.last_contact_on.is_none_or(|d| c.date >= d);
    if c.reached && newer {
        let mut cols = vec![("last_contact_on", Value::Text(c.date.to_string()))];
        if let Some(l) = location {
            cols.push(("current_location", Value::Text(l)));
        }
        tx.update("outbound_trips", trip_id, &cols)?;
    }
    get(tx.conn(), trip_id)
}

/// A trip's contact log, newest first.
pub fn contacts(conn: &Connection, trip_id: &str) -> Result<Vec<Contact>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, date, channel, reached, note, new_location, actor FROM outbound_contacts
             WHERE trip_id = ?1 AND deleted = 0 ORDER BY date DESC, at_ms DESC, rowid DESC",
        )?
        .query_map([trip_id], |r| {
            Ok(Contact {
                id: r.get(0)?,
                date: day(&r.get::<_, String>(1)?),
                channel: r.get(2)?,
                reached: r.get::<_, i64>(3)? != 0,
                note: r.get(4)?,
                new_location: r.get(5)?,
                actor: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
