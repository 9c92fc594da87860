//! Membership certificates (会员证): wallet cards imposed ten to an A4 sheet
//! with crop marks, or one ceremony certificate per A4/A5 page.
//!
//! Here: the checks, the batch and the images every layout shares; the data
//! types in `data.rs`, the card in `card.rs`, the ceremony certificate in
//! `ceremony.rs`, the label and fitting helpers both use in `text.rs`.

mod card;
mod ceremony;
mod data;
mod text;

use printpdf::XObjectId;

use crate::canvas::{Canvas, Rgb};
use crate::doc::{decode_png, Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};
use crate::forms::cn_date;
use crate::qr;

use card::{card, crop_marks, CARDS_PER_SHEET, CARD_H, CARD_W, GAP_X, SHEET_X, SHEET_Y};
use ceremony::ceremony;
pub use data::{Certificate, Layout};

const DOC: &str = "会员证";

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

/// A4 portrait, in mm.
pub(crate) const A4_W: f32 = 210.0;
pub(crate) const A4_H: f32 = 297.0;
