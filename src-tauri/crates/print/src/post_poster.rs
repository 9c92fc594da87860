//! The poster of a service post (司机之家, 爱心驿站 ...): its name, the org
//! that runs it, kind and hours, address, the facilities ticked, a contact
//! and a QR code to its page. Drawn by the join poster's layout
//! ([`crate::poster`]) with the post's texts in its places.

use serde::{Deserialize, Serialize};

use crate::doc::Pdf;
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};
use crate::poster::{render, PosterSize, PosterTemplate, Texts};

const DOC: &str = "服务阵地海报";

/// A post's poster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostPoster {
    pub name: String,
    /// 司机之家, 爱心驿站, ...
    pub kind: String,
    /// The org that runs it.
    pub org_name: String,
    /// A partner that hosts it; empty for none.
    pub partner: String,
    /// e.g. "24小时开放 · 无人值守，扫码进入".
    pub hours: String,
    pub address: String,
    /// In checklist order.
    pub facilities: Vec<String>,
    /// Entered by scanning the QR code (no one on duty).
    pub unattended_qr: bool,
    pub contact_name: String,
    pub contact_phone: String,
    /// The QR code's link: the post's page.
    pub url: String,
    pub size: PosterSize,
    pub template: PosterTemplate,
}

fn texts(fonts: &Fonts, p: &PostPoster) -> Result<Texts, PrintError> {
    let name = clean(&p.name);
    if name.is_empty() {
        return Err(PrintError::Empty {
            who: "（未命名阵地）".into(),
            doc: DOC,
            field: "阵地名称",
        });
    }
    if p.url.trim().is_empty() {
        return Err(PrintError::Empty {
            who: name,
            doc: DOC,
            field: "阵地页面链接",
        });
    }
    let org = clean(&p.org_name);
    let partner = clean(&p.partner);
    let org_line = if partner.is_empty() {
        org.clone()
    } else {
        format!("{org} · {partner}")
    };
    let kind = clean(&p.kind);
    let hours = clean(&p.hours);
    let address = clean(&p.address);
    let mut info = Vec::new();
    match (kind.is_empty(), hours.is_empty()) {
        (false, false) => info.push(format!("{kind}　{hours}")),
        (false, true) => info.push(kind.clone()),
        (true, false) => info.push(hours.clone()),
        (true, true) => {}
    }
    if !address.is_empty() {
        info.push(format!("地址：{address}"));
    }
    let facilities: Vec<String> = p
        .facilities
        .iter()
        .map(|f| clean(f))
        .filter(|f| !f.is_empty())
        .collect();
    let contact = clean(&p.contact_name);
    let phone = clean(&p.contact_phone);
    let footer = match (contact.is_empty(), phone.is_empty()) {
        (false, false) => format!("联系人：{contact}　电话：{phone}"),
        (true, false) => format!("联系电话：{phone}"),
        (false, true) => format!("联系人：{contact}"),
        (true, true) => format!("{org} 欢迎您"),
    };
    let (tab, hint) = if p.unattended_qr {
        ("扫码进站", "无人值守：微信扫一扫，登记后进入")
    } else {
        ("扫码了解", "微信扫一扫，查看阵地介绍和服务")
    };
    let face = fonts.face(Family::Sans);
    let all = [&org_line, &name, &footer]
        .into_iter()
        .chain(info.iter())
        .chain(facilities.iter());
    for text in all {
        if let Some(ch) = face.first_missing(text) {
            return Err(PrintError::MissingGlyph {
                ch,
                who: name.clone(),
                doc: DOC,
            });
        }
    }
    Ok(Texts {
        org: org_line,
        headline: name,
        steps: Vec::new(),
        info,
        benefits: facilities,
        list_title: "服务设施".into(),
        list_field: "服务设施",
        tab: tab.into(),
        hint: hint.into(),
        footer,
        phone,
    })
}

/// Make the PDF of a post's poster (one page).
pub fn post_poster_pdf(fonts: &Fonts, p: &PostPoster) -> Result<Pdf, PrintError> {
    let t = texts(fonts, p)?;
    let title = format!("{} 服务阵地海报", t.headline);
    render(fonts, &t, &p.url, p.size, p.template, &title, DOC)
}
