//! Finding members: search as you type, filters, sorting, paging.

use chrono::NaiveDate;
use ledger_core::names::prefix_upper_bound;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::{from_row, Member, SELECT};
use crate::{orgs, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MemberSort {
    /// Newest joiners first (the default list); with a search text, best
    /// match first (by the key that matched).
    #[default]
    Default,
    JoinDateAsc,
    JoinDateDesc,
    MemberNo,
    Name,
}

/// What the member list asks for. Every filter is optional.
#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    /// A name prefix (张), pinyin initials or full pinyin (zs, zhangsan),
    /// a member-number or phone prefix, or the last digits of the ID.
    pub text: Option<String>,
    /// Members held by this org or any org below it.
    pub org_id: Option<String>,
    pub group: Option<String>,
    pub status: Option<String>,
    pub channel: Option<String>,
    pub labour_relation: Option<String>,
    pub employer: Option<String>,
    pub joined_from: Option<NaiveDate>,
    pub joined_to: Option<NaiveDate>,
    /// Only records last verified before this date (数据保鲜).
    pub stale_before: Option<NaiveDate>,
    pub sort: MemberSort,
    pub offset: u32,
    pub limit: u32,
}

/// Counts for a search text stop here: "10000+" is all a search box needs,
/// and counting every "z" in a province would cost more than the page.
pub const TEXT_COUNT_CAP: u64 = 10_000;

#[derive(Debug, PartialEq)]
enum TextKind {
    Name,
    /// Letters that can only be initials (no vowel: zs, lxl).
    Initials,
    /// Letters that read as the start of full pinyin (z, zhang, li).
    Pinyin,
    /// Short letters that could be either (wa, an): both keys.
    Either,
    Digits,
}

fn classify(t: &str) -> TextKind {
    let digits = t
        .chars()
        .all(|c| c.is_ascii_digit() || c == 'X' || c == 'x');
    if digits && t.chars().any(|c| c.is_ascii_digit()) {
        return TextKind::Digits;
    }
    if !t.chars().all(|c| c.is_ascii_alphabetic()) {
        return TextKind::Name;
    }
    let t = t.to_ascii_lowercase();
    let has_vowel = t.chars().any(|c| "aeiouv".contains(c));
    // No syllable starts with i, u or v, so those letters are never initials.
    let could_be_initials = !t.chars().any(|c| "iuv".contains(c));
    match (t.len(), has_vowel, could_be_initials) {
        // One letter: its initials and its pinyin start alike.
        (1, _, _) => TextKind::Pinyin,
        (_, false, _) => TextKind::Initials,
        (2..=3, true, true) => TextKind::Either,
        _ => TextKind::Pinyin,
    }
}

/// One page and the total for the same filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub rows: Vec<Member>,
    pub total: u64,
    /// The total stopped at [`TEXT_COUNT_CAP`].
    pub capped: bool,
}

struct Sql {
    wheres: Vec<String>,
    params: Vec<Value>,
}

impl Sql {
    fn param(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    fn range(&mut self, col: &str, prefix: &str) -> String {
        let lo = self.param(prefix.to_string());
        let hi = self.param(prefix_upper_bound(prefix));
        format!("({col} >= {lo} AND {col} < {hi})")
    }

    /// Rows matching any of several prefix ranges, as a union of rowids:
    /// each arm uses its own partial index (a plain OR would scan).
    fn any_range(&mut self, ranges: &[(&str, &str)]) -> String {
        let arms: Vec<String> = ranges
            .iter()
            .map(|(col, prefix)| {
                let r = self.range(col, prefix);
                format!("SELECT rowid FROM members WHERE deleted = 0 AND {r}")
            })
            .collect();
        format!("m.rowid IN ({})", arms.join(" UNION "))
    }
}

/// The WHERE conditions of a query, and the order a search text implies.
fn filters(conn: &Connection, q: &MemberQuery) -> Result<(Sql, Option<&'static str>)> {
    let mut sql = Sql {
        wheres: vec!["m.deleted = 0".into()],
        params: Vec::new(),
    };
    let mut text_order = None;
    if let Some(text) = q.text.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        match classify(text) {
            TextKind::Name => {
                let w = sql.range("m.name", text);
                sql.wheres.push(w);
                text_order = Some("m.name, m.join_date DESC");
            }
            TextKind::Initials => {
                let w = sql.range("m.name_initials", &text.to_ascii_lowercase());
                sql.wheres.push(w);
                text_order = Some("m.name_initials, m.name_pinyin");
            }
            TextKind::Pinyin => {
                let w = sql.range("m.name_pinyin", &text.to_ascii_lowercase());
                sql.wheres.push(w);
                text_order = Some("m.name_pinyin");
            }
            TextKind::Either => {
                let t = text.to_ascii_lowercase();
                let w = sql.any_range(&[("name_initials", &t), ("name_pinyin", &t)]);
                sql.wheres.push(w);
                text_order = Some("m.name_pinyin");
            }
            TextKind::Digits => {
                let t = ledger_core::citizen_id::normalize(text);
                let rev: String = t.chars().rev().collect();
                let w = sql.any_range(&[("phone", &t), ("member_no", &t), ("id_rev", &rev)]);
                sql.wheres.push(w);
                // Not index-driven: sort the (few) matches, never scan in order.
                text_order = Some("+m.member_no");
            }
        }
    }
    if let Some(org) = q.org_id.as_deref().filter(|s| !s.is_empty()) {
        let ids = orgs::subtree_ids(conn, org)?;
        let live: i64 = conn
            .prepare_cached("SELECT count(*) FROM org_units WHERE deleted = 0")?
            .query_row([], |r| r.get(0))?;
        // The whole tree (a township office filtering on itself) is no
        // filter at all; leaving it out lets the ordered indexes answer.
        if ids.len() as i64 != live {
            let marks: Vec<String> = ids.into_iter().map(|id| sql.param(id)).collect();
            let marks = if marks.is_empty() {
                "NULL".to_string()
            } else {
                marks.join(", ")
            };
            sql.wheres.push(format!("m.org_id IN ({marks})"));
        }
    }
    for (col, v) in [
        ("m.occupation_group", &q.group),
        ("m.status", &q.status),
        ("m.join_channel", &q.channel),
        ("m.labour_relation", &q.labour_relation),
        ("m.employer", &q.employer),
    ] {
        if let Some(v) = v.as_deref().filter(|s| !s.is_empty()) {
            let p = sql.param(v.to_string());
            sql.wheres.push(format!("{col} = {p}"));
        }
    }
    if let Some(d) = q.joined_from {
        let p = sql.param(d.to_string());
        sql.wheres.push(format!("m.join_date >= {p}"));
    }
    if let Some(d) = q.joined_to {
        let p = sql.param(d.to_string());
        sql.wheres.push(format!("m.join_date <= {p}"));
    }
    if let Some(d) = q.stale_before {
        let p = sql.param(d.to_string());
        // Only members in good standing need checking.
        sql.wheres
            .push(format!("m.verified_on < {p} AND m.status = '在会'"));
    }
    Ok((sql, text_order))
}

