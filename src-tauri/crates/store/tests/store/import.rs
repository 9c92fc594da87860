//! Spreadsheet import (dry run, commit, modes, all-or-nothing), roster
//! comparison and export records.

use ledger_core::citizen_id::check_char;
use ledger_core::member::MemberDraft;
use ledger_store::import::{self, Mode, Options, Refusal, SourceRow, Status};
use ledger_store::members;
use ledger_store::roster::{self, ListRow};
use ledger_store::{exports, Store, StoreError};

use super::{clock, count, draft, setup};

/// A valid 18-character ID from a sequence number.
pub fn id(seq: u32) -> String {
    let first17 = format!("620421{}{:03}", 19800101 + seq / 1000 % 28, seq % 1000);
    format!("{first17}{}", check_char(&first17).unwrap())
}

fn row(line: u32, name: &str, id: &str, phone: &str) -> SourceRow {
    SourceRow {
        line,
        draft: Ok(MemberDraft {
            name: name.into(),
            id_number: id.into(),
            phone: phone.into(),
            occupation_group: "货车司机".into(),
            join_channel: Some("批量导入".into()),
            ..Default::default()
        }),
    }
}

fn opts(mode: Mode, fields: &[&str]) -> Options {
    Options {
        mode,
        org_id: None,
        source: "城关镇货车司机.xlsx".into(),
        fields: fields.iter().map(|s| s.to_string()).collect(),
    }
}

const FIELDS: &[&str] = &["name", "id_number", "phone", "employer"];

/// The file of the tests: new people, one already in the ledger, a
/// duplicate, a legacy 15-digit ID, full-width digits and bad rows.
fn file() -> Vec<SourceRow> {
    vec![
        row(3, "张三", "11010519491231002X", "13800138000"), // already a member
        row(
            4,
            "李四",
            "１１０１０１１９９００３０７４４７７",
            "139 0000 0001",
        ),
        row(5, "王五", "110105491231002", "13900000002"), // 15 digits of 张三 → existing
        row(6, "赵六", &id(1), "13900000003"),
        row(7, "赵六", &id(1), "13900000003"), // duplicate in file
        row(8, "钱七", "110105194912310021", "13900000004"), // bad checksum
        row(9, "孙八", "110105194902300028", "13900000005"), // bad date
        row(10, "周九", "1101051949123100", "13900000006"), // bad length
        row(11, "吴十", &id(2), "2390000000"), // bad phone
        SourceRow {
            line: 12,
            draft: Err(Refusal {
                code: "invalid".into(),
                field: "join_date".into(),
                message: "入会日期：“明天”不是有效日期（如 2026-01-31）".into(),
            }),
        },
    ]
}

#[test]
fn a_dry_run_classifies_every_row_and_writes_nothing() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let log_before = count(&store, "SELECT count(*) FROM change_log");
    let out = import::dry_run(
        store.conn(),
        store.today(),
        &file(),
        &opts(Mode::Skip, FIELDS),
    )
    .unwrap();
    let c = &out.counts;
    assert_eq!(c.rows, 10);
    assert_eq!((c.new, c.existing, c.duplicates_in_file), (2, 1, 2));
    assert_eq!(c.legacy15_upgraded, 1);
    assert_eq!(c.rejected_total, 5);
    for (code, n) in [
        ("bad_checksum", 1),
        ("bad_date", 1),
        ("bad_length", 1),
        ("bad_phone", 1),
        ("invalid", 1),
    ] {
        assert_eq!(c.rejected.get(code), Some(&n), "{code}");
    }
    assert!(matches!(out.rows[0].status, Status::Existing { .. }));
    assert_eq!(out.rows[1].status, Status::New);
    assert_eq!(out.rows[1].id_number.as_deref(), Some("110101199003074477"));
    assert_eq!(out.rows[2].status, Status::Duplicate { first_line: 3 });
    assert_eq!(out.rows[4].status, Status::Duplicate { first_line: 6 });
    match &out.rows[5].status {
        Status::Refused(r) => assert_eq!(r.message, "身份证号：校验码错误"),
        s => panic!("{s:?}"),
    }
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), log_before);
}

