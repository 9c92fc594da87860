//! Print settings (verification base URL, issuer names, poster defaults), the issuer of a document, and org seals.

use super::*;

/// The county's join link's address (scheme and host), to suggest as the
/// verification base URL.
pub(crate) fn suggested_base_url(conn: &rusqlite::Connection) -> Result<Option<String>, ApiError> {
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
pub(crate) struct Issuer {
    pub(crate) org: OrgUnit,
    pub(crate) name: String,
    pub(crate) seal: Option<Vec<u8>>,
}

pub(crate) fn issuer(
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
pub(crate) fn blocked(conn: &rusqlite::Connection, s: &Stored) -> Result<Option<String>, ApiError> {
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

pub(crate) fn beijing(ms: i64) -> String {
    let offset = FixedOffset::east_opt(8 * 3600).expect("valid offset");
    DateTime::from_timestamp_millis(ms)
        .map(|t| {
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

pub(crate) fn seal_info(s: &printing::Seal) -> SealInfo {
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

pub(crate) fn template_code(t: PosterTemplate) -> &'static str {
    match t {
        PosterTemplate::Red => "red",
        PosterTemplate::Blue => "blue",
        PosterTemplate::Ink => "ink",
    }
}

/// A verification base URL: http(s), a host, no query or fragment (the
/// link's own `?n=..&s=..` follows it), short enough for a small QR code.
pub(crate) fn check_base_url(url: &str) -> Result<String, ApiError> {
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

pub(crate) fn read_upload(file: &FileArg) -> Result<Vec<u8>, ApiError> {
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
