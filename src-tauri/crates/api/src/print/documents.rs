//! Join posters, application forms, rosters and attendance lists, the preview path, and certificate verification.

use super::*;

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

pub(crate) fn gender_label(m: &Member) -> String {
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
                    format!("{}集中入会仪式签到表", ledger_print::cn_date(c.date)),
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
