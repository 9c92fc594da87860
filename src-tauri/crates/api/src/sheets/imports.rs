//! Import: the dry run, the one-transaction commit, and the dry-run report (.xlsx).

use super::choices::REASONS;
use super::*;

pub(crate) fn mode_of(m: Option<ImportModeCode>) -> Mode {
    match m.unwrap_or_default() {
        ImportModeCode::Skip => Mode::Skip,
        ImportModeCode::Fill => Mode::Fill,
        ImportModeCode::Update => Mode::Update,
    }
}

/// Everything an import step needs: the file, its mapping, its rows.
pub(crate) struct Prepared {
    table: Arc<Table>,
    mapping: Mapping,
    rows: Vec<SourceRow>,
    opts: Options,
}

pub(crate) fn prepare(api: &Api, input: &ImportInput) -> Result<Prepared, ApiError> {
    let table = api.table(&input.file, input.sheet)?;
    let mapping = {
        let store = api.store();
        resolve(&store, &table, input.mapping.as_ref(), None)?.0
    };
    require(&mapping, &REQUIRED)?;
    let defaults = Defaults {
        occupation_group: input.occupation_group.clone(),
    };
    let rows: Vec<SourceRow> = mapping
        .data_rows(&table.rows)
        .map(|(line, row)| SourceRow {
            line,
            draft: record::member_draft(row, &mapping, &defaults).map_err(|e| Refusal {
                code: e.code.to_string(),
                field: e.field.code().to_string(),
                message: e.message,
            }),
        })
        .collect();
    let opts = Options {
        mode: mode_of(input.mode),
        org_id: input.org_id.clone(),
        source: table.file_name.clone(),
        fields: mapping
            .columns
            .keys()
            .map(|f| f.code().to_string())
            .collect(),
    };
    Ok(Prepared {
        table,
        mapping,
        rows,
        opts,
    })
}

pub(crate) fn status_label(s: &Status, mode: Mode) -> (String, Tone) {
    match s {
        Status::New => ("新增".into(), Tone::Good),
        Status::Existing {
            member_no, changes, ..
        } if changes.is_empty() => (format!("已是会员（会员编号 {member_no}）"), Tone::Plain),
        Status::Existing {
            member_no, changes, ..
        } => {
            let verb = if mode == Mode::Fill {
                "补充"
            } else {
                "更新"
            };
            let fields: Vec<&str> = changes.iter().map(|c| c.label).collect();
            (
                format!(
                    "已是会员（会员编号 {member_no}），{verb}：{}",
                    fields.join("、")
                ),
                Tone::Plain,
            )
        }
        Status::Duplicate { first_line } => {
            (format!("文件内重复（同第{first_line}行）"), Tone::Warn)
        }
        Status::Refused(r) => (format!("拒绝：{}", r.message), Tone::Bad),
    }
}

pub(crate) fn summary(p: &Prepared, out: &import::Outcome, committed: bool) -> ImportSummary {
    let c = &out.counts;
    let mut issues = Vec::new();
    let mut truncated = false;
    for r in &out.rows {
        if r.status == Status::New {
            continue;
        }
        if issues.len() == ISSUE_ROWS {
            truncated = true;
            break;
        }
        let (label, _) = status_label(&r.status, p.opts.mode);
        let (status, code, field, member_id, changes) = match &r.status {
            Status::New => ("new", None, None, None, vec![]),
            Status::Existing {
                member_id, changes, ..
            } => (
                "existing",
                None,
                None,
                Some(member_id.clone()),
                changes
                    .iter()
                    .map(|c| FieldChange {
                        field: c.field.into(),
                        label: c.label.into(),
                        from: c.from.clone(),
                        to: Some(c.to.clone()),
                    })
                    .collect(),
            ),
            Status::Duplicate { .. } => ("duplicate", None, None, None, vec![]),
            Status::Refused(x) => (
                "refused",
                Some(x.code.clone()),
                Some(x.field.clone()),
                None,
                vec![],
            ),
        };
        issues.push(ImportRowResult {
            line: r.line,
            status: status.into(),
            label,
            name: r.name.clone(),
            id_number: r.id_number.as_deref().map(citizen_id::mask),
            code,
            field,
            member_id,
            changes,
        });
    }
    ImportSummary {
        file_name: p.table.file_name.clone(),
        mode: match p.opts.mode {
            Mode::Skip => ImportModeCode::Skip,
            Mode::Fill => ImportModeCode::Fill,
            Mode::Update => ImportModeCode::Update,
        },
        mapping: to_dto(&p.mapping),
        rows: c.rows,
        new: c.new,
        existing: c.existing,
        duplicates_in_file: c.duplicates_in_file,
        legacy15_upgraded: c.legacy15_upgraded,
        rejected: c.rejected.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        rejected_total: c.rejected_total,
        to_change: c.to_change,
        committed,
        added: out.added,
        updated: out.updated,
        issues,
        issues_truncated: truncated,
    }
}

