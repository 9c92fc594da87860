//! Spreadsheets in and out: import preview, dry run and commit, the
//! dry-run report, roster export, roster comparison (摸清底数).
//!
//! Files arrive as a path (desktop: a native dialog) or as base64 bytes
//! with a name (browser: an upload), see [`FileArg`]. The last file read is
//! kept parsed, so preview → dry run → commit → report reads it once.
//! Generated files are written to `out` when given, else returned as
//! base64 ([`FileOut`]).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use base64::Engine;
use ledger_core::{citizen_id, phone};
use ledger_sheets::record::{self, Defaults};
use ledger_sheets::write::{self, SheetOut, Tone};
use ledger_sheets::{Field, Mapping, SheetError, Table};
use ledger_store::import::{self, Mode, Options, Refusal, SourceRow, Status};
use ledger_store::members::{self, Member};
use ledger_store::roster::{self, Comparison, ListRow, Person};
use ledger_store::{exports, Store};

use crate::dto::{
    Choice, ExportColumn, ExportMembersInput, FieldChange, FileArg, FileOut, ImportInput,
    ImportModeCode, ImportPreview, ImportPreviewInput, ImportReportInput, ImportRowResult,
    ImportSummary, RosterBreakdown, RosterCompareInput, RosterExportInput, RosterPart,
    RosterPerson, RosterRejected, RosterResult, SheetChoices, SheetField, SheetFormat,
    SheetMapping,
};
use crate::{Api, ApiError, ErrorCode};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIME: &str = "text/csv; charset=gb18030";
/// Rows of each list returned to the screen; files carry them all.
const SCREEN_ROWS: usize = 200;
const ISSUE_ROWS: usize = 500;
/// Larger uploads are refused before decoding.
const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
enum Key {
    Path {
        path: PathBuf,
        len: u64,
        modified: Option<SystemTime>,
        sheet: Option<u32>,
    },
    Bytes {
        name: String,
        len: usize,
        hash: u64,
        sheet: Option<u32>,
    },
}

/// The last file read, parsed.
#[derive(Default)]
pub(crate) struct Cache(Mutex<Option<(Key, Arc<Table>)>>);

fn sheet_err(e: SheetError) -> ApiError {
    let field = match e {
        SheetError::NoHeader(_) => "header_row",
        SheetError::NoSheet(_) => "sheet",
        _ => "file",
    };
    ApiError::invalid(field, e.to_string())
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl Api {
    /// Read (or reuse) the file an argument names.
    fn table(&self, file: &FileArg, sheet: Option<u32>) -> Result<Arc<Table>, ApiError> {
        let sheet_ix = sheet.map(|s| s as usize);
        let (key, bytes, name) = match (&file.path, &file.bytes_base64) {
            (Some(p), _) if !p.trim().is_empty() => {
                let path = PathBuf::from(p.trim());
                let name = file_name_of(&path);
                let meta = std::fs::metadata(&path).map_err(|e| {
                    ApiError::invalid(
                        "file",
                        SheetError::Io {
                            file: name.clone(),
                            reason: if e.kind() == std::io::ErrorKind::NotFound {
                                "文件不存在".into()
                            } else {
                                e.to_string()
                            },
                        }
                        .to_string(),
                    )
                })?;
                let key = Key::Path {
                    path: path.clone(),
                    len: meta.len(),
                    modified: meta.modified().ok(),
                    sheet,
                };
                (key, None, name)
            }
            (_, Some(b64)) => {
                let name = file
                    .file_name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| "上传的文件".into());
                let b64 = b64.trim();
                let b64 = match b64.find(";base64,") {
                    Some(i) if b64.starts_with("data:") => &b64[i + 8..],
                    _ => b64,
                };
                if b64.len() / 4 * 3 > MAX_FILE_BYTES {
                    return Err(ApiError::invalid(
                        "file",
                        format!("“{name}”太大（最多200MB）"),
                    ));
                }
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(b64.as_bytes())
                    .map_err(|_| {
                        ApiError::bad_request(format!("“{name}”的内容不是有效的 base64 编码"))
                    })?;
                let mut h = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut h);
                let key = Key::Bytes {
                    name: name.clone(),
                    len: bytes.len(),
                    hash: h.finish(),
                    sheet,
                };
                (key, Some(bytes), name)
            }
            _ => {
                return Err(ApiError::invalid(
                    "file",
                    "请选择要读取的文件（path，或 file_name 与 bytes_base64）",
                ))
            }
        };
        let mut cache = self.sheets.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((k, t)) = cache.as_ref() {
            if *k == key {
                return Ok(t.clone());
            }
        }
        let table = match (&key, bytes) {
            (_, Some(b)) => ledger_sheets::read(&name, &b, sheet_ix),
            (Key::Path { path, .. }, None) => ledger_sheets::read_path(path, sheet_ix),
            (Key::Bytes { .. }, None) => unreachable!("bytes keys carry bytes"),
        }
        .map_err(sheet_err)?;
        let table = Arc::new(table);
        *cache = Some((key, table.clone()));
        Ok(table)
    }
}

