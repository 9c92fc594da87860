//! The monthly report of one service post (服务阵地月报): the key figures,
//! person-times per service type as a bar chart and a table, the people
//! served as non-members who joined, and the complaint tickets. A4
//! portrait, tables continued over pages with their header repeated.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canvas::{Align, Canvas, Rgb, Style};
use crate::certificate::{A4_H, A4_W};
use crate::doc::{Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};
use crate::forms::{cell, cn_date, missing, GREY, INK, RULE, SHADE};

const DOC: &str = "服务阵地月报";
const MARGIN: f32 = 18.0;
const BOTTOM: f32 = A4_H - 20.0;
const ROW_H: f32 = 8.0;
/// Bars: members, people not yet members, aggregate counts.
const BAR: [Rgb; 3] = [
    Rgb(0xC4, 0x15, 0x1C),
    Rgb(0xF5, 0x9E, 0x1B),
    Rgb(0x12, 0x4A, 0x7E),
];

/// Person-times of one service type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ReportTypeRow {
    pub service_type: String,
    pub member_times: u32,
    pub non_member_times: u32,
    pub aggregate_times: u32,
}

/// One table of the report; cells print as given (mask phones before).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ReportTable {
    pub title: String,
    /// (header, width in mm, centred)
    pub columns: Vec<(String, f32, bool)>,
    pub rows: Vec<Vec<String>>,
    /// Printed when there are no rows.
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PostReport {
    pub post_name: String,
    /// "2026年7月".
    pub month: String,
    /// Kind, org, status: one line under the title.
    pub subtitle: String,
    pub address: String,
    /// (label, value) boxes, four to a row.
    pub figures: Vec<(String, String)>,
    pub by_type: Vec<ReportTypeRow>,
    /// 先服务后入会, 诉求工单 ...
    pub tables: Vec<ReportTable>,
    /// 制表单位.
    pub issuer: String,
    /// 制表日期.
    pub date: NaiveDate,
}

type Fail = (&'static str, String);

struct Pages<'a> {
    done: Vec<Canvas<'a>>,
    c: Canvas<'a>,
    y: f32,
}

impl<'a> Pages<'a> {
    fn room(&mut self, doc: &Doc<'a>, need: f32) {
        if self.y + need > BOTTOM {
            let next = doc.canvas(A4_H);
            self.done.push(std::mem::replace(&mut self.c, next));
            self.y = 22.0;
        }
    }
}

fn section<'a>(p: &mut Pages<'a>, doc: &Doc<'a>, title: &str) {
    p.room(doc, 22.0);
    p.y += 5.0;
    let st = Style::new(Family::Sans, 12.0, INK).bold(0.03).spacing(0.4);
    p.c.fill_color(BAR[0]);
    p.c.rect(MARGIN, p.y - 4.2, 1.6, 5.0);
    p.c.fill();
    p.c.text(title, MARGIN + 3.5, p.y, Align::Left, &st);
    p.y += 4.0;
}

fn header_row(c: &mut Canvas, cols: &[(String, f32, bool)], y: f32) {
    let w: f32 = cols.iter().map(|c| c.1).sum();
    c.fill_color(SHADE);
    c.rect(MARGIN, y, w, ROW_H);
    c.fill();
    let hs = Style::new(Family::Sans, 9.0, INK).bold(0.02);
    let mut x = MARGIN;
    for (label, cw, _) in cols {
        c.text(
            label,
            x + cw / 2.0,
            y + ROW_H / 2.0 + 1.2,
            Align::Center,
            &hs,
        );
        x += cw;
    }
}

fn grid(c: &mut Canvas, cols: &[(String, f32, bool)], top: f32, rows: usize) {
    let w: f32 = cols.iter().map(|c| c.1).sum();
    let h = ROW_H * (rows + 1) as f32;
    c.stroke_color(RULE);
    c.line_width(0.3);
    c.rect(MARGIN, top, w, h);
    c.stroke();
    c.line_width(0.15);
    for i in 1..=rows {
        c.move_to(MARGIN, top + ROW_H * i as f32);
        c.line_to(MARGIN + w, top + ROW_H * i as f32);
    }
    let mut x = MARGIN;
    for (_, cw, _) in &cols[..cols.len() - 1] {
        x += cw;
        c.move_to(x, top);
        c.line_to(x, top + h);
    }
    c.stroke();
}

