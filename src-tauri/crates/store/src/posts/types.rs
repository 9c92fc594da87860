//! The office's editable list of service types, kept in `meta` (local).
//! A type that live records use cannot be removed from the list.

use ledger_core::posts::{validate_type_list, BUILTIN_TYPES, DEFAULT_SERVICE_TYPES};
use rusqlite::{Connection, OptionalExtension};

use crate::{Result, StoreError, Tx};

const KEY: &str = "setting.service_types";

/// One type with the number of live records using it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeUse {
    pub name: String,
    pub in_use: u32,
    pub builtin: bool,
}

/// The list, in the order to offer it (the default list until set).
pub fn names(conn: &Connection) -> Result<Vec<String>> {
    let stored: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [KEY], |r| r.get(0))
        .optional()?;
    Ok(stored
        .and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DEFAULT_SERVICE_TYPES.map(String::from).to_vec()))
}

fn in_use(conn: &Connection, name: &str) -> Result<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM service_records WHERE service_type = ?1 AND deleted = 0",
        )?
        .query_row([name], |r| r.get(0))?)
}

pub fn list(conn: &Connection) -> Result<Vec<TypeUse>> {
    names(conn)?
        .into_iter()
        .map(|name| {
            Ok(TypeUse {
                in_use: in_use(conn, &name)?,
                builtin: BUILTIN_TYPES.contains(&name.as_str()),
                name,
            })
        })
        .collect()
}

/// Replace the list. Removing a type that records use is refused, naming
/// it and how many records use it.
pub fn set(tx: &mut Tx, types: &[String]) -> Result<Vec<TypeUse>> {
    let new = validate_type_list(types)?;
    for old in names(tx.conn())? {
        if new.contains(&old) {
            continue;
        }
        let n = in_use(tx.conn(), &old)?;
        if n > 0 {
            return Err(StoreError::Conflict(format!(
                "服务类型“{old}”已有{n}条服务记录使用，不能删除"
            )));
        }
    }
    let json = serde_json::to_string(&new).unwrap_or_else(|_| "[]".into());
    tx.set_meta(KEY, &json)?;
    list(tx.conn())
}
