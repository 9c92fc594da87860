//! Numbered, append-only migrations. The schema version is `PRAGMA user_version`.

use rusqlite::Connection;

use crate::{Result, StoreError};

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`. Only ever append.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_members.sql"),
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
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        log::info!("database migrated to schema {version}");
    }
    Ok(())
}