fn table<'a>(p: &mut Pages<'a>, doc: &Doc<'a>, t: &ReportTable) -> Result<(), Fail> {
    section(p, doc, &t.title);
    if t.rows.is_empty() {
        let st = Style::new(Family::Sans, 9.5, GREY);
        p.y += 5.0;
        p.c.text(&t.empty, MARGIN + 3.5, p.y, Align::Left, &st);
        p.y += 3.0;
        return Ok(());
    }
    let vs = Style::new(Family::Serif, 9.0, INK);
    let mut i = 0;
    while i < t.rows.len() {
        p.room(doc, ROW_H * 2.0);
        let top = p.y;
        header_row(&mut p.c, &t.columns, top);
        let fit = (((BOTTOM - top) / ROW_H) as usize).saturating_sub(1).max(1);
        let chunk = &t.rows[i..(i + fit).min(t.rows.len())];
        for (k, r) in chunk.iter().enumerate() {
            let y = top + ROW_H * (k + 1) as f32;
            let mut x = MARGIN;
            for (text, (_, cw, centred)) in r.iter().zip(&t.columns) {
                let align = if *centred { Align::Center } else { Align::Left };
                cell(&mut p.c, text, x, y, *cw, ROW_H, &vs, align, "表格内容")?;
                x += cw;
            }
        }
        grid(&mut p.c, &t.columns, top, chunk.len());
        p.y = top + ROW_H * (chunk.len() + 1) as f32 + 2.0;
        i += chunk.len();
    }
    Ok(())
}

fn figures(p: &mut Pages, items: &[(String, String)]) {
    let (cols, gap, bh) = (4usize, 4.0, 19.0);
    let bw = (A4_W - 2.0 * MARGIN - gap * (cols - 1) as f32) / cols as f32;
    let num = Style::new(Family::Sans, 17.0, BAR[0]).bold(0.04);
    let label = Style::new(Family::Sans, 8.5, GREY);
    for (i, (l, v)) in items.iter().enumerate() {
        let (r, k) = (i / cols, i % cols);
        let x = MARGIN + k as f32 * (bw + gap);
        let y = p.y + r as f32 * (bh + gap);
        p.c.fill_color(Rgb(0xFB, 0xF3, 0xEE));
        p.c.rounded_rect(x, y, bw, bh, 2.0);
        p.c.fill();
        let size = p.c.fit(v, bw - 4.0, &num, 9.0).unwrap_or(9.0);
        p.c.text(v, x + bw / 2.0, y + 10.0, Align::Center, &num.size(size));
        let ls = p.c.fit(l, bw - 3.0, &label, 6.0).unwrap_or(6.0);
        p.c.text(l, x + bw / 2.0, y + 15.8, Align::Center, &label.size(ls));
    }
    let rows = items.len().div_ceil(cols);
    p.y += rows as f32 * (bh + gap);
}

