//! The application to join (入会申请书), one member per A4 page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canvas::{Align, Canvas, Style};
use crate::certificate::{A4_H, A4_W};
use crate::doc::{decode_png, Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};

use super::table::{cell, cn_date, missing, Fail, GREY, INK, RULE, SHADE};

/// One member's application to join (入会申请书), filled in for signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Application {
    pub name: String,
    /// 男 / 女
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    /// 民族; empty to leave the box for the pen.
    #[serde(default)]
    pub ethnicity: String,
    /// As it should print (whole on the member's own application).
    pub id_number: String,
    pub phone: String,
    /// 职业群体 (货车司机, 快递员, ...).
    pub occupation_group: String,
    /// 工作单位或平台.
    #[serde(default)]
    pub employer: String,
    /// 现居住地址.
    #[serde(default)]
    pub address: String,
    /// The union the member joins.
    pub org_name: String,
    /// The date printed by the signature.
    pub date: NaiveDate,
    /// 会员编号, once known.
    #[serde(default)]
    pub member_no: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Vec<u8>>,
}

const APP: &str = "入会申请书";

/// Applications to join, one A4 page each.
pub fn applications_pdf(fonts: &Fonts, forms: &[Application]) -> Result<Pdf, PrintError> {
    if forms.is_empty() {
        return Err(PrintError::Nothing(APP));
    }
    let mut doc = Doc::new(fonts, APP, &[Family::Serif, Family::Sans]);
    for f in forms {
        let name = clean(&f.name);
        if name.is_empty() {
            return Err(PrintError::Empty {
                who: f.id_number.clone(),
                doc: APP,
                field: "姓名",
            });
        }
        let org = clean(&f.org_name);
        if org.is_empty() {
            return Err(PrintError::Empty {
                who: name,
                doc: APP,
                field: "申请加入的工会",
            });
        }
        let fields: Vec<String> = [
            &f.gender,
            &f.ethnicity,
            &f.id_number,
            &f.phone,
            &f.occupation_group,
            &f.employer,
            &f.address,
            &f.member_no,
        ]
        .iter()
        .map(|s| clean(s))
        .collect();
        let mut all: Vec<&str> = fields.iter().map(String::as_str).collect();
        all.push(&name);
        all.push(&org);
        missing(fonts, Family::Serif, &all, &name, APP)?;
        let photo = match f.photo.as_deref() {
            Some(png) => {
                let id =
                    doc.image(png, || decode_png(png))
                        .map_err(|detail| PrintError::BadImage {
                            who: name.clone(),
                            doc: APP,
                            what: "照片",
                            detail,
                        })?;
                Some((id, crate::certificate::png_aspect(png).unwrap_or(0.75)))
            }
            None => None,
        };
        let mut c = doc.canvas(A4_H);
        application(&mut c, f, &name, &org, &fields, photo.as_ref()).map_err(|(field, text)| {
            PrintError::TooLong {
                who: name.clone(),
                doc: APP,
                field,
                text,
            }
        })?;
        let ops = c.take_ops();
        doc.add_page(A4_W, A4_H, ops);
    }
    Ok(doc.finish())
}

