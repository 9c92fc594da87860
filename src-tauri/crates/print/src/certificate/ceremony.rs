//! The ceremony certificate: one per A4 or A5 page (landscape).

use crate::canvas::{Align, Canvas, Style};
use crate::error::PrintError;
use crate::fonts::Family;
use crate::qr;

use super::text::{fit_value, too_long};
use super::{photo, seal, Checked, Images, A4_H, A4_W, GOLD, INK, IVORY, MUTED, PALE, RED};

/// A ceremony certificate, designed on A4 landscape (297 × 210 mm) and
/// scaled for A5.
pub(super) fn ceremony(
    c: &mut Canvas<'_>,
    cert: &Checked<'_>,
    img: &Images,
) -> Result<(), PrintError> {
    let (w, h) = (A4_H, A4_W);
    // Paper tint inside the frame.
    c.fill_color(IVORY);
    c.rect(8.0, 8.0, w - 16.0, h - 16.0);
    c.fill();
    // Watermark rings.
    c.stroke_color(PALE);
    c.line_width(0.35);
    for i in 0..9 {
        c.circle(w / 2.0, h / 2.0 + 8.0, 28.0 + 6.5 * i as f32);
    }
    c.stroke();
    // Red frame (even-odd ring), gold double rule.
    c.fill_color(RED);
    c.rect(8.0, 8.0, w - 16.0, h - 16.0);
    c.rect(13.0, 13.0, w - 26.0, h - 26.0);
    c.fill_even_odd();
    c.stroke_color(GOLD);
    c.line_width(0.8);
    c.rect(15.5, 15.5, w - 31.0, h - 31.0);
    c.stroke();
    c.line_width(0.3);
    c.rect(17.3, 17.3, w - 34.6, h - 34.6);
    c.stroke();
    // Corner frets.
    for (sx, sy) in [(1.0f32, 1.0f32), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)] {
        let (ox, oy) = (
            if sx > 0.0 { 17.3 } else { w - 17.3 },
            if sy > 0.0 { 17.3 } else { h - 17.3 },
        );
        let p = |dx: f32, dy: f32| (ox + sx * dx, oy + sy * dy);
        c.line_width(0.6);
        let pts = [p(3.0, 16.0), p(3.0, 3.0), p(16.0, 3.0)];
        c.move_to(pts[0].0, pts[0].1);
        c.line_to(pts[1].0, pts[1].1);
        c.line_to(pts[2].0, pts[2].1);
        let q = [
            p(6.0, 11.0),
            p(6.0, 6.0),
            p(11.0, 6.0),
            p(11.0, 9.0),
            p(9.0, 9.0),
        ];
        c.move_to(q[0].0, q[0].1);
        for pt in &q[1..] {
            c.line_to(pt.0, pt.1);
        }
        c.stroke();
    }

    // Title.
    let title = Style::new(Family::Serif, 40.0, RED).bold(0.03).spacing(7.0);
    c.text("工会会员证", w / 2.0 + 3.5, 50.0, Align::Center, &title);
    let sub = Style::new(Family::Serif, 8.5, GOLD).spacing(1.3);
    c.text(
        "TRADE UNION MEMBERSHIP CERTIFICATE",
        w / 2.0,
        59.5,
        Align::Center,
        &sub,
    );
    c.stroke_color(GOLD);
    c.line_width(0.4);
    c.move_to(w / 2.0 - 60.0, 65.5);
    c.line_to(w / 2.0 - 4.0, 65.5);
    c.move_to(w / 2.0 + 4.0, 65.5);
    c.line_to(w / 2.0 + 60.0, 65.5);
    c.stroke();
    c.fill_color(GOLD);
    c.diamond(w / 2.0, 65.5, 2.0, 2.0);
    c.fill();

    // Body.
    let left = if let Some(id) = &img.photo {
        let (fx, fy, fw, fh) = (38.0, 78.0, 33.0, 44.0);
        photo(c, id, img.photo_aspect, fx, fy, fw, fh);
        c.stroke_color(GOLD);
        c.line_width(0.6);
        c.rect(fx - 1.2, fy - 1.2, fw + 2.4, fh + 2.4);
        c.stroke();
        84.0
    } else {
        48.0
    };
    let right = w - 44.0;
    let body = Style::new(Family::Serif, 16.0, INK);
    let lead = "兹证明";
    let tail = "同志";
    let name_st = Style::new(Family::Serif, 30.0, INK).bold(0.03).spacing(2.0);
    let room = right - left - c.width(lead, &body) - c.width(tail, &body) - 10.0;
    let name_size = c
        .fit(&cert.name, room, &name_st, 12.0)
        .ok_or_else(|| too_long(cert, "姓名", &cert.name))?;
    let name_st = name_st.size(name_size);
    let base = 95.0;
    c.text(lead, left, base, Align::Left, &body);
    let nx = left + c.width(lead, &body) + 5.0;
    let nw = c.width(&cert.name, &name_st);
    c.text(&cert.name, nx, base, Align::Left, &name_st);
    c.stroke_color(GOLD);
    c.line_width(0.5);
    c.move_to(nx - 2.0, base + 2.6);
    c.line_to(nx + nw + 2.0, base + 2.6);
    c.stroke();
    c.text(tail, nx + nw + 5.0, base, Align::Left, &body);

    let sentence = format!("于{}加入{}，成为工会会员。特发此证。", cert.join, cert.org);
    let mut size = 16.0;
    let lines = loop {
        let lines = c.wrap(&sentence, right - left - 10.0, &body.size(size));
        if lines.len() <= 3 || size <= 11.0 {
            break lines;
        }
        size -= 0.5;
    };
    if lines.len() > 3 {
        return Err(too_long(cert, "所属组织", &cert.org));
    }
    let para = body.size(size);
    let lh = size / crate::canvas::K * 1.75;
    let mut y = base + 15.0;
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 0 { 10.0 } else { 0.0 };
        c.text(line, left + indent, y, Align::Left, &para);
        y += lh;
    }
    let no = Style::new(Family::Serif, 12.0, MUTED);
    c.text(
        &format!("会员编号：{}", cert.member_no),
        left + 10.0,
        y + 3.0,
        Align::Left,
        &no,
    );

    // QR code, bottom left.
    let (qx, qy, qs) = (36.0, 145.0, 30.0);
    qr::draw(c, &cert.qr, qx, qy, qs, INK);
    let cap = Style::new(Family::Serif, 8.5, MUTED).spacing(0.8);
    c.text(
        "扫码验证真伪",
        qx + qs / 2.0,
        qy + qs + 5.5,
        Align::Center,
        &cap,
    );

    // Issuer and date, bottom right, the seal over them.
    let iss = Style::new(Family::Serif, 15.0, INK).spacing(0.8);
    let ix = w - 44.0;
    let max_iw = 110.0;
    let (ilines, isize) = fit_value(c, &cert.issuer, max_iw, &iss, 11.0, 9.5)
        .ok_or_else(|| too_long(cert, "发证单位", &cert.issuer))?;
    let ist = iss.size(isize);
    let ilh = isize / crate::canvas::K * 1.4;
    let mut iy = 160.0 - ilh * (ilines.len() as f32 - 1.0);
    let mut iw: f32 = 0.0;
    for l in &ilines {
        c.text(l, ix, iy, Align::Right, &ist);
        iw = iw.max(c.width(l, &ist));
        iy += ilh;
    }
    let date = Style::new(Family::Serif, 13.0, INK).spacing(0.5);
    c.text(&cert.issued, ix, iy + 3.0, Align::Right, &date);
    if let Some(id) = &img.seal {
        seal(
            c,
            id,
            img.seal_aspect,
            ix - iw.min(60.0) / 2.0 - 4.0,
            158.0,
            40.0,
        );
    }
    Ok(())
}
