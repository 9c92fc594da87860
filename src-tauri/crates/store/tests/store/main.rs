//! Store tests against real SQLite files.

mod import;
mod ledger;
mod outbound;
mod posts;
mod printing;

use std::sync::Arc;

use ledger_core::member::MemberDraft;
use ledger_core::org::OrgKind;
use ledger_store::members::{self, MemberQuery};
use ledger_store::orgs::{self, OrgFields};
use ledger_store::{FixedClock, Store, StoreError, SCHEMA_VERSION};

/// 2026-11-23 10:00 Beijing time.
const NOW_MS: i64 = 1_795_399_200_000;

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at(NOW_MS))
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn org(kind: OrgKind, name: &str, parent: Option<&str>, code: Option<&str>) -> OrgFields {
    OrgFields {
        parent_id: parent.map(str::to_string),
        name: name.into(),
        kind: Some(kind),
        division_code: code.map(str::to_string),
        join_url: None,
        employer: None,
    }
}

fn draft(name: &str, id: &str) -> MemberDraft {
    MemberDraft {
        name: name.into(),
        id_number: id.into(),
        phone: "13800138000".into(),
        occupation_group: "货车司机".into(),
        ..Default::default()
    }
}

/// A township office under a county, with one village.
fn setup(store: &mut Store) -> (String, String) {
    store
        .transact(|tx| {
            let county = orgs::create(
                tx,
                &org(OrgKind::County, "靖远县总工会", None, Some("620421")),
            )?;
            let town = orgs::create(
                tx,
                &org(
                    OrgKind::Township,
                    "城关镇工会",
                    Some(&county.id),
                    Some("620421100"),
                ),
            )?;
            let village = orgs::create(
                tx,
                &org(
                    OrgKind::Village,
                    "东湾村工会",
                    Some(&town.id),
                    Some("620421100201"),
                ),
            )?;
            orgs::set_this_office(tx, &town.id)?;
            Ok((town.id, village.id))
        })
        .unwrap()
}

#[test]
fn opens_with_wal_foreign_keys_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("l.db"), clock()).unwrap();
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(count(&store, "PRAGMA foreign_keys"), 1);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        SCHEMA_VERSION, 7,
        "a new migration was added: update this test on purpose"
    );
}

#[test]
fn a_failed_transaction_leaves_neither_the_row_nor_its_log_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("l.db"), clock()).unwrap();
    let before = count(&store, "SELECT count(*) FROM change_log");
    let result: Result<(), StoreError> = store.transact(|tx| {
        orgs::create(tx, &org(OrgKind::County, "靖远县总工会", None, None))?;
        // The second write is refused: the whole transaction must go.
        orgs::create(tx, &org(OrgKind::Village, "无上级的村", None, None))?;
        Ok(())
    });
    assert!(matches!(result, Err(StoreError::Org(_))));
    assert_eq!(count(&store, "SELECT count(*) FROM org_units"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), before);
}

#[test]
fn every_write_is_stamped_and_logged_with_the_row_after() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| {
            let mut f = org(OrgKind::Township, "城关镇总工会", None, Some("620421100"));
            f.parent_id = orgs::get(tx.conn(), &town)?.parent_id;
            orgs::update(tx, &town, &f)
        })
        .unwrap();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT op, row_after, hlc, device_id FROM change_log WHERE row_id = ?1 ORDER BY seq",
        )
        .unwrap();
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([&town], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].0.as_str(), rows[1].0.as_str()),
        ("insert", "update")
    );
    let after: serde_json::Value = serde_json::from_str(&rows[1].1).unwrap();
    assert_eq!(after["name"], "城关镇总工会");
    assert_eq!(after["updated_at"], rows[1].2);
    assert!(
        rows[0].2 < rows[1].2,
        "HLC stamps increase even with a frozen clock"
    );
    assert_eq!(rows[1].3, store.device_id());
    // UUIDv7 ids.
    assert_eq!(uuid_version(&town), 7);
}

fn uuid_version(id: &str) -> u32 {
    id.chars().nth(14).unwrap().to_digit(16).unwrap()
}

#[test]
fn deleting_leaves_a_logged_tombstone_and_refuses_orgs_still_in_use() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, village) = setup(&mut store);
    let err = store.transact(|tx| orgs::delete(tx, &town)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "“城关镇工会”下还有1个下级组织，请先删除或移走它们"
    );
    store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &village))
        .unwrap();
    let err = store.transact(|tx| orgs::delete(tx, &village)).unwrap_err();
    assert!(err.to_string().contains("还有1名会员"));

    let spare = store
        .transact(|tx| orgs::create(tx, &org(OrgKind::Village, "西岔村工会", Some(&town), None)))
        .unwrap();
    store.transact(|tx| orgs::delete(tx, &spare.id)).unwrap();
    assert_eq!(
        count(
            &store,
            &format!("SELECT deleted FROM org_units WHERE id = '{}'", spare.id)
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            &format!(
                "SELECT count(*) FROM change_log WHERE row_id = '{}' AND op = 'delete'",
                spare.id
            )
        ),
        1
    );
    assert!(orgs::list(store.conn())
        .unwrap()
        .iter()
        .all(|o| o.id != spare.id));
}

