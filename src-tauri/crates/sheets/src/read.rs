//! Reading: bytes of .xlsx/.xlsb/.xls/.ods/.csv into a grid of text.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{CellErrorType, Data, DataRef, Ods, Range, Reader, Xls, Xlsb, Xlsx};

use crate::SheetError;

/// Columns beyond this are ignored (no office list is that wide; a
/// corrupt file that claims 16,384 columns must not allocate them).
pub const MAX_COLS: usize = 256;
/// Excel's own row limit.
const MAX_ROWS: usize = 1_048_576;

/// What kind of file was read, for the preview ("GB18030 编码的 CSV").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    /// CSV or tab-separated text; the encoding it was decoded from.
    Csv(&'static str),
}

impl Format {
    pub fn label(self) -> String {
        match self {
            Format::Xlsx => "Excel 工作簿（.xlsx）".into(),
            Format::Xlsb => "Excel 二进制工作簿（.xlsb）".into(),
            Format::Xls => "Excel 97-2003 工作簿（.xls）".into(),
            Format::Ods => "OpenDocument 表格（.ods）".into(),
            Format::Csv(enc) => format!("CSV 文本（{enc} 编码）"),
        }
    }
}

/// One sheet as text. `rows[i]` is sheet row `i + 1`; cells are trimmed,
/// empty cells are `""`, and trailing empty cells may be missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub file_name: String,
    pub format: Format,
    pub sheet_names: Vec<String>,
    /// Index into `sheet_names` of the sheet that was read.
    pub sheet: usize,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The cell at (row, col), `""` when absent.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Read a file from disk. `sheet` picks a worksheet by index; `None` takes
/// the first one that has data.
pub fn read_path(path: &Path, sheet: Option<usize>) -> Result<Table, SheetError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path).map_err(|e| SheetError::Io {
        file: name.clone(),
        reason: io_reason(&e),
    })?;
    read(&name, &bytes, sheet)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => {
            "没有读取权限（文件可能正被 Excel/WPS 打开）".into()
        }
        _ => e.to_string(),
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY: &[u8] = b"PK\x05\x06";
const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Read a file's bytes. The format is decided by content (zip, OLE
/// compound file, or text), so a renamed file still reads; the name only
/// improves the messages.
pub fn read(file_name: &str, bytes: &[u8], sheet: Option<usize>) -> Result<Table, SheetError> {
    let file = file_name.to_string();
    let ext = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.is_empty() {
        return Err(SheetError::Empty(file));
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(ZIP_EMPTY) {
        let ods = bytes.get(30..38) == Some(b"mimetype")
            && bytes
                .get(38..38 + 46)
                .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"));
        return guarded(
            &file,
            if ods { "OpenDocument 表格" } else { "Excel" },
            || {
                if ods || ext == "ods" {
                    workbook::<Ods<_>>(&file, bytes, sheet, Format::Ods, "OpenDocument 表格")
                } else if ext == "xlsb" {
                    workbook::<Xlsb<_>>(&file, bytes, sheet, Format::Xlsb, "Excel")
                } else {
                    xlsx(&file, bytes, sheet)
                }
            },
        );
    }
    if bytes.starts_with(CFB) {
        return guarded(&file, "Excel 97-2003", || {
            workbook::<Xls<_>>(&file, bytes, sheet, Format::Xls, "Excel 97-2003")
        });
    }
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "et" => {
            let head = bytes.iter().take(512).copied().collect::<Vec<u8>>();
            let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
            let detail = if text.trim_start().starts_with('<') {
                "看起来是网页（HTML）格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入".to_string()
            } else {
                "文件头不是 Excel 或 OpenDocument 格式".to_string()
            };
            Err(SheetError::Corrupt {
                file,
                kind: if ext == "ods" {
                    "OpenDocument 表格"
                } else {
                    "Excel"
                },
                detail,
            })
        }
        _ => csv::read(&file, bytes).map(|rows| Table {
            file_name: file.clone(),
            format: Format::Csv(rows.1),
            sheet_names: vec![file_stem(&file)],
            sheet: 0,
            rows: rows.0,
        }),
    }
}

fn file_stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Run a third-party parser so that even a panic inside it becomes an
/// error message instead of taking the app down.
fn guarded(
    file: &str,
    kind: &'static str,
    f: impl FnOnce() -> Result<Table, SheetError>,
) -> Result<Table, SheetError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(SheetError::Corrupt {
            file: file.to_string(),
            kind,
            detail: "文件内容无法解析".into(),
        })
    })
}

fn corrupt(file: &str, kind: &'static str, e: impl std::fmt::Display) -> SheetError {
    SheetError::Corrupt {
        file: file.to_string(),
        kind,
        detail: e.to_string(),
    }
}

