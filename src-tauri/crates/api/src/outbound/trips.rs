//! Handlers for trips: the choices and settings, the report form, its
//! review (上报, 备案 in bulk, 退回, 重新打开), the driver's return and the
//! contact log.

use ledger_core::citizen_id;
use ledger_core::outbound::{
    self as rules, counties, divisions, label_of, ReportState, ReviewAction, TripDraft, TripStatus,
    CHANNELS, OUTCOMES, RELATIONS, VEHICLE_TYPES,
};
use ledger_store::outbound::{self, ContactFields, OutboundSettings as Stored, Trip};
use ledger_store::{members, orgs, Store, StoreError};

use super::dto::{
    OutboundBackInput, OutboundChoices, OutboundContact, OutboundContactInput, OutboundDetail,
    OutboundFields, OutboundIds, OutboundInput, OutboundProvince, OutboundReasonInput,
    OutboundReview, OutboundSettings, OutboundUpdate,
};
use super::list::{row, Lens};
use crate::dto::{Choice, Count, IdArg};
use crate::members::{date, draft};
use crate::{Api, ApiError};

fn choices_of(list: &[(&str, &str)]) -> Vec<Choice> {
    list.iter()
        .map(|(v, l)| Choice {
            value: v.to_string(),
            label: l.to_string(),
        })
        .collect()
}

pub fn choices() -> OutboundChoices {
    OutboundChoices {
        provinces: divisions::PROVINCES
            .iter()
            .map(|(p, c)| OutboundProvince {
                name: p.to_string(),
                cities: c.iter().map(|s| s.to_string()).collect(),
                counties: c
                    .iter()
                    .map(|city| (*city, counties::counties(p, city)))
                    .filter(|(_, list)| !list.is_empty())
                    .map(|(city, list)| {
                        (
                            city.to_string(),
                            list.iter().map(|s| s.to_string()).collect(),
                        )
                    })
                    .collect(),
            })
            .collect(),
        vehicle_types: VEHICLE_TYPES.iter().map(|s| s.to_string()).collect(),
        relations: RELATIONS.iter().map(|s| s.to_string()).collect(),
        states: ReportState::ALL
            .iter()
            .map(|s| Choice {
                value: s.code().into(),
                label: s.label().into(),
            })
            .collect(),
        statuses: TripStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.code().into(),
                label: s.label().into(),
            })
            .collect(),
        channels: choices_of(&CHANNELS),
        outcomes: choices_of(&OUTCOMES),
    }
}

pub fn settings_get(api: &Api) -> Result<OutboundSettings, ApiError> {
    let s = outbound::settings(api.store().conn())?;
    Ok(OutboundSettings {
        half_year_days: s.half_year_days,
        lost_days: s.lost_days,
    })
}

pub fn settings_set(api: &Api, input: OutboundSettings) -> Result<OutboundSettings, ApiError> {
    let s = Stored {
        half_year_days: input.half_year_days,
        lost_days: input.lost_days,
    };
    api.store().transact(|tx| outbound::set_settings(tx, &s))?;
    settings_get(api)
}

fn detail(store: &Store, t: Trip) -> Result<OutboundDetail, ApiError> {
    let lens = Lens::of(store)?;
    let reviews = outbound::reviews(store.conn(), &t.id)?;
    let lock_reason = (t.state == ReportState::Filed).then(|| {
        let on = reviews
            .iter()
            .rev()
            .find(|r| r.action == ReviewAction::File)
            .map(|r| format!("已于{}备案，", r.date))
            .unwrap_or_default();
        format!("{on}已备案的记录不能修改，如需修改请先由审核人退回/重新打开")
    });
    let contacts = outbound::contacts(store.conn(), &t.id)?
        .into_iter()
        .map(|c| OutboundContact {
            id: c.id,
            date: c.date.to_string(),
            channel_label: label_of(&CHANNELS, &c.channel).unwrap_or_default().into(),
            channel: c.channel,
            reached: c.reached,
            note: c.note,
            new_location: c.new_location,
            actor: c.actor,
        })
        .collect();
    let f = &t.form;
    Ok(OutboundDetail {
        row: row(&t, lens),
        id_number_masked: citizen_id::mask(&t.member_id_number),
        member_phone: t.member_phone.clone(),
        dest_city: f.dest_city.clone(),
        dest_county: f.dest_county.clone(),
        dest_address: f.dest_address.clone(),
        road_phone: f.road_phone.clone(),
        family_spouse: f.family_spouse.clone(),
        family_children: f.family_children.clone(),
        family_elderly: f.family_elderly.clone(),
        family_needs: f.family_needs.clone(),
        emergency_name: f.emergency_name.clone(),
        emergency_relation: f.emergency_relation.clone(),
        emergency_phone: f.emergency_phone.clone(),
        reported_by: f.reported_by.clone(),
        reported_on: f.reported_on.to_string(),
        notes: f.notes.clone(),
        state_reason: t.state_reason.clone(),
        locked: t.state == ReportState::Filed,
        lock_reason,
        reviews: reviews
            .into_iter()
            .map(|r| OutboundReview {
                id: r.id,
                action: r.action.code().into(),
                action_label: r.action.label().into(),
                from_state: r.from.code().into(),
                to_state: r.to.code().into(),
                from_label: r.from.label().into(),
                to_label: r.to.label().into(),
                reason: r.reason,
                actor: r.actor,
                date: r.date.to_string(),
            })
            .collect(),
        contacts,
    })
}

