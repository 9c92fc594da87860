//! Printing: membership certificates (会员证), join posters (扫码入会),
//! application forms (入会申请书), rosters and attendance lists (花名册,
//! 签到表), the check of a scanned certificate link, enrolment ceremonies,
//! and the print settings and seals behind them.
//!
//! Every document is a PDF made by `ledger-print`. With `out` (desktop: a
//! path from a native save dialog) it is written there and its path
//! returned; without, it comes back as base64 for the browser to preview or
//! download ([`PdfOut`]). The store lock is held only to read the data and
//! to record what was printed, never while a document is drawn.

pub(crate) mod ceremonies;
mod certificates;
mod documents;
pub(crate) mod fonts;
mod seal;
mod settings;

pub use certificates::{candidates, certificates};
pub use documents::{applications, poster, preview_path, roster, verify};
pub use settings::{seal_clear, seal_get, seal_set, settings_get, settings_set};

use std::path::{Path, PathBuf};

use base64::Engine;
use chrono::{DateTime, FixedOffset};
use ledger_core::org::OrgKind;
use ledger_core::{citizen_id, phone};
use ledger_print::{
    Application, Certificate, Layout, Poster, PosterSize, PosterTemplate, PrintError, Roster,
    RosterRow,
};
use ledger_store::exports::{self, Export};
use ledger_store::members::Member;
use ledger_store::orgs::{self, OrgUnit};
use ledger_store::printing::{self, Batch, PrintSettings as Stored};
use ledger_store::{Store, StoreError};

pub use fonts::{set_fonts_dir, warm_fonts, FONTS_ENV};

use crate::dto::{
    ApplicationInput, CertificateCandidate, CertificateLayout, CertificatesOut, Choice, FileArg,
    OrgIdArg, PdfOut, PosterInput, PosterSizeCode, PosterTemplateCode, PreviewPath,
    PreviewPathInput, PrintCandidates, PrintCandidatesInput, PrintCertificatesInput,
    PrintSelection, PrintSettings, PrintSettingsInput, RosterInput, Seal, SealInfo, SealInput,
    VerifyInput, VerifyResult,
};
use crate::members::{query, row, stale_before};
use crate::{Api, ApiError, ErrorCode};

/// The most certificates in one PDF (about two seconds and 2.5 MB); larger
/// batches are printed in parts with `limit`.
pub const MAX_CERTIFICATES: usize = 1000;
/// The most application forms in one PDF.
pub const MAX_APPLICATIONS: usize = 500;
/// The most rows in one roster PDF.
pub const MAX_ROSTER_ROWS: usize = 5000;
/// Largest upload read for a seal, before it is normalised.
pub(crate) const MAX_UPLOAD_BYTES: u64 = 20 * 1024 * 1024;

pub(crate) const PDF_MIME: &str = "application/pdf";
/// Where the cadre sets the verification base URL and the issuer.
pub(crate) const SETTINGS_PLACE: &str = "“设置 → 打印”";

// ------------------------------------------------------------------ errors --

/// A print error as the UI sees it. A character missing from the fonts has
/// its own code; the message names the character and the person.
pub(crate) fn print_err(e: PrintError) -> ApiError {
    let message = e.to_string();
    match e {
        PrintError::MissingGlyph { .. } => ApiError::new(ErrorCode::MissingGlyph, message),
        PrintError::TooLong { .. } | PrintError::Empty { .. } | PrintError::QrTooLong(_) => {
            ApiError::new(ErrorCode::Invalid, message)
        }
        PrintError::BadImage { .. } => ApiError::invalid("seal", message),
        PrintError::Nothing(_) => ApiError::new(ErrorCode::Conflict, message),
        PrintError::BadFont(_) => ApiError::new(ErrorCode::Internal, message),
    }
}

pub(crate) fn missing_glyph(name: &str, member_no: &str, ch: char, doc: &str) -> ApiError {
    ApiError {
        field: Some("name".into()),
        ..ApiError::new(
            ErrorCode::MissingGlyph,
            format!(
                "无法打印“{name}”（会员编号 {member_no}）的{doc}：字库中没有“{ch}”（U+{:04X}）这个字，请核对姓名用字",
                ch as u32
            ),
        )
    }
}

// ----------------------------------------------------------------- output --

/// The `out` argument: a path ending in .pdf in a folder that exists.
pub(crate) fn out_path(out: Option<&str>) -> Result<Option<PathBuf>, ApiError> {
    let Some(out) = out.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let path = PathBuf::from(out);
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf {
        return Err(ApiError::invalid(
            "out",
            format!("保存位置：文件名应以 .pdf 结尾（{out}）"),
        ));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(ApiError::invalid(
                "out",
                format!("保存位置：文件夹 {} 不存在", dir.display()),
            ));
        }
    }
    Ok(Some(path))
}

/// Write through a temporary file, so a viewer never opens half a PDF.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let fail = |e: std::io::Error| {
        ApiError::invalid(
            "out",
            format!(
                "无法写入 {}：{e}（如果这个文件正在PDF阅读器中打开，请先关闭它）",
                path.display()
            ),
        )
    };
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

pub(crate) fn deliver(
    pdf: ledger_print::Pdf,
    out: Option<&Path>,
    file_name: String,
    count: usize,
) -> Result<PdfOut, ApiError> {
    let bytes = pdf.bytes.len() as u32;
    let pages = pdf.pages as u32;
    match out {
        Some(path) => {
            write_file(path, &pdf.bytes)?;
            log::info!("printed {} ({pages} pages)", path.display());
            Ok(PdfOut {
                file_name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or(file_name),
                path: Some(path.display().to_string()),
                bytes_base64: None,
                mime: PDF_MIME.into(),
                pages,
                bytes,
                count: count as u32,
            })
        }
        None => Ok(PdfOut {
            file_name,
            path: None,
            bytes_base64: Some(base64::engine::general_purpose::STANDARD.encode(&pdf.bytes)),
            mime: PDF_MIME.into(),
            pages,
            bytes,
            count: count as u32,
        }),
    }
}