fn to_dto(m: &Mapping) -> SheetMapping {
    SheetMapping {
        header_row: m.header_row as u32,
        fields: m
            .columns
            .iter()
            .map(|(f, &c)| (f.code().to_string(), c as u32))
            .collect(),
    }
}

fn from_dto(m: &SheetMapping, table: &Table) -> Result<Mapping, ApiError> {
    let width = table.width().max(1);
    let mut columns = BTreeMap::new();
    for (code, &col) in &m.fields {
        let f = Field::from_code(code)
            .ok_or_else(|| ApiError::invalid("mapping", format!("字段对应：未知的字段“{code}”")))?;
        if col as usize >= width {
            return Err(ApiError::invalid(
                "mapping",
                format!("字段对应：{}对应的第{}列不存在", f.label(), col + 1),
            ));
        }
        columns.insert(f, col as usize);
    }
    if m.header_row as usize >= table.rows.len() {
        return Err(ApiError::invalid(
            "header_row",
            format!("表头行：第{}行不存在", m.header_row + 1),
        ));
    }
    Ok(Mapping {
        header_row: m.header_row as usize,
        columns,
    })
}

/// Saved mappings are keyed by the header row's normalised names.
fn signature(table: &Table, header_row: usize) -> String {
    let cells: Vec<String> = table
        .rows
        .get(header_row)
        .map(|r| {
            r.iter()
                .map(|c| ledger_sheets::mapping::normalize_header(c))
                .collect()
        })
        .unwrap_or_default();
    format!("import.mapping.{}", cells.join("|"))
}

fn saved_mapping(store: &Store, table: &Table, header_row: usize) -> Option<Mapping> {
    let saved = store.meta(&signature(table, header_row)).ok()??;
    let m: SheetMapping = serde_json::from_str(&saved).ok()?;
    let mut m = from_dto(&m, table).ok()?;
    m.header_row = header_row;
    Some(m)
}

/// The caller's mapping, else the one saved for these headers, else the
/// detected one.
fn resolve(
    store: &Store,
    table: &Table,
    given: Option<&SheetMapping>,
    header_row: Option<u32>,
) -> Result<(Mapping, &'static str), ApiError> {
    if let Some(m) = given {
        return Ok((from_dto(m, table)?, "given"));
    }
    let detected = match header_row {
        Some(h) => {
            let h = h as usize;
            let row = table.rows.get(h).ok_or_else(|| {
                ApiError::invalid("header_row", format!("表头行：第{}行不存在", h + 1))
            })?;
            Mapping {
                header_row: h,
                columns: ledger_sheets::mapping::map_header(row),
            }
        }
        None => ledger_sheets::detect(&table.rows).ok_or_else(|| {
            sheet_err(SheetError::NoHeader(
                ledger_sheets::mapping::HEADER_SEARCH_ROWS.min(table.rows.len()),
            ))
        })?,
    };
    match saved_mapping(store, table, detected.header_row) {
        Some(m) => Ok((m, "saved")),
        None => Ok((detected, "detected")),
    }
}

