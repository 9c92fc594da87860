//! Union Ledger (工会台账): the desktop window.
//!
//! A thin shell: it opens the ledger with `ledger_api`, shows the UI from
//! `ui/dist` in a Tauri window, and forwards one command, `api`, to
//! [`Api::dispatch`]. All rules live in the ledger crates.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
// The unit-test build has no window, so the commands it would register are unused there.
#![cfg_attr(test, allow(dead_code))]

mod files;

use std::path::PathBuf;
use std::sync::Arc;

use ledger_api::{Api, ApiError, ErrorCode, RuntimeInfo};
use serde_json::Value;

/// Where this run keeps its ledger and log.
struct Paths {
    data_dir: PathBuf,
    db: PathBuf,
    log_file: Option<PathBuf>,
}

/// `LEDGER_DATA_DIR` (else the per-user data directory) and `LEDGER_DB`
/// (else `ledger.db` in the data directory).
fn paths() -> Paths {
    let data_dir = ledger_api::env::data_dir();
    let log_file = ledger_api::env::init_logging(&data_dir)
        .map_err(|e| eprintln!("工会台账：无法写日志到 {}：{e}", data_dir.display()))
        .ok();
    let db = std::env::var_os("LEDGER_DB")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| ledger_api::env::default_db(&data_dir));
    Paths {
        data_dir,
        db,
        log_file,
    }
}

/// What a cadre reads when the ledger cannot be opened.
fn open_failure_message(db: &std::path::Path, e: &ApiError) -> String {
    let advice = match e.code {
        ErrorCode::SchemaTooNew => {
            "这个台账文件已被更新版本的工会台账使用过。请向县总工会或技术支持索取最新版本的安装包。"
        }
        _ => "请检查文件是否被其他程序占用、磁盘是否已满，或把日志文件发给技术支持。",
    };
    format!(
        "无法打开台账文件：\n{}\n\n{}\n\n{}",
        db.display(),
        e.message,
        advice
    )
}

/// The one command the UI calls: `invoke('api', {command, args})`.
///
/// Runs on Tauri's async runtime and moves the (synchronous, SQLite-bound)
/// work to a blocking thread, so the window never waits on the database.
#[tauri::command]
async fn api(
    state: tauri::State<'_, Arc<Api>>,
    command: String,
    args: Value,
) -> Result<Value, ApiError> {
    let api = Arc::clone(&state);
    tauri::async_runtime::spawn_blocking(move || api.dispatch(&command, args))
        .await
        .unwrap_or_else(|e| {
            log::error!("command panicked: {e}");
            Err(ApiError::new(
                ErrorCode::Internal,
                "程序内部错误，操作没有完成；详情见日志文件",
            ))
        })
}

const USAGE: &str = "\
工会台账 (Union Ledger) desktop window

Usage: union-ledger [--version | --help]

Environment:
  LEDGER_DATA_DIR  data directory (default: the per-user data directory)
  LEDGER_DB        ledger file (default: ledger.db in the data directory)
";

fn main() {
    // Answered without opening the ledger or a window (support, packaging
    // checks, and the integration test that makes `cargo test` build the binary).
    match std::env::args().nth(1).as_deref() {
        Some("--version" | "-V") => {
            println!("union-ledger {}", env!("CARGO_PKG_VERSION"));
            return;
        }
        Some("--help" | "-h") => {
            print!("{USAGE}");
            return;
        }
        _ => {}
    }
    let paths = paths();
    log::info!(
        "union-ledger {} starting; data dir {}",
        env!("CARGO_PKG_VERSION"),
        paths.data_dir.display()
    );
    let runtime = RuntimeInfo {
        data_dir: Some(paths.data_dir.clone()),
        log_file: paths.log_file.clone(),
        transport: "desktop".into(),
    };
    let ledger = match Api::open(&paths.db, runtime) {
        Ok(ledger) => Arc::new(ledger),
        Err(e) => {
            let text = open_failure_message(&paths.db, &e);
            log::error!("cannot open {}: {e}", paths.db.display());
            eprintln!("{text}");
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title("工会台账 — 无法打开台账")
                .set_description(&text)
                .set_buttons(rfd::MessageButtons::OkCustom("确定".into()))
                .show();
            std::process::exit(2);
        }
    };

    let result = run_window(ledger);
    if let Err(e) = result {
        log::error!("window failed: {e}");
        eprintln!("工会台账：窗口无法启动：{e}");
        std::process::exit(1);
    }
}

/// The window. Only the binary expands `generate_context!`: when the unit-test
/// target expanded it too, cargo compiled both at once and tauri-codegen's
/// asset cache (one file per content hash, never rewritten) could be read
/// half-written, embedding a truncated UI.
#[cfg(not(test))]
fn run_window(ledger: Arc<Api>) -> tauri::Result<()> {
    tauri::Builder::default()
        .manage(ledger)
        .invoke_handler(tauri::generate_handler![
            api,
            files::save_file,
            files::open_file,
            files::open_path
        ])
        .run(tauri::generate_context!())
}

#[cfg(test)]
fn run_window(_ledger: Arc<Api>) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_too_new_tells_the_cadre_to_upgrade() {
        let e = ApiError::new(ErrorCode::SchemaTooNew, "数据库版本 9 高于本程序支持的 1");
        let text = open_failure_message(std::path::Path::new("/x/ledger.db"), &e);
        assert!(text.contains("/x/ledger.db"));
        assert!(text.contains("数据库版本 9"));
        assert!(text.contains("最新版本的安装包"));
    }
}
