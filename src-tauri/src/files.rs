//! Native file dialogs and the system viewer, for the UI's saves and opens
//! (PDFs, spreadsheets). The browser build has no such commands: it uploads
//! and downloads instead.

use std::path::Path;

use ledger_api::{ApiError, ErrorCode};
use serde::Deserialize;

/// A filter row of a file dialog: `{name: "PDF", extensions: ["pdf"]}`.
#[derive(Debug, Deserialize)]
pub struct FileFilter {
    name: String,
    extensions: Vec<String>,
}

fn with_filters(mut d: rfd::AsyncFileDialog, filters: &[FileFilter]) -> rfd::AsyncFileDialog {
    for f in filters {
        let exts: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
        d = d.add_filter(&f.name, &exts);
    }
    d
}

/// A dialog that sits over the app's window (modal to it, centred on it).
fn dialog(window: &tauri::WebviewWindow) -> rfd::AsyncFileDialog {
    rfd::AsyncFileDialog::new().set_parent(window)
}

/// "Save as": the chosen path, or `None` when the cadre cancels.
#[tauri::command]
pub async fn save_file(
    window: tauri::WebviewWindow,
    default_name: String,
    filters: Vec<FileFilter>,
) -> Option<String> {
    let d = with_filters(dialog(&window).set_file_name(&default_name), &filters);
    d.save_file().await.map(|f| f.path().display().to_string())
}

/// "Open": the chosen path, or `None` when the cadre cancels.
#[tauri::command]
pub async fn open_file(window: tauri::WebviewWindow, filters: Vec<FileFilter>) -> Option<String> {
    let d = with_filters(dialog(&window), &filters);
    d.pick_file().await.map(|f| f.path().display().to_string())
}

/// Documents the app itself writes; nothing else is handed to the system.
const OPENABLE: [&str; 4] = ["pdf", "xlsx", "csv", "png"];

/// Open a document the app wrote in the system viewer (to print it).
#[tauri::command]
pub fn open_path(path: String) -> Result<(), ApiError> {
    let p = Path::new(&path);
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !OPENABLE.contains(&ext.as_str()) || !p.is_file() {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            format!("无法打开：{path}（只能打开本程序生成的 PDF、表格或图片）"),
        ));
    }
    let spawned = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd")
            .args(["/C", "start", ""])
            .arg(p)
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(p).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(p).spawn()
    };
    spawned.map(|_| ()).map_err(|e| {
        log::error!("open {path}: {e}");
        ApiError::new(
            ErrorCode::Internal,
            format!("文件已保存在 {path}，但无法用系统程序打开它：{e}"),
        )
    })
}
