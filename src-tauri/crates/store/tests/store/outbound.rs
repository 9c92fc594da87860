//! Outbound reports (外出报告): the review state machine, status with an
//! injected clock, contacts, and the reproducible stratified spot check.

use chrono::NaiveDate;
use ledger_core::citizen_id::check_char;
use ledger_core::org::OrgKind;
use ledger_core::outbound::{
    validate, OutboundError, ReportState, ReviewAction, SampleSize, TripDraft, TripStatus,
    ValidTrip,
};
use ledger_store::outbound::{self, ContactFields, OutboundSettings};
use ledger_store::{members, orgs, Store, StoreError};

use super::{clock, count, draft, org, setup};

const DAY_MS: i64 = 86_400_000;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn id(seq: u32) -> String {
    let first17 = format!("62042119850101{:03}", seq);
    format!("{first17}{}", check_char(&first17).unwrap())
}

fn form(plate: &str, departure: &str, back: &str) -> ValidTrip {
    validate(
        &TripDraft {
            plate_number: plate.into(),
            departure: Some(day(departure)),
            expected_return: Some(day(back)),
            dest_province: "新疆".into(),
            dest_city: Some("乌鲁木齐".into()),
            road_phone: "13800138000".into(),
            reported_on: Some(day("2026-09-28")),
            ..Default::default()
        },
        day("2026-11-23"),
    )
    .unwrap()
}

fn member(store: &mut Store, org: &str, seq: u32) -> String {
    store
        .transact(|tx| members::add(tx, &draft(&format!("司机{seq}"), &id(seq)), org))
        .unwrap()
        .id
}

#[test]
fn a_filed_report_is_locked_and_reopening_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("l.db"), clock()).unwrap();
    store.set_actor(Some("王干事".into()));
    let (_, village) = setup(&mut store);
    let m = member(&mut store, &village, 1);
    let f = form("甘D12345", "2026-10-01", "2027-04-01");
    let trip = store
        .transact(|tx| outbound::create(tx, &m, &f, false))
        .unwrap();
    assert_eq!(trip.state, ReportState::Draft);
    assert_eq!(trip.org_id, village);

    store
        .transact(|tx| outbound::review(tx, &trip.id, ReviewAction::Report, None))
        .unwrap();
    let filed = store
        .transact(|tx| outbound::review(tx, &trip.id, ReviewAction::File, None))
        .unwrap();
    assert_eq!(filed.state, ReportState::Filed);

    // No edit and no deletion after filing; the message says why.
    let edited = form("甘D54321", "2026-10-01", "2027-04-01");
    let refused = store.transact(|tx| outbound::update(tx, &trip.id, &edited));
    match refused {
        Err(StoreError::Outbound(e)) => {
            assert_eq!(e, OutboundError::Locked);
            assert!(e.to_string().contains("已备案的记录不能修改"));
        }
        other => panic!("expected locked, got {other:?}"),
    }
    assert!(matches!(
        store.transact(|tx| outbound::delete(tx, &trip.id)),
        Err(StoreError::Outbound(OutboundError::Locked))
    ));
    assert_eq!(
        outbound::get(store.conn(), &trip.id)
            .unwrap()
            .form
            .plate_number,
        "甘D12345"
    );

    // Reopening needs a reason and leaves nothing behind when refused.
    let logged = count(&store, "SELECT count(*) FROM change_log");
    let no_reason = store.transact(|tx| outbound::review(tx, &trip.id, ReviewAction::Reopen, None));
    assert!(matches!(
        no_reason,
        Err(StoreError::Outbound(OutboundError::ReasonRequired(_)))
    ));
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), logged);

    let reopened = store
        .transact(|tx| outbound::review(tx, &trip.id, ReviewAction::Reopen, Some("在外电话填错")))
        .unwrap();
    assert_eq!(reopened.state, ReportState::Returned);
    assert_eq!(reopened.state_reason.as_deref(), Some("在外电话填错"));
    let fixed = store
        .transact(|tx| outbound::update(tx, &trip.id, &edited))
        .unwrap();
    assert_eq!(fixed.form.plate_number, "甘D54321");
    store
        .transact(|tx| outbound::review(tx, &trip.id, ReviewAction::Report, None))
        .unwrap();

    let steps = outbound::reviews(store.conn(), &trip.id).unwrap();
    let actions: Vec<_> = steps.iter().map(|r| r.action.code()).collect();
    assert_eq!(actions, ["report", "file", "reopen", "report"]);
    let reopen = &steps[2];
    assert_eq!(
        (reopen.from, reopen.to),
        (ReportState::Filed, ReportState::Returned)
    );
    assert_eq!(reopen.reason.as_deref(), Some("在外电话填错"));
    assert_eq!(reopen.actor.as_deref(), Some("王干事"));
    assert_eq!(reopen.date, day("2026-11-23"));
    // Every step travels: stamped and in the change log.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl = 'outbound_reviews'"
        ),
        4
    );
}

