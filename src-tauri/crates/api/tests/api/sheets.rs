//! Spreadsheets through the API as the UI calls it: browser uploads as
//! base64, desktop paths, generated files back as base64 or written out.

use base64::Engine;
use ledger_sheets::write::{self, SheetOut};
use serde_json::{json, Value};

use super::{api, err, ok, setup};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unb64(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(v.as_str().unwrap())
        .unwrap()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// A GB18030 CSV as WPS saves it: a title row, then the header, then a
/// new person, one with a 15-digit ID and full-width digits, a duplicate,
/// a bad checksum, a bad phone.
fn roster_csv() -> Vec<u8> {
    let title = vec!["城关镇货车司机入会名单".to_string()];
    let rows = strings(&[
        &["序号", "姓名", "身份证号码", "联系电话", "工作单位", "职业"],
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
            "139 0000 0001",
            "",
            "货车司机",
        ],
        &[
            "3",
            "李四",
            "110101900307447",
            "13900000001",
            "",
            "货车司机",
        ],
        &[
            "4",
            "钱七",
            "110105194912310021",
            "13900000004",
            "",
            "货车司机",
        ],
        &[
            "5",
            "吴十",
            "620421198506151232",
            "2390000000",
            "",
            "货车司机",
        ],
    ]);
    write::csv_gb18030(&title, &rows)
}

fn upload(name: &str, bytes: &[u8]) -> Value {
    json!({"file_name": name, "bytes_base64": b64(bytes)})
}

