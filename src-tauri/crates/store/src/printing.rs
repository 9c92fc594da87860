//! What printing keeps in the store: the office's print settings and the
//! key that signs certificate links (both local, in `meta`), org seals
//! (local), the date each member's certificate was printed (travels with the
//! member), and the member batches documents are printed for.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use crate::members::{self, Member, MemberQuery, MemberSort, SELECT};
use crate::{orgs, Result, StoreError, Tx};

const BASE_URL: &str = "print.base_url";
const ISSUER: &str = "print.issuer";
const ISSUER_ORG: &str = "print.issuer_org";
const CONTACT_PHONE: &str = "print.contact_phone";
const SIGNING_KEY: &str = "print.signing_key";

/// The largest seal image accepted, in bytes.
pub const MAX_SEAL_BYTES: usize = 2 * 1024 * 1024;
/// The largest seal image accepted, in pixels per side.
pub const MAX_SEAL_SIDE: u32 = 4000;

/// The office's print settings as stored; `None` means "not set" (the
/// caller applies the defaults, e.g. the issuer is this office).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintSettings {
    /// The county's verification base URL put in certificate QR codes.
    pub base_url: Option<String>,
    /// The issuing org unit (发证单位) whose seal is stamped.
    pub issuer_org_id: Option<String>,
    /// The issuer's name as printed, when not the issuing org's own name.
    pub issuer_name: Option<String>,
    /// The phone number printed on join posters.
    pub contact_phone: Option<String>,
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?
        .filter(|v: &String| !v.is_empty()))
}

pub fn settings(conn: &Connection) -> Result<PrintSettings> {
    Ok(PrintSettings {
        base_url: meta(conn, BASE_URL)?,
        issuer_org_id: meta(conn, ISSUER_ORG)?,
        issuer_name: meta(conn, ISSUER)?,
        contact_phone: meta(conn, CONTACT_PHONE)?,
    })
}

/// Store the settings (already validated by the caller). An empty or absent
/// value clears the setting.
pub fn set_settings(tx: &mut Tx, s: &PrintSettings) -> Result<()> {
    if let Some(org) = s.issuer_org_id.as_deref().filter(|s| !s.is_empty()) {
        orgs::get(tx.conn(), org)?;
    }
    for (key, v) in [
        (BASE_URL, &s.base_url),
        (ISSUER_ORG, &s.issuer_org_id),
        (ISSUER, &s.issuer_name),
        (CONTACT_PHONE, &s.contact_phone),
    ] {
        match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(v) => tx.set_meta(key, v)?,
            None => {
                tx.conn()
                    .execute("DELETE FROM meta WHERE key = ?1", [key])?;
            }
        }
    }
    Ok(())
}

// ------------------------------------------------------------ signing key --

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// The office's certificate signing key, if one was made. It lives in
/// `meta` only: it never travels, and no command shows it.
pub fn signing_key(conn: &Connection) -> Result<Option<[u8; 32]>> {
    Ok(meta(conn, SIGNING_KEY)?.and_then(|s| unhex(&s)))
}

/// The office's signing key, made on first use: 32 random bytes from the
/// operating system, kept from then on.
pub fn signing_key_or_create(tx: &mut Tx) -> Result<[u8; 32]> {
    if let Some(k) = signing_key(tx.conn())? {
        return Ok(k);
    }
    let mut key = [0u8; 32];
    getrandom::fill(&mut key)
        .map_err(|e| StoreError::Conflict(format!("无法生成签名密钥（系统随机数不可用：{e}）")))?;
    tx.set_meta(SIGNING_KEY, &hex(&key))?;
    log::info!("certificate signing key created");
    Ok(key)
}

// ------------------------------------------------------------------ seals --

/// An org unit's seal image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub org_id: String,
    pub org_name: String,
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub actor: Option<String>,
    pub at_ms: i64,
}

/// Width and height from a PNG's header, if `bytes` starts like a PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 33 || !bytes.starts_with(SIGNATURE) || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    Some((w, h))
}

