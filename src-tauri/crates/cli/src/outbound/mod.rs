//! `ledger outbound`: truck-driver outbound reports (外出报告), their review,
//! contacts, spot checks and files; and the demo trips of `ledger demo`.

use ledger_api::dto::IdArg;
use ledger_api::outbound::dto::{
    OutboundBackInput, OutboundContactInput, OutboundExportInput, OutboundFields,
    OutboundFormInput, OutboundIds, OutboundInput, OutboundQuery, OutboundReasonInput,
    OutboundSettings, SpotDrawInput, SpotExportInput, SpotRecordInput,
};
use ledger_api::{Api, ApiError};
use ledger_core::outbound::{counties, divisions};
use serde_json::{json, Value};

mod command;
mod demo;
pub use command::OutboundCommand;
pub use demo::demo;

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// A destination typed as one text.
pub(crate) struct Place {
    pub province: String,
    pub city: Option<String>,
    pub county: Option<String>,
    pub address: Option<String>,
}

/// "浙江省杭州市萧山区 传化物流园" → province, city, county, address.
pub(crate) fn destination(text: &str) -> Result<Place, ApiError> {
    let (prov, city, rest) = divisions::split(text).ok_or_else(|| {
        ApiError::invalid(
            "destination",
            format!(
                "流入地：“{}”应以省份开头，如 浙江省杭州市萧山区",
                text.trim()
            ),
        )
    })?;
    // A county from the division list, with or without a space after it.
    if let Some((county, after)) = city.and_then(|c| counties::strip_county(prov, c, &rest)) {
        return Ok(Place {
            province: prov.to_string(),
            city: city.map(str::to_string),
            county: Some(county.to_string()),
            address: Some(after.trim().to_string()).filter(|s| !s.is_empty()),
        });
    }
    let mut parts = rest.splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or_default().trim().to_string();
    let more = parts
        .next()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let is_county = ["区", "县", "市", "旗"].iter().any(|s| first.ends_with(s));
    let (county, address) = match (first.is_empty(), is_county) {
        (true, _) => (None, more),
        (false, true) => (Some(first), more),
        (false, false) => (None, Some(rest.trim().to_string())),
    };
    Ok(Place {
        province: prov.to_string(),
        city: city.map(str::to_string),
        county,
        address,
    })
}

pub(crate) fn ids(list: Vec<String>) -> OutboundIds {
    OutboundIds { ids: list }
}

