//! Membership certificates (会员证): wallet cards imposed ten to an A4 sheet
//! with crop marks, or one ceremony certificate per A4/A5 page.

use chrono::{Datelike, NaiveDate};
use printpdf::XObjectId;
use serde::{Deserialize, Serialize};

use crate::canvas::{Align, Canvas, Rgb, Style};
use crate::doc::{decode_png, Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};
use crate::qr;

const DOC: &str = "会员证";

/// One member's certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// 姓名
    pub name: String,
    /// 会员编号
    pub member_no: String,
    /// 所属组织: the union unit that holds the membership.
    pub org_name: String,
    /// 入会日期
    pub join_date: NaiveDate,
    /// 发证单位: the issuing union.
    pub issuer: String,
    /// 发证日期
    pub issue_date: NaiveDate,
    /// The whole text of the QR code, normally [`crate::verify_link`].
    pub verify_url: String,
    /// A PNG photo (any size; drawn 3:4, cropped to fill).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Vec<u8>>,
    /// The issuing union's seal as a PNG, ideally red on a transparent
    /// background; stamped over the issuer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Vec<u8>>,
}

/// How certificates are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Wallet cards (85.6 × 54 mm), ten to an A4 sheet with crop marks.
    Card,
    /// One certificate per A4 page (landscape), for ceremonies.
    A4,
    /// One certificate per A5 page (landscape).
    A5,
}

impl Layout {
    /// Certificates per page.
    pub fn per_page(self) -> usize {
        match self {
            Layout::Card => CARDS_PER_SHEET,
            Layout::A4 | Layout::A5 => 1,
        }
    }
}

// Colours: union red, gold, ivory paper, ink.
const RED: Rgb = Rgb(0xB5, 0x1B, 0x22);
const GOLD: Rgb = Rgb(0xD6, 0xA6, 0x3E);
const LIGHT_GOLD: Rgb = Rgb(0xF7, 0xDC, 0x8E);
const IVORY: Rgb = Rgb(0xFF, 0xF9, 0xEC);
const PALE: Rgb = Rgb(0xF4, 0xE4, 0xC6);
const INK: Rgb = Rgb(0x26, 0x1E, 0x1A);
const MUTED: Rgb = Rgb(0x7A, 0x62, 0x48);

/// A certificate with its texts cleaned and checked.
struct Checked<'c> {
    src: &'c Certificate,
    name: String,
    member_no: String,
    org: String,
    issuer: String,
    join: String,
    issued: String,
    qr: qr::Matrix,
}

fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn check_one<'c>(fonts: &Fonts, c: &'c Certificate) -> Result<Checked<'c>, PrintError> {
    let name = clean(&c.name);
    let who = if name.is_empty() {
        c.member_no.trim().to_string()
    } else {
        name.clone()
    };
    let face = fonts.face(Family::Serif);
    let fields = [
        ("姓名", name.clone()),
        ("会员编号", clean(&c.member_no)),
        ("所属组织", clean(&c.org_name)),
        ("发证单位", clean(&c.issuer)),
    ];
    for (field, text) in &fields {
        if text.is_empty() {
            return Err(PrintError::Empty {
                who,
                doc: DOC,
                field,
            });
        }
        if let Some(ch) = face.first_missing(text) {
            return Err(PrintError::MissingGlyph { ch, who, doc: DOC });
        }
    }
    let url = c.verify_url.trim();
    if url.is_empty() {
        return Err(PrintError::Empty {
            who,
            doc: DOC,
            field: "验证链接",
        });
    }
    let [(_, name), (_, member_no), (_, org), (_, issuer)] = fields;
    Ok(Checked {
        src: c,
        name,
        member_no,
        org,
        issuer,
        join: cn_date(c.join_date),
        issued: cn_date(c.issue_date),
        qr: qr::encode(url)?,
    })
}

