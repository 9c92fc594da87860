//! Moving memberships: transfers (会籍转接), the turnover pool
//! (先入会再分流), status changes (退会/注销/重新入会), verification.

use chrono::NaiveDate;
use ledger_core::member::STATUSES;
use ledger_core::org::OrgKind;
use rusqlite::types::Value;
use rusqlite::Connection;

use super::{from_row, get, Member, SELECT};
use crate::{orgs, Result, StoreError, Tx};

/// Move members to another org unit. Each move is kept as a
/// `member_transfers` row and in the member's history.
pub fn transfer(
    tx: &mut Tx,
    member_ids: &[String],
    to_org: &str,
    date: NaiveDate,
    reason: &str,
) -> Result<usize> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::Conflict("转接原因：不能为空".into()));
    }
    if member_ids.is_empty() {
        return Err(StoreError::Conflict("请至少选择一名会员".into()));
    }
    if date > tx.today() {
        return Err(StoreError::Conflict("转接日期：不能晚于今天".into()));
    }
    let target = orgs::get(tx.conn(), to_org)?;
    let mut moved = 0;
    for id in member_ids {
        let m = get(tx.conn(), id)?;
        if m.org_id == target.id {
            continue;
        }
        if m.status != "在会" {
            return Err(StoreError::Conflict(format!(
                "{}的状态是“{}”，只有在会会员可以转接",
                m.name, m.status
            )));
        }
        let tid = tx.new_id();
        tx.insert(
            "member_transfers",
            &tid,
            &[
                ("member_id", Value::Text(m.id.clone())),
                ("from_org_id", Value::Text(m.org_id.clone())),
                ("to_org_id", Value::Text(target.id.clone())),
                ("date", Value::Text(date.to_string())),
                ("reason", Value::Text(reason.to_string())),
            ],
        )?;
        tx.update(
            "members",
            &m.id,
            &[("org_id", Value::Text(target.id.clone()))],
        )?;
        moved += 1;
    }
    Ok(moved)
}

/// Change the status (在会, 已转出, 退会, 注销). Leaving needs a reason;
/// setting 在会 again is re-joining: same person, same history.
pub fn set_status(
    tx: &mut Tx,
    member_ids: &[String],
    status: &str,
    reason: Option<&str>,
    date: NaiveDate,
) -> Result<usize> {
    if !STATUSES.contains(&status) {
        return Err(StoreError::Conflict(format!("状态：“{status}”无效")));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if status != "在会" && reason.is_none() {
        return Err(StoreError::Conflict(format!(
            "原因：改为“{status}”时必须填写原因"
        )));
    }
    if date > tx.today() {
        return Err(StoreError::Conflict("日期：不能晚于今天".into()));
    }
    let mut changed = 0;
    for id in member_ids {
        let m = get(tx.conn(), id)?;
        if m.status == status {
            continue;
        }
        let reason = reason
            .map(str::to_string)
            .unwrap_or_else(|| "重新入会".into());
        tx.update(
            "members",
            id,
            &[
                ("status", Value::Text(status.to_string())),
                ("status_reason", Value::Text(reason)),
                ("status_date", Value::Text(date.to_string())),
            ],
        )?;
        changed += 1;
    }
    Ok(changed)
}

/// Mark records as checked today (数据保鲜).
pub fn mark_verified(tx: &mut Tx, member_ids: &[String], date: NaiveDate) -> Result<usize> {
    for id in member_ids {
        get(tx.conn(), id)?;
        tx.update(
            "members",
            id,
            &[("verified_on", Value::Text(date.to_string()))],
        )?;
    }
    Ok(member_ids.len())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub org_id: String,
    pub org_name: String,
    /// Why: 同一工作单位 / 居住地在该村 / 同一行业.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PoolMember {
    pub member: Member,
    pub suggestion: Option<Suggestion>,
}

/// Members held by turnover pools (under `scope` when given), each with a
/// suggested destination: the enterprise union of the same employer, the
/// village named in the residence or household address, or an industry
/// federation named after the occupation group.
pub fn pool_members(conn: &Connection, scope: Option<&str>) -> Result<Vec<PoolMember>> {
    let all = orgs::list(conn)?;
    let in_scope: Option<Vec<String>> = match scope {
        Some(s) => Some(orgs::subtree_ids(conn, s)?),
        None => None,
    };
    let pools: Vec<&orgs::OrgUnit> = all
        .iter()
        .filter(|o| o.kind == OrgKind::Pool)
        .filter(|o| in_scope.as_ref().is_none_or(|s| s.contains(&o.id)))
        .collect();
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.org_id = ?1 AND m.deleted = 0 AND m.status = '在会' ORDER BY m.join_date"
    ))?;
    for pool in pools {
        let members = stmt
            .query_map([&pool.id], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for m in members {
            let suggestion = suggest(&all, &m);
            out.push(PoolMember {
                member: m,
                suggestion,
            });
        }
    }
    Ok(out)
}

fn suggest(all: &[orgs::OrgUnit], m: &Member) -> Option<Suggestion> {
    let pick = |o: &orgs::OrgUnit, why: &str| Suggestion {
        org_id: o.id.clone(),
        org_name: o.name.clone(),
        why: why.to_string(),
    };
    if let Some(emp) = m.employer.as_deref() {
        if let Some(o) = all
            .iter()
            .find(|o| o.kind == OrgKind::Enterprise && o.employer.as_deref() == Some(emp))
        {
            return Some(pick(o, "同一工作单位已建工会"));
        }
    }
    let places = [m.residence.as_deref(), m.hukou_address.as_deref()];
    for o in all.iter().filter(|o| o.kind == OrgKind::Village) {
        let place = village_place(&o.name);
        if place.chars().count() >= 2 && places.iter().flatten().any(|p| p.contains(place)) {
            return Some(pick(o, "居住地或户籍地在该村/社区"));
        }
    }
    all.iter()
        .find(|o| o.kind == OrgKind::Industry && o.name.contains(&m.occupation_group))
        .map(|o| pick(o, "同一行业"))
}

/// 东湾村工会 → 东湾村; 南塬社区联合工会 → 南塬社区.
fn village_place(name: &str) -> &str {
    let name = name.strip_prefix("示例").unwrap_or(name);
    for suffix in ["工会联合会", "联合工会", "工会委员会", "工会"] {
        if let Some(p) = name.strip_suffix(suffix) {
            return p;
        }
    }
    name
}
