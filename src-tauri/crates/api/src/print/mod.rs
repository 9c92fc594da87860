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
pub(crate) mod fonts;
mod seal;

use std::path::{Path, PathBuf};

use base64::Engine;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
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
const MAX_UPLOAD_BYTES: u64 = 20 * 1024 * 1024;

const PDF_MIME: &str = "application/pdf";
/// Where the cadre sets the verification base URL and the issuer.
const SETTINGS_PLACE: &str = "“设置 → 打印”";

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

fn missing_glyph(name: &str, member_no: &str, ch: char, doc: &str) -> ApiError {
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
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
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

fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

// --------------------------------------------------------------- settings --

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The county's join link's address (scheme and host), to suggest as the
/// verification base URL.
fn suggested_base_url(conn: &rusqlite::Connection) -> Result<Option<String>, ApiError> {
    let Some(mut id) = orgs::this_office(conn)? else {
        return Ok(None);
    };
    let mut chain = Vec::new();
    loop {
        let o = orgs::get(conn, &id)?;
        let parent = o.parent_id.clone();
        chain.push(o);
        match parent {
            Some(p) if chain.len() < 16 => id = p,
            _ => break,
        }
    }
    let county = chain
        .iter()
        .find(|o| o.kind == OrgKind::County && o.join_url.is_some())
        .or_else(|| chain.iter().rev().find(|o| o.join_url.is_some()));
    Ok(county.and_then(|o| o.join_url.as_deref()).and_then(|u| {
        let (scheme, rest) = u.split_once("://")?;
        let host = rest.split(['/', '?', '#']).next()?;
        (!host.is_empty()).then(|| format!("{scheme}://{host}"))
    }))
}

/// The issuing org, the issuer's printed name and its seal.
struct Issuer {
    org: OrgUnit,
    name: String,
    seal: Option<Vec<u8>>,
}

fn issuer(
    conn: &rusqlite::Connection,
    s: &Stored,
    override_org: Option<&str>,
) -> Result<Issuer, ApiError> {
    let (org, name) = match override_org.map(str::trim).filter(|s| !s.is_empty()) {
        Some(key) => (orgs::resolve(conn, key)?, None),
        None => {
            let set = s
                .issuer_org_id
                .as_deref()
                .and_then(|id| orgs::get(conn, id).ok());
            let org = match set {
                Some(o) => o,
                None => {
                    let office = orgs::this_office(conn)?.ok_or(StoreError::NoOffice)?;
                    orgs::get(conn, &office)?
                }
            };
            (org, s.issuer_name.clone())
        }
    };
    let seal = printing::seal(conn, &org.id)?.map(|s| s.png);
    Ok(Issuer {
        name: name.unwrap_or_else(|| org.name.clone()),
        org,
        seal,
    })
}

/// Why certificates cannot be printed yet, if so.
fn blocked(conn: &rusqlite::Connection, s: &Stored) -> Result<Option<String>, ApiError> {
    if orgs::this_office(conn)?.is_none() {
        return Ok(Some(StoreError::NoOffice.to_string()));
    }
    if s.base_url.is_none() {
        return Ok(Some(format!(
            "还没有设置会员证的验证网址：请到{SETTINGS_PLACE}中填写县总工会提供的验证网址（会员证二维码里的链接以它开头），然后再打印会员证"
        )));
    }
    Ok(None)
}

fn beijing(ms: i64) -> String {
    let offset = FixedOffset::east_opt(8 * 3600).expect("valid offset");
    DateTime::from_timestamp_millis(ms)
        .map(|t| {
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

fn seal_info(s: &printing::Seal) -> SealInfo {
    SealInfo {
        org_id: s.org_id.clone(),
        org_name: s.org_name.clone(),
        width: s.width,
        height: s.height,
        bytes: s.png.len() as u32,
        transparent: seal::has_transparency(&s.png),
        updated_at: beijing(s.at_ms),
        actor: s.actor.clone(),
    }
}

pub fn settings_get(api: &Api) -> Result<PrintSettings, ApiError> {
    // The print page opens with this: have the fonts ready by the time a
    // document is asked for.
    warm_fonts();
    let store = api.store();
    let conn = store.conn();
    let s = printing::settings(conn)?;
    let issuer = match issuer(conn, &s, None) {
        Ok(i) => Some(i),
        Err(e) if e.code == ErrorCode::SetupRequired => None,
        Err(e) => return Err(e),
    };
    Ok(PrintSettings {
        base_url: s.base_url.clone(),
        suggested_base_url: suggested_base_url(conn)?,
        issuer_org_id: issuer.as_ref().map(|i| i.org.id.clone()),
        issuer_org_name: issuer.as_ref().map(|i| i.org.name.clone()),
        issuer_name: issuer.as_ref().map(|i| i.name.clone()).unwrap_or_default(),
        issuer_name_set: s.issuer_name.is_some(),
        contact_phone: s.contact_phone.clone(),
        certificates_blocked: blocked(conn, &s)?,
        has_signing_key: printing::signing_key(conn)?.is_some(),
        seals: printing::seals(conn)?.iter().map(seal_info).collect(),
        poster_templates: PosterTemplate::ALL
            .iter()
            .map(|t| Choice {
                value: template_code(*t).into(),
                label: t.label().into(),
            })
            .collect(),
        default_headline: "扫码加入工会".into(),
        default_steps: Poster::default_steps(),
        default_benefits: Poster::default_benefits(),
    })
}

fn template_code(t: PosterTemplate) -> &'static str {
    match t {
        PosterTemplate::Red => "red",
        PosterTemplate::Blue => "blue",
        PosterTemplate::Ink => "ink",
    }
}

/// A verification base URL: http(s), a host, no query or fragment (the
/// link's own `?n=..&s=..` follows it), short enough for a small QR code.
fn check_base_url(url: &str) -> Result<String, ApiError> {
    let bad = |why: &str| ApiError::invalid("base_url", format!("验证网址：{why}"));
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| bad("应以 https:// 或 http:// 开头"))?;
    let url = url.trim_end_matches('/');
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Err(bad("缺少网站地址（例如 https://ghj.example.cn/rh）"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("不能包含空格"));
    }
    if url.contains(['?', '#']) {
        return Err(bad("不能包含“?”或“#”，会员编号和签名会接在它后面"));
    }
    if url.chars().count() > 100 {
        return Err(bad("太长（最多100个字符），二维码会太密"));
    }
    Ok(url.to_string())
}

pub fn settings_set(api: &Api, input: PrintSettingsInput) -> Result<PrintSettings, ApiError> {
    {
        let mut store = api.store();
        let mut s = printing::settings(store.conn())?;
        // Absent: keep; empty: clear.
        let merge = |old: &mut Option<String>, new: &Option<String>| {
            if let Some(v) = new {
                *old = Some(v.trim().to_string()).filter(|v| !v.is_empty());
            }
        };
        merge(&mut s.base_url, &input.base_url);
        merge(&mut s.issuer_org_id, &input.issuer_org_id);
        merge(&mut s.issuer_name, &input.issuer_name);
        merge(&mut s.contact_phone, &input.contact_phone);
        if let Some(url) = &s.base_url {
            s.base_url = Some(check_base_url(url)?);
        }
        if let Some(key) = &s.issuer_org_id {
            s.issuer_org_id = Some(
                orgs::resolve(store.conn(), key)
                    .map_err(|e| ApiError {
                        field: Some("issuer_org_id".into()),
                        ..ApiError::from(e)
                    })?
                    .id,
            );
        }
        if s.issuer_name
            .as_deref()
            .is_some_and(|n| n.chars().count() > 40)
        {
            return Err(ApiError::invalid("issuer_name", "发证单位：不能超过40个字"));
        }
        if s.contact_phone
            .as_deref()
            .is_some_and(|p| p.chars().count() > 30)
        {
            return Err(ApiError::invalid(
                "contact_phone",
                "咨询电话：不能超过30个字符",
            ));
        }
        store.transact(|tx| printing::set_settings(tx, &s))?;
    }
    settings_get(api)
}

// ------------------------------------------------------------------ seals --

fn read_upload(file: &FileArg) -> Result<Vec<u8>, ApiError> {
    let bad = |m: String| ApiError::invalid("file", m);
    match (non_empty(&file.path), non_empty(&file.bytes_base64)) {
        (Some(path), _) => {
            let len = std::fs::metadata(path)
                .map_err(|e| bad(format!("无法读取文件 {path}：{e}")))?
                .len();
            if len > MAX_UPLOAD_BYTES {
                return Err(bad(format!(
                    "公章图片：文件太大（{} MB）",
                    len / 1024 / 1024
                )));
            }
            std::fs::read(path).map_err(|e| bad(format!("无法读取文件 {path}：{e}")))
        }
        (None, Some(b64)) => {
            let b64 = match b64.find(";base64,") {
                Some(i) => &b64[i + 8..],
                None => b64,
            };
            if b64.len() as u64 > MAX_UPLOAD_BYTES * 4 / 3 + 4 {
                return Err(bad("公章图片：文件太大".into()));
            }
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|_| ApiError::bad_request("公章图片的内容不是有效的 base64 编码"))
        }
        (None, None) => Err(bad(
            "请选择公章图片（path，或 file_name 与 bytes_base64）".into()
        )),
    }
}

pub fn seal_set(api: &Api, input: SealInput) -> Result<SealInfo, ApiError> {
    let bytes = read_upload(&input.file)?;
    let n =
        seal::normalise(&bytes).map_err(|m| ApiError::invalid("file", format!("公章图片：{m}")))?;
    let mut store = api.store();
    let org = orgs::resolve(store.conn(), &input.org_id)?;
    let s = store.transact(|tx| printing::set_seal(tx, &org.id, &n.png))?;
    log::info!(
        "seal of {} set ({}×{}, {} bytes{})",
        org.name,
        n.width,
        n.height,
        n.png.len(),
        if n.made_transparent {
            ", white made transparent"
        } else {
            ""
        }
    );
    Ok(seal_info(&s))
}

pub fn seal_get(api: &Api, input: OrgIdArg) -> Result<Seal, ApiError> {
    let store = api.store();
    let org = orgs::resolve(store.conn(), &input.org_id)?;
    let s = printing::seal(store.conn(), &org.id)?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotFound,
            format!("“{}”还没有上传公章图片", org.name),
        )
    })?;
    Ok(Seal {
        info: seal_info(&s),
        png_base64: base64::engine::general_purpose::STANDARD.encode(&s.png),
    })
}

