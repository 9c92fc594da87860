//! Finding service records: by date range, post (or outreach), org
//! subtree, type, kind, ticket state, pending invitations, or member.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::records::{from_row, Record, RecordKind, COLUMNS, FROM};
use crate::{orgs, Result};

/// Which post a query is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PostFilter {
    #[default]
    Any,
    /// Outreach only (no post).
    Outreach,
    Post(String),
}

#[derive(Debug, Clone, Default)]
pub struct RecordQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub post: PostFilter,
    /// Records of this org or any org below it.
    pub org_id: Option<String>,
    pub service_type: Option<String>,
    pub kind: Option<RecordKind>,
    pub ticket_status: Option<String>,
    /// People invited to join who have not joined.
    pub invite_pending: bool,
    /// Records of this member, as a member or as the person they were.
    pub member_id: Option<String>,
}

pub(crate) fn where_sql(conn: &Connection, q: &RecordQuery) -> Result<(String, Vec<Value>)> {
    let mut w = vec!["r.deleted = 0".to_string()];
    let mut params: Vec<Value> = Vec::new();
    let push = |params: &mut Vec<Value>, v: Value| {
        params.push(v);
        format!("?{}", params.len())
    };
    if let Some(d) = q.from {
        w.push(format!(
            "r.date >= {}",
            push(&mut params, Value::Text(d.to_string()))
        ));
    }
    if let Some(d) = q.to {
        w.push(format!(
            "r.date <= {}",
            push(&mut params, Value::Text(d.to_string()))
        ));
    }
    match &q.post {
        PostFilter::Any => {}
        PostFilter::Outreach => w.push("r.post_id IS NULL".into()),
        PostFilter::Post(id) => w.push(format!(
            "r.post_id = {}",
            push(&mut params, Value::Text(id.clone()))
        )),
    }
    if let Some(org) = q.org_id.as_deref().filter(|s| !s.is_empty()) {
        orgs::get(conn, org)?;
        let marks = orgs::subtree_ids(conn, org)?
            .into_iter()
            .map(|id| push(&mut params, Value::Text(id)))
            .collect::<Vec<_>>()
            .join(", ");
        w.push(format!("r.org_id IN ({marks})"));
    }
    if let Some(t) = q.service_type.as_deref().filter(|s| !s.is_empty()) {
        w.push(format!(
            "r.service_type = {}",
            push(&mut params, Value::Text(t.into()))
        ));
    }
    if let Some(k) = q.kind {
        w.push(format!(
            "r.kind = {}",
            push(&mut params, Value::Text(k.code().into()))
        ));
    }
    if let Some(s) = q.ticket_status.as_deref().filter(|s| !s.is_empty()) {
        w.push(format!(
            "r.ticket_status = {}",
            push(&mut params, Value::Text(s.into()))
        ));
    }
    if q.invite_pending {
        w.push("r.kind = 'person' AND r.invite = 1 AND j.id IS NULL".into());
    }
    if let Some(m) = &q.member_id {
        let mark = push(&mut params, Value::Text(m.clone()));
        w.push(format!("(r.member_id = {mark} OR j.id = {mark})"));
    }
    Ok((w.join(" AND "), params))
}

/// Matching records, newest first, with the total count.
pub fn list(
    conn: &Connection,
    q: &RecordQuery,
    limit: usize,
    offset: usize,
) -> Result<(u32, Vec<Record>)> {
    let (w, params) = where_sql(conn, q)?;
    let total: u32 = conn
        .prepare(&format!("SELECT count(*) {FROM} WHERE {w}"))?
        .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    let rows = conn
        .prepare(&format!(
            "SELECT {COLUMNS} {FROM} WHERE {w} ORDER BY r.date DESC, r.id DESC LIMIT {limit} OFFSET {offset}"
        ))?
        .query_map(rusqlite::params_from_iter(params.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total, rows))
}
