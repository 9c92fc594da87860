//! `ledger`: the command-line face of Union Ledger.
//!
//! Every command prints one JSON document with `--json`; a refused command
//! exits non-zero and prints `{"code": ..., "message": ...}`.

mod bench;
mod demo;
mod members;
mod orgs;
mod outbound;
mod posts;
mod print;
mod serve;
mod sheets;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ledger_api::dto::{
    MemberInput, MemberListQuery, OrgInput, OrgKindCode, SetupInput, SetupLevel,
};
use ledger_api::{env, Api, ApiError, ErrorCode, RuntimeInfo};
use serde_json::{json, Value};

#[derive(Parser)]
#[command(name = "ledger", version, about = "工会台账 Union Ledger — 命令行")]
struct Cli {
    /// The ledger database file (default: ledger.db in the data directory).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Print one JSON document for scripts.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a ledger and set up this office.
    Init {
        #[arg(long)]
        org_name: String,
        /// county | township | village | industry | enterprise | pool
        #[arg(long, default_value = "township")]
        org_kind: String,
        #[arg(long)]
        division_code: Option<String>,
        /// The parent org's name (e.g. the county federation), created above this office.
        #[arg(long)]
        parent_name: Option<String>,
        #[arg(long)]
        parent_kind: Option<String>,
        #[arg(long)]
        parent_division_code: Option<String>,
        /// The cadre named in the change log.
        #[arg(long)]
        operator: Option<String>,
    },
    /// Serve the UI and the API on 127.0.0.1 for a browser (browser mode).
    Serve {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The built UI (ui/dist).
        #[arg(long)]
        ui: Option<PathBuf>,
    },
    /// Fill an empty ledger with clearly labelled 示例 data.
    Demo,
    /// Time the member list on a generated ledger beside plain SQLite queries.
    Bench {
        #[arg(long, default_value_t = 1_000_000)]
        rows: usize,
        /// Where to build the throw-away database (default: the temp dir).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// `import`: time a spreadsheet import instead (see `bench import --help`).
        #[command(subcommand)]
        what: Option<BenchCommand>,
    },
    /// Compare an external list with the ledger (摸清底数).
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Employers/platforms with members but no union (以入会促建会).
    Employers,
    /// Where things are: data directory, database, log file, this office.
    Info,
    #[command(subcommand)]
    Orgs(orgs::OrgsCommand),
    #[command(subcommand)]
    Members(members::MembersCommand),
    /// Certificates, posters, forms, print settings and seals (打印).
    #[command(subcommand)]
    Print(print::PrintCommand),
    /// Enrolment ceremonies (集中入会仪式).
    #[command(subcommand)]
    Ceremony(print::CeremonyCommand),
    /// Truck-driver outbound reports (外出报告, 货车司机动态管理台账).
    #[command(subcommand)]
    Outbound(outbound::OutboundCommand),
    /// Service posts (服务阵地): 司机之家, 爱心驿站, 工会驿站 ...
    #[command(subcommand)]
    Posts(posts::PostsCommand),
    /// Service records, tickets (诉求工单) and the figures (服务人次).
    #[command(subcommand)]
    Services(posts::ServicesCommand),
    /// Check what a scanner read from a certificate's QR code.
    Verify {
        /// The scanned link (or its `n=...&s=...` part).
        text: String,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Import a generated .xlsx of N rows (dry run + commit) into a fresh
    /// ledger, beside LibreOffice converting the same file to CSV.
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// Where to write the file and the throw-away database.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skip the LibreOffice comparison.
        #[arg(long)]
        no_libreoffice: bool,
    },
}

#[derive(Subcommand)]
enum RosterCommand {
    /// Who on the list is a member, who is not yet, whose phone differs.
    /// Adds no one.
    Compare {
        /// .xlsx, .xls, .ods or .csv (UTF-8 or GB18030).
        file: PathBuf,
        /// Write the result as .xlsx.
        #[arg(long)]
        out: Option<PathBuf>,
        /// all | members | not_members | phone_differs | phone_bad | rejected | by_county | by_employer
        #[arg(long, default_value = "all")]
        part: String,
        /// Full citizen IDs in the file (recorded).
        #[arg(long)]
        full_id: bool,
        /// Worksheet number, from 1 (default: the first with data).
        #[arg(long)]
        sheet: Option<u32>,
    },
}

fn kind(code: &str) -> Result<OrgKindCode, ApiError> {
    serde_json::from_value(json!(code)).map_err(|_| {
        ApiError::invalid(
            "kind",
            format!("组织类型：“{code}”无效，可选 county、township、village、industry、enterprise、pool"),
        )
    })
}

fn db_path(cli_db: &Option<PathBuf>) -> PathBuf {
    cli_db
        .clone()
        .unwrap_or_else(|| env::default_db(&env::data_dir()))
}

