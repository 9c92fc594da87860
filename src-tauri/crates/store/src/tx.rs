//! [`Tx`]: a transaction that stamps rows and writes the change log.

use chrono::NaiveDate;
use ledger_core::hlc::Hlc;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, OptionalExtension, Transaction};
use serde_json::{Map, Value as Json};

use crate::{Result, StoreError};

/// Tables that travel between offices: UUIDv7 ids, HLC `updated_at`,
/// `device_id`, soft-delete `deleted`, and a change-log entry per write.
pub const TRAVELLING_TABLES: &[&str] = &[
    "org_units",
    "members",
    "member_transfers",
    "ceremonies",
    "ceremony_attendees",
    "outbound_trips",
    "outbound_reviews",
    "outbound_contacts",
    "outbound_spot_checks",
    "outbound_spot_items",
    "service_posts",
    "service_records",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOp {
    Insert,
    Update,
    Delete,
}

impl ChangeOp {
    fn as_str(self) -> &'static str {
        match self {
            ChangeOp::Insert => "insert",
            ChangeOp::Update => "update",
            ChangeOp::Delete => "delete",
        }
    }
}

/// A UUIDv7 whose time part comes from the store's clock.
pub(crate) fn new_id(now_ms: i64) -> String {
    let ms = now_ms.max(0) as u64;
    let ts =
        uuid::Timestamp::from_unix(uuid::NoContext, ms / 1000, ((ms % 1000) * 1_000_000) as u32);
    uuid::Uuid::new_v7(ts).to_string()
}

pub struct Tx<'c> {
    tx: Transaction<'c>,
    device_id: &'c str,
    actor: Option<&'c str>,
    now_ms: i64,
    today: NaiveDate,
    last: Option<Hlc>,
    ticked: bool,
}

