use chrono::NaiveDate;

use super::figures::{figures, Fact, Joined, Served};
use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-23")
}

fn post() -> PostDraft {
    PostDraft {
        name: "城关镇司机之家".into(),
        kind: "司机之家".into(),
        address: "G109国道城关段加油站旁".into(),
        facilities: vec!["充电".into(), "休息".into()],
        open_24h: true,
        ..Default::default()
    }
}

#[test]
fn a_post_is_normalised() {
    let p = validate_post(&post(), today()).unwrap();
    assert_eq!(p.status, "运营中");
    // Facilities in checklist order whatever order they were ticked.
    assert_eq!(p.facilities, vec!["休息", "充电"]);
    assert_eq!(
        hours_label(None, true, true),
        "24小时开放 · 无人值守，扫码进入"
    );
}

#[test]
fn post_errors_name_the_field() {
    let field = |f: &dyn Fn(&mut PostDraft)| {
        let mut p = post();
        f(&mut p);
        validate_post(&p, today()).unwrap_err().field
    };
    assert_eq!(field(&|p| p.name = " ".into()), "name");
    assert_eq!(field(&|p| p.kind = "加油站".into()), "kind");
    assert_eq!(field(&|p| p.facilities.push("泳池".into())), "facilities");
    assert_eq!(field(&|p| p.latitude = Some(36.5)), "longitude");
    assert_eq!(
        field(&|p| {
            p.latitude = Some(91.0);
            p.longitude = Some(104.0)
        }),
        "latitude"
    );
    assert_eq!(
        field(&|p| {
            p.latitude = Some(36.5);
            p.longitude = Some(181.0)
        }),
        "longitude"
    );
    assert_eq!(field(&|p| p.address = "路".repeat(101)), "address");
    assert_eq!(
        field(&|p| {
            p.open_24h = false;
            p.hours = Some("时".repeat(51))
        }),
        "hours"
    );
    assert_eq!(hours_label(None, false, false), "开放时间未填写");
    assert_eq!(
        field(&|p| p.contact_phone = Some("12345".into())),
        "contact_phone"
    );
    assert_eq!(field(&|p| p.status = "暂停".into()), "status_date");
    assert_eq!(field(&|p| p.opened_on = Some(d("2026-11-24"))), "opened_on");
    let e = validate_post(
        &PostDraft {
            status: "撤销".into(),
            opened_on: Some(d("2026-05-01")),
            status_date: Some(d("2026-04-01")),
            ..post()
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(e.field, "status_date");
    assert_eq!(e.to_string(), "状态日期：不能早于启用日期");
}

#[test]
fn contact_phones_may_be_landlines() {
    assert_eq!(
        contact_phone("0943-6123456").as_deref(),
        Some("0943-6123456")
    );
    assert_eq!(
        contact_phone("+86 138 0013 8000").as_deref(),
        Some("13800138000")
    );
    assert_eq!(contact_phone("6123456"), None);
}

fn types() -> Vec<String> {
    DEFAULT_SERVICE_TYPES.map(String::from).to_vec()
}

fn ticket(status: &str, handler: Option<&str>, outcome: Option<&str>) -> RecordDraft {
    RecordDraft {
        date: d("2026-11-20"),
        service_type: TICKET_TYPE.into(),
        who: Who::Person {
            name: "马师傅".into(),
            phone: "139 0931 0001".into(),
            invite: true,
        },
        note: Some("运费被拖欠".into()),
        ticket_status: Some(status.into()),
        ticket_handler: handler.map(String::from),
        ticket_outcome: outcome.map(String::from),
        insurance: None,
    }
}

#[test]
fn tickets_move_forward_and_close_with_an_outcome() {
    let r = validate_record(&ticket("受理", None, None), &types(), None, today()).unwrap();
    let t = r.ticket.unwrap();
    assert_eq!(t.status, "受理");
    assert!(matches!(r.who, Who::Person { ref phone, .. } if phone == "13909310001"));
    let e = validate_record(&ticket("办理中", None, None), &types(), Some(&t), today());
    assert_eq!(e.unwrap_err().field, "ticket_handler");
    let e = validate_record(
        &ticket("办结", Some("李干事"), None),
        &types(),
        Some(&t),
        today(),
    );
    assert_eq!(e.unwrap_err().to_string(), "办理结果：办结前请填写办理结果");
    let closed = check_ticket_move(
        Some(&t),
        "办结",
        &Some("李干事".into()),
        &Some("协调平台补发运费".into()),
        today(),
    )
    .unwrap();
    assert_eq!(closed.closed_on, Some(today()));
    let back = check_ticket_move(
        Some(&closed),
        "办理中",
        &Some("李干事".into()),
        &None,
        today(),
    );
    assert_eq!(back.unwrap_err().field, "ticket_status");
}

#[test]
fn record_rules() {
    let base = RecordDraft {
        date: d("2026-07-15"),
        service_type: "送清凉".into(),
        who: Who::Aggregate(200),
        note: None,
        ticket_status: None,
        ticket_handler: None,
        ticket_outcome: None,
        insurance: None,
    };
    let field = |r: RecordDraft| {
        validate_record(&r, &types(), None, today())
            .unwrap_err()
            .field
    };
    // A count without a note is allowed (the CLI logs `--count N` alone).
    assert!(validate_record(&base, &types(), None, today()).is_ok());
    let with_note = RecordDraft {
        note: Some("收费站发放矿泉水200瓶".into()),
        ..base.clone()
    };
    assert!(validate_record(&with_note, &types(), None, today()).is_ok());
    assert_eq!(
        field(RecordDraft {
            who: Who::Aggregate(0),
            ..with_note.clone()
        }),
        "count"
    );
    assert_eq!(
        field(RecordDraft {
            date: d("2026-11-24"),
            ..with_note.clone()
        }),
        "date"
    );
    assert_eq!(
        field(RecordDraft {
            service_type: "洗车".into(),
            ..with_note.clone()
        }),
        "service_type"
    );
    assert_eq!(
        field(RecordDraft {
            service_type: TICKET_TYPE.into(),
            ..with_note.clone()
        }),
        "kind"
    );
    let gift = RecordDraft {
        service_type: INSURANCE_TYPE.into(),
        who: Who::Member("m1".into()),
        ..base.clone()
    };
    assert_eq!(field(gift.clone()), "insurance.scheme");
    let bad_period = RecordDraft {
        insurance: Some(Insurance {
            scheme: "职工互助保障".into(),
            period_from: d("2026-07-01"),
            period_to: d("2026-06-30"),
            certificate_no: None,
        }),
        ..gift
    };
    assert_eq!(field(bad_period), "insurance.period_to");
    assert_eq!(
        field(RecordDraft {
            who: Who::Person {
                name: "赵".into(),
                phone: "0931-1234567".into(),
                invite: false
            },
            ..with_note
        }),
        "person_phone"
    );
}

#[test]
fn the_type_list_keeps_builtins_and_refuses_duplicates() {
    let mut t = types();
    t.push(" 送清凉 ".into());
    assert_eq!(validate_type_list(&t).unwrap_err().field, "types");
    let without: Vec<String> = types().into_iter().filter(|x| x != TICKET_TYPE).collect();
    assert!(validate_type_list(&without)
        .unwrap_err()
        .problem
        .contains("诉求工单"));
    let mut more = types();
    more.push("  爱心理发 ".into());
    assert_eq!(
        validate_type_list(&more).unwrap().last().unwrap(),
        "爱心理发"
    );
}

fn person(phone: &str, joined: Option<(&str, &str)>) -> Served {
    Served::Person {
        phone: phone.into(),
        invite: true,
        joined: joined.map(|(m, day)| Joined {
            member_id: m.into(),
            join_date: d(day),
        }),
    }
}

fn fact(day: &str, post: Option<&str>, ty: &str, served: Served) -> Fact {
    Fact {
        date: d(day),
        post: post.map(String::from),
        service_type: ty.into(),
        served,
        ticket_status: None,
    }
}

#[test]
fn figures_add_individuals_and_aggregates_and_count_each_person_once() {
    let facts = vec![
        fact("2026-07-01", Some("p1"), "送清凉", Served::Aggregate(200)),
        fact(
            "2026-07-02",
            Some("p1"),
            "送清凉",
            Served::Member("m1".into()),
        ),
        fact(
            "2026-07-09",
            Some("p1"),
            "健康体检",
            Served::Member("m1".into()),
        ),
        // Served twice before joining on 07-20: one conversion.
        fact(
            "2026-07-03",
            Some("p1"),
            "送清凉",
            person("13900000001", Some(("m2", "2026-07-20"))),
        ),
        fact(
            "2026-07-05",
            None,
            "法律援助",
            person("13900000001", Some(("m2", "2026-07-20"))),
        ),
        // Joined before being served (recorded as a non-member by mistake): no conversion.
        fact(
            "2026-08-01",
            None,
            "送清凉",
            person("13900000002", Some(("m3", "2026-01-01"))),
        ),
        // Never joined.
        fact(
            "2026-08-02",
            Some("p2"),
            "送清凉",
            person("13900000003", None),
        ),
    ];
    let f = figures(&facts);
    assert_eq!(f.total.person_times, 206);
    assert_eq!(f.total.aggregate_times, 200);
    assert_eq!(f.total.member_times, 2);
    assert_eq!(f.total.non_member_times, 4);
    assert_eq!(f.total.members_served(), 1);
    assert_eq!(f.total.non_members_served(), 3);
    assert_eq!(f.invited, 3);
    assert_eq!(f.joined_after_service(), 1);
    assert_eq!(f.conversions[0].member_id, "m2");
    assert_eq!(f.conversions[0].first_served_on, d("2026-07-03"));
    assert_eq!(f.conversions[0].post.as_deref(), Some("p1"));
    assert_eq!(f.by_post["p1"].person_times, 203);
    assert_eq!(f.by_post[""].person_times, 2);
    assert_eq!(f.by_month["2026-07"].person_times, 204);
    assert_eq!(f.by_type["送清凉"].person_times, 204);
    assert_eq!(
        month_range("2026-02"),
        Some((d("2026-02-01"), d("2026-02-28")))
    );
    assert_eq!(month_range("2026-13"), None);
}
