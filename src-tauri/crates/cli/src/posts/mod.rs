//! `ledger posts ...` and `ledger services ...`: service posts (服务阵地),
//! service records, tickets and the figures, through the same handlers as
//! the app. Also the demo's posts and services.

use std::path::PathBuf;

use clap::Subcommand;
use ledger_api::dto::PdfOut;
use ledger_api::posts::dto::{
    Insurance, LinkMemberInput, PostInput, PostListQuery, PostPosterInput, PostReportInput,
    RecordKindCode, ServiceInput, ServiceListQuery, StatsExportInput, StatsQuery, TicketInput,
};
use ledger_api::{Api, ApiError};
use serde_json::{json, Value};

#[derive(Subcommand)]
pub enum PostsCommand {
    /// Add a service post.
    Add {
        #[arg(long)]
        name: String,
        /// 司机之家 | 爱心驿站 | 工会驿站 | 户外劳动者服务站点 | 职工之家 | 乡镇服务站 | 村服务点 | 其他
        #[arg(long)]
        kind: String,
        /// The org that runs it: id or exact name (default: this office).
        #[arg(long)]
        org: Option<String>,
        /// A partner that hosts it (e.g. a bank branch).
        #[arg(long)]
        partner: Option<String>,
        #[arg(long, default_value = "")]
        address: String,
        /// Facilities, comma-separated (休息,饮水,充电,...).
        #[arg(long, value_delimiter = ',')]
        facilities: Vec<String>,
        /// Opening hours, e.g. 08:00-20:00.
        #[arg(long)]
        hours: Option<String>,
        #[arg(long)]
        open_24h: bool,
        /// Unattended, entered by scanning a QR code.
        #[arg(long)]
        unattended_qr: bool,
        #[arg(long)]
        contact: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        opened_on: Option<String>,
        /// The post's own page (its poster's QR code).
        #[arg(long)]
        url: Option<String>,
    },
    /// Posts, by org then name.
    List {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        status: Option<String>,
    },
    /// The post's poster (name, facilities, hours, contact, QR code).
    Poster {
        id: String,
        /// a4 | a3
        #[arg(long, default_value = "a4")]
        size: String,
        /// red | blue | ink
        #[arg(long, default_value = "blue")]
        template: String,
        /// The QR code's link (default: the post's page, else the org's join link).
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// The monthly report of one post (PDF).
    Report {
        id: String,
        /// YYYY-MM.
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ServicesCommand {
    /// Log a service: --member ID, or --name and --phone (not yet a
    /// member), or --count N (person-times at an event).
    Add {
        /// Post id; none for outreach.
        #[arg(long)]
        post: Option<String>,
        /// For outreach: the delivering org (default: this office).
        #[arg(long)]
        org: Option<String>,
        /// Service type, e.g. 送清凉, 诉求工单.
        #[arg(long = "type")]
        service_type: String,
        #[arg(long)]
        date: String,
        #[arg(long, conflicts_with_all = ["count", "name"])]
        member: Option<String>,
        #[arg(long, conflicts_with = "name")]
        count: Option<u32>,
        /// A person not yet a member (with --phone).
        #[arg(long, requires = "phone")]
        name: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Invite this person to join.
        #[arg(long)]
        invite: bool,
        #[arg(long)]
        note: Option<String>,
        /// Tickets: 经办人.
        #[arg(long)]
        handler: Option<String>,
        /// 互助保障赠送: the scheme, period (YYYY-MM-DD) and certificate number.
        #[arg(long)]
        scheme: Option<String>,
        #[arg(long)]
        period_from: Option<String>,
        #[arg(long)]
        period_to: Option<String>,
        #[arg(long)]
        certificate_no: Option<String>,
    },
    /// Records, newest first.
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// A post id, or "none" for outreach.
        #[arg(long)]
        post: Option<String>,
        #[arg(long = "type")]
        service_type: Option<String>,
        #[arg(long)]
        ticket_status: Option<String>,
        #[arg(long, default_value_t = 1)]
        page: u32,
    },
    /// Move a ticket on: 受理 → 办理中 → 办结 (办结 needs --outcome).
    Ticket {
        id: String,
        #[arg(long)]
        status: String,
        #[arg(long)]
        handler: Option<String>,
        #[arg(long)]
        outcome: Option<String>,
    },
    /// Link a person's record to the member they became.
    Link {
        id: String,
        #[arg(long)]
        member: String,
    },
    /// The office's list of service types; --set replaces it (a type with
    /// records cannot be removed).
    Types {
        /// The whole list, comma-separated, in order.
        #[arg(long, value_delimiter = ',')]
        set: Option<Vec<String>>,
    },
    /// Person-times, people served and those who joined after (先服务后入会).
    Stats {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        post: Option<String>,
        #[arg(long)]
        org: Option<String>,
        /// Also write the figures as .xlsx.
        #[arg(long)]
        xlsx: Option<PathBuf>,
    },
}

fn value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_default()
}

fn pdf(out: PdfOut) -> (Value, String) {
    let text = format!(
        "已生成 {}（{} 页）",
        out.path.clone().unwrap_or_default(),
        out.pages
    );
    (value(&out), text)
}

pub fn posts(api: &Api, cmd: PostsCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        PostsCommand::Add {
            name,
            kind,
            org,
            partner,
            address,
            facilities,
            hours,
            open_24h,
            unattended_qr,
            contact,
            phone,
            opened_on,
            url,
        } => {
            let p = api.post_create(PostInput {
                name,
                kind,
                org_id: org,
                partner,
                address,
                latitude: None,
                longitude: None,
                facilities,
                hours,
                open_24h,
                unattended_qr,
                contact_name: contact,
                contact_phone: phone,
                opened_on,
                status: None,
                status_date: None,
                page_url: url,
                notes: None,
            })?;
            let text = format!("已添加服务阵地：{}（{}）", p.name, p.id);
            Ok((json!({ "id": p.id, "post": p }), text))
        }
        PostsCommand::List { org, kind, status } => {
            let list = api.post_list(PostListQuery {
                org_id: org,
                kind,
                status,
                text: None,
            })?;
            let text = list
                .iter()
                .map(|p| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}条记录",
                        p.id, p.kind, p.name, p.status, p.hours_label, p.records
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((json!({ "posts": list }), text))
        }
        PostsCommand::Poster {
            id,
            size,
            template,
            url,
            out,
        } => {
            let input: PostPosterInput = serde_json::from_value(json!({
                "post_id": id, "size": size, "template": template, "url": url,
                "out": out.display().to_string(),
            }))
            .map_err(|e| ApiError::bad_request(format!("参数不对：{e}")))?;
            Ok(pdf(api.print_post_poster(input)?))
        }
        PostsCommand::Report { id, month, out } => {
            Ok(pdf(api.print_post_report(PostReportInput {
                post_id: id,
                month,
                out: Some(out.display().to_string()),
            })?))
        }
    }
}

