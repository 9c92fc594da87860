//! The join poster (扫码入会): an organisation's join QR code, its name, a
//! headline, the steps, the benefits and a phone number, A4 or A3 portrait.

use serde::{Deserialize, Serialize};

use crate::canvas::{Align, Canvas, Rgb, Style, K};
use crate::certificate::{A4_H, A4_W};
use crate::doc::{Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};
use crate::qr;

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

/// Paper size (portrait).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterSize {
    A4,
    A3,
}

/// The look of a poster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PosterTemplate {
    /// 中国红: red and gold, for villages, towns and ceremonies.
    Red,
    /// 交通蓝: navy and orange, for service areas, highway exits, stations.
    Blue,
    /// 简洁: white paper, red lines and text; saves toner on office printers.
    Ink,
}

impl PosterTemplate {
    /// All templates, in the order to offer them.
    pub const ALL: [PosterTemplate; 3] = [
        PosterTemplate::Red,
        PosterTemplate::Blue,
        PosterTemplate::Ink,
    ];

    /// The name to show in the UI.
    pub fn label(self) -> &'static str {
        match self {
            PosterTemplate::Red => "中国红",
            PosterTemplate::Blue => "交通蓝",
            PosterTemplate::Ink => "简洁（省墨）",
        }
    }
}

struct Palette {
    primary: Rgb,
    dark: Rgb,
    accent: Rgb,
    on_primary: Rgb,
    soft: Rgb,
    ink: Rgb,
    muted: Rgb,
    /// Large areas filled (false: lines only).
    filled: bool,
}

fn palette(t: PosterTemplate) -> Palette {
    match t {
        PosterTemplate::Red => Palette {
            primary: Rgb(0xC4, 0x15, 0x1C),
            dark: Rgb(0xA3, 0x0F, 0x16),
            accent: Rgb(0xF6, 0xC9, 0x5B),
            on_primary: Rgb(0xFF, 0xFF, 0xFF),
            soft: Rgb(0xFD, 0xF0, 0xE2),
            ink: Rgb(0x2A, 0x21, 0x1D),
            muted: Rgb(0x7A, 0x5F, 0x4C),
            filled: true,
        },
        PosterTemplate::Blue => Palette {
            primary: Rgb(0x12, 0x4A, 0x7E),
            dark: Rgb(0x0C, 0x36, 0x5E),
            accent: Rgb(0xF5, 0x9E, 0x1B),
            on_primary: Rgb(0xFF, 0xFF, 0xFF),
            soft: Rgb(0xE8, 0xF1, 0xF9),
            ink: Rgb(0x1B, 0x26, 0x33),
            muted: Rgb(0x4E, 0x62, 0x77),
            filled: true,
        },
        PosterTemplate::Ink => Palette {
            primary: Rgb(0xC4, 0x15, 0x1C),
            dark: Rgb(0xC4, 0x15, 0x1C),
            accent: Rgb(0xC4, 0x15, 0x1C),
            on_primary: Rgb(0xC4, 0x15, 0x1C),
            soft: Rgb(0xFF, 0xFF, 0xFF),
            ink: Rgb(0x1A, 0x1A, 0x1A),
            muted: Rgb(0x55, 0x55, 0x55),
            filled: false,
        },
    }
}

