//! The link from a person served as a non-member to the member they
//! became: set by a cadre, or made when the person is enrolled from their
//! record (otherwise the same phone links them at query time).

use ledger_core::member::MemberDraft;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::records::{get, text, Record, RecordKind};
use crate::members::{self, Member};
use crate::{Result, StoreError, Tx};

fn person(conn: &Connection, id: &str) -> Result<Record> {
    let r = get(conn, id)?;
    if r.kind != RecordKind::Person {
        return Err(StoreError::Conflict(
            "只有未入会人员的服务记录才能关联入会的会员".into(),
        ));
    }
    Ok(r)
}

/// Link a person's record to the member they became (`None`: unlink; the
/// phone match still applies).
pub fn link_member(tx: &mut Tx, id: &str, member_id: Option<&str>) -> Result<Record> {
    person(tx.conn(), id)?;
    if let Some(m) = member_id {
        members::get(tx.conn(), m)?;
    }
    tx.update(
        "service_records",
        id,
        &[("joined_member_id", text(member_id.map(str::to_string)))],
    )?;
    get(tx.conn(), id)
}

/// Enrol the person of a record and link every record of that phone not yet
/// linked explicitly, in the caller's transaction.
pub fn enrol_person(
    tx: &mut Tx,
    id: &str,
    draft: &MemberDraft,
    org_id: &str,
) -> Result<(Member, Record)> {
    let r = person(tx.conn(), id)?;
    if let Some(j) = r.joined.as_ref().filter(|j| j.explicit) {
        return Err(StoreError::Conflict(format!(
            "这位服务对象已入会（{}，会员编号 {}）",
            j.name, j.member_no
        )));
    }
    let m = members::add(tx, draft, org_id)?;
    let same: Vec<String> = tx
        .conn()
        .prepare(
            "SELECT id FROM service_records WHERE kind = 'person' AND deleted = 0
               AND joined_member_id IS NULL AND (id = ?1 OR person_phone = ?2)",
        )?
        .query_map([id, r.person_phone.as_deref().unwrap_or("")], |row| {
            row.get(0)
        })?
        .collect::<rusqlite::Result<_>>()?;
    for rid in same {
        tx.update(
            "service_records",
            &rid,
            &[("joined_member_id", Value::Text(m.id.clone()))],
        )?;
    }
    let rec = get(tx.conn(), id)?;
    Ok((m, rec))
}
