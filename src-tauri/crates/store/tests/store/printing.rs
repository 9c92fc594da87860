//! Printing state: ceremonies and their attendees (travelling, logged),
//! card issue dates, the signing key, seals, and print batches.

use chrono::NaiveDate;
use ledger_core::citizen_id::check_char;
use ledger_store::ceremonies::{self, CeremonyFields, Checklist};
use ledger_store::members;
use ledger_store::printing::{self, Batch, PrintSettings};
use ledger_store::{Store, StoreError};

use super::{clock, count, draft, setup};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A valid citizen ID from a sequence number.
fn id(seq: u32) -> String {
    let first17 = format!("62042119900101{:03}", seq);
    format!("{first17}{}", check_char(&first17).unwrap())
}

fn ceremony(org: &str) -> CeremonyFields {
    CeremonyFields {
        org_id: org.to_string(),
        date: day("2026-11-20"),
        place: "城关镇文化广场".into(),
        notes: None,
        checklist: Checklist::default(),
    }
}

fn log_count(store: &Store, table: &str, row: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE tbl = ?1 AND row_id = ?2",
            [table, row],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn ceremony_writes_are_stamped_and_logged() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.set_actor(Some("李干事".into()));
    let (town, village) = setup(&mut store);
    let c = store
        .transact(|tx| ceremonies::create(tx, &ceremony(&town)))
        .unwrap();
    assert_eq!(c.org_name, "城关镇工会");
    assert_eq!((c.attendees, c.printed), (0, 0));
    assert_eq!(log_count(&store, "ceremonies", &c.id), 1);

    // Tick 一证 and 一徽, move it to the village.
    let mut f = ceremony(&village);
    f.checklist.certificate = true;
    f.checklist.badge = true;
    f.notes = Some("县总工会领导出席".into());
    let c2 = store
        .transact(|tx| ceremonies::update(tx, &c.id, &f))
        .unwrap();
    assert!(c2.checklist.certificate && c2.checklist.badge && !c2.checklist.pack);
    assert!(c2.updated_at > c.updated_at);
    let logged: String = store
        .conn()
        .query_row(
            "SELECT row_after FROM change_log WHERE tbl = 'ceremonies' ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let logged: serde_json::Value = serde_json::from_str(&logged).unwrap();
    assert_eq!(logged["has_badge"], 1);
    assert_eq!(logged["org_id"], village.as_str());
    assert_eq!(logged["updated_at"], c2.updated_at.as_str());

    // Enrol on the spot: channel, date, org and the link, all logged.
    let m = store
        .transact(|tx| ceremonies::enrol(tx, &c.id, &draft("张三", &id(1)), None))
        .unwrap();
    assert_eq!(m.join_channel, "集中入会仪式");
    assert_eq!(m.join_date, day("2026-11-20"));
    assert_eq!(m.org_id, village);
    let other = store
        .transact(|tx| members::add(tx, &draft("李四", &id(2)), &town))
        .unwrap();
    let added = store
        .transact(|tx| ceremonies::add_attendees(tx, &c.id, &[other.id.clone(), m.id.clone()]))
        .unwrap();
    assert_eq!(added, 1, "an attendee already linked is skipped");
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl = 'ceremony_attendees' AND op = 'insert'"
        ),
        2
    );
    let names: Vec<String> = ceremonies::attendees(store.conn(), &c.id)
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["张三", "李四"]);

    // A ceremony with attendees is not deleted; once emptied it is, as a
    // logged tombstone.
    let refused = store.transact(|tx| ceremonies::delete(tx, &c.id));
    assert!(matches!(refused, Err(StoreError::Conflict(m)) if m.contains("2名会员")));
    store
        .transact(|tx| ceremonies::remove_attendees(tx, &c.id, &[m.id.clone(), other.id.clone()]))
        .unwrap();
    assert_eq!(ceremonies::get(store.conn(), &c.id).unwrap().attendees, 0);
    store.transact(|tx| ceremonies::delete(tx, &c.id)).unwrap();
    assert!(ceremonies::list(store.conn(), None).unwrap().is_empty());
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl = 'ceremonies' AND op = 'delete'"
        ),
        1
    );
    // Every log entry names the cadre.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE actor IS NOT '李干事'"
        ),
        0
    );
}

#[test]
fn a_refused_enrolment_leaves_neither_member_nor_link() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    let c = store
        .transact(|tx| ceremonies::create(tx, &ceremony(&town)))
        .unwrap();
    store
        .transact(|tx| members::add(tx, &draft("张三", &id(1)), &town))
        .unwrap();
    let log_before = count(&store, "SELECT count(*) FROM change_log");
    let dup = store.transact(|tx| ceremonies::enrol(tx, &c.id, &draft("张三", &id(1)), None));
    assert!(matches!(dup, Err(StoreError::DuplicateMember { .. })));
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), log_before);
    assert_eq!(count(&store, "SELECT count(*) FROM ceremony_attendees"), 0);

    // A ceremony still ahead cannot enrol anyone yet.
    let mut later = ceremony(&town);
    later.date = day("2026-12-01");
    let later = store.transact(|tx| ceremonies::create(tx, &later)).unwrap();
    let early = store.transact(|tx| ceremonies::enrol(tx, &later.id, &draft("李四", &id(2)), None));
    assert!(matches!(early, Err(StoreError::Conflict(m)) if m.contains("2026-12-01")));
}

