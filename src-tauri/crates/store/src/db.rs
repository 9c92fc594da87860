//! Opening a database: the one place pragmas are set.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use ledger_core::hlc::Hlc;
use rusqlite::{Connection, OptionalExtension};

use crate::migrate::{migrate_to, SCHEMA_VERSION};
use crate::tx::{new_id, Tx};
use crate::{Clock, Result};

/// One office's ledger: a SQLite file plus this device's identity.
pub struct Store {
    conn: Connection,
    device_id: String,
    clock: Arc<dyn Clock>,
    path: Option<PathBuf>,
    actor: Option<String>,
}

impl Store {
    /// Open (creating if needed) and migrate the database at `path`.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        Store::open_at(path, clock, SCHEMA_VERSION)
    }

    /// Open and migrate only up to `version`: for upgrade tests.
    #[doc(hidden)]
    pub fn open_at(path: &Path, clock: Arc<dyn Clock>, version: i64) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::from_connection(conn, clock, Some(path.to_path_buf()), version)
    }

    /// A throw-away database for tests and benchmarks.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Store::from_connection(conn, clock, None, SCHEMA_VERSION)
    }

    fn from_connection(
        mut conn: Connection,
        clock: Arc<dyn Clock>,
        path: Option<PathBuf>,
        version: i64,
    ) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 64 MiB page cache: lists and counts over a county's ledger stay in memory.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        if path.is_some() {
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if mode != "wal" {
                log::warn!("journal_mode is {mode}, not wal");
            }
        }
        migrate_to(&mut conn, version)?;
        let existing: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| {
                r.get(0)
            })
            .optional()?;
        let device_id = match existing {
            Some(id) => id,
            None => {
                let id = new_id(clock.now_ms());
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('device_id', ?1)",
                    [&id],
                )?;
                id
            }
        };
        Ok(Store {
            conn,
            device_id,
            clock,
            path,
            actor: None,
        })
    }

    /// Read access. Writes go through [`Store::transact`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The cadre named in the change log for the following writes.
    pub fn set_actor(&mut self, actor: Option<String>) {
        self.actor = actor.filter(|a| !a.trim().is_empty());
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// The one write path: run `f` in a transaction; commit if it returns
    /// `Ok`, roll back everything (rows and change-log entries) if not.
    pub fn transact<T>(&mut self, f: impl FnOnce(&mut Tx) -> Result<T>) -> Result<T> {
        let now_ms = self.clock.now_ms();
        let today = self.clock.today();
        let tx = self.conn.transaction()?;
        let last = tx
            .query_row("SELECT value FROM meta WHERE key = 'hlc_last'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .and_then(|s| Hlc::parse(&s).ok());
        let mut t = Tx::new(
            tx,
            &self.device_id,
            self.actor.as_deref(),
            now_ms,
            today,
            last,
        );
        let out = f(&mut t)?;
        t.commit()?;
        Ok(out)
    }
}