const REQUIRED: [Field; 3] = [Field::IdNumber, Field::Name, Field::Phone];

fn missing(m: &Mapping, required: &[Field]) -> Vec<String> {
    required
        .iter()
        .filter(|f| !m.columns.contains_key(f))
        .map(|f| f.label().to_string())
        .collect()
}

fn require(m: &Mapping, required: &[Field]) -> Result<(), ApiError> {
    match missing(m, required).first() {
        None => Ok(()),
        Some(label) => Err(ApiError::invalid(
            "mapping",
            format!("字段对应：请指定“{label}”所在的列"),
        )),
    }
}

fn padded(row: &[String], width: usize) -> Vec<String> {
    let mut r: Vec<String> = row.iter().take(width).cloned().collect();
    r.resize(width, String::new());
    r
}

pub(crate) fn write_out(
    out: Option<&str>,
    file_name: String,
    bytes: Vec<u8>,
    rows: usize,
) -> Result<FileOut, ApiError> {
    let mime = if file_name.to_ascii_lowercase().ends_with(".csv") {
        CSV_MIME
    } else {
        XLSX_MIME
    };
    match out.map(str::trim).filter(|o| !o.is_empty()) {
        Some(path) => {
            std::fs::write(path, &bytes)
                .map_err(|e| ApiError::invalid("out", format!("无法写入文件 {path}：{e}")))?;
            Ok(FileOut {
                file_name: file_name_of(Path::new(path)),
                path: Some(path.to_string()),
                bytes_base64: None,
                mime: mime.into(),
                rows: rows as u32,
            })
        }
        None => Ok(FileOut {
            file_name,
            path: None,
            bytes_base64: Some(base64::engine::general_purpose::STANDARD.encode(&bytes)),
            mime: mime.into(),
            rows: rows as u32,
        }),
    }
}

fn xlsx(sheets: &[SheetOut]) -> Result<Vec<u8>, ApiError> {
    write::xlsx(sheets).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}

// ---- choices and preview -------------------------------------------------

const REASONS: [(&str, &str); 7] = [
    ("bad_length", "身份证号位数不对或未填写"),
    ("bad_checksum", "身份证号校验码错误"),
    ("bad_date", "身份证号中的出生日期无效"),
    ("bad_phone", "手机号无效或未填写"),
    ("missing_name", "姓名未填写"),
    ("missing_group", "职业群体未填写"),
    ("invalid", "其他字段不符合台账规则"),
];

/// Roster columns: (code, label, in the default roster).
const EXPORT_COLUMNS: [(&str, &str, bool); 23] = [
    ("member_no", "会员编号", true),
    ("name", "姓名", true),
    ("gender", "性别", true),
    ("id_number", "身份证号", true),
    ("birth_date", "出生日期", false),
    ("phone", "手机号", true),
    ("ethnic_group", "民族", false),
    ("occupation_group", "职业群体", true),
    ("employer", "工作单位/平台", true),
    ("labour_relation", "劳动关系", false),
    ("org_name", "所属组织", true),
    ("join_date", "入会日期", true),
    ("join_channel", "入会渠道", false),
    ("status", "状态", true),
    ("hukou_address", "户籍地", false),
    ("residence", "现居住地", false),
    ("new_employment", "新就业形态", false),
    ("migrant_worker", "农民工", false),
    ("plate_number", "车牌号", false),
    ("vehicle_type", "车辆类型", false),
    ("qualification_no", "从业资格证号", false),
    ("verified_on", "核实日期", false),
    ("notes", "备注", false),
];

const PARTS: [(RosterPart, &str, &str); 8] = [
    (RosterPart::All, "all", "全部（每部分一个工作表）"),
    (RosterPart::Members, "members", "已入会"),
    (RosterPart::NotMembers, "not_members", "未入会（待动员）"),
    (RosterPart::PhoneDiffers, "phone_differs", "手机号不一致"),
    (RosterPart::PhoneBad, "phone_bad", "名单手机号有误"),
    (RosterPart::Rejected, "rejected", "身份证号无效"),
    (RosterPart::ByCounty, "by_county", "按户籍地统计"),
    (RosterPart::ByEmployer, "by_employer", "按工作单位统计"),
];

