//! `ledger members import|export`, `ledger roster compare` and
//! `ledger bench import`: spreadsheets in and out from the command line.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use ledger_api::dto::{
    ExportMembersInput, FileArg, ImportInput, ImportModeCode, ImportReportInput, MemberListQuery,
    OrgKindCode, RosterCompareInput, RosterExportInput, RosterPart, SetupInput, SetupLevel,
};
use ledger_api::{Api, ApiError, ErrorCode, RuntimeInfo};
use ledger_core::citizen_id::check_char;
use ledger_sheets::write::{self, SheetOut};
use ledger_store::{Store, SystemClock};
use serde_json::{json, Value};

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, e.to_string())
}

fn file_arg(file: &Path) -> FileArg {
    FileArg {
        path: Some(file.display().to_string()),
        ..Default::default()
    }
}

pub fn mode(s: &str) -> Result<ImportModeCode, ApiError> {
    serde_json::from_value(json!(s)).map_err(|_| {
        ApiError::invalid(
            "mode",
            format!("导入方式：“{s}”无效，可选 skip（跳过）、fill（补充空白）、update（更新）"),
        )
    })
}

pub struct ImportArgs {
    pub file: PathBuf,
    pub dry_run: bool,
    pub mode: String,
    pub org: Option<String>,
    pub group: Option<String>,
    pub sheet: Option<u32>,
    pub report: Option<PathBuf>,
}

pub fn import(api: &Api, a: ImportArgs) -> Result<(Value, String), ApiError> {
    let org_id = match a.org {
        Some(o) => Some(api.resolve_org(&o)?.id),
        None => None,
    };
    let input = ImportInput {
        file: file_arg(&a.file),
        sheet: a.sheet,
        mapping: None,
        mode: Some(mode(&a.mode)?),
        org_id,
        occupation_group: a.group,
    };
    let report = match &a.report {
        Some(out) => Some(api.import_report(ImportReportInput {
            import: input.clone(),
            out: Some(out.display().to_string()),
        })?),
        None => None,
    };
    let s = if a.dry_run {
        api.import_dry_run(input)?
    } else {
        api.import_commit(input)?
    };
    let mut text = format!(
        "{}：共 {} 行，新增 {}，已是会员 {}，文件内重复 {}，拒绝 {}（其中15位旧证升级 {}）",
        if a.dry_run { "试导入" } else { "已导入" },
        s.rows,
        s.new,
        s.existing,
        s.duplicates_in_file,
        s.rejected_total,
        s.legacy15_upgraded
    );
    if !a.dry_run {
        text.push_str(&format!(
            "\n已写入台账：新增 {} 人，更新 {} 人",
            s.added, s.updated
        ));
    }
    for i in s.issues.iter().filter(|i| i.status == "refused").take(20) {
        text.push_str(&format!("\n第{}行 {} {}", i.line, i.name, i.label));
    }
    let mut v = serde_json::to_value(&s).map_err(internal)?;
    if let Some(r) = report {
        v["report"] = json!(r.path);
        text.push_str(&format!("\n检查报告：{}", r.path.unwrap_or_default()));
    }
    Ok((v, text))
}

pub struct ExportArgs {
    pub file: PathBuf,
    pub full_id: bool,
    pub purpose: Option<String>,
    pub columns: Option<String>,
    pub query: MemberListQuery,
}

pub fn export(api: &Api, a: ExportArgs) -> Result<(Value, String), ApiError> {
    let ext = a
        .file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext != "xlsx" && ext != "csv" {
        return Err(ApiError::invalid(
            "out",
            "导出文件：请以 .xlsx 或 .csv 结尾（CSV 为 GB18030 编码）",
        ));
    }
    let out = api.export_members(ExportMembersInput {
        query: Some(a.query),
        columns: a.columns.map(|c| {
            c.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        }),
        format: None,
        full_id: Some(a.full_id),
        // A script asking for full IDs states it on the command line; the
        // export is recorded under this purpose unless --purpose says more.
        purpose: a
            .purpose
            .or_else(|| a.full_id.then(|| "命令行导出（--full-id）".to_string())),
        out: Some(a.file.display().to_string()),
    })?;
    let text = format!(
        "已导出 {} 人到 {}{}",
        out.rows,
        out.path.clone().unwrap_or_default(),
        if a.full_id {
            "（含完整身份证号，已记录）"
        } else {
            "（身份证号已打码）"
        }
    );
    Ok((
        json!({ "rows": out.rows, "path": out.path, "full_id": a.full_id }),
        text,
    ))
}

