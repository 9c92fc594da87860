//! The figures of service records: person-times (服务人次) per post, month
//! and type; members and people not yet members served; and conversion —
//! people served as non-members who joined later (先服务后入会).
//!
//! Each person is counted once: a member by id; a person not yet a member
//! by the member they became when linked, else by their mobile number.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

/// The member a person record is linked to (explicitly or by phone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub member_id: String,
    pub join_date: NaiveDate,
}

/// Who a fact is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    Member(String),
    Person {
        phone: String,
        invite: bool,
        joined: Option<Joined>,
    },
    Aggregate(u32),
}

/// One service record, as the figures see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub date: NaiveDate,
    /// Post id; `None` for outreach.
    pub post: Option<String>,
    pub service_type: String,
    pub served: Served,
    /// Tickets only: 受理 | 办理中 | 办结.
    pub ticket_status: Option<String>,
}

/// Person-times and distinct people of one slice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub person_times: u32,
    pub member_times: u32,
    pub non_member_times: u32,
    pub aggregate_times: u32,
    members: BTreeSet<String>,
    persons: BTreeSet<String>,
}

impl Tally {
    pub fn members_served(&self) -> u32 {
        self.members.len() as u32
    }

    pub fn non_members_served(&self) -> u32 {
        self.persons.len() as u32
    }

    fn add(&mut self, s: &Served) {
        match s {
            Served::Member(id) => {
                self.person_times += 1;
                self.member_times += 1;
                self.members.insert(id.clone());
            }
            Served::Person { .. } => {
                self.person_times += 1;
                self.non_member_times += 1;
                self.persons.insert(person_key(s));
            }
            Served::Aggregate(n) => {
                self.person_times += n;
                self.aggregate_times += n;
            }
        }
    }
}

fn person_key(s: &Served) -> String {
    match s {
        Served::Person {
            joined: Some(j), ..
        } => format!("m:{}", j.member_id),
        Served::Person { phone, .. } => format!("p:{phone}"),
        _ => String::new(),
    }
}

/// A person served as a non-member who joined on or after their first
/// service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    pub member_id: String,
    pub first_served_on: NaiveDate,
    pub join_date: NaiveDate,
    /// The post of that first service.
    pub post: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub total: Tally,
    /// Keyed by post id; "" for outreach.
    pub by_post: BTreeMap<String, Tally>,
    /// Keyed by "YYYY-MM".
    pub by_month: BTreeMap<String, Tally>,
    pub by_type: BTreeMap<String, Tally>,
    /// Distinct non-members served who were invited to join.
    pub invited: u32,
    /// Tickets by current state: 受理, 办理中, 办结.
    pub tickets: [u32; 3],
    /// One per member, by first service date.
    pub conversions: Vec<Conversion>,
}

impl Figures {
    pub fn joined_after_service(&self) -> u32 {
        self.conversions.len() as u32
    }

    /// joined / non-members served; 0 when nobody was served.
    pub fn conversion_rate(&self) -> f64 {
        match self.total.non_members_served() {
            0 => 0.0,
            n => f64::from(self.joined_after_service()) / f64::from(n),
        }
    }
}

/// "YYYY-MM" of a date.
pub fn month_key(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Add up the facts (already filtered to the range and post/org).
pub fn figures(facts: &[Fact]) -> Figures {
    let mut f = Figures::default();
    let mut invited = BTreeSet::new();
    // member id → (first served as a non-member, post, join date)
    let mut first: BTreeMap<String, (NaiveDate, Option<String>, NaiveDate)> = BTreeMap::new();
    for fact in facts {
        f.total.add(&fact.served);
        f.by_post
            .entry(fact.post.clone().unwrap_or_default())
            .or_default()
            .add(&fact.served);
        f.by_month
            .entry(month_key(fact.date))
            .or_default()
            .add(&fact.served);
        f.by_type
            .entry(fact.service_type.clone())
            .or_default()
            .add(&fact.served);
        if let Some(i) = fact
            .ticket_status
            .as_deref()
            .and_then(|s| super::TICKET_STATUSES.iter().position(|t| *t == s))
        {
            f.tickets[i] += 1;
        }
        if let Served::Person { invite, joined, .. } = &fact.served {
            if *invite {
                invited.insert(person_key(&fact.served));
            }
            if let Some(j) = joined {
                let e = first.entry(j.member_id.clone()).or_insert((
                    fact.date,
                    fact.post.clone(),
                    j.join_date,
                ));
                if fact.date < e.0 {
                    *e = (fact.date, fact.post.clone(), j.join_date);
                }
            }
        }
    }
    f.invited = invited.len() as u32;
    f.conversions = first
        .into_iter()
        .filter(|(_, (served, _, joined))| joined >= served)
        .map(
            |(member_id, (first_served_on, post, join_date))| Conversion {
                member_id,
                first_served_on,
                join_date,
                post,
            },
        )
        .collect();
    f.conversions
        .sort_by(|a, b| (a.first_served_on, &a.member_id).cmp(&(b.first_served_on, &b.member_id)));
    f
}
