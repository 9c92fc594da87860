//! The outbound registration form (外出报告登记表) as a reader sees it:
//! real text by pdftotext, one page per trip, a page rendered by pdftoppm.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{date, fonts};
use ledger_print::{outbound_forms_pdf, OutboundForm, PrintError};

pub fn form(name: &str) -> OutboundForm {
    OutboundForm {
        org_name: "东湾村工会".into(),
        name: name.into(),
        member_no: "6204212600012".into(),
        id_number: "620421********0011".into(),
        phone: "13800138000".into(),
        plate_number: "甘D12345".into(),
        vehicle_type: "重型半挂牵引车".into(),
        departure: date(2026, 10, 1),
        expected_return: date(2027, 4, 1),
        destination: "新疆维吾尔自治区乌鲁木齐市米东区".into(),
        address: "米东区古牧地东路西段".into(),
        park: "新疆国际陆港物流园".into(),
        road_phone: "13900139000".into(),
        spouse: "妻子在家务农".into(),
        children: "一子，就读靖远二中初二".into(),
        elderly: "母亲七十二岁，独居".into(),
        needs: "孩子冬季取暖费有困难，希望工会了解".into(),
        emergency_name: "李秀兰".into(),
        emergency_relation: "配偶".into(),
        emergency_phone: "13700137000".into(),
        cadre: "王干事".into(),
        reported_on: date(2026, 9, 28),
        state: "已备案".into(),
        notes: "每月初与家属电话联系一次".into(),
    }
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("outbound-form");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("poppler-utils installed");
    assert!(out.status.success(), "{cmd:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn one_page_per_trip_with_real_text() {
    let pdf = outbound_forms_pdf(fonts(), &[form("张建军"), form("马占福")]).unwrap();
    assert_eq!(pdf.pages, 2);
    let path = out_dir().join("forms.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let text = run(Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-"));
    let flat: String = text.split_whitespace().collect();
    for want in [
        "货车司机外出报告登记表",
        "张建军",
        "马占福",
        "620421********0011",
        "甘D12345",
        "新疆维吾尔自治区乌鲁木齐市米东区",
        "新疆国际陆港物流园",
        "13900139000",
        "李秀兰",
        "司机本人",
        "乡镇（街道）工会审核备案意见",
        "2026年10月1日",
        "每月初与家属电话联系一次",
    ] {
        assert!(flat.contains(want), "{want} missing from:\n{text}");
    }
    assert!(!flat.contains("620421198501010011"));
    // Page 1 for a look (the reviewed picture is not pinned: see the PNG).
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg(out_dir().join("page")));
    assert_eq!(
        pdf.bytes,
        outbound_forms_pdf(fonts(), &[form("张建军"), form("马占福")])
            .unwrap()
            .bytes
    );
}

#[test]
fn refuses_what_it_cannot_print() {
    assert_eq!(
        outbound_forms_pdf(fonts(), &[]).unwrap_err(),
        PrintError::Nothing("外出报告登记表")
    );
    let blank = outbound_forms_pdf(fonts(), &[form(" ")]).unwrap_err();
    assert!(matches!(
        blank,
        PrintError::Empty {
            field: "姓名", ..
        }
    ));
    let rare = outbound_forms_pdf(
        fonts(),
        &[OutboundForm {
            park: "\u{E000}园".into(),
            ..form("张建军")
        }],
    );
    assert!(matches!(rare, Err(PrintError::MissingGlyph { .. })));
    let long = "很长的地址".repeat(30);
    let too_long = outbound_forms_pdf(
        fonts(),
        &[OutboundForm {
            address: long,
            ..form("张建军")
        }],
    );
    assert!(matches!(
        too_long,
        Err(PrintError::TooLong {
            field: "详细地址",
            ..
        })
    ));
}
