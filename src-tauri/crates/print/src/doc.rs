//! Document assembly: fonts added once, images decoded once per distinct
//! PNG, pages saved with font subsetting.

use std::collections::HashMap;

use printpdf::{
    FontId, Mm, Op, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, RawImage, RawImageData,
    RawImageFormat, XObject, XObjectId,
};

use crate::canvas::Canvas;
use crate::fonts::{Family, Fonts};

/// A finished PDF.
#[derive(Clone, PartialEq, Eq)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
}

impl std::fmt::Debug for Pdf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Pdf {{ {} bytes, {} pages }}",
            self.bytes.len(),
            self.pages
        )
    }
}

pub(crate) struct Doc<'a> {
    pub fonts: &'a Fonts,
    doc: PdfDocument,
    serif: FontId,
    sans: FontId,
    used: Vec<Family>,
    images: HashMap<(u64, usize), XObjectId>,
    pages: Vec<PdfPage>,
    widths: crate::canvas::WidthCache,
}

impl<'a> Doc<'a> {
    pub fn new(fonts: &'a Fonts, title: &str, families: &[Family]) -> Doc<'a> {
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.producer = "Union Ledger (工会台账)".into();
        doc.metadata.info.creator = "Union Ledger (工会台账)".into();
        // Stable resource names (printpdf would draw random ones).
        let serif = FontId("ULSERF".into());
        let sans = FontId("ULSANS".into());
        for f in families {
            let (id, face) = match f {
                Family::Serif => (&serif, fonts.face(Family::Serif)),
                Family::Sans => (&sans, fonts.face(Family::Sans)),
            };
            doc.resources
                .fonts
                .map
                .insert(id.clone(), PdfFont::new(face.parsed.clone()));
        }
        Doc {
            fonts,
            doc,
            serif,
            sans,
            used: families.to_vec(),
            images: HashMap::new(),
            pages: Vec::new(),
            widths: Default::default(),
        }
    }

    pub fn canvas(&self, page_h: f32) -> Canvas<'a> {
        debug_assert!(!self.used.is_empty());
        Canvas::new(
            self.fonts,
            self.widths.clone(),
            self.serif.clone(),
            self.sans.clone(),
            page_h,
        )
    }

    pub fn add_page(&mut self, w: f32, h: f32, ops: Vec<Op>) {
        self.pages.push(PdfPage::new(Mm(w), Mm(h), ops));
    }

    /// The XObject of a decoded image, added once per distinct PNG.
    pub fn image(
        &mut self,
        png: &[u8],
        decoded: impl FnOnce() -> Result<RawImage, String>,
    ) -> Result<XObjectId, String> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        png.hash(&mut h);
        let key = (h.finish(), png.len());
        if let Some(id) = self.images.get(&key) {
            return Ok(id.clone());
        }
        let img = decoded()?;
        let id = XObjectId(format!("Im{}", self.images.len() + 1));
        self.doc
            .resources
            .xobjects
            .map
            .insert(id.clone(), XObject::Image(img));
        self.images.insert(key, id.clone());
        Ok(id)
    }

    pub fn finish(mut self) -> Pdf {
        let pages = self.pages.len();
        self.doc.with_pages(std::mem::take(&mut self.pages));
        let opts = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            // Our paths are raw operators (Op::Unknown); "secure" drops them.
            secure: false,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut bytes = self.doc.save(&opts, &mut warnings);
        stable_id(&mut bytes);
        Pdf { bytes, pages }
    }
}

/// printpdf writes a random trailer `/ID [(32 chars)(32 chars)]`; replace
/// both strings in place (same length, so no offset moves) with a digest of
/// the rest of the file: the same input gives the same bytes.
fn stable_id(bytes: &mut [u8]) {
    use sha2::{Digest, Sha256};
    const MARK: &[u8] = b"/ID[(";
    let from = bytes.len().saturating_sub(4096);
    let Some(pos) = bytes[from..].windows(MARK.len()).rposition(|w| w == MARK) else {
        return;
    };
    let start = from + pos + MARK.len();
    let (a, b) = (start..start + 32, start + 34..start + 66);
    if bytes.len() < b.end + 1 || &bytes[a.end..b.start] != b")(" || bytes[b.end] != b')' {
        return;
    }
    let mut h = Sha256::new();
    h.update(&bytes[..start]);
    h.update(&bytes[b.end..]);
    let hex: Vec<u8> = h
        .finalize()
        .iter()
        .flat_map(|x| format!("{x:02X}").into_bytes())
        .collect();
    bytes[a].copy_from_slice(&hex[..32]);
    bytes[b].copy_from_slice(&hex[32..64]);
}

/// Decode a PNG into 8-bit RGB or RGBA pixels (alpha becomes a soft mask, so
/// a seal with a transparent background stamps over the text).
pub(crate) fn decode_png(bytes: &[u8]) -> Result<RawImage, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let (w, h) = {
        let info = reader.info();
        (info.width as usize, info.height as usize)
    };
    if w == 0 || h == 0 || w * h > 40_000_000 {
        return Err(format!("{w}×{h} 像素"));
    }
    let mut buf = vec![0; reader.output_buffer_size().ok_or("图片太大")?];
    let frame = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(frame.buffer_size());
    let (pixels, format) = match frame.color_type {
        png::ColorType::Rgb => (buf, RawImageFormat::RGB8),
        png::ColorType::Rgba => (buf, RawImageFormat::RGBA8),
        png::ColorType::Grayscale => (
            buf.iter().flat_map(|g| [*g, *g, *g]).collect(),
            RawImageFormat::RGB8,
        ),
        png::ColorType::GrayscaleAlpha => (
            buf.chunks_exact(2)
                .flat_map(|p| [p[0], p[0], p[0], p[1]])
                .collect(),
            RawImageFormat::RGBA8,
        ),
        png::ColorType::Indexed => return Err("调色板图片未能展开".into()),
    };
    Ok(RawImage {
        pixels: RawImageData::U8(pixels),
        width: w,
        height: h,
        data_format: format,
        tag: Vec::new(),
    })
}
