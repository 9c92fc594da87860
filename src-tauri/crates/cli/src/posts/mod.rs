//! `ledger posts ...` and `ledger services ...`: service posts (服务阵地),
//! service records, tickets and the figures, through the same handlers as
//! the app. Also the demo's posts and services.

use std::path::PathBuf;

use clap::Subcommand;
use ledger_api::dto::PdfOut;
use ledger_api::posts::dto::{PostInput, PostListQuery, PostPosterInput, PostReportInput};
use ledger_api::{Api, ApiError};
use serde_json::{json, Value};

mod demo;
mod services;
pub use demo::demo;
pub use services::services;

#[derive(Subcommand)]
pub enum PostsCommand {
    /// Add a service post.
    Add {
        #[arg(long)]
        name: String,
        /// 司机之家 | 爱心驿站 | 工会驿站 | 户外劳动者服务站点 | 职工之家 | 乡镇服务站 | 村服务点 | 其他
        #[arg(long)]
        kind: String,
        /// The org that runs it: id or exact name (default: this office).
        #[arg(long)]
        org: Option<String>,
        /// A partner that hosts it (e.g. a bank branch).
        #[arg(long)]
        partner: Option<String>,
        #[arg(long, default_value = "")]
        address: String,
        /// Facilities, comma-separated (休息,饮水,充电,...).
        #[arg(long, value_delimiter = ',')]
        facilities: Vec<String>,
        /// Opening hours, e.g. 08:00-20:00.
        #[arg(long)]
        hours: Option<String>,
        #[arg(long)]
        open_24h: bool,
        /// Unattended, entered by scanning a QR code.
        #[arg(long)]
        unattended_qr: bool,
        #[arg(long)]
        contact: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        opened_on: Option<String>,
        /// The post's own page (its poster's QR code).
        #[arg(long)]
        url: Option<String>,
    },
    /// Posts, by org then name.
    List {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        status: Option<String>,
    },
    /// The post's poster (name, facilities, hours, contact, QR code).
    Poster {
        id: String,
        /// a4 | a3
        #[arg(long, default_value = "a4")]
        size: String,
        /// red | blue | ink
        #[arg(long, default_value = "blue")]
        template: String,
        /// The QR code's link (default: the post's page, else the org's join link).
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// The monthly report of one post (PDF).
    Report {
        id: String,
        /// YYYY-MM.
        #[arg(long)]
        month: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ServicesCommand {
    /// Log a service: --member ID, or --name and --phone (not yet a
    /// member), or --count N (person-times at an event).
    Add {
        /// Post id; none for outreach.
        #[arg(long)]
        post: Option<String>,
        /// For outreach: the delivering org (default: this office).
        #[arg(long)]
        org: Option<String>,
        /// Service type, e.g. 送清凉, 诉求工单.
        #[arg(long = "type")]
        service_type: String,
        #[arg(long)]
        date: String,
        #[arg(long, conflicts_with_all = ["count", "name"])]
        member: Option<String>,
        #[arg(long, conflicts_with = "name")]
        count: Option<u32>,
        /// A person not yet a member (with --phone).
        #[arg(long, requires = "phone")]
        name: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Invite this person to join.
        #[arg(long)]
        invite: bool,
        #[arg(long)]
        note: Option<String>,
        /// Tickets: 经办人.
        #[arg(long)]
        handler: Option<String>,
        /// 互助保障赠送: the scheme, period (YYYY-MM-DD) and certificate number.
        #[arg(long)]
        scheme: Option<String>,
        #[arg(long)]
        period_from: Option<String>,
        #[arg(long)]
        period_to: Option<String>,
        #[arg(long)]
        certificate_no: Option<String>,
    },
    /// Records, newest first.
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// A post id, or "none" for outreach.
        #[arg(long)]
        post: Option<String>,
        #[arg(long = "type")]
        service_type: Option<String>,
        #[arg(long)]
        ticket_status: Option<String>,
        #[arg(long, default_value_t = 1)]
        page: u32,
    },
    /// Move a ticket on: 受理 → 办理中 → 办结 (办结 needs --outcome).
    Ticket {
        id: String,
        #[arg(long)]
        status: String,
        #[arg(long)]
        handler: Option<String>,
        #[arg(long)]
        outcome: Option<String>,
    },
    /// Link a person's record to the member they became.
    Link {
        id: String,
        #[arg(long)]
        member: String,
    },
    /// The office's list of service types; --set replaces it (a type with
    /// records cannot be removed).
    Types {
        /// The whole list, comma-separated, in order.
        #[arg(long, value_delimiter = ',')]
        set: Option<Vec<String>>,
    },
    /// Person-times, people served and those who joined after (先服务后入会).
    Stats {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        post: Option<String>,
        #[arg(long)]
        org: Option<String>,
        /// Also write the figures as .xlsx.
        #[arg(long)]
        xlsx: Option<PathBuf>,
    },
}

pub(super) fn value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_default()
}

fn pdf(out: PdfOut) -> (Value, String) {
    let text = format!(
        "已生成 {}（{} 页）",
        out.path.clone().unwrap_or_default(),
        out.pages
    );
    (value(&out), text)
}

pub fn posts(api: &Api, cmd: PostsCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        PostsCommand::Add {
            name,
            kind,
            org,
            partner,
            address,
            facilities,
            hours,
            open_24h,
            unattended_qr,
            contact,
            phone,
            opened_on,
            url,
        } => {
            let p = api.post_create(PostInput {
                name,
                kind,
                org_id: org,
                partner,
                address,
                latitude: None,
                longitude: None,
                facilities,
                hours,
                open_24h,
                unattended_qr,
                contact_name: contact,
                contact_phone: phone,
                opened_on,
                status: None,
                status_date: None,
                page_url: url,
                notes: None,
            })?;
            let text = format!("已添加服务阵地：{}（{}）", p.name, p.id);
            Ok((json!({ "id": p.id, "post": p }), text))
        }
        PostsCommand::List { org, kind, status } => {
            let list = api.post_list(PostListQuery {
                org_id: org,
                kind,
                status,
                text: None,
            })?;
            let text = list
                .iter()
                .map(|p| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}条记录",
                        p.id, p.kind, p.name, p.status, p.hours_label, p.records
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((json!({ "posts": list }), text))
        }
        PostsCommand::Poster {
            id,
            size,
            template,
            url,
            out,
        } => {
            let input: PostPosterInput = serde_json::from_value(json!({
                "post_id": id, "size": size, "template": template, "url": url,
                "out": out.display().to_string(),
            }))
            .map_err(|e| ApiError::bad_request(format!("参数不对：{e}")))?;
            Ok(pdf(api.print_post_poster(input)?))
        }
        PostsCommand::Report { id, month, out } => {
            Ok(pdf(api.print_post_report(PostReportInput {
                post_id: id,
                month,
                out: Some(out.display().to_string()),
            })?))
        }
    }
}
