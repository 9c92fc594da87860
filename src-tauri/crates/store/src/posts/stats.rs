//! The figures of a date range (optionally one post or one org's subtree):
//! the records are read as [`Fact`]s and added up by
//! [`ledger_core::posts::figures`], which is where the counting rules live.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ledger_core::posts::figures::{figures, Fact, Figures, Joined, Served};
use rusqlite::{Connection, OptionalExtension};

use super::query::where_sql;
use super::records::{RecordQuery, FROM};
use crate::Result;

/// The figures plus the names they refer to.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub figures: Figures,
    /// Post id → name, for `by_post` and conversions.
    pub post_names: BTreeMap<String, String>,
    /// Member id → (name, member number), for conversions.
    pub members: BTreeMap<String, (String, String)>,
}

fn date(s: String) -> NaiveDate {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default()
}

/// The facts matching `q` (its date range, post and org).
pub fn facts(conn: &Connection, q: &RecordQuery) -> Result<Vec<Fact>> {
    let (w, params) = where_sql(conn, q)?;
    let sql = format!(
        "SELECT r.date, r.post_id, r.service_type, r.kind, r.member_id, r.person_phone,
                r.invite, j.id, j.join_date, r.count, r.ticket_status
         {FROM} WHERE {w}"
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(params.iter()), |r| {
            let kind: String = r.get(3)?;
            let served = match kind.as_str() {
                "member" => Served::Member(r.get(4)?),
                "person" => Served::Person {
                    phone: r.get(5)?,
                    invite: r.get::<_, i64>(6)? != 0,
                    joined: match r.get::<_, Option<String>>(7)? {
                        Some(member_id) => Some(Joined {
                            member_id,
                            join_date: date(r.get(8)?),
                        }),
                        None => None,
                    },
                },
                _ => Served::Aggregate(r.get(9)?),
            };
            Ok(Fact {
                date: date(r.get(0)?),
                post: r.get(1)?,
                service_type: r.get(2)?,
                served,
                ticket_status: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn stats(conn: &Connection, q: &RecordQuery) -> Result<Stats> {
    let facts = facts(conn, q)?;
    let figures = figures(&facts);
    let mut post_names = BTreeMap::new();
    let mut name = conn.prepare_cached("SELECT name FROM service_posts WHERE id = ?1")?;
    let ids = figures
        .by_post
        .keys()
        .filter(|k| !k.is_empty())
        .cloned()
        .chain(figures.conversions.iter().filter_map(|c| c.post.clone()))
        .collect::<Vec<_>>();
    for id in ids {
        if let Some(n) = name
            .query_row([&id], |r| r.get::<_, String>(0))
            .optional()?
        {
            post_names.insert(id, n);
        }
    }
    let mut members = BTreeMap::new();
    let mut member = conn.prepare_cached("SELECT name, member_no FROM members WHERE id = ?1")?;
    for c in &figures.conversions {
        if let Some(m) = member
            .query_row([&c.member_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        {
            members.insert(c.member_id.clone(), m);
        }
    }
    Ok(Stats {
        figures,
        post_names,
        members,
    })
}
