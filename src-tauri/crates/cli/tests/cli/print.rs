//! `ledger print`, `ledger ceremony` and `ledger verify`, checked the way a
//! person would: the PDF rendered (pdftoppm), its QR codes scanned (zbarimg)
//! and fed back to `ledger verify`, its text read (pdftotext), its fonts
//! listed (pdffonts).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::ledger;

/// Run a poppler/zbar tool; its stdout.
fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e} (apt-get install poppler-utils zbar-tools)"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every QR code on every page, rendered at 150 dpi.
pub(super) fn scan(pdf: &Path) -> Vec<String> {
    let dir = pdf.parent().unwrap();
    let prefix = dir.join(format!(
        "{}-page",
        pdf.file_stem().unwrap().to_string_lossy()
    ));
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            &pdf.display().to_string(),
            &prefix.display().to_string(),
        ],
    );
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&*prefix.file_name().unwrap().to_string_lossy())
        })
        .collect();
    pages.sort();
    assert!(!pages.is_empty());
    pages
        .iter()
        .flat_map(|p| {
            tool("zbarimg", &["-q", "--raw", &p.display().to_string()])
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text of a PDF without the letter-spacing of titles and names.
pub(super) fn text(pdf: &Path) -> String {
    tool("pdftotext", &[&pdf.display().to_string(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn ok(db: &Path, args: &[&str]) -> Value {
    let (ok, v) = ledger(db, args);
    assert!(ok, "{args:?}: {v}");
    v
}

fn office(db: &Path) {
    ok(
        db,
        &[
            "init",
            "--org-name",
            "城关镇工会",
            "--division-code",
            "620421100",
            "--parent-name",
            "靖远县总工会",
            "--parent-division-code",
            "620421",
            "--operator",
            "李干事",
        ],
    );
    ok(
        db,
        &[
            "orgs",
            "add",
            "--name",
            "东湾村工会",
            "--kind",
            "village",
            "--parent",
            "城关镇工会",
            "--division-code",
            "620421100201",
        ],
    );
}

#[test]
fn certificates_scan_and_verify_and_carry_real_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    office(&db);

    // No verification address yet: refused, saying where to set it.
    let (done, e) = ledger(&db, &["print", "certificates", "--all", "--out", "x.pdf"]);
    assert!(!done);
    assert!(
        e["message"].as_str().unwrap().contains("设置 → 打印"),
        "{e}"
    );
    let s = ok(
        &db,
        &[
            "print",
            "settings",
            "--base-url",
            "https://ghj.example.cn/rh",
            "--issuer",
            "城关镇总工会",
        ],
    );
    assert_eq!(s["base_url"], "https://ghj.example.cn/rh");

    let old = ok(
        &db,
        &[
            "members",
            "add",
            "--name",
            "李䶮",
            "--id",
            "620421198506151232",
            "--phone",
            "13900139000",
            "--group",
            "快递员",
        ],
    );
    let c = ok(
        &db,
        &[
            "ceremony",
            "add",
            "--date",
            "2026-11-20",
            "--place",
            "城关镇文化广场",
            "--org",
            "东湾村工会",
        ],
    );
    let cid = c["id"].as_str().unwrap();
    for (name, id) in [
        ("𠮷祥", "110101199003074477"),
        ("王建国", "11010519491231002X"),
    ] {
        let m = ok(
            &db,
            &[
                "ceremony",
                "enrol",
                cid,
                "--name",
                name,
                "--id-number",
                id,
                "--phone",
                "13800138000",
                "--group",
                "货车司机",
            ],
        );
        assert_eq!(m["member"]["join_channel"], "集中入会仪式");
    }
    let old_no = old["member_no"].as_str().unwrap();
    let n = ok(&db, &["ceremony", "attend", cid, "--member", old_no]);
    assert_eq!(n["count"], 1);

    // The ceremony's certificates, one A4 page each.
    let a4 = dir.path().join("ceremony.pdf");
    let a4s = a4.display().to_string();
    let out = ok(
        &db,
        &[
            "print",
            "certificates",
            "--ceremony",
            cid,
            "--layout",
            "a4",
            "--out",
            &a4s,
        ],
    );
    assert_eq!(out["file"], a4s);
    assert_eq!(out["pages"], 3);
    assert_eq!(out["certificates"], 3);
    assert_eq!(out["recorded"], 3);
    let t = text(&a4);
    for want in [
        "𠮷祥",
        "王建国",
        "李䶮",
        "东湾村工会",
        "城关镇总工会",
        "工会会员证",
    ] {
        assert!(t.contains(want), "{want} in {t}");
    }
    // Only embedded subsets of the shipped fonts.
    let fonts = tool("pdffonts", &[&a4s]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        let cols: Vec<&str> = r.split_whitespace().collect();
        assert!(r.contains('+') && r.contains("Noto"), "{r}");
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{r}");
    }

    // Every code scans, and every scanned link verifies.
    let links = scan(&a4);
    assert_eq!(links.len(), 3, "{links:?}");
    let mut numbers = Vec::new();
    for link in &links {
        assert!(link.starts_with("https://ghj.example.cn/rh/v?n="), "{link}");
        let v = ok(&db, &["verify", link]);
        assert_eq!(v["genuine"], true, "{v}");
        numbers.push(v["member_no"].as_str().unwrap().to_string());
        assert!(v["member"]["name"].is_string());
    }
    assert!(numbers.contains(&old_no.to_string()));
    // An altered number or a forged signature does not.
    let link = &links[0];
    let (at, _) = link.match_indices("&s=").next().unwrap();
    let other = if link.as_bytes()[at - 1] == b'8' {
        '7'
    } else {
        '8'
    };
    let forged_no = format!("{}{other}{}", &link[..at - 1], &link[at..]);
    let v = ok(&db, &["verify", &forged_no]);
    assert_eq!(v["genuine"], false, "{v}");
    let forged_sig = format!("{}ZZZZZZZZZZZZ", &link[..at + 3]);
    assert_eq!(ok(&db, &["verify", &forged_sig])["genuine"], false);

    // Everyone has a card now; a new member is the only one not yet printed.
    ok(
        &db,
        &[
            "members",
            "add",
            "--name",
            "张三",
            "--id",
            "110101199001011237",
            "--phone",
            "13700137000",
            "--group",
            "外卖配送员",
        ],
    );
    let cards = dir.path().join("cards.pdf");
    let out = ok(
        &db,
        &[
            "print",
            "certificates",
            "--not-printed",
            "--out",
            &cards.display().to_string(),
        ],
    );
    assert_eq!(
        (out["certificates"].as_u64(), out["pages"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(text(&cards).contains("张三"));
    let links = scan(&cards);
    assert_eq!(links.len(), 1);
    assert_eq!(ok(&db, &["verify", &links[0]])["genuine"], true);
    // Every member on wallet cards: four on one sheet.
    let out = ok(
        &db,
        &[
            "print",
            "certificates",
            "--all",
            "--layout",
            "card",
            "--out",
            &cards.display().to_string(),
        ],
    );
    assert_eq!(
        (out["certificates"].as_u64(), out["pages"].as_u64()),
        (Some(4), Some(1))
    );
    assert_eq!(scan(&cards).len(), 4);

    // The attendance list and the application forms.
    let list = dir.path().join("sign.pdf");
    let out = ok(
        &db,
        &[
            "print",
            "roster",
            "--ceremony",
            cid,
            "--out",
            &list.display().to_string(),
        ],
    );
    assert_eq!(out["count"], 3);
    let t = text(&list);
    assert!(
        t.contains("签到表") && t.contains("签名") && t.contains("𠮷祥"),
        "{t}"
    );
    let forms = dir.path().join("forms.pdf");
    let out = ok(
        &db,
        &[
            "print",
            "application",
            "--member",
            old_no,
            "--out",
            &forms.display().to_string(),
        ],
    );
    assert_eq!(out["pages"], 1);
    assert!(text(&forms).contains("入会申请书"));
}

#[test]
fn a_poster_without_a_join_link_says_where_to_set_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    office(&db);
    let out = dir.path().join("poster.pdf");
    let outs = out.display().to_string();
    let (done, e) = ledger(
        &db,
        &["print", "poster", "--org", "东湾村工会", "--out", &outs],
    );
    assert!(!done);
    assert_eq!(e["code"], "invalid");
    let msg = e["message"].as_str().unwrap();
    assert!(
        msg.contains("东湾村工会") && msg.contains("设置 → 组织架构"),
        "{msg}"
    );
    assert!(!out.exists());

    let url = "https://ghj.example.cn/join/dongwan";
    let p = ok(
        &db,
        &[
            "print",
            "poster",
            "--org",
            "东湾村工会",
            "--size",
            "a3",
            "--template",
            "ink",
            "--url",
            url,
            "--benefit",
            "司机之家免费歇脚",
            "--phone",
            "0943-6112345",
            "--out",
            &outs,
        ],
    );
    assert_eq!(
        (p["file"].as_str(), p["pages"].as_u64()),
        (Some(outs.as_str()), Some(1))
    );
    assert_eq!(scan(&out), [url]);
    let t = text(&out);
    assert!(
        t.contains("东湾村工会") && t.contains("司机之家免费歇脚") && t.contains("0943-6112345"),
        "{t}"
    );

    let (done, e) = ledger(
        &db,
        &[
            "print",
            "poster",
            "--org",
            "东湾村工会",
            "--size",
            "b5",
            "--out",
            &outs,
        ],
    );
    assert!(!done);
    assert_eq!(e["field"], "size");
}

#[test]
fn verify_before_any_certificate_and_a_seal_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    office(&db);
    let v = ok(
        &db,
        &[
            "verify",
            "https://ghj.example.cn/rh/v?n=6204211002600001&s=ABCDEFGHJKMN",
        ],
    );
    assert_eq!(v["genuine"], false);
    assert_eq!(v["member_no"], "6204211002600001");

    // A seal scanned on white paper becomes transparent.
    let seal = dir.path().join("seal.png");
    {
        let mut data = Vec::new();
        for y in 0..200u32 {
            for x in 0..200u32 {
                let (dx, dy) = (x as f32 - 100.0, y as f32 - 100.0);
                let r = (dx * dx + dy * dy).sqrt();
                data.extend(if (80.0..90.0).contains(&r) {
                    [210u8, 30, 40]
                } else {
                    [255, 255, 255]
                });
            }
        }
        let f = std::fs::File::create(&seal).unwrap();
        let mut e = png::Encoder::new(f, 200, 200);
        e.set_color(png::ColorType::Rgb);
        e.set_depth(png::BitDepth::Eight);
        let mut w = e.write_header().unwrap();
        w.write_image_data(&data).unwrap();
        w.finish().unwrap();
    }
    let s = ok(
        &db,
        &[
            "print",
            "seal",
            "--org",
            "城关镇工会",
            "--png",
            &seal.display().to_string(),
        ],
    );
    assert_eq!(s["transparent"], true);
    let s = ok(&db, &["print", "settings"]);
    assert_eq!(s["seals"][0]["org_name"], "城关镇工会");
    ok(&db, &["print", "seal", "--org", "城关镇工会", "--clear"]);
    assert_eq!(
        ok(&db, &["print", "settings"])["seals"],
        serde_json::json!([])
    );
}
