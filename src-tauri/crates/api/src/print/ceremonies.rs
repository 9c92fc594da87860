//! Handlers for enrolment ceremonies (集中入会仪式): the record and its
//! 五个一 checklist, enrolment on the spot, attendees.

use ledger_store::ceremonies::{self, CeremonyFields, Checklist};
use ledger_store::{orgs, StoreError};

use crate::dto::{
    Ceremony, CeremonyDetail, CeremonyEnrolInput, CeremonyInput, CeremonyListQuery,
    CeremonyMembersInput, CeremonyUpdate, Count, FiveOnes, IdArg, MemberDetail,
};
use crate::members::{date, detail, draft, row, stale_before};
use crate::{Api, ApiError};

fn to_dto(c: ceremonies::Ceremony) -> Ceremony {
    Ceremony {
        id: c.id,
        org_id: c.org_id,
        org_name: c.org_name,
        date: c.date.to_string(),
        place: c.place,
        notes: c.notes,
        checklist: FiveOnes {
            certificate: c.checklist.certificate,
            badge: c.checklist.badge,
            rite: c.checklist.rite,
            reading: c.checklist.reading,
            pack: c.checklist.pack,
        },
        attendees: c.attendees,
        printed: c.printed,
        updated_at: c.updated_at,
    }
}

fn fields(conn: &rusqlite::Connection, i: &CeremonyInput) -> Result<CeremonyFields, ApiError> {
    let day = date("date", "仪式日期", &Some(i.date.clone()))?
        .ok_or_else(|| ApiError::invalid("date", "仪式日期：不能为空"))?;
    let place = i.place.trim();
    if place.is_empty() {
        return Err(ApiError::invalid("place", "仪式地点：不能为空"));
    }
    if place.chars().count() > 50 {
        return Err(ApiError::invalid("place", "仪式地点：不能超过50个字"));
    }
    let notes = i.notes.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if notes.is_some_and(|n| n.chars().count() > 500) {
        return Err(ApiError::invalid("notes", "备注：不能超过500个字"));
    }
    let org_id = match i.org_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(key) => {
            orgs::resolve(conn, key)
                .map_err(|e| ApiError {
                    field: Some("org_id".into()),
                    ..ApiError::from(e)
                })?
                .id
        }
        None => orgs::this_office(conn)?.ok_or(StoreError::NoOffice)?,
    };
    let c = i.checklist.unwrap_or_default();
    Ok(CeremonyFields {
        org_id,
        date: day,
        place: place.to_string(),
        notes: notes.map(str::to_string),
        checklist: Checklist {
            certificate: c.certificate,
            badge: c.badge,
            rite: c.rite,
            reading: c.reading,
            pack: c.pack,
        },
    })
}

pub fn create(api: &Api, input: CeremonyInput) -> Result<Ceremony, ApiError> {
    let mut store = api.store();
    let f = fields(store.conn(), &input)?;
    let c = store.transact(|tx| ceremonies::create(tx, &f))?;
    Ok(to_dto(c))
}

/// Change the record. An absent org or checklist keeps the current one; a
/// checklist given replaces the ticks.
pub fn update(api: &Api, input: CeremonyUpdate) -> Result<Ceremony, ApiError> {
    let mut store = api.store();
    let current = ceremonies::get(store.conn(), &input.id)?;
    let mut f = fields(store.conn(), &input.fields)?;
    if input.fields.checklist.is_none() {
        f.checklist = current.checklist;
    }
    let no_org = input
        .fields
        .org_id
        .as_deref()
        .is_none_or(|s| s.trim().is_empty());
    if no_org {
        f.org_id = current.org_id;
    }
    let c = store.transact(|tx| ceremonies::update(tx, &input.id, &f))?;
    Ok(to_dto(c))
}

pub fn list(api: &Api, q: CeremonyListQuery) -> Result<Vec<Ceremony>, ApiError> {
    let store = api.store();
    let org = match q.org_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(key) => Some(orgs::resolve(store.conn(), key)?.id),
        None => None,
    };
    Ok(ceremonies::list(store.conn(), org.as_deref())?
        .into_iter()
        .map(to_dto)
        .collect())
}

pub fn get(api: &Api, input: IdArg) -> Result<CeremonyDetail, ApiError> {
    let store = api.store();
    let c = ceremonies::get(store.conn(), &input.id)?;
    let stale = stale_before(&store)?;
    let members = ceremonies::attendees(store.conn(), &input.id)?
        .iter()
        .map(|m| row(m, stale))
        .collect();
    Ok(CeremonyDetail {
        ceremony: to_dto(c),
        members,
    })
}

pub fn delete(api: &Api, input: IdArg) -> Result<(), ApiError> {
    api.store()
        .transact(|tx| ceremonies::delete(tx, &input.id))?;
    Ok(())
}

/// Enrol a new member at the ceremony.
pub fn enrol(api: &Api, input: CeremonyEnrolInput) -> Result<MemberDetail, ApiError> {
    let d = draft(&input.member)?;
    let mut store = api.store();
    let org = match input
        .member
        .org_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(key) => Some(orgs::resolve(store.conn(), key)?.id),
        None => None,
    };
    let m = store.transact(|tx| ceremonies::enrol(tx, &input.ceremony_id, &d, org.as_deref()))?;
    log::info!("member {} enrolled at a ceremony", m.member_no);
    let stale = stale_before(&store)?;
    Ok(detail(m, stale, 0))
}

pub fn add_attendees(api: &Api, input: CeremonyMembersInput) -> Result<Count, ApiError> {
    let n = api
        .store()
        .transact(|tx| ceremonies::add_attendees(tx, &input.ceremony_id, &input.member_ids))?;
    Ok(Count { count: n as u32 })
}

pub fn remove_attendees(api: &Api, input: CeremonyMembersInput) -> Result<Count, ApiError> {
    let n = api
        .store()
        .transact(|tx| ceremonies::remove_attendees(tx, &input.ceremony_id, &input.member_ids))?;
    Ok(Count { count: n as u32 })
}