fn order_by(q: &MemberQuery, text_order: Option<&'static str>) -> &'static str {
    match q.sort {
        MemberSort::Default => text_order.unwrap_or("m.join_date DESC, m.member_no DESC"),
        MemberSort::JoinDateDesc => "m.join_date DESC, m.member_no DESC",
        MemberSort::JoinDateAsc => "m.join_date, m.member_no",
        MemberSort::MemberNo => "m.member_no",
        MemberSort::Name => "m.name_pinyin, m.rowid",
    }
}

/// Every member matching the filters (offset and limit ignored), in the
/// list's order, one at a time: for exports.
pub fn search_each(
    conn: &Connection,
    q: &MemberQuery,
    mut f: impl FnMut(Member) -> Result<()>,
) -> Result<u64> {
    let (sql, text_order) = filters(conn, q)?;
    let filter = sql.wheres.join(" AND ");
    let order = order_by(q, text_order);
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE m.rowid IN (SELECT m.rowid FROM members m WHERE {filter}) ORDER BY {order}"
    ))?;
    let mut rows = stmt.query(params_from_iter(sql.params.iter()))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        f(from_row(r)?)?;
        n += 1;
    }
    Ok(n)
}

/// One page of members and the total count for the same filters.
pub fn search(conn: &Connection, q: &MemberQuery) -> Result<Page> {
    let (mut sql, text_order) = filters(conn, q)?;
    let filter = sql.wheres.join(" AND ");
    let count_sql = if text_order.is_some() {
        format!(
            "SELECT count(*) FROM (SELECT 1 FROM members m WHERE {filter} LIMIT {})",
            TEXT_COUNT_CAP + 1
        )
    } else {
        format!("SELECT count(*) FROM members m WHERE {filter}")
    };
    let total: i64 = conn
        .prepare_cached(&count_sql)?
        .query_row(params_from_iter(sql.params.iter()), |r| r.get(0))?;
    let capped = total as u64 > TEXT_COUNT_CAP;
    let order = order_by(q, text_order);
    let limit = sql.param(i64::from(q.limit.clamp(1, 500)));
    let offset = sql.param(i64::from(q.offset));
    let rows = conn
        // Deferred join: page through the (covering) index first, then
        // read the twenty whole rows.
        .prepare_cached(&format!(
            "{SELECT} WHERE m.rowid IN (SELECT m.rowid FROM members m WHERE {filter}
               ORDER BY {order} LIMIT {limit} OFFSET {offset})
             ORDER BY {order}"
        ))?
        .query_map(params_from_iter(sql.params.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        rows,
        total: (total as u64).min(TEXT_COUNT_CAP),
        capped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_routed_to_the_right_key() {
        assert_eq!(classify("zs"), TextKind::Initials);
        assert_eq!(classify("lxl"), TextKind::Initials);
        assert_eq!(classify("z"), TextKind::Pinyin);
        assert_eq!(classify("zhang"), TextKind::Pinyin);
        assert_eq!(classify("li"), TextKind::Pinyin);
        assert_eq!(classify("wa"), TextKind::Either);
        assert_eq!(classify("0976"), TextKind::Digits);
        assert_eq!(classify("002x"), TextKind::Digits);
        assert_eq!(classify("张"), TextKind::Name);
    }
}