pub fn choices() -> SheetChoices {
    let choice = |v: &str, l: &str| Choice {
        value: v.into(),
        label: l.into(),
    };
    SheetChoices {
        import_fields: Field::ALL
            .iter()
            .map(|f| SheetField {
                code: f.code().into(),
                label: f.label().into(),
                required: REQUIRED.contains(f),
            })
            .collect(),
        export_columns: EXPORT_COLUMNS
            .iter()
            .map(|(c, l, d)| ExportColumn {
                code: (*c).into(),
                label: (*l).into(),
                default: *d,
            })
            .collect(),
        import_modes: vec![
            choice("skip", "跳过已是会员的人"),
            choice("fill", "补充空白字段"),
            choice("update", "用文件内容更新"),
        ],
        roster_parts: PARTS.iter().map(|(_, c, l)| choice(c, l)).collect(),
        reasons: REASONS.iter().map(|(c, l)| choice(c, l)).collect(),
    }
}

pub fn preview(api: &Api, input: ImportPreviewInput) -> Result<ImportPreview, ApiError> {
    let table = api.table(&input.file, input.sheet)?;
    let store = api.store();
    let (mapping, source) = resolve(&store, &table, None, input.header_row)?;
    let width = table.width();
    let data: Vec<(u32, &[String])> = mapping.data_rows(&table.rows).collect();
    Ok(ImportPreview {
        file_name: table.file_name.clone(),
        format: table.format.label(),
        sheet_names: table.sheet_names.clone(),
        sheet: table.sheet as u32,
        mapping: to_dto(&mapping),
        mapping_source: source.into(),
        headers: padded(
            table
                .rows
                .get(mapping.header_row)
                .map(Vec::as_slice)
                .unwrap_or(&[]),
            width,
        ),
        title_rows: table.rows[..mapping.header_row]
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| padded(r, width))
            .collect(),
        sample: data
            .iter()
            .take(10)
            .map(|(_, r)| padded(r, width))
            .collect(),
        sample_lines: data.iter().take(10).map(|(l, _)| *l).collect(),
        data_rows: data.len() as u32,
        missing: missing(&mapping, &REQUIRED),
    })
}

// ---- import ----------------------------------------------------------------

fn mode_of(m: Option<ImportModeCode>) -> Mode {
    match m.unwrap_or_default() {
        ImportModeCode::Skip => Mode::Skip,
        ImportModeCode::Fill => Mode::Fill,
        ImportModeCode::Update => Mode::Update,
    }
}

/// Everything an import step needs: the file, its mapping, its rows.
struct Prepared {
    table: Arc<Table>,
    mapping: Mapping,
    rows: Vec<SourceRow>,
    opts: Options,
}

