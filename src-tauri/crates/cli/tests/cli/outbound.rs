//! `ledger outbound`: a trip from the command line through its review, a
//! contact, the files, and a spot check that the same seed reproduces.

use std::path::Path;

use ledger_core::citizen_id::check_char;
use serde_json::Value;

use super::ledger;

fn add_member(db: &Path, id: &str, phone: &str) -> String {
    let (ok, m) = ledger(
        db,
        &[
            "members",
            "add",
            "--name",
            "马占福",
            "--id",
            id,
            "--phone",
            phone,
            "--group",
            "货车司机",
        ],
    );
    assert!(ok, "{m}");
    m["id"].as_str().unwrap().to_string()
}

fn add_trip(db: &Path, member: &str, dest: &str) -> (bool, Value) {
    ledger(
        db,
        &[
            "outbound",
            "add",
            "--member",
            member,
            "--departure",
            "2026-10-01",
            "--expected-return",
            "2027-04-01",
            "--destination",
            dest,
            "--plate",
            "甘D12345",
        ],
    )
}

#[test]
fn a_trip_is_reported_filed_locked_and_contacted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    assert!(
        ledger(
            &db,
            &[
                "init",
                "--org-name",
                "城关镇工会",
                "--division-code",
                "620421"
            ]
        )
        .0
    );
    let m = add_member(&db, "11010519491231002x", "13800138000");

    let (ok, e) = add_trip(&db, &m, "火星基地");
    assert!(!ok);
    assert_eq!(e["field"], "destination");

    let (ok, t) = add_trip(&db, &m, "浙江省杭州市萧山区 示例物流园");
    assert!(ok, "{t}");
    let id = t["id"].as_str().unwrap().to_string();
    assert_eq!(t["dest_label"], "浙江省杭州市萧山区");
    assert_eq!(t["state"], "draft");

    assert!(ledger(&db, &["outbound", "report", &id]).0);
    let (ok, e) = ledger(&db, &["outbound", "return", &id, "--reason", " "]);
    assert!(!ok);
    assert_eq!(e["field"], "reason");
    let (ok, n) = ledger(&db, &["outbound", "file", &id]);
    assert!(ok, "{n}");
    assert_eq!(n["count"], 1);
    let (_, shown) = ledger(&db, &["outbound", "show", &id]);
    assert_eq!(shown["locked"], true);

    let (ok, c) = ledger(
        &db,
        &[
            "outbound",
            "contact",
            &id,
            "--channel",
            "wechat",
            "--location",
            "江苏苏州",
        ],
    );
    assert!(ok, "{c}");
    assert_eq!(c["current_location"], "江苏省苏州市");

    let (ok, list) = ledger(&db, &["outbound", "list", "--province", "浙江"]);
    assert!(ok);
    assert_eq!(list["total"], 1);
    assert_eq!(list["rows"][0]["state"], "filed");

    let xlsx = dir.path().join("台账.xlsx");
    let (ok, out) = ledger(
        &db,
        &["outbound", "export", "--out", xlsx.to_str().unwrap()],
    );
    assert!(ok, "{out}");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let pdf = dir.path().join("登记表.pdf");
    let (ok, out) = ledger(
        &db,
        &["outbound", "form", &id, "--out", pdf.to_str().unwrap()],
    );
    assert!(ok, "{out}");
    assert_eq!(out["pages"], 1);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn the_same_seed_draws_the_same_sample() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    assert!(
        ledger(
            &db,
            &[
                "init",
                "--org-name",
                "城关镇工会",
                "--division-code",
                "620421"
            ]
        )
        .0
    );
    let ids: Vec<String> = (0..6)
        .map(|i| {
            let first17 = format!("62042119850101{:03}", 10 + i);
            format!("{first17}{}", check_char(&first17).unwrap())
        })
        .collect();
    let mut trips = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let (ok, m) = ledger(
            &db,
            &[
                "members",
                "add",
                "--name",
                "司机",
                "--id",
                id,
                "--phone",
                &format!("1380013800{i}"),
                "--group",
                "货车司机",
            ],
        );
        assert!(ok, "{m}");
        let (ok, t) = add_trip(&db, m["id"].as_str().unwrap(), "新疆乌鲁木齐");
        assert!(ok, "{t}");
        trips.push(t["id"].as_str().unwrap().to_string());
    }
    let mut args = vec!["outbound", "report"];
    args.extend(trips.iter().map(String::as_str));
    assert!(ledger(&db, &args).0);

    let sample = |seed: &str| {
        let (ok, s) = ledger(&db, &["outbound", "sample", "--size", "3", "--seed", seed]);
        assert!(ok, "{s}");
        s["ids"].as_array().unwrap().clone()
    };
    let first = sample("20261123");
    assert_eq!(first.len(), 3);
    assert_eq!(first, sample("20261123"));
    assert!(first
        .iter()
        .all(|id| trips.contains(&id.as_str().unwrap().to_string())));
    let (ok, pct) = ledger(
        &db,
        &["outbound", "sample", "--percent", "50", "--seed", "7"],
    );
    assert!(ok, "{pct}");
    assert_eq!(
        pct["ids"].as_array().unwrap().len(),
        trips.len().div_ceil(2)
    );
    let (ok, e) = ledger(&db, &["outbound", "sample", "--seed", "7"]);
    assert!(!ok);
    assert_eq!(e["field"], "size");
}

#[test]
fn the_county_is_found_without_a_space_and_return_takes_a_reason_or_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let init = ledger(
        &db,
        &[
            "init",
            "--org-name",
            "城关镇工会",
            "--division-code",
            "620421",
        ],
    );
    assert!(init.0, "{}", init.1);
    let m = add_member(&db, "11010519491231002x", "13800138000");
    let (ok, t) = add_trip(&db, &m, "浙江杭州萧山区传化物流园");
    assert!(ok, "{t}");
    assert_eq!(t["dest_county"], "萧山区");
    assert_eq!(t["dest_address"], "传化物流园");

    // The issue's own command: no plate yet, so a draft; reporting asks for it.
    let (ok, draft) = ledger(
        &db,
        &[
            "outbound",
            "add",
            "--member",
            &m,
            "--departure",
            "2026-10-01",
            "--expected-return",
            "2027-04-01",
            "--destination",
            "新疆乌鲁木齐市",
        ],
    );
    assert!(ok, "{draft}");
    assert!(draft["id"].is_string());
    let (ok, e) = ledger(&db, &["outbound", "report", draft["id"].as_str().unwrap()]);
    assert!(!ok);
    assert_eq!(e["field"], "plate_number");

    // `return` needs a reason (退回) or a date (the driver came home).
    let id = t["id"].as_str().unwrap();
    let (ok, e) = ledger(&db, &["outbound", "return", id]);
    assert!(!ok);
    assert_eq!(e["field"], "reason");
    let (ok, back) = ledger(&db, &["outbound", "return", id, "--date", "2026-11-20"]);
    assert!(ok, "{back}");
    assert_eq!(back["status"], "back");
    assert_eq!(back["returned_on"], "2026-11-20");
}
