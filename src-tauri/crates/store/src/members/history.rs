//! A member's history, read from the change log: who changed what, when,
//! from which value. Nothing is stored twice: every write already appends
//! the whole row to the log, so consecutive entries give the differences.

use chrono::{DateTime, FixedOffset};
use ledger_core::hlc::Hlc;
use rusqlite::Connection;
use serde_json::{Map, Value};

use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub field: String,
    pub label: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// Beijing time, `YYYY-MM-DD HH:MM`.
    pub at: String,
    pub actor: Option<String>,
    pub device_id: String,
    /// 入会登记, 批量导入, 导入更新, 修改资料, 会籍转接, 状态变更, 核实,
    /// 打印会员证, 删除.
    pub action: String,
    pub changes: Vec<Change>,
    /// The reason given for a transfer or a status change.
    pub note: Option<String>,
}

/// Columns shown in history, with their labels. Others (derived search
/// keys, sync bookkeeping) are left out.
const LABELS: &[(&str, &str)] = &[
    ("name", "姓名"),
    ("gender", "性别"),
    ("id_number", "身份证号"),
    ("birth_date", "出生日期"),
    ("phone", "手机号"),
    ("ethnic_group", "民族"),
    ("hukou_address", "户籍地"),
    ("residence", "现居住地"),
    ("occupation_group", "职业群体"),
    ("employer", "工作单位/平台"),
    ("labour_relation", "劳动关系"),
    ("new_employment", "新就业形态"),
    ("migrant_worker", "农民工"),
    ("plate_number", "车牌号"),
    ("vehicle_type", "车辆类型"),
    ("qualification_no", "从业资格证号"),
    ("org_id", "所属组织"),
    ("join_date", "入会日期"),
    ("join_channel", "入会渠道"),
    ("member_no", "会员编号"),
    ("status", "状态"),
    ("status_reason", "状态原因"),
    ("status_date", "状态日期"),
    ("verified_on", "核实日期"),
    ("notes", "备注"),
    ("import_source", "导入文件"),
    ("card_issued_on", "会员证发证日期"),
];

fn show(field: &str, v: &Value, org_name: &dyn Fn(&str) -> String) -> Option<String> {
    let s = match v {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Some(match field {
        "org_id" => org_name(&s),
        "gender" => if s == "male" { "男" } else { "女" }.to_string(),
        "new_employment" | "migrant_worker" => if s == "1" { "是" } else { "否" }.to_string(),
        "id_number" => ledger_core::citizen_id::mask(&s),
        _ => s,
    })
}

fn beijing(stamp: &str) -> String {
    let offset = FixedOffset::east_opt(8 * 3600).expect("valid offset");
    Hlc::parse(stamp)
        .ok()
        .and_then(|h| DateTime::from_timestamp_millis(h.wall_ms))
        .map(|t| {
            t.with_timezone(&offset)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Oldest first.
pub fn history(conn: &Connection, member_id: &str) -> Result<Vec<HistoryEntry>> {
    let org_name = |id: &str| -> String {
        conn.query_row("SELECT name FROM org_units WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap_or_else(|_| id.to_string())
    };
    let transfers: Vec<(String, String, String)> = conn
        .prepare_cached(
            "SELECT to_org_id, reason, updated_at FROM member_transfers
             WHERE member_id = ?1 AND deleted = 0 ORDER BY updated_at",
        )?
        .query_map([member_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT op, row_after, hlc, device_id, actor FROM change_log
         WHERE tbl = 'members' AND row_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt
        .query_map([member_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    let mut before: Map<String, Value> = Map::new();
    for (op, row, stamp, device_id, actor) in rows {
        let after: Map<String, Value> = serde_json::from_str(&row).unwrap_or_default();
        let mut changes = Vec::new();
        for (field, label) in LABELS {
            let old = before.get(*field).unwrap_or(&Value::Null);
            let new = after.get(*field).unwrap_or(&Value::Null);
            if old != new && !(op == "insert" && new.is_null()) {
                changes.push(Change {
                    field: field.to_string(),
                    label: label.to_string(),
                    from: if op == "insert" {
                        None
                    } else {
                        show(field, old, &org_name)
                    },
                    to: show(field, new, &org_name),
                });
            }
        }
        let touched = |f: &str| changes.iter().any(|c| c.field == f);
        // A spreadsheet import stamps its run on every row it writes.
        let batch = after.get("import_batch").filter(|b| !b.is_null());
        let imported = batch.is_some() && batch != before.get("import_batch");
        let import_note = || {
            after
                .get("import_source")
                .and_then(Value::as_str)
                .map(|f| format!("导入文件：{f}"))
        };
        let (action, note) = if op == "insert" && imported {
            ("批量导入", import_note())
        } else if op == "insert" {
            ("入会登记", None)
        } else if op == "delete" {
            ("删除", None)
        } else if imported {
            ("导入更新", import_note())
        } else if touched("org_id") {
            let to = after.get("org_id").and_then(Value::as_str).unwrap_or("");
            let reason = transfers
                .iter()
                .rev()
                .find(|(t, _, at)| t == to && at.as_str() <= stamp.as_str())
                .map(|(_, r, _)| r.clone());
            ("会籍转接", reason)
        } else if touched("status") {
            let reason = after
                .get("status_reason")
                .and_then(Value::as_str)
                .map(str::to_string);
            ("状态变更", reason)
        } else if changes.len() == 1 && touched("verified_on") {
            ("核实", None)
        } else if changes.len() == 1 && touched("card_issued_on") {
            ("打印会员证", None)
        } else {
            ("修改资料", None)
        };
        out.push(HistoryEntry {
            at: beijing(&stamp),
            actor,
            device_id,
            action: action.to_string(),
            changes,
            note,
        });
        before = after;
    }
    Ok(out)
}
