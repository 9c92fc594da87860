//! The roster (花名册) of a selection on A4 landscape pages; with a
//! signature column, a ceremony's attendance list (签到表).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canvas::{Align, Style};
use crate::certificate::{A4_H, A4_W};
use crate::doc::{Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};

use super::table::{cell, cn_date, missing, GREY, INK, RULE, SHADE};

/// A roster (花名册) or attendance list (签到表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    /// e.g. “城关镇货车司机联合工会 会员花名册” or “2026年11月23日集中入会仪式 签到表”.
    pub title: String,
    /// A line under the title (organisation, place); may be empty.
    #[serde(default)]
    pub subtitle: String,
    /// 制表日期.
    pub date: NaiveDate,
    pub rows: Vec<RosterRow>,
    /// Add an empty 签名 column.
    pub signature_column: bool,
}

/// One line of a roster. Empty texts print as empty cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RosterRow {
    pub name: String,
    pub gender: String,
    /// As it should print: masked (340602********0976) unless the roster
    /// stays in the office.
    pub id_number: String,
    pub phone: String,
    pub occupation_group: String,
    pub employer: String,
    pub join_date: Option<NaiveDate>,
    pub member_no: String,
}

const ROSTER: &str = "花名册";
const ROWS_PER_PAGE: usize = 18;

/// A roster on A4 landscape pages, the header repeated, pages numbered.
pub fn roster_pdf(fonts: &Fonts, roster: &Roster) -> Result<Pdf, PrintError> {
    let title = clean(&roster.title);
    if title.is_empty() {
        return Err(PrintError::Empty {
            who: "花名册".into(),
            doc: ROSTER,
            field: "标题",
        });
    }
    if roster.rows.is_empty() {
        return Err(PrintError::Nothing(ROSTER));
    }
    let subtitle = clean(&roster.subtitle);
    missing(fonts, Family::Sans, &[&title, &subtitle], &title, ROSTER)?;
    let rows: Vec<[String; 9]> = roster
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            [
                (i + 1).to_string(),
                clean(&r.name),
                clean(&r.gender),
                clean(&r.id_number),
                clean(&r.phone),
                clean(&r.occupation_group),
                clean(&r.employer),
                r.join_date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                clean(&r.member_no),
            ]
        })
        .collect();
    for r in &rows {
        let who = if r[1].is_empty() {
            r[8].clone()
        } else {
            r[1].clone()
        };
        let texts: Vec<&str> = r.iter().map(String::as_str).collect();
        missing(fonts, Family::Serif, &texts, &who, ROSTER)?;
    }
    let mut cols: Vec<(&str, f32, Align)> = vec![
        ("序号", 11.0, Align::Center),
        ("姓名", 24.0, Align::Center),
        ("性别", 11.0, Align::Center),
        ("身份证号", 44.0, Align::Center),
        ("手机号", 28.0, Align::Center),
        ("职业群体", 24.0, Align::Center),
        ("工作单位/平台", 52.0, Align::Left),
        ("入会日期", 23.0, Align::Center),
        ("会员编号", 30.0, Align::Center),
    ];
    if roster.signature_column {
        cols[6].1 = 36.0;
        cols.push(("签名", 28.0, Align::Center));
    }
    let (pw, ph) = (A4_H, A4_W);
    let total_w: f32 = cols.iter().map(|c| c.1).sum();
    let x0 = (pw - total_w) / 2.0;
    let pages = rows.len().div_ceil(ROWS_PER_PAGE);
    let mut doc = Doc::new(fonts, &title, &[Family::Serif, Family::Sans]);
    for (p, chunk) in rows.chunks(ROWS_PER_PAGE).enumerate() {
        let mut c = doc.canvas(ph);
        let ts = Style::new(Family::Sans, 17.0, INK).bold(0.03).spacing(0.8);
        let size = c
            .fit(&title, total_w, &ts, 11.0)
            .ok_or_else(|| PrintError::TooLong {
                who: title.clone(),
                doc: ROSTER,
                field: "标题",
                text: title.clone(),
            })?;
        c.text(&title, pw / 2.0, 20.0, Align::Center, &ts.size(size));
        let meta = Style::new(Family::Sans, 9.5, GREY);
        if !subtitle.is_empty() {
            c.text(&subtitle, x0, 29.5, Align::Left, &meta);
        }
        c.text(
            &format!("制表日期：{}　共{}人", cn_date(roster.date), rows.len()),
            x0 + total_w,
            29.5,
            Align::Right,
            &meta,
        );
        let (hy, hh, rh) = (33.0, 9.0, 8.6);
        c.fill_color(SHADE);
        c.rect(x0, hy, total_w, hh);
        c.fill();
        let hs = Style::new(Family::Sans, 9.5, INK).bold(0.02);
        let mut x = x0;
        for (label, cw, _) in &cols {
            c.text(label, x + cw / 2.0, hy + hh / 2.0 + 1.2, Align::Center, &hs);
            x += cw;
        }
        let vs = Style::new(Family::Serif, 9.5, INK);
        for (i, r) in chunk.iter().enumerate() {
            let y = hy + hh + rh * i as f32;
            let mut x = x0;
            for (k, (_, cw, align)) in cols.iter().enumerate() {
                if let Some(text) = r.get(k) {
                    let field = [
                        "序号",
                        "姓名",
                        "性别",
                        "身份证号",
                        "手机号",
                        "职业群体",
                        "工作单位",
                        "入会日期",
                        "会员编号",
                    ][k];
                    cell(&mut c, text, x, y, *cw, rh, &vs, *align, field).map_err(
                        |(field, text)| PrintError::TooLong {
                            who: r[1].clone(),
                            doc: ROSTER,
                            field,
                            text,
                        },
                    )?;
                }
                x += cw;
            }
        }
        // Grid.
        let body_h = hh + rh * chunk.len() as f32;
        c.stroke_color(RULE);
        c.line_width(0.35);
        c.rect(x0, hy, total_w, body_h);
        c.stroke();
        c.line_width(0.18);
        for i in 0..chunk.len() {
            let y = hy + hh + rh * i as f32;
            c.move_to(x0, y);
            c.line_to(x0 + total_w, y);
        }
        let mut x = x0;
        for (_, cw, _) in &cols[..cols.len() - 1] {
            x += cw;
            c.move_to(x, hy);
            c.line_to(x, hy + body_h);
        }
        c.stroke();
        let foot = Style::new(Family::Sans, 8.5, GREY);
        c.text(
            &format!("第 {} 页 / 共 {} 页", p + 1, pages),
            pw / 2.0,
            ph - 9.0,
            Align::Center,
            &foot,
        );
        let ops = c.take_ops();
        doc.add_page(pw, ph, ops);
    }
    Ok(doc.finish())
}