pub struct CompareArgs {
    pub file: PathBuf,
    pub out: Option<PathBuf>,
    pub part: String,
    pub full_id: bool,
    pub sheet: Option<u32>,
}

pub fn compare(api: &Api, a: CompareArgs) -> Result<(Value, String), ApiError> {
    let input = RosterCompareInput {
        file: file_arg(&a.file),
        sheet: a.sheet,
        mapping: None,
    };
    let r = api.roster_compare(input.clone())?;
    let mut v = serde_json::to_value(&r).map_err(internal)?;
    if let Some(o) = v.as_object_mut() {
        for k in [
            "member_rows",
            "not_member_rows",
            "phone_differs_rows",
            "rejected_rows",
        ] {
            o.remove(k);
        }
    }
    let mut text = format!(
        "名单 {} 行，{} 人：已入会 {}，未入会 {}，手机号不一致 {}，名单手机号有误 {}，身份证号无效 {}",
        r.rows, r.people, r.members, r.not_members, r.phone_differs, r.phone_bad, r.rejected_total
    );
    if let Some(out) = &a.out {
        let part: RosterPart = serde_json::from_value(json!(a.part)).map_err(|_| {
            ApiError::invalid(
                "part",
                format!("导出部分：“{}”无效，可选 all、members、not_members、phone_differs、phone_bad、rejected、by_county、by_employer", a.part),
            )
        })?;
        let f = api.roster_export(RosterExportInput {
            compare: input,
            part: Some(part),
            full_id: Some(a.full_id),
            purpose: a.full_id.then(|| "命令行比对导出（--full-id）".to_string()),
            out: Some(out.display().to_string()),
        })?;
        v["out"] = json!(f.path);
        text.push_str(&format!("\n比对结果：{}", f.path.unwrap_or_default()));
    }
    Ok((v, text))
}

// ---- ledger bench import -----------------------------------------------------

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "马", "曹",
];
const GIVEN: [&str; 12] = [
    "伟", "芳", "建国", "秀兰", "强", "磊", "志强", "海涛", "小龙", "德胜", "永红", "辉",
];
const EMPLOYERS: [&str; 6] = [
    "满帮物流",
    "货拉拉",
    "顺丰速运城关站",
    "美团",
    "个体运输户",
    "靖远县鑫达运输有限公司",
];
const GROUPS: [&str; 4] = ["货车司机", "快递员", "外卖配送员", "网约车司机"];

