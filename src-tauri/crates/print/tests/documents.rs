//! What the document functions refuse, and what they promise about size.

mod common;

use common::{application, cert, fonts, poster, roster, seal_png, KEY};
use ledger_print::{
    applications_pdf, certificates_pdf, check, poster_pdf, roster_pdf, verify_link, Layout,
    PosterSize, PosterTemplate, PrintError, RosterRow,
};

#[test]
fn empty_batches_and_fields_are_refused() {
    assert_eq!(
        certificates_pdf(fonts(), &[], Layout::Card).unwrap_err(),
        PrintError::Nothing("会员证")
    );
    let mut c = cert("王五", "6204212600001", "城关镇工会");
    c.issuer = "  ".into();
    let e = certificates_pdf(fonts(), &[c], Layout::Card).unwrap_err();
    assert_eq!(e.to_string(), "无法打印“王五”的会员证：发证单位不能为空");
    let mut p = poster(PosterTemplate::Red, PosterSize::A4);
    p.join_url.clear();
    assert_eq!(
        poster_pdf(fonts(), &p).unwrap_err().to_string(),
        "无法打印“城关镇货车司机联合工会”的入会海报：入会链接不能为空"
    );
}

#[test]
fn text_too_long_for_its_place_is_refused_not_cut() {
    let long = "甘肃省兰州市榆中县城关镇新时代货车司机快递员外卖配送员网约车司机家政服务员护工护理员商场信息员保安员房产中介互联网营销师工会联合会";
    let c = cert("王五", "6204212600001", long);
    let e = certificates_pdf(fonts(), &[c], Layout::Card).unwrap_err();
    assert_eq!(e.code(), "too_long");
    assert!(
        e.to_string()
            .starts_with("无法打印“王五”的会员证：所属组织太长"),
        "{e}"
    );
    // Long but real names shrink and wrap.
    let c = cert(
        "王五",
        "6204212600001",
        "甘肃省兰州市榆中县城关镇新时代网约车司机工会联合会",
    );
    assert!(certificates_pdf(fonts(), &[c], Layout::Card).is_ok());
}

#[test]
fn a_bad_seal_is_refused_with_the_person() {
    let mut c = cert("王五", "6204212600001", "城关镇工会");
    c.seal = Some(b"not a png".to_vec());
    let e = certificates_pdf(fonts(), &[c], Layout::A4).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("无法打印“王五”的会员证：公章不是可用的PNG图片"),
        "{e}"
    );
}

#[test]
fn sheets_hold_ten_cards() {
    let certs: Vec<_> = (0..23)
        .map(|i| cert("张三", &format!("62042126{i:05}"), "城关镇工会"))
        .collect();
    assert_eq!(
        certificates_pdf(fonts(), &certs, Layout::Card)
            .unwrap()
            .pages,
        3
    );
    assert_eq!(
        certificates_pdf(fonts(), &certs[..4], Layout::A5)
            .unwrap()
            .pages,
        4
    );
    assert_eq!(Layout::Card.per_page(), 10);
}

#[test]
fn a_batch_stays_small() {
    // 100 cards, one shared seal: the seal is embedded once, the fonts as
    // subsets; about 2 KB a card.
    let certs: Vec<_> = (0..100)
        .map(|i| {
            let mut c = cert(
                ["王建国", "李䶮", "欧阳晓燕", "𠮷祥"][i % 4],
                &format!("62042126{i:05}"),
                "城关镇货车司机联合工会",
            );
            c.seal = Some(seal_png());
            c
        })
        .collect();
    let pdf = certificates_pdf(fonts(), &certs, Layout::Card).unwrap();
    assert_eq!(pdf.pages, 10);
    assert!(pdf.bytes.len() < 400_000, "{} bytes", pdf.bytes.len());
    let one = poster_pdf(fonts(), &poster(PosterTemplate::Blue, PosterSize::A3)).unwrap();
    assert!(one.bytes.len() < 120_000, "{} bytes", one.bytes.len());
}

#[test]
fn output_is_deterministic() {
    let c = vec![cert("王五", "6204212600001", "城关镇工会")];
    let a = certificates_pdf(fonts(), &c, Layout::Card).unwrap();
    let b = certificates_pdf(fonts(), &c, Layout::Card).unwrap();
    assert!(a == b, "two runs differ");
}

#[test]
fn verification_round_trip_through_the_public_api() {
    let link = verify_link("https://ghj.example.cn/ledger", "6204212600001", KEY);
    let v = check(&link, KEY);
    assert!(v.genuine);
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["genuine"], true);
    assert_eq!(json["member_no"], "6204212600001");
}

#[test]
fn forms_refuse_what_they_cannot_print() {
    assert_eq!(
        applications_pdf(fonts(), &[]).unwrap_err(),
        PrintError::Nothing("入会申请书")
    );
    assert_eq!(
        applications_pdf(fonts(), &[application("王\u{30000}")])
            .unwrap_err()
            .to_string(),
        "无法打印“王\u{30000}”的入会申请书：字库中没有“\u{30000}”这个字"
    );
    let mut r = roster(false);
    r.rows.push(RosterRow {
        name: "赵\u{30000}".into(),
        ..Default::default()
    });
    assert_eq!(
        roster_pdf(fonts(), &r).unwrap_err().to_string(),
        "无法打印“赵\u{30000}”的花名册：字库中没有“\u{30000}”这个字"
    );
    r.rows.clear();
    assert_eq!(
        roster_pdf(fonts(), &r).unwrap_err(),
        PrintError::Nothing("花名册")
    );
}

#[test]
fn a_long_roster_runs_over_numbered_pages() {
    let mut r = roster(false);
    let rows = r.rows.clone();
    for _ in 0..4 {
        r.rows.extend(rows.iter().cloned());
    }
    assert_eq!(r.rows.len(), 50);
    assert_eq!(roster_pdf(fonts(), &r).unwrap().pages, 3);
}
