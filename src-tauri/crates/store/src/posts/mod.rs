//! Service posts (服务阵地) and what they deliver. Posts and service records
//! travel; every write goes through [`Tx`]. The list of service types is a
//! local setting ([`types`]).
//!
//! - this file: the posts themselves;
//! - [`records`]: service records and tickets (with `query.rs`, finding them,
//!   and `links.rs`, the link to the member a person became);
//! - [`types`]: the office's editable list of service types;
//! - [`stats`]: the figures of a date range.

mod links;
mod query;
pub mod records;
pub mod stats;
pub mod types;

use chrono::NaiveDate;
use ledger_core::posts::{self, PostDraft};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::{orgs, Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    /// The org's join URL (the poster's fallback link).
    pub org_join_url: Option<String>,
    pub fields: PostDraft,
    /// Live service records at this post.
    pub records: u32,
    pub updated_at: String,
}

const SELECT: &str = "SELECT p.id, p.org_id, o.name, o.join_url, p.name, p.kind, p.partner,
    p.address, p.latitude, p.longitude, p.facilities, p.hours, p.open_24h, p.unattended_qr,
    p.contact_name, p.contact_phone, p.opened_on, p.status, p.status_date, p.page_url, p.notes,
    p.updated_at,
    (SELECT count(*) FROM service_records r WHERE r.post_id = p.id AND r.deleted = 0)
    FROM service_posts p JOIN org_units o ON o.id = p.org_id";

