//! `ledger demo`: a township with a few villages and clearly labelled
//! 示例 members, for trying the app and for screenshots.

use chrono::{Duration, NaiveDate};
use ledger_api::dto::{MemberInput, OrgInput, OrgKindCode, SetupInput, SetupLevel};
use ledger_api::{Api, ApiError, ErrorCode};
use ledger_core::citizen_id::check_char;

const NAMES: [&str; 24] = [
    "王建国",
    "李志强",
    "张伟",
    "刘洋",
    "陈磊",
    "杨帆",
    "赵军",
    "黄海涛",
    "周鹏",
    "吴刚",
    "徐勇",
    "孙丽",
    "马俊",
    "朱红梅",
    "胡斌",
    "郭小龙",
    "何春生",
    "高峰",
    "林晓燕",
    "罗杰",
    "梁文",
    "宋平",
    "郑凯",
    "谢宏",
];
const GROUPS: [&str; 6] = [
    "货车司机",
    "货车司机",
    "快递员",
    "外卖配送员",
    "网约车司机",
    "货车司机",
];
const EMPLOYERS: [&str; 5] = [
    "个体运输户",
    "示例物流有限公司",
    "示例快递网点",
    "美团（示例站点）",
    "滴滴出行",
];

fn id_number(division: &str, birth: NaiveDate, seq: u32) -> String {
    let first17 = format!("{division}{}{seq:03}", birth.format("%Y%m%d"));
    let check = check_char(&first17).expect("17 digits");
    format!("{first17}{check}")
}

/// Seed an empty ledger. Refuses a ledger that is already set up.
pub fn seed(api: &Api) -> Result<usize, ApiError> {
    if api.app_info()?.office.is_some() {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "该台账已经设置过本单位，示例数据只能写入新的空台账",
        ));
    }
    let info = api.setup_office(SetupInput {
        levels: vec![
            SetupLevel {
                name: "示例县总工会".into(),
                kind: OrgKindCode::County,
                division_code: Some("620421".into()),
                join_url: Some("https://example.org/join/county".into()),
            },
            SetupLevel {
                name: "示例镇工会".into(),
                kind: OrgKindCode::Township,
                division_code: Some("620421100".into()),
                join_url: Some("https://example.org/join/town".into()),
            },
        ],
        operator: Some("示例经办人".into()),
    })?;
    let town = info.office.expect("set up").id;
    let mut holders = vec![town.clone()];
    for (i, village) in ["示例东湾村工会", "示例西岔村工会", "示例南塬社区工会"]
        .iter()
        .enumerate()
    {
        let org = api.org_create(OrgInput {
            parent_id: Some(town.clone()),
            name: (*village).into(),
            kind: OrgKindCode::Village,
            division_code: Some(format!("620421100{:03}", 201 + i)),
            join_url: None,
            employer: None,
        })?;
        holders.push(org.id);
    }
    let pool = api.org_create(OrgInput {
        parent_id: Some(town.clone()),
        name: "示例镇新就业形态劳动者周转池".into(),
        kind: OrgKindCode::Pool,
        division_code: None,
        join_url: None,
        employer: None,
    })?;
    holders.push(pool.id);
    api.org_create(OrgInput {
        parent_id: Some(town),
        name: "示例镇货车司机行业工会联合会".into(),
        kind: OrgKindCode::Industry,
        division_code: None,
        join_url: None,
        employer: None,
    })?;
    let base = NaiveDate::from_ymd_opt(2025, 3, 1).expect("valid");
    for (i, name) in NAMES.iter().enumerate() {
        let i32 = i as u32;
        let birth = NaiveDate::from_ymd_opt(
            1970 + (i32 * 7) as i32 % 30,
            1 + i32 % 12,
            1 + (i32 * 5) % 28,
        )
        .expect("valid");
        // Odd sequence digits for men, even for women (孙丽, 朱红梅, 林晓燕).
        let female = matches!(*name, "孙丽" | "朱红梅" | "林晓燕");
        let seq = 100 + i32 * 2 + u32::from(!female);
        api.member_create(MemberInput {
            name: (*name).into(),
            id_number: id_number("620421", birth, seq),
            phone: format!("139{:08}", 30_000_000 + i32 * 7_919),
            occupation_group: GROUPS[i % GROUPS.len()].into(),
            employer: Some(EMPLOYERS[i % EMPLOYERS.len()].into()),
            org_id: Some(holders[i % holders.len()].clone()),
            join_date: Some((base + Duration::days(i as i64 * 23)).to_string()),
            join_channel: Some(["集中入会仪式", "扫码", "现场", "电话"][i % 4].into()),
            notes: Some("示例数据，可删除".into()),
            residence: Some(RESIDENCES[i % RESIDENCES.len()].into()),
            labour_relation: Some(RELATIONS[i % RELATIONS.len()].into()),
            new_employment: Some(true),
            ..Default::default()
        })?;
    }
    // Drivers of one logistics platform, enrolled at a ceremony: enough to
    // reach the enrol-to-build threshold (25) and raise the home-page alert.
    let ceremony = NaiveDate::from_ymd_opt(2026, 9, 18).expect("valid");
    let given = [
        "海", "涛", "军", "勇", "斌", "鹏", "杰", "磊", "强", "刚", "平", "峰", "辉",
    ];
    for k in 0..PLATFORM_DRIVERS {
        let name = format!(
            "{}{}",
            ["马", "杨", "韩"][k as usize % 3],
            given[k as usize % given.len()]
        );
        let birth = NaiveDate::from_ymd_opt(1975 + (k as i32 % 20), 1 + k % 12, 1 + (k * 3) % 28)
            .expect("valid");
        api.member_create(MemberInput {
            name,
            id_number: id_number("620421", birth, 301 + k * 2),
            phone: format!("137{:08}", 41_000_000 + k * 3_571),
            occupation_group: "货车司机".into(),
            employer: Some("示例顺达物流平台".into()),
            org_id: Some(holders[k as usize % 4].clone()),
            join_date: Some(ceremony.to_string()),
            join_channel: Some("集中入会仪式".into()),
            labour_relation: Some("平台合作/无固定雇主".into()),
            new_employment: Some(true),
            migrant_worker: Some(k % 2 == 0),
            notes: Some("示例数据，可删除".into()),
            ..Default::default()
        })?;
    }
    crate::outbound::demo(api)?;
    crate::posts::demo(api)?;
    Ok(NAMES.len() + PLATFORM_DRIVERS as usize)
}

const PLATFORM_DRIVERS: u32 = 26;
const RESIDENCES: [&str; 4] = [
    "示例镇东湾村二社",
    "示例镇西岔村五社",
    "示例镇南塬社区3号楼",
    "示例镇街道12号",
];
const RELATIONS: [&str; 4] = ["个体自雇", "劳动合同", "平台合作/无固定雇主", "多雇主"];
