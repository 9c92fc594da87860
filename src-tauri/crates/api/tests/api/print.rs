//! Printing through JSON: settings, seals, ceremonies, certificates,
//! posters, forms, and the check of scanned certificate links.

use std::path::Path;
use std::process::Command;

use base64::Engine;
use serde_json::{json, Value};

use super::{api, err, ok, setup};

const BASE: &str = "https://ghj.example.cn/rh";

fn pdf_bytes(out: &Value) -> Vec<u8> {
    let b64 = out["bytes_base64"].as_str().expect("base64 when no out");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(out["mime"], "application/pdf");
    assert_eq!(out["bytes"], bytes.len());
    bytes
}

/// The text of a PDF, as `pdftotext` reads it.
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    // Titles and names are letter-spaced: compare without spaces.
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn enrol(api: &ledger_api::Api, ceremony: &str, name: &str, id: &str) -> Value {
    ok(
        api,
        "ceremony_enrol",
        json!({"ceremony_id": ceremony, "name": name, "id_number": id,
               "phone": "13800138000", "occupation_group": "货车司机"}),
    )
}

fn ready(api: &ledger_api::Api) -> (String, String) {
    let (town, village) = setup(api);
    ok(api, "print_settings_set", json!({"base_url": BASE}));
    (town, village)
}

