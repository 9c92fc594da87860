//! Handlers for the posts themselves and the lists their forms offer.

use ledger_core::posts::{
    self as rules, PostDraft, FACILITIES, HEALTH_CHECK_TYPE, INSURANCE_TYPE, POST_KINDS,
    POST_STATUSES, TICKET_STATUSES, TICKET_TYPE,
};
use ledger_store::posts::{self, types, PostQuery};
use ledger_store::{orgs, StoreError};

use super::dto::{Post, PostChoices, PostInput, PostListQuery, PostUpdate};
use crate::dto::{Choice, IdArg};
use crate::members::date;
use crate::{Api, ApiError};

pub(crate) fn to_dto(p: posts::Post) -> Post {
    let f = p.fields;
    Post {
        hours_label: rules::hours_label(f.hours.as_deref(), f.open_24h, f.unattended_qr),
        id: p.id,
        name: f.name,
        kind: f.kind,
        org_id: p.org_id,
        org_name: p.org_name,
        partner: f.partner,
        address: f.address,
        latitude: f.latitude,
        longitude: f.longitude,
        facilities: f.facilities,
        hours: f.hours,
        open_24h: f.open_24h,
        unattended_qr: f.unattended_qr,
        contact_name: f.contact_name,
        contact_phone: f.contact_phone,
        opened_on: f.opened_on.map(|d| d.to_string()),
        status: f.status,
        status_date: f.status_date.map(|d| d.to_string()),
        page_url: f.page_url,
        notes: f.notes,
        records: p.records,
        updated_at: p.updated_at,
    }
}

pub fn choices(api: &Api) -> Result<PostChoices, ApiError> {
    let store = api.store();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let kind = |value: &str, label: &str| Choice {
        value: value.into(),
        label: label.into(),
    };
    Ok(PostChoices {
        kinds: strings(&POST_KINDS),
        facilities: strings(&FACILITIES),
        statuses: strings(&POST_STATUSES),
        service_types: types::names(store.conn())?,
        ticket_statuses: strings(&TICKET_STATUSES),
        ticket_type: TICKET_TYPE.into(),
        insurance_type: INSURANCE_TYPE.into(),
        health_check_type: HEALTH_CHECK_TYPE.into(),
        record_kinds: vec![
            kind("member", "会员"),
            kind("person", "未入会人员"),
            kind("aggregate", "按人次（活动）"),
        ],
    })
}

/// An org key (id or name) for field `field`, or this office.
pub(crate) fn org_or_office(
    conn: &rusqlite::Connection,
    key: &Option<String>,
    field: &str,
) -> Result<String, ApiError> {
    match key.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(k) => Ok(orgs::resolve(conn, k)
            .map_err(|e| ApiError {
                field: Some(field.into()),
                ..ApiError::from(e)
            })?
            .id),
        None => Ok(orgs::this_office(conn)?.ok_or(StoreError::NoOffice)?),
    }
}

fn draft(i: &PostInput) -> Result<PostDraft, ApiError> {
    Ok(PostDraft {
        name: i.name.clone(),
        kind: i.kind.clone(),
        partner: i.partner.clone(),
        address: i.address.clone(),
        latitude: i.latitude,
        longitude: i.longitude,
        facilities: i.facilities.clone(),
        hours: i.hours.clone(),
        open_24h: i.open_24h,
        unattended_qr: i.unattended_qr,
        contact_name: i.contact_name.clone(),
        contact_phone: i.contact_phone.clone(),
        opened_on: date("opened_on", "启用日期", &i.opened_on)?,
        status: i.status.clone().unwrap_or_default(),
        status_date: date("status_date", "状态日期", &i.status_date)?,
        page_url: i.page_url.clone(),
        notes: i.notes.clone(),
    })
}

pub fn create(api: &Api, input: PostInput) -> Result<Post, ApiError> {
    let d = draft(&input)?;
    let mut store = api.store();
    let org = org_or_office(store.conn(), &input.org_id, "org_id")?;
    let p = store.transact(|tx| posts::create(tx, &org, &d))?;
    log::info!("service post created");
    Ok(to_dto(p))
}

/// Replace the post's fields; an absent org keeps the current one.
pub fn update(api: &Api, input: PostUpdate) -> Result<Post, ApiError> {
    let d = draft(&input.fields)?;
    let mut store = api.store();
    let cur = posts::get(store.conn(), &input.id)?;
    let org = match input.fields.org_id.as_deref().map(str::trim) {
        Some(k) if !k.is_empty() => org_or_office(store.conn(), &input.fields.org_id, "org_id")?,
        _ => cur.org_id,
    };
    let p = store.transact(|tx| posts::update(tx, &input.id, &org, &d))?;
    Ok(to_dto(p))
}

pub fn get(api: &Api, input: IdArg) -> Result<Post, ApiError> {
    Ok(to_dto(posts::get(api.store().conn(), &input.id)?))
}

pub fn list(api: &Api, q: PostListQuery) -> Result<Vec<Post>, ApiError> {
    let store = api.store();
    let org = match q.org_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(_) => Some(org_or_office(store.conn(), &q.org_id, "org_id")?),
        None => None,
    };
    let rows = posts::list(
        store.conn(),
        &PostQuery {
            org_id: org,
            kind: q.kind,
            status: q.status,
            text: q.text,
        },
    )?;
    Ok(rows.into_iter().map(to_dto).collect())
}

pub fn delete(api: &Api, input: IdArg) -> Result<(), ApiError> {
    api.store().transact(|tx| posts::delete(tx, &input.id))?;
    Ok(())
}