/// Format a number the way a cell shows it: integers without ".0" (phone
/// numbers typed as numbers), others with at most 15 significant digits.
pub(crate) fn number(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f.fract() == 0.0 && f.abs() < 1e20 {
        return format!("{}", f as i128);
    }
    let magnitude = f.abs().log10().floor() as i32;
    let decimals = (14 - magnitude).clamp(0, 20) as usize;
    let s = format!("{f:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn datetime_text(dt: &calamine::ExcelDateTime) -> String {
    if dt.is_datetime() {
        if let Some(t) = dt.as_datetime() {
            return if t.time() == chrono::NaiveTime::MIN {
                t.format("%Y-%m-%d").to_string()
            } else {
                t.format("%Y-%m-%d %H:%M:%S").to_string()
            };
        }
    }
    number(dt.as_f64())
}

fn iso_text(s: &str) -> String {
    s.trim()
        .strip_suffix("T00:00:00")
        .unwrap_or(s.trim())
        .to_string()
}

fn error_text(e: &CellErrorType) -> String {
    e.to_string()
}

fn data_text(d: &Data) -> String {
    match d {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::String(s) => trim(s),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) => datetime_text(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => iso_text(s),
        Data::Error(e) => error_text(e),
        Data::Empty => String::new(),
    }
}

fn data_ref_text(d: &DataRef) -> String {
    match d {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => trim(s),
        DataRef::SharedString(s) => trim(s),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::DateTime(dt) => datetime_text(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => iso_text(s),
        DataRef::Error(e) => error_text(e),
        DataRef::Empty => String::new(),
    }
}

/// Trim spaces, tabs, ideographic spaces and zero-width characters.
pub(crate) fn trim(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}')
        .to_string()
}

fn put(rows: &mut Vec<Vec<String>>, r: usize, c: usize, v: String) {
    if v.is_empty() || c >= MAX_COLS {
        return;
    }
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let row = &mut rows[r];
    if row.len() <= c {
        row.resize(c + 1, String::new());
    }
    row[c] = v;
}

fn too_large(file: &str) -> SheetError {
    SheetError::TooLarge {
        file: file.to_string(),
        what: "行数超过 Excel 的上限".into(),
        max: format!("{MAX_ROWS}行"),
    }
}

/// .xlsx through the streaming cell reader: no dense intermediate range,
/// so a file claiming a huge dimension costs only the cells it has.
fn xlsx(file: &str, bytes: &[u8], sheet: Option<usize>) -> Result<Table, SheetError> {
    const KIND: &str = "Excel";
    let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| corrupt(file, KIND, e))?;
    let names = wb.sheet_names();
    let order: Vec<usize> = match sheet {
        Some(i) if i < names.len() => vec![i],
        Some(i) => return Err(SheetError::NoSheet(i + 1)),
        None => (0..names.len()).collect(),
    };
    for i in order {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut reader = wb
            .worksheet_cells_reader(&names[i])
            .map_err(|e| corrupt(file, KIND, e))?;
        while let Some(cell) = reader.next_cell().map_err(|e| corrupt(file, KIND, e))? {
            let (r, c) = cell.get_position();
            let (r, c) = (r as usize, c as usize);
            if r >= MAX_ROWS {
                return Err(too_large(file));
            }
            put(&mut rows, r, c, data_ref_text(cell.get_value()));
        }
        if !rows.is_empty() || sheet.is_some() {
            return Ok(Table {
                file_name: file.to_string(),
                format: Format::Xlsx,
                sheet_names: names,
                sheet: i,
                rows,
            });
        }
    }
    Err(SheetError::Empty(file.to_string()))
}

fn range_rows(range: &Range<Data>) -> Vec<Vec<String>> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        for (j, d) in row.iter().enumerate() {
            put(&mut rows, r0 as usize + i, c0 as usize + j, data_text(d));
        }
    }
    rows
}

/// .xls, .xlsb and .ods through calamine's ranges.
fn workbook<'a, R>(
    file: &str,
    bytes: &'a [u8],
    sheet: Option<usize>,
    format: Format,
    kind: &'static str,
) -> Result<Table, SheetError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut wb = R::new(Cursor::new(bytes)).map_err(|e| corrupt(file, kind, e))?;
    let names = wb.sheet_names();
    let order: Vec<usize> = match sheet {
        Some(i) if i < names.len() => vec![i],
        Some(i) => return Err(SheetError::NoSheet(i + 1)),
        None => (0..names.len()).collect(),
    };
    for i in order {
        let range = wb
            .worksheet_range(&names[i])
            .map_err(|e| corrupt(file, kind, e))?;
        if range.height() > MAX_ROWS {
            return Err(too_large(file));
        }
        let rows = range_rows(&range);
        if !rows.is_empty() || sheet.is_some() {
            return Ok(Table {
                file_name: file.to_string(),
                format,
                sheet_names: names,
                sheet: i,
                rows,
            });
        }
    }
    Err(SheetError::Empty(file.to_string()))
}

