use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn filed_reports_are_locked_until_reopened() {
    use ReportState::*;
    use ReviewAction::*;
    assert_eq!(transition(Draft, Report, None), Ok(Reported));
    assert_eq!(transition(Reported, File, None), Ok(Filed));
    assert_eq!(transition(Filed, Edit, None), Err(OutboundError::Locked));
    assert_eq!(
        OutboundError::Locked.to_string(),
        "已备案的记录不能修改，如需修改请先由审核人退回/重新打开"
    );
    assert_eq!(
        transition(Filed, Reopen, Some(" ")),
        Err(OutboundError::ReasonRequired("重新打开"))
    );
    assert_eq!(transition(Filed, Reopen, Some("电话有误")), Ok(Returned));
    assert_eq!(transition(Returned, Edit, None), Ok(Returned));
    assert_eq!(transition(Returned, Report, None), Ok(Reported));
    assert_eq!(
        transition(Reported, Return, None),
        Err(OutboundError::ReasonRequired("退回"))
    );
    assert_eq!(
        transition(Reported, Return, Some("缺紧急联系人")),
        Ok(Returned)
    );
    assert!(matches!(
        transition(Draft, File, None),
        Err(OutboundError::BadTransition { .. })
    ));
    assert_eq!(transition(Filed, Delete, None), Err(OutboundError::Locked));
}

#[test]
fn status_follows_the_calendar() {
    let t = TripDates {
        departure: d("2026-03-01"),
        expected_return: d("2026-09-01"),
        returned_on: None,
        reported_on: d("2026-02-25"),
        last_contact: Some(d("2026-07-01")),
    };
    assert_eq!(t.status(d("2026-02-28"), 90), TripStatus::Planned);
    assert_eq!(t.status(d("2026-08-01"), 90), TripStatus::Away);
    assert_eq!(t.status(d("2026-09-02"), 90), TripStatus::Overdue);
    assert_eq!(t.days_overdue(d("2026-09-11")), 10);
    // 90 days after the last successful contact.
    assert_eq!(t.status(d("2026-09-29"), 90), TripStatus::Lost);
    assert_eq!(t.status(d("2026-09-29"), 120), TripStatus::Overdue);
    // Never contacted: counted from departure.
    let silent = TripDates {
        last_contact: None,
        ..t
    };
    assert_eq!(silent.days_silent(d("2026-05-30")), 90);
    assert_eq!(silent.status(d("2026-05-30"), 90), TripStatus::Lost);
    let back = TripDates {
        returned_on: Some(d("2026-08-20")),
        ..silent
    };
    assert_eq!(back.status(d("2026-12-01"), 90), TripStatus::Back);
    assert!(t.is_long(180));
    assert!(!t.is_long(200));
}

fn draft() -> TripDraft {
    TripDraft {
        plate_number: "甘d 12345".into(),
        departure: Some(d("2026-03-01")),
        expected_return: Some(d("2026-09-01")),
        dest_province: "新疆".into(),
        dest_city: Some("乌鲁木齐".into()),
        road_phone: "138 0013 8000".into(),
        ..TripDraft::default()
    }
}

#[test]
fn validates_the_form() {
    let v = validate(&draft(), d("2026-02-20")).unwrap();
    assert_eq!(v.plate_number, "甘D12345");
    assert_eq!(v.dest_province, "新疆维吾尔自治区");
    assert_eq!(v.dest_city.as_deref(), Some("乌鲁木齐市"));
    assert_eq!(v.road_phone, "13800138000");
    assert_eq!(v.reported_on, d("2026-02-20"));

    let e = |dr: TripDraft| validate(&dr, d("2026-02-20")).unwrap_err();
    assert_eq!(
        e(TripDraft {
            plate_number: "12345".into(),
            ..draft()
        })
        .field(),
        "plate_number"
    );
    let early = e(TripDraft {
        expected_return: Some(d("2026-02-01")),
        ..draft()
    });
    assert_eq!(
        (early.field(), early.code()),
        ("expected_return", "bad_date")
    );
    let bad = e(TripDraft {
        dest_province: "火星".into(),
        ..draft()
    });
    assert_eq!(bad.field(), "dest_province");
    assert!(bad.to_string().contains("34个省级行政区"));
    assert_eq!(
        e(TripDraft {
            dest_city: Some("杭州".into()),
            ..draft()
        })
        .field(),
        "dest_city"
    );
    assert_eq!(
        e(TripDraft {
            road_phone: "123".into(),
            ..draft()
        })
        .code(),
        "bad_phone"
    );
    let lone = e(TripDraft {
        emergency_phone: Some("13900139000".into()),
        ..draft()
    });
    assert_eq!(lone.field(), "emergency_name");
    let ahead = e(TripDraft {
        reported_on: Some(d("2026-03-01")),
        ..draft()
    });
    assert_eq!(ahead.field(), "reported_on");
}