#[test]
fn a_commit_adds_the_new_rows_logged_and_again_adds_nothing() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.set_actor(Some("李干事".into()));
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let o = opts(Mode::Skip, FIELDS);
    let out = store
        .transact(|tx| import::commit(tx, &file(), &o))
        .unwrap();
    assert_eq!((out.added, out.updated), (2, 0));
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 3);
    // Every new row is logged with exactly what is stored.
    let rows: Vec<(String, String)> = store
        .conn()
        .prepare("SELECT row_id, row_after FROM change_log WHERE tbl = 'members' AND op = 'insert'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3);
    for (id, logged) in &rows {
        let stored: String = store
            .conn()
            .query_row("SELECT hlc FROM change_log WHERE row_id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        let m: serde_json::Value = serde_json::from_str(logged).unwrap();
        assert_eq!(m["updated_at"], stored.as_str());
        let now = members::get(store.conn(), id).unwrap();
        assert_eq!(m["name"], now.name.as_str());
        assert_eq!(m["member_no"], now.member_no.as_str());
    }
    let li = members::find_by_id_number(store.conn(), "110101199003074477")
        .unwrap()
        .unwrap();
    assert_eq!(li.join_channel, "批量导入");
    assert!(li.member_no.starts_with("62042110026"), "{}", li.member_no);
    let h = members::history(store.conn(), &li.id).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].action, "批量导入");
    assert_eq!(h[0].note.as_deref(), Some("导入文件：城关镇货车司机.xlsx"));
    assert_eq!(h[0].actor.as_deref(), Some("李干事"));
    assert!(h[0]
        .changes
        .iter()
        .any(|c| c.label == "导入文件" && c.to.as_deref() == Some("城关镇货车司机.xlsx")));
    assert_eq!(count(&store, "SELECT count(*) FROM imports"), 1);

    // The same file again: nothing added, nothing written.
    let log = count(&store, "SELECT count(*) FROM change_log");
    let again = store
        .transact(|tx| import::commit(tx, &file(), &o))
        .unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!((again.counts.new, again.counts.existing), (0, 3));
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 3);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), log);
}

#[test]
fn fill_fills_empty_fields_and_update_overwrites() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    let mut d = draft("张三", "11010519491231002X");
    d.residence = Some("东湾村".into());
    let m = store.transact(|tx| members::add(tx, &d, &town)).unwrap();
    let mut r = row(3, "张三", "11010519491231002X", "13912345678");
    if let Ok(d) = &mut r.draft {
        d.employer = Some("满帮物流".into());
        d.residence = Some("西湾村".into());
    }
    let fields = &["name", "id_number", "phone", "employer", "residence"];
    // Skip changes nothing.
    let out = store
        .transact(|tx| import::commit(tx, std::slice::from_ref(&r), &opts(Mode::Skip, fields)))
        .unwrap();
    assert_eq!(out.updated, 0);
    // Fill: the empty employer, not the residence or the phone.
    let out = store
        .transact(|tx| import::commit(tx, std::slice::from_ref(&r), &opts(Mode::Fill, fields)))
        .unwrap();
    assert_eq!(out.updated, 1);
    let now = members::get(store.conn(), &m.id).unwrap();
    assert_eq!(now.employer.as_deref(), Some("满帮物流"));
    assert_eq!(now.residence.as_deref(), Some("东湾村"));
    assert_eq!(now.phone, "13800138000");
    // Fill again: nothing left to fill.
    let out = store
        .transact(|tx| import::commit(tx, std::slice::from_ref(&r), &opts(Mode::Fill, fields)))
        .unwrap();
    assert_eq!(out.updated, 0);
    // Update: phone and residence from the file.
    let dry = import::dry_run(
        store.conn(),
        store.today(),
        std::slice::from_ref(&r),
        &opts(Mode::Update, fields),
    )
    .unwrap();
    match &dry.rows[0].status {
        Status::Existing { changes, .. } => {
            let f: Vec<&str> = changes.iter().map(|c| c.field).collect();
            assert_eq!(f, vec!["phone", "residence"]);
        }
        s => panic!("{s:?}"),
    }
    store
        .transact(|tx| import::commit(tx, std::slice::from_ref(&r), &opts(Mode::Update, fields)))
        .unwrap();
    let now = members::get(store.conn(), &m.id).unwrap();
    assert_eq!(
        (now.phone.as_str(), now.residence.as_deref()),
        ("13912345678", Some("西湾村"))
    );
    let h = members::history(store.conn(), &m.id).unwrap();
    let actions: Vec<&str> = h.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["入会登记", "导入更新", "导入更新"]);
    assert_eq!(h[2].note.as_deref(), Some("导入文件：城关镇货车司机.xlsx"));
}

#[test]
fn a_failing_import_writes_nothing_at_all() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    // Wind the number sequence back: the import's second number collides
    // with the existing member's, half-way through the batch.
    store
        .conn()
        .execute_batch("UPDATE member_no_seq SET next = 0")
        .unwrap();
    let before = (
        count(&store, "SELECT count(*) FROM members"),
        count(&store, "SELECT count(*) FROM change_log"),
        count(&store, "SELECT next FROM member_no_seq"),
    );
    let rows = vec![
        row(2, "甲", &id(10), "13900000010"),
        row(3, "乙", &id(11), "13900000011"),
        row(4, "丙", &id(12), "13900000012"),
    ];
    let e = store
        .transact(|tx| import::commit(tx, &rows, &opts(Mode::Skip, FIELDS)))
        .unwrap_err();
    assert!(matches!(e, StoreError::Sqlite(_)), "{e}");
    let after = (
        count(&store, "SELECT count(*) FROM members"),
        count(&store, "SELECT count(*) FROM change_log"),
        count(&store, "SELECT next FROM member_no_seq"),
    );
    assert_eq!(before, after);
    assert_eq!(count(&store, "SELECT count(*) FROM imports"), 0);
}

