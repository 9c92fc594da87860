//! Handlers for member records: create, edit, find, show, history.

use chrono::{Duration, NaiveDate};
use ledger_core::citizen_id::{self, Gender};
use ledger_core::member::MemberDraft;
use ledger_core::phone;
use ledger_store::members::{self, Member, MemberQuery, MemberSort};
use ledger_store::{orgs, settings, StoreError};

use crate::dto::{
    FieldChange, HistoryEntry, IdArg, MemberDetail, MemberInput, MemberListQuery, MemberPage,
    MemberRow, MemberSortCode, MemberUpdate, RevealInput, Revealed,
};
use crate::{Api, ApiError};

pub(crate) fn row(m: &Member, stale_before: NaiveDate) -> MemberRow {
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
        labour_relation: m.labour_relation.clone(),
        verified_on: m.verified_on.map(|d| d.to_string()),
        stale: m.status == "在会" && m.verified_on.is_none_or(|d| d < stale_before),
        card_issued_on: m.card_issued_on.map(|d| d.to_string()),
    }
}

/// Records last verified before this date are stale.
pub(crate) fn stale_before(store: &ledger_store::Store) -> Result<NaiveDate, ApiError> {
    let days = settings::get(store.conn())?.stale_days;
    Ok(store.today() - Duration::days(i64::from(days)))
}

pub(crate) fn detail(m: Member, stale: NaiveDate, reveals: u32) -> MemberDetail {
    MemberDetail {
        row: row(&m, stale),
        birth_date: m.birth_date.to_string(),
        phone_full: m.phone,
        notes: m.notes,
        updated_at: m.updated_at,
        ethnic_group: m.ethnic_group,
        hukou_address: m.hukou_address,
        residence: m.residence,
        new_employment: m.new_employment,
        migrant_worker: m.migrant_worker,
        plate_number: m.plate_number,
        vehicle_type: m.vehicle_type,
        qualification_no: m.qualification_no,
        status_reason: m.status_reason,
        status_date: m.status_date.map(|d| d.to_string()),
        id_reveals: reveals,
    }
}

pub(crate) fn date(
    field: &str,
    label: &str,
    s: &Option<String>,
) -> Result<Option<NaiveDate>, ApiError> {
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

pub(crate) fn draft(i: &MemberInput) -> Result<MemberDraft, ApiError> {
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
        ethnic_group: i.ethnic_group.clone(),
        hukou_address: i.hukou_address.clone(),
        residence: i.residence.clone(),
        labour_relation: i.labour_relation.clone(),
        new_employment: i.new_employment.unwrap_or(false),
        migrant_worker: i.migrant_worker.unwrap_or(false),
        plate_number: i.plate_number.clone(),
        vehicle_type: i.vehicle_type.clone(),
        qualification_no: i.qualification_no.clone(),
    })
}

fn reveal_count(store: &ledger_store::Store, id: &str) -> Result<u32, ApiError> {
    Ok(members::reveals(store.conn(), id)?.len() as u32)
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
    let stale = stale_before(&store)?;
    Ok(detail(m, stale, 0))
}

/// Edit the record; the holding org changes only through a transfer.
/// An empty `id_number` keeps the stored one, so editing a phone never
/// needs the full ID on screen.
pub fn update(api: &Api, input: MemberUpdate) -> Result<MemberDetail, ApiError> {
    let mut d = draft(&input.fields)?;
    let mut store = api.store();
    if d.id_number.trim().is_empty() {
        d.id_number = members::get(store.conn(), &input.id)?.id_number;
    }
    let m = store.transact(|tx| members::update(tx, &input.id, &d))?;
    let stale = stale_before(&store)?;
    let n = reveal_count(&store, &m.id)?;
    Ok(detail(m, stale, n))
}

pub fn get(api: &Api, input: IdArg) -> Result<MemberDetail, ApiError> {
    let store = api.store();
    let m = members::get(store.conn(), &input.id)?;
    let n = reveal_count(&store, &m.id)?;
    Ok(detail(m, stale_before(&store)?, n))
}

pub fn reveal_id(api: &Api, input: RevealInput) -> Result<Revealed, ApiError> {
    let purpose = input.purpose.unwrap_or_else(|| "查看详情".into());
    let id_number = api
        .store()
        .transact(|tx| members::reveal_id(tx, &input.id, &purpose))?;
    log::info!("full ID shown for member {}", input.id);
    Ok(Revealed { id_number })
}

pub fn history(api: &Api, input: IdArg) -> Result<Vec<HistoryEntry>, ApiError> {
    let store = api.store();
    members::get(store.conn(), &input.id)?;
    Ok(members::history(store.conn(), &input.id)?
        .into_iter()
        .map(|h| HistoryEntry {
            at: h.at,
            actor: h.actor,
            device_id: h.device_id,
            action: h.action,
            changes: h
                .changes
                .into_iter()
                .map(|c| FieldChange {
                    field: c.field,
                    label: c.label,
                    from: c.from,
                    to: c.to,
                })
                .collect(),
            note: h.note,
        })
        .collect())
}

/// The list's filters as a store query (page and sort included).
pub(crate) fn query(q: &MemberListQuery, stale: NaiveDate) -> Result<MemberQuery, ApiError> {
    let page = q.page.unwrap_or(1).max(1);
    let page_size = q.page_size.unwrap_or(20).clamp(1, 200);
    let sort = match q.sort.unwrap_or(MemberSortCode::Default) {
        MemberSortCode::Default => MemberSort::Default,
        MemberSortCode::JoinDateDesc => MemberSort::JoinDateDesc,
        MemberSortCode::JoinDateAsc => MemberSort::JoinDateAsc,
        MemberSortCode::MemberNo => MemberSort::MemberNo,
        MemberSortCode::Name => MemberSort::Name,
    };
    Ok(MemberQuery {
        text: q.text.clone(),
        org_id: q.org_id.clone(),
        group: q.group.clone(),
        status: q.status.clone(),
        channel: q.channel.clone(),
        labour_relation: q.labour_relation.clone(),
        employer: q.employer.clone(),
        joined_from: date("joined_from", "入会日期起", &q.joined_from)?,
        joined_to: date("joined_to", "入会日期止", &q.joined_to)?,
        stale_before: q.stale_only.unwrap_or(false).then_some(stale),
        sort,
        offset: (page - 1) * page_size,
        limit: page_size,
    })
}

pub fn list(api: &Api, q: MemberListQuery) -> Result<MemberPage, ApiError> {
    let page = q.page.unwrap_or(1).max(1);
    let page_size = q.page_size.unwrap_or(20).clamp(1, 200);
    let store = api.store();
    let stale = stale_before(&store)?;
    let found = members::search(store.conn(), &query(&q, stale)?)?;
    Ok(MemberPage {
        rows: found.rows.iter().map(|m| row(m, stale)).collect(),
        total: found.total.min(u64::from(u32::MAX)) as u32,
        total_capped: found.capped,
        page,
        page_size,
    })
}
