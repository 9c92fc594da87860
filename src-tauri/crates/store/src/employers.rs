//! Enrol to build (以入会促建会): employers and platforms that have
//! members but no union of their own.

use rusqlite::Connection;

use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct EmployerCount {
    pub employer: String,
    /// Members in good standing (在会) who name this employer.
    pub members: u32,
    /// The enterprise union founded for it, if any.
    pub union_org_id: Option<String>,
}

/// Every real employer named by members in good standing, most members
/// first, with the enterprise union linked to it if one exists.
/// Self-employment entries (个体, 无 ...) are left out.
pub fn employer_counts(conn: &Connection) -> Result<Vec<EmployerCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.employer, count(*) AS n,
                (SELECT o.id FROM org_units o
                 WHERE o.kind = 'enterprise' AND o.deleted = 0 AND o.employer = m.employer
                 LIMIT 1)
         FROM members m
         WHERE m.deleted = 0 AND m.status = '在会' AND m.employer IS NOT NULL
         GROUP BY m.employer
         ORDER BY n DESC, m.employer",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(EmployerCount {
                employer: r.get(0)?,
                members: r.get(1)?,
                union_org_id: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|e| ledger_core::member::is_real_employer(&e.employer))
        .collect())
}

/// The ids of members in good standing who name `employer`.
pub fn members_of(conn: &Connection, employer: &str) -> Result<Vec<String>> {
    let ids = conn
        .prepare_cached(
            "SELECT id FROM members WHERE deleted = 0 AND status = '在会' AND employer = ?1 ORDER BY join_date",
        )?
        .query_map([employer], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}
