//! Why a document could not be printed.

/// Why a document could not be made. Messages are for the cadre, in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    /// A character has no glyph in the shipped fonts: it would print as a
    /// blank box, so the whole document is refused.
    #[error("无法打印“{who}”的{doc}：字库中没有“{ch}”这个字")]
    MissingGlyph {
        ch: char,
        /// The person (or, for a poster, the organisation) the text belongs to.
        who: String,
        /// 会员证, 入会海报, ...
        doc: &'static str,
    },
    /// A text does not fit its place even at the smallest legible size.
    #[error("无法打印“{who}”的{doc}：{field}太长（“{text}”），请缩短后再打印")]
    TooLong {
        who: String,
        doc: &'static str,
        field: &'static str,
        text: String,
    },
    /// A required text is empty.
    #[error("无法打印“{who}”的{doc}：{field}不能为空")]
    Empty {
        who: String,
        doc: &'static str,
        field: &'static str,
    },
    /// The photo or seal is not a PNG this crate can read.
    #[error("无法打印“{who}”的{doc}：{what}不是可用的PNG图片（{detail}）")]
    BadImage {
        who: String,
        doc: &'static str,
        what: &'static str,
        detail: String,
    },
    /// Nothing to print.
    #[error("没有要打印的{0}")]
    Nothing(&'static str),
    /// The QR code cannot hold the text (far longer than any real link).
    #[error("二维码内容太长（{0}个字节），请使用更短的链接")]
    QrTooLong(usize),
    /// The font bytes given to `Fonts::from_bytes` are not a usable font.
    #[error("字体文件无法读取：{0}")]
    BadFont(String),
}

impl PrintError {
    /// Stable machine code for the API and the CLI's JSON.
    pub fn code(&self) -> &'static str {
        match self {
            PrintError::MissingGlyph { .. } => "missing_glyph",
            PrintError::TooLong { .. } => "too_long",
            PrintError::Empty { .. } => "empty",
            PrintError::BadImage { .. } => "bad_image",
            PrintError::Nothing(_) => "nothing",
            PrintError::QrTooLong(_) => "qr_too_long",
            PrintError::BadFont(_) => "bad_font",
        }
    }
}
