//! The monthly post report and the post poster (PDF), drawn by
//! `ledger-print`; the store lock is released before drawing.

use ledger_core::phone;
use ledger_core::posts::{hours_label, month_range, TICKET_TYPE};
use ledger_print::{
    PostPoster, PostReport, PosterSize, PosterTemplate, ReportTable, ReportTypeRow,
};
use ledger_store::posts::records::{self, PostFilter, RecordQuery};
use ledger_store::posts::{self as store_posts, Post};

use super::dto::{PostPosterInput, PostReportInput, StatsQuery};
use super::figures::{compute, month_label};
use crate::dto::{PdfOut, PosterSizeCode, PosterTemplateCode};
use crate::print::fonts::fonts;
use crate::print::{deliver, out_path, print_err, safe_name};
use crate::{Api, ApiError};

fn post(api: &Api, id: &str) -> Result<Post, ApiError> {
    store_posts::get(api.store().conn(), id).map_err(|e| ApiError {
        field: Some("post_id".into()),
        ..ApiError::from(e)
    })
}

fn columns(cols: &[(&str, f32)]) -> Vec<(String, f32, bool)> {
    cols.iter()
        .map(|(l, w)| (l.to_string(), *w, true))
        .collect()
}

pub fn report(api: &Api, input: PostReportInput) -> Result<PdfOut, ApiError> {
    let out = out_path(input.out.as_deref())?;
    let (from, to) = month_range(&input.month).ok_or_else(|| {
        ApiError::invalid(
            "month",
            format!("月份：“{}”无效（格式 2026-07）", input.month.trim()),
        )
    })?;
    let p = post(api, &input.post_id)?;
    let s = compute(
        api,
        &StatsQuery {
            from: from.to_string(),
            to: to.to_string(),
            post_id: Some(p.id.clone()),
            org_id: None,
        },
    )?;
    let (tickets, today) = {
        let store = api.store();
        let q = RecordQuery {
            from: Some(from),
            to: Some(to),
            post: PostFilter::Post(p.id.clone()),
            service_type: Some(TICKET_TYPE.into()),
            ..Default::default()
        };
        let (_, rows) = records::list(store.conn(), &q, 500, 0)?;
        (rows, store.today())
    };
    let month = month_label(input.month.trim());
    let f = &p.fields;
    let report = PostReport {
        post_name: f.name.clone(),
        month: month.clone(),
        subtitle: format!("{}　{}　{}", f.kind, p.org_name, f.status),
        address: f.address.clone(),
        figures: vec![
            ("服务人次".into(), s.person_times.to_string()),
            ("会员人次".into(), s.member_times.to_string()),
            ("未入会人员人次".into(), s.non_member_times.to_string()),
            (
                "活动人次（按人次登记）".into(),
                s.aggregate_times.to_string(),
            ),
            ("服务会员（人）".into(), s.members_served.to_string()),
            (
                "服务未入会人员（人）".into(),
                s.non_members_served.to_string(),
            ),
            (
                "服务后入会（人）".into(),
                s.joined_after_service.to_string(),
            ),
            (
                "诉求工单 受理/办理中/办结".into(),
                format!(
                    "{}/{}/{}",
                    s.tickets.received, s.tickets.in_progress, s.tickets.closed
                ),
            ),
        ],
        by_type: s
            .by_type
            .iter()
            .map(|r| ReportTypeRow {
                service_type: r.label.clone(),
                member_times: r.member_times,
                non_member_times: r.non_member_times,
                aggregate_times: r.aggregate_times,
            })
            .collect(),
        tables: vec![
            ReportTable {
                title: "先服务后入会".into(),
                columns: columns(&[
                    ("姓名", 44.0),
                    ("会员编号", 50.0),
                    ("首次服务日期", 40.0),
                    ("入会日期", 40.0),
                ]),
                rows: s
                    .conversions
                    .iter()
                    .map(|c| {
                        vec![
                            c.member_name.clone(),
                            c.member_no.clone(),
                            c.first_served_on.clone(),
                            c.joined_on.clone(),
                        ]
                    })
                    .collect(),
                empty: "本月服务的未入会人员中，暂无已入会的".into(),
            },
            ReportTable {
                title: "诉求工单".into(),
                columns: columns(&[
                    ("受理日期", 22.0),
                    ("诉求人", 18.0),
                    ("联系电话", 24.0),
                    ("诉求内容", 36.0),
                    ("状态", 14.0),
                    ("经办人", 16.0),
                    ("办理结果", 44.0),
                ]),
                // Oldest first, as a month reads.
                rows: tickets
                    .iter()
                    .rev()
                    .map(|r| {
                        let t = r
                            .ticket
                            .clone()
                            .unwrap_or_else(|| ledger_core::posts::Ticket {
                                status: String::new(),
                                handler: None,
                                outcome: None,
                                closed_on: None,
                            });
                        vec![
                            r.date.to_string(),
                            r.member_name
                                .clone()
                                .or(r.person_name.clone())
                                .unwrap_or_default(),
                            r.person_phone
                                .as_deref()
                                .map(phone::mask)
                                .unwrap_or_default(),
                            r.note.clone().unwrap_or_default(),
                            t.status,
                            t.handler.unwrap_or_default(),
                            t.outcome.unwrap_or_default(),
                        ]
                    })
                    .collect(),
                empty: "本月没有诉求工单".into(),
            },
        ],
        issuer: p.org_name.clone(),
        date: today,
    };
    let pdf = ledger_print::post_report_pdf(&*fonts()?, &report).map_err(print_err)?;
    let name = format!("阵地月报-{}-{}.pdf", safe_name(&f.name), input.month.trim());
    deliver(pdf, out.as_deref(), name, 1)
}

