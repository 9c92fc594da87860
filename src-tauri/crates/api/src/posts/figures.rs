//! The figures of a date range and their .xlsx export.

use chrono::NaiveDate;
use ledger_core::posts::figures::Tally;
use ledger_sheets::write::{self, SheetOut};
use ledger_store::exports::{self, Export};
use ledger_store::posts::records::{PostFilter, RecordQuery};
use ledger_store::posts::stats::{self, Stats};

use super::dto::{Conversion, ServiceStats, StatsExportInput, StatsQuery, StatsRow, TicketCounts};
use super::sites::org_or_office;
use crate::dto::FileOut;
use crate::members::date;
use crate::sheets::write_out;
use crate::{Api, ApiError, ErrorCode};

/// The label of outreach (no post) in breakdowns.
pub(crate) const OUTREACH: &str = "外出服务（无阵地）";

fn range(q: &StatsQuery) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let from = date("from", "开始日期", &Some(q.from.clone()))?
        .ok_or_else(|| ApiError::invalid("from", "开始日期：不能为空"))?;
    let to = date("to", "结束日期", &Some(q.to.clone()))?
        .ok_or_else(|| ApiError::invalid("to", "结束日期：不能为空"))?;
    if to < from {
        return Err(ApiError::invalid("to", "结束日期：早于开始日期"));
    }
    Ok((from, to))
}

fn row(key: String, label: String, t: &Tally) -> StatsRow {
    StatsRow {
        key,
        label,
        person_times: t.person_times,
        member_times: t.member_times,
        non_member_times: t.non_member_times,
        aggregate_times: t.aggregate_times,
        members_served: t.members_served(),
        non_members_served: t.non_members_served(),
    }
}

pub(crate) fn month_label(key: &str) -> String {
    match key.split_once('-') {
        Some((y, m)) => format!("{y}年{}月", m.trim_start_matches('0')),
        None => key.to_string(),
    }
}

pub(crate) fn to_dto(from: NaiveDate, to: NaiveDate, s: Stats) -> ServiceStats {
    let f = &s.figures;
    let post_name = |id: &str| {
        s.post_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let mut by_post: Vec<StatsRow> = f
        .by_post
        .iter()
        .map(|(k, t)| {
            let label = if k.is_empty() {
                OUTREACH.to_string()
            } else {
                post_name(k)
            };
            row(k.clone(), label, t)
        })
        .collect();
    by_post.sort_by(|a, b| {
        b.person_times
            .cmp(&a.person_times)
            .then(a.label.cmp(&b.label))
    });
    let mut by_type: Vec<StatsRow> = f
        .by_type
        .iter()
        .map(|(k, t)| row(k.clone(), k.clone(), t))
        .collect();
    by_type.sort_by(|a, b| {
        b.person_times
            .cmp(&a.person_times)
            .then(a.label.cmp(&b.label))
    });
    ServiceStats {
        from: from.to_string(),
        to: to.to_string(),
        person_times: f.total.person_times,
        member_times: f.total.member_times,
        non_member_times: f.total.non_member_times,
        aggregate_times: f.total.aggregate_times,
        members_served: f.total.members_served(),
        non_members_served: f.total.non_members_served(),
        invited: f.invited,
        joined_after_service: f.joined_after_service(),
        conversion_rate: f.conversion_rate(),
        tickets: TicketCounts {
            received: f.tickets[0],
            in_progress: f.tickets[1],
            closed: f.tickets[2],
        },
        by_post,
        by_month: f
            .by_month
            .iter()
            .map(|(k, t)| row(k.clone(), month_label(k), t))
            .collect(),
        by_type,
        conversions: f
            .conversions
            .iter()
            .map(|c| {
                let (name, no) = s.members.get(&c.member_id).cloned().unwrap_or_default();
                Conversion {
                    member_id: c.member_id.clone(),
                    member_name: name,
                    member_no: no,
                    first_served_on: c.first_served_on.to_string(),
                    joined_on: c.join_date.to_string(),
                    post_name: c.post.as_deref().map(post_name),
                }
            })
            .collect(),
    }
}

/// The figures of a query, with the names they use.
pub(crate) fn compute(api: &Api, q: &StatsQuery) -> Result<ServiceStats, ApiError> {
    let (from, to) = range(q)?;
    let store = api.store();
    let post = match q
        .post_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(id) => {
            ledger_store::posts::get(store.conn(), id).map_err(|e| ApiError {
                field: Some("post_id".into()),
                ..ApiError::from(e)
            })?;
            PostFilter::Post(id.to_string())
        }
        None => PostFilter::Any,
    };
    let org_id = match q.org_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(_) => Some(org_or_office(store.conn(), &q.org_id, "org_id")?),
        None => None,
    };
    let s = stats::stats(
        store.conn(),
        &RecordQuery {
            from: Some(from),
            to: Some(to),
            post,
            org_id,
            ..Default::default()
        },
    )?;
    Ok(to_dto(from, to, s))
}

