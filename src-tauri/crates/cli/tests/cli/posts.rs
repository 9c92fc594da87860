//! `ledger posts` and `ledger services` as the issue writes them: posts
//! added and listed, services logged (member, person, count), the figures
//! as JSON, and the post's poster and monthly report as PDFs read back
//! (pdftotext) and scanned (zbarimg).

use std::path::Path;

use serde_json::Value;

use super::ledger;
use super::print::{scan, text};

fn ok(db: &Path, args: &[&str]) -> Value {
    let (ok, v) = ledger(db, args);
    assert!(ok, "{args:?}: {v}");
    v
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

#[test]
fn posts_services_and_figures_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ok(
        &db,
        &["init", "--org-name", "城关镇工会", "--org-kind", "township"],
    );
    let post = id(&ok(
        &db,
        &[
            "posts",
            "add",
            "--name",
            "城关镇司机之家",
            "--kind",
            "司机之家",
            "--org",
            "城关镇工会",
        ],
    ));
    let (good, e) = ledger(
        &db,
        &["posts", "add", "--name", "北山驿站", "--kind", "驿站"],
    );
    assert!(!good);
    assert_eq!(e["field"], "kind");
    let list = ok(&db, &["posts", "list"]);
    assert_eq!(list["posts"][0]["id"], post.as_str());
    assert_eq!(list["posts"][0]["org_name"], "城关镇工会");

    let member = id(&ok(
        &db,
        &[
            "members",
            "add",
            "--name",
            "张三",
            "--id",
            "11010519491231002x",
            "--phone",
            "13800138000",
            "--group",
            "货车司机",
            "--join-date",
            "2025-01-01",
        ],
    ));
    let add = |args: &[&str]| {
        let mut all = vec!["services", "add"];
        all.extend_from_slice(args);
        ok(&db, &all)
    };
    add(&[
        "--post",
        &post,
        "--type",
        "送清凉",
        "--date",
        "2026-07-10",
        "--count",
        "200",
    ]);
    add(&[
        "--post",
        &post,
        "--type",
        "送清凉",
        "--date",
        "2026-07-10",
        "--member",
        &member,
    ]);
    add(&[
        "--post",
        &post,
        "--type",
        "送清凉",
        "--date",
        "2026-07-11",
        "--member",
        &member,
    ]);
    add(&[
        "--post",
        &post,
        "--type",
        "健康体检",
        "--date",
        "2026-07-12",
        "--name",
        "马强",
        "--phone",
        "139 0931 0002",
        "--invite",
    ]);
    add(&[
        "--type",
        "诉求工单",
        "--date",
        "2026-07-13",
        "--name",
        "马强",
        "--phone",
        "13909310002",
        "--note",
        "平台拖欠运费",
    ]);
    let (good, e) = ledger(
        &db,
        &[
            "services",
            "add",
            "--type",
            "洗车",
            "--date",
            "2026-07-10",
            "--count",
            "3",
        ],
    );
    assert!(!good);
    assert_eq!(e["field"], "service_type");

    let stats = |db: &Path| {
        ok(
            db,
            &[
                "services",
                "stats",
                "--from",
                "2026-07-01",
                "--to",
                "2026-07-31",
            ],
        )
    };
    let s = stats(&db);
    assert_eq!(s["person_times"], 204);
    assert_eq!(s["members_served"], 1);
    assert_eq!(s["non_members_served"], 1);
    assert_eq!(s["joined_after_service"], 0);
    assert_eq!(s["tickets"]["received"], 1);

    // 马强 joins in August with the same phone: counted once.
    ok(
        &db,
        &[
            "members",
            "add",
            "--name",
            "马强",
            "--id",
            "620421198501010019",
            "--phone",
            "13909310002",
            "--group",
            "货车司机",
            "--join-date",
            "2026-08-01",
        ],
    );
    let s = stats(&db);
    assert_eq!(s["joined_after_service"], 1);
    assert_eq!(s["conversions"][0]["member_name"], "马强");
    assert_eq!(s["conversions"][0]["first_served_on"], "2026-07-12");

    // The post's monthly report (the ticket was outreach, not at the post).
    let report = dir.path().join("report.pdf");
    ok(
        &db,
        &[
            "posts",
            "report",
            &post,
            "--month",
            "2026-07",
            "--out",
            &report.display().to_string(),
        ],
    );
    let t = text(&report);
    for want in [
        "城关镇司机之家服务情况月报",
        "2026年7月",
        "203",
        "送清凉",
        "马强",
        "先服务后入会",
    ] {
        assert!(t.contains(want), "{want} in {t}");
    }
    // Poster: no link anywhere is refused naming the field; then a link.
    let poster = dir.path().join("poster.pdf");
    let out = poster.display().to_string();
    let (good, e) = ledger(&db, &["posts", "poster", &post, "--out", &out]);
    assert!(!good);
    assert_eq!(e["field"], "url");
    ok(
        &db,
        &[
            "posts",
            "poster",
            &post,
            "--url",
            "https://ghj.example.cn/p/cg",
            "--out",
            &out,
        ],
    );
    assert_eq!(
        scan(&poster),
        vec!["https://ghj.example.cn/p/cg".to_string()]
    );
    assert!(text(&poster).contains("城关镇司机之家"));
}

#[test]
fn a_ticket_closes_from_the_command_line_only_with_an_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ok(&db, &["init", "--org-name", "城关镇工会"]);
    let t = id(&ok(
        &db,
        &[
            "services",
            "add",
            "--type",
            "诉求工单",
            "--date",
            "2026-11-20",
            "--name",
            "赵六",
            "--phone",
            "13909310003",
        ],
    ));
    let (good, e) = ledger(
        &db,
        &[
            "services",
            "ticket",
            &t,
            "--status",
            "办结",
            "--handler",
            "李干事",
        ],
    );
    assert!(!good);
    assert_eq!(e["field"], "outcome");
    let r = ok(
        &db,
        &[
            "services",
            "ticket",
            &t,
            "--status",
            "办结",
            "--handler",
            "李干事",
            "--outcome",
            "已协调补发",
        ],
    );
    assert_eq!(r["ticket_status"], "办结");
    let (good, e) = ledger(
        &db,
        &["services", "types", "--set", "送清凉,健康体检,互助保障赠送"],
    );
    assert!(!good, "诉求工单 is built in and in use");
    assert_eq!(e["field"], "types");
    let t = ok(
        &db,
        &[
            "services",
            "types",
            "--set",
            "送清凉,健康体检,互助保障赠送,诉求工单,爱心理发",
        ],
    );
    assert_eq!(t["types"][4]["name"], "爱心理发");
    let page = ok(&db, &["services", "list", "--type", "诉求工单"]);
    assert_eq!(page["rows"][0]["person_phone"], "139****0003");
}