fn load(api: &Api, id: &str) -> Result<OutboundDetail, ApiError> {
    let store = api.store();
    let t = outbound::get(store.conn(), id)?;
    detail(&store, t)
}

// ---- the form --------------------------------------------------------------

/// The typed form, with the member's plate, vehicle and phone filling what
/// was left empty; the cadre defaults to the operator.
fn trip_draft(
    f: &OutboundFields,
    plate: Option<&str>,
    vehicle: Option<&str>,
    phone: &str,
    operator: Option<&str>,
) -> Result<TripDraft, ApiError> {
    let or = |v: &Option<String>, d: Option<&str>| -> Option<String> {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .or(d)
            .map(str::to_string)
    };
    let plate_typed = f.plate_number.trim();
    Ok(TripDraft {
        plate_number: if plate_typed.is_empty() {
            plate.unwrap_or_default().to_string()
        } else {
            plate_typed.to_string()
        },
        vehicle_type: or(&f.vehicle_type, vehicle),
        departure: date(
            "departure_date",
            "外出日期",
            &Some(f.departure_date.clone()),
        )?,
        expected_return: date(
            "expected_return",
            "预计返回日期",
            &Some(f.expected_return.clone()),
        )?,
        dest_province: f.dest_province.clone(),
        dest_city: f.dest_city.clone(),
        dest_county: f.dest_county.clone(),
        dest_address: f.dest_address.clone(),
        dest_park: f.dest_park.clone(),
        road_phone: or(&f.road_phone, Some(phone)).unwrap_or_default(),
        family_spouse: f.family_spouse.clone(),
        family_children: f.family_children.clone(),
        family_elderly: f.family_elderly.clone(),
        family_needs: f.family_needs.clone(),
        emergency_name: f.emergency_name.clone(),
        emergency_relation: f.emergency_relation.clone(),
        emergency_phone: f.emergency_phone.clone(),
        reported_by: or(&f.reported_by, operator),
        reported_on: date("reported_on", "报告日期", &f.reported_on)?,
        notes: f.notes.clone(),
    })
}

pub fn create(api: &Api, input: OutboundInput) -> Result<OutboundDetail, ApiError> {
    let mut store = api.store();
    let operator = store.meta("operator")?;
    let today = store.today();
    let submit = input.submit.unwrap_or(false);
    let member_id = input
        .member_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let trip = match (member_id, &input.member) {
        (Some(id), None) => {
            let m = members::get(store.conn(), id).map_err(|e| ApiError {
                field: Some("member_id".into()),
                ..ApiError::from(e)
            })?;
            let d = trip_draft(
                &input.fields,
                m.plate_number.as_deref(),
                m.vehicle_type.as_deref(),
                &m.phone,
                operator.as_deref(),
            )?;
            let v = rules::validate(&d, today).map_err(StoreError::from)?;
            store.transact(|tx| outbound::create(tx, &m.id, &v, submit))?
        }
        (None, Some(mi)) => {
            // Enrol the driver on the spot: member and trip in one transaction.
            let md = draft(mi)?;
            // The driver comes first on the form: their errors first.
            ledger_core::member::validate(&md, today).map_err(StoreError::from)?;
            let d = trip_draft(
                &input.fields,
                md.plate_number.as_deref(),
                md.vehicle_type.as_deref(),
                &md.phone,
                operator.as_deref(),
            )?;
            let v = rules::validate(&d, today).map_err(StoreError::from)?;
            let org_id = match mi
                .org_id
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                Some(key) => orgs::resolve(store.conn(), key)?.id,
                None => orgs::this_office(store.conn())?.ok_or(StoreError::NoOffice)?,
            };
            store.transact(|tx| {
                let m = members::add(tx, &md, &org_id)?;
                outbound::create(tx, &m.id, &v, submit)
            })?
        }
        _ => {
            return Err(ApiError::invalid(
                "member_id",
                "司机：请选择台账中的会员，或填写新会员信息（二选一）",
            ))
        }
    };
    log::info!("outbound trip {} recorded", trip.id);
    detail(&store, trip)
}