/// Check every certificate and encode its QR code (the costliest step of a
/// batch: the mask choice of each code), on all cores for large batches.
fn check_all<'c>(fonts: &Fonts, certs: &'c [Certificate]) -> Result<Vec<Checked<'c>>, PrintError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || certs.len() < 64 {
        return certs.iter().map(|c| check_one(fonts, c)).collect();
    }
    let chunk = certs.len().div_ceil(threads);
    let parts: Vec<Result<Vec<Checked<'c>>, PrintError>> = std::thread::scope(|s| {
        let handles: Vec<_> = certs
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|c| check_one(fonts, c)).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("certificate check does not panic"))
            .collect()
    });
    let mut out = Vec::with_capacity(certs.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// Make the PDF of a batch of certificates. Every text is checked against
/// the font first: a character the font cannot draw refuses the whole batch
/// with [`PrintError::MissingGlyph`] naming the person and the character.
pub fn certificates_pdf(
    fonts: &Fonts,
    certs: &[Certificate],
    layout: Layout,
) -> Result<Pdf, PrintError> {
    if certs.is_empty() {
        return Err(PrintError::Nothing(DOC));
    }
    let checked = check_all(fonts, certs)?;
    let title = match layout {
        Layout::Card => "工会会员证（卡片）",
        Layout::A4 | Layout::A5 => "工会会员证",
    };
    let mut doc = Doc::new(fonts, title, &[Family::Serif]);
    match layout {
        Layout::Card => {
            for sheet in checked.chunks(CARDS_PER_SHEET) {
                let mut c = doc.canvas(A4_H);
                crop_marks(&mut c);
                for (i, cert) in sheet.iter().enumerate() {
                    let images = images_for(&mut doc, cert)?;
                    let (col, row) = (i % 2, i / 2);
                    let x = SHEET_X + col as f32 * (CARD_W + GAP_X);
                    let y = SHEET_Y + row as f32 * CARD_H;
                    c.frame(x, y, CARD_H, 1.0);
                    card(&mut c, cert, &images)?;
                    c.restore();
                }
                let ops = c.take_ops();
                doc.add_page(A4_W, A4_H, ops);
            }
        }
        Layout::A4 | Layout::A5 => {
            let (pw, ph) = if layout == Layout::A4 {
                (A4_H, A4_W)
            } else {
                (210.0, 148.0)
            };
            let scale = (pw / A4_H).min(ph / A4_W);
            for cert in &checked {
                let images = images_for(&mut doc, cert)?;
                let mut c = doc.canvas(ph);
                c.frame(
                    (pw - A4_H * scale) / 2.0,
                    (ph - A4_W * scale) / 2.0,
                    A4_W,
                    scale,
                );
                ceremony(&mut c, cert, &images)?;
                c.restore();
                let ops = c.take_ops();
                doc.add_page(pw, ph, ops);
            }
        }
    }
    Ok(doc.finish())
}

struct Images {
    photo: Option<XObjectId>,
    seal: Option<XObjectId>,
    /// Width / height of the seal image.
    seal_aspect: f32,
    photo_aspect: f32,
}

fn images_for(doc: &mut Doc<'_>, cert: &Checked<'_>) -> Result<Images, PrintError> {
    let bad = |what: &'static str, detail: String| PrintError::BadImage {
        who: cert.name.clone(),
        doc: DOC,
        what,
        detail,
    };
    let mut out = Images {
        photo: None,
        seal: None,
        seal_aspect: 1.0,
        photo_aspect: 0.75,
    };
    if let Some(png) = cert.src.photo.as_deref() {
        let mut aspect = 0.75;
        let id = doc
            .image(png, || {
                let img = decode_png(png)?;
                aspect = img.width as f32 / img.height as f32;
                Ok(img)
            })
            .map_err(|e| bad("照片", e))?;
        out.photo = Some(id);
        out.photo_aspect = png_aspect(png).unwrap_or(aspect);
    }
    if let Some(png) = cert.src.seal.as_deref() {
        let id = doc
            .image(png, || decode_png(png))
            .map_err(|e| bad("公章", e))?;
        out.seal = Some(id);
        out.seal_aspect = png_aspect(png).unwrap_or(1.0);
    }
    Ok(out)
}

/// Width / height from a PNG header (images are decoded once per document,
/// so a repeated seal does not tell its size again).
pub(crate) fn png_aspect(png: &[u8]) -> Option<f32> {
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    (w > 0 && h > 0).then(|| w as f32 / h as f32)
}

/// Draw a photo cropped to fill the box.
pub(crate) fn photo(
    c: &mut Canvas<'_>,
    id: &XObjectId,
    aspect: f32,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
) {
    c.save();
    c.rect(x, y, w, h);
    c.clip();
    let (dw, dh) = if aspect > w / h {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    c.image(id, x + (w - dw) / 2.0, y + (h - dh) / 2.0, dw, dh);
    c.restore();
}

fn seal(c: &mut Canvas<'_>, id: &XObjectId, aspect: f32, cx: f32, cy: f32, size: f32) {
    let (w, h) = if aspect >= 1.0 {
        (size, size / aspect)
    } else {
        (size * aspect, size)
    };
    c.image(id, cx - w / 2.0, cy - h / 2.0, w, h);
}

// ---------------------------------------------------------------- cards --

pub(crate) const A4_W: f32 = 210.0;
pub(crate) const A4_H: f32 = 297.0;
const CARD_W: f32 = 85.6;
const CARD_H: f32 = 54.0;
const CARDS_PER_SHEET: usize = 10;
const GAP_X: f32 = 6.0;
const BLEED: f32 = 2.0;
const SHEET_X: f32 = (A4_W - 2.0 * CARD_W - GAP_X) / 2.0;
const SHEET_Y: f32 = (A4_H - 5.0 * CARD_H) / 2.0;

/// Crop marks in the page margins for every cut line of the 2 × 5 grid.
fn crop_marks(c: &mut Canvas<'_>) {
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

/// Label in the distributed (分散对齐) style of Chinese forms: every label
/// as wide as a four-character one.
fn label(c: &mut Canvas<'_>, text: &str, x: f32, baseline: f32, st: &Style) {
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
fn fit_value(
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

fn too_long(cert: &Checked<'_>, field: &'static str, text: &str) -> PrintError {
    PrintError::TooLong {
        who: cert.name.clone(),
        doc: DOC,
        field,
        text: text.to_string(),
    }
}

/// One wallet card, in card coordinates (0,0 top-left, 85.6 × 54 mm).
fn card(c: &mut Canvas<'_>, cert: &Checked<'_>, img: &Images) -> Result<(), PrintError> {
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

// ------------------------------------------------------------ ceremony --

/// A ceremony certificate, designed on A4 landscape (297 × 210 mm) and
/// scaled for A5.
fn ceremony(c: &mut Canvas<'_>, cert: &Checked<'_>, img: &Images) -> Result<(), PrintError> {
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
