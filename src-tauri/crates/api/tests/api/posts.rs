//! Service posts and records through JSON: field-named errors, tickets,
//! the person who joined later, the figures and their .xlsx.

use base64::Engine;
use serde_json::{json, Value};

use super::{api, err, ok, setup};

fn post(api: &ledger_api::Api) -> String {
    let p = ok(
        api,
        "post_create",
        json!({"name": "城关镇司机之家", "kind": "司机之家", "address": "G109国道城关段加油站旁",
               "partner": "农业银行城关支行", "facilities": ["充电", "休息", "饮水"],
               "open_24h": true, "unattended_qr": true, "contact_name": "王站长",
               "contact_phone": "0943-6123456", "opened_on": "2026-05-01",
               "latitude": 36.56, "longitude": 104.68}),
    );
    assert_eq!(p["facilities"], json!(["休息", "饮水", "充电"]));
    assert_eq!(p["hours_label"], "24小时开放 · 无人值守，扫码进入");
    assert_eq!(p["org_name"], "城关镇工会");
    p["id"].as_str().unwrap().to_string()
}

#[test]
fn posts_are_checked_field_by_field() {
    let (_d, api) = api();
    setup(&api);
    let id = post(&api);
    let e = err(
        &api,
        "post_create",
        json!({"name": "北山驿站", "kind": "驿站", "address": "北山路1号", "open_24h": true}),
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("invalid"), Some("kind"))
    );
    let e = err(
        &api,
        "post_create",
        json!({"name": "北山驿站", "kind": "爱心驿站", "address": "北山路1号", "hours": "8:00-18:00",
               "latitude": 36.5, "longitude": 200.0}),
    );
    assert_eq!(e["field"], "longitude");
    let e = err(
        &api,
        "post_update",
        json!({"id": id, "name": "城关镇司机之家", "kind": "司机之家", "address": "G109",
               "open_24h": true, "status": "暂停"}),
    );
    assert_eq!(e["field"], "status_date");
    assert_eq!(e["message"], "状态日期：请填写暂停的日期");
    let list = ok(&api, "post_list", json!({"text": "加油站"}));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let choices = ok(&api, "post_choices", Value::Null);
    assert_eq!(choices["facilities"].as_array().unwrap().len(), 12);
    assert_eq!(choices["service_types"][0], "送清凉");
}

#[test]
fn a_ticket_closes_only_with_an_outcome() {
    let (_d, api) = api();
    setup(&api);
    let t = ok(
        &api,
        "service_create",
        json!({"date": "2026-11-20", "service_type": "诉求工单", "kind": "person",
               "person_name": "马强", "person_phone": "139 0931 0002", "note": "运费被拖欠"}),
    );
    assert_eq!(t["ticket_status"], "受理");
    assert_eq!(t["person_phone"], "139****0002");
    assert!(t["person_phone_full"].is_null());
    let id = t["id"].as_str().unwrap();
    let e = err(
        &api,
        "ticket_update",
        json!({"id": id, "status": "办结", "handler": "李干事"}),
    );
    assert_eq!(e["field"], "outcome");
    let e = err(&api, "ticket_update", json!({"id": id, "status": "办理中"}));
    assert_eq!(e["field"], "handler");
    let r = ok(
        &api,
        "ticket_update",
        json!({"id": id, "status": "办结", "handler": "李干事", "outcome": "协调平台补发运费"}),
    );
    assert_eq!(r["ticket_closed_on"], "2026-11-23");
    let full = ok(&api, "service_get", json!({"id": id}));
    assert_eq!(full["person_phone_full"], "13909310002");
    let page = ok(
        &api,
        "service_list",
        json!({"service_type": "诉求工单", "ticket_status": "办结"}),
    );
    assert_eq!(page["total"], 1);
}

