//! The two shipped Chinese fonts, parsed once and shared by every document.
//!
//! Coverage checks and widths use the very cmap and hmtx tables printpdf
//! encodes the text with (azul-layout's parse of the font), so "the check
//! passed" and "the glyph is in the PDF" cannot disagree.

#[cfg(feature = "bundled-fonts")]
use std::sync::Arc;

use printpdf::ParsedFont;

use crate::error::PrintError;

/// Which face a text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// Noto Serif CJK SC (Song): certificates.
    Serif,
    /// Noto Sans CJK SC (Hei): posters and forms.
    Sans,
}

pub(crate) struct Face {
    pub parsed: ParsedFont,
    upem: f32,
}

impl Face {
    fn parse(bytes: &[u8], what: &str) -> Result<Face, PrintError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| PrintError::BadFont(format!("{what}: {warnings:?}")))?;
        let upem = f32::from(parsed.font_metrics.units_per_em);
        if upem <= 0.0 || parsed.lookup_glyph_index('会' as u32).unwrap_or(0) == 0 {
            return Err(PrintError::BadFont(format!("{what}: 不是中文字体")));
        }
        Ok(Face { parsed, upem })
    }

    /// The glyph for a character, if the font has one.
    pub fn glyph(&self, ch: char) -> Option<u16> {
        self.parsed
            .lookup_glyph_index(ch as u32)
            .filter(|g| *g != 0)
    }

    /// Advance of one character, in em.
    pub fn advance(&self, ch: char) -> f32 {
        match self.glyph(ch) {
            Some(g) => f32::from(self.parsed.get_horizontal_advance(g)) / self.upem,
            None => 1.0,
        }
    }

    /// The first character of `text` with no glyph.
    pub fn first_missing(&self, text: &str) -> Option<char> {
        text.chars().find(|c| self.glyph(*c).is_none())
    }
}

/// The fonts documents are set in: Noto Serif CJK SC for certificates and
/// Noto Sans CJK SC for posters. Parse them once (about a second for both) and
/// share the value (`Arc<Fonts>` or a `static`); every document function
/// borrows it.
pub struct Fonts {
    serif: Face,
    sans: Face,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts { serif: Noto Serif CJK SC, sans: Noto Sans CJK SC }")
    }
}

/// File names of the shipped fonts in `assets/fonts/`.
pub const SERIF_FILE: &str = "NotoSerifCJKsc-Regular.otf";
/// File names of the shipped fonts in `assets/fonts/`.
pub const SANS_FILE: &str = "NotoSansCJKsc-Regular.otf";

impl Fonts {
    /// Parse the two fonts from their bytes (the `.otf` files in
    /// `assets/fonts/`, or any single-face OpenType font with CJK coverage).
    pub fn from_bytes(serif: &[u8], sans: &[u8]) -> Result<Fonts, PrintError> {
        Ok(Fonts {
            serif: Face::parse(serif, SERIF_FILE)?,
            sans: Face::parse(sans, SANS_FILE)?,
        })
    }

    /// Read and parse `NotoSerifCJKsc-Regular.otf` and
    /// `NotoSansCJKsc-Regular.otf` from a folder (the app's resource folder,
    /// or `assets/fonts` of a checkout).
    pub fn from_dir(dir: impl AsRef<std::path::Path>) -> Result<Fonts, PrintError> {
        let read = |name: &str| {
            let path = dir.as_ref().join(name);
            std::fs::read(&path)
                .map_err(|e| PrintError::BadFont(format!("{}: {e}", path.display())))
        };
        Fonts::from_bytes(&read(SERIF_FILE)?, &read(SANS_FILE)?)
    }

    /// The shipped fonts, compiled into the binary (feature `bundled-fonts`),
    /// parsed on first use and kept for the life of the process.
    #[cfg(feature = "bundled-fonts")]
    pub fn bundled() -> Arc<Fonts> {
        static FONTS: std::sync::OnceLock<Arc<Fonts>> = std::sync::OnceLock::new();
        static SERIF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerifCJKsc-Regular.otf");
        static SANS: &[u8] = include_bytes!("../../../../assets/fonts/NotoSansCJKsc-Regular.otf");
        FONTS
            .get_or_init(|| {
                Arc::new(Fonts::from_bytes(SERIF, SANS).expect("the shipped fonts parse"))
            })
            .clone()
    }

    pub(crate) fn face(&self, family: Family) -> &Face {
        match family {
            Family::Serif => &self.serif,
            Family::Sans => &self.sans,
        }
    }

    /// The first character of `text` that the face of `family` cannot draw.
    /// Public for the UI: check a name while it is typed.
    pub fn missing_char(&self, text: &str, serif: bool) -> Option<char> {
        let family = if serif { Family::Serif } else { Family::Sans };
        self.face(family).first_missing(&clean(text))
    }
}

/// Invisible characters a name may carry from an input method (variation
/// selectors, zero-width joiners, BOM) are dropped; control characters and
/// line breaks become spaces; surrounding whitespace goes.
pub(crate) fn clean(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(|c| {
            !matches!(*c as u32,
                0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0x180B..=0x180F)
        })
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    s.trim().to_string()
}