fn with(mut base: Value, extra: Value) -> Value {
    for (k, v) in extra.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

#[test]
fn browser_upload_preview_dry_run_report_commit_and_again_nothing() {
    let (_d, api) = api();
    setup(&api);
    let file = upload("城关镇名单.csv", &roster_csv());

    let p = ok(&api, "import_preview", file.clone());
    assert_eq!(p["format"], "CSV 文本（GB18030 编码）");
    assert_eq!(p["mapping"]["header_row"], 1);
    assert_eq!(p["mapping"]["fields"]["id_number"], 2);
    assert_eq!(p["mapping"]["fields"]["employer"], 4);
    assert_eq!(p["mapping_source"], "detected");
    assert_eq!(p["title_rows"][0][0], "城关镇货车司机入会名单");
    assert_eq!(p["headers"][1], "姓名");
    assert_eq!(p["data_rows"], 5);
    assert_eq!(p["sample_lines"][0], 3);
    assert_eq!(p["missing"], json!([]));

    let dry = ok(&api, "import_dry_run", file.clone());
    assert_eq!(dry["rows"], 5);
    assert_eq!(dry["new"], 2);
    assert_eq!(dry["duplicates_in_file"], 1);
    assert_eq!(dry["legacy15_upgraded"], 1);
    assert_eq!(dry["rejected_total"], 2);
    assert_eq!(dry["rejected"], json!({"bad_checksum": 1, "bad_phone": 1}));
    assert_eq!(dry["committed"], false);
    let refused = dry["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["line"] == 6)
        .unwrap();
    assert_eq!(refused["label"], "拒绝：身份证号：校验码错误");
    assert_eq!(refused["field"], "id_number");

    // The report: original columns plus 导入结果, as .xlsx in base64.
    let report = ok(&api, "import_report_xlsx", file.clone());
    assert_eq!(report["file_name"], "城关镇名单-导入检查.xlsx");
    assert!(report["path"].is_null());
    let t = ledger_sheets::read("r.xlsx", &unb64(&report["bytes_base64"]), None).unwrap();
    assert_eq!(t.rows[1].first().map(String::as_str), Some("行号"));
    assert_eq!(t.rows[1].last().map(String::as_str), Some("导入结果"));
    let statuses: Vec<&str> = t.rows[2..]
        .iter()
        .map(|r| r.last().unwrap().as_str())
        .collect();
    assert_eq!(
        statuses,
        vec![
            "新增",
            "新增",
            "文件内重复（同第4行）",
            "拒绝：身份证号：校验码错误",
            "拒绝：手机号：手机号应为以1开头的11位数字"
        ]
    );

    let done = ok(&api, "import_commit", file.clone());
    assert_eq!(
        (done["committed"].clone(), done["added"].clone()),
        (json!(true), json!(2))
    );
    let page = ok(&api, "member_list", json!({"channel": "批量导入"}));
    assert_eq!(page["total"], 2);
    let li = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "李四")
        .unwrap();
    let h = ok(&api, "member_history", json!({"id": li["id"]}));
    assert_eq!(h[0]["action"], "批量导入");
    assert_eq!(h[0]["note"], "导入文件：城关镇名单.csv");
    assert_eq!(h[0]["actor"], "李干事");

    let again = ok(&api, "import_commit", file.clone());
    assert_eq!(
        (again["added"].clone(), again["existing"].clone()),
        (json!(0), json!(2))
    );
    assert_eq!(ok(&api, "member_list", Value::Null)["total"], 2);
    // The confirmed mapping is offered for files with the same headers.
    assert_eq!(ok(&api, "import_preview", file)["mapping_source"], "saved");
}

/// An .xlsx with two phone-like columns; the cadre moves the phone to the
/// other column, picks the fill mode and a default group.
#[test]
fn a_desktop_path_with_a_fixed_mapping_and_fill_mode() {
    let (dir, api) = api();
    setup(&api);
    ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "货车司机"}),
    );
    let bytes = write::xlsx(&[SheetOut {
        name: "骑手".into(),
        headers: ["名字", "公民身份号码", "联系电话", "本人手机", "平台"]
            .map(String::from)
            .to_vec(),
        rows: strings(&[
            &[
                "张三",
                "11010519491231002x",
                "0931-8123456",
                "13800138000",
                "美团",
            ],
            &[
                "赵六",
                "110101199003074477",
                "0931-8123457",
                "13900000006",
                "饿了么",
            ],
        ]),
        ..Default::default()
    }])
    .unwrap();
    let path = dir.path().join("骑手名单.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let file = json!({"path": path.display().to_string()});
    let p = ok(&api, "import_preview", file.clone());
    assert_eq!(p["mapping"]["fields"]["phone"], 2);
    let dry = ok(&api, "import_dry_run", file.clone());
    assert_eq!(dry["rejected"], json!({"missing_group": 2}));
    let mut mapping = p["mapping"].clone();
    mapping["fields"]["phone"] = json!(3);
    let args = with(
        file.clone(),
        json!({"mapping": mapping, "mode": "fill", "occupation_group": "外卖配送员"}),
    );
    let dry = ok(&api, "import_dry_run", args.clone());
    assert_eq!(
        (dry["new"].clone(), dry["existing"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(dry["to_change"], 1);
    let existing = &dry["issues"][0];
    assert_eq!(existing["changes"][0]["label"], "工作单位/平台");
    assert_eq!(existing["changes"][0]["to"], "美团");
    let done = ok(&api, "import_commit", args);
    assert_eq!(
        (done["added"].clone(), done["updated"].clone()),
        (json!(1), json!(1))
    );
    let zs = ok(&api, "member_list", json!({"text": "张三"}));
    assert_eq!(zs["rows"][0]["employer"], "美团");
    assert_eq!(zs["rows"][0]["occupation_group"], "货车司机");
    let zl = ok(&api, "member_list", json!({"text": "赵六"}));
    assert_eq!(zl["rows"][0]["occupation_group"], "外卖配送员");
    // A mapping without the ID column is refused before anything is read.
    let e = err(
        &api,
        "import_dry_run",
        with(
            file,
            json!({"mapping": {"header_row": 0, "fields": {"name": 0}}}),
        ),
    );
    assert_eq!(e["field"], "mapping");
    assert_eq!(e["message"], "字段对应：请指定“身份证号”所在的列");
}

#[test]
fn not_a_spreadsheet_is_refused_in_chinese() {
    let (_d, api) = api();
    setup(&api);
    let e = err(
        &api,
        "import_preview",
        upload("名单.xlsx", b"\x00\x01 not a workbook"),
    );
    assert_eq!(
        (e["code"].clone(), e["field"].clone()),
        (json!("invalid"), json!("file"))
    );
    assert!(e["message"].as_str().unwrap().contains("名单.xlsx"), "{e}");
    let e = err(
        &api,
        "import_preview",
        upload("名单.csv", "a,b\n1,2\n".as_bytes()),
    );
    assert_eq!(e["field"], "header_row");
    let e = err(
        &api,
        "import_preview",
        json!({"file_name": "x.csv", "bytes_base64": "***"}),
    );
    assert_eq!(e["code"], "bad_request");
    let e = err(&api, "import_preview", json!({}));
    assert_eq!(e["field"], "file");
}

#[test]
fn roster_export_masks_ids_unless_asked_and_records_it() {
    let (dir, api) = api();
    setup(&api);
    let m = ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "货车司机", "employer": "满帮物流"}),
    );
    ok(
        &api,
        "member_create",
        json!({"name": "李四", "id_number": "110101199003074477", "phone": "13900000001", "occupation_group": "快递员"}),
    );
    let out = ok(
        &api,
        "export_members",
        json!({"query": {"group": "货车司机"}, "columns": ["name", "id_number", "phone", "employer"]}),
    );
    assert_eq!(out["rows"], 1);
    let t = ledger_sheets::read("r.xlsx", &unb64(&out["bytes_base64"]), None).unwrap();
    assert_eq!(
        t.rows[1],
        vec!["姓名", "身份证号", "手机号", "工作单位/平台"]
    );
    assert_eq!(
        t.rows[2],
        vec!["张三", "110105********002X", "13800138000", "满帮物流"]
    );
    assert_eq!(
        ok(&api, "member_get", json!({"id": m["id"]}))["id_reveals"],
        0
    );

    let path = dir.path().join("花名册.csv");
    let out = ok(
        &api,
        "export_members",
        json!({"out": path.display().to_string(), "full_id": true, "purpose": "报县总工会"}),
    );
    assert_eq!(out["rows"], 2);
    assert_eq!(out["mime"], "text/csv; charset=gb18030");
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "GB18030");
    let t = ledger_sheets::read("花名册.csv", &bytes, None).unwrap();
    assert!(t
        .rows
        .iter()
        .any(|r| r.contains(&"11010519491231002X".to_string())));
    assert_eq!(
        ok(&api, "member_get", json!({"id": m["id"]}))["id_reveals"],
        1
    );
}

