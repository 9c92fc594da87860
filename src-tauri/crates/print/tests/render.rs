//! The PDFs as a reader sees them: rendered by poppler (pdftoppm) and
//! compared with reviewed reference images, fonts listed by pdffonts, text
//! extracted by pdftotext, QR codes decoded by zbarimg.
//!
//! Needs Debian's poppler-utils and zbar-tools. Reference images live in
//! tests/reference/ (36 dpi); after a deliberate change of the design, look
//! at the new pages and rewrite them with
//! `LEDGER_PRINT_BLESS=1 cargo test -p ledger-print --test render`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{application, cert, fonts, photo_png, poster, roster, seal_png, sheet, KEY};
use ledger_print::{
    applications_pdf, certificates_pdf, check, poster_pdf, roster_pdf, Certificate, Layout,
    PosterSize, PosterTemplate,
};

fn tool(name: &str) -> Command {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "{name} is missing: apt-get install poppler-utils zbar-tools"
    );
    Command::new(name)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("tool runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("ledger-print")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_pdf(dir: &Path, bytes: &[u8]) -> PathBuf {
    let path = dir.join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Render one page to PNG at `dpi`; returns the file.
fn render(pdf: &Path, page: usize, dpi: u32) -> PathBuf {
    let prefix = pdf.with_file_name(format!("p{page}-{dpi}"));
    run(tool("pdftoppm")
        .args(["-png", "-singlefile", "-r", &dpi.to_string()])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix));
    prefix.with_extension("png")
}

fn text_of(pdf: &Path) -> String {
    run(tool("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-"))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let rgb = match info.color_type {
        png::ColorType::Rgb => buf,
        png::ColorType::Rgba => buf
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|g| [*g, *g, *g]).collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (info.width, info.height, rgb)
}

/// Compare a rendered page with its reference: same size, mean difference
/// under 2 levels, and under 1% of pixels off by more than 48 levels.
fn matches_reference(rendered: &Path, name: &str) {
    let reference = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name);
    if std::env::var_os("LEDGER_PRINT_BLESS").is_some() || !reference.exists() {
        std::fs::create_dir_all(reference.parent().unwrap()).unwrap();
        std::fs::copy(rendered, &reference).unwrap();
        eprintln!("wrote reference {}", reference.display());
        if std::env::var_os("LEDGER_PRINT_BLESS").is_none() {
            panic!("no reference image {name}: written now, look at it and commit it");
        }
        return;
    }
    let (w1, h1, a) = decode_png(rendered);
    let (w2, h2, b) = decode_png(&reference);
    assert_eq!((w1, h1), (w2, h2), "{name}: page size changed");
    let mut sum = 0u64;
    let mut off = 0usize;
    for (pa, pb) in a.chunks_exact(3).zip(b.chunks_exact(3)) {
        let d = pa
            .iter()
            .zip(pb)
            .map(|(x, y)| x.abs_diff(*y))
            .max()
            .unwrap();
        sum += u64::from(d);
        if d > 48 {
            off += 1;
        }
    }
    let n = (w1 * h1) as usize;
    let mean = sum as f64 / n as f64;
    let share = off as f64 / n as f64;
    assert!(
        mean < 2.0 && share < 0.01,
        "{name}: differs from the reference (mean {mean:.2}, {:.2}% of pixels); rendered: {}",
        share * 100.0,
        rendered.display()
    );
}

fn dressed_sheet() -> Vec<Certificate> {
    let mut certs = sheet();
    for (i, c) in certs.iter_mut().enumerate() {
        c.seal = Some(seal_png());
        if i % 3 == 1 {
            c.photo = Some(photo_png());
        }
    }
    certs
}

fn fonts_are_embedded_subsets(pdf: &Path, expected: &str) {
    let list = run(tool("pdffonts").arg(pdf));
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{list}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "not an embedded subset with ToUnicode: {row}"
        );
        let name = cols[0];
        let (tag, base) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        if expected.is_empty() {
            assert!(
                base == "NotoSerifCJKsc-Regular" || base == "NotoSansCJKsc-Regular",
                "{name}"
            );
        } else {
            assert_eq!(base, expected);
        }
    }
}

#[test]
fn card_sheet_renders_as_reviewed() {
    let dir = scratch("cards");
    let pdf = certificates_pdf(fonts(), &dressed_sheet(), Layout::Card).unwrap();
    assert_eq!(pdf.pages, 1);
    let path = write_pdf(&dir, &pdf.bytes);
    matches_reference(&render(&path, 1, 36), "cards.png");
}

#[test]
fn ceremony_certificates_render_as_reviewed() {
    let certs = dressed_sheet();
    for (layout, name) in [(Layout::A4, "a4"), (Layout::A5, "a5")] {
        let dir = scratch(name);
        let pdf = certificates_pdf(fonts(), &certs[..3], layout).unwrap();
        assert_eq!(pdf.pages, 3);
        let path = write_pdf(&dir, &pdf.bytes);
        // Page 2 has a photo, page 1 none.
        matches_reference(&render(&path, 1, 36), &format!("{name}-1.png"));
        matches_reference(&render(&path, 2, 36), &format!("{name}-2.png"));
    }
}

