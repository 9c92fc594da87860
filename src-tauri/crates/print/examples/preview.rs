//! Write sample documents to a folder for a look:
//! `cargo run -p ledger-print --example preview -- /tmp/preview`
#[path = "../tests/common/mod.rs"]
mod common;

use ledger_print::{
    applications_pdf, certificates_pdf, poster_pdf, roster_pdf, Application, Layout, PosterSize,
    PosterTemplate, Roster, RosterRow,
};

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "preview".into()));
    std::fs::create_dir_all(&out).unwrap();
    let t = std::time::Instant::now();
    let fonts = common::fonts();
    println!("fonts parsed in {:?}", t.elapsed());
    let mut certs = common::sheet();
    for (i, c) in certs.iter_mut().enumerate() {
        c.seal = Some(common::seal_png());
        if i % 3 == 1 {
            c.photo = Some(common::photo_png());
        }
    }
    for (layout, name) in [
        (Layout::Card, "cards"),
        (Layout::A4, "a4"),
        (Layout::A5, "a5"),
    ] {
        let t = std::time::Instant::now();
        let pdf = certificates_pdf(fonts, &certs, layout).unwrap();
        std::fs::write(out.join(format!("{name}.pdf")), &pdf.bytes).unwrap();
        println!(
            "{name}: {} pages, {} bytes, {:?}",
            pdf.pages,
            pdf.bytes.len(),
            t.elapsed()
        );
    }
    for t in [
        PosterTemplate::Red,
        PosterTemplate::Blue,
        PosterTemplate::Ink,
    ] {
        for s in [PosterSize::A4, PosterSize::A3] {
            match poster_pdf(fonts, &common::poster(t, s)) {
                Ok(pdf) => {
                    std::fs::write(
                        out.join(format!("poster-{t:?}-{s:?}.pdf").to_lowercase()),
                        &pdf.bytes,
                    )
                    .unwrap();
                }
                Err(e) => println!("poster {t:?} {s:?}: {e}"),
            }
        }
    }
    // A poster with everything at its longest.
    let mut stress = common::poster(PosterTemplate::Red, PosterSize::A4);
    stress.org_name = "甘肃省兰州市榆中县城关镇新时代货车司机快递员外卖配送员联合工会委员会".into();
    stress.headline = "货车司机、快递小哥、外卖骑手朋友们：\n工会是你们的家，扫码就能加入！".into();
    stress.steps = ["扫码", "填写个人信息", "工会审核", "发放会员证", "享受服务"]
        .map(String::from)
        .to_vec();
    stress.benefits = (1..=8)
        .map(|i| format!("第{i}项好处：司机之家免费歇脚、热水、充电、洗衣、阅读"))
        .collect();
    let pdf = poster_pdf(fonts, &stress).unwrap();
    std::fs::write(out.join("poster-stress.pdf"), &pdf.bytes).unwrap();
    let app = Application {
        name: "李䶮".into(),
        gender: "男".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(1986, 4, 12),
        ethnicity: "汉族".into(),
        id_number: "620421198604120017".into(),
        phone: "13893100001".into(),
        occupation_group: "货车司机".into(),
        employer: "兰州顺达物流有限公司（满帮平台）".into(),
        address: "甘肃省兰州市榆中县城关镇栖云北路12号".into(),
        org_name: "城关镇货车司机联合工会".into(),
        date: common::date(2026, 11, 23),
        member_no: "6204212600002".into(),
        photo: Some(common::photo_png()),
    };
    let mut plain = app.clone();
    plain.photo = None;
    plain.name = "欧阳晓燕".into();
    plain.member_no.clear();
    let pdf = applications_pdf(fonts, &[app, plain]).unwrap();
    std::fs::write(out.join("applications.pdf"), &pdf.bytes).unwrap();
    let rows: Vec<RosterRow> = ledger_print::sample::sample_certificates(40)
        .into_iter()
        .enumerate()
        .map(|(i, c)| RosterRow {
            name: c.name,
            gender: if i % 3 == 0 { "女" } else { "男" }.into(),
            id_number: format!("620421********{:04}", 1000 + i * 37),
            phone: format!("138****{:04}", 2000 + i * 53),
            occupation_group: ["货车司机", "快递员", "外卖配送员", "网约车司机"][i % 4].into(),
            employer: c.org_name,
            join_date: Some(c.join_date),
            member_no: c.member_no,
        })
        .collect();
    for (sig, name) in [(false, "roster"), (true, "attendance")] {
        let r = Roster {
            title: if sig {
                "2026年11月23日集中入会仪式 签到表".into()
            } else {
                "城关镇货车司机联合工会 会员花名册".into()
            },
            subtitle: "城关镇总工会".into(),
            date: common::date(2026, 11, 23),
            rows: rows.clone(),
            signature_column: sig,
        };
        let pdf = roster_pdf(fonts, &r).unwrap();
        std::fs::write(out.join(format!("{name}.pdf")), &pdf.bytes).unwrap();
        println!("{name}: {} pages", pdf.pages);
    }
}