pub fn services(api: &Api, cmd: ServicesCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        ServicesCommand::Add {
            post,
            org,
            service_type,
            date,
            member,
            count,
            name,
            phone,
            invite,
            note,
            handler,
            scheme,
            period_from,
            period_to,
            certificate_no,
        } => {
            let kind = match (&member, count, &name) {
                (Some(_), _, _) => RecordKindCode::Member,
                (None, Some(_), _) => RecordKindCode::Aggregate,
                (None, None, Some(_)) => RecordKindCode::Person,
                (None, None, None) => {
                    return Err(ApiError::invalid(
                        "kind",
                        "服务对象：请用 --member 指定会员，或 --name/--phone 登记未入会人员，或 --count 按人次登记",
                    ))
                }
            };
            let insurance = scheme.map(|scheme| Insurance {
                scheme,
                period_from: period_from.unwrap_or_default(),
                period_to: period_to.unwrap_or_default(),
                certificate_no,
            });
            let r = api.service_create(ServiceInput {
                date,
                post_id: post,
                org_id: org,
                service_type,
                kind,
                member_id: member,
                person_name: name,
                person_phone: phone,
                invite,
                count,
                note,
                ticket_status: handler.as_ref().map(|_| "办理中".to_string()),
                ticket_handler: handler,
                ticket_outcome: None,
                insurance,
            })?;
            let text = format!(
                "已登记服务：{} {} {}人次（{}）",
                r.date, r.service_type, r.count, r.id
            );
            Ok((json!({ "id": r.id, "record": r }), text))
        }
        ServicesCommand::List {
            from,
            to,
            post,
            service_type,
            ticket_status,
            page,
        } => {
            let p = api.service_list(ServiceListQuery {
                from,
                to,
                post_id: post,
                service_type,
                ticket_status,
                page: Some(page),
                ..Default::default()
            })?;
            let text = p
                .rows
                .iter()
                .map(|r| {
                    let who = r
                        .member_name
                        .clone()
                        .or(r.person_name.clone())
                        .unwrap_or_else(|| r.note.clone().unwrap_or_default());
                    format!(
                        "{}\t{}\t{}\t{}\t{}人次\t{}",
                        r.date,
                        r.post_name.as_deref().unwrap_or("外出服务"),
                        r.service_type,
                        who,
                        r.count,
                        r.ticket_status.as_deref().unwrap_or("")
                    )
                })
                .chain(std::iter::once(format!("共 {} 条", p.total)))
                .collect::<Vec<_>>()
                .join("\n");
            Ok((value(&p), text))
        }
        ServicesCommand::Ticket {
            id,
            status,
            handler,
            outcome,
        } => {
            let r = api.ticket_update(TicketInput {
                id,
                status,
                handler,
                outcome,
            })?;
            let text = format!(
                "工单已{}（经办人：{}）",
                r.ticket_status.clone().unwrap_or_default(),
                r.ticket_handler.clone().unwrap_or_default()
            );
            Ok((value(&r), text))
        }
        ServicesCommand::Link { id, member } => {
            let r = api.service_link_member(LinkMemberInput {
                id,
                member_id: Some(member),
            })?;
            let text = format!(
                "已关联入会会员：{}",
                r.joined_member_name.clone().unwrap_or_default()
            );
            Ok((value(&r), text))
        }
        ServicesCommand::Types { set } => {
            let v = match set {
                Some(types) => api.dispatch("service_types_set", json!({ "types": types }))?,
                None => api.dispatch("service_types_get", Value::Null)?,
            };
            let text = v["types"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|t| {
                            format!(
                                "{}\t{}条记录{}",
                                t["name"].as_str().unwrap_or(""),
                                t["in_use"],
                                if t["builtin"] == true { "\t内置" } else { "" }
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            Ok((v, text))
        }
        ServicesCommand::Stats {
            from,
            to,
            post,
            org,
            xlsx,
        } => {
            let query = StatsQuery {
                from,
                to,
                post_id: post,
                org_id: org,
            };
            let s = api.service_stats(query.clone())?;
            let mut v = value(&s);
            let mut text = format!(
                "{}至{}：服务{}人次（会员{}人次，未入会人员{}人次，活动{}人次）；服务会员{}人，未入会人员{}人，其中服务后入会{}人",
                s.from,
                s.to,
                s.person_times,
                s.member_times,
                s.non_member_times,
                s.aggregate_times,
                s.members_served,
                s.non_members_served,
                s.joined_after_service
            );
            if let Some(path) = xlsx {
                let out = api.service_stats_xlsx(StatsExportInput {
                    query,
                    out: Some(path.display().to_string()),
                })?;
                v["xlsx"] = json!(out.path);
                text.push_str(&format!("\n已导出 {}", path.display()));
            }
            Ok((v, text))
        }
    }
}

// ------------------------------------------------------------------ demo --

fn demo_post(api: &Api, input: Value) -> Result<String, ApiError> {
    let input: PostInput =
        serde_json::from_value(input).map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(api.post_create(input)?.id)
}

fn demo_service(api: &Api, input: Value) -> Result<(), ApiError> {
    let input: ServiceInput =
        serde_json::from_value(input).map_err(|e| ApiError::bad_request(e.to_string()))?;
    api.service_create(input).map(|_| ())
}

/// 示例 posts and services for `ledger demo`: three posts, summer-heat relief
/// counted by person-times, health checks and insurance for members, tickets,
/// and platform drivers served before they joined at the September ceremony
/// (先服务后入会). Runs after the demo's orgs and members exist.
pub fn demo(api: &Api) -> Result<usize, ApiError> {
    let orgs = api.org_list()?;
    let org = |name: &str| {
        orgs.iter()
            .find(|o| o.name == name)
            .map(|o| o.id.clone())
            .ok_or_else(|| ApiError::bad_request(format!("示例组织“{name}”不存在")))
    };
    let home = demo_post(
        api,
        json!({"name": "示例镇司机之家", "kind": "司机之家", "org_id": org("示例镇工会")?,
               "address": "G109国道示例镇段加油站旁", "latitude": 36.56, "longitude": 104.68,
               "facilities": ["休息", "饮水", "热饭", "充电", "如厕", "淋浴", "维修工具", "停车"],
               "open_24h": true, "unattended_qr": true, "contact_name": "王站长",
               "contact_phone": "0943-6123456", "opened_on": "2025-05-01",
               "page_url": "https://example.org/posts/sjzj", "notes": "示例数据，可删除"}),
    )?;
    let station = demo_post(
        api,
        json!({"name": "示例东湾村爱心驿站", "kind": "爱心驿站", "org_id": org("示例东湾村工会")?,
               "partner": "示例农村商业银行东湾支行", "address": "示例镇东湾村村委会东侧",
               "facilities": ["休息", "饮水", "充电", "如厕", "药箱", "无线网络", "阅读"],
               "hours": "08:00-20:00", "contact_name": "李红", "contact_phone": "13909431234",
               "opened_on": "2025-09-01", "notes": "示例数据，可删除"}),
    )?;
    let outdoor = demo_post(
        api,
        json!({"name": "示例镇户外劳动者服务站点", "kind": "户外劳动者服务站点",
               "org_id": org("示例镇工会")?, "address": "示例镇街道12号",
               "facilities": ["休息", "饮水", "热饭", "充电"], "hours": "07:00-21:00",
               "opened_on": "2026-03-01", "notes": "示例数据，可删除"}),
    )?;
    let mut n = 0;
    let mut add = |v: Value| -> Result<(), ApiError> {
        n += 1;
        demo_service(api, v)
    };
    add(
        json!({"date": "2026-07-15", "post_id": home, "service_type": "送清凉",
               "kind": "aggregate", "count": 200, "note": "高速收费站发放矿泉水200瓶"}),
    )?;
    add(
        json!({"date": "2026-08-05", "post_id": outdoor, "service_type": "送清凉",
               "kind": "aggregate", "count": 120, "note": "为外卖骑手、快递员送绿豆汤和藿香正气水"}),
    )?;
    add(
        json!({"date": "2026-01-20", "service_type": "四季送/慰问", "kind": "aggregate",
               "count": 80, "note": "春节前慰问返乡货车司机（外出服务）"}),
    )?;
    let members = api.member_list(ledger_api::dto::MemberListQuery {
        page_size: Some(200),
        ..Default::default()
    })?;
    for (i, m) in members.rows.iter().take(6).enumerate() {
        add(
            json!({"date": format!("2026-06-{:02}", 10 + i), "post_id": home,
                   "service_type": "健康体检", "kind": "member", "member_id": m.id,
                   "note": "免费体检：血压、血糖、心电图"}),
        )?;
    }
    for (i, m) in members.rows.iter().skip(6).take(3).enumerate() {
        add(
            json!({"date": "2026-05-20", "post_id": station, "service_type": "互助保障赠送",
                   "kind": "member", "member_id": m.id,
                   "insurance": {"scheme": "职工互助保障·意外伤害", "period_from": "2026-06-01",
                                 "period_to": "2027-05-31",
                                 "certificate_no": format!("HZBZ-2026-{:04}", i + 1)}}),
        )?;
    }
    // Platform drivers served as non-members in summer; they joined at the
    // September ceremony with the same phones: 先服务后入会.
    let drivers = api.member_list(ledger_api::dto::MemberListQuery {
        employer: Some("示例顺达物流平台".into()),
        page_size: Some(4),
        ..Default::default()
    })?;
    for (i, d) in drivers.rows.iter().enumerate() {
        let full = api.dispatch("member_get", json!({ "id": d.id }))?;
        let service_type = ["送清凉", "健康体检", "法律援助", "送清凉"][i % 4];
        add(
            json!({"date": format!("2026-07-{:02}", 20 + i), "post_id": home,
                   "service_type": service_type,
                   "kind": "person", "person_name": d.name, "person_phone": full["phone_full"],
                   "invite": true}),
        )?;
    }
    for (i, name) in ["示例骑手甲", "示例骑手乙", "示例司机丙"]
        .iter()
        .enumerate()
    {
        add(
            json!({"date": format!("2026-10-{:02}", 8 + i), "post_id": outdoor,
                   "service_type": "送清凉", "kind": "person", "person_name": name,
                   "person_phone": format!("1580000000{}", i + 1), "invite": i != 2}),
        )?;
    }
    add(
        json!({"date": "2026-09-02", "post_id": home, "service_type": "诉求工单",
               "kind": "person", "person_name": "示例司机丁", "person_phone": "15800000009",
               "note": "物流平台拖欠运费三千元", "ticket_status": "办结", "ticket_handler": "示例经办人",
               "ticket_outcome": "协调平台于9月10日补发运费"}),
    )?;
    if let Some(m) = members.rows.get(1) {
        add(
            json!({"date": "2026-11-03", "service_type": "诉求工单", "kind": "member",
                   "member_id": m.id, "note": "咨询工伤认定", "ticket_status": "办理中",
                   "ticket_handler": "示例经办人"}),
        )?;
    }
    add(
        json!({"date": "2026-11-10", "post_id": station, "service_type": "法律援助",
               "kind": "person", "person_name": "示例家政员戊", "person_phone": "15800000010",
               "invite": true, "note": "劳务合同咨询"}),
    )?;
    Ok(n)
}