#[test]
fn a_ceremony_enrols_on_the_spot_and_prints_its_certificates() {
    let (_d, api) = api();
    let (town, village) = ready(&api);
    let c = ok(
        &api,
        "ceremony_create",
        json!({"date": "2026-11-20", "place": "城关镇文化广场", "org_id": village,
               "checklist": {"certificate": false, "badge": true}}),
    );
    let cid = c["id"].as_str().unwrap().to_string();
    assert_eq!(c["org_name"], "东湾村工会");
    assert_eq!(c["checklist"]["badge"], true);
    assert_eq!(c["checklist"]["pack"], false);

    let a = enrol(&api, &cid, "王建国", "11010519491231002X");
    assert_eq!(a["join_channel"], "集中入会仪式");
    assert_eq!(a["join_date"], "2026-11-20");
    assert_eq!(a["org_id"], village);
    assert!(a["card_issued_on"].is_null());
    // A rare (Ext B) character in the name.
    enrol(&api, &cid, "𠮷祥", "110101199003074477");
    // An existing member joins the list.
    let old = ok(
        &api,
        "member_create",
        json!({"name": "李䶮", "id_number": "620421198506151232", "phone": "13900139000",
               "occupation_group": "快递员", "org_id": town}),
    );
    let added = ok(
        &api,
        "ceremony_add_attendees",
        json!({"ceremony_id": cid, "member_ids": [old["id"]]}),
    );
    assert_eq!(added["count"], 1);
    let detail = ok(&api, "ceremony_get", json!({"id": cid}));
    assert_eq!(detail["attendees"], 3);
    let names: Vec<&str> = detail["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["王建国", "𠮷祥", "李䶮"]);

    // What would print, checked first.
    let cand = ok(
        &api,
        "print_candidates",
        json!({"selection": {"by": "ceremony", "ceremony_id": cid}}),
    );
    assert_eq!(
        (cand["total"].as_u64(), cand["problems"].as_u64()),
        (Some(3), Some(0))
    );
    assert!(cand["blocked"].is_null());

    // A preview records nothing.
    let preview = ok(
        &api,
        "print_certificates",
        json!({"selection": {"by": "ceremony", "ceremony_id": cid}, "layout": "a4", "preview": true}),
    );
    assert_eq!(preview["recorded"], 0);
    assert_eq!(ok(&api, "ceremony_get", json!({"id": cid}))["printed"], 0);

    let out = ok(
        &api,
        "print_certificates",
        json!({"selection": {"by": "ceremony", "ceremony_id": cid}, "layout": "a4"}),
    );
    assert_eq!(out["certificates"], 3);
    assert_eq!(out["pages"], 3);
    assert_eq!(out["count"], 3);
    assert_eq!(out["recorded"], 3);
    assert_eq!(out["issued_on"], "2026-11-23");
    assert_eq!(out["issuer_name"], "城关镇工会");
    assert!(out["path"].is_null());
    assert_eq!(out["file_name"], "会员证-2026-11-23-3张.pdf");
    let text = pdf_text(&pdf_bytes(&out));
    for want in [
        "王建国",
        "𠮷祥",
        "李䶮",
        "东湾村工会",
        "城关镇工会",
        "工会会员证",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    assert_eq!(ok(&api, "ceremony_get", json!({"id": cid}))["printed"], 3);
    let m = ok(&api, "member_get", json!({"id": a["id"]}));
    assert_eq!(m["card_issued_on"], "2026-11-23");
    let h = ok(&api, "member_history", json!({"id": a["id"]}));
    let last = h.as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "打印会员证");
    assert_eq!(last["actor"], "李干事");

    // Everyone printed: the "not yet printed" batch is empty, and says so.
    let e = err(
        &api,
        "print_certificates",
        json!({"selection": {"by": "not_yet_printed"}}),
    );
    assert_eq!(e["code"], "conflict");
    assert!(e["message"].as_str().unwrap().contains("都已打印过"), "{e}");

    // The attendance list of the ceremony: a roster with a signature column.
    let list = ok(
        &api,
        "print_roster",
        json!({"selection": {"by": "ceremony", "ceremony_id": cid}}),
    );
    let text = pdf_text(&pdf_bytes(&list));
    assert!(text.contains("2026年11月20日集中入会仪式签到表"), "{text}");
    assert!(text.contains("110105********002X"), "IDs masked: {text}");
    assert!(!text.contains("11010519491231002X"));
    assert!(text.contains("签名"));

    // Tick the rest of the 五个一; a ceremony with members is not deleted.
    let c = ok(
        &api,
        "ceremony_update",
        json!({"id": cid, "date": "2026-11-20", "place": "城关镇文化广场", "org_id": village,
               "checklist": {"certificate": true, "badge": true, "rite": true, "reading": true, "pack": true}}),
    );
    assert_eq!(c["checklist"]["pack"], true);
    // Without org and checklist, an edit keeps them.
    let c = ok(
        &api,
        "ceremony_update",
        json!({"id": cid, "date": "2026-11-20", "place": "东湾村村委会", "notes": "县总工会领导出席"}),
    );
    assert_eq!(
        (c["org_id"].as_str(), c["place"].as_str()),
        (Some(village.as_str()), Some("东湾村村委会"))
    );
    assert_eq!(c["checklist"]["rite"], true);
    let e = err(
        &api,
        "ceremony_update",
        json!({"id": cid, "date": "2026-13-01", "place": "x"}),
    );
    assert_eq!(e["field"], "date");
    let e = err(&api, "ceremony_delete", json!({"id": cid}));
    assert_eq!(e["code"], "conflict");
    assert_eq!(
        ok(&api, "ceremony_list", json!({"org_id": town}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn certificates_wait_for_the_verification_address() {
    let (_d, api) = api();
    setup(&api);
    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "快递员"}),
    );
    let s = ok(&api, "print_settings_get", Value::Null);
    assert!(s["base_url"].is_null());
    assert!(s["certificates_blocked"]
        .as_str()
        .unwrap()
        .contains("设置 → 打印"));
    assert_eq!(s["issuer_name"], "城关镇工会");
    let e = err(
        &api,
        "print_certificates",
        json!({"selection": {"by": "members", "member_ids": [m["id"]]}}),
    );
    assert_eq!(e["code"], "conflict");
    assert_eq!(e["field"], "base_url");
    assert!(
        e["message"].as_str().unwrap().contains("设置 → 打印"),
        "{e}"
    );

    for (bad, why) in [
        ("ghj.example.cn", "https://"),
        ("https://ghj.example.cn/v?x=1", "?"),
        ("https://", "网站地址"),
    ] {
        let e = err(&api, "print_settings_set", json!({"base_url": bad}));
        assert_eq!(e["field"], "base_url");
        assert!(e["message"].as_str().unwrap().contains(why), "{e}");
    }
    let s = ok(
        &api,
        "print_settings_set",
        json!({"base_url": "https://ghj.example.cn/rh/", "issuer_name": "城关镇总工会"}),
    );
    assert_eq!(s["base_url"], "https://ghj.example.cn/rh");
    assert_eq!(s["issuer_name"], "城关镇总工会");
    assert!(s["issuer_name_set"].as_bool().unwrap());
    assert!(s["certificates_blocked"].is_null());
    // Absent fields are kept; an empty one goes back to the default.
    let s = ok(&api, "print_settings_set", json!({"issuer_name": ""}));
    assert_eq!(s["base_url"], "https://ghj.example.cn/rh");
    assert_eq!(s["issuer_name"], "城关镇工会");
    assert_eq!(s["poster_templates"][1]["value"], "blue");
}

#[test]
fn a_poster_needs_a_join_link_and_says_where_to_set_it() {
    let (_d, api) = api();
    let (town, village) = setup(&api);
    let e = err(&api, "print_poster", json!({"org_id": village}));
    assert_eq!(e["code"], "invalid");
    assert_eq!(e["field"], "url");
    let msg = e["message"].as_str().unwrap();
    assert!(
        msg.contains("东湾村工会") && msg.contains("设置 → 组织架构"),
        "{msg}"
    );

    // A link given for this poster.
    let p = ok(
        &api,
        "print_poster",
        json!({"org_id": village, "url": "https://ghj.example.cn/join/dw", "size": "a3",
               "template": "blue", "headline": "货车司机朋友们\n欢迎加入工会！",
               "benefits": ["司机之家免费歇脚", "互助保障"], "contact_phone": "0943-6112345"}),
    );
    assert_eq!(p["pages"], 1);
    assert_eq!(p["file_name"], "入会海报-东湾村工会-A3.pdf");
    let text = pdf_text(&pdf_bytes(&p));
    for want in [
        "东湾村工会",
        "欢迎加入工会",
        "司机之家免费歇脚",
        "0943-6112345",
        "扫码",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }

    // An org with its own join link, and the office's phone from settings.
    let town_org = ok(&api, "org_list", Value::Null)
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == town.as_str())
        .cloned()
        .unwrap();
    ok(
        &api,
        "org_update",
        json!({"id": town, "name": town_org["name"], "kind": "township",
               "division_code": town_org["division_code"], "join_url": "https://ghj.example.cn/join/cg"}),
    );
    ok(
        &api,
        "print_settings_set",
        json!({"contact_phone": "0943-6000000"}),
    );
    let p = ok(&api, "print_poster", json!({"org_id": "城关镇工会"}));
    let text = pdf_text(&pdf_bytes(&p));
    assert!(text.contains("0943-6000000"), "{text}");
}

/// The office's key, read from the ledger file the way only this office can.
fn office_key(db: &Path) -> [u8; 32] {
    let store = ledger_store::Store::open(
        db,
        std::sync::Arc::new(ledger_store::FixedClock::at(super::NOW_MS)),
    )
    .unwrap();
    ledger_store::printing::signing_key(store.conn())
        .unwrap()
        .expect("a key after printing")
}

#[test]
fn a_genuine_link_verifies_and_a_forged_or_altered_one_does_not() {
    let (dir, api) = api();
    ready(&api);
    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "快递员"}),
    );
    let no = m["member_no"].as_str().unwrap().to_string();
    // No certificate printed yet: nothing can verify.
    let v = ok(
        &api,
        "verify_certificate",
        json!({"text": format!("{BASE}/v?n={no}&s=ABCDEFGHJKMN")}),
    );
    assert_eq!(v["genuine"], false);
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("还没有打印过会员证"));

    ok(
        &api,
        "print_certificates",
        json!({"selection": {"by": "members", "member_ids": [m["id"]]}}),
    );
    let key = office_key(&dir.path().join("l.db"));
    let link = ledger_print::verify_link(BASE, &no, &key);

    let v = ok(
        &api,
        "verify_certificate",
        json!({"text": format!("  {link}\n")}),
    );
    assert_eq!(v["genuine"], true, "{v}");
    assert_eq!(v["member_no"], no.as_str());
    assert_eq!(v["member"]["name"], "张三");
    assert_eq!(v["member"]["org_name"], "城关镇工会");
    assert!(v["message"].as_str().unwrap().starts_with("真实"));

    // Another number with the same signature.
    let other_no = format!("{}9", &no[..no.len() - 1]);
    let forged = link.replace(&format!("n={no}"), &format!("n={other_no}"));
    let v = ok(&api, "verify_certificate", json!({"text": forged}));
    assert_eq!(v["genuine"], false);
    assert_eq!(v["member_no"], other_no.as_str());
    assert!(v["member"].is_null());
    assert!(v["message"].as_str().unwrap().contains("签名不符"));
    // One character of the signature changed.
    let mut altered = link.clone();
    let last = altered.pop().unwrap();
    altered.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(
        ok(&api, "verify_certificate", json!({"text": altered}))["genuine"],
        false
    );
    // Made with another key.
    let foreign = ledger_print::verify_link(BASE, &no, &[9u8; 32]);
    assert_eq!(
        ok(&api, "verify_certificate", json!({"text": foreign}))["genuine"],
        false
    );
    // Not a certificate link at all.
    let v = ok(
        &api,
        "verify_certificate",
        json!({"text": "https://weixin.qq.com/x"}),
    );
    assert_eq!(v["genuine"], false);
    assert!(v["member_no"].is_null());

    // A member who left still verifies, with the status said.
    ok(
        &api,
        "member_set_status",
        json!({"member_ids": [m["id"]], "status": "退会", "reason": "本人申请"}),
    );
    let v = ok(&api, "verify_certificate", json!({"text": link}));
    assert_eq!(v["genuine"], true);
    assert!(v["message"].as_str().unwrap().contains("退会"));
}

