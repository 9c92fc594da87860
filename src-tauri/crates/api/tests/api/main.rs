//! The API as both transports see it: command names and JSON in, JSON out.

mod outbound;
mod posts;
mod print;
mod sheets;

use std::sync::Arc;

use ledger_api::{Api, RuntimeInfo};
use ledger_store::FixedClock;
use serde_json::{json, Value};

/// 2026-11-23 10:00 Beijing time.
const NOW_MS: i64 = 1_795_399_200_000;

fn api() -> (tempfile::TempDir, Api) {
    let dir = tempfile::tempdir().unwrap();
    let api = Api::open_with_clock(
        &dir.path().join("l.db"),
        RuntimeInfo::default(),
        Arc::new(FixedClock::at(NOW_MS)),
    )
    .unwrap();
    (dir, api)
}

fn ok(api: &Api, cmd: &str, args: Value) -> Value {
    api.dispatch(cmd, args)
        .unwrap_or_else(|e| panic!("{cmd}: {e:?}"))
}

fn err(api: &Api, cmd: &str, args: Value) -> Value {
    serde_json::to_value(api.dispatch(cmd, args).expect_err(cmd)).unwrap()
}

fn setup(api: &Api) -> (String, String) {
    let info = ok(
        api,
        "setup_office",
        json!({"levels": [
            {"name": "靖远县总工会", "kind": "county", "division_code": "620421"},
            {"name": "城关镇工会", "kind": "township", "division_code": "620421100"}
        ], "operator": "李干事"}),
    );
    let town = info["office"]["id"].as_str().unwrap().to_string();
    let village = ok(
        api,
        "org_create",
        json!({"parent_id": town, "name": "东湾村工会", "kind": "village", "division_code": "620421100201"}),
    );
    (town, village["id"].as_str().unwrap().to_string())
}

#[test]
fn the_wizard_names_the_level_and_field_it_refuses() {
    let (_d, api) = api();
    let e = err(
        &api,
        "setup_office",
        json!({"levels": [
            {"name": "靖远县总工会", "kind": "county", "division_code": "620421"},
            {"name": "城关镇工会", "kind": "township", "division_code": "620422100"}
        ]}),
    );
    assert_eq!(e["code"], "invalid");
    assert_eq!(e["field"], "levels.1.division_code");
    assert_eq!(e["message"], "行政区划代码：应以上级的代码 620421 开头");
    // Nothing was half-saved: the county of the refused chain is not there.
    assert_eq!(ok(&api, "org_list", Value::Null), json!([]));
    assert!(ok(&api, "app_info", Value::Null)["office"].is_null());
}

#[test]
fn member_flow_through_json() {
    let (_d, api) = api();
    let (town, village) = setup(&api);
    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002x", "phone": "13800138000",
               "occupation_group": "货车司机", "employer": "满帮物流", "plate_number": "甘d12345"}),
    );
    let id = m["id"].as_str().unwrap().to_string();
    assert_eq!(m["id_number"], "110105********002X");
    assert_eq!(m["plate_number"], "甘D12345");
    assert_eq!(m["org_id"], town);

    let page = ok(&api, "member_list", json!({"text": "zs"}));
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["name"], "张三");

    let e = err(
        &api,
        "member_transfer",
        json!({"member_ids": [id], "to_org_id": village, "reason": ""}),
    );
    assert_eq!(e["message"], "转接原因：不能为空");
    let moved = ok(
        &api,
        "member_transfer",
        json!({"member_ids": [id], "to_org_id": "东湾村工会", "reason": "回村居住"}),
    );
    assert_eq!(moved["count"], 1);
    let history = ok(&api, "member_history", json!({"id": id}));
    assert_eq!(history[1]["action"], "会籍转接");
    assert_eq!(history[1]["note"], "回村居住");
    assert_eq!(history[1]["actor"], "李干事");

    let full = ok(
        &api,
        "member_reveal_id",
        json!({"id": id, "purpose": "办理互助保障"}),
    );
    assert_eq!(full["id_number"], "11010519491231002X");
    assert_eq!(ok(&api, "member_get", json!({"id": id}))["id_reveals"], 1);

    let e = err(&api, "org_delete", json!({"id": village}));
    assert_eq!(e["code"], "conflict");
}

