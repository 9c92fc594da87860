//! QR codes drawn as vector paths.
//!
//! Dark modules are merged into rectangles (runs along a row, then equal runs
//! down the following rows) at integer module coordinates, under one
//! transform that scales a module to its size: one path, one fill, no seams
//! between modules, and a few hundred bytes per code.

use qrcode::EcLevel;

use crate::canvas::{Canvas, Rgb, K};
use crate::error::PrintError;

/// The modules of a QR code, row-major, `true` = dark.
pub(crate) struct Matrix {
    pub width: usize,
    dark: Vec<bool>,
}

/// Encode a text. Level M (15% recovery): certificates get worn, posters get
/// weathered; the links are short enough that M stays a small version.
///
/// The mask is chosen by the standard's penalty rules (ISO/IEC 18004
/// 7.8.3), scored here on a plain grid: the qrcode crate's own scoring was
/// a third of the time of a 500-certificate batch.
pub(crate) fn encode(text: &str) -> Result<Matrix, PrintError> {
    use qrcode::canvas::{Canvas, MaskPattern};
    let too_long = |_| PrintError::QrTooLong(text.len());
    let bits = qrcode::bits::encode_auto(text.as_bytes(), EcLevel::M).map_err(too_long)?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M)
        .map_err(too_long)?;
    let mut base = Canvas::new(version, EcLevel::M);
    base.draw_all_functional_patterns();
    base.draw_data(&data, &ec);
    let width = version.width() as usize;
    let patterns = [
        MaskPattern::Checkerboard,
        MaskPattern::HorizontalLines,
        MaskPattern::VerticalLines,
        MaskPattern::DiagonalLines,
        MaskPattern::LargeCheckerboard,
        MaskPattern::Fields,
        MaskPattern::Diamonds,
        MaskPattern::Meadow,
    ];
    if width > MAX_FAST {
        let dark = base.apply_best_mask().into_colors();
        let dark = dark.into_iter().map(|m| m == qrcode::Color::Dark).collect();
        return Ok(Matrix { width, dark });
    }
    let best = patterns
        .iter()
        .map(|p| {
            let mut c = base.clone();
            c.apply_mask(*p);
            let dark: Vec<bool> = c
                .into_colors()
                .into_iter()
                .map(|m| m == qrcode::Color::Dark)
                .collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .expect("eight masks");
    Ok(Matrix {
        width,
        dark: best.1,
    })
}

/// The four penalty rules: runs of five or more, 2×2 blocks, finder-like
/// 1:1:3:1:1 patterns with four light modules on a side, dark balance.
/// Lines are bit sets (bit i = module i), for symbols up to 119 modules
/// (version 25, over a thousand bytes at level M); larger ones fall back to
/// the slower scoring of the qrcode crate.
fn penalty(dark: &[bool], n: usize) -> u32 {
    debug_assert!(n <= MAX_FAST);
    let line_bits = |f: &dyn Fn(usize) -> bool| -> u128 {
        (0..n).fold(0u128, |acc, i| acc | (u128::from(f(i)) << i))
    };
    let rows: Vec<u128> = (0..n).map(|y| line_bits(&|x| dark[y * n + x])).collect();
    let cols: Vec<u128> = (0..n).map(|x| line_bits(&|y| dark[y * n + x])).collect();
    let full: u128 = (1u128 << n) - 1;
    let mut score = 0u32;
    for &line in rows.iter().chain(cols.iter()) {
        // N1: runs of five or more. A boundary bit i marks that module i
        // differs from module i + 1; a run ends at each boundary and at the end.
        let mut boundaries = (line ^ (line >> 1)) & (full >> 1);
        let mut start = 0u32;
        loop {
            let end = if boundaries == 0 {
                n as u32
            } else {
                boundaries.trailing_zeros() + 1
            };
            let run = end - start;
            if run >= 5 {
                score += run - 2;
            }
            if boundaries == 0 {
                break;
            }
            boundaries &= boundaries - 1;
            start = end;
        }
        // N3: 1011101 with four light modules before or after it (outside
        // the symbol counts as light).
        let padded = line << 4;
        for i in 0..n.saturating_sub(6) {
            if (padded >> (i + 4)) & 0x7F == 0b101_1101 {
                let before = (padded >> i) & 0xF == 0;
                let after = (padded >> (i + 11)) & 0xF == 0;
                if before || after {
                    score += 40;
                }
            }
        }
    }
    // N2: 2×2 blocks of one colour.
    let pair = full >> 1;
    for w in rows.windows(2) {
        let same_v = !(w[0] ^ w[1]);
        let same_h = !(w[0] ^ (w[0] >> 1));
        score += (same_v & (same_v >> 1) & same_h & pair).count_ones() * 3;
    }
    // N4: balance of dark modules.
    let dark_count: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let percent = dark_count as usize * 100 / (n * n);
    score + 10 * (percent.abs_diff(50) / 5) as u32
}

/// The widest symbol `penalty` scores (a 128-bit line with margin).
const MAX_FAST: usize = 119;

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

    /// The rules written out module by module, to check the bit version.
    fn penalty_by_modules(dark: &[bool], n: usize) -> u32 {
        let at = |x: usize, y: usize| dark[y * n + x];
        let mut score = 0;
        for horizontal in [true, false] {
            for a in 0..n {
                let line: Vec<bool> = (0..n)
                    .map(|b| if horizontal { at(b, a) } else { at(a, b) })
                    .collect();
                let mut run = 1;
                for i in 1..=n {
                    if i < n && line[i] == line[i - 1] {
                        run += 1;
                    } else {
                        if run >= 5 {
                            score += run - 2;
                        }
                        run = 1;
                    }
                }
                let get = |i: isize| i >= 0 && (i as usize) < n && line[i as usize];
                let core = [true, false, true, true, true, false, true];
                for i in 0..n as isize - 6 {
                    let found = (0..7).all(|k| get(i + k) == core[k as usize]);
                    let before = (1..=4).all(|k| !get(i - k));
                    let after = (7..=10).all(|k| !get(i + k));
                    if found && (before || after) {
                        score += 40;
                    }
                }
            }
        }
        for y in 0..n - 1 {
            for x in 0..n - 1 {
                let v = at(x, y);
                if at(x + 1, y) == v && at(x, y + 1) == v && at(x + 1, y + 1) == v {
                    score += 3;
                }
            }
        }
        let percent = dark.iter().filter(|d| **d).count() * 100 / (n * n);
        score + 10 * (percent.abs_diff(50) / 5) as u32
    }

    #[test]
    fn bit_penalty_matches_the_rules() {
        let mut seed = 7u64;
        for n in [21, 25, 37, 57, 119] {
            for density in [2, 3, 5] {
                let dark: Vec<bool> = (0..n * n)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        (seed >> 33).is_multiple_of(density)
                    })
                    .collect();
                assert_eq!(penalty(&dark, n), penalty_by_modules(&dark, n), "n={n}");
            }
        }
        let m = encode("https://ghj.example.cn/ledger/v?n=6204212600001&s=0123456789AB").unwrap();
        assert_eq!(
            penalty(&m.dark, m.width),
            penalty_by_modules(&m.dark, m.width)
        );
    }

    #[test]
    fn a_long_text_still_encodes() {
        let long = "x".repeat(1500);
        let m = encode(&long).unwrap();
        assert!(m.width > MAX_FAST);
    }

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