#[test]
fn a_character_no_font_has_is_refused_naming_the_person() {
    let (_d, api) = api();
    ready(&api);
    // U+30000 (CJK Ext G) is in no shipped font.
    let m = ok(
        &api,
        "member_create",
        json!({"name": "王\u{30000}", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "快递员"}),
    );
    let cand = ok(
        &api,
        "print_candidates",
        json!({"selection": {"by": "all"}}),
    );
    assert_eq!(cand["problems"], 1);
    assert!(cand["rows"][0]["problem"]
        .as_str()
        .unwrap()
        .contains("U+30000"));
    let e = err(
        &api,
        "print_certificates",
        json!({"selection": {"by": "members", "member_ids": [m["id"]]}, "layout": "card"}),
    );
    assert_eq!(e["code"], "missing_glyph");
    let msg = e["message"].as_str().unwrap();
    assert!(
        msg.contains("王\u{30000}") && msg.contains("“\u{30000}”"),
        "{msg}"
    );
    assert!(msg.contains(m["member_no"].as_str().unwrap()), "{msg}");
    // Nothing was recorded.
    assert!(ok(&api, "member_get", json!({"id": m["id"]}))["card_issued_on"].is_null());
    // The application form refuses too, through the printing crate's check.
    let e = err(
        &api,
        "print_application",
        json!({"selection": {"by": "members", "member_ids": [m["id"]]}}),
    );
    assert_eq!(e["code"], "missing_glyph");
    assert!(e["message"].as_str().unwrap().contains("王\u{30000}"));
}