#[test]
fn returning_a_report_needs_a_reason_and_bulk_filing_is_all_or_nothing() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (_, village) = setup(&mut store);
    let a = member(&mut store, &village, 2);
    let b = member(&mut store, &village, 3);
    let f = form("甘D12345", "2026-10-01", "2027-04-01");
    let ta = store
        .transact(|tx| outbound::create(tx, &a, &f, true))
        .unwrap();
    let tb = store
        .transact(|tx| outbound::create(tx, &b, &f, false))
        .unwrap();
    assert_eq!(ta.state, ReportState::Reported);

    let refused =
        store.transact(|tx| outbound::review(tx, &ta.id, ReviewAction::Return, Some("  ")));
    assert!(matches!(
        refused,
        Err(StoreError::Outbound(OutboundError::ReasonRequired("退回")))
    ));

    // Filing both: the draft refuses the whole batch, naming the driver.
    let bulk = store.transact(|tx| {
        for id in [&ta.id, &tb.id] {
            outbound::review(tx, id, ReviewAction::File, None)?;
        }
        Ok(())
    });
    let msg = bulk.unwrap_err().to_string();
    assert!(msg.contains("司机3") && msg.contains("草稿"), "{msg}");
    assert_eq!(
        outbound::get(store.conn(), &ta.id).unwrap().state,
        ReportState::Reported
    );

    let back = store
        .transact(|tx| outbound::review(tx, &ta.id, ReviewAction::Return, Some("缺紧急联系人")))
        .unwrap();
    assert_eq!(back.state, ReportState::Returned);
}

#[test]
fn overdue_and_lost_contact_follow_the_injected_clock() {
    let c = clock();
    let mut store = Store::open_in_memory(c.clone()).unwrap();
    let (_, village) = setup(&mut store);
    let m = member(&mut store, &village, 4);
    let f = form("甘D12345", "2026-10-01", "2026-11-30");
    let trip = store
        .transact(|tx| outbound::create(tx, &m, &f, true))
        .unwrap();
    let lost = outbound::settings(store.conn()).unwrap().lost_days;
    assert_eq!(lost, 90);
    let status = |store: &Store| {
        outbound::get(store.conn(), &trip.id).unwrap().status(
            store.today(),
            outbound::settings(store.conn()).unwrap().lost_days,
        )
    };
    assert_eq!(store.today(), day("2026-11-23"));
    assert_eq!(status(&store), TripStatus::Away);

    c.advance(10 * DAY_MS); // 2026-12-03: past the expected return
    assert_eq!(status(&store), TripStatus::Overdue);

    c.advance(29 * DAY_MS); // 2027-01-01: 92 days since departure, never reached
    assert_eq!(status(&store), TripStatus::Lost);

    // A contact that did not get through does not keep the record fresh.
    let contact = |reached: bool| ContactFields {
        date: day("2027-01-01"),
        channel: "phone".into(),
        reached,
        note: Some("在昌吉装货".into()),
        new_province: Some("新疆".into()),
        new_city: Some("昌吉".into()),
        ..Default::default()
    };
    store
        .transact(|tx| outbound::add_contact(tx, &trip.id, &contact(false)))
        .unwrap();
    assert_eq!(status(&store), TripStatus::Lost);
    let fresh = store
        .transact(|tx| outbound::add_contact(tx, &trip.id, &contact(true)))
        .unwrap();
    assert_eq!(fresh.last_contact_on, Some(day("2027-01-01")));
    assert_eq!(
        fresh.current_location.as_deref(),
        Some("新疆维吾尔自治区昌吉回族自治州")
    );
    assert_eq!(status(&store), TripStatus::Overdue);
    assert_eq!(outbound::contacts(store.conn(), &trip.id).unwrap().len(), 2);

    // A shorter lost-contact period, set in the settings.
    c.advance(40 * DAY_MS);
    assert_eq!(status(&store), TripStatus::Overdue);
    store
        .transact(|tx| {
            outbound::set_settings(
                tx,
                &OutboundSettings {
                    half_year_days: 180,
                    lost_days: 30,
                },
            )
        })
        .unwrap();
    assert_eq!(status(&store), TripStatus::Lost);

    // Home again: contacts and return are allowed on a filed record.
    store
        .transact(|tx| outbound::review(tx, &trip.id, ReviewAction::File, None))
        .unwrap();
    let today = store.today();
    store
        .transact(|tx| outbound::mark_back(tx, &trip.id, today))
        .unwrap();
    assert_eq!(status(&store), TripStatus::Back);
}