/// Stacked horizontal bars of person-times per service type, with a legend.
fn chart<'a>(p: &mut Pages<'a>, doc: &Doc<'a>, rows: &[ReportTypeRow]) {
    section(p, doc, "按服务类型（人次）");
    let legend = Style::new(Family::Sans, 8.5, GREY);
    let mut lx = MARGIN + 3.5;
    p.y += 4.0;
    for (i, l) in ["会员", "未入会人员", "按人次登记的活动"]
        .iter()
        .enumerate()
    {
        p.c.fill_color(BAR[i]);
        p.c.rect(lx, p.y - 2.6, 3.0, 3.0);
        p.c.fill();
        p.c.text(l, lx + 4.2, p.y, Align::Left, &legend);
        lx += 6.0 + p.c.width(l, &legend) + 4.0;
    }
    p.y += 3.0;
    let max = rows
        .iter()
        .map(|r| r.member_times + r.non_member_times + r.aggregate_times)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let (label_w, bar_w, rh) = (34.0, A4_W - 2.0 * MARGIN - 34.0 - 18.0, 7.0);
    let ls = Style::new(Family::Sans, 9.0, INK);
    for r in rows {
        p.room(doc, rh);
        let y = p.y;
        let size =
            p.c.fit(&r.service_type, label_w - 2.0, &ls, 6.5)
                .unwrap_or(6.5);
        p.c.text(
            &r.service_type,
            MARGIN + label_w - 2.0,
            y + 4.6,
            Align::Right,
            &ls.size(size),
        );
        let mut x = MARGIN + label_w;
        for (i, v) in [r.member_times, r.non_member_times, r.aggregate_times]
            .into_iter()
            .enumerate()
        {
            let w = bar_w * v as f32 / max;
            if w > 0.0 {
                p.c.fill_color(BAR[i]);
                p.c.rect(x, y + 1.2, w, rh - 2.4);
                p.c.fill();
                x += w;
            }
        }
        let total = r.member_times + r.non_member_times + r.aggregate_times;
        p.c.text(&total.to_string(), x + 1.5, y + 4.6, Align::Left, &ls);
        p.y += rh;
    }
    if rows.is_empty() {
        p.c.text(
            "本月没有服务记录",
            MARGIN + 3.5,
            p.y + 4.0,
            Align::Left,
            &legend,
        );
        p.y += 6.0;
    }
}

fn check(fonts: &Fonts, r: &PostReport) -> Result<(), PrintError> {
    let who = clean(&r.post_name);
    if who.is_empty() {
        return Err(PrintError::Empty {
            who: "（未命名阵地）".into(),
            doc: DOC,
            field: "阵地名称",
        });
    }
    let mut texts: Vec<&str> = vec![&r.month, &r.subtitle, &r.address, &r.issuer];
    texts.extend(r.figures.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]));
    texts.extend(r.by_type.iter().map(|t| t.service_type.as_str()));
    for t in &r.tables {
        texts.push(&t.title);
        texts.push(&t.empty);
        texts.extend(t.columns.iter().map(|c| c.0.as_str()));
    }
    missing(fonts, Family::Sans, &texts, &who, DOC)?;
    let cells: Vec<&str> = r
        .tables
        .iter()
        .flat_map(|t| t.rows.iter().flatten().map(String::as_str))
        .collect();
    missing(fonts, Family::Serif, &cells, &who, DOC)
}

