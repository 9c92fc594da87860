//! ledger-sheets against files the tests make themselves: GB18030 CSV with
//! a title row, .xlsx with synonym headers and numeric cells, .ods, and
//! arbitrary or mangled bytes (which must give an error, never a panic).

use chrono::NaiveDate;
use ledger_core::citizen_id::Gender;
use ledger_sheets::record::{member_draft, Defaults};
use ledger_sheets::write::{self, SheetOut, Tone};
use ledger_sheets::{detect, read, Field, Format, SheetError};
use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};

fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

const ROSTER_CSV: &str = "城关镇2026年货车司机入会花名册,,,,\r\n\
序号,姓名,公民身份号码,联系电话,所在单位,从业类型\r\n\
1,张三,１１０１０５１９４９１２３１００２ｘ,138 0013 8000,满帮物流,货车司机\r\n\
2,李四,110105491231002,+86 139-0000-0000,\"顺丰速运,城关站\",快递员\r\n\
,,,,,\r\n\
3,王五,110105194912310021,13700000000,个体,货车司机\r\n";

#[test]
fn gb18030_csv_with_a_title_row() {
    let t = read("花名册.csv", &gb18030(ROSTER_CSV), None).unwrap();
    assert_eq!(t.format, Format::Csv("GB18030"));
    let m = detect(&t.rows).unwrap();
    assert_eq!(m.header_row, 1);
    assert_eq!(m.columns[&Field::IdNumber], 2);
    assert_eq!(m.columns[&Field::Employer], 4);
    assert_eq!(m.columns[&Field::OccupationGroup], 5);
    let rows: Vec<(u32, &[String])> = m.data_rows(&t.rows).collect();
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![3, 4, 6]);
    assert_eq!(m.get(rows[1].1, Field::Employer), "顺丰速运,城关站");
    let d = member_draft(rows[0].1, &m, &Defaults::default()).unwrap();
    assert_eq!(d.name, "张三");
    assert_eq!(d.join_channel.as_deref(), Some("批量导入"));
    let v =
        ledger_core::member::validate(&d, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    assert_eq!(v.id.as_str(), "11010519491231002X");
    assert_eq!(v.phone, "13800138000");
}