/// Three villages with 6, 3 and 3 reported trips, plus a draft and a
/// driver who is back, neither of which may be drawn.
fn villages(store: &mut Store) -> Vec<(String, String)> {
    let (town, village) = setup(store);
    let (v2, v3) = store
        .transact(|tx| {
            let a = orgs::create(
                tx,
                &org(
                    OrgKind::Village,
                    "西湾村工会",
                    Some(&town),
                    Some("620421100202"),
                ),
            )?;
            let b = orgs::create(
                tx,
                &org(
                    OrgKind::Village,
                    "南湾村工会",
                    Some(&town),
                    Some("620421100203"),
                ),
            )?;
            Ok((a.id, b.id))
        })
        .unwrap();
    let f = form("甘D12345", "2026-10-01", "2027-04-01");
    let mut trips = Vec::new();
    let mut seq = 10;
    for (v, n) in [(&village, 6), (&v2, 3), (&v3, 3)] {
        for _ in 0..n {
            seq += 1;
            let m = member(store, v, seq);
            let t = store
                .transact(|tx| outbound::create(tx, &m, &f, true))
                .unwrap();
            trips.push((v.clone(), t.id));
        }
    }
    let m = member(store, &village, 90);
    store
        .transact(|tx| outbound::create(tx, &m, &f, false))
        .unwrap();
    let m = member(store, &village, 91);
    let t = store
        .transact(|tx| outbound::create(tx, &m, &f, true))
        .unwrap();
    store
        .transact(|tx| outbound::mark_back(tx, &t.id, day("2026-11-20")))
        .unwrap();
    trips
}

fn drawn(store: &Store, check: &str) -> Vec<String> {
    let (_, items) = outbound::spot_check(store.conn(), check).unwrap();
    items.into_iter().map(|i| i.trip_id).collect()
}

#[test]
fn the_stratified_sample_is_reproducible_from_its_seed() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let trips = villages(&mut store);
    assert_eq!(outbound::population(store.conn(), None).unwrap().len(), 12);

    let draw = |store: &mut Store, size, seed| {
        store
            .transact(|tx| outbound::draw_spot_check(tx, size, seed, None, None))
            .unwrap()
    };
    let first = draw(&mut store, SampleSize::Count(4), 20261123);
    let again = draw(&mut store, SampleSize::Count(4), 20261123);
    let other = draw(&mut store, SampleSize::Count(4), 7);
    assert_eq!(drawn(&store, &first), drawn(&store, &again));
    assert_ne!(drawn(&store, &first), drawn(&store, &other));

    // Stratified: the village with half the trips gets half the sample.
    let ids = drawn(&store, &first);
    let village_of = |t: &String| trips.iter().find(|(_, id)| id == t).unwrap().0.clone();
    let first_village = &trips[0].0;
    assert_eq!(
        ids.iter()
            .filter(|t| &village_of(t) == first_village)
            .count(),
        2
    );
    assert!(ids.iter().all(|t| trips.iter().any(|(_, id)| id == t)));

    let pct = draw(&mut store, SampleSize::Percent(50), 1);
    assert_eq!(drawn(&store, &pct).len(), 6);
    let (check, _) = outbound::spot_check(store.conn(), &pct).unwrap();
    assert_eq!(
        (check.seed, check.size_spec.as_str(), check.population),
        (1, "50%", 12)
    );

    // Calls are recorded; a bad outcome is refused naming the field.
    let (_, items) = outbound::spot_check(store.conn(), &first).unwrap();
    let today = store.today();
    store
        .transact(|tx| {
            outbound::record_call(tx, &items[0].id, "consistent", Some("本人接听"), today)
        })
        .unwrap();
    let bad = store.transact(|tx| outbound::record_call(tx, &items[1].id, "busy", None, today));
    assert!(matches!(bad, Err(StoreError::Outbound(e)) if e.field() == "outcome"));
    let (_, items) = outbound::spot_check(store.conn(), &first).unwrap();
    assert_eq!(items[0].outcome.as_deref(), Some("consistent"));
    assert_eq!(items[1].outcome, None);
}

#[test]
fn a_draft_may_wait_for_its_plate_but_reporting_needs_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("l.db"), clock()).unwrap();
    let (_, village) = setup(&mut store);
    let m = member(&mut store, &village, 7);
    let trip = store
        .transact(|tx| outbound::create(tx, &m, &form("", "2026-10-01", "2027-04-01"), false))
        .unwrap();
    assert_eq!(trip.state, ReportState::Draft);
    let logged = count(&store, "SELECT count(*) FROM change_log");
    match store.transact(|tx| outbound::review(tx, &trip.id, ReviewAction::Report, None)) {
        Err(StoreError::Outbound(e)) => {
            assert_eq!(e.field(), "plate_number");
            assert!(e.to_string().contains("司机7"), "{e}");
        }
        other => panic!("expected the plate to be asked for, got {other:?}"),
    }
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), logged);
    // A malformed plate is refused even in a draft.
    let bad = validate(
        &TripDraft {
            plate_number: "12345".into(),
            departure: Some(day("2026-10-01")),
            expected_return: Some(day("2027-04-01")),
            dest_province: "新疆".into(),
            road_phone: "13800138000".into(),
            ..Default::default()
        },
        day("2026-11-23"),
    );
    assert!(matches!(bad, Err(e) if e.field() == "plate_number"));
    let filled = form("甘D12345", "2026-10-01", "2027-04-01");
    store
        .transact(|tx| outbound::update(tx, &trip.id, &filled))
        .unwrap();
    let reported = store
        .transact(|tx| outbound::review(tx, &trip.id, ReviewAction::Report, None))
        .unwrap();
    assert_eq!(reported.state, ReportState::Reported);
}
