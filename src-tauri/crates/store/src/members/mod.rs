//! The member ledger (会员台账): records, search, history, moves.

mod history;
mod moves;
mod search;

pub use history::{history, Change, HistoryEntry};
pub use moves::{mark_verified, pool_members, set_status, transfer, PoolMember, Suggestion};
pub use search::{search, search_each, MemberQuery, MemberSort, Page, TEXT_COUNT_CAP};

use chrono::{Datelike, NaiveDate};
use ledger_core::citizen_id::Gender;
use ledger_core::member::{self, MemberDraft, ValidMember};
use ledger_core::names::pinyin_keys;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::{orgs, Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: String,
    pub member_no: String,
    pub name: String,
    pub gender: Gender,
    pub id_number: String,
    pub birth_date: NaiveDate,
    pub phone: String,
    pub occupation_group: String,
    pub employer: Option<String>,
    pub org_id: String,
    pub org_name: String,
    pub join_date: NaiveDate,
    pub join_channel: String,
    pub status: String,
    pub notes: Option<String>,
    pub updated_at: String,
    pub ethnic_group: Option<String>,
    pub hukou_address: Option<String>,
    pub residence: Option<String>,
    pub labour_relation: Option<String>,
    pub new_employment: bool,
    pub migrant_worker: bool,
    pub plate_number: Option<String>,
    pub vehicle_type: Option<String>,
    pub qualification_no: Option<String>,
    pub status_reason: Option<String>,
    pub status_date: Option<NaiveDate>,
    pub verified_on: Option<NaiveDate>,
    /// The date the certificate (会员证) was last printed.
    pub card_issued_on: Option<NaiveDate>,
}

pub(crate) const SELECT: &str = "SELECT m.id, m.member_no, m.name, m.gender, m.id_number,
    m.birth_date, m.phone, m.occupation_group, m.employer, m.org_id, o.name, m.join_date,
    m.join_channel, m.status, m.notes, m.updated_at, m.ethnic_group, m.hukou_address,
    m.residence, m.labour_relation, m.new_employment, m.migrant_worker, m.plate_number,
    m.vehicle_type, m.qualification_no, m.status_reason, m.status_date, m.verified_on,
    m.card_issued_on
    FROM members m JOIN org_units o ON o.id = m.org_id";

fn date(s: String) -> NaiveDate {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default()
}

fn opt_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Member> {
    let gender: String = r.get(3)?;
    Ok(Member {
        id: r.get(0)?,
        member_no: r.get(1)?,
        name: r.get(2)?,
        gender: if gender == "male" {
            Gender::Male
        } else {
            Gender::Female
        },
        id_number: r.get(4)?,
        birth_date: date(r.get(5)?),
        phone: r.get(6)?,
        occupation_group: r.get(7)?,
        employer: r.get(8)?,
        org_id: r.get(9)?,
        org_name: r.get(10)?,
        join_date: date(r.get(11)?),
        join_channel: r.get(12)?,
        status: r.get(13)?,
        notes: r.get(14)?,
        updated_at: r.get(15)?,
        ethnic_group: r.get(16)?,
        hukou_address: r.get(17)?,
        residence: r.get(18)?,
        labour_relation: r.get(19)?,
        new_employment: r.get::<_, i64>(20)? != 0,
        migrant_worker: r.get::<_, i64>(21)? != 0,
        plate_number: r.get(22)?,
        vehicle_type: r.get(23)?,
        qualification_no: r.get(24)?,
        status_reason: r.get(25)?,
        status_date: opt_date(r.get(26)?),
        verified_on: opt_date(r.get(27)?),
        card_issued_on: opt_date(r.get(28)?),
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Member> {
    conn.prepare_cached(&format!("{SELECT} WHERE m.id = ?1 AND m.deleted = 0"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "会员",
            key: id.to_string(),
        })
}

/// The member holding this (normalised) citizen ID, if any.
pub fn find_by_id_number(conn: &Connection, id_number: &str) -> Result<Option<Member>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE m.id_number = ?1"))?
        .query_row([id_number], from_row)
        .optional()?)
}

/// `<issuing office's division code><yy><5-digit sequence>`: the office is
/// "this office" (falling back to the holding org), so numbers issued by
/// different offices never collide when records travel upward.
fn allocate_member_no(tx: &Tx, org_id: &str) -> Result<String> {
    let mut nos = allocate_member_nos(tx, org_id, 1)?;
    Ok(nos.pop().expect("one number"))
}

/// `n` consecutive member numbers in one statement (batch import).
pub(crate) fn allocate_member_nos(tx: &Tx, org_id: &str, n: u32) -> Result<Vec<String>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let issuer = orgs::this_office(tx.conn())?.unwrap_or_else(|| org_id.to_string());
    let prefix = orgs::division_prefix(tx.conn(), &issuer)?.unwrap_or_else(|| "000000".into());
    let year = tx.today().year();
    let first: u32 = tx.conn().query_row(
        "INSERT INTO member_no_seq (prefix, year, next) VALUES (?1, ?2, ?3 + 1)
         ON CONFLICT (prefix, year) DO UPDATE SET next = next + ?3
         RETURNING next - ?3",
        rusqlite::params![prefix, year, n],
        |r| r.get(0),
    )?;
    Ok((first..first + n)
        .map(|seq| member::member_no(&prefix, year, seq))
        .collect())
}

