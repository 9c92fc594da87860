//! Sample data shared by the tests, the example and the benchmark.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use ledger_print::{verify_link, Certificate, Fonts, Poster, PosterSize, PosterTemplate};

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

/// A red seal on a transparent background: a ring, a star, an inner ring.
pub fn seal_png() -> Vec<u8> {
    let n = 400usize;
    let mut px = vec![0u8; n * n * 4];
    let c = n as f32 / 2.0;
    // The star's ten vertices, point up.
    let star: Vec<(f32, f32)> = (0..10)
        .map(|i| {
            let r = if i % 2 == 0 { 78.0 } else { 30.0 };
            let a = std::f32::consts::PI * i as f32 / 5.0 - std::f32::consts::FRAC_PI_2;
            (c + r * a.cos(), c - 10.0 + r * a.sin())
        })
        .collect();
    let inside = |x: f32, y: f32| {
        let mut odd = false;
        for i in 0..star.len() {
            let (a, b) = (star[i], star[(i + 1) % star.len()]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                odd = !odd;
            }
        }
        odd
    };
    for y in 0..n {
        for x in 0..n {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let r = ((fx - c).powi(2) + (fy - c).powi(2)).sqrt();
            let ring = (r > 178.0 && r < 194.0) || (r > 150.0 && r < 154.0);
            // A bar under the star, where a seal's name line would be.
            let bar = (fy - 300.0).abs() < 7.0 && (fx - c).abs() < 95.0;
            if ring || bar || inside(fx, fy) {
                let i = (y * n + x) * 4;
                // A little ink texture.
                let t = ((x * 7 + y * 13) % 17) as u8;
                px[i..i + 4].copy_from_slice(&[0xD0, 0x1C + t, 0x1C, 0xD8 - t * 2]);
            }
        }
    }
    encode(n as u32, n as u32, png::ColorType::Rgba, &px)
}

/// A passport-style photo: a blue ground and a grey silhouette.
pub fn photo_png() -> Vec<u8> {
    let (w, h) = (240usize, 320usize);
    let mut px = vec![0u8; w * h * 3];
    for y in 0..h {
        for x in 0..w {
            let (fx, fy) = (x as f32, y as f32);
            let head = ((fx - 120.0) / 52.0).powi(2) + ((fy - 130.0) / 64.0).powi(2) < 1.0;
            let body = ((fx - 120.0) / 110.0).powi(2) + ((fy - 330.0) / 120.0).powi(2) < 1.0;
            let col = if head {
                [0xE8, 0xC4, 0xA4]
            } else if body {
                [0x33, 0x3A, 0x48]
            } else {
                [0x43, 0x8E, 0xDB]
            };
            let i = (y * w + x) * 3;
            px[i..i + 3].copy_from_slice(&col);
        }
    }
    encode(w as u32, h as u32, png::ColorType::Rgb, &px)
}

fn encode(w: u32, h: u32, color: png::ColorType, px: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(px).unwrap();
    out
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
