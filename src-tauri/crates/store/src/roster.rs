//! Roster comparison (摸清底数): an external list (transport bureau drivers,
//! a platform's riders ...) against the ledger, by normalised citizen ID.
//! Nothing is written. Each person counts once however often the list
//! repeats them; a row is set aside only when its ID is invalid — a bad
//! phone is reported, never a reason to drop the person.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use ledger_core::citizen_id::CitizenId;
use ledger_core::phone;
use rusqlite::{Connection, OptionalExtension};

use crate::{orgs, Result};

/// One row of the external list, as text.
#[derive(Debug, Clone, Default)]
pub struct ListRow {
    pub line: u32,
    pub id_number: String,
    pub name: String,
    pub phone: String,
    pub employer: String,
}

/// The ledger's record of a listed person.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub member_id: String,
    pub member_no: String,
    pub name: String,
    pub phone: String,
    pub status: String,
    pub org_name: String,
    pub employer: Option<String>,
}

/// Statuses that still count as a union member (transferred out means a
/// member of another union). 退会/注销 are people to win back.
pub const MEMBER_STATUSES: [&str; 2] = ["在会", "已转出"];

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The first line the person is on.
    pub line: u32,
    /// How many more times the list repeats them.
    pub repeats: u32,
    /// Normalised, 18 characters.
    pub id_number: String,
    pub upgraded_from_15: bool,
    pub name: String,
    /// The list's phone, normalised, when it is a mobile number.
    pub phone: Option<String>,
    /// The phone as the list writes it.
    pub phone_raw: String,
    /// The list gives a phone that is not a mobile number.
    pub phone_bad: bool,
    pub employer: String,
    pub member: Option<Matched>,
}

impl Person {
    pub fn is_member(&self) -> bool {
        self.member
            .as_ref()
            .is_some_and(|m| MEMBER_STATUSES.contains(&m.status.as_str()))
    }

    /// A member whose ledger phone is not the (valid) phone on the list.
    pub fn phone_differs(&self) -> bool {
        match (&self.member, &self.phone) {
            (Some(m), Some(p)) => self.is_member() && m.phone != *p,
            _ => false,
        }
    }

    /// Household-registration county: the ID's first six digits.
    pub fn county(&self) -> &str {
        &self.id_number[..6]
    }

    /// The employer from the list, else the ledger's.
    pub fn employer_or_ledger(&self) -> &str {
        if !self.employer.is_empty() {
            return &self.employer;
        }
        self.member
            .as_ref()
            .and_then(|m| m.employer.as_deref())
            .unwrap_or("")
    }
}

/// A row whose ID is invalid.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub line: u32,
    pub id_number: String,
    pub name: String,
    pub phone: String,
    pub employer: String,
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Data rows read.
    pub rows: u32,
    /// Distinct people, in list order.
    pub people: Vec<Person>,
    pub rejected: Vec<Rejected>,
    /// Rows that repeat a person already listed.
    pub repeated_rows: u32,
}

/// Counts for one county or employer.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// The division code or the employer name ("" when the list has none).
    pub key: String,
    /// What to show: the org with that division code, or the employer.
    pub label: String,
    pub total: u32,
    pub members: u32,
    pub not_members: u32,
}

impl Comparison {
    pub fn members(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.is_member())
    }

    pub fn not_members(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| !p.is_member())
    }

    pub fn phone_differs(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.phone_differs())
    }

    pub fn phone_bad(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.phone_bad)
    }

    fn breakdown<'a>(
        &'a self,
        key: impl Fn(&'a Person) -> &'a str,
        label: impl Fn(&str) -> String,
    ) -> Vec<Breakdown> {
        let mut map: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        for p in &self.people {
            let e = map.entry(key(p)).or_default();
            if p.is_member() {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        let mut out: Vec<Breakdown> = map
            .into_iter()
            .map(|(k, (m, n))| Breakdown {
                key: k.to_string(),
                label: label(k),
                total: m + n,
                members: m,
                not_members: n,
            })
            .collect();
        out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.key.cmp(&b.key)));
        out
    }

    /// By household-registration county, largest first. The label is the
    /// org in this ledger with that division code, if there is one.
    pub fn by_county(&self, conn: &Connection) -> Result<Vec<Breakdown>> {
        let names: HashMap<String, String> = orgs::list(conn)?
            .into_iter()
            .filter_map(|o| o.division_code.map(|c| (c, o.name)))
            .collect();
        Ok(self.breakdown(Person::county, |k| {
            names.get(k).cloned().unwrap_or_else(|| k.to_string())
        }))
    }

    /// By employer (the list's, else the ledger's), largest first.
    pub fn by_employer(&self) -> Vec<Breakdown> {
        self.breakdown(Person::employer_or_ledger, |k| {
            if k.is_empty() {
                "（未填写）".to_string()
            } else {
                k.to_string()
            }
        })
    }
}

fn find(conn: &Connection, id_number: &str) -> Result<Option<Matched>> {
    Ok(conn
        .prepare_cached(
            "SELECT m.id, m.member_no, m.name, m.phone, m.status, o.name, m.employer
             FROM members m JOIN org_units o ON o.id = m.org_id
             WHERE m.id_number = ?1 AND m.deleted = 0",
        )?
        .query_row([id_number], |r| {
            Ok(Matched {
                member_id: r.get(0)?,
                member_no: r.get(1)?,
                name: r.get(2)?,
                phone: r.get(3)?,
                status: r.get(4)?,
                org_name: r.get(5)?,
                employer: r.get(6)?,
            })
        })
        .optional()?)
}

/// Compare a list with the ledger.
pub fn compare(conn: &Connection, today: NaiveDate, rows: &[ListRow]) -> Result<Comparison> {
    let mut out = Comparison::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in rows {
        out.rows += 1;
        let raw_id = row.id_number.trim();
        let id = match CitizenId::parse(raw_id, today) {
            Ok(id) => id,
            Err(e) => {
                out.rejected.push(Rejected {
                    line: row.line,
                    id_number: raw_id.to_string(),
                    name: row.name.trim().to_string(),
                    phone: row.phone.trim().to_string(),
                    employer: row.employer.trim().to_string(),
                    code: e.code(),
                    message: if raw_id.is_empty() {
                        "身份证号：未填写".to_string()
                    } else {
                        format!("身份证号：{e}")
                    },
                });
                continue;
            }
        };
        let phone_raw = row.phone.trim().to_string();
        let phone = phone::normalize(&phone_raw).ok();
        let phone_bad = !phone_raw.is_empty() && phone.is_none();
        if let Some(&i) = index.get(id.as_str()) {
            // The same person again: count once, keep what the first
            // occurrence lacked.
            out.repeated_rows += 1;
            let p = &mut out.people[i];
            p.repeats += 1;
            if p.phone.is_none() && phone.is_some() {
                p.phone = phone;
                p.phone_raw = phone_raw;
                p.phone_bad = false;
            }
            if p.name.is_empty() {
                p.name = row.name.trim().to_string();
            }
            if p.employer.is_empty() {
                p.employer = row.employer.trim().to_string();
            }
            continue;
        }
        index.insert(id.as_str().to_string(), out.people.len());
        out.people.push(Person {
            line: row.line,
            repeats: 0,
            member: find(conn, id.as_str())?,
            id_number: id.as_str().to_string(),
            upgraded_from_15: id.upgraded_from_15,
            name: row.name.trim().to_string(),
            phone,
            phone_raw,
            phone_bad,
            employer: row.employer.trim().to_string(),
        });
    }
    Ok(out)
}