fn prepare(api: &Api, input: &ImportInput) -> Result<Prepared, ApiError> {
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

fn status_label(s: &Status, mode: Mode) -> (String, Tone) {
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

fn summary(p: &Prepared, out: &import::Outcome, committed: bool) -> ImportSummary {
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

// ---- export ----------------------------------------------------------------

fn yes(b: bool) -> String {
    if b { "是" } else { "否" }.to_string()
}

/// Full ID numbers leave the ledger only with a stated purpose (PIPL).
fn require_purpose(full_id: bool, purpose: &Option<String>) -> Result<(), ApiError> {
    if full_id && purpose.as_deref().is_none_or(|p| p.trim().is_empty()) {
        return Err(ApiError::invalid(
            "purpose",
            "用途：导出完整身份证号时必须填写用途（会被记录）",
        ));
    }
    Ok(())
}

fn cell(m: &Member, code: &str, full_id: bool) -> String {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    match code {
        "member_no" => m.member_no.clone(),
        "name" => m.name.clone(),
        "gender" => m.gender.label().into(),
        "id_number" if full_id => m.id_number.clone(),
        "id_number" => citizen_id::mask(&m.id_number),
        "birth_date" => m.birth_date.to_string(),
        "phone" => m.phone.clone(),
        "ethnic_group" => o(&m.ethnic_group),
        "occupation_group" => m.occupation_group.clone(),
        "employer" => o(&m.employer),
        "labour_relation" => o(&m.labour_relation),
        "org_name" => m.org_name.clone(),
        "join_date" => m.join_date.to_string(),
        "join_channel" => m.join_channel.clone(),
        "status" => m.status.clone(),
        "hukou_address" => o(&m.hukou_address),
        "residence" => o(&m.residence),
        "new_employment" => yes(m.new_employment),
        "migrant_worker" => yes(m.migrant_worker),
        "plate_number" => o(&m.plate_number),
        "vehicle_type" => o(&m.vehicle_type),
        "qualification_no" => o(&m.qualification_no),
        "verified_on" => m.verified_on.map(|d| d.to_string()).unwrap_or_default(),
        "notes" => o(&m.notes),
        _ => String::new(),
    }
}

/// 花名册: the current list's filters, chosen columns, IDs masked unless
/// `full_id` (then recorded per member and in the export log).
pub fn export_members(api: &Api, input: ExportMembersInput) -> Result<FileOut, ApiError> {
    let columns: Vec<String> = match &input.columns {
        Some(c) if !c.is_empty() => c.clone(),
        _ => EXPORT_COLUMNS
            .iter()
            .filter(|c| c.2)
            .map(|c| c.0.to_string())
            .collect(),
    };
    let labels: Vec<String> = columns
        .iter()
        .map(|c| {
            EXPORT_COLUMNS
                .iter()
                .find(|x| x.0 == c)
                .map(|x| x.1.to_string())
                .ok_or_else(|| ApiError::invalid("columns", format!("导出列：未知的列“{c}”")))
        })
        .collect::<Result<_, _>>()?;
    let format = input.format.unwrap_or_else(|| {
        match input.out.as_deref().map(|o| o.to_ascii_lowercase()) {
            Some(o) if o.ends_with(".csv") => SheetFormat::Csv,
            _ => SheetFormat::Xlsx,
        }
    });
    let full_id = input.full_id.unwrap_or(false);
    require_purpose(full_id, &input.purpose)?;
    let query = input.query.clone().unwrap_or_default();
    let mut store = api.store();
    let stale = crate::members::stale_before(&store)?;
    let q = crate::members::query(&query, stale)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    members::search_each(store.conn(), &q, |m| {
        rows.push(columns.iter().map(|c| cell(&m, c, full_id)).collect());
        if full_id {
            ids.push(m.id);
        }
        Ok(())
    })?;
    let today = store.today();
    let (file_name, bytes) = match format {
        SheetFormat::Xlsx => (
            format!("花名册-{today}.xlsx"),
            xlsx(&[SheetOut {
                name: "花名册".into(),
                title: Some(format!("会员花名册（{today}，共{}人）", rows.len())),
                headers: labels.clone(),
                rows: rows.clone(),
                ..Default::default()
            }])?,
        ),
        SheetFormat::Csv => (
            format!("花名册-{today}.csv"),
            write::csv_gb18030(&labels, &rows),
        ),
    };
    let file_name = input
        .out
        .as_deref()
        .map(|o| file_name_of(Path::new(o)))
        .unwrap_or(file_name);
    let filters = serde_json::json!({
        "text": query.text, "org_id": query.org_id, "group": query.group, "status": query.status,
        "channel": query.channel, "labour_relation": query.labour_relation, "employer": query.employer,
        "joined_from": query.joined_from, "joined_to": query.joined_to, "stale_only": query.stale_only,
        "columns": columns,
    });
    let record = exports::Export {
        kind: "roster".into(),
        file_name: file_name.clone(),
        rows: rows.len() as u64,
        full_id,
        purpose: input.purpose.clone().filter(|p| !p.trim().is_empty()),
        filters: Some(filters.to_string()),
    };
    // Written first, recorded after: a file that could not be written is
    // not recorded; a record that fails leaves the file (and says so).
    let out = write_out(input.out.as_deref(), file_name, bytes, rows.len())?;
    store.transact(|tx| exports::record(tx, &record, &ids))?;
    log::info!(
        "roster exported: {} rows{}",
        rows.len(),
        if full_id { " with full IDs" } else { "" }
    );
    Ok(out)
}

// ---- roster comparison -----------------------------------------------------

fn compared(
    api: &Api,
    input: &RosterCompareInput,
) -> Result<(Arc<Table>, Mapping, Comparison), ApiError> {
    let table = api.table(&input.file, input.sheet)?;
    let store = api.store();
    let (mapping, _) = resolve(&store, &table, input.mapping.as_ref(), None)?;
    require(&mapping, &[Field::IdNumber])?;
    let rows: Vec<ListRow> = mapping
        .data_rows(&table.rows)
        .map(|(line, r)| ListRow {
            line,
            id_number: record::id_cell(mapping.get(r, Field::IdNumber)).to_string(),
            name: mapping.get(r, Field::Name).to_string(),
            phone: mapping.get(r, Field::Phone).to_string(),
            employer: mapping.get(r, Field::Employer).to_string(),
        })
        .collect();
    let c = roster::compare(store.conn(), store.today(), &rows)?;
    Ok((table, mapping, c))
}

fn person(p: &Person) -> RosterPerson {
    RosterPerson {
        line: p.line,
        repeats: p.repeats,
        name: p.name.clone(),
        id_number: citizen_id::mask(&p.id_number),
        county: p.county().to_string(),
        phone: match &p.phone {
            Some(ph) => phone::mask(ph),
            None => p.phone_raw.clone(),
        },
        phone_bad: p.phone_bad,
        employer: p.employer_or_ledger().to_string(),
        member_id: p.member.as_ref().map(|m| m.member_id.clone()),
        member_no: p.member.as_ref().map(|m| m.member_no.clone()),
        member_phone: p.member.as_ref().map(|m| phone::mask(&m.phone)),
        member_status: p.member.as_ref().map(|m| m.status.clone()),
        org_name: p.member.as_ref().map(|m| m.org_name.clone()),
    }
}

fn breakdown(b: Vec<roster::Breakdown>) -> Vec<RosterBreakdown> {
    b.into_iter()
        .map(|b| RosterBreakdown {
            key: b.key,
            label: b.label,
            total: b.total,
            members: b.members,
            not_members: b.not_members,
        })
        .collect()
}

fn rejected_counts(c: &Comparison) -> BTreeMap<String, u32> {
    let mut m = BTreeMap::new();
    for r in &c.rejected {
        *m.entry(r.code.to_string()).or_default() += 1;
    }
    m
}

fn first<'a>(it: impl Iterator<Item = &'a Person>) -> Vec<RosterPerson> {
    it.take(SCREEN_ROWS).map(person).collect()
}

pub fn roster_compare(api: &Api, input: RosterCompareInput) -> Result<RosterResult, ApiError> {
    let (table, mapping, c) = compared(api, &input)?;
    let by_county = {
        let store = api.store();
        breakdown(c.by_county(store.conn())?)
    };
    Ok(RosterResult {
        file_name: table.file_name.clone(),
        mapping: to_dto(&mapping),
        rows: c.rows,
        people: c.people.len() as u32,
        members: c.members().count() as u32,
        not_members: c.not_members().count() as u32,
        phone_differs: c.phone_differs().count() as u32,
        phone_bad: c.phone_bad().count() as u32,
        repeated_rows: c.repeated_rows,
        rejected_total: c.rejected.len() as u32,
        rejected: rejected_counts(&c),
        by_county,
        by_employer: breakdown(c.by_employer()),
        member_rows: first(c.members()),
        not_member_rows: first(c.not_members()),
        phone_differs_rows: first(c.phone_differs()),
        rejected_rows: c
            .rejected
            .iter()
            .take(SCREEN_ROWS)
            .map(|r| RosterRejected {
                line: r.line,
                name: r.name.clone(),
                id_number: citizen_id::mask(&r.id_number),
                code: r.code.into(),
                message: r.message.clone(),
            })
            .collect(),
    })
}

/// The worksheets of the comparison, and the members whose full ID they
/// hold (for the record).
fn roster_sheets(
    c: &Comparison,
    by_county: Vec<roster::Breakdown>,
    part: RosterPart,
    full_id: bool,
) -> (Vec<SheetOut>, Vec<String>) {
    let id = |s: &str| {
        if full_id {
            s.to_string()
        } else {
            citizen_id::mask(s)
        }
    };
    let mut revealed = Vec::new();
    let mut sheets = Vec::new();
    let want = |p: RosterPart| part == RosterPart::All || part == p;
    let people = |it: &mut dyn Iterator<Item = &Person>, revealed: &mut Vec<String>| {
        it.inspect(|p| {
            if let (true, Some(m)) = (full_id, &p.member) {
                revealed.push(m.member_id.clone());
            }
        })
        .cloned()
        .collect::<Vec<Person>>()
    };
    let s = |v: &str| v.to_string();
    if part == RosterPart::All {
        sheets.push(SheetOut {
            name: "汇总".into(),
            headers: vec![s("项目"), s("人数")],
            rows: vec![
                vec![s("名单行数"), c.rows.to_string()],
                vec![s("名单人数（重复只计一次）"), c.people.len().to_string()],
                vec![s("已入会"), c.members().count().to_string()],
                vec![s("未入会"), c.not_members().count().to_string()],
                vec![s("手机号不一致"), c.phone_differs().count().to_string()],
                vec![s("名单手机号有误"), c.phone_bad().count().to_string()],
                vec![s("身份证号无效"), c.rejected.len().to_string()],
            ],
            ..Default::default()
        });
    }
    if want(RosterPart::Members) {
        let rows = people(&mut c.members(), &mut revealed)
            .iter()
            .map(|p| {
                let m = p.member.as_ref().expect("members are matched");
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone.clone().unwrap_or_else(|| p.phone_raw.clone()),
                    m.phone.clone(),
                    m.member_no.clone(),
                    m.org_name.clone(),
                    m.status.clone(),
                    p.employer_or_ledger().to_string(),
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "已入会".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "名单手机号",
                "台账手机号",
                "会员编号",
                "所属组织",
                "状态",
                "工作单位/平台",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::NotMembers) {
        let rows = people(&mut c.not_members(), &mut revealed)
            .iter()
            .map(|p| {
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone.clone().unwrap_or_else(|| p.phone_raw.clone()),
                    if p.phone_bad {
                        s("手机号有误")
                    } else {
                        String::new()
                    },
                    p.employer.clone(),
                    p.county().to_string(),
                    p.member
                        .as_ref()
                        .map(|m| format!("曾入会（{}，会员编号 {}）", m.status, m.member_no))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "未入会".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "手机号",
                "手机号检查",
                "工作单位/平台",
                "户籍地代码",
                "备注",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::PhoneDiffers) {
        let rows = people(&mut c.phone_differs(), &mut revealed)
            .iter()
            .map(|p| {
                let m = p.member.as_ref().expect("matched");
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone.clone().unwrap_or_default(),
                    m.phone.clone(),
                    m.member_no.clone(),
                    m.org_name.clone(),
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "手机号不一致".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "名单手机号",
                "台账手机号",
                "会员编号",
                "所属组织",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::PhoneBad) {
        let rows = people(&mut c.phone_bad(), &mut revealed)
            .iter()
            .map(|p| {
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone_raw.clone(),
                    p.employer_or_ledger().to_string(),
                    if p.is_member() {
                        s("已入会")
                    } else {
                        s("未入会")
                    },
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "名单手机号有误".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "名单手机号",
                "工作单位/平台",
                "入会情况",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::Rejected) {
        sheets.push(SheetOut {
            name: "身份证号无效".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号（原样）",
                "手机号",
                "工作单位/平台",
                "原因",
            ]
            .map(s)
            .to_vec(),
            rows: c
                .rejected
                .iter()
                .map(|r| {
                    vec![
                        r.line.to_string(),
                        r.name.clone(),
                        id(&r.id_number),
                        r.phone.clone(),
                        r.employer.clone(),
                        r.message.clone(),
                    ]
                })
                .collect(),
            ..Default::default()
        });
    }
    let counts = |b: &roster::Breakdown, with_key: bool| {
        let mut v = Vec::new();
        if with_key {
            v.push(b.key.clone());
        }
        v.extend([
            b.label.clone(),
            b.total.to_string(),
            b.members.to_string(),
            b.not_members.to_string(),
        ]);
        v
    };
    if want(RosterPart::ByCounty) {
        sheets.push(SheetOut {
            name: "按户籍地".into(),
            headers: ["户籍地代码", "名称", "人数", "已入会", "未入会"]
                .map(s)
                .to_vec(),
            rows: by_county.iter().map(|b| counts(b, true)).collect(),
            ..Default::default()
        });
    }
    if want(RosterPart::ByEmployer) {
        sheets.push(SheetOut {
            name: "按工作单位".into(),
            headers: ["工作单位/平台", "人数", "已入会", "未入会"]
                .map(s)
                .to_vec(),
            rows: c.by_employer().iter().map(|b| counts(b, false)).collect(),
            ..Default::default()
        });
    }
    revealed.sort();
    revealed.dedup();
    (sheets, revealed)
}

pub fn roster_export(api: &Api, input: RosterExportInput) -> Result<FileOut, ApiError> {
    let part = input.part.unwrap_or_default();
    let full_id = input.full_id.unwrap_or(false);
    require_purpose(full_id, &input.purpose)?;
    let (table, _, c) = compared(api, &input.compare)?;
    let by_county = {
        let store = api.store();
        c.by_county(store.conn())?
    };
    let (sheets, revealed) = roster_sheets(&c, by_county, part, full_id);
    let rows: usize = sheets
        .iter()
        .filter(|s| s.name != "汇总")
        .map(|s| s.rows.len())
        .sum();
    let bytes = xlsx(&sheets)?;
    let (code, label) = PARTS
        .iter()
        .find(|p| p.0 == part)
        .map(|p| (p.1, p.2))
        .unwrap_or(("all", "全部"));
    let stem = Path::new(&table.file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let label = label.split('（').next().unwrap_or(label);
    let name = format!("{stem}-比对-{label}.xlsx");
    let out = write_out(input.out.as_deref(), name, bytes, rows)?;
    let record = exports::Export {
        kind: "roster_compare".into(),
        file_name: out.file_name.clone(),
        rows: rows as u64,
        full_id,
        purpose: input.purpose.clone().filter(|p| !p.trim().is_empty()),
        filters: Some(serde_json::json!({ "compared": table.file_name, "part": code }).to_string()),
    };
    api.store()
        .transact(|tx| exports::record(tx, &record, &revealed))?;
    Ok(out)
}

// Typed entry points for the CLI and the benchmark.
impl Api {
    pub fn import_dry_run(&self, input: ImportInput) -> Result<ImportSummary, ApiError> {
        dry_run(self, input)
    }
    pub fn import_commit(&self, input: ImportInput) -> Result<ImportSummary, ApiError> {
        commit(self, input)
    }
    pub fn import_report(&self, input: ImportReportInput) -> Result<FileOut, ApiError> {
        report(self, input)
    }
    pub fn export_members(&self, input: ExportMembersInput) -> Result<FileOut, ApiError> {
        export_members(self, input)
    }
    pub fn roster_compare(&self, input: RosterCompareInput) -> Result<RosterResult, ApiError> {
        roster_compare(self, input)
    }
    pub fn roster_export(&self, input: RosterExportInput) -> Result<FileOut, ApiError> {
        roster_export(self, input)
    }
}