/// A roster as offices receive it: a title row, synonym headers, IDs as
/// text; every 100th row repeats an earlier person, every 97th has a
/// wrong check digit, every 50th a legacy 15-digit ID.
pub fn roster_xlsx(rows: usize) -> Vec<u8> {
    let mut data = Vec::with_capacity(rows);
    for i in 0..rows {
        let n = if i % 100 == 99 { i - 50 } else { i };
        let day = 1 + n / 1000 % 28;
        let month = 1 + n / 28_000 % 12;
        let year = 1965 + n / 336_000 % 35;
        let first17 = format!("620421{year:04}{month:02}{day:02}{:03}", n % 1000);
        let mut id = format!("{first17}{}", check_char(&first17).expect("17 digits"));
        if i % 97 == 96 {
            let wrong = if id.ends_with('0') { '1' } else { '0' };
            id.pop();
            id.push(wrong);
        } else if i % 50 == 7 && year < 2000 {
            id = format!("{}{}", &id[..6], &id[8..17]);
        }
        data.push(vec![
            (i + 1).to_string(),
            format!("{}{}", SURNAMES[n % 12], GIVEN[n / 12 % 12]),
            id,
            format!("13{}{:08}", n % 10, n),
            EMPLOYERS[n % 6].to_string(),
            GROUPS[n % 4].to_string(),
            format!("甘肃省靖远县第{}村", n % 40 + 1),
        ]);
    }
    write::xlsx(&[SheetOut {
        name: "花名册".into(),
        title: Some("靖远县货车司机等新就业形态劳动者花名册".into()),
        headers: [
            "序号",
            "姓名",
            "公民身份号码",
            "联系电话",
            "所在单位",
            "从业类型",
            "现住址",
        ]
        .map(String::from)
        .to_vec(),
        rows: data,
        ..Default::default()
    }])
    .expect("an xlsx in memory")
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// LibreOffice converting the same file to CSV (the fastest it runs: a
/// second run, with its profile already made). `None` if it is missing.
fn libreoffice(file: &Path, dir: &Path) -> Option<(f64, f64)> {
    let profile = dir.join("lo-profile");
    let run = || -> Option<f64> {
        let t = Instant::now();
        let status = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--norestore", "--convert-to"])
            .arg("csv:Text - txt - csv (StarCalc):44,34,76,1")
            .arg("--outdir")
            .arg(dir)
            .arg(file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| ms(t))
    };
    let first = run()?;
    let second = run()?;
    Some((first, second))
}

pub fn bench(
    rows: usize,
    dir: Option<PathBuf>,
    with_libreoffice: bool,
) -> Result<(Value, String), ApiError> {
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("ledger-bench-import-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(internal)?;
    let file = dir.join(format!("roster-{rows}.xlsx"));
    let t = Instant::now();
    std::fs::write(&file, roster_xlsx(rows)).map_err(internal)?;
    let gen_ms = ms(t);
    let size = std::fs::metadata(&file).map_err(internal)?.len();
    eprintln!(
        "已生成 {rows} 行的 .xlsx（{:.1} MB，{:.1} 秒）",
        size as f64 / 1e6,
        gen_ms / 1000.0
    );

    let t = Instant::now();
    let table = ledger_sheets::read_path(&file, None).map_err(internal)?;
    let parse_ms = ms(t);
    drop(table);

    let db = dir.join("bench-import.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store = Store::open(&db, Arc::new(SystemClock))?;
    let api = Api::from_store(store, RuntimeInfo::default());
    api.setup_office(SetupInput {
        levels: vec![
            SetupLevel {
                name: "靖远县总工会".into(),
                kind: OrgKindCode::County,
                division_code: Some("620421".into()),
                join_url: None,
            },
            SetupLevel {
                name: "城关镇工会".into(),
                kind: OrgKindCode::Township,
                division_code: Some("620421100".into()),
                join_url: None,
            },
        ],
        operator: Some("基准测试".into()),
    })?;
    let input = ImportInput {
        file: file_arg(&file),
        ..Default::default()
    };
    let t = Instant::now();
    let dry = api.import_dry_run(input.clone())?;
    let dry_ms = ms(t);
    let t = Instant::now();
    let done = api.import_commit(input.clone())?;
    let commit_ms = ms(t);
    let total_ms = dry_ms + commit_ms;
    let t = Instant::now();
    let again = api.import_dry_run(input)?;
    let again_ms = ms(t);
    assert_eq!(
        done.added, dry.new,
        "the commit adds what the dry run found"
    );
    assert_eq!(again.new, 0, "a second import adds nothing");

    let lo = if with_libreoffice {
        libreoffice(&file, &dir)
    } else {
        None
    };
    let mut text = format!(
        "导入基准：{rows} 行 .xlsx（{:.1} MB）\n\
         | 步骤 | 毫秒 |\n|---|---:|\n\
         | 读取并解析 .xlsx（单独计时） | {parse_ms:.0} |\n\
         | 试导入（读取+检查，{} 新增 / {} 重复 / {} 拒绝） | {dry_ms:.0} |\n\
         | 正式导入（一个事务写入 {} 人并记变更日志） | {commit_ms:.0} |\n\
         | 试导入+正式导入 | {total_ms:.0} |\n\
         | 再次试导入（已全部在台账中） | {again_ms:.0} |\n",
        size as f64 / 1e6,
        dry.new,
        dry.duplicates_in_file,
        dry.rejected_total,
        done.added,
    );
    let mut v = json!({
        "rows": rows,
        "file_bytes": size,
        "parse_ms": parse_ms,
        "dry_run_ms": dry_ms,
        "commit_ms": commit_ms,
        "import_total_ms": total_ms,
        "second_dry_run_ms": again_ms,
        "new": dry.new,
        "duplicates_in_file": dry.duplicates_in_file,
        "legacy15_upgraded": dry.legacy15_upgraded,
        "rejected_total": dry.rejected_total,
        "added": done.added,
    });
    match lo {
        Some((first, second)) => {
            let best = first.min(second);
            text.push_str(&format!(
                "| LibreOffice 转换为 CSV（首次 {first:.0}，再次 {second:.0}） | {best:.0} |\n\
                 导入用时为 LibreOffice 的 {:.0}%\n",
                total_ms / best * 100.0
            ));
            v["libreoffice_first_ms"] = json!(first);
            v["libreoffice_ms"] = json!(best);
            v["ratio"] = json!(total_ms / best);
        }
        None if with_libreoffice => {
            text.push_str("（未找到 LibreOffice：apt-get install libreoffice-calc-nogui）\n");
        }
        None => {}
    }
    drop(api);
    if std::env::var_os("LEDGER_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok((v, text))
}
