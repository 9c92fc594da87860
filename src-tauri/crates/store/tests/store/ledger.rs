//! The member ledger's work: transfers, history, status, pool, employers.

use chrono::NaiveDate;
use ledger_core::member::MemberDraft;
use ledger_core::org::OrgKind;
use ledger_store::members::{self, MemberQuery};
use ledger_store::orgs;
use ledger_store::{employers, Store, StoreError};

use super::{clock, count, draft, org, setup};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn transfers_are_kept_in_the_history_with_who_and_why() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.set_actor(Some("李干事".into()));
    let (town, village) = setup(&mut store);
    let m = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let mut edited = draft("张三", "11010519491231002X");
    edited.phone = "13912345678".into();
    store
        .transact(|tx| members::update(tx, &m.id, &edited))
        .unwrap();
    let moved = store
        .transact(|tx| {
            members::transfer(
                tx,
                std::slice::from_ref(&m.id),
                &village,
                day("2026-11-20"),
                "回村居住",
            )
        })
        .unwrap();
    assert_eq!(moved, 1);
    assert_eq!(
        members::get(store.conn(), &m.id).unwrap().org_name,
        "东湾村工会"
    );

    let h = members::history(store.conn(), &m.id).unwrap();
    let actions: Vec<&str> = h.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["入会登记", "修改资料", "会籍转接"]);
    assert!(h.iter().all(|e| e.actor.as_deref() == Some("李干事")));
    let phone = &h[1].changes[0];
    assert_eq!(
        (
            phone.label.as_str(),
            phone.from.as_deref(),
            phone.to.as_deref()
        ),
        ("手机号", Some("13800138000"), Some("13912345678"))
    );
    let org_change = h[2].changes.iter().find(|c| c.field == "org_id").unwrap();
    assert_eq!(org_change.from.as_deref(), Some("城关镇工会"));
    assert_eq!(org_change.to.as_deref(), Some("东湾村工会"));
    assert_eq!(h[2].note.as_deref(), Some("回村居住"));
    // A transfer needs a reason; a refused transfer changes nothing.
    let err = store
        .transact(|tx| {
            members::transfer(
                tx,
                std::slice::from_ref(&m.id),
                &town,
                day("2026-11-20"),
                " ",
            )
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "转接原因：不能为空");
    assert_eq!(count(&store, "SELECT count(*) FROM member_transfers"), 1);
}

#[test]
fn exit_and_rejoin_keep_the_same_person() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    let m = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let ids = vec![m.id.clone()];
    let err = store
        .transact(|tx| members::set_status(tx, &ids, "退会", None, day("2026-11-01")))
        .unwrap_err();
    assert_eq!(err.to_string(), "原因：改为“退会”时必须填写原因");
    store
        .transact(|tx| {
            members::set_status(
                tx,
                &ids,
                "退会",
                Some("外出务工，本人申请"),
                day("2026-11-01"),
            )
        })
        .unwrap();
    store
        .transact(|tx| members::set_status(tx, &ids, "在会", None, day("2026-11-20")))
        .unwrap();
    let again = members::get(store.conn(), &m.id).unwrap();
    assert_eq!(
        (again.status.as_str(), again.member_no.as_str()),
        ("在会", m.member_no.as_str())
    );
    let h = members::history(store.conn(), &m.id).unwrap();
    let notes: Vec<Option<&str>> = h.iter().map(|e| e.note.as_deref()).collect();
    assert_eq!(notes, [None, Some("外出务工，本人申请"), Some("重新入会")]);
    assert_eq!(count(&store, "SELECT count(*) FROM members"), 1);
}

#[test]
fn the_pool_suggests_where_each_member_belongs() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, village) = setup(&mut store);
    let pool = store
        .transact(|tx| orgs::create(tx, &org(OrgKind::Pool, "城关镇周转池", Some(&town), None)))
        .unwrap();
    let enterprise = store
        .transact(|tx| {
            let mut f = org(OrgKind::Enterprise, "顺丰城关网点工会", Some(&town), None);
            f.employer = Some("顺丰速运城关网点".into());
            orgs::create(tx, &f)
        })
        .unwrap();
    store
        .transact(|tx| {
            let mut a = draft("张三", "11010519491231002X");
            a.employer = Some("顺丰速运城关网点".into());
            members::add(tx, &a, &pool.id)?;
            let mut b: MemberDraft = draft("李四", "110101199003074477");
            b.residence = Some("城关镇东湾村三社".into());
            members::add(tx, &b, &pool.id)?;
            members::add(tx, &draft("王五", "620421198506151232"), &pool.id)
        })
        .unwrap();
    let rows = members::pool_members(store.conn(), Some(&town)).unwrap();
    let by_name = |n: &str| rows.iter().find(|r| r.member.name == n).unwrap();
    assert_eq!(
        by_name("张三").suggestion.as_ref().unwrap().org_id,
        enterprise.id
    );
    assert_eq!(by_name("李四").suggestion.as_ref().unwrap().org_id, village);
    assert!(by_name("王五").suggestion.is_none());
}

