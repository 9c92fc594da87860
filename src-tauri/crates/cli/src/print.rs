//! `ledger print ...`, `ledger ceremony ...` and `ledger verify`: printing
//! from the command line, through the same handlers as the app.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use ledger_api::dto::{
    ApplicationInput, CeremonyEnrolInput, CeremonyInput, CeremonyListQuery, CeremonyMembersInput,
    CertificateLayout, FileArg, MemberInput, OrgIdArg, PdfOut, PosterInput, PosterSizeCode,
    PosterTemplateCode, PrintCertificatesInput, PrintSelection, PrintSettingsInput, RosterInput,
    SealInput, VerifyInput,
};
use ledger_api::{Api, ApiError, ErrorCode};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

#[derive(Subcommand)]
pub enum PrintCommand {
    /// Membership certificates (会员证). Records each member's card issue
    /// date (unless --preview).
    Certificates {
        #[command(flatten)]
        who: Who,
        /// card (ten wallet cards per A4 sheet) | a4 | a5
        #[arg(long, default_value = "card")]
        layout: String,
        /// Print only the first N of the batch (batches over 1000 need it).
        #[arg(long)]
        limit: Option<u32>,
        /// Issue in the name of this org (its name and seal): id or exact name.
        #[arg(long)]
        issuer_org: Option<String>,
        /// Do not record the card issue dates.
        #[arg(long)]
        preview: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// A join poster (扫码入会) with an org's join QR code.
    Poster {
        /// The org: id or exact name.
        #[arg(long)]
        org: String,
        /// a4 | a3
        #[arg(long, default_value = "a4")]
        size: String,
        /// red (中国红) | blue (交通蓝) | ink (简洁，省墨)
        #[arg(long, default_value = "red")]
        template: String,
        /// The QR code's link, when the org has none (or to use another).
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        headline: Option<String>,
        /// 入会好处, one per flag (default: the standard four).
        #[arg(long = "benefit")]
        benefits: Vec<String>,
        /// 咨询电话 (default: the print settings' phone).
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Application forms (入会申请书), one page per member, with full IDs
    /// (recorded as reveals).
    Application {
        #[command(flatten)]
        who: Who,
        #[arg(long)]
        out: PathBuf,
    },
    /// A roster (花名册) or, for a ceremony, its attendance list (签到表).
    Roster {
        #[command(flatten)]
        who: Who,
        #[arg(long)]
        title: Option<String>,
        /// Add an empty 签名 column (default: only for a ceremony).
        #[arg(long)]
        signature: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// Show the print settings, or change the ones given ("" clears one).
    Settings {
        /// The county's verification base URL for certificate QR codes.
        #[arg(long)]
        base_url: Option<String>,
        /// The issuing org (发证单位; its seal is stamped): id or exact name.
        #[arg(long)]
        issuer_org: Option<String>,
        /// The issuer's name as printed (default: the issuing org's name).
        #[arg(long)]
        issuer: Option<String>,
        /// The phone number printed on posters.
        #[arg(long)]
        contact_phone: Option<String>,
    },
    /// Set (--png) or remove (--clear) an org's seal image.
    Seal {
        #[arg(long)]
        org: String,
        /// A PNG; a seal scanned on white paper is made transparent.
        #[arg(long, conflicts_with = "clear", required_unless_present = "clear")]
        png: Option<PathBuf>,
        #[arg(long)]
        clear: bool,
    },
}

/// Whom a document is for. `--not-printed` may narrow `--org`.
#[derive(clap::Args)]
pub struct Who {
    /// Every member (在会).
    #[arg(long)]
    all: bool,
    /// Members held by this org or any org below it: id or exact name.
    #[arg(long)]
    org: Option<String>,
    /// A ceremony's attendees: its id.
    #[arg(long)]
    ceremony: Option<String>,
    /// These members: id or member number (repeat the flag).
    #[arg(long = "member")]
    members: Vec<String>,
    /// Members whose certificate was never printed.
    #[arg(long)]
    not_printed: bool,
}

#[derive(Subcommand)]
pub enum CeremonyCommand {
    /// Record an enrolment ceremony (集中入会仪式).
    Add {
        /// YYYY-MM-DD
        #[arg(long)]
        date: String,
        #[arg(long)]
        place: String,
        /// The org holding it (default: this office): id or exact name.
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Ceremonies, newest first.
    List {
        #[arg(long)]
        org: Option<String>,
    },
    /// A ceremony and its attendees.
    Show { id: String },
    /// Enrol a new member on the spot.
    Enrol {
        /// The ceremony's id.
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long = "id-number")]
        id_number: String,
        #[arg(long)]
        phone: String,
        #[arg(long)]
        group: String,
        /// Holding org (default: the ceremony's org).
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        employer: Option<String>,
    },
    /// Add existing members to a ceremony's attendees.
    Attend {
        id: String,
        /// Member id or member number (repeat the flag).
        #[arg(long = "member", required = true)]
        members: Vec<String>,
    },
}

fn code<T: DeserializeOwned>(
    field: &str,
    label: &str,
    s: &str,
    allowed: &str,
) -> Result<T, ApiError> {
    serde_json::from_value(json!(s.to_ascii_lowercase()))
        .map_err(|_| ApiError::invalid(field, format!("{label}：“{s}”无效，可选 {allowed}")))
}

/// A member by id or by member number.
fn member_id(api: &Api, key: &str) -> Result<String, ApiError> {
    let key = key.trim();
    match api.dispatch("member_get", json!({ "id": key })) {
        Ok(m) => return Ok(m["id"].as_str().unwrap_or(key).to_string()),
        Err(e) if e.code != ErrorCode::NotFound => return Err(e),
        Err(_) => {}
    }
    let page = api.member_list(ledger_api::dto::MemberListQuery {
        text: Some(key.to_string()),
        page_size: Some(5),
        ..Default::default()
    })?;
    page.rows
        .into_iter()
        .find(|m| m.member_no == key)
        .map(|m| m.id)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("找不到会员：{key}")))
}