/// Make the monthly report of a post.
pub fn post_report_pdf(fonts: &Fonts, r: &PostReport) -> Result<Pdf, PrintError> {
    check(fonts, r)?;
    let name = clean(&r.post_name);
    let title = format!("{name} 服务情况月报");
    let mut doc = Doc::new(fonts, &title, &[Family::Serif, Family::Sans]);
    let first = doc.canvas(A4_H);
    let mut p = Pages {
        done: Vec::new(),
        c: first,
        y: 0.0,
    };
    let too_long = |(field, text): Fail| PrintError::TooLong {
        who: name.clone(),
        doc: DOC,
        field,
        text,
    };
    let ts = Style::new(Family::Sans, 18.0, INK).bold(0.04).spacing(0.6);
    let size =
        p.c.fit(&title, A4_W - 2.0 * MARGIN, &ts, 11.0)
            .ok_or(("阵地名称", name.clone()))
            .map_err(too_long)?;
    p.c.text(&title, A4_W / 2.0, 22.0, Align::Center, &ts.size(size));
    let sub = Style::new(Family::Sans, 10.0, GREY);
    let line = format!("{}　{}", clean(&r.month), clean(&r.subtitle));
    let s =
        p.c.fit(&line, A4_W - 2.0 * MARGIN, &sub, 7.0)
            .unwrap_or(7.0);
    p.c.text(&line, A4_W / 2.0, 30.0, Align::Center, &sub.size(s));
    let meta = Style::new(Family::Sans, 8.5, GREY);
    let address = clean(&r.address);
    if !address.is_empty() {
        let a = format!("地址：{address}");
        let s = p.c.fit(&a, 110.0, &meta, 6.0).unwrap_or(6.0);
        p.c.text(&a, MARGIN, 38.0, Align::Left, &meta.size(s));
    }
    p.c.text(
        &format!("制表日期：{}", cn_date(r.date)),
        A4_W - MARGIN,
        38.0,
        Align::Right,
        &meta,
    );
    p.c.stroke_color(BAR[0]);
    p.c.line_width(0.6);
    p.c.move_to(MARGIN, 41.0);
    p.c.line_to(A4_W - MARGIN, 41.0);
    p.c.stroke();
    p.y = 45.0;
    figures(&mut p, &r.figures);
    chart(&mut p, &doc, &r.by_type);
    let type_table = ReportTable {
        title: "服务人次明细".into(),
        columns: [
            ("服务类型", 50.0),
            ("服务人次", 31.0),
            ("会员", 31.0),
            ("未入会人员", 31.0),
            ("活动（按人次）", 31.0),
        ]
        .iter()
        .map(|(l, w)| (l.to_string(), *w, true))
        .collect(),
        rows: r
            .by_type
            .iter()
            .map(|t| {
                let total = t.member_times + t.non_member_times + t.aggregate_times;
                vec![
                    t.service_type.clone(),
                    total.to_string(),
                    t.member_times.to_string(),
                    t.non_member_times.to_string(),
                    t.aggregate_times.to_string(),
                ]
            })
            .collect(),
        empty: "本月没有服务记录".into(),
    };
    table(&mut p, &doc, &type_table).map_err(too_long)?;
    for t in &r.tables {
        table(&mut p, &doc, t).map_err(too_long)?;
    }
    let mut pages = p.done;
    pages.push(p.c);
    let n = pages.len();
    let issuer = clean(&r.issuer);
    for (i, mut c) in pages.into_iter().enumerate() {
        let foot = Style::new(Family::Sans, 8.0, GREY);
        if !issuer.is_empty() {
            c.text(
                &format!("制表单位：{issuer}"),
                MARGIN,
                A4_H - 10.0,
                Align::Left,
                &foot,
            );
        }
        c.text(
            &format!("第 {} 页 / 共 {n} 页", i + 1),
            A4_W - MARGIN,
            A4_H - 10.0,
            Align::Right,
            &foot,
        );
        let ops = c.take_ops();
        doc.add_page(A4_W, A4_H, ops);
    }

    Ok(doc.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        let dir =
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/fonts");
        Fonts::from_dir(dir).expect("assets/fonts holds the shipped fonts")
    }

    fn report(tickets: usize) -> PostReport {
        PostReport {
            post_name: "城关镇司机之家".into(),
            month: "2026年7月".into(),
            subtitle: "司机之家　城关镇工会　运营中".into(),
            address: "G109国道城关段".into(),
            figures: vec![("服务人次".into(), "203".into())],
            by_type: vec![ReportTypeRow {
                service_type: "送清凉".into(),
                member_times: 1,
                non_member_times: 2,
                aggregate_times: 200,
            }],
            tables: vec![ReportTable {
                title: "诉求工单".into(),
                columns: vec![
                    ("受理日期".into(), 40.0, true),
                    ("诉求内容".into(), 134.0, false),
                ],
                rows: (0..tickets)
                    .map(|i| vec!["2026-07-01".to_string(), format!("第{i}件诉求")])
                    .collect(),
                empty: "本月没有诉求工单".into(),
            }],
            issuer: "城关镇工会".into(),
            date: NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        }
    }

    #[test]
    fn same_input_same_bytes_and_long_tables_continue_on_new_pages() {
        let f = fonts();
        let a = post_report_pdf(&f, &report(3)).unwrap();
        assert_eq!(a.bytes, post_report_pdf(&f, &report(3)).unwrap().bytes);
        assert_eq!(a.pages, 1);
        let long = post_report_pdf(&f, &report(80)).unwrap();
        assert!(long.pages >= 3, "80 rows span pages: {}", long.pages);
    }

    #[test]
    fn a_character_no_font_has_is_refused_naming_the_post() {
        let mut r = report(1);
        r.tables[0].rows[0][1] = "\u{E000}".into();
        let e = post_report_pdf(&fonts(), &r).unwrap_err();
        assert!(matches!(e, PrintError::MissingGlyph { ref who, .. } if who == "城关镇司机之家"));
    }
}
