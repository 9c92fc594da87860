//! Service posts and records: validation with field names, one write per
//! action, tickets, the type list, and the figures (person-times, people
//! counted once, conversion).

use chrono::NaiveDate;
use ledger_core::citizen_id::check_char;
use ledger_core::member::MemberDraft;
use ledger_core::posts::{Insurance, PostDraft, RecordDraft, Who};
use ledger_store::members;
use ledger_store::posts::records::{self, PostFilter, RecordFields, RecordQuery};
use ledger_store::posts::{self, stats, types, PostQuery};
use ledger_store::{Store, StoreError};

use super::{clock, count, setup};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn id(seq: u32) -> String {
    let first17 = format!("62042119850101{:03}", seq);
    format!("{first17}{}", check_char(&first17).unwrap())
}

fn post(name: &str) -> PostDraft {
    PostDraft {
        name: name.into(),
        kind: "司机之家".into(),
        address: "G109国道城关段中石化加油站旁".into(),
        facilities: vec!["休息".into(), "饮水".into(), "充电".into()],
        open_24h: true,
        unattended_qr: true,
        opened_on: Some(day("2026-05-01")),
        ..Default::default()
    }
}

fn rec(date: &str, post: Option<&str>, org: &str, ty: &str, who: Who) -> RecordFields {
    RecordFields {
        post_id: post.map(String::from),
        org_id: org.into(),
        draft: RecordDraft {
            date: day(date),
            service_type: ty.into(),
            note: matches!(who, Who::Aggregate(_)).then(|| "收费站发放矿泉水".to_string()),
            who,
            ticket_status: None,
            ticket_handler: None,
            ticket_outcome: None,
            insurance: None,
        },
    }
}

fn person(name: &str, phone: &str) -> Who {
    Who::Person {
        name: name.into(),
        phone: phone.into(),
        invite: true,
    }
}

fn member(store: &mut Store, org: &str, seq: u32, phone: &str, joined: &str) -> String {
    store
        .transact(|tx| {
            members::add(
                tx,
                &MemberDraft {
                    name: format!("会员{seq}"),
                    id_number: id(seq),
                    phone: phone.into(),
                    occupation_group: "货车司机".into(),
                    join_date: Some(day(joined)),
                    ..Default::default()
                },
                org,
            )
        })
        .unwrap()
        .id
}

/// A ledger in a real SQLite file.
fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("l.db"), clock()).unwrap();
    (dir, store)
}

fn in_range(from: &str, to: &str) -> RecordQuery {
    RecordQuery {
        from: Some(day(from)),
        to: Some(day(to)),
        ..Default::default()
    }
}

