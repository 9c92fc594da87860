//! QR codes drawn as vector paths.
//!
//! Dark modules are merged into rectangles (runs along a row, then equal runs
//! down the following rows) at integer module coordinates, under one
//! transform that scales a module to its size: one path, one fill, no seams
//! between modules, and a few hundred bytes per code.

use qrcode::{Color, EcLevel, QrCode};

use crate::canvas::{Canvas, Rgb, K};
use crate::error::PrintError;

/// The modules of a QR code, row-major, `true` = dark.
pub(crate) struct Matrix {
    pub width: usize,
    dark: Vec<bool>,
}

/// Encode a text. Level M (15% recovery): certificates get worn, posters get
/// weathered; the links are short enough that M stays a small version.
pub(crate) fn encode(text: &str) -> Result<Matrix, PrintError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| PrintError::QrTooLong(text.len()))?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(Matrix { width, dark })
}

impl Matrix {
    fn at(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Rectangles (x, y, w, h) in modules covering exactly the dark modules.
    pub fn rects(&self) -> Vec<(usize, usize, usize, usize)> {
        let n = self.width;
        let mut used = vec![false; n * n];
        let mut out = Vec::new();
        for y in 0..n {
            let mut x = 0;
            while x < n {
                if !self.at(x, y) || used[y * n + x] {
                    x += 1;
                    continue;
                }
                let mut w = 1;
                while x + w < n && self.at(x + w, y) && !used[y * n + x + w] {
                    w += 1;
                }
                // Grow downwards while the same span is dark and free.
                let mut h = 1;
                'grow: while y + h < n {
                    for i in x..x + w {
                        if !self.at(i, y + h) || used[(y + h) * n + i] {
                            break 'grow;
                        }
                    }
                    // Only worth it if the row below has no longer run here.
                    let left_dark = x > 0 && self.at(x - 1, y + h) && !used[(y + h) * n + x - 1];
                    let right_dark = x + w < n && self.at(x + w, y + h);
                    if left_dark || right_dark {
                        break;
                    }
                    h += 1;
                }
                for yy in y..y + h {
                    for xx in x..x + w {
                        used[yy * n + xx] = true;
                    }
                }
                out.push((x, y, w, h));
                x += w;
            }
        }
        out
    }
}

/// Draw a QR code with its top-left corner at (x, y), `size` mm wide
/// (the symbol only: leave 4 modules of light margin around it).
pub(crate) fn draw(c: &mut Canvas<'_>, m: &Matrix, x: f32, y: f32, size: f32, color: Rgb) {
    let module = size / m.width as f32;
    c.save();
    c.fill_color(color);
    // Module space: origin at the symbol's top-left, y downwards, 1 unit = 1 module.
    let top = (c_height(c) - y) * K;
    c.raw("cm", &[module * K, 0.0, 0.0, -module * K, x * K, top]);
    for (rx, ry, w, h) in m.rects() {
        c.raw_int("re", &[rx as i64, ry as i64, w as i64, h as i64]);
    }
    c.fill();
    c.restore();
}

fn c_height(c: &Canvas<'_>) -> f32 {
    c.frame_height()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_cover_exactly_the_dark_modules() {
        let m = encode("https://ghj.example.cn/ledger/v?n=6204212600001&s=0123456789AB").unwrap();
        let n = m.width;
        let mut cover = vec![0u8; n * n];
        for (x, y, w, h) in m.rects() {
            for yy in y..y + h {
                for xx in x..x + w {
                    cover[yy * n + xx] += 1;
                }
            }
        }
        for y in 0..n {
            for x in 0..n {
                assert_eq!(cover[y * n + x], u8::from(m.at(x, y)), "module {x},{y}");
            }
        }
    }
}