pub(crate) fn opt_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn from_row(r: &Row) -> rusqlite::Result<Post> {
    let facilities: String = r.get(10)?;
    Ok(Post {
        id: r.get(0)?,
        org_id: r.get(1)?,
        org_name: r.get(2)?,
        org_join_url: r.get(3)?,
        fields: PostDraft {
            name: r.get(4)?,
            kind: r.get(5)?,
            partner: r.get(6)?,
            address: r.get(7)?,
            latitude: r.get(8)?,
            longitude: r.get(9)?,
            facilities: serde_json::from_str(&facilities).unwrap_or_default(),
            hours: r.get(11)?,
            open_24h: r.get::<_, i64>(12)? != 0,
            unattended_qr: r.get::<_, i64>(13)? != 0,
            contact_name: r.get(14)?,
            contact_phone: r.get(15)?,
            opened_on: opt_date(r.get(16)?),
            status: r.get(17)?,
            status_date: opt_date(r.get(18)?),
            page_url: r.get(19)?,
            notes: r.get(20)?,
        },
        updated_at: r.get(21)?,
        records: r.get(22)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Post> {
    conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1 AND p.deleted = 0"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "服务阵地",
            key: id.to_string(),
        })
}

/// Filters of [`list`]; all optional.
#[derive(Debug, Clone, Default)]
pub struct PostQuery {
    /// Posts run by this org or any org below it.
    pub org_id: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Contained in the name, address or partner.
    pub text: Option<String>,
}

/// Live posts, by org then name.
pub fn list(conn: &Connection, q: &PostQuery) -> Result<Vec<Post>> {
    let mut wheres = vec!["p.deleted = 0".to_string()];
    let mut params: Vec<Value> = Vec::new();
    if let Some(org) = q.org_id.as_deref().filter(|s| !s.is_empty()) {
        orgs::get(conn, org)?;
        let ids = orgs::subtree_ids(conn, org)?;
        let marks = ids
            .iter()
            .map(|id| {
                params.push(Value::Text(id.clone()));
                format!("?{}", params.len())
            })
            .collect::<Vec<_>>()
            .join(", ");
        wheres.push(format!("p.org_id IN ({marks})"));
    }
    for (col, v) in [("p.kind", &q.kind), ("p.status", &q.status)] {
        if let Some(v) = v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            params.push(Value::Text(v.to_string()));
            wheres.push(format!("{col} = ?{}", params.len()));
        }
    }
    if let Some(t) = q.text.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        params.push(Value::Text(format!("%{t}%")));
        let n = params.len();
        wheres.push(format!(
            "(p.name LIKE ?{n} OR p.address LIKE ?{n} OR ifnull(p.partner, '') LIKE ?{n})"
        ));
    }
    let sql = format!(
        "{SELECT} WHERE {} ORDER BY o.name, p.name, p.id",
        wheres.join(" AND ")
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(params), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn text(s: &Option<String>) -> Value {
    s.clone().map(Value::Text).unwrap_or(Value::Null)
}

fn values(org_id: &str, p: &PostDraft) -> Vec<(&'static str, Value)> {
    let real = |x: Option<f64>| x.map(Value::Real).unwrap_or(Value::Null);
    let date = |d: Option<NaiveDate>| d.map(|d| Value::Text(d.to_string())).unwrap_or(Value::Null);
    vec![
        ("name", Value::Text(p.name.clone())),
        ("kind", Value::Text(p.kind.clone())),
        ("org_id", Value::Text(org_id.to_string())),
        ("partner", text(&p.partner)),
        ("address", Value::Text(p.address.clone())),
        ("latitude", real(p.latitude)),
        ("longitude", real(p.longitude)),
        (
            "facilities",
            Value::Text(serde_json::to_string(&p.facilities).unwrap_or_else(|_| "[]".into())),
        ),
        ("hours", text(&p.hours)),
        ("open_24h", Value::Integer(i64::from(p.open_24h))),
        ("unattended_qr", Value::Integer(i64::from(p.unattended_qr))),
        ("contact_name", text(&p.contact_name)),
        ("contact_phone", text(&p.contact_phone)),
        ("opened_on", date(p.opened_on)),
        ("status", Value::Text(p.status.clone())),
        ("status_date", date(p.status_date)),
        ("page_url", text(&p.page_url)),
        ("notes", text(&p.notes)),
    ]
}

/// A live post of the same name under the same org is refused.
fn check_name(conn: &Connection, org_id: &str, name: &str, except: Option<&str>) -> Result<()> {
    let other: Option<String> = conn
        .query_row(
            "SELECT id FROM service_posts WHERE org_id = ?1 AND name = ?2 AND deleted = 0
               AND id <> ?3 LIMIT 1",
            [org_id, name, except.unwrap_or("")],
            |r| r.get(0),
        )
        .optional()?;
    match other {
        Some(_) => Err(posts::PostError::new(
            "name",
            "阵地名称",
            format!("本单位已有名为“{name}”的服务阵地"),
        )
        .into()),
        None => Ok(()),
    }
}

pub fn create(tx: &mut Tx, org_id: &str, d: &PostDraft) -> Result<Post> {
    let p = posts::validate_post(d, tx.today())?;
    orgs::get(tx.conn(), org_id)?;
    check_name(tx.conn(), org_id, &p.name, None)?;
    let id = tx.new_id();
    tx.insert("service_posts", &id, &values(org_id, &p))?;
    get(tx.conn(), &id)
}

pub fn update(tx: &mut Tx, id: &str, org_id: &str, d: &PostDraft) -> Result<Post> {
    get(tx.conn(), id)?;
    let p = posts::validate_post(d, tx.today())?;
    orgs::get(tx.conn(), org_id)?;
    check_name(tx.conn(), org_id, &p.name, Some(id))?;
    tx.update("service_posts", id, &values(org_id, &p))?;
    // Records at the post belong to the post's org.
    let moved: Vec<String> = tx
        .conn()
        .prepare(
            "SELECT id FROM service_records WHERE post_id = ?1 AND org_id <> ?2 AND deleted = 0",
        )?
        .query_map([id, org_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for rid in moved {
        tx.update(
            "service_records",
            &rid,
            &[("org_id", Value::Text(org_id.to_string()))],
        )?;
    }
    get(tx.conn(), id)
}

/// Soft-delete a post without records; a post that served people is part
/// of the figures — set it to 撤销 instead.
pub fn delete(tx: &mut Tx, id: &str) -> Result<()> {
    let p = get(tx.conn(), id)?;
    if p.records > 0 {
        return Err(StoreError::Conflict(format!(
            "“{}”已有{}条服务记录，不能删除；停止运营请把状态改为“撤销”",
            p.fields.name, p.records
        )));
    }
    tx.delete("service_posts", id)
}
