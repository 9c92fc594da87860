//! Importing members from a spreadsheet (批量导入).
//!
//! [`dry_run`] classifies every row — new, already a member, a duplicate
//! within the file, or refused with the ledger's own reason — and writes
//! nothing. [`commit`] classifies again inside the transaction (the ledger
//! may have changed since the dry run) and writes all valid new rows, plus
//! by [`Mode`] the empty or changed fields of people already in the ledger,
//! in that one transaction: everything or nothing. Rows are matched by
//! normalised citizen ID, so importing the same file again adds nothing.
//!
//! Speed: new rows go through [`Tx::insert_many`] (one cached statement,
//! logged by one range scan) with numbers allocated in one block; a large
//! import into a comparatively small ledger drops the member indexes and
//! builds them again after loading, which is about four times cheaper than
//! inserting into indexed tables. The unique index on the citizen ID is
//! rebuilt too, so a duplicate that slipped through would still fail the
//! transaction.

use std::collections::{BTreeMap, HashMap};

use ledger_core::member::{self, MemberDraft, MemberError, ValidMember};
use ledger_core::names::pinyin_keys;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use crate::members::{self, record_values, Member};
use crate::{orgs, Result, StoreError, Tx};

/// What to do with people who are already in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Leave them as they are.
    #[default]
    Skip,
    /// Fill fields that are empty in the ledger from the file.
    Fill,
    /// Overwrite fields with the file's non-empty values.
    Update,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Mode::Skip => "skip",
            Mode::Fill => "fill",
            Mode::Update => "update",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "skip" => Some(Mode::Skip),
            "fill" => Some(Mode::Fill),
            "update" => Some(Mode::Update),
            _ => None,
        }
    }
}

/// Why a row is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// `bad_length`, `bad_checksum`, `bad_date`, `bad_phone`,
    /// `missing_name`, `missing_group`, `invalid`.
    pub code: String,
    /// The member field at fault.
    pub field: String,
    /// Chinese, prefixed with the field's label.
    pub message: String,
}

impl From<&MemberError> for Refusal {
    fn from(e: &MemberError) -> Refusal {
        let code = match e {
            MemberError::EmptyName => "missing_name",
            MemberError::EmptyGroup => "missing_group",
            e => e.code(),
        };
        Refusal {
            code: code.to_string(),
            field: e.field().to_string(),
            message: e.to_string(),
        }
    }
}

/// One data row of the file: its sheet line and what it says, or why its
/// cells could not be read.
#[derive(Debug, Clone)]
pub struct SourceRow {
    pub line: u32,
    pub draft: std::result::Result<MemberDraft, Refusal>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub mode: Mode,
    /// The org that holds new memberships; this office when `None`.
    pub org_id: Option<String>,
    /// The file name, recorded on every row written.
    pub source: String,
    /// Member fields the file has (mapped columns): only these are filled
    /// or updated on people already in the ledger.
    pub fields: Vec<String>,
}

/// A field that fill or update changes on a person already in the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub label: &'static str,
    pub from: Option<String>,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    New,
    Existing {
        member_id: String,
        member_no: String,
        name: String,
        /// What the chosen mode changes (empty for skip).
        changes: Vec<FieldChange>,
    },
    /// The same citizen ID appeared on an earlier line.
    Duplicate {
        first_line: u32,
    },
    Refused(Refusal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowResult {
    pub line: u32,
    pub name: String,
    /// The normalised 18-character ID, when the row is valid.
    pub id_number: Option<String>,
    pub upgraded_from_15: bool,
    pub status: Status,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Data rows read (rows with nothing in a mapped column are not rows).
    pub rows: u32,
    pub new: u32,
    pub existing: u32,
    pub duplicates_in_file: u32,
    /// Valid rows whose ID was a legacy 15-digit number, upgraded to 18.
    pub legacy15_upgraded: u32,
    pub rejected: BTreeMap<String, u32>,
    pub rejected_total: u32,
    /// Existing people the mode changes.
    pub to_change: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub rows: Vec<RowResult>,
    pub counts: Counts,
    /// After a commit: members added and existing members changed.
    pub added: u32,
    pub updated: u32,
    /// After a commit: the run's id, stamped on every row it wrote.
    pub batch: Option<String>,
}

/// A large import into a small ledger is loaded with the member indexes
/// dropped and rebuilt after: below this many new rows it is not worth it.
const BULK_MIN: usize = 5_000;

struct Known {
    id: String,
    member_no: String,
    name: String,
    deleted: bool,
}

/// Who is already in the ledger, by citizen ID: all loaded at once when
/// the file is large against the ledger, else looked up row by row.
enum Lookup {
    All(HashMap<String, Known>),
    Each,
}

impl Lookup {
    fn new(conn: &Connection, valid_rows: usize) -> Result<Lookup> {
        let total: i64 = conn.query_row("SELECT count(*) FROM members", [], |r| r.get(0))?;
        if total as usize > valid_rows.saturating_mul(4) {
            return Ok(Lookup::Each);
        }
        let mut stmt =
            conn.prepare("SELECT id_number, id, member_no, name, deleted FROM members")?;
        let map = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Known {
                        id: r.get(1)?,
                        member_no: r.get(2)?,
                        name: r.get(3)?,
                        deleted: r.get::<_, i64>(4)? != 0,
                    },
                ))
            })?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        Ok(Lookup::All(map))
    }

    fn get(&self, conn: &Connection, id_number: &str) -> Result<Option<Known>> {
        match self {
            Lookup::All(map) => Ok(map.get(id_number).map(|k| Known {
                id: k.id.clone(),
                member_no: k.member_no.clone(),
                name: k.name.clone(),
                deleted: k.deleted,
            })),
            Lookup::Each => Ok(conn
                .prepare_cached(
                    "SELECT id, member_no, name, deleted FROM members WHERE id_number = ?1",
                )?
                .query_row([id_number], |r| {
                    Ok(Known {
                        id: r.get(0)?,
                        member_no: r.get(1)?,
                        name: r.get(2)?,
                        deleted: r.get::<_, i64>(3)? != 0,
                    })
                })
                .optional()?),
        }
    }
}

