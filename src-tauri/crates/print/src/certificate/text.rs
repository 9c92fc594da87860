//! Text helpers shared by the card and the ceremony certificate: form
//! labels, values fitted to their place, and the refusal of one too long.

use crate::canvas::{Align, Canvas, Style};
use crate::error::PrintError;

use super::{Checked, DOC};

/// Label in the distributed (分散对齐) style of Chinese forms: every label
/// as wide as a four-character one.
pub(super) fn label(c: &mut Canvas<'_>, text: &str, x: f32, baseline: f32, st: &Style) {
    let n = text.chars().count();
    let full = c.width("会员编号", &st.spacing(0.0));
    let plain = c.width(text, &st.spacing(0.0));
    let spacing = if n > 1 {
        (full - plain) / (n - 1) as f32
    } else {
        0.0
    };
    c.text(
        text,
        x,
        baseline,
        Align::Left,
        &st.spacing(spacing.max(0.0)),
    );
}

/// Fit a value into `max_w`: one line shrinking to `min1`, else two lines
/// shrinking to `min2`. Returns the lines and the size.
pub(super) fn fit_value(
    c: &Canvas<'_>,
    text: &str,
    max_w: f32,
    st: &Style,
    min1: f32,
    min2: f32,
) -> Option<(Vec<String>, f32)> {
    if let Some(size) = c.fit(text, max_w, st, min1) {
        return Some((vec![text.to_string()], size));
    }
    let mut size = st.size * 0.9;
    while size >= min2 - 1e-3 {
        if let Some(lines) = c.wrap2(text, max_w, &st.size(size)) {
            return Some((lines.to_vec(), size));
        }
        size -= 0.25;
    }
    None
}

pub(super) fn too_long(cert: &Checked<'_>, field: &'static str, text: &str) -> PrintError {
    PrintError::TooLong {
        who: cert.name.clone(),
        doc: DOC,
        field,
        text: text.to_string(),
    }
}