pub fn stats(api: &Api, q: StatsQuery) -> Result<ServiceStats, ApiError> {
    compute(api, &q)
}

fn table(name: &str, title: String, first: &str, rows: &[StatsRow]) -> SheetOut {
    let headers = [
        first,
        "服务人次",
        "会员人次",
        "未入会人员人次",
        "活动人次（按人次登记）",
        "服务会员（人）",
        "服务未入会人员（人）",
    ];
    SheetOut {
        name: name.into(),
        title: Some(title),
        headers: headers.iter().map(|s| s.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    r.person_times.to_string(),
                    r.member_times.to_string(),
                    r.non_member_times.to_string(),
                    r.aggregate_times.to_string(),
                    r.members_served.to_string(),
                    r.non_members_served.to_string(),
                ]
            })
            .collect(),
        ..Default::default()
    }
}

/// 汇总, 按阵地, 按月, 按服务类型, 先服务后入会: one worksheet each.
pub fn xlsx(api: &Api, input: StatsExportInput) -> Result<FileOut, ApiError> {
    let s = compute(api, &input.query)?;
    let span = format!("{}至{}", s.from, s.to);
    let summary = SheetOut {
        name: "汇总".into(),
        title: Some(format!("服务阵地服务情况汇总（{span}）")),
        headers: vec!["项目".into(), "数值".into()],
        rows: [
            ("服务人次（合计）", s.person_times.to_string()),
            ("其中：会员人次", s.member_times.to_string()),
            ("其中：未入会人员人次", s.non_member_times.to_string()),
            ("其中：活动按人次登记", s.aggregate_times.to_string()),
            ("服务会员（人）", s.members_served.to_string()),
            ("服务未入会人员（人）", s.non_members_served.to_string()),
            ("其中：已邀请入会（人）", s.invited.to_string()),
            ("服务后入会（人）", s.joined_after_service.to_string()),
            (
                "服务后入会比例",
                format!("{:.1}%", s.conversion_rate * 100.0),
            ),
            ("诉求工单：受理", s.tickets.received.to_string()),
            ("诉求工单：办理中", s.tickets.in_progress.to_string()),
            ("诉求工单：办结", s.tickets.closed.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| vec![k.to_string(), v])
        .collect(),
        ..Default::default()
    };
    let conversions = SheetOut {
        name: "先服务后入会".into(),
        title: Some(format!("服务后入会人员（{span}）")),
        headers: ["姓名", "会员编号", "首次服务日期", "服务阵地", "入会日期"]
            .map(String::from)
            .to_vec(),
        rows: s
            .conversions
            .iter()
            .map(|c| {
                vec![
                    c.member_name.clone(),
                    c.member_no.clone(),
                    c.first_served_on.clone(),
                    c.post_name.clone().unwrap_or_else(|| OUTREACH.into()),
                    c.joined_on.clone(),
                ]
            })
            .collect(),
        ..Default::default()
    };
    let sheets = [
        summary,
        table(
            "按阵地",
            format!("按服务阵地（{span}）"),
            "服务阵地",
            &s.by_post,
        ),
        table("按月", format!("按月份（{span}）"), "月份", &s.by_month),
        table(
            "按服务类型",
            format!("按服务类型（{span}）"),
            "服务类型",
            &s.by_type,
        ),
        conversions,
    ];
    // Figures are numbers in Excel (the summary's value column, each
    // breakdown's counts); names and dates stay text.
    let counts: Vec<usize> = (1..=6).collect();
    let numbers = [vec![1], counts.clone(), counts.clone(), counts, vec![]];
    let bytes = write::xlsx_with_numbers(&sheets, &numbers)
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let rows = s.by_post.len() + s.by_month.len() + s.by_type.len() + s.conversions.len();
    let out = write_out(
        input.out.as_deref(),
        format!("服务统计-{}-{}.xlsx", s.from, s.to),
        bytes,
        rows,
    )?;
    // The list of people who joined names members: a file of personal data.
    if !s.conversions.is_empty() {
        let record = Export {
            kind: "service_stats".into(),
            file_name: out.file_name.clone(),
            rows: s.conversions.len() as u64,
            full_id: false,
            purpose: None,
            filters: serde_json::to_string(&serde_json::json!({
                "from": s.from, "to": s.to,
                "post_id": input.query.post_id, "org_id": input.query.org_id,
            }))
            .ok(),
        };
        api.store()
            .transact(|tx| exports::record(tx, &record, &[]))?;
    }
    Ok(out)
}
