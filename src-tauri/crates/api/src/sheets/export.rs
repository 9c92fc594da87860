//! The member export (花名册): masked by default, full IDs only with a recorded purpose.

use super::choices::EXPORT_COLUMNS;
use super::*;

pub(crate) fn yes(b: bool) -> String {
    if b { "是" } else { "否" }.to_string()
}

/// Full ID numbers leave the ledger only with a stated purpose (PIPL).
pub(crate) fn require_purpose(full_id: bool, purpose: &Option<String>) -> Result<(), ApiError> {
    if full_id && purpose.as_deref().is_none_or(|p| p.trim().is_empty()) {
        return Err(ApiError::invalid(
            "purpose",
            "用途：导出完整身份证号时必须填写用途（会被记录）",
        ));
    }
    Ok(())
}

pub(crate) fn cell(m: &Member, code: &str, full_id: bool) -> String {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    match code {
        "member_no" => m.member_no.clone(),
        "name" => m.name.clone(),
        "gender" => m.gender.label().into(),
        "id_number" if full_id => m.id_number.clone(),
        "id_number" => citizen_id::mask(&m.id_number),
        "birth_date" => m.birth_date.to_string(),
        "phone" => m.phone.clone(),
        "ethnic_group" => o(&m.ethnic_group),
        "occupation_group" => m.occupation_group.clone(),
        "employer" => o(&m.employer),
        "labour_relation" => o(&m.labour_relation),
        "org_name" => m.org_name.clone(),
        "join_date" => m.join_date.to_string(),
        "join_channel" => m.join_channel.clone(),
        "status" => m.status.clone(),
        "hukou_address" => o(&m.hukou_address),
        "residence" => o(&m.residence),
        "new_employment" => yes(m.new_employment),
        "migrant_worker" => yes(m.migrant_worker),
        "plate_number" => o(&m.plate_number),
        "vehicle_type" => o(&m.vehicle_type),
        "qualification_no" => o(&m.qualification_no),
        "verified_on" => m.verified_on.map(|d| d.to_string()).unwrap_or_default(),
        "notes" => o(&m.notes),
        _ => String::new(),
    }
}

/// 花名册: the current list's filters, chosen columns, IDs masked unless
/// `full_id` (then recorded per member and in the export log).
pub fn export_members(api: &Api, input: ExportMembersInput) -> Result<FileOut, ApiError> {
    let columns: Vec<String> = match &input.columns {
        Some(c) if !c.is_empty() => c.clone(),
        _ => EXPORT_COLUMNS
            .iter()
            .filter(|c| c.2)
            .map(|c| c.0.to_string())
            .collect(),
    };
    let labels: Vec<String> = columns
        .iter()
        .map(|c| {
            EXPORT_COLUMNS
                .iter()
                .find(|x| x.0 == c)
                .map(|x| x.1.to_string())
                .ok_or_else(|| ApiError::invalid("columns", format!("导出列：未知的列“{c}”")))
        })
        .collect::<Result<_, _>>()?;
    let format = input.format.unwrap_or_else(|| {
        match input.out.as_deref().map(|o| o.to_ascii_lowercase()) {
            Some(o) if o.ends_with(".csv") => SheetFormat::Csv,
            _ => SheetFormat::Xlsx,
        }
    });
    let full_id = input.full_id.unwrap_or(false);
    require_purpose(full_id, &input.purpose)?;
    let query = input.query.clone().unwrap_or_default();
    let mut store = api.store();
    let stale = crate::members::stale_before(&store)?;
    let q = crate::members::query(&query, stale)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    members::search_each(store.conn(), &q, |m| {
        rows.push(columns.iter().map(|c| cell(&m, c, full_id)).collect());
        if full_id {
            ids.push(m.id);
        }
        Ok(())
    })?;
    let today = store.today();
    let (file_name, bytes) = match format {
        SheetFormat::Xlsx => (
            format!("花名册-{today}.xlsx"),
            xlsx(&[SheetOut {
                name: "花名册".into(),
                title: Some(format!("会员花名册（{today}，共{}人）", rows.len())),
                headers: labels.clone(),
                rows: rows.clone(),
                ..Default::default()
            }])?,
        ),
        SheetFormat::Csv => (
            format!("花名册-{today}.csv"),
            write::csv_gb18030(&labels, &rows),
        ),
    };
    let file_name = input
        .out
        .as_deref()
        .map(|o| file_name_of(Path::new(o)))
        .unwrap_or(file_name);
    let filters = serde_json::json!({
        "text": query.text, "org_id": query.org_id, "group": query.group, "status": query.status,
        "channel": query.channel, "labour_relation": query.labour_relation, "employer": query.employer,
        "joined_from": query.joined_from, "joined_to": query.joined_to, "stale_only": query.stale_only,
        "columns": columns,
    });
    let record = exports::Export {
        kind: "roster".into(),
        file_name: file_name.clone(),
        rows: rows.len() as u64,
        full_id,
        purpose: input.purpose.clone().filter(|p| !p.trim().is_empty()),
        filters: Some(filters.to_string()),
    };
    // Written first, recorded after: a file that could not be written is
    // not recorded; a record that fails leaves the file (and says so).
    let out = write_out(input.out.as_deref(), file_name, bytes, rows.len())?;
    store.transact(|tx| exports::record(tx, &record, &ids))?;
    log::info!(
        "roster exported: {} rows{}",
        rows.len(),
        if full_id { " with full IDs" } else { "" }
    );
    Ok(out)
}
