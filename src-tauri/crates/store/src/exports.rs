//! Records of personal data written out to files (PIPL): every roster
//! export and comparison export, like `id_reveals` for the screen. An
//! export with full citizen IDs also counts as showing each member's full
//! ID, so it appears in that member's reveal count.

use rusqlite::Connection;

use crate::{Result, Tx};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Export {
    /// `roster` or `roster_compare`.
    pub kind: String,
    pub file_name: String,
    pub rows: u64,
    pub full_id: bool,
    /// Why full IDs were needed.
    pub purpose: Option<String>,
    /// JSON: the list filters, or the compared file and part.
    pub filters: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportEntry {
    pub seq: i64,
    pub export: Export,
    pub actor: Option<String>,
    pub at_ms: i64,
}

/// Record an export. `members` are the ledger members whose full ID the
/// file holds (only when `full_id`): one `id_reveals` row each.
pub fn record(tx: &mut Tx, e: &Export, members: &[String]) -> Result<i64> {
    let actor = tx.actor().map(str::to_string);
    let at = tx.now_ms();
    tx.conn().execute(
        "INSERT INTO exports (kind, file_name, rows, full_id, purpose, filters, actor, at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            e.kind,
            e.file_name,
            e.rows as i64,
            i64::from(e.full_id),
            e.purpose,
            e.filters,
            actor,
            at
        ],
    )?;
    let seq = tx.conn().last_insert_rowid();
    if e.full_id {
        let purpose = format!(
            "导出完整身份证号：{}{}",
            e.file_name,
            e.purpose
                .as_deref()
                .map(|p| format!("（{p}）"))
                .unwrap_or_default()
        );
        let mut stmt = tx.conn().prepare_cached(
            "INSERT INTO id_reveals (member_id, actor, at_ms, purpose) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for m in members {
            stmt.execute(rusqlite::params![m, actor, at, purpose])?;
        }
    }
    Ok(seq)
}

/// Newest first.
pub fn list(conn: &Connection, limit: u32) -> Result<Vec<ExportEntry>> {
    let rows = conn
        .prepare_cached(
            "SELECT seq, kind, file_name, rows, full_id, purpose, filters, actor, at_ms
             FROM exports ORDER BY seq DESC LIMIT ?1",
        )?
        .query_map([limit], |r| {
            Ok(ExportEntry {
                seq: r.get(0)?,
                export: Export {
                    kind: r.get(1)?,
                    file_name: r.get(2)?,
                    rows: r.get::<_, i64>(3)? as u64,
                    full_id: r.get::<_, i64>(4)? != 0,
                    purpose: r.get(5)?,
                    filters: r.get(6)?,
                },
                actor: r.get(7)?,
                at_ms: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