fn opt_change(
    out: &mut Vec<FieldChange>,
    mode: Mode,
    field: &'static str,
    label: &'static str,
    have: &Option<String>,
    file: &Option<String>,
) {
    let Some(new) = file else { return };
    let empty = have.as_deref().is_none_or(|h| h.trim().is_empty());
    let change = match mode {
        Mode::Skip => false,
        Mode::Fill => empty,
        Mode::Update => have.as_deref() != Some(new.as_str()),
    };
    if change {
        out.push(FieldChange {
            field,
            label,
            from: have.clone(),
            to: new.clone(),
        });
    }
}

/// What `mode` changes on `m` from the file's validated row `v`, looking
/// only at the fields the file has. Gender and birth date come from the ID
/// and never change; flags are only ever set, never cleared by a blank.
fn changes(m: &Member, v: &ValidMember, mode: Mode, fields: &[String]) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if mode == Mode::Skip {
        return out;
    }
    let has = |f: &str| fields.iter().any(|x| x == f);
    if mode == Mode::Update {
        for (field, label, have, file) in [
            ("name", "姓名", &m.name, &v.name),
            ("phone", "手机号", &m.phone, &v.phone),
            (
                "occupation_group",
                "职业群体",
                &m.occupation_group,
                &v.occupation_group,
            ),
        ] {
            if has(field) && have != file {
                out.push(FieldChange {
                    field,
                    label,
                    from: Some(have.clone()),
                    to: file.clone(),
                });
            }
        }
        if has("join_date") && m.join_date != v.join_date {
            out.push(FieldChange {
                field: "join_date",
                label: "入会日期",
                from: Some(m.join_date.to_string()),
                to: v.join_date.to_string(),
            });
        }
    }
    for (field, label, have, file) in [
        ("employer", "工作单位/平台", &m.employer, &v.employer),
        ("ethnic_group", "民族", &m.ethnic_group, &v.ethnic_group),
        (
            "hukou_address",
            "户籍地",
            &m.hukou_address,
            &v.hukou_address,
        ),
        ("residence", "现居住地", &m.residence, &v.residence),
        (
            "labour_relation",
            "劳动关系",
            &m.labour_relation,
            &v.labour_relation,
        ),
        ("plate_number", "车牌号", &m.plate_number, &v.plate_number),
        ("vehicle_type", "车辆类型", &m.vehicle_type, &v.vehicle_type),
        (
            "qualification_no",
            "从业资格证号",
            &m.qualification_no,
            &v.qualification_no,
        ),
        ("notes", "备注", &m.notes, &v.notes),
    ] {
        if has(field) {
            opt_change(&mut out, mode, field, label, have, file);
        }
    }
    for (field, label, have, file) in [
        (
            "new_employment",
            "新就业形态",
            m.new_employment,
            v.new_employment,
        ),
        (
            "migrant_worker",
            "农民工",
            m.migrant_worker,
            v.migrant_worker,
        ),
    ] {
        if has(field) && file && !have {
            out.push(FieldChange {
                field,
                label,
                from: Some("否".into()),
                to: "是".into(),
            });
        }
    }
    out
}