#[test]
fn a_post_is_validated_with_field_names_and_logged() {
    let (_dir, mut store) = open();
    let (town, _) = setup(&mut store);
    let p = store
        .transact(|tx| posts::create(tx, &town, &post("城关司机之家")))
        .unwrap();
    assert_eq!(p.fields.status, "运营中");
    assert_eq!(p.fields.status_date, Some(day("2026-05-01")));
    assert_eq!(p.fields.facilities, vec!["休息", "饮水", "充电"]);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl = 'service_posts'"
        ),
        1
    );
    let refuse = |store: &mut Store, d: PostDraft| -> &'static str {
        match store.transact(|tx| posts::create(tx, &town, &d)) {
            Err(StoreError::Post(e)) => e.field,
            other => panic!("expected a field error, got {other:?}"),
        }
    };
    assert_eq!(refuse(&mut store, post("城关司机之家")), "name");
    let mut bad = post("北山驿站");
    bad.latitude = Some(95.0);
    bad.longitude = Some(104.6);
    assert_eq!(refuse(&mut store, bad), "latitude");
    let mut bad = post("北山驿站");
    bad.contact_phone = Some("6123".into());
    assert_eq!(refuse(&mut store, bad), "contact_phone");
    assert_eq!(count(&store, "SELECT count(*) FROM service_posts"), 1);
    let listed = posts::list(
        store.conn(),
        &PostQuery {
            text: Some("中石化".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(listed.len(), 1);
}

#[test]
fn nothing_is_half_saved() {
    let (_dir, mut store) = open();
    let (town, _) = setup(&mut store);
    let before = count(&store, "SELECT count(*) FROM change_log");
    let r = store.transact(|tx| {
        let p = posts::create(tx, &town, &post("城关司机之家"))?;
        // The second write is refused (aggregate without a count): all goes.
        records::create(
            tx,
            &rec(
                "2026-07-01",
                Some(&p.id),
                &town,
                "送清凉",
                Who::Aggregate(0),
            ),
        )
    });
    assert!(matches!(r, Err(StoreError::Post(ref e)) if e.field == "count"));
    assert_eq!(count(&store, "SELECT count(*) FROM service_posts"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM service_records"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), before);
}

#[test]
fn figures_add_individuals_and_aggregates_and_count_each_person_once() {
    let (_dir, mut store) = open();
    let (town, village) = setup(&mut store);
    let m1 = member(&mut store, &town, 1, "13800000001", "2025-03-01");
    let p = store
        .transact(|tx| posts::create(tx, &town, &post("城关司机之家")))
        .unwrap();
    let v = store
        .transact(|tx| {
            let mut d = post("东湾村爱心驿站");
            d.kind = "爱心驿站".into();
            posts::create(tx, &village, &d)
        })
        .unwrap();
    let add =
        |store: &mut Store, f: RecordFields| store.transact(|tx| records::create(tx, &f)).unwrap();
    add(
        &mut store,
        rec(
            "2026-07-01",
            Some(&p.id),
            &town,
            "送清凉",
            Who::Aggregate(200),
        ),
    );
    add(
        &mut store,
        rec(
            "2026-07-02",
            Some(&p.id),
            &town,
            "送清凉",
            Who::Member(m1.clone()),
        ),
    );
    add(
        &mut store,
        rec(
            "2026-08-02",
            Some(&v.id),
            &town,
            "健康体检",
            Who::Member(m1.clone()),
        ),
    );
    // Served twice as a non-member (different formatting of one phone), then joins.
    add(
        &mut store,
        rec(
            "2026-07-03",
            Some(&p.id),
            &town,
            "送清凉",
            person("马强", "139-0000-0002"),
        ),
    );
    add(
        &mut store,
        rec(
            "2026-07-20",
            None,
            &town,
            "法律援助",
            person("马强", "+86 13900000002"),
        ),
    );
    // Served, never joined.
    add(
        &mut store,
        rec(
            "2026-08-05",
            Some(&v.id),
            &town,
            "送清凉",
            person("赵六", "13900000003"),
        ),
    );
    // Outside the range.
    add(
        &mut store,
        rec(
            "2026-06-30",
            Some(&p.id),
            &town,
            "送清凉",
            Who::Aggregate(50),
        ),
    );

    let s = stats::stats(store.conn(), &in_range("2026-07-01", "2026-08-31")).unwrap();
    let f = &s.figures;
    assert_eq!(f.total.person_times, 205);
    assert_eq!(f.total.aggregate_times, 200);
    assert_eq!(f.total.members_served(), 1);
    assert_eq!(f.total.non_members_served(), 2);
    assert_eq!(f.joined_after_service(), 0, "nobody has joined yet");

    // 马强 joins in September with the same phone: one conversion, not two.
    let m2 = member(&mut store, &town, 2, "13900000002", "2026-09-01");
    let s = stats::stats(store.conn(), &in_range("2026-07-01", "2026-08-31")).unwrap();
    assert_eq!(s.figures.joined_after_service(), 1);
    assert_eq!(s.figures.total.non_members_served(), 2);
    let c = &s.figures.conversions[0];
    assert_eq!(
        (c.member_id.as_str(), c.first_served_on),
        (m2.as_str(), day("2026-07-03"))
    );
    assert_eq!(s.post_names[c.post.as_ref().unwrap()], "城关司机之家");
    assert_eq!(s.members[&m2].0, "会员2");

    // The records show the member found by phone.
    let (_, rows) = records::list(store.conn(), &RecordQuery::default(), 50, 0).unwrap();
    let linked: Vec<_> = rows.iter().filter_map(|r| r.joined.as_ref()).collect();
    assert_eq!(linked.len(), 2);
    assert!(linked.iter().all(|j| j.member_id == m2 && !j.explicit));

    // Filters: one post; the village's subtree (the post's org, not the record's).
    let one = stats::stats(
        store.conn(),
        &RecordQuery {
            post: PostFilter::Post(p.id.clone()),
            ..in_range("2026-07-01", "2026-08-31")
        },
    )
    .unwrap();
    assert_eq!(one.figures.total.person_times, 202);
    let village_only = stats::stats(
        store.conn(),
        &RecordQuery {
            org_id: Some(village.clone()),
            ..in_range("2026-07-01", "2026-08-31")
        },
    )
    .unwrap();
    assert_eq!(village_only.figures.total.person_times, 2);
    // Member benefits: m2's records include those from before joining.
    let (n, _) = records::list(
        store.conn(),
        &RecordQuery {
            member_id: Some(m2.clone()),
            ..Default::default()
        },
        50,
        0,
    )
    .unwrap();
    assert_eq!(
        n, 2,
        "a member's page lists what they received before joining"
    );
}

#[test]
fn enrolling_a_person_links_their_records_in_one_transaction() {
    let (_dir, mut store) = open();
    let (town, _) = setup(&mut store);
    let a = store
        .transact(|tx| {
            records::create(
                tx,
                &rec(
                    "2026-07-03",
                    None,
                    &town,
                    "送清凉",
                    person("马强", "13900000002"),
                ),
            )
        })
        .unwrap();
    store
        .transact(|tx| {
            records::create(
                tx,
                &rec(
                    "2026-08-03",
                    None,
                    &town,
                    "技能培训",
                    person("马强", "13900000002"),
                ),
            )
        })
        .unwrap();
    let mut d = MemberDraft {
        name: "马强".into(),
        id_number: "620421198501019999".into(), // bad check digit
        phone: "13900000002".into(),
        occupation_group: "货车司机".into(),
        ..Default::default()
    };
    let before = count(&store, "SELECT count(*) FROM change_log");
    assert!(store
        .transact(|tx| records::enrol_person(tx, &a.id, &d, &town))
        .is_err());
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), before);
    d.id_number = id(7);
    let (m, r) = store
        .transact(|tx| records::enrol_person(tx, &a.id, &d, &town))
        .unwrap();
    assert!(r
        .joined
        .as_ref()
        .is_some_and(|j| j.explicit && j.member_id == m.id));
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM service_records WHERE joined_member_id IS NOT NULL"
        ),
        2
    );
    // Joined today (2026-11-23), after both services: one conversion.
    let s = stats::stats(store.conn(), &in_range("2026-01-01", "2026-11-23")).unwrap();
    assert_eq!(s.figures.joined_after_service(), 1);
    let again = store.transact(|tx| records::enrol_person(tx, &a.id, &d, &town));
    assert!(matches!(again, Err(StoreError::Conflict(_))));
}