fn open(db: &std::path::Path, transport: &str) -> Result<Api, ApiError> {
    let dir = env::data_dir();
    let log_file = env::init_logging(&dir).ok();
    Api::open(
        db,
        RuntimeInfo {
            data_dir: Some(dir),
            log_file,
            transport: transport.to_string(),
        },
    )
}

fn run(cli: Cli) -> Result<(Value, String), ApiError> {
    let db = db_path(&cli.db);
    match cli.command {
        Command::Init {
            org_name,
            org_kind,
            division_code,
            parent_name,
            parent_kind,
            parent_division_code,
            operator,
        } => {
            let api = open(&db, "cli")?;
            let mut levels = Vec::new();
            if let Some(name) = parent_name {
                levels.push(SetupLevel {
                    name,
                    kind: kind(parent_kind.as_deref().unwrap_or("county"))?,
                    division_code: parent_division_code,
                    join_url: None,
                });
            }
            levels.push(SetupLevel {
                name: org_name,
                kind: kind(&org_kind)?,
                division_code,
                join_url: None,
            });
            let info = api.setup_office(SetupInput { levels, operator })?;
            let office = info.office.expect("set up");
            let text = format!(
                "已创建台账 {}，本单位：{}（{}）",
                db.display(),
                office.name,
                office.id
            );
            Ok((
                json!({ "db": db.display().to_string(), "org_id": office.id }),
                text,
            ))
        }
        Command::Serve { port, ui } => {
            let api = open(&db, "browser")?;
            serve::run(api, port, ui).map(|()| (json!({}), String::new()))
        }
        Command::Demo => {
            let api = open(&db, "cli")?;
            let n = demo::seed(&api)?;
            Ok((
                json!({ "db": db.display().to_string(), "members": n }),
                format!("已在 {} 写入示例数据：{n} 名示例会员", db.display()),
            ))
        }
        Command::Bench {
            what:
                Some(BenchCommand::Import {
                    rows,
                    dir,
                    no_libreoffice,
                }),
            ..
        } => sheets::bench(rows.max(1), dir, !no_libreoffice),
        Command::Bench {
            rows, dir, rounds, ..
        } => bench::run(rows, dir, rounds.max(1)),
        Command::Roster(RosterCommand::Compare {
            file,
            out,
            part,
            full_id,
            sheet,
        }) => {
            let api = open(&db, "cli")?;
            sheets::compare(
                &api,
                sheets::CompareArgs {
                    file,
                    out,
                    part,
                    full_id,
                    sheet: sheet.map(|s| s.saturating_sub(1)),
                },
            )
        }
        Command::Orgs(cmd) => orgs::run(&db, cmd),
        Command::Members(cmd) => members::run(&db, cmd),
        Command::Print(cmd) => print::run(&open(&db, "cli")?, cmd),
        Command::Ceremony(cmd) => print::ceremony(&open(&db, "cli")?, cmd),
        Command::Outbound(cmd) => outbound::run(&open(&db, "cli")?, cmd),
        Command::Verify { text } => print::verify(&open(&db, "cli")?, &text),
        Command::Posts(cmd) => posts::posts(&open(&db, "cli")?, cmd),
        Command::Services(cmd) => posts::services(&open(&db, "cli")?, cmd),
        Command::Employers => {
            let api = open(&db, "cli")?;
            let list = api.employer_list()?;
            let text = list
                .rows
                .iter()
                .map(|e| {
                    let state = match (&e.union_org_name, e.alert) {
                        (Some(u), _) => format!("已建会：{u}"),
                        (None, true) => format!("已达{}人，建议建会", list.threshold),
                        (None, false) => "未建会".to_string(),
                    };
                    format!("{}\t{}人\t{state}", e.employer, e.members)
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((
                json!({ "threshold": list.threshold, "employers": list.rows }),
                text,
            ))
        }
        Command::Info => {
            let api = open(&db, "cli")?;
            let info = api.app_info()?;
            let text = format!(
                "数据库：{}\n数据目录：{}\n日志文件：{}\n本单位：{}\n数据版本：{}",
                info.db_path.clone().unwrap_or_default(),
                info.data_dir.clone().unwrap_or_default(),
                info.log_file.clone().unwrap_or_default(),
                info.office
                    .as_ref()
                    .map(|o| o.name.as_str())
                    .unwrap_or("（尚未设置）"),
                info.schema_version
            );
            Ok((serde_json::to_value(info).unwrap_or_default(), text))
        }
    }
}

/// Print a line to stdout. A reader that stops early (`| head`) is not an
/// error worth a panic: the rest of the output is simply dropped.
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let as_json = cli.json;
    match run(cli) {
        Ok((value, text)) => {
            if as_json {
                say(&value.to_string());
            } else if !text.is_empty() {
                say(&text);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            if as_json {
                say(&serde_json::to_string(&e).unwrap_or_default());
            } else {
                eprintln!("错误：{}", e.message);
            }
            if e.code == ErrorCode::Internal {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