#[test]
fn figures_count_person_times_people_and_those_who_joined_after() {
    let (_d, api) = api();
    setup(&api);
    let p = post(&api);
    let add = |v: Value| ok(&api, "service_create", v);
    add(
        json!({"date": "2026-07-10", "post_id": p, "service_type": "送清凉", "kind": "aggregate",
               "count": 200, "note": "收费站发放矿泉水200瓶"}),
    );
    let person = add(
        json!({"date": "2026-07-11", "post_id": p, "service_type": "健康体检",
                            "kind": "person", "person_name": "马强", "person_phone": "13909310002",
                            "invite": true}),
    );
    add(
        json!({"date": "2026-08-01", "service_type": "法律援助", "kind": "person",
               "person_name": "马强", "person_phone": "13909310002"}),
    );
    let e = err(
        &api,
        "service_create",
        json!({"date": "2026-07-10", "post_id": p,
        "service_type": "送清凉", "kind": "aggregate", "count": 0}),
    );
    assert_eq!(e["field"], "count");

    let q = json!({"from": "2026-07-01", "to": "2026-08-31"});
    let s = ok(&api, "service_stats", q.clone());
    assert_eq!(s["person_times"], 202);
    assert_eq!(s["non_members_served"], 1);
    assert_eq!(s["joined_after_service"], 0);
    let pending = ok(&api, "service_list", json!({"invite_pending": true}));
    assert_eq!(pending["total"], 1);

    // 马强 joins from his record: both of his records are linked at once.
    let r = ok(
        &api,
        "service_enrol_person",
        json!({"record_id": person["id"], "name": "", "phone": "", "id_number": "11010519491231002x",
               "occupation_group": "货车司机"}),
    );
    assert_eq!(r["joined_by"], "explicit");
    assert_eq!(r["joined_member_name"], "马强");
    let s = ok(&api, "service_stats", q.clone());
    assert_eq!(s["joined_after_service"], 1);
    assert_eq!(s["conversions"][0]["post_name"], "城关镇司机之家");
    assert_eq!(s["by_month"][0]["label"], "2026年7月");
    assert_eq!(s["by_post"][0]["label"], "城关镇司机之家");
    assert_eq!(s["by_post"][0]["person_times"], 201);
    let member = r["joined_member_id"].as_str().unwrap();
    let b = ok(&api, "member_benefits", json!({"member_id": member}));
    assert_eq!(b["health_checks"].as_array().unwrap().len(), 1);
    assert_eq!(b["services"].as_array().unwrap().len(), 2);

    let x = ok(&api, "service_stats_xlsx", q);
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(x["bytes_base64"].as_str().unwrap())
        .unwrap();
    assert!(bytes.starts_with(b"PK"));
    assert!(x["file_name"].as_str().unwrap().ends_with(".xlsx"));
}

#[test]
fn the_type_list_is_edited_but_a_type_in_use_stays() {
    let (_d, api) = api();
    setup(&api);
    ok(
        &api,
        "service_create",
        json!({"date": "2026-06-01", "service_type": "心理咨询",
        "kind": "aggregate", "count": 12, "note": "心理健康讲座"}),
    );
    let mut types: Vec<String> = ok(&api, "post_choices", Value::Null)["service_types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .filter(|t| t != "心理咨询")
        .collect();
    let e = err(&api, "service_types_set", json!({ "types": types }));
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("conflict"), Some("types"))
    );
    types.push("心理咨询".into());
    types.push("爱心理发".into());
    let t = ok(&api, "service_types_set", json!({ "types": types }));
    let names: Vec<&str> = t["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.last(), Some(&"爱心理发"));
    assert_eq!(ok(&api, "service_types_get", Value::Null), t);
}

#[test]
fn links_edits_and_refusals_name_their_field() {
    let (_d, api) = api();
    setup(&api);
    let p = post(&api);
    // Served under an old phone; joined later with a new one: linked by hand.
    let r = ok(
        &api,
        "service_create",
        json!({"date": "2026-07-11", "post_id": p,
        "service_type": "送清凉", "kind": "person", "person_name": "马强",
        "person_phone": "13909310002"}),
    );
    let m = ok(
        &api,
        "member_create",
        json!({"name": "马强", "id_number": "11010519491231002x",
        "phone": "13700000000", "occupation_group": "货车司机", "join_date": "2026-09-01"}),
    );
    let rid = r["id"].as_str().unwrap();
    let e = err(
        &api,
        "service_link_member",
        json!({"id": rid, "member_id": "nobody"}),
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("not_found"), Some("member_id"))
    );
    let linked = ok(
        &api,
        "service_link_member",
        json!({"id": rid, "member_id": m["id"]}),
    );
    assert_eq!(linked["joined_by"], "explicit");
    let s = ok(
        &api,
        "service_stats",
        json!({"from": "2026-07-01", "to": "2026-07-31"}),
    );
    assert_eq!(s["joined_after_service"], 1);
    let unlinked = ok(
        &api,
        "service_link_member",
        json!({"id": rid, "member_id": null}),
    );
    assert!(unlinked["joined_member_id"].is_null());

    // An edit keeps a ticket moving forward only.
    let t = ok(
        &api,
        "service_create",
        json!({"date": "2026-07-12", "service_type": "诉求工单",
        "kind": "member", "member_id": m["id"], "ticket_status": "办理中", "ticket_handler": "李干事"}),
    );
    let e = err(
        &api,
        "service_update",
        json!({"id": t["id"], "date": "2026-07-12",
        "service_type": "诉求工单", "kind": "member", "member_id": m["id"], "ticket_status": "受理"}),
    );
    assert_eq!(e["field"], "ticket_status");

    let e = err(&api, "post_delete", json!({"id": p}));
    assert_eq!(e["code"], "conflict");
    let e = err(
        &api,
        "print_post_report",
        json!({"post_id": p, "month": "2026-13"}),
    );
    assert_eq!(e["field"], "month");
    let e = err(
        &api,
        "service_stats",
        json!({"from": "2026-08-01", "to": "2026-07-01"}),
    );
    assert_eq!(e["field"], "to");
}