impl<'c> Tx<'c> {
    pub(crate) fn new(
        tx: Transaction<'c>,
        device_id: &'c str,
        actor: Option<&'c str>,
        now_ms: i64,
        today: NaiveDate,
        last: Option<Hlc>,
    ) -> Tx<'c> {
        Tx {
            tx,
            device_id,
            actor,
            now_ms,
            today,
            last,
            ticked: false,
        }
    }

    /// Read inside the transaction.
    pub fn conn(&self) -> &rusqlite::Connection {
        &self.tx
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The cadre named in the change log.
    pub fn actor(&self) -> Option<&str> {
        self.actor
    }

    pub fn now_ms(&self) -> i64 {
        self.now_ms
    }

    pub fn new_id(&self) -> String {
        new_id(self.now_ms)
    }

    fn next_stamp(&mut self) -> String {
        let h = Hlc::tick(self.last, self.now_ms);
        self.last = Some(h);
        self.ticked = true;
        h.stamp(self.device_id)
    }

    /// Insert a row into a travelling table.
    pub fn insert(
        &mut self,
        table: &'static str,
        id: &str,
        cols: &[(&'static str, Value)],
    ) -> Result<()> {
        check_table(table);
        let stamp = self.next_stamp();
        let mut names: Vec<&str> = vec!["id", "updated_at", "device_id", "deleted"];
        let mut values: Vec<Value> = vec![
            Value::Text(id.to_string()),
            Value::Text(stamp.clone()),
            Value::Text(self.device_id.to_string()),
            Value::Integer(0),
        ];
        for (n, v) in cols {
            names.push(n);
            values.push(v.clone());
        }
        let marks = (1..=names.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({marks})",
            names.join(", ")
        );
        self.tx.execute(&sql, params_from_iter(values))?;
        self.log(table, id, ChangeOp::Insert, &stamp)
    }

    /// Insert many rows into a travelling table: one cached statement, each
    /// row stamped, then every row logged from what was stored (a single
    /// rowid-range scan instead of a read per row). Same invariant as
    /// [`Tx::insert`]: row and log entry in this transaction or neither.
    /// `rows` yields `(id, values)` with values in the order of `columns`.
    pub fn insert_many<I>(
        &mut self,
        table: &'static str,
        columns: &[&'static str],
        rows: I,
    ) -> Result<usize>
    where
        I: IntoIterator<Item = (String, Vec<Value>)>,
    {
        check_table(table);
        let mut names: Vec<&str> = vec!["id", "updated_at", "device_id", "deleted"];
        names.extend_from_slice(columns);
        let marks = (1..=names.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({marks})",
            names.join(", ")
        );
        let mut last = self.last;
        let mut rowids: Vec<i64> = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        {
            let mut stmt = self.tx.prepare_cached(&sql)?;
            let mut values: Vec<Value> = Vec::with_capacity(names.len());
            for (id, cols) in rows {
                assert_eq!(cols.len(), columns.len(), "one value per column");
                let h = Hlc::tick(last, self.now_ms);
                last = Some(h);
                values.clear();
                values.push(Value::Text(id.clone()));
                values.push(Value::Text(h.stamp(self.device_id)));
                values.push(Value::Text(self.device_id.to_string()));
                values.push(Value::Integer(0));
                values.extend(cols);
                stmt.execute(params_from_iter(values.iter()))?;
                rowids.push(self.tx.last_insert_rowid());
                ids.push(id);
            }
        }
        if rowids.is_empty() {
            return Ok(0);
        }
        log::debug!("insert_many: {} rows inserted", rowids.len());
        self.last = last;
        self.ticked = true;
        let contiguous = rowids.windows(2).all(|w| w[1] == w[0] + 1);
        if !contiguous {
            for id in &ids {
                let row = row_json(&self.tx, table, id)?;
                let stamp = row
                    .get("updated_at")
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_string();
                self.append_log(table, id, ChangeOp::Insert, &row.to_string(), &stamp)?;
            }
            return Ok(ids.len());
        }
        let mut read = self.tx.prepare_cached(&format!(
            "SELECT * FROM {table} WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid"
        ))?;
        let cols: Vec<String> = read.column_names().iter().map(|s| s.to_string()).collect();
        let id_col = cols
            .iter()
            .position(|c| c == "id")
            .expect("travelling tables have id");
        let stamp_col = cols
            .iter()
            .position(|c| c == "updated_at")
            .expect("travelling tables have updated_at");
        let writer = RowWriter::new(&cols);
        let mut log = self.tx.prepare_cached(
            "INSERT INTO change_log (tbl, row_id, op, row_after, hlc, device_id, actor)
             VALUES (?1, ?2, 'insert', ?3, ?4, ?5, ?6)",
        )?;
        let mut rows = read.query([rowids[0], rowids[rowids.len() - 1]])?;
        let mut json = String::new();
        let mut n = 0;
        while let Some(r) = rows.next()? {
            json.clear();
            writer.write(r, &mut json)?;
            let id: &str = r.get_ref(id_col)?.as_str().map_err(rusqlite::Error::from)?;
            let stamp: &str = r
                .get_ref(stamp_col)?
                .as_str()
                .map_err(rusqlite::Error::from)?;
            log.execute(rusqlite::params![
                table,
                id,
                json,
                stamp,
                self.device_id,
                self.actor
            ])?;
            n += 1;
        }
        assert_eq!(n, ids.len(), "every inserted row logged");
        Ok(n)
    }

    /// Update some columns of a live row in a travelling table.
    pub fn update(
        &mut self,
        table: &'static str,
        id: &str,
        cols: &[(&'static str, Value)],
    ) -> Result<()> {
        self.write(table, id, cols, ChangeOp::Update)
    }

    /// Soft-delete: the row stays as a tombstone so the deletion can travel.
    pub fn delete(&mut self, table: &'static str, id: &str) -> Result<()> {
        self.write(
            table,
            id,
            &[("deleted", Value::Integer(1))],
            ChangeOp::Delete,
        )
    }

    fn write(
        &mut self,
        table: &'static str,
        id: &str,
        cols: &[(&'static str, Value)],
        op: ChangeOp,
    ) -> Result<()> {
        check_table(table);
        // A write that changes nothing is not a change: no stamp, no log entry.
        let names: Vec<&str> = cols.iter().map(|(n, _)| *n).collect();
        let current: Option<Vec<Value>> = self
            .tx
            .query_row(
                &format!(
                    "SELECT {} FROM {table} WHERE id = ?1 AND deleted = 0",
                    names.join(", ")
                ),
                [id],
                |r| (0..names.len()).map(|i| r.get::<_, Value>(i)).collect(),
            )
            .optional()?;
        match current {
            None => {
                return Err(StoreError::NotFound {
                    what: "记录",
                    key: id.to_string(),
                })
            }
            Some(cur) if op == ChangeOp::Update && cols.iter().map(|(_, v)| v).eq(cur.iter()) => {
                return Ok(())
            }
            Some(_) => {}
        }
        let stamp = self.next_stamp();
        let mut sets = vec!["updated_at = ?1".to_string(), "device_id = ?2".to_string()];
        let mut values = vec![
            Value::Text(stamp.clone()),
            Value::Text(self.device_id.to_string()),
        ];
        for (n, v) in cols {
            values.push(v.clone());
            sets.push(format!("{n} = ?{}", values.len()));
        }
        values.push(Value::Text(id.to_string()));
        let sql = format!(
            "UPDATE {table} SET {} WHERE id = ?{} AND deleted = 0",
            sets.join(", "),
            values.len()
        );
        if self.tx.execute(&sql, params_from_iter(values))? == 0 {
            return Err(StoreError::NotFound {
                what: "记录",
                key: id.to_string(),
            });
        }
        self.log(table, id, op, &stamp)
    }

    fn log(&mut self, table: &'static str, id: &str, op: ChangeOp, stamp: &str) -> Result<()> {
        let row = row_json(&self.tx, table, id)?;
        self.append_log(table, id, op, &row.to_string(), stamp)
    }

    fn append_log(
        &self,
        table: &'static str,
        id: &str,
        op: ChangeOp,
        row: &str,
        stamp: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO change_log (tbl, row_id, op, row_after, hlc, device_id, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(rusqlite::params![
                table,
                id,
                op.as_str(),
                row,
                stamp,
                self.device_id,
                self.actor
            ])?;
        Ok(())
    }

    /// Local settings (never travel).
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    pub(crate) fn commit(self) -> Result<()> {
        if let (true, Some(h)) = (self.ticked, self.last) {
            self.set_meta("hlc_last", &h.to_string())?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

fn check_table(table: &str) {
    assert!(
        TRAVELLING_TABLES.contains(&table),
        "{table} is not a travelling table"
    );
}

/// The whole row as a JSON object, column by column.
fn row_json(conn: &rusqlite::Connection, table: &str, id: &str) -> Result<Json> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let row = stmt.query_row([id], |r| {
        let mut map = Map::new();
        for (i, n) in names.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => Json::Null,
                ValueRef::Integer(x) => Json::from(x),
                ValueRef::Real(x) => Json::from(x),
                ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(_) => Json::Null,
            };
            map.insert(n.clone(), v);
        }
        Ok(Json::Object(map))
    })?;
    Ok(row)
}

/// Writes a row as the same JSON text as `row_json(..).to_string()`, without
/// building a map per row: keys in the order a JSON object keeps them,
/// each prefix (`"name":`) escaped once.
struct RowWriter {
    /// (column index, `"key":`) in the object's key order.
    order: Vec<(usize, String)>,
}

impl RowWriter {
    fn new(cols: &[String]) -> RowWriter {
        let mut probe = Map::new();
        for c in cols {
            probe.insert(c.clone(), Json::Null);
        }
        let order = probe
            .keys()
            .map(|k| {
                let i = cols.iter().position(|c| c == k).expect("same names");
                (i, format!("{}:", Json::from(k.as_str())))
            })
            .collect();
        RowWriter { order }
    }

    fn write(&self, r: &rusqlite::Row, out: &mut String) -> rusqlite::Result<()> {
        out.push('{');
        for (n, (i, key)) in self.order.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(key);
            match r.get_ref(*i)? {
                ValueRef::Null | ValueRef::Blob(_) => out.push_str("null"),
                ValueRef::Integer(x) => out.push_str(&x.to_string()),
                ValueRef::Real(x) => out.push_str(&Json::from(x).to_string()),
                ValueRef::Text(t) => {
                    let text = String::from_utf8_lossy(t);
                    out.push_str(&serde_json::to_string(text.as_ref()).unwrap_or_default())
                }
            }
        }
        out.push('}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_row_writer_matches_the_json_of_the_row() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id TEXT, zeta TEXT, alpha INTEGER, r REAL, b BLOB, n TEXT);
             INSERT INTO t VALUES ('x', 'q\"uote\n张三', 7, 1.5, x'00', NULL);",
        )
        .unwrap();
        let want = row_json(&conn, "t", "x").unwrap().to_string();
        let mut stmt = conn.prepare("SELECT * FROM t").unwrap();
        let cols: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let w = RowWriter::new(&cols);
        let mut got = String::new();
        stmt.query_row([], |r| w.write(r, &mut got)).unwrap();
        assert_eq!(got, want);
    }
}
