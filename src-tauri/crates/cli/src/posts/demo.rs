//! The demo's posts and services (`ledger demo`).

use ledger_api::posts::dto::{PostInput, ServiceInput};
use ledger_api::{Api, ApiError};
use serde_json::{json, Value};

fn demo_post(api: &Api, input: Value) -> Result<String, ApiError> {
    let input: PostInput =
        serde_json::from_value(input).map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(api.post_create(input)?.id)
}

fn demo_service(api: &Api, input: Value) -> Result<(), ApiError> {
    let input: ServiceInput =
        serde_json::from_value(input).map_err(|e| ApiError::bad_request(e.to_string()))?;
    api.service_create(input).map(|_| ())
}

/// 示例 posts and services for `ledger demo`: three posts, summer-heat relief
/// counted by person-times, health checks and insurance for members, tickets,
/// and platform drivers served before they joined at the September ceremony
/// (先服务后入会). Runs after the demo's orgs and members exist.
pub fn demo(api: &Api) -> Result<usize, ApiError> {
    let orgs = api.org_list()?;
    let org = |name: &str| {
        orgs.iter()
            .find(|o| o.name == name)
            .map(|o| o.id.clone())
            .ok_or_else(|| ApiError::bad_request(format!("示例组织“{name}”不存在")))
    };
    let home = demo_post(
        api,
        json!({"name": "示例镇司机之家", "kind": "司机之家", "org_id": org("示例镇工会")?,
               "address": "G109国道示例镇段加油站旁", "latitude": 36.56, "longitude": 104.68,
               "facilities": ["休息", "饮水", "热饭", "充电", "如厕", "淋浴", "维修工具", "停车"],
               "open_24h": true, "unattended_qr": true, "contact_name": "王站长",
               "contact_phone": "0943-6123456", "opened_on": "2025-05-01",
               "page_url": "https://example.org/posts/sjzj", "notes": "示例数据，可删除"}),
    )?;
    let station = demo_post(
        api,
        json!({"name": "示例东湾村爱心驿站", "kind": "爱心驿站", "org_id": org("示例东湾村工会")?,
               "partner": "示例农村商业银行东湾支行", "address": "示例镇东湾村村委会东侧",
               "facilities": ["休息", "饮水", "充电", "如厕", "药箱", "无线网络", "阅读"],
               "hours": "08:00-20:00", "contact_name": "李红", "contact_phone": "13909431234",
               "opened_on": "2025-09-01", "notes": "示例数据，可删除"}),
    )?;
    let outdoor = demo_post(
        api,
        json!({"name": "示例镇户外劳动者服务站点", "kind": "户外劳动者服务站点",
               "org_id": org("示例镇工会")?, "address": "示例镇街道12号",
               "facilities": ["休息", "饮水", "热饭", "充电"], "hours": "07:00-21:00",
               "opened_on": "2026-03-01", "notes": "示例数据，可删除"}),
    )?;
    let mut n = 0;
    let mut add = |v: Value| -> Result<(), ApiError> {
        n += 1;
        demo_service(api, v)
    };
    add(
        json!({"date": "2026-07-15", "post_id": home, "service_type": "送清凉",
               "kind": "aggregate", "count": 200, "note": "高速收费站发放矿泉水200瓶"}),
    )?;
    add(
        json!({"date": "2026-08-05", "post_id": outdoor, "service_type": "送清凉",
               "kind": "aggregate", "count": 120, "note": "为外卖骑手、快递员送绿豆汤和藿香正气水"}),
    )?;
    add(
        json!({"date": "2026-01-20", "service_type": "四季送/慰问", "kind": "aggregate",
               "count": 80, "note": "春节前慰问返乡货车司机（外出服务）"}),
    )?;
    let members = api.member_list(ledger_api::dto::MemberListQuery {
        page_size: Some(200),
        ..Default::default()
    })?;
    for (i, m) in members.rows.iter().take(6).enumerate() {
        add(
            json!({"date": format!("2026-06-{:02}", 10 + i), "post_id": home,
                   "service_type": "健康体检", "kind": "member", "member_id": m.id,
                   "note": "免费体检：血压、血糖、心电图"}),
        )?;
    }
    for (i, m) in members.rows.iter().skip(6).take(3).enumerate() {
        add(
            json!({"date": "2026-05-20", "post_id": station, "service_type": "互助保障赠送",
                   "kind": "member", "member_id": m.id,
                   "insurance": {"scheme": "职工互助保障·意外伤害", "period_from": "2026-06-01",
                                 "period_to": "2027-05-31",
                                 "certificate_no": format!("HZBZ-2026-{:04}", i + 1)}}),
        )?;
    }
    // Platform drivers served as non-members in summer; they joined at the
    // September ceremony with the same phones: 先服务后入会.
    let drivers = api.member_list(ledger_api::dto::MemberListQuery {
        employer: Some("示例顺达物流平台".into()),
        page_size: Some(4),
        ..Default::default()
    })?;
    for (i, d) in drivers.rows.iter().enumerate() {
        let full = api.dispatch("member_get", json!({ "id": d.id }))?;
        let service_type = ["送清凉", "健康体检", "法律援助", "送清凉"][i % 4];
        add(
            json!({"date": format!("2026-07-{:02}", 20 + i), "post_id": home,
                   "service_type": service_type,
                   "kind": "person", "person_name": d.name, "person_phone": full["phone_full"],
                   "invite": true}),
        )?;
    }
    for (i, name) in ["示例骑手甲", "示例骑手乙", "示例司机丙"]
        .iter()
        .enumerate()
    {
        add(
            json!({"date": format!("2026-10-{:02}", 8 + i), "post_id": outdoor,
                   "service_type": "送清凉", "kind": "person", "person_name": name,
                   "person_phone": format!("1580000000{}", i + 1), "invite": i != 2}),
        )?;
    }
    add(
        json!({"date": "2026-09-02", "post_id": home, "service_type": "诉求工单",
               "kind": "person", "person_name": "示例司机丁", "person_phone": "15800000009",
               "note": "物流平台拖欠运费三千元", "ticket_status": "办结", "ticket_handler": "示例经办人",
               "ticket_outcome": "协调平台于9月10日补发运费"}),
    )?;
    if let Some(m) = members.rows.get(1) {
        add(
            json!({"date": "2026-11-03", "service_type": "诉求工单", "kind": "member",
                   "member_id": m.id, "note": "咨询工伤认定", "ticket_status": "办理中",
                   "ticket_handler": "示例经办人"}),
        )?;
    }
    add(
        json!({"date": "2026-11-10", "post_id": station, "service_type": "法律援助",
               "kind": "person", "person_name": "示例家政员戊", "person_phone": "15800000010",
               "invite": true, "note": "劳务合同咨询"}),
    )?;
    Ok(n)
}
