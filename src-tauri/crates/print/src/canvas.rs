//! A small drawing layer over printpdf's operations: millimetres, origin at
//! the top-left of the current frame, y downwards (as designs are measured).
//!
//! Paths are written as raw PDF operators with coordinates rounded to 0.01 pt
//! (printpdf's own shape ops write full floats): a certificate batch repeats
//! the same decoration on every card, and short identical byte runs are what
//! Flate compresses best.

use printpdf::{
    FontId, Op, PdfFontHandle, Point, Pt, TextItem, TextRenderingMode, XObjectId, XObjectTransform,
};

use crate::fonts::{Face, Family, Fonts};

/// Points per millimetre.
pub(crate) const K: f32 = 72.0 / 25.4;

/// An RGB colour, 0-255.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    fn parts(self) -> [f32; 3] {
        [self.0, self.1, self.2].map(|c| (f32::from(c) / 255.0 * 1000.0).round() / 1000.0)
    }
}

/// Write a number rounded to 0.01 the short way: `12`, `12.5`, `-0.25`.
fn push_num(out: &mut String, v: f32) {
    use std::fmt::Write;
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let h = hundredths.unsigned_abs();
    let _ = write!(out, "{}", h / 100);
    let frac = h % 100;
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if !frac.is_multiple_of(10) {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
}

fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Horizontal alignment of a text at its anchor x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// How a text is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub family: Family,
    pub size: f32,
    pub color: Rgb,
    /// Stroke width as a fraction of the size: fake bold (the fonts ship in
    /// one weight; see the crate docs). 0 for regular.
    pub bold: f32,
    /// Extra space after each character, in mm.
    pub spacing: f32,
}

impl Style {
    pub fn new(family: Family, size: f32, color: Rgb) -> Style {
        Style {
            family,
            size,
            color,
            bold: 0.0,
            spacing: 0.0,
        }
    }
    pub fn bold(mut self, amount: f32) -> Style {
        self.bold = amount;
        self
    }
    pub fn spacing(mut self, mm: f32) -> Style {
        self.spacing = mm;
        self
    }
    pub fn size(mut self, size: f32) -> Style {
        self.size = size;
        self
    }
}

/// Advances in em, remembered per document: fitting a text tries several
/// sizes and line breaks, and the cmap lookups add up over a batch.
pub(crate) type WidthCache =
    std::rc::Rc<std::cell::RefCell<std::collections::HashMap<(Family, char), f32>>>;

pub(crate) struct Canvas<'a> {
    pub fonts: &'a Fonts,
    widths: WidthCache,
    serif: FontId,
    sans: FontId,
    pub ops: Vec<Op>,
    /// Height of the current frame, mm (to flip y).
    h: f32,
    saved: Vec<f32>,
    /// Raw operators not yet pushed as an op.
    pending: String,
}