#[test]
fn posters_render_as_reviewed() {
    for t in PosterTemplate::ALL {
        let dir = scratch(&format!("poster-{t:?}"));
        let pdf = poster_pdf(fonts(), &poster(t, PosterSize::A4)).unwrap();
        assert_eq!(pdf.pages, 1);
        let path = write_pdf(&dir, &pdf.bytes);
        matches_reference(
            &render(&path, 1, 36),
            &format!("poster-{}.png", format!("{t:?}").to_lowercase()),
        );
    }
}

#[test]
fn fonts_are_embedded_subsets_only() {
    let dir = scratch("fonts");
    let cards = write_pdf(
        &dir,
        &certificates_pdf(fonts(), &dressed_sheet(), Layout::Card)
            .unwrap()
            .bytes,
    );
    fonts_are_embedded_subsets(&cards, "NotoSerifCJKsc-Regular");
    let dir = scratch("fonts-poster");
    let p = write_pdf(
        &dir,
        &poster_pdf(fonts(), &poster(PosterTemplate::Red, PosterSize::A3))
            .unwrap()
            .bytes,
    );
    fonts_are_embedded_subsets(&p, "NotoSansCJKsc-Regular");
}

#[test]
fn every_name_and_title_is_real_text() {
    let certs = dressed_sheet();
    for layout in [Layout::Card, Layout::A4, Layout::A5] {
        let dir = scratch(&format!("text-{layout:?}"));
        let path = write_pdf(
            &dir,
            &certificates_pdf(fonts(), &certs, layout).unwrap().bytes,
        );
        let text = squash(&text_of(&path));
        assert!(text.contains("工会会员证"), "{layout:?}: title");
        for c in &certs {
            assert!(
                text.contains(&squash(&c.name)),
                "{layout:?}: {} not in\n{text}",
                c.name
            );
            assert!(text.contains(&c.member_no), "{layout:?}: {}", c.member_no);
        }
        assert!(text.contains("城关镇总工会"));
    }
    let dir = scratch("text-poster");
    let path = write_pdf(
        &dir,
        &poster_pdf(fonts(), &poster(PosterTemplate::Blue, PosterSize::A4))
            .unwrap()
            .bytes,
    );
    let text = squash(&text_of(&path));
    for s in [
        "城关镇货车司机联合工会",
        "货车司机朋友们，欢迎加入工会！",
        "扫码入会",
        "填写信息",
        "审核",
        "入会好处",
        "0931-5212345",
    ] {
        assert!(text.contains(s), "{s} not in\n{text}");
    }
}

#[test]
fn rare_characters_print() {
    // 䶮 (Ext A), 㛃 (Ext A), 𠮷 (Ext B), 𡈼 (Ext B).
    let certs = vec![
        cert("王䶮", "6204212600101", "城关镇货车司机联合工会"),
        cert("李㛃", "6204212600102", "城关镇货车司机联合工会"),
        cert("𠮷𡈼", "6204212600103", "城关镇货车司机联合工会"),
    ];
    let dir = scratch("rare");
    let path = write_pdf(
        &dir,
        &certificates_pdf(fonts(), &certs, Layout::Card)
            .unwrap()
            .bytes,
    );
    let text = text_of(&path);
    for n in ["王䶮", "李㛃", "𠮷𡈼"] {
        assert!(text.contains(n), "{n} not in\n{text}");
    }
}

#[test]
fn every_qr_code_decodes_and_verifies() {
    let certs = dressed_sheet();
    let dir = scratch("qr");
    let path = write_pdf(
        &dir,
        &certificates_pdf(fonts(), &certs, Layout::Card)
            .unwrap()
            .bytes,
    );
    let png = render(&path, 1, 150);
    let out = run(tool("zbarimg")
        .args(["--raw", "-q", "-Sdisable", "-Sqrcode.enable"])
        .arg(&png));
    let mut seen: Vec<String> = out.lines().map(str::to_string).collect();
    seen.sort();
    let mut want: Vec<String> = certs.iter().map(|c| c.verify_url.clone()).collect();
    want.sort();
    assert_eq!(seen, want);
    for link in &seen {
        let v = check(link, KEY);
        assert!(v.genuine, "{link}: {v:?}");
    }
    // One ceremony page, and a poster.
    let dir = scratch("qr-a5");
    let path = write_pdf(
        &dir,
        &certificates_pdf(fonts(), &certs[5..6], Layout::A5)
            .unwrap()
            .bytes,
    );
    let out = run(tool("zbarimg")
        .args(["--raw", "-q"])
        .arg(render(&path, 1, 150)));
    assert_eq!(out.trim(), certs[5].verify_url);
    assert_eq!(
        check(out.trim(), KEY).member_no.as_deref(),
        Some(certs[5].member_no.as_str())
    );
    let dir = scratch("qr-poster");
    let p = poster(PosterTemplate::Ink, PosterSize::A4);
    let path = write_pdf(&dir, &poster_pdf(fonts(), &p).unwrap().bytes);
    let out = run(tool("zbarimg")
        .args(["--raw", "-q"])
        .arg(render(&path, 1, 72)));
    assert_eq!(out.trim(), p.join_url);
}

