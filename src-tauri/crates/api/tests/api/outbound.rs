//! Outbound reports through the command interface: enrolment on the spot in
//! one transaction, the review with its lock, contacts, lists and counts,
//! alerts, spot checks and the files.

use base64::Engine;
use ledger_core::citizen_id::check_char;
use serde_json::{json, Value};

use super::{api, err, ok, setup};

fn id(seq: u32) -> String {
    let first17 = format!("62042119850101{:03}", seq);
    format!("{first17}{}", check_char(&first17).unwrap())
}

fn member(api: &ledger_api::Api, village: &str, seq: u32) -> String {
    let m = ok(
        api,
        "member_create",
        json!({"name": format!("司机{seq}"), "id_number": id(seq), "phone": "13800138000",
               "occupation_group": "货车司机", "org_id": village, "plate_number": "甘D1234A"}),
    );
    m["id"].as_str().unwrap().to_string()
}

fn trip(member_id: &str, province: &str) -> Value {
    json!({"member_id": member_id, "departure_date": "2026-10-01", "expected_return": "2027-04-01",
           "dest_province": province, "dest_city": "", "road_phone": "13900139000",
           "emergency_name": "李秀兰", "emergency_relation": "配偶", "emergency_phone": "13700137000",
           "reported_on": "2026-09-28"})
}

#[test]
fn a_driver_not_yet_a_member_is_enrolled_with_the_trip_or_not_at_all() {
    let (_d, api) = api();
    let (_, village) = setup(&api);
    let draft = json!({"name": "马占福", "id_number": id(1), "phone": "13800138001",
                       "occupation_group": "货车司机", "org_id": village, "plate_number": "甘D88888"});
    // The trip is wrong: nothing is saved, the field is named.
    let e = err(
        &api,
        "outbound_create",
        json!({"member": draft, "departure_date": "2026-10-01", "expected_return": "2027-04-01",
               "dest_province": "火星"}),
    );
    assert_eq!(e["field"], "dest_province");
    assert!(e["message"].as_str().unwrap().contains("34个省级行政区"));
    assert_eq!(ok(&api, "member_list", json!({}))["total"], 0);

    // The member draft is wrong: named with the member's field.
    let bad = json!({"name": "马占福", "id_number": "620421198501010012", "phone": "13800138001",
                     "occupation_group": "货车司机"});
    let e = err(
        &api,
        "outbound_create",
        json!({"member": bad, "departure_date": "2026-10-01", "expected_return": "2027-04-01",
               "dest_province": "新疆"}),
    );
    assert_eq!(e["field"], "id_number");

    // Both right: one member, one trip, plate and phone taken from the member.
    let t = ok(
        &api,
        "outbound_create",
        json!({"member": draft, "departure_date": "2026-10-01", "expected_return": "2027-04-01",
               "dest_province": "新疆", "dest_city": "乌鲁木齐", "submit": true}),
    );
    assert_eq!(t["member_name"], "马占福");
    assert_eq!(t["plate_number"], "甘D88888");
    assert_eq!(t["road_phone"], "13800138001");
    assert_eq!(t["road_phone_masked"], "138****8001");
    assert_eq!(t["state"], "reported");
    assert_eq!(t["reported_by"], "李干事");
    assert_eq!(t["dest_label"], "新疆维吾尔自治区乌鲁木齐市");
    assert_eq!(t["long_trip"], true);
    assert_eq!(ok(&api, "member_list", json!({}))["total"], 1);

    // Enrolling the same person again fails inside the transaction: no
    // second trip is left behind, and the error points at the record.
    let again = err(
        &api,
        "outbound_create",
        json!({"member": draft, "departure_date": "2026-12-01", "expected_return": "2027-06-01",
               "dest_province": "浙江"}),
    );
    assert_eq!(again["code"], "duplicate");
    assert_eq!(again["existing_id"], t["member_id"]);
    assert_eq!(ok(&api, "outbound_list", json!({}))["total"], 1);
}

