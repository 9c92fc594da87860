//! `ledger members ...`: the member ledger from the command line.

use super::*;

#[derive(Subcommand)]
pub(crate) enum MembersCommand {
    /// Enrol a member.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long = "id")]
        id_number: String,
        #[arg(long)]
        phone: String,
        #[arg(long)]
        group: String,
        /// Holding org: id or exact name (default: this office).
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        employer: Option<String>,
        #[arg(long)]
        join_date: Option<String>,
        #[arg(long)]
        channel: Option<String>,
        #[arg(long)]
        labour_relation: Option<String>,
        #[arg(long)]
        plate: Option<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Search by name, member number, phone or the last digits of the ID.
    Search {
        query: Option<String>,
        #[arg(long)]
        org: Option<String>,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        page_size: u32,
    },
    /// One member's record.
    Show { id: String },
    /// Move members to another org unit (会籍转接).
    Transfer {
        #[arg(required = true)]
        ids: Vec<String>,
        /// Destination org: id or exact name.
        #[arg(long)]
        to: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Change status: 在会 (re-join), 已转出, 退会, 注销.
    Status {
        #[arg(required = true)]
        ids: Vec<String>,
        #[arg(long)]
        status: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Mark records as checked today (数据保鲜).
    Verify {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Who changed what, when.
    History { id: String },
    /// Import members from .xlsx, .xls, .ods or .csv (UTF-8 or GB18030):
    /// all valid new rows in one transaction, or with --dry-run nothing.
    Import {
        file: PathBuf,
        /// Classify every row, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// People already in the ledger: skip | fill (empty fields) | update.
        #[arg(long, default_value = "skip")]
        mode: String,
        /// Holding org for new members: id or exact name (default: this office).
        #[arg(long)]
        org: Option<String>,
        /// 职业群体 for rows without one.
        #[arg(long)]
        group: Option<String>,
        /// Worksheet number, from 1 (default: the first with data).
        #[arg(long)]
        sheet: Option<u32>,
        /// Also write the dry-run report (.xlsx, original columns + 导入结果).
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Export the roster (花名册) as .xlsx, or .csv in GB18030.
    Export {
        file: PathBuf,
        /// Full citizen IDs instead of masked ones (recorded per member).
        #[arg(long)]
        full_id: bool,
        /// Why full IDs are needed (recorded).
        #[arg(long)]
        purpose: Option<String>,
        /// Column codes, comma-separated (default: the standard roster).
        #[arg(long)]
        columns: Option<String>,
        /// Filters, as in the member list.
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        employer: Option<String>,
        #[arg(long)]
        text: Option<String>,
    },
}

pub(crate) fn run(db: &std::path::Path, cmd: MembersCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        MembersCommand::Import {
            file,
            dry_run,
            mode,
            org,
            group,
            sheet,
            report,
        } => {
            let api = open(db, "cli")?;
            sheets::import(
                &api,
                sheets::ImportArgs {
                    file,
                    dry_run,
                    mode,
                    org,
                    group,
                    sheet: sheet.map(|s| s.saturating_sub(1)),
                    report,
                },
            )
        }
        MembersCommand::Export {
            file,
            full_id,
            purpose,
            columns,
            org,
            status,
            group,
            employer,
            text,
        } => {
            let api = open(db, "cli")?;
            let org_id = match org {
                Some(o) => Some(api.resolve_org(&o)?.id),
                None => None,
            };
            sheets::export(
                &api,
                sheets::ExportArgs {
                    file,
                    full_id,
                    purpose,
                    columns,
                    query: MemberListQuery {
                        org_id,
                        status,
                        group,
                        employer,
                        text,
                        ..Default::default()
                    },
                },
            )
        }
        MembersCommand::Add {
            name,
            id_number,
            phone,
            group,
            org,
            employer,
            join_date,
            channel,
            labour_relation,
            plate,
            notes,
        } => {
            let api = open(db, "cli")?;
            let m = api.member_create(MemberInput {
                name,
                id_number,
                phone,
                occupation_group: group,
                org_id: org,
                employer,
                join_date,
                join_channel: channel,
                labour_relation,
                plate_number: plate,
                notes,
                ..Default::default()
            })?;
            let text = format!("已入会：{} 会员编号 {}", m.row.name, m.row.member_no);
            Ok((
                json!({ "id": m.row.id, "member_no": m.row.member_no, "member": m }),
                text,
            ))
        }
        MembersCommand::Search {
            query,
            org,
            page,
            page_size,
        } => {
            let api = open(db, "cli")?;
            let org_id = match org {
                Some(o) => Some(api.resolve_org(&o)?.id),
                None => None,
            };
            let p = api.member_list(MemberListQuery {
                text: query,
                org_id,
                page: Some(page),
                page_size: Some(page_size),
                ..Default::default()
            })?;
            let text = p
                .rows
                .iter()
                .map(|m| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        m.member_no, m.name, m.id_number, m.phone, m.org_name
                    )
                })
                .chain(std::iter::once(format!("共 {} 人", p.total)))
                .collect::<Vec<_>>()
                .join("\n");
            Ok((json!({ "members": p.rows, "total": p.total }), text))
        }
        MembersCommand::Transfer {
            ids,
            to,
            reason,
            date,
        } => {
            let api = open(db, "cli")?;
            let r = api.dispatch(
                "member_transfer",
                json!({ "member_ids": ids, "to_org_id": to, "reason": reason, "date": date }),
            )?;
            let text = format!("已转接 {} 人", r["count"]);
            Ok((r, text))
        }
        MembersCommand::Status {
            ids,
            status,
            reason,
        } => {
            let api = open(db, "cli")?;
            let r = api.dispatch(
                "member_set_status",
                json!({ "member_ids": ids, "status": status, "reason": reason }),
            )?;
            let text = format!("已变更 {} 人", r["count"]);
            Ok((r, text))
        }
        MembersCommand::Verify { ids } => {
            let api = open(db, "cli")?;
            let r = api.dispatch("member_verify", json!({ "member_ids": ids }))?;
            let text = format!("已核实 {} 人", r["count"]);
            Ok((r, text))
        }
        MembersCommand::History { id } => {
            let api = open(db, "cli")?;
            let h = api.dispatch("member_history", json!({ "id": id }))?;
            let text = h
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| {
                            let changes: Vec<String> = e["changes"]
                                .as_array()
                                .map(|c| {
                                    c.iter()
                                        .map(|c| {
                                            format!(
                                                "{}：{} → {}",
                                                c["label"].as_str().unwrap_or(""),
                                                c["from"].as_str().unwrap_or("（空）"),
                                                c["to"].as_str().unwrap_or("（空）")
                                            )
                                        })
                                        .collect()
                                })
                                .unwrap_or_default();
                            format!(
                                "{} {} {} {}{}",
                                e["at"].as_str().unwrap_or(""),
                                e["actor"].as_str().unwrap_or("-"),
                                e["action"].as_str().unwrap_or(""),
                                changes.join("；"),
                                e["note"]
                                    .as_str()
                                    .map(|n| format!("（{n}）"))
                                    .unwrap_or_default()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            Ok((json!({ "history": h }), text))
        }
        MembersCommand::Show { id } => {
            let api = open(db, "cli")?;
            let m = api.dispatch("member_get", json!({ "id": id }))?;
            let text = serde_json::to_string_pretty(&m).unwrap_or_default();
            Ok((m, text))
        }
    }
}
