//! Sample data shared by the tests, the example and the benchmark.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use ledger_print::{
    verify_link, Application, Certificate, Fonts, Poster, PosterSize, PosterTemplate, Roster,
    RosterRow,
};

pub const KEY: &[u8; 32] = b"test key: 32 bytes of office key";
pub const BASE: &str = "https://ghj.example.cn/ledger";

/// The shipped fonts, parsed once per test binary.
pub fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/fonts");
        Fonts::from_dir(dir).expect("assets/fonts holds the shipped fonts")
    })
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn cert(name: &str, no: &str, org: &str) -> Certificate {
    Certificate {
        name: name.into(),
        member_no: no.into(),
        org_name: org.into(),
        join_date: date(2026, 11, 20),
        issuer: "城关镇总工会".into(),
        issue_date: date(2026, 11, 23),
        verify_url: verify_link(BASE, no, KEY),
        photo: None,
        seal: None,
    }
}

/// The names of the reference sheet: common, rare (Ext A and Ext B) and long.
pub fn sheet() -> Vec<Certificate> {
    let people = [
        ("王建国", "城关镇货车司机联合工会"),
        ("李䶮", "城关镇快递物流行业工会联合会"),
        ("张㛃", "金崖镇新业态劳动者工会"),
        ("𠮷祥", "城关镇货车司机联合工会"),
        ("陈𡈼", "榆中县外卖配送员工会联合会"),
        (
            "欧阳晓燕",
            "甘肃省兰州市榆中县城关镇新时代网约车司机工会联合会",
        ),
        ("阿卜杜热合曼·买买提", "夏官营镇家政服务员工会"),
        ("赵四", "城关镇货车司机联合工会"),
        ("刘德华", "定远镇保安员工会"),
        ("孙丽", "城关镇快递物流行业工会联合会"),
    ];
    people
        .iter()
        .enumerate()
        .map(|(i, (n, o))| cert(n, &format!("62042126{:05}", i + 1), o))
        .collect()
}

pub fn seal_png() -> Vec<u8> {
    ledger_print::sample::sample_seal_png()
}

pub fn photo_png() -> Vec<u8> {
    ledger_print::sample::sample_photo_png()
}

pub fn poster(template: PosterTemplate, size: PosterSize) -> Poster {
    Poster {
        org_name: "城关镇货车司机联合工会".into(),
        headline: "货车司机朋友们，欢迎加入工会！".into(),
        steps: Poster::default_steps(),
        benefits: vec![
            "司机之家免费休息、热水、充电".into(),
            "互助保障、免费体检".into(),
            "法律援助，维护劳动权益".into(),
            "技能培训、四季送温暖".into(),
        ],
        contact_phone: "0931-5212345".into(),
        join_url: "https://ghj.example.cn/join/620421001".into(),
        size,
        template,
    }
}

pub fn application(name: &str) -> Application {
    Application {
        name: name.into(),
        gender: "男".into(),
        birth_date: Some(date(1986, 4, 12)),
        ethnicity: "汉族".into(),
        id_number: "620421198604120017".into(),
        phone: "13893100001".into(),
        occupation_group: "货车司机".into(),
        employer: "兰州顺达物流有限公司（满帮平台）".into(),
        address: "甘肃省兰州市榆中县城关镇栖云北路12号".into(),
        org_name: "城关镇货车司机联合工会".into(),
        date: date(2026, 11, 23),
        member_no: "6204212600002".into(),
        photo: None,
    }
}

/// A roster of the reference sheet's people, IDs and phones masked.
pub fn roster(signature_column: bool) -> Roster {
    Roster {
        title: "2026年11月23日集中入会仪式 签到表".into(),
        subtitle: "城关镇总工会".into(),
        date: date(2026, 11, 23),
        rows: sheet()
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
            .collect(),
        signature_column,
    }
}