#[test]
fn filing_locks_the_form_and_the_screen_says_why() {
    let (_d, api) = api();
    let (_, village) = setup(&api);
    let a = member(&api, &village, 2);
    let b = member(&api, &village, 3);
    let ta = ok(&api, "outbound_create", trip(&a, "新疆"));
    let tb = ok(&api, "outbound_create", trip(&b, "浙江"));
    let (ia, ib) = (ta["id"].clone(), tb["id"].clone());
    assert_eq!(ta["state"], "draft");
    assert_eq!(ta["plate_number"], "甘D1234A");

    // Filing a draft is refused for the whole batch, naming the driver.
    let e = err(&api, "outbound_file", json!({"ids": [ia, ib]}));
    assert_eq!(e["code"], "conflict");
    assert!(e["message"].as_str().unwrap().contains("司机2"));
    assert_eq!(
        ok(&api, "outbound_report", json!({"ids": [ia, ib, ia]}))["count"],
        2,
        "an id picked twice is reported once"
    );
    assert_eq!(
        ok(&api, "outbound_file", json!({"ids": [ia, ib]}))["count"],
        2
    );

    let got = ok(&api, "outbound_get", json!({"id": ia}));
    assert_eq!(got["locked"], true);
    assert!(got["lock_reason"]
        .as_str()
        .unwrap()
        .contains("2026-11-23备案"));
    let mut edit = trip(&a, "甘肃");
    edit["id"] = ia.clone();
    edit.as_object_mut().unwrap().remove("reported_on");
    let e = err(&api, "outbound_update", edit.clone());
    assert_eq!(e["code"], "conflict");
    assert_eq!(e["field"], "state");
    assert_eq!(
        e["message"],
        "已备案的记录不能修改，如需修改请先由审核人退回/重新打开"
    );
    let e = err(&api, "outbound_reopen", json!({"id": ia, "reason": ""}));
    assert_eq!(e["field"], "reason");
    let reopened = ok(
        &api,
        "outbound_reopen",
        json!({"id": ia, "reason": "流入地填错"}),
    );
    assert_eq!(reopened["state"], "returned");
    assert_eq!(reopened["state_reason"], "流入地填错");
    assert_eq!(reopened["reviews"][2]["action"], "reopen");
    assert_eq!(reopened["reviews"][2]["actor"], "李干事");
    let edited = ok(&api, "outbound_update", edit);
    assert_eq!(edited["dest_province"], "甘肃省");
    assert_eq!(
        edited["reported_on"], ta["reported_on"],
        "kept when not typed"
    );
    // A returned report can be deleted; a filed one cannot.
    assert_eq!(
        err(&api, "outbound_delete", json!({"id": ib}))["code"],
        "conflict"
    );
    ok(&api, "outbound_delete", json!({"id": ia}));
    assert_eq!(
        err(&api, "outbound_get", json!({"id": ia}))["code"],
        "not_found"
    );

    // Contacts are allowed on a filed trip; a successful one keeps it fresh.
    let c = ok(
        &api,
        "outbound_contact_add",
        json!({"trip_id": ib, "date": "2026-11-20", "channel": "wechat", "reached": true,
               "note": "在宁波北仑港", "new_province": "浙江", "new_city": "宁波"}),
    );
    assert_eq!(c["last_contact_on"], "2026-11-20");
    assert_eq!(c["current_location"], "浙江省宁波市");
    assert_eq!(c["contacts"][0]["channel_label"], "微信");
    let e = err(
        &api,
        "outbound_contact_add",
        json!({"trip_id": ib, "channel": "飞鸽", "reached": true}),
    );
    assert_eq!(e["field"], "channel");
}