/// What a poster of this layout prints, checked against the fonts. The
/// join poster fills it from a [`Poster`]; the post poster
/// (`post_poster.rs`) from a service post.
pub(crate) struct Texts {
    /// The line in the top band.
    pub org: String,
    pub headline: String,
    /// Numbered steps; when empty, `info` lines are printed in their place.
    pub steps: Vec<String>,
    pub info: Vec<String>,
    /// The ticked list and its title.
    pub benefits: Vec<String>,
    pub list_title: String,
    /// The list's name in errors (入会好处, 服务设施).
    pub list_field: &'static str,
    /// The tab over the QR code and the line under it.
    pub tab: String,
    pub hint: String,
    pub footer: String,
    /// Named in errors about a missing field.
    pub phone: String,
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

/// Draw checked texts with a QR code of `url` on one page.
pub(crate) fn render(
    fonts: &Fonts,
    t: &Texts,
    url: &str,
    size: PosterSize,
    template: PosterTemplate,
    title: &str,
    doc_name: &'static str,
) -> Result<Pdf, PrintError> {
    let code = qr::encode(url.trim())?;
    let (pw, ph) = match size {
        PosterSize::A4 => (A4_W, A4_H),
        PosterSize::A3 => (297.0, 420.0),
    };
    let mut doc = Doc::new(fonts, title, &[Family::Sans]);
    let mut c = doc.canvas(ph);
    c.frame(0.0, 0.0, A4_H, pw / A4_W);
    draw(&mut c, t, &code, &palette(template)).map_err(|(field, text)| PrintError::TooLong {
        who: t.org.clone(),
        doc: doc_name,
        field,
        text,
    })?;
    c.restore();
    let ops = c.take_ops();
    doc.add_page(pw, ph, ops);
    Ok(doc.finish())
}

type Fail = (&'static str, String);

/// Lines of a text wrapped into `max_w`, shrinking from the style's size to
/// `min` until at most `max_lines` lines.
fn block(
    c: &Canvas<'_>,
    text: &str,
    max_w: f32,
    st: &Style,
    min: f32,
    max_lines: usize,
) -> Option<(Vec<String>, f32)> {
    if text.contains('\n') {
        // The writer's own line breaks: shrink until every line fits.
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        if lines.len() > max_lines {
            return None;
        }
        let mut size = st.size;
        while size >= min - 1e-3 {
            if lines.iter().all(|l| c.width(l, &st.size(size)) <= max_w) {
                return Some((lines, size));
            }
            size -= 0.5;
        }
        return None;
    }
    // One line if it stays large; then two balanced lines; then more.
    if let Some(size) = c.fit(text, max_w, st, (st.size * 0.8).max(min)) {
        return Some((vec![text.to_string()], size));
    }
    // Two lines: at a punctuation mark if that costs little in size.
    let mut size = st.size;
    while max_lines >= 2 && size >= (st.size * 0.85).max(min) - 1e-3 {
        if let Some(lines) = c.wrap2_at(text, max_w, &st.size(size), true) {
            return Some((lines.to_vec(), size));
        }
        size -= 0.5;
    }
    let mut size = st.size;
    while max_lines >= 2 && size >= min - 1e-3 {
        if let Some(lines) = c.wrap2(text, max_w, &st.size(size)) {
            return Some((lines.to_vec(), size));
        }
        size -= 0.5;
    }
    let mut size = st.size;
    while size >= min - 1e-3 {
        let lines = c.wrap(text, max_w, &st.size(size));
        if lines.len() <= max_lines
            && lines
                .iter()
                .all(|l| c.width(l, &st.size(size)) <= max_w + 0.01)
        {
            return Some((lines, size));
        }
        size -= 0.5;
    }
    None
}

fn draw(c: &mut Canvas<'_>, t: &Texts, code: &qr::Matrix, pal: &Palette) -> Result<(), Fail> {
    let (w, h) = (A4_W, A4_H);
    let sans = |size: f32, col: Rgb| Style::new(Family::Sans, size, col);

    // Header band with a few quiet rings for texture.
    let band = 108.0;
    if pal.filled {
        c.fill_color(pal.primary);
        c.rect(0.0, 0.0, w, band);
        c.fill();
        c.save();
        c.rect(0.0, 0.0, w, band);
        c.clip();
        c.stroke_color(pal.dark);
        c.line_width(1.6);
        for i in 0..6 {
            c.circle(w - 18.0, 18.0, 26.0 + 13.0 * i as f32);
        }
        for i in 0..4 {
            c.circle(8.0, band + 10.0, 22.0 + 13.0 * i as f32);
        }
        c.stroke();
        c.restore();
    } else {
        c.stroke_color(pal.primary);
        c.line_width(1.4);
        c.rect(8.0, 8.0, w - 16.0, h - 16.0);
        c.stroke();
        c.line_width(0.4);
        c.rect(10.0, 10.0, w - 20.0, h - 20.0);
        c.stroke();
    }

    // Organisation name.
    let org_st = sans(17.0, if pal.filled { pal.accent } else { pal.ink })
        .bold(0.02)
        .spacing(0.8);
    let (org_lines, org_size) =
        block(c, &t.org, 172.0, &org_st, 11.0, 2).ok_or(("组织名称", t.org.clone()))?;
    let org_st = org_st.size(org_size);
    let olh = org_size / K * 1.3;
    let mut y = 25.0 - olh * (org_lines.len() as f32 - 1.0) / 2.0;
    for l in &org_lines {
        c.text(l, w / 2.0, y, Align::Center, &org_st);
        y += olh;
    }
    // Little rules either side of a single-line name.
    if org_lines.len() == 1 {
        let ow = c.width(&org_lines[0], &org_st);
        c.stroke_color(if pal.filled { pal.accent } else { pal.primary });
        c.line_width(0.5);
        for s in [-1.0f32, 1.0] {
            let x1 = w / 2.0 + s * (ow / 2.0 + 5.0);
            c.move_to(x1, 25.0 - org_size / K * 0.35);
            c.line_to(x1 + s * 14.0, 25.0 - org_size / K * 0.35);
        }
        c.stroke();
    }

    // Headline.
    let head_st = sans(
        33.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.045)
    .spacing(0.6);
    let (lines, size) =
        block(c, &t.headline, 180.0, &head_st, 20.0, 2).ok_or(("标题", t.headline.clone()))?;
    let head_st = head_st.size(size);
    let lh = size / K * 1.3;
    let first = if lines.len() == 1 { 55.0 } else { 49.0 };
    for (i, l) in lines.iter().enumerate() {
        c.text(l, w / 2.0, first + lh * i as f32, Align::Center, &head_st);
    }

    // The QR card.
    // Many or long benefits take room from the QR card (down to 64 mm).
    let mut shift = 0.0;
    while shift < 18.0
        && !t.benefits.is_empty()
        && benefit_layout(c, &t.benefits, pal.ink, 268.0 - (244.0 - shift), 10.0).is_none()
    {
        shift += 2.0;
    }
    let (cw, ch) = (108.0 - shift, 118.0 - shift);
    let (cx, cy) = ((w - cw) / 2.0, 74.0);
    if pal.filled {
        c.fill_color(pal.dark);
        c.rounded_rect(cx + 1.2, cy + 1.8, cw, ch, 6.0);
        c.fill();
    }
    c.fill_color(Rgb(0xFF, 0xFF, 0xFF));
    c.rounded_rect(cx, cy, cw, ch, 6.0);
    c.fill();
    c.stroke_color(pal.primary);
    c.line_width(if pal.filled { 0.8 } else { 1.2 });
    c.rounded_rect(cx + 3.0, cy + 3.0, cw - 6.0, ch - 6.0, 4.0);
    c.stroke();
    // Tab with 扫码入会.
    let tab_st = sans(
        20.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.05)
    .spacing(2.5);
    let tab_w = c.width(&t.tab, &tab_st) + 16.0;
    if pal.filled {
        c.fill_color(pal.primary);
        c.rounded_rect(w / 2.0 - tab_w / 2.0, cy - 6.0, tab_w, 14.0, 7.0);
        c.fill();
    } else {
        c.fill_color(Rgb(0xFF, 0xFF, 0xFF));
        c.rounded_rect(w / 2.0 - tab_w / 2.0, cy - 6.0, tab_w, 14.0, 7.0);
        c.fill();
        c.stroke_color(pal.primary);
        c.line_width(1.2);
        c.rounded_rect(w / 2.0 - tab_w / 2.0, cy - 6.0, tab_w, 14.0, 7.0);
        c.stroke();
    }
    c.text(&t.tab, w / 2.0 + 1.25, cy + 3.6, Align::Center, &tab_st);
    let qs = 82.0 - shift;
    qr::draw(c, code, (w - qs) / 2.0, cy + 13.0, qs, Rgb(0, 0, 0));
    let cap = sans(10.5, pal.muted).spacing(0.4);
    let hint = t.hint.as_str();
    let cap_size = c.fit(hint, cw - 12.0, &cap, 6.0).unwrap_or(6.0);
    c.text(
        hint,
        w / 2.0,
        cy + ch - 9.0,
        Align::Center,
        &cap.size(cap_size),
    );

    // Steps (or, without steps, the info lines in their place).
    let n = t.steps.len();
    let sy = 206.0 - shift;
    if n == 0 {
        let lines = t.info.len().min(3);
        let lh = 8.0;
        let top = sy + 4.0 - lh * (lines as f32 - 1.0) / 2.0;
        let st = sans(12.5, pal.ink).bold(0.02);
        for (i, l) in t.info.iter().take(3).enumerate() {
            let size = c
                .fit(l, w - 36.0, &st, 8.0)
                .ok_or(("阵地信息", l.clone()))?;
            c.text(
                l,
                w / 2.0,
                top + lh * i as f32,
                Align::Center,
                &st.size(size),
            );
        }
    }
    let span = 170.0;
    let gap = span / n as f32;
    let step_st = sans(12.5, pal.ink).bold(0.02);
    let num_st = sans(
        15.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.05);
    for (i, s) in t.steps.iter().enumerate() {
        let x = (w - span) / 2.0 + gap * (i as f32 + 0.5);
        if pal.filled {
            c.fill_color(pal.primary);
            c.circle(x, sy, 7.5);
            c.fill();
            c.stroke_color(pal.accent);
            c.line_width(0.6);
            c.circle(x, sy, 9.0);
            c.stroke();
        } else {
            c.stroke_color(pal.primary);
            c.line_width(1.0);
            c.circle(x, sy, 7.5);
            c.stroke();
        }
        c.text(&(i + 1).to_string(), x, sy + 2.0, Align::Center, &num_st);
        let size = c
            .fit(s, gap - 3.0, &step_st, 8.0)
            .ok_or(("入会步骤", s.clone()))?;
        c.text(s, x, sy + 16.5, Align::Center, &step_st.size(size));
        if i + 1 < n {
            // Chevron arrow between steps.
            let ax = x + gap / 2.0;
            c.stroke_color(pal.accent);
            c.line_width(1.4);
            c.move_to(ax - 2.2, sy - 3.2);
            c.line_to(ax + 1.0, sy);
            c.line_to(ax - 2.2, sy + 3.2);
            c.move_to(ax + 1.2, sy - 3.2);
            c.line_to(ax + 4.4, sy);
            c.line_to(ax + 1.2, sy + 3.2);
            c.stroke();
        }
    }

    // Benefits.
    let by = 232.0 - shift;
    if !t.benefits.is_empty() {
        if pal.filled {
            c.fill_color(pal.soft);
            c.rounded_rect(16.0, by - 4.0, w - 32.0, 274.0 - by, 4.0);
            c.fill();
        }
        let hs = sans(14.0, pal.primary).bold(0.04).spacing(1.2);
        c.fill_color(pal.accent);
        c.rect(24.0, by + 1.2, 1.8, 5.6);
        c.fill();
        c.text(&t.list_title, 28.5, by + 6.6, Align::Left, &hs);
        let (cols, colw, wrapped, row_h, lh, st) =
            benefit_layout(c, &t.benefits, pal.ink, 268.0 - (by + 12.0), 8.0)
                .ok_or((t.list_field, t.benefits.join("；")))?;
        let mut ry = by + 12.0;
        for (r, rh) in row_h.iter().enumerate() {
            for k in 0..cols {
                let Some(lines) = wrapped.get(r * cols + k) else {
                    continue;
                };
                let x = 24.0 + k as f32 * (colw + 15.0);
                // A tick in a circle.
                let ty = ry + lh * 0.45;
                c.fill_color(pal.primary);
                c.circle(x + 2.2, ty, 2.2);
                c.fill();
                c.stroke_color(if pal.filled {
                    pal.on_primary
                } else {
                    Rgb(0xFF, 0xFF, 0xFF)
                });
                c.line_width(0.5);
                c.move_to(x + 1.1, ty);
                c.line_to(x + 2.0, ty + 0.9);
                c.line_to(x + 3.4, ty - 0.9);
                c.stroke();
                for (i, l) in lines.iter().enumerate() {
                    c.text(l, x + 6.5, ry + lh * (i as f32 + 0.8), Align::Left, &st);
                }
            }
            ry += rh;
        }
    }

    // Footer with the phone.
    let fy = if pal.filled { 279.0 } else { 275.0 };
    if pal.filled {
        c.fill_color(pal.primary);
        c.rect(0.0, fy, w, h - fy);
        c.fill();
        c.fill_color(pal.accent);
        c.rect(0.0, fy, w, 1.0);
        c.fill();
    } else {
        c.stroke_color(pal.primary);
        c.line_width(0.5);
        c.move_to(20.0, fy);
        c.line_to(w - 20.0, fy);
        c.stroke();
    }
    let foot = &t.footer;
    let fst = sans(
        15.0,
        if pal.filled {
            pal.on_primary
        } else {
            pal.primary
        },
    )
    .bold(0.03)
    .spacing(0.6);
    let fsize = c
        .fit(foot, w - 40.0, &fst, 9.0)
        .ok_or(("咨询电话", t.phone.clone()))?;
    let fb = if pal.filled { fy + 10.0 } else { fy + 8.0 };
    c.text(foot, w / 2.0, fb, Align::Center, &fst.size(fsize));
    Ok(())
}

type BenefitLayout = (usize, f32, Vec<Vec<String>>, Vec<f32>, f32, Style);

/// Benefits in one or two columns, wrapped, at the largest size from 12.5 pt
/// down to `min` whose rows fit `avail` mm.
fn benefit_layout(
    c: &Canvas<'_>,
    benefits: &[String],
    ink: Rgb,
    avail: f32,
    min: f32,
) -> Option<BenefitLayout> {
    let w = A4_W;
    let cols = if benefits.len() <= 3 { 1 } else { 2 };
    let colw = (w - 48.0 - 8.0 * (cols - 1) as f32) / cols as f32 - 7.0;
    let rows = benefits.len().div_ceil(cols);
    let mut size = 12.5;
    while size >= min - 1e-3 {
        let st = Style::new(Family::Sans, size, ink);
        let wrapped: Vec<Vec<String>> = benefits.iter().map(|b| c.wrap(b, colw, &st)).collect();
        let lh = size / K * 1.35;
        let row_h: Vec<f32> = (0..rows)
            .map(|r| {
                (0..cols)
                    .filter_map(|k| wrapped.get(r * cols + k))
                    .map(|l| l.len() as f32 * lh + 2.2)
                    .fold(0.0, f32::max)
            })
            .collect();
        if row_h.iter().sum::<f32>() <= avail {
            return Some((cols, colw, wrapped, row_h, lh, st));
        }
        size -= 0.5;
    }
    None
}
