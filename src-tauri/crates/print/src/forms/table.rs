//! What the printed forms and tables share: their greys, dates written the
//! Chinese way, the check of texts against a font, and a value fitted into
//! a cell.

use chrono::{Datelike, NaiveDate};

use crate::canvas::{Align, Canvas, Rgb, Style, K};
use crate::error::PrintError;
use crate::fonts::{Family, Fonts};

pub(crate) const INK: Rgb = Rgb(0x1A, 0x1A, 0x1A);
pub(crate) const RULE: Rgb = Rgb(0x33, 0x33, 0x33);
pub(crate) const GREY: Rgb = Rgb(0x66, 0x66, 0x66);
pub(crate) const SHADE: Rgb = Rgb(0xF2, 0xF2, 0xF2);

/// A date as printed on documents: 2026年11月23日.
pub fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

pub(crate) fn missing(
    fonts: &Fonts,
    family: Family,
    texts: &[&str],
    who: &str,
    doc: &'static str,
) -> Result<(), PrintError> {
    let face = fonts.face(family);
    for t in texts {
        if let Some(ch) = face.first_missing(t) {
            return Err(PrintError::MissingGlyph {
                ch,
                who: who.to_string(),
                doc,
            });
        }
    }
    Ok(())
}

pub(crate) type Fail = (&'static str, String);

/// Write a value into a cell: one line shrinking, else two balanced lines.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cell(
    c: &mut Canvas<'_>,
    text: &str,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    st: &Style,
    align: Align,
    field: &'static str,
) -> Result<(), Fail> {
    if text.is_empty() {
        return Ok(());
    }
    let pad = 1.6;
    let max_w = w - 2.0 * pad;
    let ax = match align {
        Align::Left => x + pad,
        Align::Center => x + w / 2.0,
        Align::Right => x + w - pad,
    };
    let mid = y + h / 2.0;
    if let Some(size) = c.fit(text, max_w, st, st.size * 0.72) {
        let s = st.size(size);
        c.text(text, ax, mid + size / K * 0.36, align, &s);
        return Ok(());
    }
    let mut size = st.size * 0.9;
    while size >= st.size * 0.6 {
        if let Some(lines) = c.wrap2(text, max_w, &st.size(size)) {
            if size / K * 2.5 <= h {
                let s = st.size(size);
                let lh = size / K * 1.2;
                c.text(&lines[0], ax, mid - lh / 2.0 + size / K * 0.36, align, &s);
                c.text(&lines[1], ax, mid + lh / 2.0 + size / K * 0.36, align, &s);
                return Ok(());
            }
        }
        size -= 0.25;
    }
    Err((field, text.to_string()))
}
