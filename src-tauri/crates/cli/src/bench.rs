//! `ledger bench`: builds its own ledger of N members and times the member
//! list the way the UI calls it, beside a plain indexed SQLite query on the
//! same data in the same run.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use ledger_api::{Api, ApiError, ErrorCode, RuntimeInfo};
use ledger_store::{bench, Store, SystemClock};
use serde_json::{json, Value};

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, e.to_string())
}

struct Timing {
    name: &'static str,
    samples_ms: Vec<f64>,
}

impl Timing {
    fn median(&self) -> f64 {
        percentile(&self.samples_ms, 0.5)
    }
    fn p95(&self) -> f64 {
        percentile(&self.samples_ms, 0.95)
    }
}

fn percentile(v: &[f64], p: f64) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed().as_secs_f64() * 1000.0)
}

pub fn run(rows: usize, dir: Option<PathBuf>, rounds: usize) -> Result<(Value, String), ApiError> {
    let tmp;
    let dir = match dir {
        Some(d) => d,
        None => {
            tmp = std::env::temp_dir().join(format!("ledger-bench-{}", std::process::id()));
            tmp
        }
    };
    std::fs::create_dir_all(&dir).map_err(internal)?;
    let db = dir.join(format!("bench-{rows}.db"));
    let _ = std::fs::remove_file(&db);
    let mut store = Store::open(&db, Arc::new(SystemClock))?;
    let (data, load_ms) = time(|| bench::fill(&mut store, rows));
    let data = data?;
    eprintln!("已生成 {rows} 名会员（{:.1} 秒）", load_ms / 1000.0);
    let api = Api::from_store(store, RuntimeInfo::default());

    let detail = std::cell::RefCell::new(std::collections::BTreeMap::<String, Vec<f64>>::new());
    let call = |args: Value| -> Result<f64, ApiError> {
        let key = args.to_string();
        let (r, ms) = time(|| api.dispatch("member_list", args));
        r?;
        detail.borrow_mut().entry(key).or_default().push(ms);
        Ok(ms)
    };
    // Keystroke sequences a cadre types into the search box.
    let typing: Vec<&str> = vec![
        "张",
        "张伟",
        "王",
        "王建国",
        "z",
        "zh",
        "zhang",
        "zhangw",
        "zw",
        "lxl",
        "138",
        "1380",
        "13812",
        "0976",
        "12X",
        "62042126000",
        "基",
        "曹",
    ];
    let town = &data.townships[3];
    let village = &data.villages[17];
    let filtered: Vec<Value> = vec![
        json!({"org_id": town, "status": "在会", "group": "货车司机", "sort": "join_date_desc"}),
        json!({"org_id": town, "status": "在会", "group": "货车司机", "sort": "join_date_desc", "page": 50}),
        json!({"org_id": data.county, "status": "在会", "sort": "join_date_desc"}),
        json!({"org_id": village, "stale_only": true, "sort": "member_no"}),
        json!({"status": "在会", "joined_from": "2024-01-01", "joined_to": "2024-06-30", "sort": "join_date_asc"}),
        json!({"channel": "扫码", "group": "快递员", "sort": "name"}),
        json!({"text": "张", "org_id": town, "status": "在会"}),
    ];
    let mut search = Timing {
        name: "边输边搜（会员列表+总数）",
        samples_ms: vec![],
    };
    let mut pages = Timing {
        name: "筛选+排序+分页（含总数）",
        samples_ms: vec![],
    };
    let mut baseline = Timing {
        name: "基准：按身份证号的普通索引查询",
        samples_ms: vec![],
    };
    let mut baseline_prefix = Timing {
        name: "基准：姓名前缀索引查询 LIMIT 20",
        samples_ms: vec![],
    };
    let conn = rusqlite::Connection::open(&db).map_err(internal)?;
    let ids: Vec<String> = conn
        .prepare("SELECT id_number FROM members WHERE rowid % 997 = 0 LIMIT 200")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(internal)?;
    for round in 0..rounds {
        for t in &typing {
            search
                .samples_ms
                .push(call(json!({ "text": t, "page_size": 20 }))?);
        }
        for f in &filtered {
            pages.samples_ms.push(call(f.clone())?);
        }
        for id in ids.iter().skip(round % 7).step_by(7).take(20) {
            let (_, ms) = time(|| {
                conn.prepare_cached("SELECT * FROM members WHERE id_number = ?1")
                    .and_then(|mut s| s.query_row([id], |r| r.get::<_, String>(0)))
            });
            baseline.samples_ms.push(ms);
        }
        for t in ["张", "王", "李伟", "曹"] {
            let (_, ms) = time(|| -> rusqlite::Result<Vec<String>> {
                let mut s = conn.prepare_cached(
                    "SELECT id FROM members WHERE deleted = 0 AND name >= ?1 AND name < ?1 || char(1114111) ORDER BY name LIMIT 20",
                )?;
                let v = s.query_map([t], |r| r.get(0))?.collect();
                v
            });
            baseline_prefix.samples_ms.push(ms);
        }
    }
    let all = [&search, &pages, &baseline, &baseline_prefix];
    let mut text = format!("会员数 {rows}，每项 {rounds} 轮（毫秒）\n");
    text.push_str("| 操作 | 中位数 | p95 | 次数 |\n|---|---:|---:|---:|\n");
    for t in all {
        text.push_str(&format!(
            "| {} | {:.2} | {:.2} | {} |\n",
            t.name,
            t.median(),
            t.p95(),
            t.samples_ms.len()
        ));
    }
    if std::env::var_os("LEDGER_BENCH_DETAIL").is_some() {
        for (k, v) in detail.borrow().iter() {
            text.push_str(&format!("{:>9.2}  {k}\n", percentile(v, 0.5)));
        }
    }
    let json = json!({
        "rows": rows,
        "load_ms": load_ms,
        "search_median_ms": search.median(),
        "search_p95_ms": search.p95(),
        "page_median_ms": pages.median(),
        "page_p95_ms": pages.p95(),
        "baseline_id_lookup_median_ms": baseline.median(),
        "baseline_name_prefix_median_ms": baseline_prefix.median(),
    });
    drop(conn);
    drop(api);
    if std::env::var_os("LEDGER_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_file(&db);
    }
    Ok((json, text))
}