/// A file name without characters Windows refuses.
pub(crate) fn safe_name(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    s.trim().chars().take(80).collect()
}

pub(crate) fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

// -------------------------------------------------------------- selection --

pub(crate) fn resolve_org(conn: &rusqlite::Connection, key: &str) -> Result<String, ApiError> {
    Ok(orgs::resolve(conn, key)
        .map_err(|e| ApiError {
            field: Some("org_id".into()),
            ..ApiError::from(e)
        })?
        .id)
}

pub(crate) fn batch(store: &Store, sel: &PrintSelection) -> Result<Batch, ApiError> {
    let conn = store.conn();
    Ok(match sel {
        PrintSelection::Members { member_ids } => {
            if member_ids.is_empty() {
                return Err(ApiError::invalid("selection", "请至少选择一名会员"));
            }
            Batch::Members(member_ids.clone())
        }
        PrintSelection::Ceremony { ceremony_id } => Batch::Ceremony(ceremony_id.clone()),
        PrintSelection::Org { org_id } => Batch::Org(resolve_org(conn, org_id)?),
        PrintSelection::NotYetPrinted { org_id } => Batch::NotYetPrinted(
            match org_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(key) => Some(resolve_org(conn, key)?),
                None => None,
            },
        ),
        PrintSelection::All => Batch::All,
        PrintSelection::Query { query: q } => Batch::Query(query(q, stale_before(store)?)?),
    })
}

/// The members of a selection, at most `max`; a larger batch is refused
/// unless `limit` asks for its first part.
pub(crate) fn select(
    store: &Store,
    sel: &PrintSelection,
    limit: Option<u32>,
    max: usize,
    what: &str,
) -> Result<(Vec<Member>, u64), ApiError> {
    let b = batch(store, sel)?;
    let cap = limit.map_or(max, |l| (l as usize).clamp(1, max));
    let s = printing::select(store.conn(), &b, true, cap)?;
    if limit.is_none() && s.total > max as u64 {
        return Err(ApiError::invalid(
            "limit",
            format!(
                "这批共有{}人，一次最多打印{max}{what}；请按组织分批，或设置本次打印的人数",
                s.total
            ),
        ));
    }
    if s.members.is_empty() {
        let why = match sel {
            PrintSelection::NotYetPrinted { .. } => "：所有在会会员的会员证都已打印过",
            PrintSelection::Ceremony { .. } => "：这次仪式还没有登记会员",
            _ => "：所选范围内没有在会会员",
        };
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!("没有要打印的{what}{why}"),
        ));
    }
    Ok((s.members, s.total))
}

pub(crate) fn refuse_inactive(members: &[Member], doc: &str) -> Result<(), ApiError> {
    if let Some(m) = members.iter().find(|m| m.status != "在会") {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!(
                "{}（会员编号 {}）的状态是“{}”，不能打印{doc}",
                m.name, m.member_no, m.status
            ),
        ));
    }
    Ok(())
}

// Typed entry points for the CLI.
impl Api {
    pub fn print_settings_get(&self) -> Result<PrintSettings, ApiError> {
        settings_get(self)
    }
    pub fn print_settings_set(&self, input: PrintSettingsInput) -> Result<PrintSettings, ApiError> {
        settings_set(self, input)
    }
    pub fn org_seal_set(&self, input: SealInput) -> Result<SealInfo, ApiError> {
        seal_set(self, input)
    }
    pub fn org_seal_clear(&self, input: OrgIdArg) -> Result<(), ApiError> {
        seal_clear(self, input)
    }
    pub fn print_certificates(
        &self,
        input: PrintCertificatesInput,
    ) -> Result<CertificatesOut, ApiError> {
        certificates(self, input)
    }
    pub fn print_poster(&self, input: PosterInput) -> Result<PdfOut, ApiError> {
        poster(self, input)
    }
    pub fn print_application(&self, input: ApplicationInput) -> Result<PdfOut, ApiError> {
        applications(self, input)
    }
    pub fn print_roster(&self, input: RosterInput) -> Result<PdfOut, ApiError> {
        roster(self, input)
    }
    pub fn verify_certificate(&self, input: VerifyInput) -> Result<VerifyResult, ApiError> {
        verify(self, input)
    }
    pub fn ceremony_create(
        &self,
        input: crate::dto::CeremonyInput,
    ) -> Result<crate::dto::Ceremony, ApiError> {
        ceremonies::create(self, input)
    }
    pub fn ceremony_list(
        &self,
        q: crate::dto::CeremonyListQuery,
    ) -> Result<Vec<crate::dto::Ceremony>, ApiError> {
        ceremonies::list(self, q)
    }
    pub fn ceremony_get(&self, id: &str) -> Result<crate::dto::CeremonyDetail, ApiError> {
        ceremonies::get(self, crate::dto::IdArg { id: id.to_string() })
    }
    pub fn ceremony_enrol(
        &self,
        input: crate::dto::CeremonyEnrolInput,
    ) -> Result<crate::dto::MemberDetail, ApiError> {
        ceremonies::enrol(self, input)
    }
    pub fn ceremony_add_attendees(
        &self,
        input: crate::dto::CeremonyMembersInput,
    ) -> Result<crate::dto::Count, ApiError> {
        ceremonies::add_attendees(self, input)
    }
}