#[test]
fn tickets_move_forward_and_close_only_with_an_outcome() {
    let (_dir, mut store) = open();
    let (town, _) = setup(&mut store);
    let t = store
        .transact(|tx| {
            records::create(
                tx,
                &rec(
                    "2026-11-20",
                    None,
                    &town,
                    "诉求工单",
                    person("马强", "13900000002"),
                ),
            )
        })
        .unwrap();
    assert_eq!(t.ticket.as_ref().unwrap().status, "受理");
    let mv = |store: &mut Store, s: &str, h: Option<&str>, o: Option<&str>| {
        store.transact(|tx| {
            records::move_ticket(tx, &t.id, s, &h.map(String::from), &o.map(String::from))
        })
    };
    let e = mv(&mut store, "办结", Some("李干事"), None).unwrap_err();
    assert!(matches!(e, StoreError::Post(ref p) if p.field == "ticket_outcome"));
    assert_eq!(e.to_string(), "办理结果：办结前请填写办理结果");
    let r = mv(&mut store, "办理中", Some("李干事"), None).unwrap();
    assert_eq!(r.ticket.as_ref().unwrap().status, "办理中");
    let r = mv(&mut store, "办结", Some("李干事"), Some("协调平台补发运费")).unwrap();
    let closed = r.ticket.unwrap();
    assert_eq!(closed.closed_on, Some(store.today()));
    let back = mv(&mut store, "受理", Some("李干事"), None).unwrap_err();
    assert!(matches!(back, StoreError::Post(ref p) if p.field == "ticket_status"));
    // Three writes logged: insert and two moves.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl = 'service_records'"
        ),
        3
    );
    let s = stats::stats(store.conn(), &in_range("2026-11-01", "2026-11-30")).unwrap();
    assert_eq!(s.figures.tickets, [0, 0, 1]);
    // A record that is not a ticket cannot be moved.
    let other = store
        .transact(|tx| {
            records::create(
                tx,
                &rec("2026-11-20", None, &town, "送清凉", Who::Aggregate(3)),
            )
        })
        .unwrap();
    let e = store.transact(|tx| records::move_ticket(tx, &other.id, "办结", &None, &None));
    assert!(matches!(e, Err(StoreError::Conflict(_))));
}

