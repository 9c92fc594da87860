//! The organisation tree (org_units).

use ledger_core::org::{self, OrgDraft, OrgKind, ParentInfo};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::{Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct OrgUnit {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub kind: OrgKind,
    pub division_code: Option<String>,
    pub join_url: Option<String>,
    pub updated_at: String,
    /// For an enterprise union: the employer/platform it belongs to.
    pub employer: Option<String>,
}

/// The fields a cadre sets on an org unit.
#[derive(Debug, Clone, Default)]
pub struct OrgFields {
    pub parent_id: Option<String>,
    pub name: String,
    pub kind: Option<OrgKind>,
    pub division_code: Option<String>,
    pub join_url: Option<String>,
    pub employer: Option<String>,
}

const COLUMNS: &str = "id, parent_id, name, kind, division_code, join_url, updated_at, employer";

fn from_row(r: &Row) -> rusqlite::Result<OrgUnit> {
    let kind: String = r.get(3)?;
    Ok(OrgUnit {
        id: r.get(0)?,
        parent_id: r.get(1)?,
        name: r.get(2)?,
        kind: OrgKind::from_code(&kind).unwrap_or(OrgKind::Enterprise),
        division_code: r.get(4)?,
        join_url: r.get(5)?,
        updated_at: r.get(6)?,
        employer: r.get(7)?,
    })
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// All live org units, parents before children, siblings by name.
pub fn list(conn: &Connection) -> Result<Vec<OrgUnit>> {
    let mut stmt = conn.prepare_cached(&format!(
        "WITH RECURSIVE t(id, depth, path) AS (
             SELECT id, 0, name FROM org_units WHERE parent_id IS NULL AND deleted = 0
             UNION ALL
             SELECT o.id, t.depth + 1, t.path || '/' || o.name
             FROM org_units o JOIN t ON o.parent_id = t.id WHERE o.deleted = 0)
         SELECT {COLUMNS} FROM org_units JOIN t USING (id) ORDER BY t.path"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: &str) -> Result<OrgUnit> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM org_units WHERE id = ?1 AND deleted = 0"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "组织",
        key: id.to_string(),
    })
}

/// An org by id, or by exact name when the name is unique.
pub fn resolve(conn: &Connection, key: &str) -> Result<OrgUnit> {
    if let Ok(o) = get(conn, key) {
        return Ok(o);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM org_units WHERE name = ?1 AND deleted = 0 LIMIT 2"
    ))?;
    let found = stmt
        .query_map([key.trim()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    match found.len() {
        0 => Err(StoreError::NotFound {
            what: "组织",
            key: key.to_string(),
        }),
        1 => Ok(found.into_iter().next().expect("one")),
        _ => Err(StoreError::Conflict(format!(
            "有多个组织名为“{key}”，请改用组织编号"
        ))),
    }
}

/// The ids of `id` and all its live descendants.
pub fn subtree_ids(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE t(id) AS (
             SELECT id FROM org_units WHERE id = ?1 AND deleted = 0
             UNION ALL
             SELECT o.id FROM org_units o JOIN t ON o.parent_id = t.id WHERE o.deleted = 0)
         SELECT id FROM t",
    )?;
    let ids = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

fn check(conn: &Connection, f: &OrgFields, kind: OrgKind) -> Result<String> {
    let parent = match trimmed(&f.parent_id) {
        Some(pid) => Some(get(conn, &pid)?),
        None => None,
    };
    let info = parent.as_ref().map(|p| ParentInfo {
        kind: p.kind,
        division_code: p.division_code.as_deref(),
    });
    let name = org::validate(
        &OrgDraft {
            name: &f.name,
            kind,
            division_code: f.division_code.as_deref(),
            join_url: f.join_url.as_deref(),
        },
        info.as_ref(),
    )?;
    Ok(name)
}

fn values(f: &OrgFields, name: String, kind: OrgKind) -> Vec<(&'static str, Value)> {
    let opt = |s: Option<String>| s.map(Value::Text).unwrap_or(Value::Null);
    vec![
        ("parent_id", opt(trimmed(&f.parent_id))),
        ("name", Value::Text(name)),
        ("kind", Value::Text(kind.code().to_string())),
        ("division_code", opt(trimmed(&f.division_code))),
        ("join_url", opt(trimmed(&f.join_url))),
        (
            "employer",
            opt(trimmed(&f.employer).filter(|_| kind == OrgKind::Enterprise)),
        ),
    ]
}

pub fn create(tx: &mut Tx, f: &OrgFields) -> Result<OrgUnit> {
    let kind = f
        .kind
        .ok_or_else(|| StoreError::Conflict("组织类型：请选择".into()))?;
    let name = check(tx.conn(), f, kind)?;
    let id = tx.new_id();
    tx.insert("org_units", &id, &values(f, name, kind))?;
    get(tx.conn(), &id)
}

/// Change an org's fields or move it under another parent.
pub fn update(tx: &mut Tx, id: &str, f: &OrgFields) -> Result<OrgUnit> {
    let current = get(tx.conn(), id)?;
    let kind = f.kind.unwrap_or(current.kind);
    // An absent parent keeps the org where it is.
    let mut f = f.clone();
    if trimmed(&f.parent_id).is_none() {
        f.parent_id = current.parent_id.clone();
    }
    let f = &f;
    if let Some(pid) = trimmed(&f.parent_id) {
        if subtree_ids(tx.conn(), id)?.contains(&pid) {
            return Err(StoreError::Conflict(
                "上级组织：不能把组织移到它自己或它的下级之下".into(),
            ));
        }
    }
    let name = check(tx.conn(), f, kind)?;
    if let Some(code) = trimmed(&f.division_code) {
        let mut stmt = tx.conn().prepare_cached(
            "SELECT name, division_code FROM org_units
             WHERE parent_id = ?1 AND deleted = 0 AND division_code IS NOT NULL",
        )?;
        let children = stmt
            .query_map([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some((child, child_code)) = children.iter().find(|(_, c)| !c.starts_with(&code)) {
            return Err(StoreError::Conflict(format!(
                "行政区划代码：下级组织“{child}”的代码 {child_code} 不以 {code} 开头，请先修改下级的代码"
            )));
        }
    }
    tx.update("org_units", id, &values(f, name, kind))?;
    get(tx.conn(), id)
}

/// Soft-delete an org that has no live children and holds no members.
pub fn delete(tx: &mut Tx, id: &str) -> Result<()> {
    let org = get(tx.conn(), id)?;
    let children: i64 = tx.conn().query_row(
        "SELECT count(*) FROM org_units WHERE parent_id = ?1 AND deleted = 0",
        [id],
        |r| r.get(0),
    )?;
    if children > 0 {
        return Err(StoreError::Conflict(format!(
            "“{}”下还有{children}个下级组织，请先删除或移走它们",
            org.name
        )));
    }
    let members: i64 = tx.conn().query_row(
        "SELECT count(*) FROM members WHERE org_id = ?1 AND deleted = 0",
        [id],
        |r| r.get(0),
    )?;
    if members > 0 {
        return Err(StoreError::Conflict(format!(
            "“{}”还有{members}名会员，请先把会员转到其他组织",
            org.name
        )));
    }
    if this_office(tx.conn())?.as_deref() == Some(id) {
        return Err(StoreError::Conflict("不能删除本单位".into()));
    }
    tx.delete("org_units", id)
}

/// The org unit this installation belongs to, if set up.
pub fn this_office(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'this_office'",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_this_office(tx: &mut Tx, id: &str) -> Result<()> {
    get(tx.conn(), id)?;
    tx.set_meta("this_office", id)
}

/// The nearest division code at or above `id`.
pub fn division_prefix(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "WITH RECURSIVE up(id, parent_id, code, depth) AS (
                 SELECT id, parent_id, division_code, 0 FROM org_units WHERE id = ?1
                 UNION ALL
                 SELECT o.id, o.parent_id, o.division_code, up.depth + 1
                 FROM org_units o JOIN up ON o.id = up.parent_id)
             SELECT code FROM up WHERE code IS NOT NULL ORDER BY depth LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}