/// The classification shared by the dry run and the commit, plus the
/// validated record of every row that will be written.
fn classify(
    conn: &Connection,
    today: chrono::NaiveDate,
    rows: &[SourceRow],
    opts: &Options,
) -> Result<(Outcome, Vec<Option<ValidMember>>)> {
    let mut results = Vec::with_capacity(rows.len());
    let mut valid: Vec<Option<ValidMember>> = Vec::with_capacity(rows.len());
    let mut counts = Counts::default();
    for row in rows {
        counts.rows += 1;
        let checked = match &row.draft {
            Ok(d) => member::validate(d, today).map_err(|e| Refusal::from(&e)),
            Err(r) => Err(r.clone()),
        };
        let name = match &row.draft {
            Ok(d) => d.name.trim().to_string(),
            Err(_) => String::new(),
        };
        match checked {
            Ok(v) => {
                results.push(RowResult {
                    line: row.line,
                    name,
                    id_number: Some(v.id.as_str().to_string()),
                    upgraded_from_15: v.id.upgraded_from_15,
                    status: Status::New,
                });
                valid.push(Some(v));
            }
            Err(r) => {
                *counts.rejected.entry(r.code.clone()).or_default() += 1;
                counts.rejected_total += 1;
                results.push(RowResult {
                    line: row.line,
                    name,
                    id_number: None,
                    upgraded_from_15: false,
                    status: Status::Refused(r),
                });
                valid.push(None);
            }
        }
    }
    let n_valid = valid.iter().filter(|v| v.is_some()).count();
    let lookup = Lookup::new(conn, n_valid)?;
    let mut seen: HashMap<String, u32> = HashMap::with_capacity(n_valid);
    for (res, v) in results.iter_mut().zip(valid.iter_mut()) {
        let Some(vm) = v.as_ref() else { continue };
        let id = vm.id.as_str();
        if vm.id.upgraded_from_15 {
            counts.legacy15_upgraded += 1;
        }
        if let Some(&first_line) = seen.get(id) {
            res.status = Status::Duplicate { first_line };
            counts.duplicates_in_file += 1;
            *v = None;
            continue;
        }
        seen.insert(id.to_string(), res.line);
        match lookup.get(conn, id)? {
            None => counts.new += 1,
            Some(k) => {
                counts.existing += 1;
                let changes = if k.deleted || opts.mode == Mode::Skip {
                    Vec::new()
                } else {
                    changes(&members::get(conn, &k.id)?, vm, opts.mode, &opts.fields)
                };
                if !changes.is_empty() {
                    counts.to_change += 1;
                }
                res.status = Status::Existing {
                    member_id: k.id,
                    member_no: k.member_no,
                    name: k.name,
                    changes,
                };
            }
        }
    }
    Ok((
        Outcome {
            rows: results,
            counts,
            added: 0,
            updated: 0,
            batch: None,
        },
        valid,
    ))
}

fn holding_org(conn: &Connection, opts: &Options) -> Result<String> {
    let org_id = match opts
        .org_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(o) => o.to_string(),
        None => orgs::this_office(conn)?.ok_or(StoreError::NoOffice)?,
    };
    Ok(orgs::get(conn, &org_id)?.id)
}

/// Classify every row without writing anything.
pub fn dry_run(
    conn: &Connection,
    today: chrono::NaiveDate,
    rows: &[SourceRow],
    opts: &Options,
) -> Result<Outcome> {
    holding_org(conn, opts)?;
    Ok(classify(conn, today, rows, opts)?.0)
}