#[test]
fn one_person_one_record() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    let first = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let logged = count(&store, "SELECT count(*) FROM change_log");
    // The same person typed with a lowercase x and full-width digits.
    let err = store
        .transact(|tx| {
            members::add(
                tx,
                &draft("张三丰", "１１０１０５１９４９１２３１００２x"),
                &town,
            )
        })
        .unwrap_err();
    match err {
        StoreError::DuplicateMember { member_id, .. } => assert_eq!(member_id, first.id),
        other => panic!("expected a duplicate, got {other}"),
    }
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), logged);
}

#[test]
fn member_numbers_follow_the_issuing_office() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, village) = setup(&mut store);
    let a = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let b = store
        .transact(|tx| members::add(tx, &draft("李四", "110101199003074477"), &village))
        .unwrap();
    assert_eq!(a.member_no, "6204211002600001");
    assert_eq!(b.member_no, "6204211002600002");
}

#[test]
fn search_by_subtree_name_phone_and_id_tail() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, village) = setup(&mut store);
    store
        .transact(|tx| {
            members::add(tx, &draft("张三", "11010519491231002X"), &village)?;
            let mut d = draft("李四", "110101199003074477");
            d.phone = "13912345678".into();
            members::add(tx, &d, &town)
        })
        .unwrap();
    let q = |text: Option<&str>, org: Option<&str>| {
        let page = members::search(
            store.conn(),
            &MemberQuery {
                text: text.map(str::to_string),
                org_id: org.map(str::to_string),
                offset: 0,
                limit: 20,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(page.rows.len() as u64, page.total);
        page.rows.into_iter().map(|m| m.name).collect::<Vec<_>>()
    };
    assert_eq!(q(None, Some(&town)).len(), 2);
    assert_eq!(q(None, Some(&village)), ["张三"]);
    assert_eq!(q(Some("张"), None), ["张三"]);
    assert_eq!(q(Some("1391234"), None), ["李四"]);
    assert_eq!(q(Some("002x"), None), ["张三"]);
    assert!(q(Some("王"), None).is_empty());
}

#[test]
fn upgrades_a_database_made_with_the_first_schema() {
    use rusqlite::types::Value::Text;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    // Written the way the first releases wrote rows: only their columns.
    {
        let mut v1 = Store::open_at(&path, clock(), 1).unwrap();
        assert_eq!(v1.schema_version().unwrap(), 1);
        v1.transact(|tx| {
            tx.insert(
                "org_units",
                "town",
                &[
                    ("name", Text("城关镇工会".into())),
                    ("kind", Text("township".into())),
                    ("division_code", Text("620421100".into())),
                ],
            )?;
            tx.set_meta("this_office", "town")
        })
        .unwrap();
    }
    {
        let mut v2 = Store::open_at(&path, clock(), 2).unwrap();
        assert_eq!(v2.schema_version().unwrap(), 2);
        v2.transact(|tx| {
            let cols = [
                ("member_no", "6204211002500001"),
                ("name", "张三"),
                ("gender", "female"),
                ("id_number", "11010519491231002X"),
                ("birth_date", "1949-12-31"),
                ("phone", "13800138000"),
                ("occupation_group", "货车司机"),
                ("org_id", "town"),
                ("join_date", "2026-01-05"),
                ("join_channel", "现场"),
            ];
            let cols: Vec<_> = cols
                .iter()
                .map(|(k, v)| (*k, Text(v.to_string())))
                .collect();
            tx.insert("members", "m1", &cols)
        })
        .unwrap();
    }
    let mut store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(orgs::get(store.conn(), "town").unwrap().name, "城关镇工会");
    // Derived search keys were filled for the old row.
    let rows = members::search(
        store.conn(),
        &MemberQuery {
            text: Some("zs".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap()
    .rows;
    assert_eq!(rows[0].name, "张三");
    assert_eq!(rows[0].verified_on.unwrap().to_string(), "2026-01-05");
    store
        .transact(|tx| members::add(tx, &draft("李四", "110101199003074477"), "town"))
        .unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 2);
}

#[test]
fn refuses_a_database_newer_than_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path, clock()).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = match Store::open(&path, clock()) {
        Err(e) => e,
        Ok(_) => panic!("a newer database must be refused"),
    };
    assert!(matches!(err, StoreError::SchemaTooNew { .. }));
    assert!(err.to_string().contains("请先升级工会台账"));
    // Untouched.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION + 1);
}

#[test]
fn the_device_id_is_kept_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let first = Store::open(&path, clock()).unwrap().device_id().to_string();
    let again = Store::open(&path, clock()).unwrap().device_id().to_string();
    assert_eq!(first, again);
}
