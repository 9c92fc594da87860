//! Office settings kept in `meta`, with their defaults.

use rusqlite::{Connection, OptionalExtension};

use crate::{Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Members of one employer at which founding a union is suggested
    /// (Trade Union Law: 25 for a union committee).
    pub union_threshold: u32,
    /// Days after which a record counts as stale (数据保鲜: three months).
    pub stale_days: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            union_threshold: 25,
            stale_days: 90,
        }
    }
}

fn read(conn: &Connection, key: &str) -> Result<Option<u32>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
        .and_then(|v| v.parse().ok()))
}

pub fn get(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        union_threshold: read(conn, "setting.union_threshold")?.unwrap_or(d.union_threshold),
        stale_days: read(conn, "setting.stale_days")?.unwrap_or(d.stale_days),
    })
}

pub fn set(tx: &mut Tx, s: &Settings) -> Result<()> {
    if !(3..=1000).contains(&s.union_threshold) {
        return Err(StoreError::Conflict("建会提醒人数：应在3到1000之间".into()));
    }
    if !(7..=3650).contains(&s.stale_days) {
        return Err(StoreError::Conflict("核实周期：应在7到3650天之间".into()));
    }
    tx.set_meta("setting.union_threshold", &s.union_threshold.to_string())?;
    tx.set_meta("setting.stale_days", &s.stale_days.to_string())
}
