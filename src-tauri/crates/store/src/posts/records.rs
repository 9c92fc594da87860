//! Service records: one member, one person not (yet) a member, or a count
//! of person-times; tickets (诉求工单) move 受理 → 办理中 → 办结; a person
//! is linked to the member they became, explicitly or by the same phone.

use chrono::NaiveDate;
use ledger_core::posts::{
    check_ticket_move, validate_record, Insurance, PostError, RecordDraft, Ticket, Who, TICKET_TYPE,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

pub use super::links::{enrol_person, link_member};
pub use super::query::{list, PostFilter, RecordQuery};

use super::{opt_date, types};
use crate::members;
use crate::{orgs, Result, StoreError, Tx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Member,
    Person,
    Aggregate,
}

impl RecordKind {
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Member => "member",
            RecordKind::Person => "person",
            RecordKind::Aggregate => "aggregate",
        }
    }

    fn parse(s: &str) -> RecordKind {
        match s {
            "member" => RecordKind::Member,
            "person" => RecordKind::Person,
            _ => RecordKind::Aggregate,
        }
    }
}

/// The member a person became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinedMember {
    pub member_id: String,
    pub name: String,
    pub member_no: String,
    pub join_date: NaiveDate,
    /// Linked by a cadre (else found by the same phone).
    pub explicit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub date: NaiveDate,
    pub post_id: Option<String>,
    pub post_name: Option<String>,
    pub org_id: String,
    pub org_name: String,
    pub service_type: String,
    pub kind: RecordKind,
    pub member_id: Option<String>,
    pub member_name: Option<String>,
    pub member_no: Option<String>,
    pub person_name: Option<String>,
    /// Normalised, unmasked.
    pub person_phone: Option<String>,
    pub invite: bool,
    pub joined: Option<JoinedMember>,
    pub count: u32,
    pub note: Option<String>,
    pub ticket: Option<Ticket>,
    pub insurance: Option<Insurance>,
    pub updated_at: String,
}

/// Records with `jid`: the member a person became (explicit link first,
/// else the earliest-joined live member with the same phone).
pub(crate) const FROM: &str = "FROM (SELECT r0.*, CASE WHEN r0.kind = 'person' THEN
      COALESCE(r0.joined_member_id, (SELECT m2.id FROM members m2
        WHERE m2.phone = r0.person_phone AND m2.deleted = 0
        ORDER BY m2.join_date, m2.id LIMIT 1)) END AS jid
      FROM service_records r0) r
    LEFT JOIN service_posts p ON p.id = r.post_id
    JOIN org_units o ON o.id = r.org_id
    LEFT JOIN members m ON m.id = r.member_id
    LEFT JOIN members j ON j.id = r.jid AND j.deleted = 0";

pub(super) const COLUMNS: &str =
    "r.id, r.date, r.post_id, p.name, r.org_id, o.name, r.service_type,
    r.kind, r.member_id, m.name, m.member_no, r.person_name, r.person_phone, r.invite,
    j.id, j.name, j.member_no, j.join_date, r.joined_member_id IS NOT NULL, r.count, r.note,
    r.ticket_status, r.ticket_handler, r.ticket_outcome, r.ticket_closed_on,
    r.insurance_scheme, r.insurance_from, r.insurance_to, r.insurance_no, r.updated_at";

fn date(s: String) -> NaiveDate {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default()
}

pub(super) fn from_row(r: &Row) -> rusqlite::Result<Record> {
    let joined = match r.get::<_, Option<String>>(14)? {
        Some(member_id) => Some(JoinedMember {
            member_id,
            name: r.get(15)?,
            member_no: r.get(16)?,
            join_date: date(r.get(17)?),
            explicit: r.get::<_, i64>(18)? != 0,
        }),
        None => None,
    };
    let ticket = match r.get::<_, Option<String>>(21)? {
        Some(status) => Some(Ticket {
            status,
            handler: r.get(22)?,
            outcome: r.get(23)?,
            closed_on: opt_date(r.get(24)?),
        }),
        None => None,
    };
    let insurance = match r.get::<_, Option<String>>(25)? {
        Some(scheme) => Some(Insurance {
            scheme,
            period_from: date(r.get(26)?),
            period_to: date(r.get(27)?),
            certificate_no: r.get(28)?,
        }),
        None => None,
    };
    Ok(Record {
        id: r.get(0)?,
        date: date(r.get(1)?),
        post_id: r.get(2)?,
        post_name: r.get(3)?,
        org_id: r.get(4)?,
        org_name: r.get(5)?,
        service_type: r.get(6)?,
        kind: RecordKind::parse(&r.get::<_, String>(7)?),
        member_id: r.get(8)?,
        member_name: r.get(9)?,
        member_no: r.get(10)?,
        person_name: r.get(11)?,
        person_phone: r.get(12)?,
        invite: r.get::<_, i64>(13)? != 0,
        joined,
        count: r.get(19)?,
        note: r.get(20)?,
        ticket,
        insurance,
        updated_at: r.get(29)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Record> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE r.id = ?1 AND r.deleted = 0"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "服务记录",
        key: id.to_string(),
    })
}

/// What a cadre sets on a record. `org_id` is the delivering org for
/// outreach; a record at a post belongs to the post's org.
#[derive(Debug, Clone)]
pub struct RecordFields {
    pub post_id: Option<String>,
    pub org_id: String,
    pub draft: RecordDraft,
}