pub fn seal_clear(api: &Api, input: OrgIdArg) -> Result<(), ApiError> {
    let mut store = api.store();
    let org = orgs::resolve(store.conn(), &input.org_id)?;
    store.transact(|tx| printing::clear_seal(tx, &org.id))?;
    Ok(())
}

// -------------------------------------------------------------- selection --

fn resolve_org(conn: &rusqlite::Connection, key: &str) -> Result<String, ApiError> {
    Ok(orgs::resolve(conn, key)
        .map_err(|e| ApiError {
            field: Some("org_id".into()),
            ..ApiError::from(e)
        })?
        .id)
}

fn batch(store: &Store, sel: &PrintSelection) -> Result<Batch, ApiError> {
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
fn select(
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

fn refuse_inactive(members: &[Member], doc: &str) -> Result<(), ApiError> {
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

// ----------------------------------------------------------- certificates --

fn layout(l: CertificateLayout) -> Layout {
    match l {
        CertificateLayout::Card => Layout::Card,
        CertificateLayout::A4 => Layout::A4,
        CertificateLayout::A5 => Layout::A5,
    }
}

/// Why one member's certificate cannot be printed, if so.
fn problem(fonts: &ledger_print::Fonts, m: &Member) -> Option<String> {
    if m.status != "在会" {
        return Some(format!("状态是“{}”，不能发会员证", m.status));
    }
    if let Some(ch) = fonts.missing_char(&m.name, true) {
        return Some(format!(
            "姓名中的“{ch}”（U+{:04X}）字库中没有，无法打印",
            ch as u32
        ));
    }
    if let Some(ch) = fonts.missing_char(&m.org_name, true) {
        return Some(format!("所属组织名称中的“{ch}”字库中没有，无法打印"));
    }
    None
}

pub fn candidates(api: &Api, input: PrintCandidatesInput) -> Result<PrintCandidates, ApiError> {
    let fonts = fonts::fonts()?;
    let store = api.store();
    let b = batch(&store, &input.selection)?;
    let cap = input
        .limit
        .map_or(200, |l| (l as usize).clamp(1, MAX_CERTIFICATES));
    let s = printing::select(store.conn(), &b, true, cap)?;
    let stale = stale_before(&store)?;
    let rows: Vec<CertificateCandidate> = s
        .members
        .iter()
        .map(|m| CertificateCandidate {
            member: row(m, stale),
            problem: problem(&fonts, m),
        })
        .collect();
    Ok(PrintCandidates {
        total: s.total.min(u64::from(u32::MAX)) as u32,
        problems: rows.iter().filter(|r| r.problem.is_some()).count() as u32,
        rows,
        blocked: blocked(store.conn(), &printing::settings(store.conn())?)?,
    })
}

pub fn certificates(api: &Api, input: PrintCertificatesInput) -> Result<CertificatesOut, ApiError> {
    let out = out_path(input.out.as_deref())?;
    let layout_code = input.layout.unwrap_or_default();
    let preview = input.preview.unwrap_or(false);
    let fonts = fonts::fonts()?;
    // Read everything needed under the lock.
    let (certs, ids, selected, today, issuer_name) = {
        let mut store = api.store();
        let s = printing::settings(store.conn())?;
        if let Some(why) = blocked(store.conn(), &s)? {
            let field = if s.base_url.is_none() {
                Some("base_url".to_string())
            } else {
                None
            };
            let code = if field.is_some() {
                ErrorCode::Conflict
            } else {
                ErrorCode::SetupRequired
            };
            return Err(ApiError {
                field,
                ..ApiError::new(code, why)
            });
        }
        let base_url = s.base_url.clone().unwrap_or_default();
        let issuer = issuer(store.conn(), &s, input.issuer_org_id.as_deref())?;
        let (members, total) = select(
            &store,
            &input.selection,
            input.limit,
            MAX_CERTIFICATES,
            "张会员证",
        )?;
        refuse_inactive(&members, "会员证")?;
        for m in &members {
            if let Some(ch) = fonts.missing_char(&m.name, true) {
                return Err(missing_glyph(&m.name, &m.member_no, ch, "会员证"));
            }
        }
        let key = store.transact(printing::signing_key_or_create)?;
        let today = store.today();
        let certs: Vec<Certificate> = members
            .iter()
            .map(|m| Certificate {
                name: m.name.clone(),
                member_no: m.member_no.clone(),
                org_name: m.org_name.clone(),
                join_date: m.join_date,
                issuer: issuer.name.clone(),
                issue_date: today,
                verify_url: ledger_print::verify_link(&base_url, &m.member_no, &key),
                photo: None,
                seal: issuer.seal.clone(),
            })
            .collect();
        let ids: Vec<String> = members.into_iter().map(|m| m.id).collect();
        (certs, ids, total, today, issuer.name)
    };
    let pdf =
        ledger_print::certificates_pdf(&fonts, &certs, layout(layout_code)).map_err(print_err)?;
    let n = certs.len();
    let file_name = format!("会员证-{today}-{n}张.pdf");
    let pdf = deliver(pdf, out.as_deref(), file_name, n)?;
    let recorded = if preview {
        0
    } else {
        api.store()
            .transact(|tx| printing::record_card_issued(tx, &ids, today))?
    };
    log::info!(
        "{n} certificates ({layout_code:?}){}",
        if preview { ", preview" } else { "" }
    );
    Ok(CertificatesOut {
        pdf,
        certificates: n as u32,
        selected: selected.min(u64::from(u32::MAX)) as u32,
        recorded: recorded as u32,
        issued_on: today.to_string(),
        issuer_name,
    })
}

// ----------------------------------------------------------------- poster --

pub fn poster(api: &Api, input: PosterInput) -> Result<PdfOut, ApiError> {
    let out = out_path(input.out.as_deref())?;
    let (poster, file_name) = {
        let store = api.store();
        let org = orgs::resolve(store.conn(), &input.org_id).map_err(|e| ApiError {
            field: Some("org_id".into()),
            ..ApiError::from(e)
        })?;
        let url = match non_empty(&input.url).or(org.join_url.as_deref()) {
            Some(u) => u.trim().to_string(),
            None => {
                return Err(ApiError::invalid(
                    "url",
                    format!(
                        "“{}”还没有入会链接（一会一码），无法生成入会二维码：请到“设置 → 组织架构”中为它填写入会链接，或打印时另给链接",
                        org.name
                    ),
                ))
            }
        };
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
            return Err(ApiError::invalid(
                "url",
                format!("入会链接：“{url}”应以 https:// 或 http:// 开头，且不含空格"),
            ));
        }
        let phone = match &input.contact_phone {
            Some(p) => p.trim().to_string(),
            None => printing::settings(store.conn())?
                .contact_phone
                .unwrap_or_default(),
        };
        let size = match input.size.unwrap_or_default() {
            PosterSizeCode::A4 => PosterSize::A4,
            PosterSizeCode::A3 => PosterSize::A3,
        };
        let template = match input.template.unwrap_or_default() {
            PosterTemplateCode::Red => PosterTemplate::Red,
            PosterTemplateCode::Blue => PosterTemplate::Blue,
            PosterTemplateCode::Ink => PosterTemplate::Ink,
        };
        let file_name = format!(
            "入会海报-{}-{}.pdf",
            safe_name(&org.name),
            match size {
                PosterSize::A4 => "A4",
                PosterSize::A3 => "A3",
            }
        );
        (
            Poster {
                org_name: org.name,
                headline: input.headline.clone().unwrap_or_default(),
                steps: input.steps.clone().unwrap_or_else(Poster::default_steps),
                benefits: input
                    .benefits
                    .clone()
                    .unwrap_or_else(Poster::default_benefits),
                contact_phone: phone,
                join_url: url,
                size,
                template,
            },
            file_name,
        )
    };
    let fonts = fonts::fonts()?;
    let pdf = ledger_print::poster_pdf(&fonts, &poster).map_err(print_err)?;
    deliver(pdf, out.as_deref(), file_name, 1)
}

// ------------------------------------------------------------------ forms --

fn gender_label(m: &Member) -> String {
    m.gender.label().to_string()
}

pub fn applications(api: &Api, input: ApplicationInput) -> Result<PdfOut, ApiError> {
    let out = out_path(input.out.as_deref())?;
    let fonts = fonts::fonts()?;
    let (forms, ids) = {
        let store = api.store();
        let (members, _) = select(
            &store,
            &input.selection,
            None,
            MAX_APPLICATIONS,
            "份入会申请书",
        )?;
        let forms: Vec<Application> = members
            .iter()
            .map(|m| Application {
                name: m.name.clone(),
                gender: gender_label(m),
                birth_date: Some(m.birth_date),
                ethnicity: m.ethnic_group.clone().unwrap_or_default(),
                id_number: m.id_number.clone(),
                phone: m.phone.clone(),
                occupation_group: m.occupation_group.clone(),
                employer: m.employer.clone().unwrap_or_default(),
                address: m
                    .residence
                    .clone()
                    .or_else(|| m.hukou_address.clone())
                    .unwrap_or_default(),
                org_name: m.org_name.clone(),
                date: m.join_date,
                member_no: m.member_no.clone(),
                photo: None,
            })
            .collect();
        let ids: Vec<String> = members.into_iter().map(|m| m.id).collect();
        (forms, ids)
    };
    let pdf = ledger_print::applications_pdf(&fonts, &forms).map_err(print_err)?;
    let file_name = match forms.as_slice() {
        [one] => format!("入会申请书-{}.pdf", safe_name(&one.name)),
        many => format!("入会申请书-{}份.pdf", many.len()),
    };
    let out = deliver(pdf, out.as_deref(), file_name, forms.len())?;
    // The forms carry full citizen IDs: recorded like an export with full
    // IDs (one reveal per member).
    api.store().transact(|tx| {
        exports::record(
            tx,
            &Export {
                kind: "application_pdf".into(),
                file_name: out.file_name.clone(),
                rows: forms.len() as u64,
                full_id: true,
                purpose: Some("打印入会申请书".into()),
                filters: None,
            },
            &ids,
        )
    })?;
    Ok(out)
}

pub fn roster(api: &Api, input: RosterInput) -> Result<PdfOut, ApiError> {
    let out = out_path(input.out.as_deref())?;
    let fonts = fonts::fonts()?;
    let (roster, count) = {
        let store = api.store();
        let conn = store.conn();
        let (members, _) = select(&store, &input.selection, None, MAX_ROSTER_ROWS, "人")?;
        let office_name = match orgs::this_office(conn)? {
            Some(id) => orgs::get(conn, &id)?.name,
            None => String::new(),
        };
        let (title, subtitle, signature) = match &input.selection {
            PrintSelection::Ceremony { ceremony_id } => {
                let c = ledger_store::ceremonies::get(conn, ceremony_id)?;
                (
                    format!("{}集中入会仪式签到表", cn_date(c.date)),
                    format!("{} · {}", c.org_name, c.place),
                    true,
                )
            }
            PrintSelection::Org { org_id } => (
                format!("{}会员花名册", orgs::resolve(conn, org_id)?.name),
                String::new(),
                false,
            ),
            _ => (format!("{office_name}会员花名册"), String::new(), false),
        };
        let rows: Vec<RosterRow> = members
            .iter()
            .map(|m| RosterRow {
                name: m.name.clone(),
                gender: gender_label(m),
                id_number: citizen_id::mask(&m.id_number),
                phone: phone::mask(&m.phone),
                occupation_group: m.occupation_group.clone(),
                employer: m.employer.clone().unwrap_or_default(),
                join_date: Some(m.join_date),
                member_no: m.member_no.clone(),
            })
            .collect();
        let roster = Roster {
            title: non_empty(&input.title).map(str::to_string).unwrap_or(title),
            subtitle: input.subtitle.clone().unwrap_or(subtitle),
            date: store.today(),
            rows,
            signature_column: input.signature_column.unwrap_or(signature),
        };
        (roster, members.len())
    };
    let pdf = ledger_print::roster_pdf(&fonts, &roster).map_err(print_err)?;
    let file_name = format!("{}-{}.pdf", safe_name(&roster.title), roster.date);
    let out = deliver(pdf, out.as_deref(), file_name, count)?;
    api.store().transact(|tx| {
        exports::record(
            tx,
            &Export {
                kind: "roster_pdf".into(),
                file_name: out.file_name.clone(),
                rows: count as u64,
                full_id: false,
                purpose: None,
                filters: Some(roster.title.clone()),
            },
            &[],
        )
    })?;
    Ok(out)
}

/// A path for a preview PDF: `<data dir>/print-preview/<file_name>` (the
/// system temp folder when the data folder is unknown). Previews older than
/// a day are removed on the way.
pub fn preview_path(api: &Api, input: PreviewPathInput) -> Result<PreviewPath, ApiError> {
    let dir = api
        .runtime()
        .data_dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("union-ledger"))
        .join("print-preview");
    std::fs::create_dir_all(&dir).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("无法创建预览文件夹 {}：{e}", dir.display()),
        )
    })?;
    let day = std::time::Duration::from_secs(24 * 3600);
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > day);
            if old {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let base = Path::new(input.file_name.trim())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name = safe_name(&base);
    if name.is_empty() {
        name = "预览".into();
    }
    if !name.to_ascii_lowercase().ends_with(".pdf") {
        name.push_str(".pdf");
    }
    Ok(PreviewPath {
        path: dir.join(name).display().to_string(),
    })
}

// ----------------------------------------------------------------- verify --

pub fn verify(api: &Api, input: VerifyInput) -> Result<VerifyResult, ApiError> {
    let store = api.store();
    let conn = store.conn();
    let Some(key) = printing::signing_key(conn)? else {
        let read = ledger_print::check(&input.text, &[0u8; 32]);
        return Ok(VerifyResult {
            genuine: false,
            member_no: read.member_no,
            message: "本台账还没有打印过会员证（没有签名密钥），无法验证；请在发证单位的台账中验证"
                .into(),
            member: None,
        });
    };
    let v = ledger_print::check(&input.text, &key);
    let mut message = v.message;
    let mut member = None;
    if v.genuine {
        let no = v.member_no.as_deref().unwrap_or_default();
        match printing::member_by_no(conn, no)? {
            Some(m) => {
                if m.status != "在会" {
                    message.push_str(&format!("；该会员目前的状态是“{}”", m.status));
                }
                member = Some(row(&m, stale_before(&store)?));
            }
            None => message.push_str("；但台账中已没有这名会员"),
        }
    }
    Ok(VerifyResult {
        genuine: v.genuine,
        member_no: v.member_no,
        message,
        member,
    })
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
