//! Writing: .xlsx workbooks and GB18030 CSV.
//!
//! Every cell is written as text, so citizen IDs and phone numbers keep all
//! their digits when the file is opened in Excel or WPS.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::SheetError;

/// How a row's marked cell is coloured (e.g. the status column of an
/// import report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Good,
    Warn,
    Bad,
}

/// One worksheet to write.
#[derive(Debug, Clone, Default)]
pub struct SheetOut {
    /// Shortened to Excel's 31 characters and cleaned of `[]:*?/\`.
    pub name: String,
    /// A merged title row above the header.
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per data row; missing entries are plain.
    pub tones: Vec<Tone>,
    /// The column the tones colour.
    pub tone_col: Option<usize>,
}

fn err(e: XlsxError) -> SheetError {
    SheetError::Write(e.to_string())
}

/// Excel's rules for sheet names.
fn sheet_name(name: &str, i: usize) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let cleaned = cleaned.trim_matches('\'').to_string();
    if cleaned.is_empty() {
        format!("Sheet{}", i + 1)
    } else {
        cleaned
    }
}

/// Display width: CJK and other wide characters count double.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// An .xlsx workbook with one worksheet per [`SheetOut`]: bold frozen
/// header with filters, widths fitted to the content.
pub fn xlsx(sheets: &[SheetOut]) -> Result<Vec<u8>, SheetError> {
    xlsx_with_numbers(sheets, &[])
}

/// Like [`xlsx`], but in the columns `numbers[sheet]` lists, cells that are
/// plain numbers are written as numbers (figures a reader sums in Excel).
pub fn xlsx_with_numbers(
    sheets: &[SheetOut],
    numbers: &[Vec<usize>],
) -> Result<Vec<u8>, SheetError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let title_fmt = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let text = Format::new().set_num_format("@");
    let tone = |t: Tone| match t {
        Tone::Plain => None,
        Tone::Good => Some(Format::new().set_font_color(Color::RGB(0x1E7B34))),
        Tone::Warn => Some(
            Format::new()
                .set_font_color(Color::RGB(0x9C5700))
                .set_background_color(Color::RGB(0xFFF2CC)),
        ),
        Tone::Bad => Some(
            Format::new()
                .set_font_color(Color::RGB(0x9C0006))
                .set_background_color(Color::RGB(0xFFC7CE)),
        ),
    };
    let tones = [Tone::Good, Tone::Warn, Tone::Bad].map(|t| (t, tone(t)));
    let mut used_names: Vec<String> = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let numeric = numbers.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let ws = wb.add_worksheet();
        let mut name = sheet_name(&s.name, i);
        while used_names.contains(&name) {
            name = format!("{}{}", name.chars().take(28).collect::<String>(), i + 1);
        }
        ws.set_name(&name).map_err(err)?;
        used_names.push(name);
        let cols = s
            .headers
            .len()
            .max(s.rows.iter().map(Vec::len).max().unwrap_or(0));
        let mut top: u32 = 0;
        if let Some(t) = &s.title {
            if cols > 1 {
                ws.merge_range(0, 0, 0, (cols - 1) as u16, t, &title_fmt)
                    .map_err(err)?;
            } else {
                ws.write_string_with_format(0, 0, t, &title_fmt)
                    .map_err(err)?;
            }
            ws.set_row_height(0, 24).map_err(err)?;
            top = 1;
        }
        let mut widths: Vec<usize> = vec![6; cols];
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(top, c as u16, h, &header)
                .map_err(err)?;
            widths[c] = widths[c].max(width(h) + 2);
        }
        for (r, row) in s.rows.iter().enumerate() {
            let rr = top + 1 + r as u32;
            let t = s.tones.get(r).copied().unwrap_or_default();
            for (c, v) in row.iter().enumerate() {
                if v.is_empty() {
                    continue;
                }
                let fmt = if Some(c) == s.tone_col {
                    tones
                        .iter()
                        .find(|(k, _)| *k == t)
                        .and_then(|(_, f)| f.as_ref())
                } else {
                    None
                };
                let number = numeric
                    .contains(&c)
                    .then(|| v.parse::<f64>().ok())
                    .flatten();
                match (fmt, number) {
                    (_, Some(n)) => ws.write_number(rr, c as u16, n).map(|_| ()),
                    (Some(f), None) => ws.write_string_with_format(rr, c as u16, v, f).map(|_| ()),
                    (None, None) => ws.write_string(rr, c as u16, v).map(|_| ()),
                }
                .map_err(err)?;
                if r < 2000 {
                    widths[c] = widths[c].max(width(v) + 1);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w).min(60) as f64)
                .map_err(err)?;
            if !numeric.contains(&c) {
                ws.set_column_format(c as u16, &text).map_err(err)?;
            }
        }
        if !s.headers.is_empty() {
            ws.set_freeze_panes(top + 1, 0).map_err(err)?;
            ws.autofilter(top, 0, top + s.rows.len() as u32, (cols.max(1) - 1) as u16)
                .map_err(err)?;
        }
    }
    if sheets.is_empty() {
        wb.add_worksheet();
    }
    wb.save_to_buffer().map_err(err)
}

fn csv_field(out: &mut String, v: &str) {
    if v.contains([',', '"', '\r', '\n']) || v.starts_with(' ') || v.ends_with(' ') {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(v);
    }
}

/// CSV text with CRLF line ends.
pub fn csv_text(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        for (i, v) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, v);
        }
        out.push_str("\r\n");
    }
    out
}

/// CSV in GB18030 (a superset of GBK), as old systems and Excel on Chinese
/// Windows expect.
pub fn csv_gb18030(headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let text = csv_text(headers, rows);
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    bytes.into_owned()
}