fn index_sql(store: &Store) -> Vec<String> {
    store
        .conn()
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_bulk_import_rebuilds_the_indexes_and_logs_every_row() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    setup(&mut store);
    let indexes = index_sql(&store);
    let n = 6_000u32;
    let rows: Vec<SourceRow> = (0..n)
        .map(|i| row(i + 2, "王伟", &id(100 + i), &format!("139{:08}", i)))
        .collect();
    let out = store
        .transact(|tx| import::commit(tx, &rows, &opts(Mode::Skip, FIELDS)))
        .unwrap();
    assert_eq!(out.added, n);
    assert_eq!(index_sql(&store), indexes);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE tbl = 'members'"
        ),
        i64::from(n)
    );
    // Stamps stay fixed-width and in order; numbers are consecutive.
    let distinct = count(
        &store,
        "SELECT count(DISTINCT updated_at) FROM members WHERE length(updated_at) = (SELECT length(min(updated_at)) FROM members)",
    );
    assert_eq!(distinct, i64::from(n));
    let nos = count(&store, "SELECT count(DISTINCT member_no) FROM members");
    assert_eq!(nos, i64::from(n));
    // The unique index is back: the same ID cannot be inserted twice.
    let again = store
        .transact(|tx| import::commit(tx, &rows[..10], &opts(Mode::Skip, FIELDS)))
        .unwrap();
    assert_eq!((again.added, again.counts.existing), (0, 10));
}

#[test]
fn a_roster_comparison_counts_each_person_once() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let mut left = draft("李四", "110101199003074477");
    left.phone = "13911112222".into();
    let li = store.transact(|tx| members::add(tx, &left, &town)).unwrap();
    let today = store.today();
    store
        .transact(|tx| {
            members::set_status(
                tx,
                std::slice::from_ref(&li.id),
                "退会",
                Some("外出务工"),
                today,
            )
        })
        .unwrap();
    let list = |line, id: &str, phone: &str, employer: &str| ListRow {
        line,
        id_number: id.into(),
        name: "某人".into(),
        phone: phone.into(),
        employer: employer.into(),
    };
    let rows = vec![
        list(2, "11010519491231002x", "13800138001", "满帮"), // member, phone differs
        list(3, "110105491231002", "13800138001", "满帮"),    // same person (15 digits)
        list(4, "110101199003074477", "", "货拉拉"),          // left: not a member
        list(5, &id(1), "12345", ""),                         // not a member, bad phone
        list(6, "110105194912310021", "13800138000", "满帮"), // invalid ID
    ];
    let c = roster::compare(store.conn(), store.today(), &rows).unwrap();
    assert_eq!(c.rows, 5);
    assert_eq!(c.people.len(), 3);
    assert_eq!(c.repeated_rows, 1);
    assert_eq!(c.members().count(), 1);
    assert_eq!(c.not_members().count(), 2);
    assert_eq!(c.phone_differs().count(), 1);
    assert_eq!(c.phone_bad().count(), 1);
    assert_eq!(c.rejected.len(), 1);
    assert_eq!(c.rejected[0].code, "bad_checksum");
    let by_county = c.by_county(store.conn()).unwrap();
    assert_eq!(by_county.len(), 3);
    let home = by_county.iter().find(|b| b.key == "620421").unwrap();
    assert_eq!((home.label.as_str(), home.not_members), ("靖远县总工会", 1));
    let by_employer = c.by_employer();
    assert_eq!(by_employer.len(), 3);
    assert!(by_employer.iter().any(|b| b.label == "（未填写）"));
    // Nothing was written.
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 2);
}

#[test]
fn a_full_id_export_counts_as_a_reveal_for_each_member() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.set_actor(Some("李干事".into()));
    let (town, _) = setup(&mut store);
    let m = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let e = exports::Export {
        kind: "roster".into(),
        file_name: "花名册.xlsx".into(),
        rows: 1,
        full_id: true,
        purpose: Some("报县总工会".into()),
        filters: Some("{}".into()),
    };
    store
        .transact(|tx| exports::record(tx, &e, std::slice::from_ref(&m.id)))
        .unwrap();
    let reveals = members::reveals(store.conn(), &m.id).unwrap();
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0].2, "导出完整身份证号：花名册.xlsx（报县总工会）");
    let list = exports::list(store.conn(), 10).unwrap();
    assert_eq!(list[0].export, e);
    assert_eq!(list[0].actor.as_deref(), Some("李干事"));
}
