//! Printing for Union Ledger (工会台账): membership certificates, join
//! posters and the signed links in their QR codes, as PDF bytes.
//!
//! Everything here is pure: data and fonts in, PDF bytes out; no database,
//! no files (except [`Fonts::from_dir`]), no clock — dates are passed in.
//!
//! - [`certificates_pdf`]: wallet cards ten to an A4 sheet with crop marks,
//!   or one ceremony certificate per A4/A5 page.
//! - [`poster_pdf`]: the 扫码入会 join poster, A4 or A3, three templates.
//! - [`applications_pdf`], [`roster_pdf`]: the 入会申请书 of members, and
//!   the 花名册 (or, with a signature column, the 签到表) of a selection.
//! - [`sign`], [`verify_link`], [`check`]: the verification link in a
//!   certificate's QR code and the check of what a scanner read.
//!
//! Text is real text in two fonts shipped in `assets/fonts/` (Noto Serif CJK
//! SC and Noto Sans CJK SC, SIL OFL 1.1), embedded as subsets holding only
//! the glyphs used. Every character is checked against the font before
//! anything is drawn: one it cannot draw refuses the document with
//! [`PrintError::MissingGlyph`] rather than printing a blank box. The fonts
//! ship in one weight; bold is drawn as fill plus a thin stroke of the same
//! colour.

mod canvas;
mod certificate;
mod doc;
mod error;
mod fonts;
mod forms;
mod poster;
mod qr;
pub mod sample;
mod verify;

pub use certificate::{certificates_pdf, Certificate, Layout};
pub use doc::Pdf;
pub use error::PrintError;
pub use fonts::{Fonts, SANS_FILE, SERIF_FILE};
pub use forms::{applications_pdf, roster_pdf, Application, Roster, RosterRow};
pub use poster::{poster_pdf, Poster, PosterSize, PosterTemplate};
pub use verify::{check, sign, verify_link, Verdict, SIGNATURE_LEN};
