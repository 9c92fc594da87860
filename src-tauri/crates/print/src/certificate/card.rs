//! The wallet card (85.6 × 54 mm), imposed ten to an A4 sheet with crop marks.

use crate::canvas::{Align, Canvas, Rgb, Style};
use crate::error::PrintError;
use crate::fonts::Family;
use crate::qr;

use super::text::{fit_value, label, too_long};
use super::{
    photo, seal, Checked, Images, A4_H, A4_W, GOLD, INK, IVORY, LIGHT_GOLD, MUTED, PALE, RED,
};

pub(super) const CARD_W: f32 = 85.6;
pub(super) const CARD_H: f32 = 54.0;
pub(super) const CARDS_PER_SHEET: usize = 10;
pub(super) const GAP_X: f32 = 6.0;
const BLEED: f32 = 2.0;
pub(super) const SHEET_X: f32 = (A4_W - 2.0 * CARD_W - GAP_X) / 2.0;
pub(super) const SHEET_Y: f32 = (A4_H - 5.0 * CARD_H) / 2.0;

/// Crop marks in the page margins for every cut line of the 2 × 5 grid.
pub(super) fn crop_marks(c: &mut Canvas<'_>) {
    c.stroke_color(Rgb(0, 0, 0));
    c.line_width(0.15);
    let off = BLEED + 1.5;
    for col in 0..2 {
        for x in [
            SHEET_X + col as f32 * (CARD_W + GAP_X),
            SHEET_X + col as f32 * (CARD_W + GAP_X) + CARD_W,
        ] {
            c.move_to(x, SHEET_Y - off);
            c.line_to(x, SHEET_Y - off - 6.0);
            c.move_to(x, A4_H - SHEET_Y + off);
            c.line_to(x, A4_H - SHEET_Y + off + 6.0);
        }
    }
    for row in 0..=5 {
        let y = SHEET_Y + row as f32 * CARD_H;
        c.move_to(SHEET_X - off, y);
        c.line_to(SHEET_X - off - 6.0, y);
        c.move_to(A4_W - SHEET_X + off, y);
        c.line_to(A4_W - SHEET_X + off + 6.0, y);
    }
    c.stroke();
}