pub(super) fn text(s: Option<String>) -> Value {
    s.map(Value::Text).unwrap_or(Value::Null)
}

fn values(
    tx: &Tx,
    f: &RecordFields,
    current: Option<&Ticket>,
) -> Result<Vec<(&'static str, Value)>> {
    let conn = tx.conn();
    let v = validate_record(&f.draft, &types::names(conn)?, current, tx.today())?;
    let org_id = match f.post_id.as_deref().filter(|s| !s.is_empty()) {
        Some(pid) => {
            let post = super::get(conn, pid).map_err(|_| {
                PostError::new("post_id", "服务阵地", format!("找不到服务阵地：{pid}"))
            })?;
            if let Some(opened) = post.fields.opened_on.filter(|o| v.date < *o) {
                return Err(PostError::new(
                    "date",
                    "服务日期",
                    format!("早于“{}”的启用日期{opened}", post.fields.name),
                )
                .into());
            }
            let closed = post.fields.status == "撤销";
            if let Some(since) = post.fields.status_date.filter(|s| closed && v.date > *s) {
                return Err(PostError::new(
                    "post_id",
                    "服务阵地",
                    format!("“{}”已于{since}撤销", post.fields.name),
                )
                .into());
            }
            post.org_id
        }
        None => orgs::get(conn, &f.org_id)?.id,
    };
    let (kind, member_id, person_name, person_phone, invite, count) = match &v.who {
        Who::Member(id) => {
            members::get(conn, id)
                .map_err(|_| PostError::new("member_id", "会员", format!("找不到会员：{id}")))?;
            (RecordKind::Member, Some(id.clone()), None, None, false, 1)
        }
        Who::Person {
            name,
            phone,
            invite,
        } => (
            RecordKind::Person,
            None,
            Some(name.clone()),
            Some(phone.clone()),
            *invite,
            1,
        ),
        Who::Aggregate(n) => (RecordKind::Aggregate, None, None, None, false, *n),
    };
    let date = |d: NaiveDate| Value::Text(d.to_string());
    let t = v.ticket.clone();
    let i = v.insurance.clone();
    Ok(vec![
        ("date", date(v.date)),
        ("post_id", text(f.post_id.clone().filter(|s| !s.is_empty()))),
        ("org_id", Value::Text(org_id)),
        ("service_type", Value::Text(v.service_type)),
        ("kind", Value::Text(kind.code().into())),
        ("member_id", text(member_id)),
        ("person_name", text(person_name)),
        ("person_phone", text(person_phone)),
        ("invite", Value::Integer(i64::from(invite))),
        ("count", Value::Integer(i64::from(count))),
        ("note", text(v.note)),
        ("ticket_status", text(t.as_ref().map(|t| t.status.clone()))),
        (
            "ticket_handler",
            text(t.as_ref().and_then(|t| t.handler.clone())),
        ),
        (
            "ticket_outcome",
            text(t.as_ref().and_then(|t| t.outcome.clone())),
        ),
        (
            "ticket_closed_on",
            text(t.as_ref().and_then(|t| t.closed_on).map(|d| d.to_string())),
        ),
        (
            "insurance_scheme",
            text(i.as_ref().map(|i| i.scheme.clone())),
        ),
        (
            "insurance_from",
            text(i.as_ref().map(|i| i.period_from.to_string())),
        ),
        (
            "insurance_to",
            text(i.as_ref().map(|i| i.period_to.to_string())),
        ),
        (
            "insurance_no",
            text(i.as_ref().and_then(|i| i.certificate_no.clone())),
        ),
    ])
}

pub fn create(tx: &mut Tx, f: &RecordFields) -> Result<Record> {
    let cols = values(tx, f, None)?;
    let id = tx.new_id();
    tx.insert("service_records", &id, &cols)?;
    get(tx.conn(), &id)
}

/// Edit a record; a ticket's state still only moves forward. A person
/// record that becomes another kind loses its explicit link.
pub fn update(tx: &mut Tx, id: &str, f: &RecordFields) -> Result<Record> {
    let cur = get(tx.conn(), id)?;
    let mut cols = values(tx, f, cur.ticket.as_ref())?;
    if !matches!(f.draft.who, Who::Person { .. }) {
        cols.push(("joined_member_id", Value::Null));
    }
    tx.update("service_records", id, &cols)?;
    get(tx.conn(), id)
}

pub fn delete(tx: &mut Tx, id: &str) -> Result<()> {
    get(tx.conn(), id)?;
    tx.delete("service_records", id)
}

/// Move a ticket on (受理 → 办理中 → 办结).
pub fn move_ticket(
    tx: &mut Tx,
    id: &str,
    status: &str,
    handler: &Option<String>,
    outcome: &Option<String>,
) -> Result<Record> {
    let cur = get(tx.conn(), id)?;
    let Some(ticket) = cur
        .ticket
        .as_ref()
        .filter(|_| cur.service_type == TICKET_TYPE)
    else {
        return Err(StoreError::Conflict(format!(
            "这条记录是“{}”，不是诉求工单",
            cur.service_type
        )));
    };
    let t = check_ticket_move(Some(ticket), status, handler, outcome, tx.today())?;
    tx.update(
        "service_records",
        id,
        &[
            ("ticket_status", Value::Text(t.status)),
            ("ticket_handler", text(t.handler)),
            ("ticket_outcome", text(t.outcome)),
            ("ticket_closed_on", text(t.closed_on.map(|d| d.to_string()))),
        ],
    )?;
    get(tx.conn(), id)
}