fn application(
    c: &mut Canvas<'_>,
    f: &Application,
    name: &str,
    org: &str,
    fields: &[String],
    photo: Option<&(printpdf::XObjectId, f32)>,
) -> Result<(), Fail> {
    let [gender, ethnicity, id, phone, group, employer, address, member_no] =
        [0, 1, 2, 3, 4, 5, 6, 7].map(|i| fields[i].as_str());
    let title = Style::new(Family::Sans, 22.0, INK).bold(0.03).spacing(3.0);
    c.text("入会申请书", A4_W / 2.0, 32.0, Align::Center, &title);
    let sub = Style::new(Family::Serif, 11.0, GREY);
    let to = format!("致：{org}");
    let to_size = c
        .fit(&to, 160.0, &sub, 8.0)
        .ok_or(("申请加入的工会", org.to_string()))?;
    c.text(&to, A4_W / 2.0, 41.0, Align::Center, &sub.size(to_size));

    // The table: label cells shaded, the photo cell spanning four rows.
    let (x0, y0, w) = (22.0, 50.0, A4_W - 44.0);
    let rh = 12.0;
    let lw = 26.0;
    let photo_w = 32.0;
    let lab = Style::new(Family::Sans, 10.5, INK);
    let val = Style::new(Family::Serif, 11.5, INK);
    let birth = f.birth_date.map(cn_date).unwrap_or_default();
    let inner = w - photo_w; // width left of the photo for rows 0..4
    let half = (inner - 2.0 * lw) / 2.0;
    type Row<'r> = Vec<(&'static str, &'r str, f32)>;
    let rows: Vec<(Row<'_>, bool)> = vec![
        (vec![("姓名", name, half), ("性别", gender, half)], true),
        (
            vec![("出生日期", &birth, half), ("民族", ethnicity, half)],
            true,
        ),
        (vec![("身份证号", id, inner - lw)], true),
        (
            vec![("联系电话", phone, half), ("职业群体", group, half)],
            true,
        ),
        (vec![("工作单位\n或平台", employer, w - lw)], false),
        (vec![("现居住地址", address, w - lw)], false),
        (vec![("申请加入的\n工会组织", org, w - lw)], false),
    ];
    let table_h = rh * rows.len() as f32;
    c.fill_color(SHADE);
    for (r, (cells, _)) in rows.iter().enumerate() {
        let mut x = x0;
        for (_, _, vw) in cells {
            c.rect(x, y0 + rh * r as f32, lw, rh);
            x += lw + vw;
        }
    }
    c.fill();
    for (r, (cells, _)) in rows.iter().enumerate() {
        let y = y0 + rh * r as f32;
        let mut x = x0;
        for (label, value, vw) in cells {
            let lines: Vec<&str> = label.split('\n').collect();
            if lines.len() == 1 {
                c.text(label, x + lw / 2.0, y + rh / 2.0 + 1.3, Align::Center, &lab);
            } else {
                let st = lab.size(9.5);
                c.text(
                    lines[0],
                    x + lw / 2.0,
                    y + rh / 2.0 - 0.6,
                    Align::Center,
                    &st,
                );
                c.text(
                    lines[1],
                    x + lw / 2.0,
                    y + rh / 2.0 + 3.4,
                    Align::Center,
                    &st,
                );
            }
            let field = match *label {
                "姓名" => "姓名",
                "身份证号" => "身份证号",
                "工作单位\n或平台" => "工作单位或平台",
                "现居住地址" => "现居住地址",
                "申请加入的\n工会组织" => "申请加入的工会",
                _ => "申请书内容",
            };
            let st = if *label == "姓名" {
                val.size(13.0).bold(0.02)
            } else {
                val
            };
            cell(c, value, x + lw, y, *vw, rh, &st, Align::Left, field)?;
            x += lw + vw;
        }
    }
    // Grid lines.
    c.stroke_color(RULE);
    c.line_width(0.3);
    c.rect(x0, y0, w, table_h);
    c.stroke();
    c.line_width(0.2);
    for (r, (cells, beside_photo)) in rows.iter().enumerate() {
        let y = y0 + rh * r as f32;
        if r > 0 {
            c.move_to(x0, y);
            c.line_to(
                if *beside_photo && r < 4 {
                    x0 + inner
                } else {
                    x0 + w
                },
                y,
            );
        }
        let mut x = x0;
        for (_, _, vw) in cells {
            c.move_to(x + lw, y);
            c.line_to(x + lw, y + rh);
            x += lw + vw;
            if x < x0 + w - 0.1 {
                c.move_to(x, y);
                c.line_to(x, y + rh);
            }
        }
    }
    c.move_to(x0 + inner, y0);
    c.line_to(x0 + inner, y0 + rh * 4.0);
    c.stroke();
    // Photo or its box.
    let (pw, ph) = (25.0, 100.0 / 3.0);
    let (px, py) = (
        x0 + inner + (photo_w - pw) / 2.0,
        y0 + (rh * 4.0 - ph) / 2.0,
    );
    if let Some((id, aspect)) = photo {
        crate::certificate::photo(c, id, *aspect, px, py, pw, ph);
    } else {
        let st = Style::new(Family::Sans, 9.0, GREY);
        c.text(
            "照片",
            px + pw / 2.0,
            py + ph / 2.0 + 1.0,
            Align::Center,
            &st,
        );
    }

    // Declaration, signature, the union's decision.
    let body = Style::new(Family::Serif, 13.0, INK);
    let decl = "本人自愿加入工会组织，承认《中国工会章程》，遵守工会的各项规章制度，履行会员义务。";
    let mut y = y0 + table_h + 16.0;
    let lines = c.wrap(decl, w - 8.0, &body);
    for (i, l) in lines.iter().enumerate() {
        c.text(
            l,
            x0 + if i == 0 { 9.0 } else { 0.0 },
            y,
            Align::Left,
            &body,
        );
        y += 8.0;
    }
    y += 10.0;
    let sign = Style::new(Family::Serif, 12.5, INK);
    c.text("申请人（签名）：", x0 + 78.0, y, Align::Left, &sign);
    c.stroke_color(RULE);
    c.line_width(0.25);
    c.move_to(x0 + 113.0, y + 1.5);
    c.line_to(x0 + w, y + 1.5);
    c.stroke();
    c.text(&cn_date(f.date), x0 + w, y + 11.0, Align::Right, &sign);

    // Decision box.
    let by = y + 22.0;
    let bh = A4_H - 22.0 - by;
    c.stroke_color(RULE);
    c.line_width(0.3);
    c.rect(x0, by, w, bh);
    c.stroke();
    let head = Style::new(Family::Sans, 11.5, INK).bold(0.02);
    c.text("工会审批意见", x0 + 5.0, by + 9.0, Align::Left, &head);
    let small = Style::new(Family::Serif, 11.5, INK);
    c.text(
        "同意接收为工会会员。",
        x0 + 14.0,
        by + 22.0,
        Align::Left,
        &small,
    );
    let no = if member_no.is_empty() {
        "会员编号：".to_string()
    } else {
        format!("会员编号：{member_no}")
    };
    c.text(&no, x0 + 14.0, by + 32.0, Align::Left, &small);
    c.text(
        "（工会盖章）",
        x0 + w - 12.0,
        by + bh - 20.0,
        Align::Right,
        &small,
    );
    c.text(
        "年    月    日",
        x0 + w - 12.0,
        by + bh - 9.0,
        Align::Right,
        &small,
    );
    let foot = Style::new(Family::Serif, 8.0, GREY);
    c.text(
        "本表一式一份，由接收会员的工会留存归档。",
        A4_W / 2.0,
        A4_H - 13.0,
        Align::Center,
        &foot,
    );
    Ok(())
}
