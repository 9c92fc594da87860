//! The ledger of trips (动态管理台账): rows with their status on today's
//! date, the filtered list with counts by province and village, and the
//! home-page alerts.

use chrono::NaiveDate;
use ledger_core::outbound::{divisions, place_label, ReportState, TripStatus};
use ledger_core::phone;
use ledger_store::outbound::{self, OutboundSettings as Stored, Trip, TripQuery};
use ledger_store::{orgs, Store};

use super::dto::{OutboundAlerts, OutboundList, OutboundQuery, OutboundRow, OutboundTally};
use crate::{Api, ApiError};

/// What a row needs besides the trip: today and the settings.
#[derive(Clone, Copy)]
pub(crate) struct Lens {
    pub today: NaiveDate,
    pub settings: Stored,
}

impl Lens {
    pub(crate) fn of(store: &Store) -> Result<Lens, ApiError> {
        Ok(Lens {
            today: store.today(),
            settings: outbound::settings(store.conn())?,
        })
    }

    pub(crate) fn status(&self, t: &Trip) -> TripStatus {
        t.status(self.today, self.settings.lost_days)
    }
}

pub(crate) fn dest_label(t: &Trip) -> String {
    place_label(
        &t.form.dest_province,
        t.form.dest_city.as_deref(),
        t.form.dest_county.as_deref(),
    )
}

pub(crate) fn row(t: &Trip, lens: Lens) -> OutboundRow {
    let dates = t.dates();
    let status = lens.status(t);
    let dest = dest_label(t);
    OutboundRow {
        id: t.id.clone(),
        member_id: t.member_id.clone(),
        member_name: t.member_name.clone(),
        member_no: t.member_no.clone(),
        org_id: t.org_id.clone(),
        org_name: t.org_name.clone(),
        plate_number: t.form.plate_number.clone(),
        vehicle_type: t.form.vehicle_type.clone(),
        departure_date: t.form.departure.to_string(),
        expected_return: t.form.expected_return.to_string(),
        returned_on: t.returned_on.map(|d| d.to_string()),
        dest_province: t.form.dest_province.clone(),
        current_location: t.current_location.clone().unwrap_or_else(|| dest.clone()),
        dest_label: dest,
        dest_park: t.form.dest_park.clone(),
        road_phone_masked: phone::mask(&t.form.road_phone),
        state: t.state.code().into(),
        state_label: t.state.label().into(),
        status: status.code().into(),
        status_label: status.label().into(),
        last_contact_on: t.last_contact_on.map(|d| d.to_string()),
        days_silent: dates.days_silent(lens.today),
        days_overdue: dates.days_overdue(lens.today),
        long_trip: dates.is_long(lens.settings.half_year_days),
        updated_at: t.updated_at.clone(),
    }
}

/// The trips matching the filters, with their status on today's date.
pub(crate) fn filtered(store: &Store, q: &OutboundQuery) -> Result<(Vec<Trip>, Lens), ApiError> {
    let trimmed = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let org_id = match trimmed(&q.org_id) {
        Some(key) => Some(orgs::resolve(store.conn(), &key)?.id),
        None => None,
    };
    let province = match trimmed(&q.province) {
        Some(p) => Some(
            divisions::province(&p)
                .ok_or_else(|| {
                    ApiError::invalid("province", format!("流入地省份：“{p}”不是省级行政区"))
                })?
                .to_string(),
        ),
        None => None,
    };
    let state = match trimmed(&q.state) {
        Some(s) => Some(
            ReportState::parse(&s)
                .ok_or_else(|| ApiError::invalid("state", format!("报告状态：未知的“{s}”")))?,
        ),
        None => None,
    };
    let status = match trimmed(&q.status) {
        Some(s) => Some(
            TripStatus::parse(&s)
                .ok_or_else(|| ApiError::invalid("status", format!("外出状态：未知的“{s}”")))?,
        ),
        None => None,
    };
    let away_only = q.away_only.unwrap_or(false);
    let query = TripQuery {
        org_id,
        province,
        state,
        member_id: trimmed(&q.member_id),
        text: trimmed(&q.q),
        not_back: away_only,
    };
    let lens = Lens::of(store)?;
    let trips = outbound::list(store.conn(), &query)?
        .into_iter()
        .filter(|t| {
            let s = lens.status(t);
            status.is_none_or(|want| s == want) && !(away_only && s == TripStatus::Back)
        })
        .collect();
    Ok((trips, lens))
}

fn tally(mut counts: Vec<OutboundTally>) -> Vec<OutboundTally> {
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    counts
}

fn bump(list: &mut Vec<OutboundTally>, key: &str, label: &str) {
    match list.iter_mut().find(|t| t.key == key) {
        Some(t) => t.count += 1,
        None => list.push(OutboundTally {
            key: key.to_string(),
            label: label.to_string(),
            count: 1,
        }),
    }
}

pub fn list(api: &Api, q: OutboundQuery) -> Result<OutboundList, ApiError> {
    let store = api.store();
    let (trips, lens) = filtered(&store, &q)?;
    let mut by_province = Vec::new();
    let mut by_village = Vec::new();
    for t in trips.iter().filter(|t| lens.status(t) != TripStatus::Back) {
        bump(
            &mut by_province,
            &t.form.dest_province,
            &t.form.dest_province,
        );
        bump(&mut by_village, &t.org_id, &t.org_name);
    }
    let total = trips.len() as u32;
    let offset = q.offset.unwrap_or(0) as usize;
    let limit = q.limit.map_or(usize::MAX, |l| l as usize);
    Ok(OutboundList {
        rows: trips
            .iter()
            .skip(offset)
            .take(limit)
            .map(|t| row(t, lens))
            .collect(),
        total,
        by_province: tally(by_province),
        by_village: tally(by_village),
    })
}

/// Overdue and lost-contact drivers for the home page, longest first.
pub fn alerts(api: &Api) -> Result<OutboundAlerts, ApiError> {
    let store = api.store();
    let (trips, lens) = filtered(
        &store,
        &OutboundQuery {
            away_only: Some(true),
            ..Default::default()
        },
    )?;
    let pick = |s: TripStatus| {
        let mut rows: Vec<OutboundRow> = trips
            .iter()
            .filter(|t| t.state != ReportState::Draft && lens.status(t) == s)
            .map(|t| row(t, lens))
            .collect();
        rows.sort_by(|a, b| {
            (b.days_silent + b.days_overdue).cmp(&(a.days_silent + a.days_overdue))
        });
        rows
    };
    let away = trips
        .iter()
        .filter(|t| t.state != ReportState::Draft && lens.status(t) != TripStatus::Planned)
        .count() as u32;
    let pending = outbound::list(
        store.conn(),
        &TripQuery {
            state: Some(ReportState::Reported),
            ..Default::default()
        },
    )?
    .len() as u32;
    Ok(OutboundAlerts {
        overdue: pick(TripStatus::Overdue),
        lost: pick(TripStatus::Lost),
        pending_review: pending,
        away,
    })
}
