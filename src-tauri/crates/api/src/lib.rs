//! The command handlers of Union Ledger.
//!
//! Handlers live here once. The desktop shell calls [`Api::dispatch`] from a
//! Tauri command; `ledger serve` calls it from an HTTP route; the CLI calls
//! the typed handlers directly. Each takes JSON arguments, returns JSON or an
//! [`ApiError`] (`{code, message}`).

mod app;
pub mod bindings;
pub mod dto;
pub mod env;
mod error;
mod members;
mod moves;
mod orgs;
pub mod outbound;
pub mod posts;
mod print;
mod sheets;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ledger_store::{Clock, Store, SystemClock};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub use error::{ApiError, ErrorCode};
pub use print::{set_fonts_dir, warm_fonts, FONTS_ENV};

/// Where this run keeps its files, shown in 设置 so a cadre can find them.
#[derive(Debug, Clone, Default)]
pub struct RuntimeInfo {
    pub data_dir: Option<PathBuf>,
    pub log_file: Option<PathBuf>,
    /// "desktop" or "browser".
    pub transport: String,
}

/// An open ledger plus what the handlers need to answer.
pub struct Api {
    store: Mutex<Store>,
    runtime: RuntimeInfo,
    /// The last spreadsheet read, parsed (preview → dry run → commit).
    sheets: sheets::Cache,
}

/// The command names of the member ledger, spreadsheets and printing; see
/// [`commands`] for every name [`Api::dispatch`] understands.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "choices",
    "setup_office",
    "set_operator",
    "org_list",
    "org_create",
    "org_update",
    "org_delete",
    "member_create",
    "member_list",
    "member_get",
    "member_update",
    "member_reveal_id",
    "member_history",
    "member_transfer",
    "member_set_status",
    "member_verify",
    "pool_list",
    "pool_route",
    "employer_list",
    "employer_found_union",
    "settings_get",
    "settings_set",
    "home_summary",
    "sheet_choices",
    "import_preview",
    "import_dry_run",
    "import_commit",
    "import_report_xlsx",
    "export_members",
    "roster_compare",
    "roster_export_part",
    "print_settings_get",
    "print_settings_set",
    "org_seal_set",
    "org_seal_get",
    "org_seal_clear",
    "ceremony_create",
    "ceremony_update",
    "ceremony_list",
    "ceremony_get",
    "ceremony_delete",
    "ceremony_enrol",
    "ceremony_add_attendees",
    "ceremony_remove_attendees",
    "print_candidates",
    "print_certificates",
    "print_poster",
    "print_application",
    "print_roster",
    "verify_certificate",
    "print_preview_path",
];

/// Every command name [`Api::dispatch`] understands.
pub fn commands() -> Vec<&'static str> {
    let mut all = COMMANDS.to_vec();
    all.extend_from_slice(outbound::COMMANDS);
    all.extend_from_slice(posts::COMMANDS);
    all
}

impl Api {
    /// Open the ledger at `db` with the system clock.
    pub fn open(db: &Path, runtime: RuntimeInfo) -> Result<Api, ApiError> {
        Api::open_with_clock(db, runtime, Arc::new(SystemClock))
    }

