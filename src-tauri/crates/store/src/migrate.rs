//! Numbered, append-only migrations. The schema version is `PRAGMA user_version`.

use rusqlite::Connection;

use crate::{Result, StoreError};

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`. Only ever append.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_members.sql"),
    include_str!("../migrations/0003_member_ledger.sql"),
    include_str!("../migrations/0004_printing.sql"),
    include_str!("../migrations/0005_sheets.sql"),
    include_str!("../migrations/0006_outbound.sql"),
    include_str!("../migrations/0007_posts.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring `conn` up to `target` (normally [`SCHEMA_VERSION`]), each step in its
/// own transaction. A database newer than this binary is refused untouched.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for version in found + 1..=target {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[(version - 1) as usize])?;
        fill_derived(&tx, version)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        log::info!("database migrated to schema {version}");
    }
    Ok(())
}

/// Fill derived columns that SQL alone cannot compute (pinyin keys) for
/// rows written before the migration that introduced them.
fn fill_derived(conn: &Connection, version: i64) -> Result<()> {
    if version != 3 {
        return Ok(());
    }
    let rows: Vec<(String, String, String)> = conn
        .prepare("SELECT id, name, id_number FROM members")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare(
        "UPDATE members SET name_pinyin = ?2, name_initials = ?3, id_rev = ?4 WHERE id = ?1",
    )?;
    for (id, name, id_number) in rows {
        let (full, initials) = ledger_core::names::pinyin_keys(&name);
        let rev: String = id_number.chars().rev().collect();
        update.execute(rusqlite::params![id, full, initials, rev])?;
    }
    Ok(())
}
