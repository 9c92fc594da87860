//! The member ledger (members).

use chrono::{Datelike, NaiveDate};
use ledger_core::citizen_id::Gender;
use ledger_core::member::{self, MemberDraft};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

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
}

const SELECT: &str = "SELECT m.id, m.member_no, m.name, m.gender, m.id_number, m.birth_date,
    m.phone, m.occupation_group, m.employer, m.org_id, o.name, m.join_date, m.join_channel,
    m.status, m.notes, m.updated_at
    FROM members m JOIN org_units o ON o.id = m.org_id";

fn date(s: String) -> NaiveDate {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default()
}

fn from_row(r: &Row) -> rusqlite::Result<Member> {
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
    let issuer = orgs::this_office(tx.conn())?.unwrap_or_else(|| org_id.to_string());
    let prefix = orgs::division_prefix(tx.conn(), &issuer)?.unwrap_or_else(|| "000000".into());
    let year = tx.today().year();
    let seq: u32 = tx.conn().query_row(
        "INSERT INTO member_no_seq (prefix, year, next) VALUES (?1, ?2, 2)
         ON CONFLICT (prefix, year) DO UPDATE SET next = next + 1
         RETURNING next - 1",
        rusqlite::params![prefix, year],
        |r| r.get(0),
    )?;
    Ok(member::member_no(&prefix, year, seq))
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
    let opt = |s: Option<String>| s.map(Value::Text).unwrap_or(Value::Null);
    let gender = match v.gender {
        Gender::Male => "male",
        Gender::Female => "female",
    };
    tx.insert(
        "members",
        &id,
        &[
            ("member_no", Value::Text(member_no)),
            ("name", Value::Text(v.name)),
            ("gender", Value::Text(gender.into())),
            ("id_number", Value::Text(v.id.as_str().to_string())),
            ("birth_date", Value::Text(v.birth_date.to_string())),
            ("phone", Value::Text(v.phone)),
            ("occupation_group", Value::Text(v.occupation_group)),
            ("employer", opt(v.employer)),
            ("org_id", Value::Text(org_id.to_string())),
            ("join_date", Value::Text(v.join_date.to_string())),
            ("join_channel", Value::Text(v.join_channel)),
            ("notes", opt(v.notes)),
        ],
    )?;
    get(tx.conn(), &id)
}

/// What the member list asks for.
#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    /// Name prefix, member number, last digits of the ID, or phone.
    pub text: Option<String>,
    /// Members held by this org or any org below it.
    pub org_id: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// One page of members, newest joiners first, and the total count.
pub fn search(conn: &Connection, q: &MemberQuery) -> Result<(Vec<Member>, u64)> {
    let mut wheres = vec!["m.deleted = 0".to_string()];
    let mut params: Vec<Value> = Vec::new();
    if let Some(org) = q.org_id.as_deref().filter(|s| !s.is_empty()) {
        params.push(Value::Text(org.to_string()));
        wheres.push(format!(
            "m.org_id IN (WITH RECURSIVE t(id) AS (SELECT ?{n} UNION ALL
               SELECT o.id FROM org_units o JOIN t ON o.parent_id = t.id WHERE o.deleted = 0)
             SELECT id FROM t)",
            n = params.len()
        ));
    }
    if let Some(text) = q.text.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let t = ledger_core::citizen_id::normalize(text);
        let is_digits = t.chars().all(|c| c.is_ascii_digit() || c == 'X');
        params.push(Value::Text(format!("{t}%")));
        let prefix = params.len();
        if is_digits {
            params.push(Value::Text(format!("%{t}")));
            wheres.push(format!(
                "(m.phone LIKE ?{prefix} OR m.member_no LIKE ?{prefix} OR m.id_number LIKE ?{})",
                params.len()
            ));
        } else {
            wheres.push(format!("m.name LIKE ?{prefix}"));
        }
    }
    let filter = wheres.join(" AND ");
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM members m WHERE {filter}"))?
        .query_row(params_from_iter(params.iter()), |r| r.get(0))?;
    let limit = q.limit.clamp(1, 500);
    let mut page_params = params.clone();
    page_params.push(Value::Integer(i64::from(limit)));
    page_params.push(Value::Integer(i64::from(q.offset)));
    let n = page_params.len();
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {filter} ORDER BY m.join_date DESC, m.member_no DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    ))?;
    let rows = stmt
        .query_map(params_from_iter(page_params.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total as u64))
}