pub fn dry_run(api: &Api, input: ImportInput) -> Result<ImportSummary, ApiError> {
    let p = prepare(api, &input)?;
    let store = api.store();
    let out = import::dry_run(store.conn(), store.today(), &p.rows, &p.opts)?;
    Ok(summary(&p, &out, false))
}

pub fn commit(api: &Api, input: ImportInput) -> Result<ImportSummary, ApiError> {
    let t0 = std::time::Instant::now();
    let p = prepare(api, &input)?;
    if std::env::var_os("LEDGER_IMPORT_TRACE").is_some() {
        eprintln!("import prepared: {:?}", t0.elapsed());
    }
    let mut store = api.store();
    let key = signature(&p.table, p.mapping.header_row);
    let saved = serde_json::to_string(&SheetMapping {
        header_row: p.mapping.header_row as u32,
        ..to_dto(&p.mapping)
    })
    .unwrap_or_default();
    let out = store.transact(|tx| {
        let out = import::commit(tx, &p.rows, &p.opts)?;
        // The mapping the cadre confirmed is offered next time for files
        // with the same headers.
        tx.set_meta(&key, &saved)?;
        Ok(out)
    })?;
    log::info!(
        "import {}: {} added, {} updated",
        p.table.file_name,
        out.added,
        out.updated
    );
    Ok(summary(&p, &out, true))
}

/// The dry run as .xlsx: the original columns plus 导入结果, and a summary.
pub fn report(api: &Api, input: ImportReportInput) -> Result<FileOut, ApiError> {
    let p = prepare(api, &input.import)?;
    let out = {
        let store = api.store();
        import::dry_run(store.conn(), store.today(), &p.rows, &p.opts)?
    };
    let width = p.table.width();
    let mut headers = padded(
        p.table
            .rows
            .get(p.mapping.header_row)
            .map(Vec::as_slice)
            .unwrap_or(&[]),
        width,
    );
    for (i, h) in headers.iter_mut().enumerate() {
        if h.is_empty() {
            *h = format!("第{}列", i + 1);
        }
    }
    headers.insert(0, "行号".into());
    headers.push("导入结果".into());
    let mut rows = Vec::with_capacity(out.rows.len());
    let mut tones = Vec::with_capacity(out.rows.len());
    for ((line, cells), r) in p.mapping.data_rows(&p.table.rows).zip(&out.rows) {
        let (label, tone) = status_label(&r.status, p.opts.mode);
        let mut row = vec![line.to_string()];
        row.extend(padded(cells, width));
        row.push(label);
        rows.push(row);
        tones.push(tone);
    }
    let c = &out.counts;
    let mut counts = vec![
        vec!["数据行".to_string(), c.rows.to_string()],
        vec!["新增".into(), c.new.to_string()],
        vec!["已是会员".into(), c.existing.to_string()],
        vec!["文件内重复".into(), c.duplicates_in_file.to_string()],
        vec!["拒绝".into(), c.rejected_total.to_string()],
        vec![
            "其中15位旧身份证号已升级".into(),
            c.legacy15_upgraded.to_string(),
        ],
    ];
    for (code, label) in REASONS {
        if let Some(n) = c.rejected.get(code) {
            counts.push(vec![format!("拒绝：{label}"), n.to_string()]);
        }
    }
    let status_col = headers.len() - 1;
    let n = rows.len();
    let bytes = xlsx(&[
        SheetOut {
            name: "导入检查".into(),
            title: Some(format!("导入检查报告：{}", p.table.file_name)),
            headers,
            rows,
            tones,
            tone_col: Some(status_col),
        },
        SheetOut {
            name: "汇总".into(),
            headers: vec!["项目".into(), "行数".into()],
            rows: counts,
            ..Default::default()
        },
    ])?;
    let stem = Path::new(&p.table.file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    write_out(
        input.out.as_deref(),
        format!("{stem}-导入检查.xlsx"),
        bytes,
        n,
    )
}