/// Member indexes (with their SQL) that a bulk load drops and rebuilds.
fn member_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let rows = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Classify again and write, all in `tx`: every valid new row, and the
/// changes the mode makes to people already in the ledger.
pub fn commit(tx: &mut Tx, rows: &[SourceRow], opts: &Options) -> Result<Outcome> {
    let t0 = std::time::Instant::now();
    let trace = std::env::var_os("LEDGER_IMPORT_TRACE").is_some();
    let phase = |what: &str| {
        if trace {
            eprintln!("import {what}: {:?}", t0.elapsed());
        }
        log::debug!("import {what}: {:?}", t0.elapsed());
    };
    let org_id = holding_org(tx.conn(), opts)?;
    let (mut out, valid) = classify(tx.conn(), tx.today(), rows, opts)?;
    phase("classified");
    let batch = tx.new_id();
    let source = opts.source.trim().to_string();
    let today = tx.today().to_string();

    // People already in the ledger, by mode.
    let mut updated = 0;
    for (res, v) in out.rows.iter().zip(&valid) {
        let (
            Status::Existing {
                member_id, changes, ..
            },
            Some(v),
        ) = (&res.status, v)
        else {
            continue;
        };
        if changes.is_empty() {
            continue;
        }
        let mut cols: Vec<(&'static str, Value)> = Vec::new();
        for c in changes {
            match c.field {
                "new_employment" | "migrant_worker" => cols.push((c.field, Value::Integer(1))),
                "name" => {
                    let (full, initials) = pinyin_keys(&v.name);
                    cols.push(("name", Value::Text(v.name.clone())));
                    cols.push(("name_pinyin", Value::Text(full)));
                    cols.push(("name_initials", Value::Text(initials)));
                }
                f => cols.push((f, Value::Text(c.to.clone()))),
            }
        }
        cols.push(("import_source", Value::Text(source.clone())));
        cols.push(("import_batch", Value::Text(batch.clone())));
        tx.update("members", member_id, &cols)?;
        updated += 1;
    }

    // New people: numbers in one block, ids sorted so that the primary key
    // grows in order, one cached statement.
    let new_rows: Vec<&ValidMember> = out
        .rows
        .iter()
        .zip(&valid)
        .filter(|(r, _)| r.status == Status::New)
        .filter_map(|(_, v)| v.as_ref())
        .collect();
    let n = new_rows.len();
    let mut added = 0;
    if n > 0 {
        let nos = members::allocate_member_nos(tx, &org_id, n as u32)?;
        let mut ids: Vec<String> = (0..n).map(|_| tx.new_id()).collect();
        ids.sort();
        let existing: i64 = tx
            .conn()
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))?;
        let bulk = n >= BULK_MIN && n as i64 * 2 >= existing;
        let indexes = if bulk {
            member_indexes(tx.conn())?
        } else {
            Vec::new()
        };
        for (name, _) in &indexes {
            tx.conn().execute_batch(&format!("DROP INDEX {name}"))?;
        }
        // The whole batch (rows, log, indexes: ~2.5 KB a row) stays in the
        // page cache until the commit instead of spilling half-way.
        let cache: i64 = tx.conn().query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let want = -((n as i64 * 3).clamp(65_536, 1_048_576));
        if want < cache {
            tx.conn().pragma_update(None, "cache_size", want)?;
        }
        phase("indexes dropped");
        let names = record_columns();
        let rows = new_rows.into_iter().zip(nos).zip(ids).map(|((v, no), id)| {
            let mut cols = record_values(v.clone());
            cols.push(("member_no", Value::Text(no)));
            cols.push(("org_id", Value::Text(org_id.clone())));
            cols.push(("verified_on", Value::Text(today.clone())));
            cols.push(("import_source", Value::Text(source.clone())));
            cols.push(("import_batch", Value::Text(batch.clone())));
            debug_assert!(cols.iter().map(|(c, _)| *c).eq(names.iter().copied()));
            (id, cols.into_iter().map(|(_, v)| v).collect::<Vec<_>>())
        });
        added = tx.insert_many("members", &names, rows)?;
        phase("inserted and logged");
        for (_, sql) in &indexes {
            tx.conn().execute_batch(sql).map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    StoreError::Conflict(
                        "导入失败：文件中有重复的身份证号或会员编号，已全部撤销".into(),
                    )
                }
                e => e.into(),
            })?;
        }
        phase("indexes rebuilt");
        if want < cache {
            tx.conn().pragma_update(None, "cache_size", cache)?;
        }
    }
    let c = &out.counts;
    let summary = serde_json::json!({
        "rows": c.rows, "new": c.new, "existing": c.existing,
        "duplicates_in_file": c.duplicates_in_file, "legacy15_upgraded": c.legacy15_upgraded,
        "rejected": c.rejected, "rejected_total": c.rejected_total,
    });
    let actor = tx.actor().map(str::to_string);
    tx.conn().execute(
        "INSERT INTO imports (batch, file_name, mode, actor, at_ms, added, updated, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            batch,
            source,
            opts.mode.code(),
            actor,
            tx.now_ms(),
            added as i64,
            updated,
            summary.to_string()
        ],
    )?;
    out.added = added as u32;
    out.updated = updated;
    out.batch = Some(batch);
    Ok(out)
}

/// The columns a new imported row sets, in [`commit`]'s order.
fn record_columns() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    let probe = member::validate(
        &MemberDraft {
            name: "甲".into(),
            id_number: "11010519491231002X".into(),
            phone: "13800138000".into(),
            occupation_group: "其他".into(),
            ..Default::default()
        },
        chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid"),
    )
    .expect("valid probe");
    names.extend(record_values(probe).into_iter().map(|(c, _)| c));
    names.extend([
        "member_no",
        "org_id",
        "verified_on",
        "import_source",
        "import_batch",
    ]);
    names
}
