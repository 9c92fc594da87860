//! Handlers for spot checks (随机电话抽查): draw, record calls, rates per
//! village.

use ledger_core::outbound::{label_of, place_label, SampleSize, OUTCOMES};
use ledger_store::outbound::{self, SpotCheck as Stored, SpotItem as StoredItem};
use ledger_store::{orgs, Store};

use super::dto::{
    SpotCheck, SpotCheckDetail, SpotDrawInput, SpotItem, SpotRecordInput, SpotSample, SpotVillage,
};
use crate::dto::IdArg;
use crate::members::date;
use crate::{Api, ApiError};

fn rate(consistent: u32, called: u32) -> f64 {
    if called == 0 {
        0.0
    } else {
        f64::from(consistent) / f64::from(called)
    }
}

/// A call counts as made once an outcome is recorded; the rate is the share
/// of calls that confirmed the record (核实一致).
fn summary(c: &Stored, items: &[StoredItem]) -> SpotCheck {
    let called = items.iter().filter(|i| i.outcome.is_some()).count() as u32;
    let consistent = items
        .iter()
        .filter(|i| i.outcome.as_deref() == Some("consistent"))
        .count() as u32;
    SpotCheck {
        id: c.id.clone(),
        drawn_on: c.drawn_on.to_string(),
        seed: c.seed.to_string(),
        size_spec: c.size_spec.clone(),
        population: c.population,
        drawn: items.len() as u32,
        called,
        consistent,
        rate: rate(consistent, called),
        actor: c.actor.clone(),
        notes: c.notes.clone(),
    }
}

pub(crate) fn by_village(items: &[StoredItem]) -> Vec<SpotVillage> {
    let mut out: Vec<SpotVillage> = Vec::new();
    for i in items {
        let v = match out.iter_mut().position(|v| v.org_id == i.org_id) {
            Some(ix) => &mut out[ix],
            None => {
                out.push(SpotVillage {
                    org_id: i.org_id.clone(),
                    org_name: i.org_name.clone(),
                    drawn: 0,
                    called: 0,
                    consistent: 0,
                    rate: 0.0,
                });
                out.last_mut().expect("just pushed")
            }
        };
        v.drawn += 1;
        if i.outcome.is_some() {
            v.called += 1;
        }
        if i.outcome.as_deref() == Some("consistent") {
            v.consistent += 1;
        }
    }
    for v in &mut out {
        v.rate = rate(v.consistent, v.called);
    }
    out.sort_by(|a, b| a.org_name.cmp(&b.org_name));
    out
}

pub(crate) fn item(i: StoredItem) -> SpotItem {
    SpotItem {
        dest_label: place_label(
            &i.dest_province,
            i.dest_city.as_deref(),
            i.dest_county.as_deref(),
        ),
        outcome_label: i
            .outcome
            .as_deref()
            .and_then(|o| label_of(&OUTCOMES, o))
            .map(str::to_string),
        id: i.id,
        trip_id: i.trip_id,
        member_name: i.member_name,
        org_id: i.org_id,
        org_name: i.org_name,
        plate_number: i.plate_number,
        road_phone: i.road_phone,
        outcome: i.outcome,
        note: i.note,
        called_on: i.called_on.map(|d| d.to_string()),
    }
}

pub(crate) fn detail_of(store: &Store, id: &str) -> Result<SpotCheckDetail, ApiError> {
    let (c, items) = outbound::spot_check(store.conn(), id)?;
    Ok(SpotCheckDetail {
        check: summary(&c, &items),
        by_village: by_village(&items),
        items: items.into_iter().map(item).collect(),
    })
}

/// The seed as typed (decimal digits, at most 15 so JavaScript keeps it
/// exact), or a fresh one from the clock.
fn seed_of(s: &Option<String>, now_ms: i64) -> Result<u64, ApiError> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok((now_ms.max(0) as u64) % 1_000_000_000_000_000),
        Some(s) if s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(s.parse().expect("digits"))
        }
        Some(s) => Err(ApiError::invalid(
            "seed",
            format!("随机种子：“{s}”应为不超过15位的数字"),
        )),
    }
}

fn size_of(input: &SpotDrawInput) -> Result<SampleSize, ApiError> {
    match (input.size, input.percent) {
        (Some(n), None) if n >= 1 => Ok(SampleSize::Count(n)),
        (Some(_), None) => Err(ApiError::invalid("size", "抽查数量：至少抽1人")),
        (None, Some(p)) if (1..=100).contains(&p) => Ok(SampleSize::Percent(p)),
        (None, Some(_)) => Err(ApiError::invalid("percent", "抽查比例：应在1%到100%之间")),
        _ => Err(ApiError::invalid(
            "size",
            "抽查数量：请填写人数或比例（二选一）",
        )),
    }
}

fn draw_saved(api: &Api, input: &SpotDrawInput) -> Result<String, ApiError> {
    let size = size_of(input)?;
    let mut store = api.store();
    let seed = seed_of(&input.seed, store.clock().now_ms())?;
    let scope = match input
        .org_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(key) => Some(orgs::resolve(store.conn(), key)?.id),
        None => None,
    };
    let notes = input
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if notes.is_some_and(|n| n.chars().count() > 200) {
        return Err(ApiError::invalid("notes", "备注：不能超过200个字"));
    }
    let id =
        store.transact(|tx| outbound::draw_spot_check(tx, size, seed, scope.as_deref(), notes))?;
    log::info!("spot check {id} drawn with seed {seed}");
    Ok(id)
}

pub fn draw(api: &Api, input: SpotDrawInput) -> Result<SpotCheckDetail, ApiError> {
    let id = draw_saved(api, &input)?;
    detail_of(&api.store(), &id)
}

/// The CLI's `outbound sample`: the trip ids in the order drawn.
pub fn sample(api: &Api, input: SpotDrawInput) -> Result<SpotSample, ApiError> {
    let id = draw_saved(api, &input)?;
    let store = api.store();
    let (c, items) = outbound::spot_check(store.conn(), &id)?;
    Ok(SpotSample {
        check_id: id,
        seed: c.seed.to_string(),
        ids: items.into_iter().map(|i| i.trip_id).collect(),
    })
}

pub fn list(api: &Api) -> Result<Vec<SpotCheck>, ApiError> {
    let store = api.store();
    outbound::spot_checks(store.conn())?
        .iter()
        .map(|c| {
            let (_, items) = outbound::spot_check(store.conn(), &c.id)?;
            Ok(summary(c, &items))
        })
        .collect()
}

pub fn get(api: &Api, input: IdArg) -> Result<SpotCheckDetail, ApiError> {
    detail_of(&api.store(), &input.id)
}

pub fn record(api: &Api, input: SpotRecordInput) -> Result<SpotCheckDetail, ApiError> {
    let mut store = api.store();
    let day = date("date", "抽查日期", &input.date)?.unwrap_or(store.today());
    let check = store.transact(|tx| {
        outbound::record_call(
            tx,
            &input.item_id,
            input.outcome.trim(),
            input.note.as_deref(),
            day,
        )
    })?;
    detail_of(&store, &check)
}