#[test]
fn utf8_with_and_without_bom_and_tab_separated() {
    let plain = "姓名,身份证号,手机\n张三,11010519491231002X,13800138000\n";
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
    for bytes in [plain.as_bytes().to_vec(), with_bom] {
        let t = read("a.csv", &bytes, None).unwrap();
        assert_eq!(t.format, Format::Csv("UTF-8"));
        assert_eq!(t.rows[0][0], "姓名");
        assert_eq!(t.rows[1][1], "11010519491231002X");
    }
    let t = read(
        "a.txt",
        "姓名\t手机号\n张三\t13800138000\n".as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(t.rows[1], vec!["张三", "13800138000"]);
}

/// An .xlsx as Excel users make it: a merged title, synonym headers, the
/// phone typed as a number, dates as date cells, an ID with an apostrophe.
fn synonym_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("会员").unwrap();
    let date = XFormat::new().set_num_format("yyyy-mm-dd");
    ws.merge_range(0, 0, 0, 6, "东湾村外卖骑手名单", &XFormat::new())
        .unwrap();
    for (c, h) in [
        "序号",
        "名字",
        "身份证号码",
        "手机号",
        "平台",
        "职业群体",
        "入会时间",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_number(3, 0, 1).unwrap();
    ws.write_string(3, 1, "赵六").unwrap();
    ws.write_string(3, 2, "'110101199003074477").unwrap();
    ws.write_number(3, 3, 13800138000.0).unwrap();
    ws.write_string(3, 4, "美团").unwrap();
    ws.write_string(3, 5, "外卖配送员").unwrap();
    ws.write_datetime_with_format(3, 6, ExcelDateTime::from_ymd(2026, 3, 8).unwrap(), &date)
        .unwrap();
    let other = wb.add_worksheet();
    other.write_string(0, 0, "说明").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_synonyms_numbers_and_dates() {
    let t = read("骑手.xlsx", &synonym_xlsx(), None).unwrap();
    assert_eq!(t.format, Format::Xlsx);
    assert_eq!(t.sheet_names, vec!["会员", "Sheet2"]);
    let m = detect(&t.rows).unwrap();
    assert_eq!(m.header_row, 2);
    let (line, row) = m.data_rows(&t.rows).next().unwrap();
    assert_eq!(line, 4);
    assert_eq!(m.get(row, Field::Phone), "13800138000");
    assert_eq!(m.get(row, Field::JoinDate), "2026-03-08");
    let d = member_draft(row, &m, &Defaults::default()).unwrap();
    assert_eq!(d.id_number, "110101199003074477");
    assert_eq!(d.employer.as_deref(), Some("美团"));
    assert_eq!(d.join_date, NaiveDate::from_ymd_opt(2026, 3, 8));
    // The second sheet is read when asked for.
    let t2 = read("骑手.xlsx", &synonym_xlsx(), Some(1)).unwrap();
    assert_eq!(t2.rows[0][0], "说明");
    assert_eq!(
        read("骑手.xlsx", &synonym_xlsx(), Some(5)),
        Err(SheetError::NoSheet(6))
    );
}

#[test]
fn a_missing_group_takes_the_default_and_bad_cells_name_their_field() {
    let rows: Vec<Vec<String>> = [
        vec!["姓名", "身份证号", "手机", "性别", "出生日期"],
        vec![
            "张三",
            "11010519491231002X",
            "13800138000",
            "女",
            "1949年12月31日",
        ],
        vec!["李四", "11010519491231002X", "13800138000", "未知", ""],
        vec!["王五", "", "13800138000", "", ""],
    ]
    .into_iter()
    .map(|r| r.into_iter().map(String::from).collect())
    .collect();
    let m = detect(&rows).unwrap();
    let e = member_draft(&rows[1], &m, &Defaults::default()).unwrap_err();
    assert_eq!((e.code, e.field), ("missing_group", Field::OccupationGroup));
    let defaults = Defaults {
        occupation_group: Some("货车司机".into()),
    };
    let d = member_draft(&rows[1], &m, &defaults).unwrap();
    assert_eq!(d.gender, Some(Gender::Female));
    assert_eq!(d.occupation_group, "货车司机");
    let e = member_draft(&rows[2], &m, &defaults).unwrap_err();
    assert_eq!(e.message, "性别：“未知”无效，应为男或女");
    let e = member_draft(&rows[3], &m, &defaults).unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        ("bad_length", "身份证号：未填写")
    );
}

#[test]
fn written_xlsx_reads_back_as_text_and_csv_is_gb18030() {
    let sheet = SheetOut {
        name: "导入结果/报告".into(),
        title: Some("导入报告".into()),
        headers: vec!["姓名".into(), "身份证号".into(), "导入结果".into()],
        rows: vec![
            vec!["张三".into(), "110101199003074477".into(), "新增".into()],
            vec![
                "李四".into(),
                "0123".into(),
                "拒绝：身份证号：位数不对".into(),
            ],
        ],
        tones: vec![Tone::Good, Tone::Bad],
        tone_col: Some(2),
    };
    let bytes = write::xlsx(std::slice::from_ref(&sheet)).unwrap();
    let t = read("r.xlsx", &bytes, None).unwrap();
    assert_eq!(t.sheet_names, vec!["导入结果报告"]);
    assert_eq!(t.rows[0][0], "导入报告");
    assert_eq!(t.rows[2], vec!["张三", "110101199003074477", "新增"]);
    assert_eq!(t.rows[3][1], "0123");

    let csv = write::csv_gb18030(&sheet.headers, &sheet.rows);
    assert!(std::str::from_utf8(&csv).is_err(), "GB18030, not UTF-8");
    let back = read("r.csv", &csv, None).unwrap();
    assert_eq!(back.format, Format::Csv("GB18030"));
    assert_eq!(back.rows[2][2], "拒绝：身份证号：位数不对");
}

#[test]
fn figures_are_written_as_numbers_only_in_the_columns_asked() {
    use calamine::{Data, Reader, Xlsx};
    let sheet = SheetOut {
        name: "按月".into(),
        headers: vec!["月份".into(), "服务人次".into()],
        rows: vec![
            vec!["2026年7月".into(), "202".into()],
            vec!["0123".into(), "12.5%".into()],
        ],
        ..Default::default()
    };
    let bytes = write::xlsx_with_numbers(&[sheet], &[vec![1]]).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let r = wb.worksheet_range("按月").unwrap();
    assert_eq!(r.get_value((1, 1)), Some(&Data::Float(202.0)));
    assert_eq!(r.get_value((2, 1)), Some(&Data::String("12.5%".into())));
    assert_eq!(r.get_value((2, 0)), Some(&Data::String("0123".into())));
}

#[test]
fn non_spreadsheets_are_refused_in_chinese() {
    let e = read(
        "a.xlsx",
        b"<html><table><tr><td>1</td></tr></table></html>",
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("网页"), "{e}");
    let e = read("a.xlsx", b"PK\x03\x04garbage", None).unwrap_err();
    assert_eq!(e.code(), "corrupt");
    assert!(e.to_string().contains("已损坏"), "{e}");
    let e = read("a.csv", &[0u8, 159, 146, 150, 0, 1], None).unwrap_err();
    assert_eq!(e.code(), "not_text");
    assert_eq!(read("a.csv", b"", None).unwrap_err().code(), "empty");
    assert_eq!(
        read("a.csv", b"\r\n , \r\n", None).unwrap_err().code(),
        "empty"
    );
}

fn mangle(mut bytes: Vec<u8>, edits: &[(usize, u8)], cut: usize) -> Vec<u8> {
    for &(at, b) in edits {
        let n = bytes.len();
        if n > 0 {
            bytes[at % n] = b;
        }
    }
    let keep = bytes.len().saturating_sub(cut);
    bytes.truncate(keep);
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                   ext in prop::sample::select(vec!["a.xlsx", "a.xls", "a.ods", "a.csv", "a.txt", "a"])) {
        if let Err(e) = read(ext, &bytes, None) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn bytes_behind_a_zip_or_ole_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..1024), ole in any::<bool>()) {
        let head: &[u8] = if ole { &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] } else { b"PK\x03\x04" };
        let _ = read("a.xlsx", &[head, &tail].concat(), None);
    }

    #[test]
    fn mangled_workbooks_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
                                     cut in 0usize..4000) {
        let _ = read("a.xlsx", &mangle(synonym_xlsx(), &edits, cut), None);
    }

    #[test]
    fn mangled_gb18030_csv_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..16),
                                        cut in 0usize..100) {
        let bytes = mangle(gb18030(ROSTER_CSV), &edits, cut);
        if let Ok(t) = read("a.csv", &bytes, None) {
            // Whatever was read maps without panicking too.
            if let Some(m) = detect(&t.rows) {
                for (_, row) in m.data_rows(&t.rows) {
                    let _ = member_draft(row, &m, &Defaults::default());
                }
            }
        }
    }

    #[test]
    fn any_text_grid_survives_a_csv_round_trip(rows in proptest::collection::vec(
        proptest::collection::vec("[a-z0-9张三,\"\r\n ]{1,8}", 1..5), 1..6)) {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.trim().to_string()).map(|c| if c.is_empty() { "x".to_string() } else { c }).collect())
            .collect();
        let text = write::csv_text(&rows[0], &rows[1..]);
        let t = read("a.csv", text.as_bytes(), None).unwrap();
        prop_assert_eq!(t.rows, rows);
    }
}
