//! The poster's one page: top band, headline, QR code, steps, list, footer.

use crate::canvas::{Align, Canvas, Rgb, Style, K};
use crate::certificate::{A4_H, A4_W};
use crate::fonts::Family;
use crate::qr;

use super::fit::{benefit_layout, block};
use super::{Fail, Palette, Texts};

pub(super) fn draw(
    c: &mut Canvas<'_>,
    t: &Texts,
    code: &qr::Matrix,
    pal: &Palette,
) -> Result<(), Fail> {
    let (w, h) = (A4_W, A4_H);
    let sans = |size: f32, col: Rgb| Style::new(Family::Sans, size, col);

    // Header band with a few quiet rings for texture.
    let band = 108.0;
    if pal.filled {
        c.fill_color(pal.primary);
        c.rect(0.0, 0.0, w, band);
        c.fill();
        c.save();
        c.rect(0.0, 0.0, w, band);
        c.clip();
        c.stroke_color(pal.dark);
        c.line_width(1.6);
        for i in 0..6 {
            c.circle(w - 18.0, 18.0, 26.0 + 13.0 * i as f32);
        }
        for i in 0..4 {
            c.circle(8.0, band + 10.0, 22.0 + 13.0 * i as f32);
        }
        c.stroke();
        c.restore();
    } else {
        c.stroke_color(pal.primary);
        c.line_width(1.4);
        c.rect(8.0, 8.0, w - 16.0, h - 16.0);
        c.stroke();
        c.line_width(0.4);
        c.rect(10.0, 10.0, w - 20.0, h - 20.0);
        c.stroke();
    }

    // Organisation name.
    let org_st = sans(17.0, if pal.filled { pal.accent } else { pal.ink })
        .bold(0.02)
        .spacing(0.8);
    let (org_lines, org_size) =
        block(c, &t.org, 172.0, &org_st, 11.0, 2).ok_or(("组织名称", t.org.clone()))?;
    let org_st = org_st.size(org_size);
    let olh = org_size / K * 1.3;
    let mut y = 25.0 - olh * (org_lines.len() as f32 - 1.0) / 2.0;
    for l in &org_lines {
        c.text(l, w / 2.0, y, Align::Center, &org_st);
        y += olh;
    }
    // Little rules either side of a single-line name.
    if org_lines.len() == 1 {
        let ow = c.width(&org_lines[0], &org_st);
        c.stroke_color(if pal.filled { pal.accent } else { pal.primary });
        c.line_width(0.5);
        for s in [-1.0f32, 1.0] {
            let x1 = w / 2.0 + s * (ow / 2.0 + 5.0);
            c.move_to(x1, 25.0 - org_size / K * 0.35);
            c.line_to(x1 + s * 14.0, 25.0 - org_size / K * 0.35);
        }
        c.stroke();
    }

    // Headline.
    let head_st = sans(
        33.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.045)
    .spacing(0.6);
    let (lines, size) =
        block(c, &t.headline, 180.0, &head_st, 20.0, 2).ok_or(("标题", t.headline.clone()))?;
    let head_st = head_st.size(size);
    let lh = size / K * 1.3;
    let first = if lines.len() == 1 { 55.0 } else { 49.0 };
    for (i, l) in lines.iter().enumerate() {
        c.text(l, w / 2.0, first + lh * i as f32, Align::Center, &head_st);
    }

    // The QR card.
    // Many or long benefits take room from the QR card (down to 64 mm).
    let mut shift = 0.0;
    while shift < 18.0
        && !t.benefits.is_empty()
        && benefit_layout(c, &t.benefits, pal.ink, 268.0 - (244.0 - shift), 10.0).is_none()
    {
        shift += 2.0;
    }
    let (cw, ch) = (108.0 - shift, 118.0 - shift);
    let (cx, cy) = ((w - cw) / 2.0, 74.0);
    if pal.filled {
        c.fill_color(pal.dark);
        c.rounded_rect(cx + 1.2, cy + 1.8, cw, ch, 6.0);
        c.fill();
    }
    c.fill_color(Rgb(0xFF, 0xFF, 0xFF));
    c.rounded_rect(cx, cy, cw, ch, 6.0);
    c.fill();
    c.stroke_color(pal.primary);
    c.line_width(if pal.filled { 0.8 } else { 1.2 });
    c.rounded_rect(cx + 3.0, cy + 3.0, cw - 6.0, ch - 6.0, 4.0);
    c.stroke();
    // Tab with 扫码入会.
    let tab_st = sans(
        20.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.05)
    .spacing(2.5);
    let tab_w = c.width(&t.tab, &tab_st) + 16.0;
    if pal.filled {
        c.fill_color(pal.primary);
        c.rounded_rect(w / 2.0 - tab_w / 2.0, cy - 6.0, tab_w, 14.0, 7.0);
        c.fill();
    } else {
        c.fill_color(Rgb(0xFF, 0xFF, 0xFF));
        c.rounded_rect(w / 2.0 - tab_w / 2.0, cy - 6.0, tab_w, 14.0, 7.0);
        c.fill();
        c.stroke_color(pal.primary);
        c.line_width(1.2);
        c.rounded_rect(w / 2.0 - tab_w / 2.0, cy - 6.0, tab_w, 14.0, 7.0);
        c.stroke();
    }
    c.text(&t.tab, w / 2.0 + 1.25, cy + 3.6, Align::Center, &tab_st);
    let qs = 82.0 - shift;
    qr::draw(c, code, (w - qs) / 2.0, cy + 13.0, qs, Rgb(0, 0, 0));
    let cap = sans(10.5, pal.muted).spacing(0.4);
    let hint = t.hint.as_str();
    let cap_size = c.fit(hint, cw - 12.0, &cap, 6.0).unwrap_or(6.0);
    c.text(
        hint,
        w / 2.0,
        cy + ch - 9.0,
        Align::Center,
        &cap.size(cap_size),
    );

    // Steps (or, without steps, the info lines in their place).
    let n = t.steps.len();
    let sy = 206.0 - shift;
    if n == 0 {
        let lines = t.info.len().min(3);
        let lh = 8.0;
        let top = sy + 4.0 - lh * (lines as f32 - 1.0) / 2.0;
        let st = sans(12.5, pal.ink).bold(0.02);
        for (i, l) in t.info.iter().take(3).enumerate() {
            let size = c
                .fit(l, w - 36.0, &st, 8.0)
                .ok_or(("阵地信息", l.clone()))?;
            c.text(
                l,
                w / 2.0,
                top + lh * i as f32,
                Align::Center,
                &st.size(size),
            );
        }
    }
    let span = 170.0;
    let gap = span / n as f32;
    let step_st = sans(12.5, pal.ink).bold(0.02);
    let num_st = sans(
        15.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.05);
    for (i, s) in t.steps.iter().enumerate() {
        let x = (w - span) / 2.0 + gap * (i as f32 + 0.5);
        if pal.filled {
            c.fill_color(pal.primary);
            c.circle(x, sy, 7.5);
            c.fill();
            c.stroke_color(pal.accent);
            c.line_width(0.6);
            c.circle(x, sy, 9.0);
            c.stroke();
        } else {
            c.stroke_color(pal.primary);
            c.line_width(1.0);
            c.circle(x, sy, 7.5);
            c.stroke();
        }
        c.text(&(i + 1).to_string(), x, sy + 2.0, Align::Center, &num_st);
        let size = c
            .fit(s, gap - 3.0, &step_st, 8.0)
            .ok_or(("入会步骤", s.clone()))?;
        c.text(s, x, sy + 16.5, Align::Center, &step_st.size(size));
        if i + 1 < n {
            // Chevron arrow between steps.
            let ax = x + gap / 2.0;
            c.stroke_color(pal.accent);
            c.line_width(1.4);
            c.move_to(ax - 2.2, sy - 3.2);
            c.line_to(ax + 1.0, sy);
            c.line_to(ax - 2.2, sy + 3.2);
            c.move_to(ax + 1.2, sy - 3.2);
            c.line_to(ax + 4.4, sy);
            c.line_to(ax + 1.2, sy + 3.2);
            c.stroke();
        }
    }

    // Benefits.
    let by = 232.0 - shift;
    if !t.benefits.is_empty() {
        if pal.filled {
            c.fill_color(pal.soft);
            c.rounded_rect(16.0, by - 4.0, w - 32.0, 274.0 - by, 4.0);
            c.fill();
        }
        let hs = sans(14.0, pal.primary).bold(0.04).spacing(1.2);
        c.fill_color(pal.accent);
        c.rect(24.0, by + 1.2, 1.8, 5.6);
        c.fill();
        c.text(&t.list_title, 28.5, by + 6.6, Align::Left, &hs);
        let (cols, colw, wrapped, row_h, lh, st) =
            benefit_layout(c, &t.benefits, pal.ink, 268.0 - (by + 12.0), 8.0)
                .ok_or((t.list_field, t.benefits.join("；")))?;
        let mut ry = by + 12.0;
        for (r, rh) in row_h.iter().enumerate() {
            for k in 0..cols {
                let Some(lines) = wrapped.get(r * cols + k) else {
                    continue;
                };
                let x = 24.0 + k as f32 * (colw + 15.0);
                // A tick in a circle.
                let ty = ry + lh * 0.45;
                c.fill_color(pal.primary);
                c.circle(x + 2.2, ty, 2.2);
                c.fill();
                c.stroke_color(if pal.filled {
                    pal.on_primary
                } else {
                    Rgb(0xFF, 0xFF, 0xFF)
                });
                c.line_width(0.5);
                c.move_to(x + 1.1, ty);
                c.line_to(x + 2.0, ty + 0.9);
                c.line_to(x + 3.4, ty - 0.9);
                c.stroke();
                for (i, l) in lines.iter().enumerate() {
                    c.text(l, x + 6.5, ry + lh * (i as f32 + 0.8), Align::Left, &st);
                }
            }
            ry += rh;
        }
    }

    // Footer with the phone.
    let fy = if pal.filled { 279.0 } else { 275.0 };
    if pal.filled {
        c.fill_color(pal.primary);
        c.rect(0.0, fy, w, h - fy);
        c.fill();
        c.fill_color(pal.accent);
        c.rect(0.0, fy, w, 1.0);
        c.fill();
    } else {
        c.stroke_color(pal.primary);
        c.line_width(0.5);
        c.move_to(20.0, fy);
        c.line_to(w - 20.0, fy);
        c.stroke();
    }
    let foot = &t.footer;
    let fst = sans(
        15.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.03)
    .spacing(0.6);
    let fsize = c
        .fit(foot, w - 40.0, &fst, 9.0)
        .ok_or(("咨询电话", t.phone.clone()))?;
    let fb = if pal.filled { fy + 10.0 } else { fy + 8.0 };
    c.text(foot, w / 2.0, fb, Align::Center, &fst.size(fsize));
    Ok(())
}
