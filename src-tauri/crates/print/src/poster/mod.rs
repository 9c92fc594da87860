//! The join poster (扫码入会): an organisation's join QR code, its name, a
//! headline, the steps, the benefits and a phone number, A4 or A3 portrait.
//!
//! Here: the sizes, templates and palettes, and [`render`], which draws
//! checked [`Texts`] on a page; the service post's poster
//! (`post_poster.rs`) reuses it. The join poster's data and checks are in
//! `join.rs`, the page's drawing in `draw.rs`, the fitting of texts in
//! `fit.rs`.

mod draw;
mod fit;
mod join;

use serde::{Deserialize, Serialize};

use crate::canvas::Rgb;
use crate::certificate::{A4_H, A4_W};
use crate::doc::{Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{Family, Fonts};
use crate::qr;

use draw::draw;
pub use join::{poster_pdf, Poster};

/// Paper size (portrait).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterSize {
    A4,
    A3,
}

/// The look of a poster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterTemplate {
    /// 中国红: red and gold, for villages, towns and ceremonies.
    Red,
    /// 交通蓝: navy and orange, for service areas, highway exits, stations.
    Blue,
    /// 简洁: white paper, red lines and text; saves toner on office printers.
    Ink,
}

impl PosterTemplate {
    /// All templates, in the order to offer them.
    pub const ALL: [PosterTemplate; 3] = [
        PosterTemplate::Red,
        PosterTemplate::Blue,
        PosterTemplate::Ink,
    ];

    /// The name to show in the UI.
    pub fn label(self) -> &'static str {
        match self {
            PosterTemplate::Red => "中国红",
            PosterTemplate::Blue => "交通蓝",
            PosterTemplate::Ink => "简洁（省墨）",
        }
    }
}

struct Palette {
    primary: Rgb,
    dark: Rgb,
    accent: Rgb,
    on_primary: Rgb,
    soft: Rgb,
    ink: Rgb,
    muted: Rgb,
    /// Large areas filled (false: lines only).
    filled: bool,
}

fn palette(t: PosterTemplate) -> Palette {
    match t {
        PosterTemplate::Red => Palette {
            primary: Rgb(0xC4, 0x15, 0x1C),
            dark: Rgb(0xA3, 0x0F, 0x16),
            accent: Rgb(0xF6, 0xC9, 0x5B),
            on_primary: Rgb(0xFF, 0xFF, 0xFF),
            soft: Rgb(0xFD, 0xF0, 0xE2),
            ink: Rgb(0x2A, 0x21, 0x1D),
            muted: Rgb(0x7A, 0x5F, 0x4C),
            filled: true,
        },
        PosterTemplate::Blue => Palette {
            primary: Rgb(0x12, 0x4A, 0x7E),
            dark: Rgb(0x0C, 0x36, 0x5E),
            accent: Rgb(0xF5, 0x9E, 0x1B),
            on_primary: Rgb(0xFF, 0xFF, 0xFF),
            soft: Rgb(0xE8, 0xF1, 0xF9),
            ink: Rgb(0x1B, 0x26, 0x33),
            muted: Rgb(0x4E, 0x62, 0x77),
            filled: true,
        },
        PosterTemplate::Ink => Palette {
            primary: Rgb(0xC4, 0x15, 0x1C),
            dark: Rgb(0xC4, 0x15, 0x1C),
            accent: Rgb(0xC4, 0x15, 0x1C),
            on_primary: Rgb(0xC4, 0x15, 0x1C),
            soft: Rgb(0xFF, 0xFF, 0xFF),
            ink: Rgb(0x1A, 0x1A, 0x1A),
            muted: Rgb(0x55, 0x55, 0x55),
            filled: false,
        },
    }
}

/// What a poster of this layout prints, checked against the fonts. The
/// join poster fills it from a [`Poster`]; the post poster
/// (`post_poster.rs`) from a service post.
pub(crate) struct Texts {
    /// The line in the top band.
    pub org: String,
    pub headline: String,
    /// Numbered steps; when empty, `info` lines are printed in their place.
    pub steps: Vec<String>,
    pub info: Vec<String>,
    /// The ticked list and its title.
    pub benefits: Vec<String>,
    pub list_title: String,
    /// The list's name in errors (入会好处, 服务设施).
    pub list_field: &'static str,
    /// The tab over the QR code and the line under it.
    pub tab: String,
    pub hint: String,
    pub footer: String,
    /// Named in errors about a missing field.
    pub phone: String,
}

/// Draw checked texts with a QR code of `url` on one page.
pub(crate) fn render(
    fonts: &Fonts,
    t: &Texts,
    url: &str,
    size: PosterSize,
    template: PosterTemplate,
    title: &str,
    doc_name: &'static str,
) -> Result<Pdf, PrintError> {
    let code = qr::encode(url.trim())?;
    let (pw, ph) = match size {
        PosterSize::A4 => (A4_W, A4_H),
        PosterSize::A3 => (297.0, 420.0),
    };
    let mut doc = Doc::new(fonts, title, &[Family::Sans]);
    let mut c = doc.canvas(ph);
    c.frame(0.0, 0.0, A4_H, pw / A4_W);
    draw(&mut c, t, &code, &palette(template)).map_err(|(field, text)| PrintError::TooLong {
        who: t.org.clone(),
        doc: doc_name,
        field,
        text,
    })?;
    c.restore();
    let ops = c.take_ops();
    doc.add_page(pw, ph, ops);
    Ok(doc.finish())
}

type Fail = (&'static str, String);
