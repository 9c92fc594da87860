//! Handlers that move memberships: transfers, the turnover pool, status
//! changes, verification, and enrol-to-build (以入会促建会).

use ledger_core::org::OrgKind;
use ledger_store::employers;
use ledger_store::members;
use ledger_store::orgs::{self, OrgFields};
use ledger_store::settings;

use crate::dto::{
    Count, EmployerList, EmployerRow, FoundUnionInput, FoundUnionResult, IdArg, MemberIds,
    PoolRouteInput, PoolRow, StatusInput, Suggestion, TransferInput,
};
use crate::members::{date, row, stale_before};
use crate::orgs::to_dto;
use crate::{Api, ApiError};

pub fn transfer(api: &Api, input: TransferInput) -> Result<Count, ApiError> {
    let mut store = api.store();
    let when = date("date", "转接日期", &input.date)?.unwrap_or(store.today());
    let to = orgs::resolve(store.conn(), &input.to_org_id)?.id;
    let n =
        store.transact(|tx| members::transfer(tx, &input.member_ids, &to, when, &input.reason))?;
    Ok(Count { count: n as u32 })
}

/// Route pool members to several destinations at once: every group moves,
/// or none does (one transaction).
pub fn pool_route(api: &Api, input: PoolRouteInput) -> Result<Count, ApiError> {
    let mut store = api.store();
    let when = date("date", "转接日期", &input.date)?.unwrap_or(store.today());
    if input.groups.is_empty() {
        return Err(ApiError::bad_request("请至少选择一名有建议去向的会员"));
    }
    let mut groups = Vec::with_capacity(input.groups.len());
    for g in &input.groups {
        groups.push((orgs::resolve(store.conn(), &g.to_org_id)?.id, g));
    }
    let n = store.transact(|tx| {
        let mut moved = 0;
        for (to, g) in &groups {
            moved += members::transfer(tx, &g.member_ids, to, when, &g.reason)?;
        }
        Ok(moved)
    })?;
    Ok(Count { count: n as u32 })
}

pub fn set_status(api: &Api, input: StatusInput) -> Result<Count, ApiError> {
    let mut store = api.store();
    let when = date("date", "日期", &input.date)?.unwrap_or(store.today());
    let n = store.transact(|tx| {
        members::set_status(
            tx,
            &input.member_ids,
            input.status.trim(),
            input.reason.as_deref(),
            when,
        )
    })?;
    Ok(Count { count: n as u32 })
}

pub fn verify(api: &Api, input: MemberIds) -> Result<Count, ApiError> {
    let mut store = api.store();
    let today = store.today();
    let n = store.transact(|tx| members::mark_verified(tx, &input.member_ids, today))?;
    Ok(Count { count: n as u32 })
}

/// Members waiting in turnover pools under `id` (or everywhere).
pub fn pool(api: &Api, scope: Option<IdArg>) -> Result<Vec<PoolRow>, ApiError> {
    let store = api.store();
    let stale = stale_before(&store)?;
    let rows = members::pool_members(store.conn(), scope.as_ref().map(|s| s.id.as_str()))?;
    Ok(rows
        .into_iter()
        .map(|p| PoolRow {
            member: row(&p.member, stale),
            suggestion: p.suggestion.map(|s| Suggestion {
                org_id: s.org_id,
                org_name: s.org_name,
                why: s.why,
            }),
        })
        .collect())
}

pub fn employers(api: &Api) -> Result<EmployerList, ApiError> {
    let store = api.store();
    let threshold = settings::get(store.conn())?.union_threshold;
    let rows = employers::employer_counts(store.conn())?
        .into_iter()
        .map(|e| {
            let union_org_name = e
                .union_org_id
                .as_deref()
                .and_then(|id| orgs::get(store.conn(), id).ok())
                .map(|o| o.name);
            EmployerRow {
                alert: e.union_org_id.is_none() && e.members >= threshold,
                employer: e.employer,
                members: e.members,
                union_org_id: e.union_org_id,
                union_org_name,
            }
        })
        .collect();
    Ok(EmployerList { threshold, rows })
}

/// Create the enterprise union of an employer and, if asked, move the
/// employer's members into it — one transaction.
pub fn found_union(api: &Api, input: FoundUnionInput) -> Result<FoundUnionResult, ApiError> {
    let employer = input.employer.trim().to_string();
    if employer.is_empty() {
        return Err(ApiError::invalid("employer", "工作单位/平台：不能为空"));
    }
    let mut store = api.store();
    let today = store.today();
    let (org, moved) = store.transact(|tx| {
        let parent = orgs::resolve(tx.conn(), &input.parent_id)?;
        let name = input
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| format!("{employer}工会"));
        let org = orgs::create(
            tx,
            &OrgFields {
                parent_id: Some(parent.id),
                name,
                kind: Some(OrgKind::Enterprise),
                division_code: None,
                join_url: None,
                employer: Some(employer.clone()),
            },
        )?;
        let ids = if input.transfer_members {
            employers::members_of(tx.conn(), &employer)?
        } else {
            Vec::new()
        };
        let moved = if !ids.is_empty() {
            members::transfer(
                tx,
                &ids,
                &org.id,
                today,
                &format!("{employer}建立工会，会籍转入"),
            )?
        } else {
            0
        };
        Ok((org, moved))
    })?;
    Ok(FoundUnionResult {
        org: to_dto(org),
        transferred: moved as u32,
    })
}