impl<'a> Canvas<'a> {
    pub fn new(
        fonts: &'a Fonts,
        widths: WidthCache,
        serif: FontId,
        sans: FontId,
        page_h: f32,
    ) -> Canvas<'a> {
        Canvas {
            fonts,
            widths,
            serif,
            sans,
            ops: Vec::new(),
            h: page_h,
            saved: Vec::new(),
            pending: String::new(),
        }
    }

    pub fn take_ops(&mut self) -> Vec<Op> {
        self.flush();
        std::mem::take(&mut self.ops)
    }

    pub fn frame_height(&self) -> f32 {
        self.h
    }

    fn y(&self, y: f32) -> f32 {
        (self.h - y) * K
    }

    /// Append a raw operator. Consecutive raw operators are written as one
    /// run of content-stream text (one printpdf op), which keeps a batch of
    /// 500 certificates from allocating half a million small op values.
    pub fn raw(&mut self, op: &str, args: &[f32]) {
        for a in args {
            push_num(&mut self.pending, *a);
            self.pending.push(' ');
        }
        self.pending.push_str(op);
        self.pending.push('\n');
    }

    pub fn raw_int(&mut self, op: &str, args: &[i64]) {
        use std::fmt::Write;
        for a in args {
            let _ = write!(self.pending, "{a} ");
        }
        self.pending.push_str(op);
        self.pending.push('\n');
    }

    /// Push a printpdf op after the pending raw run.
    fn op(&mut self, op: Op) {
        self.flush();
        self.ops.push(op);
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let mut run = std::mem::take(&mut self.pending);
            run.pop();
            self.ops.push(Op::Unknown {
                key: run,
                value: Vec::new(),
            });
        }
    }

    pub fn save(&mut self) {
        self.raw("q", &[]);
        self.saved.push(self.h);
    }

    pub fn restore(&mut self) {
        self.raw("Q", &[]);
        if let Some(h) = self.saved.pop() {
            self.h = h;
        }
    }

    /// Enter a frame whose top-left corner is at (x, y) of the current frame,
    /// `h` mm tall, drawn `scale` times its size. Pair with `restore`.
    pub fn frame(&mut self, x: f32, y: f32, h: f32, scale: f32) {
        self.save();
        let ty = self.y(y) - h * scale * K;
        self.raw("cm", &[scale, 0.0, 0.0, scale, x * K, ty]);
        self.h = h;
    }

    pub fn fill_color(&mut self, c: Rgb) {
        let p = c.parts();
        self.raw("rg", &p);
    }

    pub fn stroke_color(&mut self, c: Rgb) {
        let p = c.parts();
        self.raw("RG", &p);
    }

    pub fn line_width(&mut self, mm: f32) {
        self.raw("w", &[mm * K]);
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        let by = self.y(y + h);
        self.raw("re", &[x * K, by, w * K, h * K]);
    }

    pub fn move_to(&mut self, x: f32, y: f32) {
        let py = self.y(y);
        self.raw("m", &[x * K, py]);
    }

    pub fn line_to(&mut self, x: f32, y: f32) {
        let py = self.y(y);
        self.raw("l", &[x * K, py]);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (p1, p2, p3) = (self.y(y1), self.y(y2), self.y(y));
        self.raw("c", &[x1 * K, p1, x2 * K, p2, x * K, p3]);
    }

    pub fn close(&mut self) {
        self.raw("h", &[]);
    }

    pub fn fill(&mut self) {
        self.raw("f", &[]);
    }

    pub fn fill_even_odd(&mut self) {
        self.raw("f*", &[]);
    }

    pub fn stroke(&mut self) {
        self.raw("S", &[]);
    }

    pub fn clip(&mut self) {
        self.raw("W", &[]);
        self.raw("n", &[]);
    }

    /// A full ellipse path (four Bézier quarters).
    pub fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32) {
        const C: f32 = 0.552_284_8;
        let (ox, oy) = (rx * C, ry * C);
        self.move_to(cx + rx, cy);
        self.curve_to(cx + rx, cy + oy, cx + ox, cy + ry, cx, cy + ry);
        self.curve_to(cx - ox, cy + ry, cx - rx, cy + oy, cx - rx, cy);
        self.curve_to(cx - rx, cy - oy, cx - ox, cy - ry, cx, cy - ry);
        self.curve_to(cx + ox, cy - ry, cx + rx, cy - oy, cx + rx, cy);
        self.close();
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32) {
        self.ellipse(cx, cy, r, r);
    }

    pub fn rounded_rect(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32) {
        const C: f32 = 0.552_284_8;
        let r = r.min(w / 2.0).min(h / 2.0);
        let o = r * (1.0 - C);
        self.move_to(x + r, y);
        self.line_to(x + w - r, y);
        self.curve_to(x + w - o, y, x + w, y + o, x + w, y + r);
        self.line_to(x + w, y + h - r);
        self.curve_to(x + w, y + h - o, x + w - o, y + h, x + w - r, y + h);
        self.line_to(x + r, y + h);
        self.curve_to(x + o, y + h, x, y + h - o, x, y + h - r);
        self.line_to(x, y + r);
        self.curve_to(x, y + o, x + o, y, x + r, y);
        self.close();
    }

    /// A diamond (rhombus) centred at (cx, cy).
    pub fn diamond(&mut self, cx: f32, cy: f32, rx: f32, ry: f32) {
        self.move_to(cx, cy - ry);
        self.line_to(cx + rx, cy);
        self.line_to(cx, cy + ry);
        self.line_to(cx - rx, cy);
        self.close();
    }

    /// Draw an image XObject into the box (x, y, w, h).
    pub fn image(&mut self, id: &XObjectId, x: f32, y: f32, w: f32, h: f32) {
        self.save();
        let by = self.y(y + h);
        self.raw("cm", &[w * K, 0.0, 0.0, h * K, x * K, by]);
        self.op(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..Default::default()
            },
        });
        self.restore();
    }

    pub fn face(&self, family: Family) -> &'a Face {
        self.fonts.face(family)
    }

    /// Width of a text in mm in a style (letter spacing between characters).
    pub fn width(&self, text: &str, st: &Style) -> f32 {
        let face = self.face(st.family);
        let mut cache = self.widths.borrow_mut();
        let mut n: usize = 0;
        let mut em = 0.0;
        for ch in text.chars() {
            n += 1;
            em += *cache
                .entry((st.family, ch))
                .or_insert_with(|| face.advance(ch));
        }
        em * st.size / K + st.spacing * (n.saturating_sub(1) as f32)
    }

    /// Draw one line of text with its baseline at y, anchored at x.
    pub fn text(&mut self, text: &str, x: f32, baseline: f32, align: Align, st: &Style) {
        if text.is_empty() {
            return;
        }
        let w = self.width(text, st);
        let x0 = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        let font = match st.family {
            Family::Serif => self.serif.clone(),
            Family::Sans => self.sans.clone(),
        };
        let bold = st.bold > 0.0;
        let spaced = st.spacing != 0.0;
        if bold {
            self.save();
            self.stroke_color(st.color);
            self.raw("w", &[st.size * st.bold]);
            self.raw("j", &[1.0]);
        }
        self.fill_color(st.color);
        self.op(Op::StartTextSection);
        self.op(Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(st.size),
        });
        if bold {
            self.op(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
        }
        if spaced {
            self.op(Op::SetCharacterSpacing {
                multiplier: r2(st.spacing * K),
            });
        }
        let py = self.y(baseline);
        self.op(Op::SetTextCursor {
            pos: Point {
                x: Pt(r2(x0 * K)),
                y: Pt(r2(py)),
            },
        });
        self.op(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
        if spaced {
            self.op(Op::SetCharacterSpacing { multiplier: 0.0 });
        }
        if bold {
            self.op(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
        self.op(Op::EndTextSection);
        if bold {
            self.restore();
        }
    }

    /// The largest size from `st.size` down to `min` at which `text` fits
    /// `max_w` on one line.
    pub fn fit(&self, text: &str, max_w: f32, st: &Style, min: f32) -> Option<f32> {
        let mut size = st.size;
        while size >= min - 1e-3 {
            if self.width(text, &st.size(size)) <= max_w {
                return Some(size);
            }
            size -= 0.25;
        }
        None
    }

    /// Break a text into lines of at most `max_w` mm: anywhere between CJK
    /// characters, never inside a run of Latin letters or digits (numbers,
    /// phones), and never with closing punctuation at the start of a line or
    /// opening punctuation at its end.
    pub fn wrap(&self, text: &str, max_w: f32, st: &Style) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let units = break_units(para.trim());
            let mut line = String::new();
            for unit in units {
                let candidate = format!("{line}{unit}");
                if line.is_empty() || self.width(candidate.trim_end(), st) <= max_w {
                    line = candidate;
                } else {
                    lines.push(line.trim_end().to_string());
                    line = unit.trim_start().to_string();
                }
            }
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_string());
            }
        }
        lines
    }
}

