//! Enrolment ceremonies (集中入会仪式): the ceremony record with its 五个一
//! checklist, and the members enrolled at it (`ceremony_attendees`). Both
//! tables travel; every write goes through [`Tx`].

use chrono::NaiveDate;
use ledger_core::member::MemberDraft;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::members::{self, Member};
use crate::{orgs, Result, StoreError, Tx};

/// The join channel of a member enrolled at a ceremony.
pub const CEREMONY_CHANNEL: &str = "集中入会仪式";

/// The 五个一 checklist of a ceremony.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checklist {
    /// 一证: certificates handed out.
    pub certificate: bool,
    /// 一徽: union badges handed out.
    pub badge: bool,
    /// 一式: the ceremony itself held.
    pub rite: bool,
    /// 一宣: the application read together.
    pub reading: bool,
    /// 一包: gift packs handed out.
    pub pack: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ceremony {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    pub date: NaiveDate,
    pub place: String,
    pub notes: Option<String>,
    pub checklist: Checklist,
    pub updated_at: String,
    /// Live attendees.
    pub attendees: u32,
    /// Attendees whose certificate has been printed.
    pub printed: u32,
}

/// The fields a cadre sets.
#[derive(Debug, Clone, Default)]
pub struct CeremonyFields {
    pub org_id: String,
    pub date: NaiveDate,
    pub place: String,
    pub notes: Option<String>,
    pub checklist: Checklist,
}

const SELECT: &str = "SELECT c.id, c.org_id, o.name, c.date, c.place, c.notes,
    c.has_certificate, c.has_badge, c.has_rite, c.has_reading, c.has_pack, c.updated_at,
    (SELECT count(DISTINCT a.member_id) FROM ceremony_attendees a JOIN members m ON m.id = a.member_id
      WHERE a.ceremony_id = c.id AND a.deleted = 0 AND m.deleted = 0),
    (SELECT count(DISTINCT a.member_id) FROM ceremony_attendees a JOIN members m ON m.id = a.member_id
      WHERE a.ceremony_id = c.id AND a.deleted = 0 AND m.deleted = 0
        AND m.card_issued_on IS NOT NULL)
    FROM ceremonies c JOIN org_units o ON o.id = c.org_id";