pub(crate) mod csv {
    //! CSV and tab-separated text in UTF-8 (with or without BOM), UTF-16
    //! (with BOM) or GBK/GB18030, which Excel and WPS write on Chinese
    //! Windows. Decided by "valid UTF-8 or not", plus the BOM.

    use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

    use super::{put, too_large, trim, MAX_ROWS};
    use crate::SheetError;

    /// Decode text and name its encoding.
    pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, &'static str), SheetError> {
        let not_text = || SheetError::NotText(file.to_string());
        let strict = |enc: &'static Encoding, b: &[u8]| {
            enc.decode_without_bom_handling_and_without_replacement(b)
                .map(|s| s.into_owned())
        };
        let (text, name) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            (
                std::str::from_utf8(rest)
                    .map_err(|_| not_text())?
                    .to_string(),
                "UTF-8",
            )
        } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            (strict(UTF_16LE, rest).ok_or_else(not_text)?, "UTF-16")
        } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            (strict(UTF_16BE, rest).ok_or_else(not_text)?, "UTF-16")
        } else if let Ok(s) = std::str::from_utf8(bytes) {
            (s.to_string(), "UTF-8")
        } else {
            (strict(GB18030, bytes).ok_or_else(not_text)?, "GB18030")
        };
        // Text has no control characters but tab and line ends: anything
        // else is a binary file that happened to decode.
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\u{1A}'))
        {
            return Err(not_text());
        }
        Ok((text, name))
    }

    /// The separator used most in the first lines: comma, tab or semicolon.
    fn separator(text: &str) -> char {
        let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
        let count = |c: char| head.chars().filter(|&x| x == c).count();
        let (comma, tab, semi) = (count(','), count('\t'), count(';'));
        if tab > comma && tab >= semi {
            '\t'
        } else if semi > comma && semi > tab {
            ';'
        } else {
            ','
        }
    }

    /// A cell some systems write as `="0123"` to keep leading zeros.
    fn unwrap_formula(s: String) -> String {
        match s.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
            Some(inner) => inner.to_string(),
            None => s,
        }
    }

    pub fn parse(file: &str, text: &str) -> Result<Vec<Vec<String>>, SheetError> {
        let sep = separator(text);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let (mut r, mut c) = (0usize, 0usize);
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        let mut at_start = true;
        let flush = |rows: &mut Vec<Vec<String>>, r: usize, c: usize, cell: &mut String| {
            put(rows, r, c, unwrap_formula(trim(cell)));
            cell.clear();
        };
        while let Some(ch) = chars.next() {
            if quoted {
                if ch == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        cell.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.push(ch);
                }
                continue;
            }
            match ch {
                '"' if at_start => {
                    quoted = true;
                    at_start = false;
                }
                c2 if c2 == sep => {
                    flush(&mut rows, r, c, &mut cell);
                    c += 1;
                    at_start = true;
                }
                '\r' | '\n' => {
                    if ch == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    flush(&mut rows, r, c, &mut cell);
                    r += 1;
                    c = 0;
                    at_start = true;
                    if r >= MAX_ROWS {
                        return Err(too_large(file));
                    }
                }
                ' ' | '\u{3000}' if at_start => {}
                _ => {
                    cell.push(ch);
                    at_start = false;
                }
            }
        }
        flush(&mut rows, r, c, &mut cell);
        Ok(rows)
    }

    pub fn read(file: &str, bytes: &[u8]) -> Result<(Vec<Vec<String>>, &'static str), SheetError> {
        let (text, enc) = decode(file, bytes)?;
        let rows = parse(file, &text)?;
        if rows.iter().all(Vec::is_empty) {
            return Err(SheetError::Empty(file.to_string()));
        }
        Ok((rows, enc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_cell_shows_them() {
        assert_eq!(number(13800138000.0), "13800138000");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(number(1.0e-3), "0.001");
    }

    #[test]
    fn csv_quotes_separators_and_line_ends() {
        let rows = csv::parse("t", "a,\"b,\"\"c\"\"\",d\r\n\"x\ny\",,z\n\n").unwrap();
        assert_eq!(rows[0], vec!["a", "b,\"c\"", "d"]);
        assert_eq!(rows[1], vec!["x\ny", "", "z"]);
        let rows = csv::parse("t", "姓名\t身份证号\n张三\t=\"0110\"\n").unwrap();
        assert_eq!(rows[1], vec!["张三", "0110"]);
    }

    #[test]
    fn decodes_by_bom_then_by_utf8_validity() {
        let (s, e) = csv::decode("t", b"\xEF\xBB\xBF\xE5\xA7\x93\xE5\x90\x8D").unwrap();
        assert_eq!((s.as_str(), e), ("姓名", "UTF-8"));
        let (gbk, _, _) = encoding_rs::GB18030.encode("姓名,身份证号");
        let (s, e) = csv::decode("t", &gbk).unwrap();
        assert_eq!((s.as_str(), e), ("姓名,身份证号", "GB18030"));
        assert!(csv::decode("t", b"\x00\x01\x02binary").is_err());
    }
}