impl Canvas<'_> {
    /// Split a text into two lines of at most `max_w` mm each, as even as
    /// possible, preferring a break after punctuation or a space.
    pub fn wrap2(&self, text: &str, max_w: f32, st: &Style) -> Option<[String; 2]> {
        self.wrap2_at(text, max_w, st, false)
    }

    /// Like `wrap2`, but with `punct_only` only breaks after punctuation or
    /// a space are considered.
    pub fn wrap2_at(
        &self,
        text: &str,
        max_w: f32,
        st: &Style,
        punct_only: bool,
    ) -> Option<[String; 2]> {
        let units = break_units(text.trim());
        let mut best: Option<(f32, [String; 2])> = None;
        for k in 1..units.len() {
            let a = units[..k].concat().trim_end().to_string();
            let b = units[k..].concat().trim_start().to_string();
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let (wa, wb) = (self.width(&a, st), self.width(&b, st));
            if wa > max_w || wb > max_w {
                continue;
            }
            let punct = a.ends_with(|c: char| "，、；：！？。·—".contains(c))
                || units[k - 1].ends_with(' ');
            if punct_only && !punct {
                continue;
            }
            let score = wa.max(wb) - if punct { max_w * 0.2 } else { 0.0 };
            if best.as_ref().is_none_or(|(s, _)| score < *s) {
                best = Some((score, [a, b]));
            }
        }
        best.map(|(_, lines)| lines)
    }
}

const NO_START: &str = "，。、；：！？）》」』〕】”’…—·,.;:!?)]}%";
const NO_END: &str = "（《「『〔【“‘([{";

/// Split a text into units that must stay on one line.
fn break_units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in text.chars() {
        let latin = c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '@' | '_' | '+' | '#');
        let prev_latin = units
            .last()
            .and_then(|u| u.chars().last())
            .is_some_and(|p| {
                p.is_ascii_alphanumeric() || matches!(p, '-' | '/' | '@' | '_' | '+' | '#')
            });
        let attach = glue_next || NO_START.contains(c) || (latin && prev_latin);
        match units.last_mut() {
            Some(last) if attach => last.push(c),
            _ => units.push(c.to_string()),
        }
        glue_next = NO_END.contains(c);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::{break_units, push_num};

    #[test]
    fn numbers_are_short() {
        let mut s = String::new();
        for v in [12.0, 12.5, -0.25, 0.004, 841.8898, -3.0] {
            push_num(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "12 12.5 -0.25 0 841.89 -3 ");
    }

    #[test]
    fn keeps_numbers_and_punctuation_together() {
        assert_eq!(
            break_units("电话0931-1234567。"),
            vec!["电", "话", "0931-1234567。"]
        );
        assert_eq!(break_units("（审核）"), vec!["（审", "核）"]);
        assert_eq!(break_units("A B"), vec!["A", " ", "B"]);
    }
}