pub fn update(api: &Api, input: OutboundUpdate) -> Result<OutboundDetail, ApiError> {
    let mut store = api.store();
    let current = outbound::get(store.conn(), &input.id)?;
    rules::transition(current.state, ReviewAction::Edit, None).map_err(StoreError::from)?;
    let operator = store.meta("operator")?;
    let mut d = trip_draft(
        &input.fields,
        Some(&current.form.plate_number),
        current.form.vehicle_type.as_deref(),
        &current.form.road_phone,
        current.form.reported_by.as_deref().or(operator.as_deref()),
    )?;
    // Editing does not move the date the report was taken unless typed.
    d.reported_on = d.reported_on.or(Some(current.form.reported_on));
    let v = rules::validate(&d, store.today()).map_err(StoreError::from)?;
    let t = store.transact(|tx| outbound::update(tx, &input.id, &v))?;
    detail(&store, t)
}

pub fn delete(api: &Api, input: IdArg) -> Result<(), ApiError> {
    api.store().transact(|tx| outbound::delete(tx, &input.id))?;
    Ok(())
}

pub fn get(api: &Api, input: IdArg) -> Result<OutboundDetail, ApiError> {
    load(api, &input.id)
}

// ---- review ----------------------------------------------------------------

fn bulk(api: &Api, ids: &[String], action: ReviewAction) -> Result<Count, ApiError> {
    if ids.is_empty() {
        return Err(ApiError::invalid("ids", "请至少选择一份外出报告"));
    }
    let mut unique: Vec<&String> = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    let n = api.store().transact(|tx| {
        for id in &unique {
            outbound::review(tx, id, action, None)?;
        }
        Ok(unique.len())
    })?;
    log::info!("{n} outbound reports: {}", action.code());
    Ok(Count { count: n as u32 })
}

/// 上报: drafts and returned reports go to the township (all or none).
pub fn report(api: &Api, input: OutboundIds) -> Result<Count, ApiError> {
    bulk(api, &input.ids, ReviewAction::Report)
}

/// 备案, in bulk: all or none; the message names a trip that cannot be filed.
pub fn file(api: &Api, input: OutboundIds) -> Result<Count, ApiError> {
    bulk(api, &input.ids, ReviewAction::File)
}

fn with_reason(
    api: &Api,
    input: &OutboundReasonInput,
    action: ReviewAction,
) -> Result<OutboundDetail, ApiError> {
    if input.reason.chars().count() > 200 {
        return Err(ApiError::invalid("reason", "原因：不能超过200个字"));
    }
    let t = api
        .store()
        .transact(|tx| outbound::review(tx, &input.id, action, Some(&input.reason)))?;
    load(api, &t.id)
}

pub fn send_back(api: &Api, input: OutboundReasonInput) -> Result<OutboundDetail, ApiError> {
    with_reason(api, &input, ReviewAction::Return)
}

pub fn reopen(api: &Api, input: OutboundReasonInput) -> Result<OutboundDetail, ApiError> {
    with_reason(api, &input, ReviewAction::Reopen)
}

pub fn back(api: &Api, input: OutboundBackInput) -> Result<OutboundDetail, ApiError> {
    let mut store = api.store();
    let day = date("date", "返回日期", &input.date)?.unwrap_or(store.today());
    let t = store.transact(|tx| outbound::mark_back(tx, &input.id, day))?;
    detail(&store, t)
}

pub fn contact_add(api: &Api, input: OutboundContactInput) -> Result<OutboundDetail, ApiError> {
    let mut store = api.store();
    let c = ContactFields {
        date: date("date", "联系日期", &input.date)?.unwrap_or(store.today()),
        channel: input.channel.trim().to_string(),
        reached: input.reached,
        note: input.note,
        new_province: input.new_province,
        new_city: input.new_city,
        new_county: input.new_county,
        new_address: input.new_address,
    };
    let t = store.transact(|tx| outbound::add_contact(tx, &input.trip_id, &c))?;
    detail(&store, t)
}