#[test]
fn printing_records_the_card_issue_date_in_the_history() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, village) = setup(&mut store);
    let a = store
        .transact(|tx| members::add(tx, &draft("张三", &id(1)), &town))
        .unwrap();
    let b = store
        .transact(|tx| members::add(tx, &draft("李四", &id(2)), &village))
        .unwrap();
    let ids = vec![a.id.clone(), b.id.clone()];
    let pending = |store: &Store, org: Option<&str>| -> Vec<String> {
        printing::select(
            store.conn(),
            &Batch::NotYetPrinted(org.map(str::to_string)),
            true,
            100,
        )
        .unwrap()
        .members
        .into_iter()
        .map(|m| m.name)
        .collect()
    };
    assert_eq!(pending(&store, None), ["张三", "李四"]);
    assert_eq!(pending(&store, Some(&village)), ["李四"]);

    let n = store
        .transact(|tx| printing::record_card_issued(tx, &ids[..1], day("2026-11-23")))
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(
        members::get(store.conn(), &a.id).unwrap().card_issued_on,
        Some(day("2026-11-23"))
    );
    assert_eq!(pending(&store, None), ["李四"]);
    let h = members::history(store.conn(), &a.id).unwrap();
    let last = h.last().unwrap();
    assert_eq!(last.action, "打印会员证");
    assert_eq!(last.changes[0].label, "会员证发证日期");
    assert_eq!(last.changes[0].to.as_deref(), Some("2026-11-23"));

    // The same day again writes nothing; the other member is stamped.
    let before = count(&store, "SELECT count(*) FROM change_log");
    let n = store
        .transact(|tx| printing::record_card_issued(tx, &ids, day("2026-11-23")))
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), before + 1);
    assert!(pending(&store, None).is_empty());

    // Members who left are not in batches, but the org batch counts them
    // when asked to.
    store
        .transact(|tx| {
            members::set_status(tx, &ids[1..], "退会", Some("本人申请"), day("2026-11-23"))
        })
        .unwrap();
    let org = |active| printing::select(store.conn(), &Batch::Org(town.clone()), active, 100);
    assert_eq!(org(true).unwrap().total, 1);
    assert_eq!(org(false).unwrap().total, 2);
    let capped = printing::select(store.conn(), &Batch::Org(town.clone()), false, 1).unwrap();
    assert_eq!((capped.members.len(), capped.total), (1, 2));
}

#[test]
fn the_signing_key_is_made_once_kept_locally_and_never_logged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let key = {
        let mut store = Store::open(&path, clock()).unwrap();
        assert_eq!(printing::signing_key(store.conn()).unwrap(), None);
        let k = store.transact(printing::signing_key_or_create).unwrap();
        let again = store.transact(printing::signing_key_or_create).unwrap();
        assert_eq!(k, again);
        assert_ne!(k, [0u8; 32]);
        k
    };
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(printing::signing_key(store.conn()).unwrap(), Some(key));
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), 0);
    // Another ledger gets another key.
    let mut other = Store::open_in_memory(clock()).unwrap();
    let k2 = other.transact(printing::signing_key_or_create).unwrap();
    assert_ne!(k2, key);
}

/// A 2×3 grey PNG (no compression tricks needed: stored deflate block).
fn tiny_png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for b in bytes {
            c ^= u32::from(*b);
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(2u32.to_be_bytes());
    ihdr.extend(3u32.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IEND", &[]);
    png
}

#[test]
fn seals_are_pngs_kept_per_org() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, village) = setup(&mut store);
    let s = store
        .transact(|tx| printing::set_seal(tx, &town, &tiny_png()))
        .unwrap();
    assert_eq!(
        (s.width, s.height, s.org_name.as_str()),
        (2, 3, "城关镇工会")
    );
    let refused = store.transact(|tx| printing::set_seal(tx, &village, b"GIF89a....."));
    assert!(matches!(refused, Err(StoreError::Conflict(m)) if m.contains("不是PNG")));
    let mut big = tiny_png();
    big.resize(printing::MAX_SEAL_BYTES + 1, 0);
    let refused = store.transact(|tx| printing::set_seal(tx, &village, &big));
    assert!(matches!(refused, Err(StoreError::Conflict(m)) if m.contains("太大")));
    assert_eq!(printing::seals(store.conn()).unwrap().len(), 1);
    assert!(store
        .transact(|tx| printing::clear_seal(tx, &town))
        .unwrap());
    assert!(printing::seal(store.conn(), &town).unwrap().is_none());
    // Seals are local: nothing in the change log.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl NOT IN ('org_units')"
        ),
        0
    );
}

#[test]
fn print_settings_round_trip_and_clear() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    assert_eq!(
        printing::settings(store.conn()).unwrap(),
        PrintSettings::default()
    );
    let s = PrintSettings {
        base_url: Some("https://ghj.example.cn/ledger".into()),
        issuer_org_id: Some(town.clone()),
        issuer_name: Some("城关镇总工会".into()),
        contact_phone: Some("0943-6112345".into()),
    };
    store.transact(|tx| printing::set_settings(tx, &s)).unwrap();
    assert_eq!(printing::settings(store.conn()).unwrap(), s);
    store
        .transact(|tx| {
            printing::set_settings(
                tx,
                &PrintSettings {
                    issuer_name: Some("  ".into()),
                    ..s.clone()
                },
            )
        })
        .unwrap();
    assert_eq!(printing::settings(store.conn()).unwrap().issuer_name, None);
    let bad = store.transact(|tx| {
        printing::set_settings(
            tx,
            &PrintSettings {
                issuer_org_id: Some("nope".into()),
                ..Default::default()
            },
        )
    });
    assert!(matches!(bad, Err(StoreError::NotFound { .. })));
}
