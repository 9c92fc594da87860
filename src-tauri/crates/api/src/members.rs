//! Handlers for the member ledger.

use chrono::NaiveDate;
use ledger_core::citizen_id::{self, Gender};
use ledger_core::member::MemberDraft;
use ledger_core::phone;
use ledger_store::members::{self, Member, MemberQuery};
use ledger_store::{orgs, StoreError};

use crate::dto::{IdArg, MemberDetail, MemberInput, MemberListQuery, MemberPage, MemberRow};
use crate::{Api, ApiError};

fn row(m: &Member) -> MemberRow {
    MemberRow {
        id: m.id.clone(),
        member_no: m.member_no.clone(),
        name: m.name.clone(),
        gender: m.gender.label().to_string(),
        id_number: citizen_id::mask(&m.id_number),
        phone: phone::mask(&m.phone),
        occupation_group: m.occupation_group.clone(),
        employer: m.employer.clone(),
        org_id: m.org_id.clone(),
        org_name: m.org_name.clone(),
        join_date: m.join_date.to_string(),
        join_channel: m.join_channel.clone(),
        status: m.status.clone(),
    }
}

fn detail(m: Member) -> MemberDetail {
    MemberDetail {
        row: row(&m),
        birth_date: m.birth_date.to_string(),
        phone_full: m.phone,
        notes: m.notes,
        updated_at: m.updated_at,
    }
}

fn date(field: &str, label: &str, s: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::invalid(
                    field,
                    format!("{label}：“{s}”不是有效日期（格式 2026-01-31）"),
                )
            }),
    }
}

fn draft(i: &MemberInput) -> Result<MemberDraft, ApiError> {
    let gender = match i.gender.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("male" | "男") => Some(Gender::Male),
        Some("female" | "女") => Some(Gender::Female),
        Some(other) => {
            return Err(ApiError::invalid(
                "gender",
                format!("性别：“{other}”无效，应为男或女"),
            ))
        }
    };
    Ok(MemberDraft {
        name: i.name.clone(),
        id_number: i.id_number.clone(),
        phone: i.phone.clone(),
        gender,
        birth_date: date("birth_date", "出生日期", &i.birth_date)?,
        occupation_group: i.occupation_group.clone(),
        employer: i.employer.clone(),
        join_date: date("join_date", "入会日期", &i.join_date)?,
        join_channel: i.join_channel.clone(),
        notes: i.notes.clone(),
    })
}

pub fn create(api: &Api, input: MemberInput) -> Result<MemberDetail, ApiError> {
    let d = draft(&input)?;
    let mut store = api.store();
    let org_id = match input
        .org_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(key) => orgs::resolve(store.conn(), key)?.id,
        None => orgs::this_office(store.conn())?.ok_or(StoreError::NoOffice)?,
    };
    let m = store.transact(|tx| members::add(tx, &d, &org_id))?;
    log::info!("member {} added", m.member_no);
    Ok(detail(m))
}

pub fn get(api: &Api, input: IdArg) -> Result<MemberDetail, ApiError> {
    let store = api.store();
    Ok(detail(members::get(store.conn(), &input.id)?))
}

pub fn list(api: &Api, q: MemberListQuery) -> Result<MemberPage, ApiError> {
    let page = q.page.unwrap_or(1).max(1);
    let page_size = q.page_size.unwrap_or(20).clamp(1, 200);
    let store = api.store();
    let (rows, total) = members::search(
        store.conn(),
        &MemberQuery {
            text: q.text,
            org_id: q.org_id,
            offset: (page - 1) * page_size,
            limit: page_size,
        },
    )?;
    Ok(MemberPage {
        rows: rows.iter().map(row).collect(),
        total: total.min(u64::from(u32::MAX)) as u32,
        page,
        page_size,
    })
}
