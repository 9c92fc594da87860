//! `ledger members import|export` and `ledger roster compare`, run as a
//! county's IT staff would script them.

use ledger_sheets::write::{self, SheetOut};

use super::ledger;

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn import_dry_run_commit_again_export_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let (ok, init) = ledger(
        &db,
        &[
            "init",
            "--org-name",
            "城关镇工会",
            "--division-code",
            "620421100",
        ],
    );
    assert!(ok, "{init}");

    // A GB18030 CSV with a title row, synonyms, a 15-digit ID, full-width
    // digits, a duplicate and bad rows.
    let csv = write::csv_gb18030(
        &["城关镇2026年货车司机花名册".to_string()],
        &strings(&[
            &[
                "序号",
                "姓名",
                "公民身份号码",
                "手机",
                "所在单位",
                "从业类型",
            ],
            &[
                "1",
                "张三",
                "11010519491231002X",
                "13800138000",
                "满帮物流",
                "货车司机",
            ],
            &[
                "2",
                "李四",
                "１１０１０１１９９００３０７４４７７",
                "13900000001",
                "",
                "货车司机",
            ],
            &[
                "3",
                "王五",
                "620421850615123",
                "13900000002",
                "",
                "货车司机",
            ],
            &[
                "4",
                "张三",
                "110105491231002",
                "13800138000",
                "",
                "货车司机",
            ],
            &[
                "5",
                "钱七",
                "110105194912310021",
                "13900000004",
                "",
                "货车司机",
            ],
            &[
                "6",
                "孙八",
                "110105194902300028",
                "13900000005",
                "",
                "货车司机",
            ],
            &[
                "7",
                "周九",
                "1101051949123100",
                "13900000006",
                "",
                "货车司机",
            ],
            &[
                "8",
                "吴十",
                "620421198506151232",
                "2390000000",
                "",
                "货车司机",
            ],
        ]),
    );
    let file = dir.path().join("花名册.csv");
    std::fs::write(&file, csv).unwrap();
    let file = file.display().to_string();
    let report = dir.path().join("检查.xlsx").display().to_string();

    let (ok, dry) = ledger(
        &db,
        &["members", "import", &file, "--dry-run", "--report", &report],
    );
    assert!(ok, "{dry}");
    assert_eq!(dry["rows"], 8);
    assert_eq!(dry["new"], 3);
    assert_eq!(dry["existing"], 0);
    assert_eq!(dry["duplicates_in_file"], 1);
    assert_eq!(dry["legacy15_upgraded"], 2);
    assert_eq!(dry["rejected_total"], 4);
    for code in ["bad_checksum", "bad_date", "bad_length", "bad_phone"] {
        assert_eq!(dry["rejected"][code], 1, "{code}: {dry}");
    }
    assert!(std::path::Path::new(&report).is_file());
    let (_, list) = ledger(&db, &["members", "search"]);
    assert_eq!(list["total"], 0, "a dry run adds no one");

    let (ok, done) = ledger(&db, &["members", "import", &file]);
    assert!(ok, "{done}");
    assert_eq!(
        (done["new"].clone(), done["added"].clone()),
        (3.into(), 3.into())
    );
    let (ok, again) = ledger(&db, &["members", "import", &file, "--mode", "fill"]);
    assert!(ok, "{again}");
    assert_eq!(
        (again["new"].clone(), again["existing"].clone()),
        (0.into(), 3.into())
    );
    assert_eq!(again["added"], 0);
    let (ok, e) = ledger(&db, &["members", "import", &file, "--mode", "merge"]);
    assert!(!ok);
    assert_eq!(e["code"], "invalid");

    let xlsx = dir.path().join("花名册导出.xlsx").display().to_string();
    let (ok, out) = ledger(&db, &["members", "export", &xlsx]);
    assert!(ok, "{out}");
    assert_eq!(out["rows"], 3);
    let t = ledger_sheets::read_path(std::path::Path::new(&xlsx), None).unwrap();
    assert!(t.rows.iter().flatten().any(|c| c == "110105********002X"));
    let csv_out = dir.path().join("花名册导出.csv").display().to_string();
    let (ok, out) = ledger(&db, &["members", "export", &csv_out, "--full-id"]);
    assert!(ok, "{out}");
    assert_eq!(out["full_id"], true);
    let t = ledger_sheets::read_path(std::path::Path::new(&csv_out), None).unwrap();
    assert!(t.rows.iter().flatten().any(|c| c == "11010519491231002X"));

    // A transport-bureau list: two members (one phone differs), a person
    // listed twice, a not-yet member, an invalid ID.
    let list = write::xlsx(&[SheetOut {
        name: "名单".into(),
        title: Some("运管所货车司机名单".into()),
        headers: ["姓名", "身份证号", "联系电话", "单位"]
            .map(String::from)
            .to_vec(),
        rows: strings(&[
            &["张三", "11010519491231002X", "13800138000", "满帮物流"],
            &["李四", "110101199003074477", "13911112222", ""],
            &["赵六", "110101199001010015", "13700000000", "货拉拉"],
            &["赵六", "110101199001010015", "13700000000", "货拉拉"],
            &["坏号", "110101199001010012", "13700000001", ""],
        ]),
        ..Default::default()
    }])
    .unwrap();
    let list_file = dir.path().join("运管所.xlsx");
    std::fs::write(&list_file, list).unwrap();
    let result = dir.path().join("比对结果.xlsx").display().to_string();
    let (ok, cmp) = ledger(
        &db,
        &[
            "roster",
            "compare",
            &list_file.display().to_string(),
            "--out",
            &result,
        ],
    );
    assert!(ok, "{cmp}");
    assert_eq!(cmp["rows"], 5);
    assert_eq!(cmp["members"], 2);
    assert_eq!(cmp["not_members"], 1);
    assert_eq!(cmp["phone_differs"], 1);
    assert_eq!(cmp["rejected_total"], 1);
    let t = ledger_sheets::read_path(std::path::Path::new(&result), None).unwrap();
    assert_eq!(
        t.sheet_names,
        vec![
            "汇总",
            "已入会",
            "未入会",
            "手机号不一致",
            "名单手机号有误",
            "身份证号无效",
            "按户籍地",
            "按工作单位"
        ]
    );
    let (_, list) = ledger(&db, &["members", "search"]);
    assert_eq!(list["total"], 3, "a comparison adds no one");
}
