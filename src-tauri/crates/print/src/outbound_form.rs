//! The truck driver's outbound registration form (货车司机外出报告登记表), one
//! trip per A4 page, filled in for the driver's and the reviewers'
//! signatures: the driver, the trip, the family left behind, the emergency
//! contact, and three signature boxes (driver, village union, township union).
//!
//! The caller decides how the citizen ID prints (masked, as PIPL asks for a
//! form that is filed away and circulated for review).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canvas::{Align, Canvas, Rgb, Style, K};
use crate::certificate::{A4_H, A4_W};
use crate::doc::{Doc, Pdf};
use crate::error::PrintError;
use crate::fonts::{clean, Family, Fonts};
use crate::forms::{cell, cn_date, missing, Fail};

const INK: Rgb = Rgb(0x1A, 0x1A, 0x1A);
const RULE: Rgb = Rgb(0x33, 0x33, 0x33);
const GREY: Rgb = Rgb(0x66, 0x66, 0x66);
const SHADE: Rgb = Rgb(0xF2, 0xF2, 0xF2);

const DOC: &str = "外出报告登记表";

/// One trip as it prints. Empty texts print as empty cells for the pen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct OutboundForm {
    /// The union the driver belongs to (a village union), printed under the title.
    pub org_name: String,
    pub name: String,
    pub member_no: String,
    /// As it should print (masked).
    pub id_number: String,
    pub phone: String,
    pub plate_number: String,
    pub vehicle_type: String,
    pub departure: NaiveDate,
    pub expected_return: NaiveDate,
    /// Province, city, county.
    pub destination: String,
    pub address: String,
    /// The logistics park, company or platform there.
    pub park: String,
    pub road_phone: String,
    pub spouse: String,
    pub children: String,
    pub elderly: String,
    pub needs: String,
    pub emergency_name: String,
    pub emergency_relation: String,
    pub emergency_phone: String,
    /// The cadre who took the report.
    pub cadre: String,
    pub reported_on: NaiveDate,
    /// 草稿, 已上报, 已备案, 已退回.
    pub state: String,
    #[serde(default)]
    pub notes: String,
}

/// Registration forms, one A4 page per trip.
pub fn outbound_forms_pdf(fonts: &Fonts, forms: &[OutboundForm]) -> Result<Pdf, PrintError> {
    if forms.is_empty() {
        return Err(PrintError::Nothing(DOC));
    }
    let mut doc = Doc::new(fonts, DOC, &[Family::Serif, Family::Sans]);
    for f in forms {
        let name = clean(&f.name);
        if name.is_empty() {
            return Err(PrintError::Empty {
                who: f.plate_number.clone(),
                doc: DOC,
                field: "姓名",
            });
        }
        let texts: Vec<String> = [
            &f.org_name,
            &f.member_no,
            &f.id_number,
            &f.phone,
            &f.plate_number,
            &f.vehicle_type,
            &f.destination,
            &f.address,
            &f.park,
            &f.road_phone,
            &f.spouse,
            &f.children,
            &f.elderly,
            &f.needs,
            &f.emergency_name,
            &f.emergency_relation,
            &f.emergency_phone,
            &f.cadre,
            &f.state,
            &f.notes,
        ]
        .iter()
        .map(|s| clean(s))
        .collect();
        let mut all: Vec<&str> = texts.iter().map(String::as_str).collect();
        all.push(&name);
        missing(fonts, Family::Serif, &all, &name, DOC)?;
        let mut c = doc.canvas(A4_H);
        page(&mut c, f, &name, &texts).map_err(|(field, text)| PrintError::TooLong {
            who: name.clone(),
            doc: DOC,
            field,
            text,
        })?;
        let ops = c.take_ops();
        doc.add_page(A4_W, A4_H, ops);
    }
    Ok(doc.finish())
}

/// A row of the table: (label, value, share of the width) per pair, and
/// the row's height.
type Line<'r> = (Vec<(&'static str, &'r str, f32)>, f32);