/// Keep `png` as the seal of `org_id` (replacing any earlier one). Refuses
/// what is not a PNG, or is too large.
pub fn set_seal(tx: &mut Tx, org_id: &str, png: &[u8]) -> Result<Seal> {
    let org = orgs::get(tx.conn(), org_id)?;
    if png.len() > MAX_SEAL_BYTES {
        return Err(StoreError::Conflict(format!(
            "公章图片：文件太大（{} KB），请使用 {} KB 以内的PNG图片",
            png.len().div_ceil(1024),
            MAX_SEAL_BYTES / 1024
        )));
    }
    let Some((width, height)) = png_size(png) else {
        return Err(StoreError::Conflict(
            "公章图片：不是PNG图片，请上传背景透明的PNG图片".into(),
        ));
    };
    if width == 0 || height == 0 || width > MAX_SEAL_SIDE || height > MAX_SEAL_SIDE {
        return Err(StoreError::Conflict(format!(
            "公章图片：尺寸 {width}×{height} 像素不合适，每边应在 1 到 {MAX_SEAL_SIDE} 像素之间"
        )));
    }
    tx.conn().execute(
        "INSERT INTO org_seals (org_id, png, width, height, actor, at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (org_id) DO UPDATE SET png = excluded.png, width = excluded.width,
             height = excluded.height, actor = excluded.actor, at_ms = excluded.at_ms",
        rusqlite::params![org.id, png, width, height, tx.actor(), tx.now_ms()],
    )?;
    seal(tx.conn(), org_id)?.ok_or_else(|| StoreError::NotFound {
        what: "公章",
        key: org_id.to_string(),
    })
}

/// Remove an org's seal; false if it had none.
pub fn clear_seal(tx: &mut Tx, org_id: &str) -> Result<bool> {
    orgs::get(tx.conn(), org_id)?;
    Ok(tx
        .conn()
        .execute("DELETE FROM org_seals WHERE org_id = ?1", [org_id])?
        > 0)
}

const SEAL_COLUMNS: &str =
    "s.org_id, o.name, s.png, s.width, s.height, s.actor, s.at_ms FROM org_seals s
     JOIN org_units o ON o.id = s.org_id";

fn seal_row(r: &rusqlite::Row) -> rusqlite::Result<Seal> {
    Ok(Seal {
        org_id: r.get(0)?,
        org_name: r.get(1)?,
        png: r.get(2)?,
        width: r.get(3)?,
        height: r.get(4)?,
        actor: r.get(5)?,
        at_ms: r.get(6)?,
    })
}

pub fn seal(conn: &Connection, org_id: &str) -> Result<Option<Seal>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {SEAL_COLUMNS} WHERE s.org_id = ?1"))?
        .query_row([org_id], seal_row)
        .optional()?)
}

/// Every org's seal, in the order of the org tree's names.
pub fn seals(conn: &Connection) -> Result<Vec<Seal>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {SEAL_COLUMNS} WHERE o.deleted = 0 ORDER BY o.name"
        ))?
        .query_map([], seal_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

// ------------------------------------------------------- card issue dates --

/// Record that these members' certificates were printed on `date`. Each
/// change goes through [`Tx::update`] (stamped, logged, in the member's
/// history as 打印会员证); members already stamped with `date` are left
/// alone. Returns how many were stamped.
pub fn record_card_issued(tx: &mut Tx, member_ids: &[String], date: NaiveDate) -> Result<usize> {
    let day = date.to_string();
    let mut n = 0;
    for id in member_ids {
        let current: Option<Option<String>> = tx
            .conn()
            .prepare_cached("SELECT card_issued_on FROM members WHERE id = ?1 AND deleted = 0")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        match current {
            None => {
                return Err(StoreError::NotFound {
                    what: "会员",
                    key: id.clone(),
                })
            }
            Some(Some(d)) if d == day => {}
            Some(_) => {
                tx.update(
                    "members",
                    id,
                    &[("card_issued_on", Value::Text(day.clone()))],
                )?;
                n += 1;
            }
        }
    }
    Ok(n)
}

// ---------------------------------------------------------------- batches --

/// Whom a document is printed for.
#[derive(Debug, Clone)]
pub enum Batch {
    /// These members, in this order.
    Members(Vec<String>),
    /// The attendees of a ceremony, in the order they were enrolled.
    Ceremony(String),
    /// Members held by an org unit or any org below it.
    Org(String),
    /// Members whose certificate was never printed, optionally under an org.
    NotYetPrinted(Option<String>),
    /// Every member (in member-number order).
    All,
    /// The member list's filters.
    Query(MemberQuery),
}

/// The members of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    /// At most the `cap` asked for.
    pub members: Vec<Member>,
    /// How many the batch holds in all.
    pub total: u64,
}