pub(crate) fn text(s: Option<String>) -> Value {
    s.map(Value::Text).unwrap_or(Value::Null)
}

/// The columns a cadre edits, from a validated draft.
pub(crate) fn record_values(v: ValidMember) -> Vec<(&'static str, Value)> {
    let gender = match v.gender {
        Gender::Male => "male",
        Gender::Female => "female",
    };
    let (full, initials) = pinyin_keys(&v.name);
    let rev: String = v.id.as_str().chars().rev().collect();
    vec![
        ("name", Value::Text(v.name)),
        ("gender", Value::Text(gender.into())),
        ("id_number", Value::Text(v.id.as_str().to_string())),
        ("birth_date", Value::Text(v.birth_date.to_string())),
        ("phone", Value::Text(v.phone)),
        ("occupation_group", Value::Text(v.occupation_group)),
        ("employer", text(v.employer)),
        ("join_date", Value::Text(v.join_date.to_string())),
        ("join_channel", Value::Text(v.join_channel)),
        ("notes", text(v.notes)),
        ("ethnic_group", text(v.ethnic_group)),
        ("hukou_address", text(v.hukou_address)),
        ("residence", text(v.residence)),
        ("labour_relation", text(v.labour_relation)),
        (
            "new_employment",
            Value::Integer(i64::from(v.new_employment)),
        ),
        (
            "migrant_worker",
            Value::Integer(i64::from(v.migrant_worker)),
        ),
        ("plate_number", text(v.plate_number)),
        ("vehicle_type", text(v.vehicle_type)),
        ("qualification_no", text(v.qualification_no)),
        ("name_pinyin", Value::Text(full)),
        ("name_initials", Value::Text(initials)),
        ("id_rev", Value::Text(rev)),
    ]
}

/// Enrol a new person. One person, one record: an existing citizen ID is
/// refused with [`StoreError::DuplicateMember`] naming the existing record.
pub fn add(tx: &mut Tx, draft: &MemberDraft, org_id: &str) -> Result<Member> {
    let v = member::validate(draft, tx.today())?;
    orgs::get(tx.conn(), org_id)?;
    if let Some(m) = find_by_id_number(tx.conn(), v.id.as_str())? {
        return Err(StoreError::DuplicateMember {
            member_id: m.id,
            name: m.name,
            member_no: m.member_no,
        });
    }
    let id = tx.new_id();
    let member_no = allocate_member_no(tx, org_id)?;
    let join_date = v.join_date.to_string();
    let mut cols = record_values(v);
    cols.push(("member_no", Value::Text(member_no)));
    cols.push(("org_id", Value::Text(org_id.to_string())));
    cols.push(("verified_on", Value::Text(join_date)));
    tx.insert("members", &id, &cols)?;
    get(tx.conn(), &id)
}

/// Edit a member's record. Changing the ID to another person's is refused.
pub fn update(tx: &mut Tx, id: &str, draft: &MemberDraft) -> Result<Member> {
    let v = member::validate(draft, tx.today())?;
    get(tx.conn(), id)?;
    if let Some(m) = find_by_id_number(tx.conn(), v.id.as_str())? {
        if m.id != id {
            return Err(StoreError::DuplicateMember {
                member_id: m.id,
                name: m.name,
                member_no: m.member_no,
            });
        }
    }
    tx.update("members", id, &record_values(v))?;
    get(tx.conn(), id)
}

/// Show the full ID number, recording who looked and why (PIPL).
pub fn reveal_id(tx: &mut Tx, id: &str, purpose: &str) -> Result<String> {
    let m = get(tx.conn(), id)?;
    let actor = tx.actor().map(str::to_string);
    tx.conn().execute(
        "INSERT INTO id_reveals (member_id, actor, at_ms, purpose) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![id, actor, tx.now_ms(), purpose],
    )?;
    Ok(m.id_number)
}

/// How often the full ID was shown, newest first: (actor, at_ms, purpose).
pub fn reveals(conn: &Connection, id: &str) -> Result<Vec<(Option<String>, i64, String)>> {
    let rows = conn
        .prepare_cached(
            "SELECT actor, at_ms, purpose FROM id_reveals WHERE member_id = ?1 ORDER BY seq DESC",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
