//! Service records: who was served, tickets (诉求工单) and insurance gifts.

use chrono::NaiveDate;

use super::{max_len, trimmed, PostError};
use crate::phone;

/// The service types a new office starts with (editable).
pub const DEFAULT_SERVICE_TYPES: [&str; 10] = [
    "送清凉",
    "四季送/慰问",
    "健康体检",
    "互助保障赠送",
    "法律援助",
    "技能培训",
    "心理咨询",
    "就业招聘",
    "诉求工单",
    "其他",
];

/// The type whose records are complaint tickets.
pub const TICKET_TYPE: &str = "诉求工单";
/// The type whose individual records carry insurance details.
pub const INSURANCE_TYPE: &str = "互助保障赠送";
/// The type listed as a member's health checks.
pub const HEALTH_CHECK_TYPE: &str = "健康体检";
/// Types that carry behaviour: they stay in the list.
pub const BUILTIN_TYPES: [&str; 3] = [TICKET_TYPE, INSURANCE_TYPE, HEALTH_CHECK_TYPE];

pub const TICKET_RECEIVED: &str = "受理";
pub const TICKET_IN_PROGRESS: &str = "办理中";
pub const TICKET_CLOSED: &str = "办结";
/// 受理 → 办理中 → 办结.
pub const TICKET_STATUSES: [&str; 3] = [TICKET_RECEIVED, TICKET_IN_PROGRESS, TICKET_CLOSED];

/// The most person-times one aggregate record may carry.
pub const MAX_COUNT: u32 = 100_000;

/// Who was served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A member, by id (checked by the store).
    Member(String),
    /// A person not (yet) a member; phone normalised once valid.
    Person {
        name: String,
        phone: String,
        invite: bool,
    },
    /// A count of person-times at an event.
    Aggregate(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insurance {
    pub scheme: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub certificate_no: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub status: String,
    pub handler: Option<String>,
    pub outcome: Option<String>,
    pub closed_on: Option<NaiveDate>,
}

/// What the cadre typed. The post and the org are checked by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDraft {
    pub date: NaiveDate,
    pub service_type: String,
    pub who: Who,
    pub note: Option<String>,
    pub ticket_status: Option<String>,
    pub ticket_handler: Option<String>,
    pub ticket_outcome: Option<String>,
    pub insurance: Option<Insurance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRecord {
    pub date: NaiveDate,
    pub service_type: String,
    pub who: Who,
    pub note: Option<String>,
    pub ticket: Option<Ticket>,
    pub insurance: Option<Insurance>,
}

/// Check a record against the office's list of service types. `current`
/// is the stored ticket when the record is edited (its state only moves
/// forward).
pub fn validate_record(
    d: &RecordDraft,
    types: &[String],
    current: Option<&Ticket>,
    today: NaiveDate,
) -> Result<ValidRecord, PostError> {
    if d.date > today {
        return Err(PostError::new(
            "date",
            "服务日期",
            format!("{}晚于今天", d.date),
        ));
    }
    let service_type = d.service_type.trim().to_string();
    if service_type.is_empty() {
        return Err(PostError::new("service_type", "服务类型", "不能为空"));
    }
    if !types.contains(&service_type) {
        return Err(PostError::new(
            "service_type",
            "服务类型",
            format!("“{service_type}”不在本单位的服务类型清单中"),
        ));
    }
    let who = match &d.who {
        Who::Member(id) if id.trim().is_empty() => {
            return Err(PostError::new("member_id", "会员", "请选择会员"))
        }
        Who::Member(id) => Who::Member(id.trim().to_string()),
        Who::Person {
            name,
            phone: p,
            invite,
        } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(PostError::new("person_name", "姓名", "不能为空"));
            }
            max_len("person_name", "姓名", &Some(name.clone()), 30)?;
            if p.trim().is_empty() {
                return Err(PostError::new(
                    "person_phone",
                    "手机号",
                    "不能为空（入会后凭手机号把服务记录对上）",
                ));
            }
            let phone = phone::normalize(p)
                .map_err(|e| PostError::new("person_phone", "手机号", e.to_string()))?;
            Who::Person {
                name,
                phone,
                invite: *invite,
            }
        }
        Who::Aggregate(n) if *n == 0 || *n > MAX_COUNT => {
            return Err(PostError::new(
                "count",
                "服务人次",
                format!("应在1到{MAX_COUNT}之间"),
            ))
        }
        Who::Aggregate(n) => Who::Aggregate(*n),
    };
    let note = trimmed(&d.note);
    max_len("note", "说明", &note, 500)?;
    let individual = !matches!(who, Who::Aggregate(_));
    let ticket = if service_type == TICKET_TYPE {
        if !individual {
            return Err(PostError::new(
                "kind",
                "登记方式",
                "诉求工单是一个人的诉求，请按会员或未入会人员登记，不能按人次登记",
            ));
        }
        let status = trimmed(&d.ticket_status).unwrap_or_else(|| TICKET_RECEIVED.to_string());
        Some(check_ticket_move(
            current,
            &status,
            &d.ticket_handler,
            &d.ticket_outcome,
            today,
        )?)
    } else {
        None
    };
    let insurance = match (&d.insurance, service_type == INSURANCE_TYPE && individual) {
        (_, false) => None,
        (None, true) => {
            return Err(PostError::new(
                "insurance.scheme",
                "保障项目",
                "赠送互助保障请填写保障项目和保障期限",
            ))
        }
        (Some(i), true) => Some(check_insurance(i)?),
    };
    Ok(ValidRecord {
        date: d.date,
        service_type,
        who,
        note,
        ticket,
        insurance,
    })
}

