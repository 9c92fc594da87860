//! Texts fitted to their place on the poster: a wrapped block, the benefits
//! in one or two columns.

use crate::canvas::{Canvas, Rgb, Style, K};
use crate::certificate::A4_W;
use crate::fonts::Family;

/// Lines of a text wrapped into `max_w`, shrinking from the style's size to
/// `min` until at most `max_lines` lines.
pub(super) fn block(
    c: &Canvas<'_>,
    text: &str,
    max_w: f32,
    st: &Style,
    min: f32,
    max_lines: usize,
) -> Option<(Vec<String>, f32)> {
    if text.contains('\n') {
        // The writer's own line breaks: shrink until every line fits.
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        if lines.len() > max_lines {
            return None;
        }
        let mut size = st.size;
        while size >= min - 1e-3 {
            if lines.iter().all(|l| c.width(l, &st.size(size)) <= max_w) {
                return Some((lines, size));
            }
            size -= 0.5;
        }
        return None;
    }
    // One line if it stays large; then two balanced lines; then more.
    if let Some(size) = c.fit(text, max_w, st, (st.size * 0.8).max(min)) {
        return Some((vec![text.to_string()], size));
    }
    // Two lines: at a punctuation mark if that costs little in size.
    let mut size = st.size;
    while max_lines >= 2 && size >= (st.size * 0.85).max(min) - 1e-3 {
        if let Some(lines) = c.wrap2_at(text, max_w, &st.size(size), true) {
            return Some((lines.to_vec(), size));
        }
        size -= 0.5;
    }
    let mut size = st.size;
    while max_lines >= 2 && size >= min - 1e-3 {
        if let Some(lines) = c.wrap2(text, max_w, &st.size(size)) {
            return Some((lines.to_vec(), size));
        }
        size -= 0.5;
    }
    let mut size = st.size;
    while size >= min - 1e-3 {
        let lines = c.wrap(text, max_w, &st.size(size));
        if lines.len() <= max_lines
            && lines
                .iter()
                .all(|l| c.width(l, &st.size(size)) <= max_w + 0.01)
        {
            return Some((lines, size));
        }
        size -= 0.5;
    }
    None
}

pub(super) type BenefitLayout = (usize, f32, Vec<Vec<String>>, Vec<f32>, f32, Style);

/// Benefits in one or two columns, wrapped, at the largest size from 12.5 pt
/// down to `min` whose rows fit `avail` mm.
pub(super) fn benefit_layout(
    c: &Canvas<'_>,
    benefits: &[String],
    ink: Rgb,
    avail: f32,
    min: f32,
) -> Option<BenefitLayout> {
    let w = A4_W;
    let cols = if benefits.len() <= 3 { 1 } else { 2 };
    let colw = (w - 48.0 - 8.0 * (cols - 1) as f32) / cols as f32 - 7.0;
    let rows = benefits.len().div_ceil(cols);
    let mut size = 12.5;
    while size >= min - 1e-3 {
        let st = Style::new(Family::Sans, size, ink);
        let wrapped: Vec<Vec<String>> = benefits.iter().map(|b| c.wrap(b, colw, &st)).collect();
        let lh = size / K * 1.35;
        let row_h: Vec<f32> = (0..rows)
            .map(|r| {
                (0..cols)
                    .filter_map(|k| wrapped.get(r * cols + k))
                    .map(|l| l.len() as f32 * lh + 2.2)
                    .fold(0.0, f32::max)
            })
            .collect();
        if row_h.iter().sum::<f32>() <= avail {
            return Some((cols, colw, wrapped, row_h, lh, st));
        }
        size -= 0.5;
    }
    None
}