#[test]
fn lists_counts_alerts_and_spot_checks() {
    let (_d, api) = api();
    let (_, village) = setup(&api);
    let town_v2 = ok(
        &api,
        "org_create",
        json!({"parent_id": ok(&api, "app_info", json!({}))["office"]["id"], "name": "西湾村工会",
               "kind": "village", "division_code": "620421100202"}),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut ids = Vec::new();
    for (i, (v, prov, dep, back)) in [
        (&village, "新疆", "2026-10-01", "2027-04-01"), // away
        (&village, "新疆", "2026-05-01", "2026-11-01"), // overdue? silent since May: lost
        (&village, "浙江", "2026-09-01", "2026-11-10"), // overdue
        (&town_v2, "浙江", "2026-10-15", "2027-04-15"), // away
        (&town_v2, "广东", "2026-12-10", "2027-06-10"), // planned
    ]
    .into_iter()
    .enumerate()
    {
        let m = member(&api, v, 10 + i as u32);
        let mut t = trip(&m, prov);
        t["departure_date"] = json!(dep);
        t["expected_return"] = json!(back);
        t["reported_on"] = json!("2026-05-01");
        t["submit"] = json!(true);
        ids.push(ok(&api, "outbound_create", t)["id"].clone());
    }
    let list = ok(&api, "outbound_list", json!({"away_only": true}));
    assert_eq!(list["total"], 5);
    let statuses: Vec<&str> = list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["planned", "away", "away", "overdue", "lost"]);
    assert_eq!(
        list["by_province"][0],
        json!({"key": "新疆维吾尔自治区", "label": "新疆维吾尔自治区", "count": 2})
    );
    assert_eq!(list["by_village"][0]["label"], "东湾村工会");
    assert_eq!(list["by_village"][0]["count"], 3);
    let zj = ok(
        &api,
        "outbound_list",
        json!({"province": "浙江", "org_id": village}),
    );
    assert_eq!(zj["total"], 1);
    let overdue = ok(
        &api,
        "outbound_list",
        json!({"status": "overdue", "limit": 1}),
    );
    assert_eq!(
        (
            overdue["total"].clone(),
            overdue["rows"].as_array().unwrap().len()
        ),
        (json!(1), 1)
    );
    assert_eq!(
        err(&api, "outbound_list", json!({"status": "gone"}))["field"],
        "status"
    );

    let alerts = ok(&api, "outbound_alerts", json!({}));
    assert_eq!(alerts["overdue"][0]["id"], ids[2]);
    assert_eq!(alerts["overdue"][0]["days_overdue"], 13);
    assert_eq!(alerts["lost"][0]["id"], ids[1]);
    assert_eq!(alerts["pending_review"], 5);
    assert_eq!(alerts["away"], 4);

    ok(
        &api,
        "outbound_back",
        json!({"id": ids[1], "date": "2026-11-22"}),
    );
    let e = err(
        &api,
        "outbound_back",
        json!({"id": ids[0], "date": "2026-09-01"}),
    );
    assert_eq!(e["field"], "date");

    // Spot check: same seed, same draw; 50% of the 4 not back.
    let a = ok(
        &api,
        "outbound_spot_draw",
        json!({"percent": 50, "seed": "2026"}),
    );
    let b = ok(
        &api,
        "outbound_spot_draw",
        json!({"percent": 50, "seed": "2026"}),
    );
    let drawn = |v: &Value| -> Vec<Value> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["trip_id"].clone())
            .collect()
    };
    assert_eq!(drawn(&a), drawn(&b));
    assert_eq!(a["population"], 4);
    assert_eq!(a["drawn"], 2);
    assert_eq!(a["by_village"].as_array().unwrap().len(), 2);
    assert_eq!(
        err(&api, "outbound_spot_draw", json!({"seed": "1"}))["field"],
        "size"
    );
    assert_eq!(
        err(
            &api,
            "outbound_spot_draw",
            json!({"size": 2, "seed": "abc"})
        )["field"],
        "seed"
    );
    let item = a["items"][0]["id"].clone();
    let rec = ok(
        &api,
        "outbound_spot_record",
        json!({"item_id": item, "outcome": "consistent", "note": "本人接听"}),
    );
    assert_eq!(rec["called"], 1);
    assert_eq!(rec["rate"], 1.0);
    assert_eq!(rec["items"][0]["outcome_label"], "核实一致");
    assert_eq!(
        ok(&api, "outbound_spot_list", json!({}))
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Files: the ledger and the spot check as .xlsx, the form as PDF.
    let b64 = |v: &Value| {
        base64::engine::general_purpose::STANDARD
            .decode(v["bytes_base64"].as_str().unwrap())
            .unwrap()
    };
    let ledger = ok(&api, "outbound_export", json!({"away_only": true}));
    assert_eq!(ledger["rows"], 4);
    let sheet = ledger_sheets::read("t.xlsx", &b64(&ledger), Some(0)).unwrap();
    assert!(sheet.rows[0][0].starts_with("货车司机动态管理台账"));
    assert_eq!(sheet.rows[1][3], "身份证号");
    assert_eq!(sheet.rows.len(), 2 + 4);
    let cells: Vec<&String> = sheet.rows.iter().flatten().collect();
    assert!(cells.iter().any(|c| c.contains("********")), "IDs masked");
    assert!(
        !cells.iter().any(|c| *c == "13900139000"),
        "road phones masked"
    );
    assert!(cells.iter().any(|c| *c == "逾期未返"));
    let spot = ok(&api, "outbound_spot_export", json!({"id": a["id"]}));
    assert_eq!(spot["rows"], 2);
    let rates = ledger_sheets::read("s.xlsx", &b64(&spot), Some(1)).unwrap();
    let total = rates.rows.last().unwrap();
    assert_eq!(total[0], "合计");
    // One of two called, and it matched; the village not called has no rate.
    assert_eq!(total[1..], ["2", "1", "1", "100.0%"]);
    assert!(
        rates
            .rows
            .iter()
            .any(|r| r.len() == 5 && r[2] == "0" && r[4] == "未抽查"),
        "{rates:?}"
    );
}

