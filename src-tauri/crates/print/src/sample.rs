//! Sample data: a deterministic batch of realistic certificates, a seal and
//! a photo, for benchmarks (`ledger bench`), demos and tests.

use chrono::NaiveDate;

use crate::certificate::Certificate;
use crate::verify::verify_link;

/// The key the samples are signed with (never an office's real key).
pub const SAMPLE_KEY: &[u8; 32] = b"sample key, not for real offices";
/// The verification base URL of the samples.
pub const SAMPLE_BASE: &str = "https://ghj.example.cn/ledger";

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "欧阳", "司马", "上官", "诸葛",
];
const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕\
    文博宇轩浩然子涵梓萱欣怡雨桐思远嘉豪俊杰晓东晓燕红梅春生秋菊德胜永福长林玉兰丽华金凤\
    振华国庆卫东小龙小虎大鹏鹏飞晨阳佳琪诗雨一鸣天佑瑞祥福贵荣富宝山成林鑫淼森焱垚䶮㛃";
const ORGS: &[&str] = &[
    "城关镇货车司机联合工会",
    "城关镇快递物流行业工会联合会",
    "金崖镇新业态劳动者工会",
    "榆中县外卖配送员工会联合会",
    "夏官营镇家政服务员工会",
    "定远镇保安员工会",
    "县总工会新就业形态劳动者入会周转站",
    "甘肃省兰州市榆中县城关镇新时代网约车司机工会联合会",
];

/// `n` certificates with varied names (one in twenty has a rare character),
/// eight organisations, signed links, and one shared seal.
pub fn sample_certificates(n: usize) -> Vec<Certificate> {
    let given: Vec<char> = GIVEN.chars().filter(|c| !c.is_whitespace()).collect();
    let mut seed: u64 = 0x5EED_2026;
    let mut next = move |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % m
    };
    let seal = sample_seal_png();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    (0..n)
        .map(|i| {
            let mut name = SURNAMES[next(SURNAMES.len())].to_string();
            for _ in 0..1 + next(2) {
                name.push(given[next(given.len())]);
            }
            if i % 20 == 7 {
                name.push(['䶮', '㛃', '𠮷', '𡈼'][next(4)]);
            }
            let member_no = format!("62042126{:05}", i + 1);
            Certificate {
                name,
                org_name: ORGS[next(ORGS.len())].to_string(),
                join_date: start + chrono::Days::new(next(320) as u64),
                issuer: "城关镇总工会".into(),
                issue_date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
                verify_url: verify_link(SAMPLE_BASE, &member_no, SAMPLE_KEY),
                member_no,
                photo: None,
                seal: Some(seal.clone()),
            }
        })
        .collect()
}

/// A red seal on a transparent background: a ring, a star, an inner ring.
pub fn sample_seal_png() -> Vec<u8> {
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
pub fn sample_photo_png() -> Vec<u8> {
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
    enc.write_header()
        .expect("PNG encodes in memory")
        .write_image_data(px)
        .expect("PNG encodes in memory");
    out
}