fn selection(api: &Api, who: Who) -> Result<PrintSelection, ApiError> {
    let chosen = [
        !who.members.is_empty(),
        who.ceremony.is_some(),
        who.org.is_some() && !who.not_printed,
        who.all,
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if chosen > 1 {
        return Err(ApiError::invalid(
            "selection",
            "打印范围：--all、--org、--ceremony、--member 只能选一种（--not-printed 可与 --org 同用）",
        ));
    }
    Ok(if !who.members.is_empty() {
        let member_ids = who
            .members
            .iter()
            .map(|m| member_id(api, m))
            .collect::<Result<_, _>>()?;
        PrintSelection::Members { member_ids }
    } else if let Some(ceremony_id) = who.ceremony {
        PrintSelection::Ceremony { ceremony_id }
    } else if who.not_printed {
        PrintSelection::NotYetPrinted { org_id: who.org }
    } else if let Some(org_id) = who.org {
        PrintSelection::Org { org_id }
    } else if who.all {
        PrintSelection::All
    } else {
        return Err(ApiError::invalid(
            "selection",
            "打印范围：请指定 --all、--org、--ceremony、--member 或 --not-printed",
        ));
    })
}

fn out(path: &Path) -> Option<String> {
    Some(path.display().to_string())
}

fn file_json(p: &PdfOut) -> Value {
    json!({
        "file": p.path,
        "file_name": p.file_name,
        "pages": p.pages,
        "bytes": p.bytes,
        "count": p.count,
    })
}

fn file_text(p: &PdfOut, what: &str) -> String {
    format!(
        "已生成{what}：{}（{} 页，{} KB）",
        p.path.as_deref().unwrap_or(&p.file_name),
        p.pages,
        p.bytes.div_ceil(1024)
    )
}

pub fn run(api: &Api, cmd: PrintCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        PrintCommand::Certificates {
            who,
            layout,
            limit,
            issuer_org,
            preview,
            out: file,
        } => {
            let layout: CertificateLayout = code("layout", "版式", &layout, "card、a4、a5")?;
            let r = api.print_certificates(PrintCertificatesInput {
                selection: selection(api, who)?,
                layout: Some(layout),
                limit,
                issuer_org_id: issuer_org,
                preview: Some(preview),
                out: out(&file),
            })?;
            let mut v = file_json(&r.pdf);
            v["certificates"] = json!(r.certificates);
            v["selected"] = json!(r.selected);
            v["recorded"] = json!(r.recorded);
            v["issued_on"] = json!(r.issued_on);
            v["issuer"] = json!(r.issuer_name);
            let more = if r.selected > r.certificates {
                format!("；这批共 {} 人，其余请再次打印", r.selected)
            } else {
                String::new()
            };
            let text = format!(
                "{}，{} 张会员证，登记发证日期 {} 人{more}",
                file_text(&r.pdf, "会员证"),
                r.certificates,
                r.recorded
            );
            Ok((v, text))
        }
        PrintCommand::Poster {
            org,
            size,
            template,
            url,
            headline,
            benefits,
            phone,
            out: file,
        } => {
            let size: PosterSizeCode = code("size", "纸张", &size, "a4、a3")?;
            let template: PosterTemplateCode =
                code("template", "样式", &template, "red、blue、ink")?;
            let p = api.print_poster(PosterInput {
                org_id: org,
                size: Some(size),
                template: Some(template),
                headline,
                steps: None,
                benefits: (!benefits.is_empty()).then_some(benefits),
                contact_phone: phone,
                url,
                out: out(&file),
            })?;
            let text = file_text(&p, "入会海报");
            Ok((file_json(&p), text))
        }
        PrintCommand::Application { who, out: file } => {
            let p = api.print_application(ApplicationInput {
                selection: selection(api, who)?,
                out: out(&file),
            })?;
            let text = format!("{}，{} 份", file_text(&p, "入会申请书"), p.count);
            Ok((file_json(&p), text))
        }
        PrintCommand::Roster {
            who,
            title,
            signature,
            out: file,
        } => {
            let p = api.print_roster(RosterInput {
                selection: selection(api, who)?,
                title,
                subtitle: None,
                signature_column: signature.then_some(true),
                out: out(&file),
            })?;
            let text = format!("{}，{} 人", file_text(&p, "花名册"), p.count);
            Ok((file_json(&p), text))
        }
        PrintCommand::Settings {
            base_url,
            issuer_org,
            issuer,
            contact_phone,
        } => {
            let changing = base_url.is_some()
                || issuer_org.is_some()
                || issuer.is_some()
                || contact_phone.is_some();
            let s = if changing {
                api.print_settings_set(PrintSettingsInput {
                    base_url,
                    issuer_org_id: issuer_org,
                    issuer_name: issuer,
                    contact_phone,
                })?
            } else {
                api.print_settings_get()?
            };
            let text = format!(
                "验证网址：{}\n发证单位：{}\n咨询电话：{}\n公章：{}{}",
                s.base_url.as_deref().unwrap_or("（未设置）"),
                s.issuer_name,
                s.contact_phone.as_deref().unwrap_or("（未设置）"),
                if s.seals.is_empty() {
                    "（未上传）".to_string()
                } else {
                    s.seals
                        .iter()
                        .map(|x| x.org_name.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                },
                s.certificates_blocked
                    .as_deref()
                    .map(|b| format!("\n注意：{b}"))
                    .unwrap_or_default()
            );
            Ok((serde_json::to_value(&s).unwrap_or_default(), text))
        }
        PrintCommand::Seal { org, png, clear } => {
            let org_id = api.resolve_org(&org)?.id;
            if clear {
                api.org_seal_clear(OrgIdArg { org_id })?;
                return Ok((json!({ "cleared": true }), "已删除公章图片".into()));
            }
            let path = png.expect("clap requires --png without --clear");
            let s = api.org_seal_set(SealInput {
                org_id,
                file: FileArg {
                    path: Some(path.display().to_string()),
                    ..Default::default()
                },
            })?;
            let text = format!(
                "已保存“{}”的公章图片（{}×{} 像素）",
                s.org_name, s.width, s.height
            );
            Ok((serde_json::to_value(&s).unwrap_or_default(), text))
        }
    }
}

pub fn ceremony(api: &Api, cmd: CeremonyCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        CeremonyCommand::Add {
            date,
            place,
            org,
            notes,
        } => {
            let c = api.ceremony_create(CeremonyInput {
                date,
                place,
                org_id: org,
                notes,
                checklist: None,
            })?;
            let text = format!("已登记入会仪式：{} {}（{}）", c.date, c.place, c.id);
            Ok((serde_json::to_value(&c).unwrap_or_default(), text))
        }
        CeremonyCommand::List { org } => {
            let list = api.ceremony_list(CeremonyListQuery { org_id: org })?;
            let text = list
                .iter()
                .map(|c| {
                    format!(
                        "{}\t{}\t{}\t{}人\t已打印{}人\t{}",
                        c.id, c.date, c.place, c.attendees, c.printed, c.org_name
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((json!({ "ceremonies": list }), text))
        }
        CeremonyCommand::Show { id } => {
            let c = api.ceremony_get(&id)?;
            let text = std::iter::once(format!(
                "{} {}（{}）{} 人",
                c.ceremony.date, c.ceremony.place, c.ceremony.org_name, c.ceremony.attendees
            ))
            .chain(c.members.iter().map(|m| {
                format!(
                    "{}\t{}\t{}",
                    m.member_no,
                    m.name,
                    m.card_issued_on.as_deref().unwrap_or("未打印")
                )
            }))
            .collect::<Vec<_>>()
            .join("\n");
            Ok((serde_json::to_value(&c).unwrap_or_default(), text))
        }
        CeremonyCommand::Enrol {
            id,
            name,
            id_number,
            phone,
            group,
            org,
            employer,
        } => {
            let m = api.ceremony_enrol(CeremonyEnrolInput {
                ceremony_id: id,
                member: MemberInput {
                    name,
                    id_number,
                    phone,
                    occupation_group: group,
                    org_id: org,
                    employer,
                    ..Default::default()
                },
            })?;
            let text = format!("已入会：{} 会员编号 {}", m.row.name, m.row.member_no);
            Ok((
                json!({ "id": m.row.id, "member_no": m.row.member_no, "member": m }),
                text,
            ))
        }
        CeremonyCommand::Attend { id, members } => {
            let member_ids = members
                .iter()
                .map(|m| member_id(api, m))
                .collect::<Result<_, _>>()?;
            let n = api.ceremony_add_attendees(CeremonyMembersInput {
                ceremony_id: id,
                member_ids,
            })?;
            Ok((json!(n), format!("已加入仪式 {} 人", n.count)))
        }
    }
}

/// `ledger verify TEXT`: is a scanned certificate link genuine?
pub fn verify(api: &Api, text: &str) -> Result<(Value, String), ApiError> {
    let v = api.verify_certificate(VerifyInput {
        text: text.to_string(),
    })?;
    let mut out = v.message.clone();
    if let Some(m) = &v.member {
        out.push_str(&format!(
            "\n{}，{}，入会日期 {}",
            m.name, m.org_name, m.join_date
        ));
    }
    Ok((serde_json::to_value(&v).unwrap_or_default(), out))
}