fn check_insurance(i: &Insurance) -> Result<Insurance, PostError> {
    let scheme = i.scheme.trim().to_string();
    if scheme.is_empty() {
        return Err(PostError::new("insurance.scheme", "保障项目", "不能为空"));
    }
    max_len("insurance.scheme", "保障项目", &Some(scheme.clone()), 50)?;
    if i.period_to < i.period_from {
        return Err(PostError::new(
            "insurance.period_to",
            "保障期限",
            "结束日期早于开始日期",
        ));
    }
    let certificate_no = trimmed(&i.certificate_no);
    max_len(
        "insurance.certificate_no",
        "保障凭证号",
        &certificate_no,
        40,
    )?;
    Ok(Insurance {
        scheme,
        period_from: i.period_from,
        period_to: i.period_to,
        certificate_no,
    })
}

/// Move a ticket to `status` (or set it up, with no `current`): 受理 →
/// 办理中 → 办结, forward only, skipping allowed. 办理中 and 办结 need a
/// handler; 办结 needs an outcome and is dated `today` when it closes.
pub fn check_ticket_move(
    current: Option<&Ticket>,
    status: &str,
    handler: &Option<String>,
    outcome: &Option<String>,
    today: NaiveDate,
) -> Result<Ticket, PostError> {
    let status = status.trim();
    let Some(to) = TICKET_STATUSES.iter().position(|s| *s == status) else {
        return Err(PostError::new(
            "ticket_status",
            "工单状态",
            format!("“{status}”不在可选范围内（受理、办理中、办结）"),
        ));
    };
    if let Some(cur) = current {
        let from = TICKET_STATUSES
            .iter()
            .position(|s| *s == cur.status)
            .unwrap_or(0);
        if to < from {
            return Err(PostError::new(
                "ticket_status",
                "工单状态",
                format!("工单已{}，不能改回{status}", cur.status),
            ));
        }
    }
    let handler = trimmed(handler);
    max_len("ticket_handler", "经办人", &handler, 20)?;
    if to >= 1 && handler.is_none() {
        return Err(PostError::new(
            "ticket_handler",
            "经办人",
            format!("工单{status}时请填写经办人"),
        ));
    }
    let outcome = trimmed(outcome);
    max_len("ticket_outcome", "办理结果", &outcome, 1000)?;
    if to == 2 && outcome.is_none() {
        return Err(PostError::new(
            "ticket_outcome",
            "办理结果",
            "办结前请填写办理结果",
        ));
    }
    let closed_on = if to == 2 {
        current.and_then(|c| c.closed_on).or(Some(today))
    } else {
        None
    };
    Ok(Ticket {
        status: status.to_string(),
        handler,
        outcome,
        closed_on,
    })
}

/// Check a new list of service types: trimmed, non-empty, unique, short,
/// and keeping the built-in types. Whether a removed type is still in use
/// is the store's check.
pub fn validate_type_list(types: &[String]) -> Result<Vec<String>, PostError> {
    let mut out: Vec<String> = Vec::new();
    for t in types {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > 20 {
            return Err(PostError::new(
                "types",
                "服务类型",
                format!("“{t}”超过20个字"),
            ));
        }
        if out.iter().any(|x| x == t) {
            return Err(PostError::new("types", "服务类型", format!("“{t}”重复了")));
        }
        out.push(t.to_string());
    }
    if out.len() > 50 {
        return Err(PostError::new("types", "服务类型", "最多50种"));
    }
    for b in BUILTIN_TYPES {
        if !out.iter().any(|x| x == b) {
            return Err(PostError::new(
                "types",
                "服务类型",
                format!("“{b}”是内置类型（工单、互助保障和体检记录靠它），不能删除"),
            ));
        }
    }
    Ok(out)
}