/// One wallet card, in card coordinates (0,0 top-left, 85.6 × 54 mm).
pub(super) fn card(c: &mut Canvas<'_>, cert: &Checked<'_>, img: &Images) -> Result<(), PrintError> {
    let (w, h) = (CARD_W, CARD_H);
    // Red ground with bleed; the ivory panel; a gold rule round the panel.
    c.fill_color(RED);
    c.rect(-BLEED, -BLEED, w + 2.0 * BLEED, h + 2.0 * BLEED);
    c.fill();
    let (px, py, pw, ph) = (3.0, 12.0, w - 6.0, h - 15.0);
    c.fill_color(IVORY);
    c.rounded_rect(px, py, pw, ph, 1.2);
    c.fill();
    c.stroke_color(GOLD);
    c.line_width(0.3);
    c.rounded_rect(px - 0.9, py - 0.9, pw + 1.8, ph + 1.8, 1.8);
    c.stroke();
    // A faint guilloche of rings behind the fields, clipped to the panel.
    c.save();
    c.rounded_rect(px, py, pw, ph, 1.2);
    c.clip();
    c.stroke_color(PALE);
    c.line_width(0.25);
    for i in 0..7 {
        c.circle(w - 14.0, h - 6.0, 9.0 + 3.2 * i as f32);
    }
    c.stroke();
    c.restore();

    // Title band: 工会会员证 in gold between two rules with diamonds.
    let title = Style::new(Family::Serif, 15.0, LIGHT_GOLD)
        .bold(0.035)
        .spacing(1.8);
    let tw = c.width("工会会员证", &title);
    c.text("工会会员证", w / 2.0, 8.7, Align::Center, &title);
    c.stroke_color(GOLD);
    c.line_width(0.3);
    let (l, r) = (w / 2.0 - tw / 2.0 - 4.0, w / 2.0 + tw / 2.0 + 4.0);
    c.move_to(7.5, 6.8);
    c.line_to(l - 1.6, 6.8);
    c.move_to(r + 1.6, 6.8);
    c.line_to(w - 7.5, 6.8);
    c.stroke();
    c.fill_color(GOLD);
    c.diamond(l, 6.8, 1.2, 1.2);
    c.diamond(r, 6.8, 1.2, 1.2);
    c.diamond(6.2, 6.8, 0.6, 0.6);
    c.diamond(w - 6.2, 6.8, 0.6, 0.6);
    c.fill();

    // QR code at the right, with its caption.
    let qr_size = 16.5;
    let (qx, qy) = (w - 3.0 - 2.6 - qr_size, 15.2);
    qr::draw(c, &cert.qr, qx, qy, qr_size, INK);
    let cap = Style::new(Family::Serif, 5.2, MUTED).spacing(0.5);
    c.text(
        "扫码验证",
        qx + qr_size / 2.0,
        qy + qr_size + 3.0,
        Align::Center,
        &cap,
    );

    // Photo at the left.
    let mut x0 = 6.5;
    if let Some(id) = &img.photo {
        let (fx, fy, fw, fh) = (6.0, 15.5, 18.0, 24.0);
        photo(c, id, img.photo_aspect, fx, fy, fw, fh);
        c.stroke_color(GOLD);
        c.line_width(0.3);
        c.rect(fx, fy, fw, fh);
        c.stroke();
        x0 = 27.0;
    }

    // Fields.
    let lab = Style::new(Family::Serif, 6.0, RED).bold(0.02);
    let val = Style::new(Family::Serif, 7.2, INK);
    let vx = x0 + 10.8;
    let narrow = qx - 2.0 - vx; // beside the QR code
    let wide = w - 5.5 - vx; // below it
    let rows: [(&str, &str, f32, &'static str); 5] = [
        ("会员编号", &cert.member_no, narrow, "会员编号"),
        ("所属组织", &cert.org, narrow, "所属组织"),
        ("入会日期", &cert.join, narrow, "入会日期"),
        (
            "发证单位",
            &cert.issuer,
            if img.photo.is_some() { narrow } else { wide },
            "发证单位",
        ),
        ("发证日期", &cert.issued, wide, "发证日期"),
    ];
    // Name first, larger.
    let name_st = Style::new(Family::Serif, 11.5, INK).bold(0.03).spacing(0.6);
    let name_size = c
        .fit(&cert.name, narrow, &name_st, 7.0)
        .ok_or_else(|| too_long(cert, "姓名", &cert.name))?;
    label(c, "姓名", x0, 19.6, &lab);
    c.text(&cert.name, vx, 19.9, Align::Left, &name_st.size(name_size));
    c.stroke_color(PALE);
    c.line_width(0.2);
    c.move_to(vx, 21.2);
    c.line_to(vx + narrow, 21.2);
    c.stroke();

    let mut issuer_centre = (vx + 12.0, 43.0);
    for (i, (lt, value, max_w, field)) in rows.iter().enumerate() {
        let centre = 25.6 + i as f32 * 5.4;
        label(c, lt, x0, centre + 1.0, &lab);
        let (lines, size) = fit_value(c, value, *max_w, &val, 6.0, 5.0)
            .ok_or_else(|| too_long(cert, field, value))?;
        let st = val.size(size);
        if lines.len() == 1 {
            c.text(&lines[0], vx, centre + 1.1, Align::Left, &st);
        } else {
            let lh = size / crate::canvas::K * 1.12;
            c.text(&lines[0], vx, centre + 1.1 - lh / 2.0, Align::Left, &st);
            c.text(&lines[1], vx, centre + 1.1 + lh / 2.0, Align::Left, &st);
        }
        if *field == "发证单位" {
            let lw = lines.iter().map(|l| c.width(l, &st)).fold(0.0, f32::max);
            issuer_centre = (vx + lw / 2.0, centre + 2.0);
        }
    }
    if let Some(id) = &img.seal {
        seal(
            c,
            id,
            img.seal_aspect,
            issuer_centre.0.max(vx + 7.0),
            issuer_centre.1,
            15.0,
        );
    }
    Ok(())
}