pub fn run(api: &Api, cmd: OutboundCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        OutboundCommand::Add {
            member,
            departure,
            expected_return,
            destination: dest,
            plate,
            vehicle,
            park,
            road_phone,
            spouse,
            children,
            elderly,
            needs,
            emergency_name,
            emergency_relation,
            emergency_phone,
            notes,
            submit,
        } => {
            let place = destination(&dest)?;
            let t = api.outbound_create(OutboundInput {
                member_id: Some(member),
                member: None,
                fields: OutboundFields {
                    plate_number: plate.unwrap_or_default(),
                    vehicle_type: vehicle,
                    departure_date: departure,
                    expected_return,
                    dest_province: place.province,
                    dest_city: place.city,
                    dest_county: place.county,
                    dest_address: place.address,
                    dest_park: park,
                    road_phone,
                    family_spouse: spouse,
                    family_children: children,
                    family_elderly: elderly,
                    family_needs: needs,
                    emergency_name,
                    emergency_relation,
                    emergency_phone,
                    notes,
                    ..Default::default()
                },
                submit: Some(submit),
            })?;
            let text = format!(
                "已登记外出报告：{} {} → {}（{}，{}）",
                t.row.member_name,
                t.row.plate_number,
                t.row.dest_label,
                t.row.state_label,
                t.row.id
            );
            Ok((to_json(&t), text))
        }
        OutboundCommand::List {
            org,
            province,
            status,
            state,
            member,
            away,
        } => {
            let l = api.outbound_list(OutboundQuery {
                org_id: org,
                province,
                status,
                state,
                member_id: member,
                away_only: Some(away),
                ..Default::default()
            })?;
            let mut text: Vec<String> = l
                .rows
                .iter()
                .map(|r| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}→{}\t{}\t{}",
                        r.id,
                        r.member_name,
                        r.plate_number,
                        r.dest_label,
                        r.departure_date,
                        r.expected_return,
                        r.status_label,
                        r.state_label
                    )
                })
                .collect();
            text.push(format!("共 {} 条", l.total));
            Ok((to_json(&l), text.join("\n")))
        }
        OutboundCommand::Show { id } => {
            let t = api.outbound_get(IdArg { id })?;
            let text = format!(
                "{} {} {} → {}（{}，{}）",
                t.row.member_name,
                t.row.plate_number,
                t.row.departure_date,
                t.row.dest_label,
                t.row.status_label,
                t.row.state_label
            );
            Ok((to_json(&t), text))
        }
        OutboundCommand::Report { ids: list } => {
            let n = api.outbound_report(ids(list))?;
            Ok((to_json(&n), format!("已上报 {} 份", n.count)))
        }
        OutboundCommand::File { ids: list } => {
            let n = api.outbound_file(ids(list))?;
            Ok((to_json(&n), format!("已备案 {} 份", n.count)))
        }
        OutboundCommand::Return {
            id,
            reason: Some(reason),
            ..
        } => {
            let t = api.outbound_return(OutboundReasonInput { id, reason })?;
            Ok((to_json(&t), format!("已退回：{}", t.row.member_name)))
        }
        OutboundCommand::Return {
            id,
            date: Some(date),
            ..
        } => {
            let t = api.outbound_back(OutboundBackInput {
                id,
                date: Some(date),
            })?;
            Ok((to_json(&t), format!("已登记返回：{}", t.row.member_name)))
        }
        OutboundCommand::Return { .. } => Err(ApiError::invalid(
            "reason",
            "原因：退回报告请用 --reason 写明原因；登记司机已返回请用 --date 日期（或 outbound back）",
        )),
        OutboundCommand::Reopen { id, reason } => {
            let t = api.outbound_reopen(OutboundReasonInput { id, reason })?;
            Ok((to_json(&t), format!("已重新打开：{}", t.row.member_name)))
        }
        OutboundCommand::Back { id, date } => {
            let t = api.outbound_back(OutboundBackInput { id, date })?;
            Ok((to_json(&t), format!("已登记返回：{}", t.row.member_name)))
        }
        OutboundCommand::Contact {
            id,
            channel,
            not_reached,
            date,
            note,
            location,
        } => {
            let place = location.as_deref().map(destination).transpose()?;
            let (p, c, county, addr) = match place {
                Some(l) => (Some(l.province), l.city, l.county, l.address),
                None => (None, None, None, None),
            };
            let t = api.outbound_contact_add(OutboundContactInput {
                trip_id: id,
                date,
                channel,
                reached: !not_reached,
                note,
                new_province: p,
                new_city: c,
                new_county: county,
                new_address: addr,
            })?;
            Ok((
                to_json(&t),
                format!(
                    "已记录联系：{}（{}）",
                    t.row.member_name, t.row.status_label
                ),
            ))
        }
        OutboundCommand::Alerts => {
            let a = api.outbound_alerts()?;
            let text = format!(
                "逾期未返 {} 人，失联 {} 人，待审核 {} 份",
                a.overdue.len(),
                a.lost.len(),
                a.pending_review
            );
            Ok((to_json(&a), text))
        }
        OutboundCommand::Sample {
            size,
            percent,
            seed,
            org,
        } => {
            let s = api.outbound_sample(SpotDrawInput {
                size,
                percent,
                seed,
                org_id: org,
                notes: None,
            })?;
            let text = format!(
                "已抽取 {} 人（随机种子 {}）：{}",
                s.ids.len(),
                s.seed,
                s.check_id
            );
            Ok((to_json(&s), text))
        }
        OutboundCommand::Spot { id } => {
            let d = api.outbound_spot_get(IdArg { id })?;
            let text = format!(
                "抽取 {} 人，已抽查 {} 人，核实一致 {} 人",
                d.check.drawn, d.check.called, d.check.consistent
            );
            Ok((to_json(&d), text))
        }
        OutboundCommand::Call {
            item,
            outcome,
            note,
        } => {
            let d = api.outbound_spot_record(SpotRecordInput {
                item_id: item,
                outcome,
                note,
                date: None,
            })?;
            Ok((to_json(&d), format!("已记录，已抽查 {} 人", d.check.called)))
        }
        OutboundCommand::Export { out, spot, away } => {
            let out = Some(out.display().to_string());
            let f = match spot {
                Some(id) => api.outbound_spot_export(SpotExportInput { id, out })?,
                None => api.outbound_export(OutboundExportInput {
                    query: OutboundQuery {
                        away_only: Some(away),
                        ..Default::default()
                    },
                    out,
                })?,
            };
            let text = format!(
                "已导出 {} 行：{}",
                f.rows,
                f.path.as_deref().unwrap_or_default()
            );
            Ok((json!({"file": f.path, "rows": f.rows}), text))
        }
        OutboundCommand::Form { ids: list, out } => {
            let p = api.outbound_print_form(OutboundFormInput {
                ids: list,
                out: Some(out.display().to_string()),
            })?;
            let text = format!(
                "已生成外出报告登记表：{}（{} 页）",
                p.path.as_deref().unwrap_or_default(),
                p.pages
            );
            Ok((
                json!({"file": p.path, "pages": p.pages, "count": p.count}),
                text,
            ))
        }
        OutboundCommand::Settings {
            half_year_days,
            lost_days,
        } => {
            let mut s = api.outbound_settings_get()?;
            if half_year_days.is_some() || lost_days.is_some() {
                s = api.outbound_settings_set(OutboundSettings {
                    half_year_days: half_year_days.unwrap_or(s.half_year_days),
                    lost_days: lost_days.unwrap_or(s.lost_days),
                })?;
            }
            let text = format!(
                "“半年”按 {} 天计；{} 天未联系上为失联",
                s.half_year_days, s.lost_days
            );
            Ok((to_json(&s), text))
        }
    }
}
