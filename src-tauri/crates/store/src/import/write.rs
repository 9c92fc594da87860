//! [`commit`]: classify again inside the transaction and write, with the bulk path that
//! drops and rebuilds the member indexes for a large load.

use super::*;

/// Member indexes (with their SQL) that a bulk load drops and rebuilds.
pub(crate) fn member_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
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
pub(crate) fn record_columns() -> Vec<&'static str> {
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
