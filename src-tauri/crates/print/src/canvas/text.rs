//! Text on the canvas: widths, drawing a line, fitting and wrapping, with
//! the line-breaking rules of Chinese typesetting.

use printpdf::{Op, PdfFontHandle, Point, Pt, TextItem, TextRenderingMode};

use super::{r2, Align, Canvas, Style, K};
use crate::fonts::{Face, Family};

impl<'a> Canvas<'a> {
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
    use super::break_units;

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
