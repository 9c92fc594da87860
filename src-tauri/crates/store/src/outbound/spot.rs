//! Spot checks (随机电话抽查): a seeded, stratified sample of the reported
//! trips, saved with its seed so the draw can be shown to an auditor and
//! reproduced; then each call's outcome.

use chrono::NaiveDate;
use ledger_core::outbound::{draw, OutboundError, SampleSize, OUTCOMES};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::day;
use crate::{orgs, Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct SpotCheck {
    pub id: String,
    pub drawn_on: NaiveDate,
    pub seed: u64,
    pub size_spec: String,
    pub population: u32,
    pub actor: Option<String>,
    pub notes: Option<String>,
}

/// A trip drawn, with what the checker needs to ring it.
#[derive(Debug, Clone, PartialEq)]
pub struct SpotItem {
    pub id: String,
    pub trip_id: String,
    pub member_name: String,
    pub org_id: String,
    pub org_name: String,
    pub plate_number: String,
    pub dest_province: String,
    pub dest_city: Option<String>,
    pub dest_county: Option<String>,
    pub road_phone: String,
    pub outcome: Option<String>,
    pub note: Option<String>,
    pub called_on: Option<NaiveDate>,
}

/// The population of a spot check: (village, trip id) of every trip that
/// is reported or filed and whose driver is not back, within `scope`.
pub fn population(conn: &Connection, scope: Option<&str>) -> Result<Vec<(String, String)>> {
    let mut sql = String::from(
        "SELECT t.org_id, t.id FROM outbound_trips t JOIN members m ON m.id = t.member_id
         WHERE t.deleted = 0 AND m.deleted = 0 AND t.returned_on IS NULL
           AND t.state IN ('reported', 'filed')",
    );
    if let Some(org) = scope {
        let ids = orgs::subtree_ids(conn, org)?;
        let list = ids
            .iter()
            .map(|i| format!("'{}'", i.replace('\'', "''")))
            .collect::<Vec<_>>()
            .join(", ");
        sql.push_str(&format!(" AND t.org_id IN ({list})"));
    }
    let rows = conn
        .prepare(&sql)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Draw and save a spot check. Returns its id.
pub fn draw_spot_check(
    tx: &mut Tx,
    size: SampleSize,
    seed: u64,
    scope: Option<&str>,
    notes: Option<&str>,
) -> Result<String> {
    let pop = population(tx.conn(), scope)?;
    if pop.is_empty() {
        return Err(StoreError::Conflict(
            "抽查：没有可抽查的外出报告（只抽已上报或已备案、尚未返回的）".into(),
        ));
    }
    let picked = draw(&pop, size, seed);
    if picked.is_empty() {
        return Err(OutboundError::Invalid {
            field: "size",
            code: "invalid",
            message: "抽查数量：至少抽1人".into(),
        }
        .into());
    }
    let spec = match size {
        SampleSize::Count(n) => n.to_string(),
        SampleSize::Percent(p) => format!("{p}%"),
    };
    let id = tx.new_id();
    let text = |v: Option<&str>| v.map(|s| Value::Text(s.into())).unwrap_or(Value::Null);
    let actor = tx.actor().map(str::to_string);
    tx.insert(
        "outbound_spot_checks",
        &id,
        &[
            ("drawn_on", Value::Text(tx.today().to_string())),
            ("seed", Value::Text(seed.to_string())),
            ("size_spec", Value::Text(spec)),
            ("scope_org_id", text(scope)),
            ("population", Value::Integer(pop.len() as i64)),
            ("actor", text(actor.as_deref())),
            ("notes", text(notes)),
        ],
    )?;
    for (pos, trip_id) in picked.iter().enumerate() {
        let org = pop
            .iter()
            .find(|(_, t)| t == trip_id)
            .map(|(o, _)| o.clone())
            .unwrap_or_default();
        let item = tx.new_id();
        tx.insert(
            "outbound_spot_items",
            &item,
            &[
                ("check_id", Value::Text(id.clone())),
                ("trip_id", Value::Text(trip_id.clone())),
                ("org_id", Value::Text(org)),
                ("position", Value::Integer(pos as i64)),
            ],
        )?;
    }
    Ok(id)
}

/// Record one call's outcome (核实一致, 信息不符, 未接通, 空号停机) and note.
pub fn record_call(
    tx: &mut Tx,
    item_id: &str,
    outcome: &str,
    note: Option<&str>,
    date: NaiveDate,
) -> Result<String> {
    if !OUTCOMES.iter().any(|(c, _)| *c == outcome) {
        return Err(OutboundError::Invalid {
            field: "outcome",
            code: "invalid",
            message: "抽查结果：请选择核实一致、信息不符、未接通或空号停机".into(),
        }
        .into());
    }
    if date > tx.today() {
        return Err(OutboundError::Invalid {
            field: "date",
            code: "bad_date",
            message: "抽查日期：不能晚于今天".into(),
        }
        .into());
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 200) {
        return Err(OutboundError::Invalid {
            field: "note",
            code: "invalid",
            message: "抽查备注：不能超过200个字".into(),
        }
        .into());
    }
    let check_id: String = tx
        .conn()
        .query_row(
            "SELECT check_id FROM outbound_spot_items WHERE id = ?1 AND deleted = 0",
            [item_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "抽查对象",
            key: item_id.to_string(),
        })?;
    let actor = tx.actor().map(str::to_string);
    tx.update(
        "outbound_spot_items",
        item_id,
        &[
            ("outcome", Value::Text(outcome.into())),
            (
                "note",
                note.map(|n| Value::Text(n.into())).unwrap_or(Value::Null),
            ),
            ("called_on", Value::Text(date.to_string())),
            ("actor", actor.map(Value::Text).unwrap_or(Value::Null)),
        ],
    )?;
    Ok(check_id)
}

const CHECK_SELECT: &str = "SELECT id, drawn_on, seed, size_spec, population, actor, notes
    FROM outbound_spot_checks WHERE deleted = 0";

fn check_row(r: &rusqlite::Row) -> rusqlite::Result<SpotCheck> {
    Ok(SpotCheck {
        id: r.get(0)?,
        drawn_on: day(&r.get::<_, String>(1)?),
        seed: r.get::<_, String>(2)?.parse().unwrap_or_default(),
        size_spec: r.get(3)?,
        population: r.get(4)?,
        actor: r.get(5)?,
        notes: r.get(6)?,
    })
}

/// Every spot check, newest first.
pub fn spot_checks(conn: &Connection) -> Result<Vec<SpotCheck>> {
    let rows = conn
        .prepare_cached(&format!("{CHECK_SELECT} ORDER BY drawn_on DESC, id DESC"))?
        .query_map([], check_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A spot check and its items in the order drawn.
pub fn spot_check(conn: &Connection, id: &str) -> Result<(SpotCheck, Vec<SpotItem>)> {
    let check = conn
        .prepare_cached(&format!("{CHECK_SELECT} AND id = ?1"))?
        .query_row([id], check_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "抽查",
            key: id.to_string(),
        })?;
    let items = conn
        .prepare_cached(
            "SELECT i.id, i.trip_id, m.name, i.org_id, o.name, t.plate_number, t.dest_province,
                    t.dest_city, t.dest_county, t.road_phone, i.outcome, i.note, i.called_on
             FROM outbound_spot_items i
             JOIN outbound_trips t ON t.id = i.trip_id
             JOIN members m ON m.id = t.member_id
             JOIN org_units o ON o.id = i.org_id
             WHERE i.check_id = ?1 AND i.deleted = 0 ORDER BY i.position",
        )?
        .query_map([id], |r| {
            Ok(SpotItem {
                id: r.get(0)?,
                trip_id: r.get(1)?,
                member_name: r.get(2)?,
                org_id: r.get(3)?,
                org_name: r.get(4)?,
                plate_number: r.get(5)?,
                dest_province: r.get(6)?,
                dest_city: r.get(7)?,
                dest_county: r.get(8)?,
                road_phone: r.get(9)?,
                outcome: r.get(10)?,
                note: r.get(11)?,
                called_on: r.get::<_, Option<String>>(12)?.map(|s| day(&s)),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((check, items))
}