#[test]
fn employers_without_a_union_are_counted_once_per_member() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| {
            for (i, id) in [
                "11010519491231002X",
                "110101199003074477",
                "620421198506151232",
            ]
            .iter()
            .enumerate()
            {
                let mut d = draft(&format!("司机{i}"), id);
                d.employer = Some(
                    if i < 2 {
                        "满帮物流"
                    } else {
                        "个体运输户"
                    }
                    .into(),
                );
                members::add(tx, &d, &town)?;
            }
            Ok(())
        })
        .unwrap();
    let list = employers::employer_counts(store.conn()).unwrap();
    assert_eq!(
        list.len(),
        1,
        "self-employment is not an employer: {list:?}"
    );
    assert_eq!(
        (list[0].employer.as_str(), list[0].members),
        ("满帮物流", 2)
    );
    assert!(list[0].union_org_id.is_none());
}

#[test]
fn stale_records_and_bulk_verification() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    let m = store
        .transact(|tx| {
            let mut d = draft("张三", "11010519491231002X");
            d.join_date = Some(day("2026-01-10"));
            members::add(tx, &d, &town)
        })
        .unwrap();
    let stale = |store: &Store| {
        members::search(
            store.conn(),
            &MemberQuery {
                stale_before: Some(day("2026-08-25")),
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap()
        .total
    };
    assert_eq!(stale(&store), 1);
    store
        .transact(|tx| members::mark_verified(tx, std::slice::from_ref(&m.id), tx.today()))
        .unwrap();
    assert_eq!(stale(&store), 0);
}

#[test]
fn showing_the_full_id_is_recorded() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    store.set_actor(Some("李干事".into()));
    let (town, _) = setup(&mut store);
    let m = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let full = store
        .transact(|tx| members::reveal_id(tx, &m.id, "办理互助保障"))
        .unwrap();
    assert_eq!(full, "11010519491231002X");
    let log = members::reveals(store.conn(), &m.id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].0.as_deref(), Some("李干事"));
    assert_eq!(log[0].2, "办理互助保障");
}

#[test]
fn search_finds_pinyin_initials_and_full_pinyin() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    store
        .transact(|tx| {
            members::add(tx, &draft("张三", "11010519491231002X"), &town)?;
            members::add(tx, &draft("李四", "110101199003074477"), &town)
        })
        .unwrap();
    let names = |t: &str| {
        members::search(
            store.conn(),
            &MemberQuery {
                text: Some(t.into()),
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap()
        .rows
        .into_iter()
        .map(|m| m.name)
        .collect::<Vec<_>>()
    };
    assert_eq!(names("zs"), ["张三"]);
    assert_eq!(names("ZhangS"), ["张三"]);
    assert_eq!(names("l"), ["李四"]);
    assert_eq!(names("lisi"), ["李四"]);
    let err = store.transact(|tx| members::add(tx, &draft("张三", "110101199003074477"), &town));
    assert!(matches!(err, Err(StoreError::DuplicateMember { .. })));
}

#[test]
fn a_write_that_changes_nothing_is_not_logged() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (town, _) = setup(&mut store);
    let m = store
        .transact(|tx| members::add(tx, &draft("张三", "11010519491231002X"), &town))
        .unwrap();
    let logged = count(&store, "SELECT count(*) FROM change_log");
    store
        .transact(|tx| members::update(tx, &m.id, &draft("张三", "11010519491231002X")))
        .unwrap();
    store
        .transact(|tx| members::mark_verified(tx, std::slice::from_ref(&m.id), m.join_date))
        .unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), logged);
    assert_eq!(members::history(store.conn(), &m.id).unwrap().len(), 1);
}