/// The members of `batch`, at most `cap` of them. With `active_only`,
/// members who are no longer 在会 are left out of every batch but an
/// explicit list (where the caller decides).
pub fn select(conn: &Connection, batch: &Batch, active_only: bool, cap: usize) -> Result<Selected> {
    let status = if active_only {
        " AND m.status = '在会'"
    } else {
        ""
    };
    let cap_sql = cap.min(i64::MAX as usize) as i64;
    let run = |sql: String, params: Vec<Value>| -> Result<Selected> {
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) FROM ({sql})"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let members = conn
            .prepare(&format!("{sql} LIMIT {cap_sql}"))?
            .query_map(rusqlite::params_from_iter(params.iter()), members::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Selected {
            members,
            total: total as u64,
        })
    };
    match batch {
        Batch::Members(ids) => {
            let mut seen = std::collections::HashSet::new();
            let mut out = Vec::new();
            for id in ids.iter().filter(|id| seen.insert(id.as_str())) {
                if out.len() < cap {
                    out.push(members::get(conn, id)?);
                } else {
                    members::get(conn, id)?;
                }
            }
            Ok(Selected {
                members: out,
                total: seen.len() as u64,
            })
        }
        Batch::Ceremony(id) => {
            crate::ceremonies::get(conn, id)?;
            run(
                format!(
                    "{SELECT} JOIN ceremony_attendees a ON a.member_id = m.id
                     WHERE a.ceremony_id = ?1 AND a.deleted = 0 AND m.deleted = 0{status}
                     GROUP BY m.id ORDER BY min(a.rowid)"
                ),
                vec![Value::Text(id.clone())],
            )
        }
        Batch::Org(org) | Batch::NotYetPrinted(Some(org)) => {
            orgs::get(conn, org)?;
            let pending = if matches!(batch, Batch::NotYetPrinted(_)) {
                " AND m.card_issued_on IS NULL"
            } else {
                ""
            };
            run(
                format!(
                    "{SELECT} WHERE m.deleted = 0{pending}{status} AND m.org_id IN (
                         WITH RECURSIVE t(id) AS (
                             SELECT id FROM org_units WHERE id = ?1 AND deleted = 0
                             UNION ALL
                             SELECT o.id FROM org_units o JOIN t ON o.parent_id = t.id
                             WHERE o.deleted = 0)
                         SELECT id FROM t)
                     ORDER BY m.member_no"
                ),
                vec![Value::Text(org.clone())],
            )
        }
        Batch::NotYetPrinted(None) => run(
            format!(
                "{SELECT} WHERE m.deleted = 0 AND m.card_issued_on IS NULL{status}
                 ORDER BY m.member_no"
            ),
            vec![],
        ),
        Batch::All => run(
            format!("{SELECT} WHERE m.deleted = 0{status} ORDER BY m.member_no"),
            vec![],
        ),
        Batch::Query(q) => {
            let mut q = q.clone();
            if active_only && q.status.as_deref().is_none_or(str::is_empty) {
                q.status = Some("在会".into());
            }
            if q.sort == MemberSort::Default && q.text.is_none() {
                q.sort = MemberSort::MemberNo;
            }
            let mut members = Vec::new();
            let mut total = 0;
            members::search_each(conn, &q, |m| {
                if active_only && m.status != "在会" {
                    return Ok(());
                }
                total += 1;
                if members.len() < cap {
                    members.push(m);
                }
                Ok(())
            })?;
            Ok(Selected { members, total })
        }
    }
}

/// The live member with this member number, if any (verifying a scanned
/// certificate).
pub fn member_by_no(conn: &Connection, member_no: &str) -> Result<Option<Member>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE m.member_no = ?1 AND m.deleted = 0"
        ))?
        .query_row([member_no.trim()], members::from_row)
        .optional()?)
}