#[test]
fn enrol_to_build_alerts_at_the_threshold_and_founds_the_union() {
    let (_d, api) = api();
    let (town, _) = setup(&api);
    ok(
        &api,
        "settings_set",
        json!({"union_threshold": 3, "stale_days": 90}),
    );
    for (name, id) in [
        ("张三", "11010519491231002X"),
        ("李四", "110101199003074477"),
        ("王五", "620421198506151232"),
    ] {
        ok(
            &api,
            "member_create",
            json!({"name": name, "id_number": id, "phone": "13800138000", "occupation_group": "快递员", "employer": "顺丰速运城关网点"}),
        );
    }
    let home = ok(&api, "home_summary", Value::Null);
    assert_eq!(home["union_alerts"][0]["employer"], "顺丰速运城关网点");
    assert_eq!(home["union_alerts"][0]["members"], 3);
    let founded = ok(
        &api,
        "employer_found_union",
        json!({"employer": "顺丰速运城关网点", "parent_id": town, "transfer_members": true}),
    );
    assert_eq!(founded["transferred"], 3);
    assert_eq!(founded["org"]["name"], "顺丰速运城关网点工会");
    let home = ok(&api, "home_summary", Value::Null);
    assert_eq!(home["union_alerts"], json!([]));
    let list = ok(&api, "employer_list", Value::Null);
    assert_eq!(list["rows"][0]["union_org_name"], "顺丰速运城关网点工会");
}

#[test]
fn bad_arguments_and_unknown_commands_are_refused_in_chinese() {
    let (_d, api) = api();
    let e = err(&api, "member_create", json!({"name": 3}));
    assert_eq!(e["code"], "bad_request");
    assert!(e["message"].as_str().unwrap().starts_with("参数格式不对"));
    let e = err(&api, "no_such_command", Value::Null);
    assert_eq!(e["message"], "未知的命令：no_such_command");
    let e = err(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "1", "occupation_group": "快递员"}),
    );
    assert_eq!(e["code"], "setup_required");
}

#[test]
fn editing_without_the_id_keeps_it_and_reveals_nothing() {
    let (_d, api) = api();
    setup(&api);
    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "货车司机"}),
    );
    let id = m["id"].as_str().unwrap();
    let edited = ok(
        &api,
        "member_update",
        json!({"id": id, "name": "张三", "id_number": "", "phone": "13912345678", "occupation_group": "货车司机"}),
    );
    assert_eq!(edited["phone_full"], "13912345678");
    assert_eq!(edited["id_number"], "110105********002X");
    assert_eq!(edited["id_reveals"], 0);
}

#[test]
fn pool_routing_moves_every_group_or_none() {
    let (_d, api) = api();
    let (town, village) = setup(&api);
    let a = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13912345678", "occupation_group": "货车司机"}),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b = ok(
        &api,
        "member_create",
        json!({"name": "李四", "id_number": "620421198001011234", "phone": "13912345679", "occupation_group": "货车司机"}),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    // The second group is refused: the first must not have moved either.
    let e = err(
        &api,
        "pool_route",
        json!({"groups": [
            {"to_org_id": village, "member_ids": [a], "reason": "周转池分流：户籍在东湾村"},
            {"to_org_id": village, "member_ids": [b], "reason": " "},
        ]}),
    );
    assert_eq!(e["message"], "转接原因：不能为空");
    for id in [&a, &b] {
        assert_eq!(ok(&api, "member_get", json!({"id": id}))["org_id"], town);
    }
    let moved = ok(
        &api,
        "pool_route",
        json!({"groups": [
            {"to_org_id": village, "member_ids": [a], "reason": "周转池分流：户籍在东湾村"},
            {"to_org_id": "东湾村工会", "member_ids": [b], "reason": "周转池分流：居住在东湾村"},
        ]}),
    );
    assert_eq!(moved["count"], 2);
    for id in [&a, &b] {
        assert_eq!(ok(&api, "member_get", json!({"id": id}))["org_id"], village);
    }
}
