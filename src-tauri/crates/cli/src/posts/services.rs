//! `ledger services ...`: log, list, tickets, links, types and figures.

use ledger_api::posts::dto::{
    Insurance, LinkMemberInput, RecordKindCode, ServiceInput, ServiceListQuery, StatsExportInput,
    StatsQuery, TicketInput,
};
use ledger_api::{Api, ApiError};
use serde_json::{json, Value};

use super::{value, ServicesCommand};

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