    pub fn open_with_clock(
        db: &Path,
        runtime: RuntimeInfo,
        clock: Arc<dyn Clock>,
    ) -> Result<Api, ApiError> {
        if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("无法创建数据目录 {}：{e}", dir.display()),
                )
            })?;
        }
        let mut store = Store::open(db, clock)?;
        let operator = store.meta("operator")?;
        store.set_actor(operator);
        log::info!(
            "opened {} (schema {})",
            db.display(),
            store.schema_version()?
        );
        Ok(Api {
            store: Mutex::new(store),
            runtime,
            sheets: Default::default(),
        })
    }

    pub fn from_store(store: Store, runtime: RuntimeInfo) -> Api {
        Api {
            store: Mutex::new(store),
            runtime,
            sheets: Default::default(),
        }
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave a half-written
        // transaction behind (SQLite rolls back), so recover the guard.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn runtime(&self) -> &RuntimeInfo {
        &self.runtime
    }

    /// Run one command by name with JSON arguments.
    pub fn dispatch(&self, command: &str, args: Value) -> Result<Value, ApiError> {
        log::debug!("command {command}");
        match command {
            "app_info" => json(app::app_info(self)),
            "choices" => json(Ok(app::choices())),
            "setup_office" => json(app::setup_office(self, parse(args)?)),
            "set_operator" => json(app::set_operator(self, parse(args)?)),
            "org_list" => json(orgs::list(self)),
            "org_create" => json(orgs::create(self, parse(args)?)),
            "org_update" => json(orgs::update(self, parse(args)?)),
            "org_delete" => json(orgs::delete(self, parse(args)?)),
            "member_create" => json(members::create(self, parse(args)?)),
            "member_list" => json(members::list(self, parse(args)?)),
            "member_get" => json(members::get(self, parse(args)?)),
            "member_update" => json(members::update(self, parse(args)?)),
            "member_reveal_id" => json(members::reveal_id(self, parse(args)?)),
            "member_history" => json(members::history(self, parse(args)?)),
            "member_transfer" => json(moves::transfer(self, parse(args)?)),
            "member_set_status" => json(moves::set_status(self, parse(args)?)),
            "member_verify" => json(moves::verify(self, parse(args)?)),
            "pool_list" => json(moves::pool(self, parse_opt(args)?)),
            "pool_route" => json(moves::pool_route(self, parse(args)?)),
            "employer_list" => json(moves::employers(self)),
            "employer_found_union" => json(moves::found_union(self, parse(args)?)),
            "settings_get" => json(app::settings_get(self)),
            "settings_set" => json(app::settings_set(self, parse(args)?)),
            "home_summary" => json(app::home_summary(self)),
            "sheet_choices" => json(Ok(sheets::choices())),
            "import_preview" => json(sheets::preview(self, parse(args)?)),
            "import_dry_run" => json(sheets::dry_run(self, parse(args)?)),
            "import_commit" => json(sheets::commit(self, parse(args)?)),
            "import_report_xlsx" => json(sheets::report(self, parse(args)?)),
            "export_members" => json(sheets::export_members(self, parse(args)?)),
            "roster_compare" => json(sheets::roster_compare(self, parse(args)?)),
            "roster_export_part" => json(sheets::roster_export(self, parse(args)?)),
            "print_settings_get" => json(print::settings_get(self)),
            "print_settings_set" => json(print::settings_set(self, parse(args)?)),
            "org_seal_set" => json(print::seal_set(self, parse(args)?)),
            "org_seal_get" => json(print::seal_get(self, parse(args)?)),
            "org_seal_clear" => json(print::seal_clear(self, parse(args)?)),
            "ceremony_create" => json(print::ceremonies::create(self, parse(args)?)),
            "ceremony_update" => json(print::ceremonies::update(self, parse(args)?)),
            "ceremony_list" => json(print::ceremonies::list(self, parse(args)?)),
            "ceremony_get" => json(print::ceremonies::get(self, parse(args)?)),
            "ceremony_delete" => json(print::ceremonies::delete(self, parse(args)?)),
            "ceremony_enrol" => json(print::ceremonies::enrol(self, parse(args)?)),
            "ceremony_add_attendees" => json(print::ceremonies::add_attendees(self, parse(args)?)),
            "ceremony_remove_attendees" => {
                json(print::ceremonies::remove_attendees(self, parse(args)?))
            }
            "print_candidates" => json(print::candidates(self, parse(args)?)),
            "print_certificates" => json(print::certificates(self, parse(args)?)),
            "print_poster" => json(print::poster(self, parse(args)?)),
            "print_application" => json(print::applications(self, parse(args)?)),
            "print_roster" => json(print::roster(self, parse(args)?)),
            "verify_certificate" => json(print::verify(self, parse(args)?)),
            "print_preview_path" => json(print::preview_path(self, parse(args)?)),
            other if outbound::COMMANDS.contains(&other) => outbound::dispatch(self, other, args),
            other if posts::COMMANDS.contains(&other) => posts::dispatch(self, other, args),
            other => Err(ApiError::new(
                ErrorCode::NotFound,
                format!("未知的命令：{other}"),
            )),
        }
    }

    // Typed entry points for the CLI.
    pub fn app_info(&self) -> Result<dto::AppInfo, ApiError> {
        app::app_info(self)
    }
    pub fn setup_office(&self, input: dto::SetupInput) -> Result<dto::AppInfo, ApiError> {
        app::setup_office(self, input)
    }
    pub fn member_create(&self, input: dto::MemberInput) -> Result<dto::MemberDetail, ApiError> {
        members::create(self, input)
    }
    pub fn member_list(&self, q: dto::MemberListQuery) -> Result<dto::MemberPage, ApiError> {
        members::list(self, q)
    }
    pub fn member_transfer(&self, input: dto::TransferInput) -> Result<dto::Count, ApiError> {
        moves::transfer(self, input)
    }
    pub fn employer_list(&self) -> Result<dto::EmployerList, ApiError> {
        moves::employers(self)
    }
    pub fn org_list(&self) -> Result<Vec<dto::Org>, ApiError> {
        orgs::list(self)
    }
    pub fn org_create(&self, input: dto::OrgInput) -> Result<dto::Org, ApiError> {
        orgs::create(self, input)
    }
    /// Resolve `--org` arguments: an org id or an exact org name.
    pub fn resolve_org(&self, key: &str) -> Result<dto::Org, ApiError> {
        orgs::resolve(self, key)
    }
}

fn parse<T: DeserializeOwned>(args: Value) -> Result<T, ApiError> {
    let args = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args
    };
    serde_json::from_value(args).map_err(|e| ApiError::bad_request(format!("参数格式不对：{e}")))
}

/// Arguments that may be absent altogether.
fn parse_opt<T: DeserializeOwned>(args: Value) -> Result<Option<T>, ApiError> {
    match &args {
        Value::Null => Ok(None),
        Value::Object(m) if m.is_empty() => Ok(None),
        _ => parse(args).map(Some),
    }
}

fn json<T: Serialize>(r: Result<T, ApiError>) -> Result<Value, ApiError> {
    let v = r?;
    serde_json::to_value(v).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}
