//! Classifying rows: new, already a member (and what would change), a duplicate within the
//! file, or refused with the ledger's own reason. Reads only.

use super::*;

/// A large import into a small ledger is loaded with the member indexes
/// dropped and rebuilt after: below this many new rows it is not worth it.
pub(crate) const BULK_MIN: usize = 5_000;

pub(crate) struct Known {
    id: String,
    member_no: String,
    name: String,
    deleted: bool,
}

/// Who is already in the ledger, by citizen ID: all loaded at once when
/// the file is large against the ledger, else looked up row by row.
pub(crate) enum Lookup {
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

pub(crate) fn opt_change(
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
pub(crate) fn changes(
    m: &Member,
    v: &ValidMember,
    mode: Mode,
    fields: &[String],
) -> Vec<FieldChange> {
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
pub(crate) fn classify(
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