pub fn poster(api: &Api, input: PostPosterInput) -> Result<PdfOut, ApiError> {
    let out = out_path(input.out.as_deref())?;
    let p = post(api, &input.post_id)?;
    let f = &p.fields;
    let given = input
        .url
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let url = match given
        .or(f.page_url.as_deref())
        .or(p.org_join_url.as_deref())
    {
        Some(u) => u.trim().to_string(),
        None => {
            return Err(ApiError::invalid(
                "url",
                format!(
                    "“{}”还没有阵地页面链接，“{}”也没有入会链接，无法生成二维码：请在阵地信息中填写“阵地页面链接”，或到“设置 → 组织架构”中为{}填写入会链接",
                    f.name, p.org_name, p.org_name
                ),
            ))
        }
    };
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
        return Err(ApiError::invalid(
            "url",
            format!("二维码链接：“{url}”应以 https:// 或 http:// 开头，且不含空格"),
        ));
    }
    let size = match input.size.unwrap_or_default() {
        PosterSizeCode::A4 => PosterSize::A4,
        PosterSizeCode::A3 => PosterSize::A3,
    };
    let template = match input.template.unwrap_or(PosterTemplateCode::Blue) {
        PosterTemplateCode::Red => PosterTemplate::Red,
        PosterTemplateCode::Blue => PosterTemplate::Blue,
        PosterTemplateCode::Ink => PosterTemplate::Ink,
    };
    let poster = PostPoster {
        name: f.name.clone(),
        kind: f.kind.clone(),
        org_name: p.org_name.clone(),
        partner: f.partner.clone().unwrap_or_default(),
        hours: hours_label(f.hours.as_deref(), f.open_24h, f.unattended_qr),
        address: f.address.clone(),
        facilities: f.facilities.clone(),
        unattended_qr: f.unattended_qr,
        contact_name: f.contact_name.clone().unwrap_or_default(),
        contact_phone: f.contact_phone.clone().unwrap_or_default(),
        url,
        size,
        template,
    };
    let pdf = ledger_print::post_poster_pdf(&*fonts()?, &poster).map_err(print_err)?;
    let name = format!(
        "阵地海报-{}-{}.pdf",
        safe_name(&f.name),
        if size == PosterSize::A3 { "A3" } else { "A4" }
    );
    deliver(pdf, out.as_deref(), name, 1)
}