#[test]
fn the_registration_form_prints_one_page_per_trip_with_a_masked_id() {
    let (_d, api) = api();
    let (_, village) = setup(&api);
    let a = member(&api, &village, 30);
    let b = member(&api, &village, 31);
    let ta = ok(&api, "outbound_create", trip(&a, "新疆"))["id"].clone();
    let tb = ok(&api, "outbound_create", trip(&b, "浙江"))["id"].clone();
    let out = ok(&api, "outbound_print_form", json!({"ids": [ta, tb]}));
    assert_eq!(
        (out["pages"].clone(), out["count"].clone()),
        (json!(2), json!(2))
    );
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(out["bytes_base64"].as_str().unwrap())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text: String = String::from_utf8(text.stdout)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(text.contains("货车司机外出报告登记表"), "{text}");
    assert!(text.contains("司机30") && text.contains("司机31"));
    assert!(text.contains("新疆维吾尔自治区"));
    assert!(text.contains(&ledger_core::citizen_id::mask(&id(30))));
    assert!(!text.contains(&id(30)), "the full ID never prints");
    assert_eq!(
        err(&api, "outbound_print_form", json!({"ids": []}))["field"],
        "ids"
    );
}

#[test]
fn settings_decide_half_a_year_and_lost_contact() {
    let (_d, api) = api();
    let (_, village) = setup(&api);
    assert_eq!(
        ok(&api, "outbound_settings_get", json!({})),
        json!({"half_year_days": 180, "lost_days": 90})
    );
    let e = err(
        &api,
        "outbound_settings_set",
        json!({"half_year_days": 180, "lost_days": 3}),
    );
    assert_eq!(e["field"], "lost_days");
    let m = member(&api, &village, 40);
    let mut t = trip(&m, "新疆");
    t["departure_date"] = json!("2026-10-01");
    t["expected_return"] = json!("2027-02-01");
    t["reported_on"] = json!("2026-09-28");
    let t = ok(&api, "outbound_create", t);
    assert_eq!(
        (t["status"].clone(), t["long_trip"].clone()),
        (json!("away"), json!(false))
    );
    ok(
        &api,
        "outbound_settings_set",
        json!({"half_year_days": 120, "lost_days": 30}),
    );
    let again = ok(&api, "outbound_get", json!({"id": t["id"]}));
    assert_eq!(
        again["status"], "lost",
        "53 days without contact, 30 allowed"
    );
    assert_eq!(again["long_trip"], true, "123 days is 'half a year' at 120");
}

#[test]
fn counties_come_from_the_division_list_and_newer_names_are_kept() {
    let (_d, api) = api();
    let (_, village) = setup(&api);
    let choices = ok(&api, "outbound_choices", json!({}));
    let zhejiang = choices["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "浙江省")
        .unwrap();
    let hangzhou = zhejiang["counties"]["杭州市"].as_array().unwrap();
    assert!(hangzhou.iter().any(|c| c == "萧山区"));
    assert!(zhejiang["counties"]["杭州市"].is_array());

    let m = member(&api, &village, 40);
    let mut t = trip(&m, "浙江省");
    t["dest_city"] = json!("杭州");
    t["dest_county"] = json!("萧山");
    let made = ok(&api, "outbound_create", t.clone());
    assert_eq!(made["dest_city"], "杭州市");
    assert_eq!(
        made["dest_county"], "萧山区",
        "the short name takes the list's spelling"
    );

    // A district newer than the list is kept as typed, not refused.
    t["dest_county"] = json!("未来新区");
    let made = ok(&api, "outbound_create", t);
    assert_eq!(made["dest_county"], "未来新区");
}