#[test]
fn allocation_is_proportional_and_exact() {
    assert_eq!(allocate(&[10, 20, 30], 6), vec![1, 2, 3]);
    assert_eq!(allocate(&[1, 1, 1], 2), vec![1, 1, 0]);
    assert_eq!(allocate(&[5, 3], 100), vec![5, 3]);
    assert_eq!(allocate(&[7, 2, 1], 5).iter().sum::<usize>(), 5);
    assert_eq!(SampleSize::Percent(10).of(41), 5);
    assert_eq!(SampleSize::Count(9).of(4), 4);
}

fn population() -> Vec<(String, String)> {
    let mut p = Vec::new();
    for v in ["村A", "村B", "村C"] {
        for i in 0..(if v == "村A" { 20 } else { 10 }) {
            p.push((v.to_string(), format!("{v}-{i:02}")));
        }
    }
    p
}

#[test]
fn same_seed_same_sample_whatever_the_input_order() {
    let p = population();
    let a = draw(&p, SampleSize::Count(8), 42);
    let mut rev = p.clone();
    rev.reverse();
    assert_eq!(a, draw(&rev, SampleSize::Count(8), 42));
    assert_ne!(a, draw(&p, SampleSize::Count(8), 43));
    assert_eq!(a.len(), 8);
    let in_a = a.iter().filter(|id| id.starts_with("村A")).count();
    assert_eq!(in_a, 4, "村A holds half the trips: {a:?}");
    let mut uniq = a.clone();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), 8);
    assert_eq!(draw(&p, SampleSize::Percent(25), 7).len(), 10);
}

#[test]
fn the_draw_is_pinned() {
    // ChaCha20 seeded from a u64 is portable; this pins the algorithm so a
    // dependency update cannot silently change an auditor's sample.
    let p = population();
    assert_eq!(
        draw(&p, SampleSize::Count(4), 2026),
        PINNED.map(String::from).to_vec()
    );
}

const PINNED: [&str; 4] = ["村A-06", "村A-01", "村B-04", "村C-00"];

proptest::proptest! {
    #[test]
    fn any_draw_is_a_proportional_set_from_the_population(
        sizes in proptest::collection::vec(0usize..12, 1..6),
        n in 0u32..40,
        seed in proptest::prelude::any::<u64>(),
    ) {
        let mut pop = Vec::new();
        for (v, size) in sizes.iter().enumerate() {
            for i in 0..*size {
                pop.push((format!("v{v}"), format!("v{v}-{i}")));
            }
        }
        let picked = draw(&pop, SampleSize::Count(n), seed);
        let total: usize = sizes.iter().sum();
        proptest::prop_assert_eq!(picked.len(), (n as usize).min(total));
        let mut uniq = picked.clone();
        uniq.sort();
        uniq.dedup();
        proptest::prop_assert_eq!(uniq.len(), picked.len());
        let shares = allocate(&sizes, picked.len());
        for (v, size) in sizes.iter().enumerate() {
            let got = picked.iter().filter(|id| id.starts_with(&format!("v{v}-"))).count();
            proptest::prop_assert_eq!(got, shares[v]);
            proptest::prop_assert!(got <= *size);
            if total > 0 {
                // Within one of the exact proportional share.
                let exact = *size as f64 * picked.len() as f64 / total as f64;
                proptest::prop_assert!((got as f64 - exact).abs() < 1.0 + 1e-9);
            }
        }
    }
}