fn from_row(r: &Row) -> rusqlite::Result<Ceremony> {
    let flag = |i: usize| -> rusqlite::Result<bool> { Ok(r.get::<_, i64>(i)? != 0) };
    let date: String = r.get(3)?;
    Ok(Ceremony {
        id: r.get(0)?,
        org_id: r.get(1)?,
        org_name: r.get(2)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
        place: r.get(4)?,
        notes: r.get(5)?,
        checklist: Checklist {
            certificate: flag(6)?,
            badge: flag(7)?,
            rite: flag(8)?,
            reading: flag(9)?,
            pack: flag(10)?,
        },
        updated_at: r.get(11)?,
        attendees: r.get(12)?,
        printed: r.get(13)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Ceremony> {
    conn.prepare_cached(&format!("{SELECT} WHERE c.id = ?1 AND c.deleted = 0"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "入会仪式",
            key: id.to_string(),
        })
}

/// Live ceremonies, newest first; with `org_id`, those held by that org or
/// any org below it.
pub fn list(conn: &Connection, org_id: Option<&str>) -> Result<Vec<Ceremony>> {
    let rows = match org_id.filter(|s| !s.is_empty()) {
        Some(org) => {
            orgs::get(conn, org)?;
            let ids = orgs::subtree_ids(conn, org)?;
            let marks = (1..=ids.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            conn.prepare(&format!(
                "{SELECT} WHERE c.deleted = 0 AND c.org_id IN ({marks})
                 ORDER BY c.date DESC, c.id DESC"
            ))?
            .query_map(rusqlite::params_from_iter(ids.iter()), from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
        }
        None => conn
            .prepare_cached(&format!(
                "{SELECT} WHERE c.deleted = 0 ORDER BY c.date DESC, c.id DESC"
            ))?
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };
    Ok(rows)
}

fn values(f: &CeremonyFields) -> Vec<(&'static str, Value)> {
    let flag = |b: bool| Value::Integer(i64::from(b));
    let notes = f
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Value::Text(s.to_string()))
        .unwrap_or(Value::Null);
    vec![
        ("org_id", Value::Text(f.org_id.clone())),
        ("date", Value::Text(f.date.to_string())),
        ("place", Value::Text(f.place.trim().to_string())),
        ("notes", notes),
        ("has_certificate", flag(f.checklist.certificate)),
        ("has_badge", flag(f.checklist.badge)),
        ("has_rite", flag(f.checklist.rite)),
        ("has_reading", flag(f.checklist.reading)),
        ("has_pack", flag(f.checklist.pack)),
    ]
}

fn check(conn: &Connection, f: &CeremonyFields) -> Result<()> {
    orgs::get(conn, &f.org_id)?;
    if f.place.trim().is_empty() {
        return Err(StoreError::Conflict("仪式地点：不能为空".into()));
    }
    Ok(())
}

pub fn create(tx: &mut Tx, f: &CeremonyFields) -> Result<Ceremony> {
    check(tx.conn(), f)?;
    let id = tx.new_id();
    tx.insert("ceremonies", &id, &values(f))?;
    get(tx.conn(), &id)
}

pub fn update(tx: &mut Tx, id: &str, f: &CeremonyFields) -> Result<Ceremony> {
    get(tx.conn(), id)?;
    check(tx.conn(), f)?;
    tx.update("ceremonies", id, &values(f))?;
    get(tx.conn(), id)
}

/// Soft-delete a ceremony that has no attendees left: a ceremony at which
/// members were enrolled is part of their record.
pub fn delete(tx: &mut Tx, id: &str) -> Result<()> {
    let c = get(tx.conn(), id)?;
    if c.attendees > 0 {
        return Err(StoreError::Conflict(format!(
            "{}的入会仪式已登记{}名会员，不能删除；如确需删除，请先把会员移出这次仪式",
            c.date, c.attendees
        )));
    }
    tx.delete("ceremonies", id)
}

/// The live attendees of a ceremony, in the order they were enrolled.
pub fn attendees(conn: &Connection, id: &str) -> Result<Vec<Member>> {
    get(conn, id)?;
    let sel = crate::printing::select(
        conn,
        &crate::printing::Batch::Ceremony(id.to_string()),
        false,
        usize::MAX,
    )?;
    Ok(sel.members)
}

fn link_ids(conn: &Connection, ceremony_id: &str, member_id: &str) -> Result<Vec<String>> {
    let ids = conn
        .prepare_cached(
            "SELECT id FROM ceremony_attendees
             WHERE ceremony_id = ?1 AND member_id = ?2 AND deleted = 0",
        )?
        .query_map([ceremony_id, member_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Link existing members to a ceremony; members already linked are
/// skipped. Returns how many were added.
pub fn add_attendees(tx: &mut Tx, ceremony_id: &str, member_ids: &[String]) -> Result<usize> {
    get(tx.conn(), ceremony_id)?;
    if member_ids.is_empty() {
        return Err(StoreError::Conflict("请至少选择一名会员".into()));
    }
    let mut n = 0;
    for member_id in member_ids {
        members::get(tx.conn(), member_id)?;
        if !link_ids(tx.conn(), ceremony_id, member_id)?.is_empty() {
            continue;
        }
        let id = tx.new_id();
        tx.insert(
            "ceremony_attendees",
            &id,
            &[
                ("ceremony_id", Value::Text(ceremony_id.to_string())),
                ("member_id", Value::Text(member_id.clone())),
            ],
        )?;
        n += 1;
    }
    Ok(n)
}

/// Unlink members from a ceremony (they stay members). Returns how many
/// were linked.
pub fn remove_attendees(tx: &mut Tx, ceremony_id: &str, member_ids: &[String]) -> Result<usize> {
    get(tx.conn(), ceremony_id)?;
    let mut n = 0;
    for member_id in member_ids {
        let links = link_ids(tx.conn(), ceremony_id, member_id)?;
        if !links.is_empty() {
            n += 1;
        }
        for link in links {
            tx.delete("ceremony_attendees", &link)?;
        }
    }
    Ok(n)
}

/// Enrol a new member on the spot: the member joins through the channel
/// 集中入会仪式, on the ceremony's date unless another is given, held by
/// `org_id` or else the ceremony's org; then is linked to the ceremony.
pub fn enrol(
    tx: &mut Tx,
    ceremony_id: &str,
    draft: &MemberDraft,
    org_id: Option<&str>,
) -> Result<Member> {
    let c = get(tx.conn(), ceremony_id)?;
    let mut d = draft.clone();
    d.join_channel = Some(CEREMONY_CHANNEL.to_string());
    if d.join_date.is_none() {
        if c.date > tx.today() {
            return Err(StoreError::Conflict(format!(
                "这次入会仪式定在{}，还没有到日期，现在不能现场登记入会",
                c.date
            )));
        }
        d.join_date = Some(c.date);
    }
    let org = org_id.filter(|s| !s.is_empty()).unwrap_or(&c.org_id);
    let m = members::add(tx, &d, org)?;
    add_attendees(tx, ceremony_id, std::slice::from_ref(&m.id))?;
    Ok(m)
}
