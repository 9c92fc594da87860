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

mod choices;
mod compare;
mod export;
mod imports;

pub use choices::{choices, preview};
pub use compare::{roster_compare, roster_export};
pub use export::export_members;
pub use imports::{commit, dry_run, report};

pub(crate) const XLSX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub(crate) const CSV_MIME: &str = "text/csv; charset=gb18030";
/// Rows of each list returned to the screen; files carry them all.
pub(crate) const SCREEN_ROWS: usize = 200;
pub(crate) const ISSUE_ROWS: usize = 500;
/// Larger uploads are refused before decoding.
pub(crate) const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;

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

pub(crate) fn sheet_err(e: SheetError) -> ApiError {
    let field = match e {
        SheetError::NoHeader(_) => "header_row",
        SheetError::NoSheet(_) => "sheet",
        _ => "file",
    };
    ApiError::invalid(field, e.to_string())
}

pub(crate) fn file_name_of(path: &Path) -> String {
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

pub(crate) fn to_dto(m: &Mapping) -> SheetMapping {
    SheetMapping {
        header_row: m.header_row as u32,
        fields: m
            .columns
            .iter()
            .map(|(f, &c)| (f.code().to_string(), c as u32))
            .collect(),
    }
}

pub(crate) fn from_dto(m: &SheetMapping, table: &Table) -> Result<Mapping, ApiError> {
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
pub(crate) fn signature(table: &Table, header_row: usize) -> String {
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

pub(crate) fn saved_mapping(store: &Store, table: &Table, header_row: usize) -> Option<Mapping> {
    let saved = store.meta(&signature(table, header_row)).ok()??;
    let m: SheetMapping = serde_json::from_str(&saved).ok()?;
    let mut m = from_dto(&m, table).ok()?;
    m.header_row = header_row;
    Some(m)
}

/// The caller's mapping, else the one saved for these headers, else the
/// detected one.
pub(crate) fn resolve(
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

pub(crate) const REQUIRED: [Field; 3] = [Field::IdNumber, Field::Name, Field::Phone];

pub(crate) fn missing(m: &Mapping, required: &[Field]) -> Vec<String> {
    required
        .iter()
        .filter(|f| !m.columns.contains_key(f))
        .map(|f| f.label().to_string())
        .collect()
}

pub(crate) fn require(m: &Mapping, required: &[Field]) -> Result<(), ApiError> {
    match missing(m, required).first() {
        None => Ok(()),
        Some(label) => Err(ApiError::invalid(
            "mapping",
            format!("字段对应：请指定“{label}”所在的列"),
        )),
    }
}

pub(crate) fn padded(row: &[String], width: usize) -> Vec<String> {
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

pub(crate) fn xlsx(sheets: &[SheetOut]) -> Result<Vec<u8>, ApiError> {
    write::xlsx(sheets).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
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
