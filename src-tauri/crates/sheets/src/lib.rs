//! Spreadsheets in and out (表格导入导出) for Union Ledger.
//!
//! * [`read`] turns the bytes of an .xlsx, .xls, .ods or .csv file (UTF-8 with
//!   or without BOM, UTF-16 with BOM, or GBK/GB18030) into a [`Table`]: a grid
//!   of trimmed text, one `Vec<String>` per sheet row, row 1 at index 0.
//! * [`mapping`] finds the header row below any title rows and maps header
//!   names and their synonyms (身份证号 / 公民身份号码 / 证件号码 ...) to member
//!   fields; the caller may override the result.
//! * [`record`] reads one row through a mapping into a
//!   [`ledger_core::member::MemberDraft`], interpreting dates, yes/no cells
//!   and genders the way offices write them.
//! * [`write`] produces .xlsx (all cells text, so IDs keep their digits) and
//!   GB18030 CSV for old systems.
//!
//! Pure: no database, no clock, no file system except [`read_path`].
//! Arbitrary bytes give a [`SheetError`] with a Chinese message, never a
//! panic (a property test feeds the readers random and mangled input).

pub mod mapping;
mod read;
pub mod record;
pub mod write;

pub use mapping::{detect, Field, Mapping};
pub use read::{read, read_path, Format, Table, MAX_COLS};

/// Why a file could not be read or written. `Display` is the Chinese
/// message shown to the cadre.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("无法读取文件“{file}”：{reason}")]
    Io { file: String, reason: String },
    #[error("“{0}”不是可识别的表格文件（支持 .xlsx、.xls、.ods 和 .csv）")]
    Unknown(String),
    #[error("“{file}”已损坏，或不是有效的 {kind} 文件（{detail}）")]
    Corrupt {
        file: String,
        kind: &'static str,
        detail: String,
    },
    #[error("“{0}”中没有可读的工作表或数据")]
    Empty(String),
    #[error("“{0}”不是文本表格：CSV 文件应为 UTF-8 或 GBK/GB18030 编码的文字")]
    NotText(String),
    #[error("工作表不存在：第{0}个")]
    NoSheet(usize),
    #[error(
        "找不到表头行：前{0}行中没有“身份证号”“姓名”“手机号”等列名，请检查文件或手动指定表头行"
    )]
    NoHeader(usize),
    #[error("“{file}”太大：{what}（最多{max}）")]
    TooLarge {
        file: String,
        what: String,
        max: String,
    },
    #[error("生成表格失败：{0}")]
    Write(String),
}

impl SheetError {
    /// Stable machine code for scripts and the UI.
    pub fn code(&self) -> &'static str {
        match self {
            SheetError::Io { .. } => "io",
            SheetError::Unknown(_) => "unknown_format",
            SheetError::Corrupt { .. } => "corrupt",
            SheetError::Empty(_) => "empty",
            SheetError::NotText(_) => "not_text",
            SheetError::NoSheet(_) => "no_sheet",
            SheetError::NoHeader(_) => "no_header",
            SheetError::TooLarge { .. } => "too_large",
            SheetError::Write(_) => "write",
        }
    }
}