#[test]
fn roster_comparison_finds_who_is_not_yet_a_member() {
    let (dir, api) = api();
    setup(&api);
    ok(
        &api,
        "member_create",
        json!({"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000", "occupation_group": "货车司机"}),
    );
    let list = write::xlsx(&[SheetOut {
        name: "运管所名单".into(),
        title: Some("道路货运从业人员名单".into()),
        headers: ["姓名", "证件号码", "手机号码", "所属企业"]
            .map(String::from)
            .to_vec(),
        rows: strings(&[
            &["张三", "11010519491231002X", "13800138009", "满帮物流"],
            &["张三", "110105491231002", "", "满帮物流"],
            &["李四", "110101199003074477", "1390000", "货拉拉"],
            &["王五", "620421198506151232", "13900000002", "货拉拉"],
            &["坏号", "620421198506151231", "13900000003", ""],
        ]),
        ..Default::default()
    }])
    .unwrap();
    let file = upload("运管所名单.xlsx", &list);
    let r = ok(&api, "roster_compare", file.clone());
    assert_eq!(r["rows"], 5);
    assert_eq!(r["people"], 3);
    assert_eq!(r["members"], 1);
    assert_eq!(r["not_members"], 2);
    assert_eq!(r["phone_differs"], 1);
    assert_eq!(r["phone_bad"], 1);
    assert_eq!(r["rejected_total"], 1);
    assert_eq!(r["by_employer"][0]["label"], "货拉拉");
    assert_eq!(r["by_employer"][0]["not_members"], 2);
    assert_eq!(r["not_member_rows"][0]["phone_bad"], true);
    assert_eq!(r["member_rows"][0]["repeats"], 1);
    // Nothing was added.
    assert_eq!(ok(&api, "member_list", Value::Null)["total"], 1);

    let path = dir.path().join("未入会.xlsx");
    let out = ok(
        &api,
        "roster_export_part",
        with(
            file,
            json!({"part": "not_members", "out": path.display().to_string()}),
        ),
    );
    assert_eq!(out["rows"], 2);
    let t = ledger_sheets::read_path(&path, None).unwrap();
    assert_eq!(t.sheet_names, vec!["未入会"]);
    assert_eq!(
        t.rows[1],
        vec![
            "5",
            "李四",
            "110101********4477",
            "1390000",
            "手机号有误",
            "货拉拉",
            "110101"
        ]
    );
}
