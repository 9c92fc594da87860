//! The join poster's texts from a [`Poster`], checked against the fonts.

use serde::{Deserialize, Serialize};

use crate::doc::Pdf;
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};

use super::{render, PosterSize, PosterTemplate, Texts};

const DOC: &str = "入会海报";

/// A join poster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poster {
    /// The organisation people join.
    pub org_name: String,
    /// The big line, e.g. “货车司机朋友们，欢迎加入工会！”.
    pub headline: String,
    /// The steps, 2 to 5 short labels; normally [`Poster::default_steps`].
    pub steps: Vec<String>,
    /// 入会好处, one short sentence each (up to 8).
    pub benefits: Vec<String>,
    /// 咨询电话; empty for none.
    pub contact_phone: String,
    /// The organisation's online join page (the QR code's text).
    pub join_url: String,
    pub size: PosterSize,
    pub template: PosterTemplate,
}

impl Poster {
    /// 扫码 → 填写信息 → 审核 → 入会.
    pub fn default_steps() -> Vec<String> {
        ["扫码", "填写信息", "审核", "入会"]
            .map(String::from)
            .to_vec()
    }

    /// The benefits offered when the office has not written its own.
    pub fn default_benefits() -> Vec<String> {
        [
            "职工之家、司机之家免费歇脚、热水、充电",
            "互助保障、健康体检、四季送温暖",
            "免费法律援助，维护劳动权益",
            "技能培训、子女助学、困难帮扶",
        ]
        .map(String::from)
        .to_vec()
    }
}

fn check(fonts: &Fonts, p: &Poster) -> Result<Texts, PrintError> {
    let org = clean(&p.org_name);
    let who = if org.is_empty() {
        "（未命名组织）".to_string()
    } else {
        org.clone()
    };
    let empty = |field| PrintError::Empty {
        who: who.clone(),
        doc: DOC,
        field,
    };
    if org.is_empty() {
        return Err(empty("组织名称"));
    }
    if p.join_url.trim().is_empty() {
        return Err(empty("入会链接"));
    }
    // A line break typed in the headline is kept: it is where the cadre
    // wants the second line to start.
    let headline = p
        .headline
        .lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    let headline = if headline.is_empty() {
        "扫码加入工会".to_string()
    } else {
        headline
    };
    let steps: Vec<String> = p
        .steps
        .iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect();
    let steps = if steps.is_empty() {
        Poster::default_steps()
    } else {
        steps
    };
    let benefits: Vec<String> = p
        .benefits
        .iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect();
    let phone = clean(&p.contact_phone);
    let face = fonts.face(Family::Sans);
    let too_long = |field: &'static str, text: &str| PrintError::TooLong {
        who: who.clone(),
        doc: DOC,
        field,
        text: text.to_string(),
    };
    if steps.len() > 5 {
        return Err(too_long("入会步骤", &steps.join("→")));
    }
    if benefits.len() > 8 {
        return Err(too_long("入会好处", &benefits.join("；")));
    }
    let headline_text = headline.replace('\n', "");
    let all = std::iter::once(&org)
        .chain([&headline_text, &phone])
        .chain(steps.iter())
        .chain(benefits.iter());
    for text in all {
        if let Some(ch) = face.first_missing(text) {
            return Err(PrintError::MissingGlyph {
                ch,
                who: who.clone(),
                doc: DOC,
            });
        }
    }
    let footer = if phone.is_empty() {
        format!("{org} 欢迎您")
    } else {
        format!("咨询电话：{phone}")
    };
    Ok(Texts {
        org,
        headline,
        steps,
        info: Vec::new(),
        benefits,
        list_title: "入会好处".into(),
        list_field: "入会好处",
        tab: "扫码入会".into(),
        hint: "微信或手机浏览器扫一扫，在线填写入会申请".into(),
        footer,
        phone,
    })
}

/// Make the PDF of a join poster (one page).
pub fn poster_pdf(fonts: &Fonts, p: &Poster) -> Result<Pdf, PrintError> {
    let t = check(fonts, p)?;
    let title = format!("{} 扫码入会", t.org);
    render(fonts, &t, &p.join_url, p.size, p.template, &title, DOC)
}