#[test]
fn a_type_in_use_is_not_silently_removed_and_insurance_is_kept() {
    let (_dir, mut store) = open();
    let (town, _) = setup(&mut store);
    let m = member(&mut store, &town, 3, "13800000003", "2025-01-01");
    let mut f = rec(
        "2026-06-01",
        None,
        &town,
        "互助保障赠送",
        Who::Member(m.clone()),
    );
    let e = store.transact(|tx| records::create(tx, &f)).unwrap_err();
    assert!(matches!(e, StoreError::Post(ref p) if p.field == "insurance.scheme"));
    f.draft.insurance = Some(Insurance {
        scheme: "职工互助保障·意外伤害".into(),
        period_from: day("2026-06-01"),
        period_to: day("2027-05-31"),
        certificate_no: Some("HZBZ-2026-0001".into()),
    });
    let r = store.transact(|tx| records::create(tx, &f)).unwrap();
    assert_eq!(
        r.insurance.unwrap().certificate_no.as_deref(),
        Some("HZBZ-2026-0001")
    );
    store
        .transact(|tx| {
            records::create(
                tx,
                &rec(
                    "2026-06-02",
                    None,
                    &town,
                    "心理咨询",
                    Who::Member(m.clone()),
                ),
            )
        })
        .unwrap();

    let mut list = types::names(store.conn()).unwrap();
    list.retain(|t| t != "心理咨询");
    let e = store.transact(|tx| types::set(tx, &list)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "服务类型“心理咨询”已有1条服务记录使用，不能删除"
    );
    let mut list = types::names(store.conn()).unwrap();
    list.retain(|t| t != "就业招聘");
    list.push("爱心理发".into());
    let set = store.transact(|tx| types::set(tx, &list)).unwrap();
    assert!(set.iter().any(|t| t.name == "爱心理发" && t.in_use == 0));
    assert!(set.iter().any(|t| t.name == "心理咨询" && t.in_use == 1));
    let e = store.transact(|tx| {
        records::create(
            tx,
            &rec("2026-06-03", None, &town, "就业招聘", Who::Aggregate(5)),
        )
    });
    assert!(matches!(e, Err(StoreError::Post(ref p)) if p.field == "service_type"));
}

#[test]
fn a_post_with_records_is_not_deleted_and_a_closed_post_takes_no_new_records() {
    let (_dir, mut store) = open();
    let (town, village) = setup(&mut store);
    let p = store
        .transact(|tx| posts::create(tx, &town, &post("城关司机之家")))
        .unwrap();
    store
        .transact(|tx| {
            records::create(
                tx,
                &rec(
                    "2026-07-01",
                    Some(&p.id),
                    &town,
                    "送清凉",
                    Who::Aggregate(20),
                ),
            )
        })
        .unwrap();
    let e = store.transact(|tx| posts::delete(tx, &p.id)).unwrap_err();
    assert!(matches!(e, StoreError::Conflict(_)));
    // The post moves to the village: its records follow it.
    store
        .transact(|tx| posts::update(tx, &p.id, &village, &post("城关司机之家")))
        .unwrap();
    let sql = format!("SELECT count(*) FROM service_records WHERE org_id = '{village}'");
    assert_eq!(count(&store, &sql), 1);
    let mut closed = post("城关司机之家");
    closed.status = "撤销".into();
    closed.status_date = Some(day("2026-10-01"));
    store
        .transact(|tx| posts::update(tx, &p.id, &town, &closed))
        .unwrap();
    let e = store.transact(|tx| {
        records::create(
            tx,
            &rec(
                "2026-10-02",
                Some(&p.id),
                &town,
                "送清凉",
                Who::Aggregate(20),
            ),
        )
    });
    assert!(matches!(e, Err(StoreError::Post(ref p)) if p.field == "post_id"));
    let e = store.transact(|tx| {
        records::create(
            tx,
            &rec(
                "2026-04-30",
                Some(&p.id),
                &town,
                "送清凉",
                Who::Aggregate(20),
            ),
        )
    });
    assert!(matches!(e, Err(StoreError::Post(ref p)) if p.field == "date"));
}