#[test]
fn an_unprintable_character_is_refused_by_name() {
    // U+30000 opens CJK Extension G, which the shipped fonts do not cover (they do have 𱁬 U+3106C, a 通用规范汉字表 character).
    let mut certs = sheet();
    certs.insert(
        3,
        cert("王\u{30000}", "6204212600099", "城关镇货车司机联合工会"),
    );
    let err = certificates_pdf(fonts(), &certs, Layout::Card).unwrap_err();
    assert_eq!(
        err.to_string(),
        "无法打印“王\u{30000}”的会员证：字库中没有“\u{30000}”这个字"
    );
    assert_eq!(err.code(), "missing_glyph");
    // In the organisation's name, the member is still the one named.
    let mut c = cert("赵六", "6204212600098", "城关镇\u{30000}村工会");
    assert!(
        certificates_pdf(fonts(), std::slice::from_ref(&c), Layout::A4)
            .unwrap_err()
            .to_string()
            .starts_with("无法打印“赵六”的会员证")
    );
    c.org_name = "城关镇工会".into();
    assert!(certificates_pdf(fonts(), &[c], Layout::A4).is_ok());
    // On a poster, the organisation is named.
    let mut p = poster(PosterTemplate::Red, PosterSize::A4);
    p.benefits.push("\u{30000}".into());
    assert_eq!(
        poster_pdf(fonts(), &p).unwrap_err().to_string(),
        "无法打印“城关镇货车司机联合工会”的入会海报：字库中没有“\u{30000}”这个字"
    );
    // The UI can check while a name is typed.
    assert_eq!(fonts().missing_char("王\u{30000}", true), Some('\u{30000}'));
    assert_eq!(fonts().missing_char("𠮷𡈼䶮㛃", true), None);
}

#[test]
fn forms_render_as_reviewed_and_hold_real_text() {
    let mut with_photo = application("李䶮");
    with_photo.photo = Some(photo_png());
    let dir = scratch("application");
    let pdf = applications_pdf(fonts(), &[with_photo, application("𠮷𡈼")]).unwrap();
    assert_eq!(pdf.pages, 2);
    let path = write_pdf(&dir, &pdf.bytes);
    matches_reference(&render(&path, 1, 36), "application.png");
    let text = squash(&text_of(&path));
    for s in [
        "入会申请书",
        "李䶮",
        "𠮷𡈼",
        "620421198604120017",
        "城关镇货车司机联合工会",
        "申请人（签名）",
    ] {
        assert!(text.contains(s), "{s} not in\n{text}");
    }
    fonts_are_embedded_subsets(&path, "");

    let dir = scratch("roster");
    let r = roster(true);
    let pdf = roster_pdf(fonts(), &r).unwrap();
    assert_eq!(pdf.pages, 1);
    let path = write_pdf(&dir, &pdf.bytes);
    matches_reference(&render(&path, 1, 36), "attendance.png");
    let text = squash(&text_of(&path));
    for row in &r.rows {
        assert!(
            text.contains(&squash(&row.name)),
            "{} not in\n{text}",
            row.name
        );
        assert!(text.contains(&row.member_no));
    }
    assert!(text.contains("签名") && text.contains("签到表"));
}

#[test]
fn a_crowded_poster_still_scans_and_reads() {
    let mut p = poster(PosterTemplate::Red, PosterSize::A4);
    p.org_name = "甘肃省兰州市榆中县城关镇新时代货车司机快递员外卖配送员联合工会委员会".into();
    p.headline = "货车司机、快递小哥、外卖骑手朋友们：\n工会是你们的家，扫码就能加入！".into();
    p.steps = ["扫码", "填写个人信息", "工会审核", "发放会员证", "享受服务"]
        .map(String::from)
        .to_vec();
    p.benefits = (1..=8)
        .map(|i| format!("第{i}项好处：司机之家免费歇脚、热水、充电、洗衣、阅读"))
        .collect();
    let dir = scratch("poster-crowded");
    let path = write_pdf(&dir, &poster_pdf(fonts(), &p).unwrap().bytes);
    let out = run(tool("zbarimg")
        .args(["--raw", "-q"])
        .arg(render(&path, 1, 72)));
    assert_eq!(out.trim(), p.join_url);
    let text = squash(&text_of(&path));
    for s in [
        "货车司机、快递小哥、外卖骑手朋友们：",
        "工会是你们的家，扫码就能加入！",
        "发放会员证",
        "第8项好处",
    ] {
        assert!(text.contains(s), "{s} not in\n{text}");
    }
}