fn page(c: &mut Canvas<'_>, f: &OutboundForm, name: &str, t: &[String]) -> Result<(), Fail> {
    let [org, member_no, id, phone, plate, vehicle, dest, address, park, road, spouse, children, elderly, needs, e_name, e_rel, e_phone, cadre, state, notes] =
        std::array::from_fn(|i| t[i].as_str());
    let title = Style::new(Family::Sans, 20.0, INK).bold(0.03).spacing(1.5);
    c.text(
        "货车司机外出报告登记表",
        A4_W / 2.0,
        24.0,
        Align::Center,
        &title,
    );
    let sub = Style::new(Family::Serif, 10.5, GREY);
    let head = format!("所属工会：{org}");
    let size = c
        .fit(&head, 120.0, &sub, 8.0)
        .ok_or(("所属工会", org.to_string()))?;
    c.text(&head, 18.0, 33.0, Align::Left, &sub.size(size));
    let status = format!("报告状态：{state}");
    c.text(&status, A4_W - 18.0, 33.0, Align::Right, &sub);

    let (x0, w) = (18.0, A4_W - 36.0);
    let lw = 27.0;
    let rh = 9.5;
    let dep = cn_date(f.departure);
    let ret = cn_date(f.expected_return);
    let rep = cn_date(f.reported_on);
    let sections: Vec<(&str, Vec<Line<'_>>)> = vec![
        (
            "司机基本情况",
            vec![
                (vec![("姓名", name, 0.5), ("会员编号", member_no, 0.5)], rh),
                (vec![("身份证号", id, 0.5), ("本人手机", phone, 0.5)], rh),
                (vec![("车牌号", plate, 0.5), ("车辆类型", vehicle, 0.5)], rh),
            ],
        ),
        (
            "外出情况",
            vec![
                (vec![("外出日期", &dep, 0.5), ("预计返回", &ret, 0.5)], rh),
                (vec![("流入地", dest, 1.0)], rh),
                (vec![("详细地址", address, 1.0)], rh),
                (vec![("物流园区\n企业/平台", park, 1.0)], rh),
                (vec![("在外电话", road, 1.0)], rh),
            ],
        ),
        (
            "家庭状况",
            vec![
                (vec![("配偶", spouse, 1.0)], rh),
                (vec![("子女", children, 1.0)], rh),
                (vec![("留守老人", elderly, 1.0)], rh),
                (vec![("需工会帮助\n解决的困难", needs, 1.0)], rh * 1.6),
            ],
        ),
        (
            "紧急联系人",
            vec![
                (vec![("姓名", e_name, 0.5), ("与本人关系", e_rel, 0.5)], rh),
                (vec![("联系电话", e_phone, 1.0)], rh),
            ],
        ),
        (
            "受理登记",
            vec![
                (vec![("受理干部", cadre, 0.5), ("报告日期", &rep, 0.5)], rh),
                (vec![("备注", notes, 1.0)], rh),
            ],
        ),
    ];
    let lab = Style::new(Family::Sans, 10.0, INK);
    let val = Style::new(Family::Serif, 11.0, INK);
    let sec = Style::new(Family::Sans, 10.5, INK).bold(0.02);
    let side = 8.0; // the section's column on the left
    let mut y = 38.0;
    for (heading, lines) in &sections {
        let top = y;
        let total: f32 = lines.iter().map(|(_, h)| h).sum();
        // Shaded section column and label cells.
        c.fill_color(SHADE);
        c.rect(x0, top, side, total);
        let mut yy = top;
        for (cells, h) in lines {
            let mut x = x0 + side;
            for (_, _, share) in cells {
                let vw = (w - side) * share - lw;
                c.rect(x, yy, lw, *h);
                x += lw + vw;
            }
            yy += h;
        }
        c.fill();
        // Section name, one character a line.
        let chars: Vec<char> = heading.chars().collect();
        let step = (total / (chars.len() as f32 + 1.0)).min(5.0);
        let size = (step * K * 0.95).min(9.5);
        let start = top + total / 2.0 - step * (chars.len() as f32 - 1.0) / 2.0 + size / K * 0.36;
        for (i, ch) in chars.iter().enumerate() {
            let s = ch.to_string();
            c.text(
                &s,
                x0 + side / 2.0,
                start + step * i as f32,
                Align::Center,
                &sec.size(size),
            );
        }
        let mut yy = top;
        for (cells, h) in lines {
            let mut x = x0 + side;
            for (label, value, share) in cells {
                let vw = (w - side) * share - lw;
                let parts: Vec<&str> = label.split('\n').collect();
                if parts.len() == 1 {
                    c.text(label, x + lw / 2.0, yy + h / 2.0 + 1.3, Align::Center, &lab);
                } else {
                    let st = lab.size(9.0);
                    c.text(
                        parts[0],
                        x + lw / 2.0,
                        yy + h / 2.0 - 0.8,
                        Align::Center,
                        &st,
                    );
                    c.text(
                        parts[1],
                        x + lw / 2.0,
                        yy + h / 2.0 + 3.2,
                        Align::Center,
                        &st,
                    );
                }
                let field: &'static str = match *label {
                    "需工会帮助\n解决的困难" => "需工会帮助解决的困难",
                    "物流园区\n企业/平台" => "物流园区/企业/平台",
                    l => l,
                };
                let st = if *label == "姓名" && *heading == "司机基本情况" {
                    val.size(12.5).bold(0.02)
                } else {
                    val
                };
                cell(c, value, x + lw, yy, vw, *h, &st, Align::Left, field)?;
                x += lw + vw;
            }
            yy += h;
        }
        // Grid.
        c.stroke_color(RULE);
        c.line_width(0.2);
        c.move_to(x0 + side, top);
        c.line_to(x0 + side, top + total);
        let mut yy = top;
        for (i, (cells, h)) in lines.iter().enumerate() {
            if i > 0 {
                c.move_to(x0 + side, yy);
                c.line_to(x0 + w, yy);
            }
            let mut x = x0 + side;
            for (_, _, share) in cells {
                let vw = (w - side) * share - lw;
                c.move_to(x + lw, yy);
                c.line_to(x + lw, yy + h);
                x += lw + vw;
                if x < x0 + w - 0.1 {
                    c.move_to(x, yy);
                    c.line_to(x, yy + h);
                }
            }
            yy += h;
        }
        c.stroke();
        c.line_width(0.3);
        c.rect(x0, top, w, total);
        c.stroke();
        y = top + total;
    }

    // The driver's promise, then three signature boxes.
    let body = Style::new(Family::Serif, 11.0, INK);
    let promise = "本人承诺以上信息真实准确。外出期间保持联系电话畅通，行程或联系方式变化时及时告知村（社区）工会，遵守交通安全法规，安全驾驶、文明出行。";
    y += 9.0;
    for (i, l) in c.wrap(promise, w - 8.0, &body).iter().enumerate() {
        c.text(
            l,
            x0 + if i == 0 { 8.0 } else { 0.0 },
            y,
            Align::Left,
            &body,
        );
        y += 6.5;
    }
    let by = y + 1.0;
    let bh = A4_H - 16.0 - by;
    let bw = w / 3.0;
    let boxes = [
        ("司机本人", "签名："),
        ("村（社区）工会审核意见", "审核人签名（盖章）："),
        ("乡镇（街道）工会审核备案意见", "审核人签名（盖章）："),
    ];
    let bh_style = Style::new(Family::Sans, 10.0, INK).bold(0.02);
    let small = Style::new(Family::Serif, 10.0, INK);
    c.stroke_color(RULE);
    c.line_width(0.3);
    for i in 0..3 {
        c.rect(x0 + bw * i as f32, by, bw, bh);
    }
    c.stroke();
    for (i, (headline, signer)) in boxes.iter().enumerate() {
        let bx = x0 + bw * i as f32;
        c.text(headline, bx + 3.0, by + 7.0, Align::Left, &bh_style);
        c.text(signer, bx + 3.0, by + bh - 13.0, Align::Left, &small);
        c.text(
            "年    月    日",
            bx + bw - 4.0,
            by + bh - 4.0,
            Align::Right,
            &small,
        );
    }
    let foot = Style::new(Family::Sans, 8.0, GREY);
    c.text(
        "本表一式两份，村（社区）工会、乡镇（街道）工会各存一份。",
        x0,
        A4_H - 10.0,
        Align::Left,
        &foot,
    );
    Ok(())
}
