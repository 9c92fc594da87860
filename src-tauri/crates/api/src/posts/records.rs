//! Handlers for service records: log, edit, list, tickets, links to the
//! members people became, a member's benefits, and the type list.

use chrono::NaiveDate;
use ledger_core::phone;
use ledger_core::posts::{self as rules, RecordDraft, Who};
use ledger_store::posts::records::{
    self, PostFilter, Record, RecordFields, RecordKind, RecordQuery,
};
use ledger_store::posts::types;
use ledger_store::StoreError;

use super::dto::{
    EnrolPersonInput, Insurance, LinkMemberInput, MemberBenefits, MemberIdArg, RecordKindCode,
    ServiceInput, ServiceListQuery, ServicePage, ServiceRecord, ServiceTypeRow, ServiceTypes,
    ServiceTypesInput, ServiceUpdate, TicketInput,
};
use super::sites::org_or_office;
use crate::dto::IdArg;
use crate::members::{date, draft as member_draft};
use crate::{Api, ApiError};

pub(crate) fn kind_code(k: RecordKind) -> RecordKindCode {
    match k {
        RecordKind::Member => RecordKindCode::Member,
        RecordKind::Person => RecordKindCode::Person,
        RecordKind::Aggregate => RecordKindCode::Aggregate,
    }
}

/// The DTO; the person's phone masked unless `full`.
pub(crate) fn to_dto(r: Record, full: bool) -> ServiceRecord {
    let t = r.ticket;
    ServiceRecord {
        id: r.id,
        date: r.date.to_string(),
        post_id: r.post_id,
        post_name: r.post_name,
        org_id: r.org_id,
        org_name: r.org_name,
        service_type: r.service_type,
        kind: kind_code(r.kind),
        member_id: r.member_id,
        member_name: r.member_name,
        member_no: r.member_no,
        person_name: r.person_name,
        person_phone: r.person_phone.as_deref().map(phone::mask),
        person_phone_full: r.person_phone.filter(|_| full),
        invite: r.invite,
        joined_member_id: r.joined.as_ref().map(|j| j.member_id.clone()),
        joined_member_name: r.joined.as_ref().map(|j| j.name.clone()),
        joined_on: r.joined.as_ref().map(|j| j.join_date.to_string()),
        joined_by: r
            .joined
            .as_ref()
            .map(|j| if j.explicit { "explicit" } else { "phone" }.to_string()),
        count: r.count,
        note: r.note,
        ticket_status: t.as_ref().map(|t| t.status.clone()),
        ticket_handler: t.as_ref().and_then(|t| t.handler.clone()),
        ticket_outcome: t.as_ref().and_then(|t| t.outcome.clone()),
        ticket_closed_on: t.as_ref().and_then(|t| t.closed_on).map(|d| d.to_string()),
        insurance: r.insurance.map(|i| Insurance {
            scheme: i.scheme,
            period_from: i.period_from.to_string(),
            period_to: i.period_to.to_string(),
            certificate_no: i.certificate_no,
        }),
        updated_at: r.updated_at,
    }
}

fn required_date(field: &str, label: &str, s: &str) -> Result<NaiveDate, ApiError> {
    date(field, label, &Some(s.to_string()))?
        .ok_or_else(|| ApiError::invalid(field, format!("{label}：不能为空")))
}

fn fields(conn: &rusqlite::Connection, i: &ServiceInput) -> Result<RecordFields, ApiError> {
    let day = required_date("date", "服务日期", &i.date)?;
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    let who = match i.kind {
        RecordKindCode::Member => Who::Member(text(&i.member_id)),
        RecordKindCode::Person => Who::Person {
            name: text(&i.person_name),
            phone: text(&i.person_phone),
            invite: i.invite,
        },
        RecordKindCode::Aggregate => Who::Aggregate(i.count.unwrap_or(0)),
    };
    let insurance = match &i.insurance {
        None => None,
        Some(x) => Some(rules::Insurance {
            scheme: x.scheme.clone(),
            period_from: required_date("insurance.period_from", "保障开始日期", &x.period_from)?,
            period_to: required_date("insurance.period_to", "保障结束日期", &x.period_to)?,
            certificate_no: x.certificate_no.clone(),
        }),
    };
    let post_id = i
        .post_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    let org_id = match &post_id {
        // The store takes the post's org.
        Some(_) => String::new(),
        None => org_or_office(conn, &i.org_id, "org_id")?,
    };
    Ok(RecordFields {
        post_id,
        org_id,
        draft: RecordDraft {
            date: day,
            service_type: i.service_type.clone(),
            who,
            note: i.note.clone(),
            ticket_status: i.ticket_status.clone(),
            ticket_handler: i.ticket_handler.clone(),
            ticket_outcome: i.ticket_outcome.clone(),
            insurance,
        },
    })
}

pub fn create(api: &Api, input: ServiceInput) -> Result<ServiceRecord, ApiError> {
    let mut store = api.store();
    let f = fields(store.conn(), &input)?;
    let r = store.transact(|tx| records::create(tx, &f))?;
    Ok(to_dto(r, false))
}

pub fn update(api: &Api, input: ServiceUpdate) -> Result<ServiceRecord, ApiError> {
    let mut store = api.store();
    let f = fields(store.conn(), &input.fields)?;
    let r = store.transact(|tx| records::update(tx, &input.id, &f))?;
    Ok(to_dto(r, false))
}

pub fn get(api: &Api, input: IdArg) -> Result<ServiceRecord, ApiError> {
    Ok(to_dto(records::get(api.store().conn(), &input.id)?, true))
}