/// A seal scanned on white paper: a red ring on a white page.
fn scanned_seal() -> Vec<u8> {
    let (w, h) = (300u32, 300u32);
    let mut data = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f32 - 150.0, y as f32 - 150.0);
            let r = (dx * dx + dy * dy).sqrt();
            data.extend(if (90.0..100.0).contains(&r) || r < 12.0 {
                [200u8, 20, 30]
            } else {
                [252, 252, 250]
            });
        }
    }
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, w, h);
    e.set_color(png::ColorType::Rgb);
    e.set_depth(png::BitDepth::Eight);
    let mut wr = e.write_header().unwrap();
    wr.write_image_data(&data).unwrap();
    wr.finish().unwrap();
    out
}

#[test]
fn seals_are_uploaded_cleaned_and_stamped_and_applications_are_recorded() {
    let (dir, api) = api();
    let (town, _) = ready(&api);
    let b64 = base64::engine::general_purpose::STANDARD.encode(scanned_seal());
    let s = ok(
        &api,
        "org_seal_set",
        json!({"org_id": town, "file_name": "公章.png", "bytes_base64": format!("data:image/png;base64,{b64}")}),
    );
    assert_eq!(s["transparent"], true);
    assert!(
        s["width"].as_u64().unwrap() <= 204,
        "cropped to the ring: {s}"
    );
    let settings = ok(&api, "print_settings_get", Value::Null);
    assert_eq!(settings["seals"][0]["org_name"], "城关镇工会");
    let got = ok(&api, "org_seal_get", json!({"org_id": town}));
    assert!(got["png_base64"].as_str().unwrap().len() > 100);

    // Not a PNG.
    let e = err(
        &api,
        "org_seal_set",
        json!({"org_id": town, "file_name": "seal.jpg", "bytes_base64": "/9j/4AAQSkZJRg=="}),
    );
    assert_eq!(e["field"], "file");
    assert!(e["message"].as_str().unwrap().contains("不是PNG"));

    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "快递员", "residence": "城关镇东湾村"}),
    );
    let out = dir.path().join("cards.pdf");
    let cards = ok(
        &api,
        "print_certificates",
        json!({"selection": {"by": "org", "org_id": town}, "out": out.display().to_string()}),
    );
    assert_eq!(cards["path"], out.display().to_string());
    assert!(cards["bytes_base64"].is_null());
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let e = err(
        &api,
        "print_certificates",
        json!({"selection": {"by": "all"}, "out": dir.path().join("cards.txt").display().to_string()}),
    );
    assert_eq!(e["field"], "out");

    // The application form prints the full ID: recorded as a reveal.
    let before = ok(&api, "member_get", json!({"id": m["id"]}))["id_reveals"]
        .as_u64()
        .unwrap();
    let app = ok(
        &api,
        "print_application",
        json!({"selection": {"by": "members", "member_ids": [m["id"]]}}),
    );
    assert_eq!(app["file_name"], "入会申请书-张三.pdf");
    let text = pdf_text(&pdf_bytes(&app));
    assert!(
        text.contains("11010519491231002X") && text.contains("城关镇东湾村"),
        "{text}"
    );
    let after = ok(&api, "member_get", json!({"id": m["id"]}))["id_reveals"]
        .as_u64()
        .unwrap();
    assert_eq!(after, before + 1);

    ok(&api, "org_seal_clear", json!({"org_id": town}));
    assert_eq!(
        ok(&api, "print_settings_get", Value::Null)["seals"],
        json!([])
    );
}

#[test]
fn a_preview_goes_to_a_scratch_folder_and_is_not_recorded() {
    let (_d, api) = api();
    ready(&api);
    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "快递员"}),
    );
    let p = ok(
        &api,
        "print_preview_path",
        json!({"file_name": "../会员证-2026-11-23-1张.pdf"}),
    );
    let path = p["path"].as_str().unwrap().to_string();
    assert!(
        Path::new(&path).ends_with("print-preview/会员证-2026-11-23-1张.pdf"),
        "{path}"
    );
    let out = ok(
        &api,
        "print_certificates",
        json!({"selection": {"by": "members", "member_ids": [m["id"]]}, "preview": true, "out": path}),
    );
    assert_eq!(out["recorded"], 0);
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
    assert!(ok(&api, "member_get", json!({"id": m["id"]}))["card_issued_on"].is_null());
}
