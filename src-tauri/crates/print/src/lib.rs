//! Printing for Union Ledger (工会台账): membership certificates, join
//! posters and the signed links in their QR codes, as PDF bytes.
//!
//! Everything here is pure: data and fonts in, PDF bytes out; no database,
//! no files (except [`Fonts::from_dir`]), no clock — dates are passed in.
//!
//! - [`certificates_pdf`]: wallet cards ten to an A4 sheet with crop marks,
//!   or one ceremony certificate per A4/A5 page.
//! - [`poster_pdf`]: the 扫码入会 join poster, A4 or A3, three templates.
//! - [`post_poster_pdf`]: a service post's poster (same layout, its facilities
//!   and hours); [`post_report_pdf`]: a post's monthly report.
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
//!
//! # Fonts
//!
//! [`Fonts`] holds both faces parsed (about 0.1 s): make it once per process
//! and share it (`Arc<Fonts>`; it is `Send + Sync`). Two ways to get the
//! bytes:
//!
//! - feature `bundled-fonts`: [`Fonts::bundled`] compiles the 26 MB of
//!   `assets/fonts/*.otf` into the binary with `include_bytes!`. One file to
//!   ship, nothing to find at run time. Off by default, so crates that only
//!   depend on this one (the API, the store) and their tests do not carry
//!   it; turn it on in the final binaries only.
//! - [`Fonts::from_dir`] / [`Fonts::from_bytes`]: read them at run time, e.g.
//!   from the Tauri resource folder (`bundle.resources`), or in tests from
//!   `assets/fonts`.
//!
//! ```no_run
//! use ledger_print::*;
//! let fonts = Fonts::from_dir("assets/fonts")?;
//! let key = [0u8; 32]; // the office's key, random, stored by the caller
//! let cert = Certificate {
//!     name: "李䶮".into(),
//!     member_no: "6204212600001".into(),
//!     org_name: "城关镇货车司机联合工会".into(),
//!     join_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
//!     issuer: "城关镇总工会".into(),
//!     issue_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
//!     verify_url: verify_link("https://ghj.example.cn/ledger", "6204212600001", &key),
//!     photo: None,
//!     seal: None,
//! };
//! let pdf = certificates_pdf(&fonts, &[cert], Layout::Card)?;
//! std::fs::write("cards.pdf", &pdf.bytes).unwrap();
//! assert!(check("https://ghj.example.cn/ledger/v?n=6204212600001&s=WRONG", &key).genuine == false);
//! # Ok::<(), PrintError>(())
//! ```

mod canvas;
mod certificate;
mod doc;
mod error;
mod fonts;
mod forms;
mod outbound_form;
mod post_poster;
mod post_report;
mod poster;
mod qr;
pub mod sample;
mod verify;

pub use certificate::{certificates_pdf, Certificate, Layout};
pub use doc::Pdf;
pub use error::PrintError;
pub use fonts::{Fonts, SANS_FILE, SERIF_FILE};
pub use forms::{applications_pdf, cn_date, roster_pdf, Application, Roster, RosterRow};
pub use outbound_form::{outbound_forms_pdf, OutboundForm};
pub use post_poster::{post_poster_pdf, PostPoster};
pub use post_report::{post_report_pdf, PostReport, ReportTable, ReportTypeRow};
pub use poster::{poster_pdf, Poster, PosterSize, PosterTemplate};
pub use verify::{check, sign, verify_link, Verdict, SIGNATURE_LEN};