pub fn delete(api: &Api, input: IdArg) -> Result<(), ApiError> {
    api.store().transact(|tx| records::delete(tx, &input.id))?;
    Ok(())
}

fn opt_date(field: &str, label: &str, s: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    date(field, label, s)
}

pub fn list(api: &Api, q: ServiceListQuery) -> Result<ServicePage, ApiError> {
    let store = api.store();
    let post = match q.post_id.as_deref().map(str::trim) {
        None | Some("") => PostFilter::Any,
        Some("none") => PostFilter::Outreach,
        Some(id) => PostFilter::Post(id.to_string()),
    };
    let org_id = match q.org_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(_) => Some(org_or_office(store.conn(), &q.org_id, "org_id")?),
        None => None,
    };
    let query = RecordQuery {
        from: opt_date("from", "开始日期", &q.from)?,
        to: opt_date("to", "结束日期", &q.to)?,
        post,
        org_id,
        service_type: q.service_type.clone(),
        kind: q.kind.map(|k| match k {
            RecordKindCode::Member => RecordKind::Member,
            RecordKindCode::Person => RecordKind::Person,
            RecordKindCode::Aggregate => RecordKind::Aggregate,
        }),
        ticket_status: q.ticket_status.clone(),
        invite_pending: q.invite_pending.unwrap_or(false),
        member_id: None,
    };
    let page = q.page.unwrap_or(1).max(1);
    let size = q.page_size.unwrap_or(50).clamp(1, 500);
    let (total, rows) = records::list(
        store.conn(),
        &query,
        size as usize,
        ((page - 1) * size) as usize,
    )?;
    Ok(ServicePage {
        total,
        page,
        page_size: size,
        rows: rows.into_iter().map(|r| to_dto(r, false)).collect(),
    })
}

/// The ticket's own keys name the field here (`status`, `handler`, `outcome`).
pub fn ticket(api: &Api, input: TicketInput) -> Result<ServiceRecord, ApiError> {
    let r = api
        .store()
        .transact(|tx| {
            records::move_ticket(tx, &input.id, &input.status, &input.handler, &input.outcome)
        })
        .map_err(|e| {
            let mut e = ApiError::from(e);
            e.field = e.field.map(|f| f.trim_start_matches("ticket_").to_string());
            e
        })?;
    Ok(to_dto(r, false))
}

pub fn link(api: &Api, input: LinkMemberInput) -> Result<ServiceRecord, ApiError> {
    let member = input
        .member_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let r = api
        .store()
        .transact(|tx| records::link_member(tx, &input.id, member))
        .map_err(|e| match e {
            StoreError::NotFound { .. } if member.is_some() => ApiError {
                field: Some("member_id".into()),
                ..ApiError::from(e)
            },
            e => e.into(),
        })?;
    Ok(to_dto(r, false))
}

/// Enrol the record's person (name and phone default to the record's) and
/// link their records, in one transaction.
pub fn enrol(api: &Api, input: EnrolPersonInput) -> Result<ServiceRecord, ApiError> {
    let mut store = api.store();
    let rec = records::get(store.conn(), &input.record_id)?;
    let mut m = input.member.clone();
    if m.name.trim().is_empty() {
        m.name = rec.person_name.clone().unwrap_or_default();
    }
    if m.phone.trim().is_empty() {
        m.phone = rec.person_phone.clone().unwrap_or_default();
    }
    let d = member_draft(&m)?;
    let org = org_or_office(store.conn(), &m.org_id, "org_id")?;
    let (member, r) = store.transact(|tx| records::enrol_person(tx, &input.record_id, &d, &org))?;
    log::info!("member {} enrolled from a service record", member.member_no);
    Ok(to_dto(r, false))
}

pub fn benefits(api: &Api, input: MemberIdArg) -> Result<MemberBenefits, ApiError> {
    let store = api.store();
    ledger_store::members::get(store.conn(), &input.member_id)?;
    let q = RecordQuery {
        member_id: Some(input.member_id.clone()),
        ..Default::default()
    };
    let (_, rows) = records::list(store.conn(), &q, 1000, 0)?;
    let services: Vec<ServiceRecord> = rows.into_iter().map(|r| to_dto(r, false)).collect();
    let of = |t: &str| {
        services
            .iter()
            .filter(|r| r.service_type == t)
            .cloned()
            .collect::<Vec<_>>()
    };
    Ok(MemberBenefits {
        insurance: of(rules::INSURANCE_TYPE),
        health_checks: of(rules::HEALTH_CHECK_TYPE),
        services,
    })
}

fn type_rows(t: Vec<types::TypeUse>) -> ServiceTypes {
    ServiceTypes {
        types: t
            .into_iter()
            .map(|t| ServiceTypeRow {
                name: t.name,
                in_use: t.in_use,
                builtin: t.builtin,
            })
            .collect(),
    }
}

pub fn types_get(api: &Api) -> Result<ServiceTypes, ApiError> {
    Ok(type_rows(types::list(api.store().conn())?))
}

pub fn types_set(api: &Api, input: ServiceTypesInput) -> Result<ServiceTypes, ApiError> {
    let t = api
        .store()
        .transact(|tx| types::set(tx, &input.types))
        .map_err(|e| {
            let conflict = matches!(e, StoreError::Conflict(_));
            let mut e = ApiError::from(e);
            if conflict {
                e.field = Some("types".into());
            }
            e
        })?;
    Ok(type_rows(t))
}
