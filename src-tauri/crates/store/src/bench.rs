//! A synthetic ledger for `ledger bench`: realistic names, a county with
//! townships and villages, valid citizen IDs. Bench-only: rows are written
//! with plain INSERTs in one transaction, without change-log entries, so
//! that a million rows load in seconds. Never used on a real ledger.

use chrono::{Duration, NaiveDate};
use ledger_core::citizen_id::check_char;
use ledger_core::names::pinyin_keys;

use crate::{Result, Store};

const SURNAMES: [&str; 30] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
];
const GIVEN: [&str; 40] = [
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
    "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "志强", "海涛", "小龙", "春生", "文", "斌",
    "宏", "凯", "鹏", "峰", "晓燕", "红梅", "国庆", "德胜", "永红", "玉兰", "俊", "辉",
];
const GROUPS: [&str; 6] = [
    "货车司机",
    "货车司机",
    "快递员",
    "外卖配送员",
    "网约车司机",
    "家政服务员",
];
const STATUSES: [&str; 10] = [
    "在会",
    "在会",
    "在会",
    "在会",
    "在会",
    "在会",
    "在会",
    "在会",
    "退会",
    "已转出",
];
const CHANNELS: [&str; 5] = ["集中入会仪式", "扫码", "现场", "电话", "批量导入"];

/// A tiny deterministic generator (xorshift), so every run has the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What was generated: org ids by level, for building queries.
pub struct Dataset {
    pub county: String,
    pub townships: Vec<String>,
    pub villages: Vec<String>,
}

/// Fill an empty store with `n` members under 1 county, 10 townships and
/// 20 villages per township.
pub fn fill(store: &mut Store, n: usize) -> Result<Dataset> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut townships = Vec::new();
    let mut villages = Vec::new();
    let mut county = String::new();
    store.transact(|tx| {
        let c = crate::orgs::create(
            tx,
            &crate::orgs::OrgFields {
                name: "基准县总工会".into(),
                kind: Some(ledger_core::org::OrgKind::County),
                division_code: Some("620421".into()),
                ..Default::default()
            },
        )?;
        county = c.id.clone();
        for t in 0..10 {
            let town = crate::orgs::create(
                tx,
                &crate::orgs::OrgFields {
                    parent_id: Some(c.id.clone()),
                    name: format!("基准第{}镇工会", t + 1),
                    kind: Some(ledger_core::org::OrgKind::Township),
                    division_code: Some(format!("620421{:03}", 100 + t)),
                    ..Default::default()
                },
            )?;
            for v in 0..20 {
                let village = crate::orgs::create(
                    tx,
                    &crate::orgs::OrgFields {
                        parent_id: Some(town.id.clone()),
                        name: format!("基准第{}镇第{}村工会", t + 1, v + 1),
                        kind: Some(ledger_core::org::OrgKind::Village),
                        ..Default::default()
                    },
                )?;
                villages.push(village.id);
            }
            townships.push(town.id);
        }
        crate::orgs::set_this_office(tx, &c.id)?;
        // Load first, index after: about four times faster than inserting
        // into indexed tables (the same design as spreadsheet import).
        let indexes: Vec<(String, String)> = tx
            .conn()
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            tx.conn().execute_batch(&format!("DROP INDEX {name}"))?;
        }
        let mut stmt = tx.conn().prepare(
            "INSERT INTO members (id, member_no, name, gender, id_number, birth_date, phone,
               occupation_group, employer, org_id, join_date, join_channel, status, verified_on,
               name_pinyin, name_initials, id_rev, updated_at, device_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 'bench')",
        )?;
        let epoch = NaiveDate::from_ymd_opt(1960, 1, 1).expect("valid");
        let first_join = NaiveDate::from_ymd_opt(2021, 1, 1).expect("valid");
        for i in 0..n {
            let name = format!(
                "{}{}",
                SURNAMES[rng.below(SURNAMES.len())],
                GIVEN[rng.below(GIVEN.len())]
            );
            // Unique IDs: (division, sequence) repeats every 50,000 rows, and
            // each such block gets its own 800-day span of birth dates.
            let birth = epoch + Duration::days((i / 50_000 % 20) as i64 * 800 + rng.below(800) as i64);
            let division = 620421 + (i / 1000 % 50) as u32;
            let first17 = format!("{division}{}{:03}", birth.format("%Y%m%d"), i % 1000);
            let id_number = format!("{first17}{}", check_char(&first17).expect("17 digits"));
            let male = (i % 1000) % 2 == 1;
            let join = first_join + Duration::days(rng.below(5 * 365) as i64);
            let verified = join + Duration::days(rng.below(400) as i64);
            let (full, initials) = pinyin_keys(&name);
            let org = if rng.below(4) == 0 {
                &townships[rng.below(townships.len())]
            } else {
                &villages[rng.below(villages.len())]
            };
            stmt.execute(rusqlite::params![
                format!("bench-{i:08}"),
                format!("62042126{i:08}"),
                name,
                if male { "male" } else { "female" },
                id_number,
                birth.to_string(),
                format!("1{}{:09}", 3 + rng.below(7), rng.below(1_000_000_000)),
                GROUPS[rng.below(GROUPS.len())],
                format!("基准物流公司{}", rng.below(2000)),
                org,
                join.to_string(),
                CHANNELS[rng.below(CHANNELS.len())],
                STATUSES[rng.below(STATUSES.len())],
                verified.to_string(),
                full,
                initials,
                id_number.chars().rev().collect::<String>(),
                format!("{:018}-00000-bench", i),
            ])?;
        }
        drop(stmt);
        for (_, sql) in &indexes {
            tx.conn().execute_batch(sql)?;
        }
        Ok(())
    })?;
    store.conn().execute_batch("ANALYZE")?;
    Ok(Dataset {
        county,
        townships,
        villages,
    })
}
