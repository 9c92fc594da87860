//! Membership certificates and cards: who can get one, and the PDF with issue dates recorded.

use super::settings::{blocked, issuer};
use super::*;

pub(crate) fn layout(l: CertificateLayout) -> Layout {
    match l {
        CertificateLayout::Card => Layout::Card,
        CertificateLayout::A4 => Layout::A4,
        CertificateLayout::A5 => Layout::A5,
    }
}

/// Why one member's certificate cannot be printed, if so.
pub(crate) fn problem(fonts: &ledger_print::Fonts, m: &Member) -> Option<String> {
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
