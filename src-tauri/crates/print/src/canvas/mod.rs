//! A small drawing layer over printpdf's operations: millimetres, origin at
//! the top-left of the current frame, y downwards (as designs are measured).
//!
//! Paths are written as raw PDF operators with coordinates rounded to 0.01 pt
//! (printpdf's own shape ops write full floats): a certificate batch repeats
//! the same decoration on every card, and short identical byte runs are what
//! Flate compresses best.
//!
//! Here: colours, styles, the canvas with its state, paths and images; the
//! measuring, fitting, wrapping and drawing of text is in `text.rs`.

mod text;

use printpdf::{FontId, Op, XObjectId, XObjectTransform};

use crate::fonts::{Family, Fonts};

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
}

#[cfg(test)]
mod tests {
    use super::push_num;

    #[test]
    fn numbers_are_short() {
        let mut s = String::new();
        for v in [12.0, 12.5, -0.25, 0.004, 841.8898, -3.0] {
            push_num(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "12 12.5 -0.25 0 841.89 -3 ");
    }
}
