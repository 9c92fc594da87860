//! The two shipped fonts, loaded once per process.
//!
//! Where they come from, first match wins:
//! 1. the folder in `LEDGER_FONTS_DIR` (an override for support);
//! 2. the folder given to [`set_fonts_dir`] (e.g. the desktop app's
//!    resource folder), if it holds both files;
//! 3. with the feature `bundled-fonts`: the fonts compiled into the binary;
//! 4. otherwise a folder beside the executable (`fonts/`, `assets/fonts/`,
//!    `resources/fonts/`, `../share/union-ledger/fonts/`,
//!    `../lib/union-ledger/fonts/`), then the checkout's `assets/fonts`
//!    (development and `cargo test`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use ledger_print::{Fonts, SANS_FILE, SERIF_FILE};

use crate::{ApiError, ErrorCode};

/// The environment variable naming a folder with the two font files.
pub const FONTS_ENV: &str = "LEDGER_FONTS_DIR";

static FONTS: Mutex<Option<Arc<Fonts>>> = Mutex::new(None);
static FONTS_DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Tell printing where the font files are (the desktop app's resource
/// folder). Call it before the first document; with the `bundled-fonts`
/// feature it is only needed to override the built-in fonts.
pub fn set_fonts_dir(dir: impl Into<PathBuf>) {
    *FONTS_DIR.lock().unwrap_or_else(|p| p.into_inner()) = Some(dir.into());
}

/// Parse the fonts on a background thread, so that the first document does
/// not wait for them (about a second on an old PC).
pub fn warm_fonts() {
    let loaded = FONTS.lock().unwrap_or_else(|p| p.into_inner()).is_some();
    if !loaded {
        std::thread::spawn(|| {
            if let Err(e) = fonts() {
                log::warn!("fonts: {}", e.message);
            }
        });
    }
}

/// The fonts, parsed on first use and shared from then on. A failure is not
/// remembered: the next document tries again.
pub(crate) fn fonts() -> Result<Arc<Fonts>, ApiError> {
    let mut slot = FONTS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(f) = slot.as_ref() {
        return Ok(Arc::clone(f));
    }
    let started = Instant::now();
    let (fonts, from) = load()?;
    log::info!(
        "fonts loaded from {from} in {} ms",
        started.elapsed().as_millis()
    );
    *slot = Some(Arc::clone(&fonts));
    Ok(fonts)
}

fn has_fonts(dir: &Path) -> bool {
    dir.join(SERIF_FILE).is_file() && dir.join(SANS_FILE).is_file()
}

fn from_dir(dir: &Path) -> Result<(Arc<Fonts>, String), ApiError> {
    Fonts::from_dir(dir)
        .map(|f| (Arc::new(f), dir.display().to_string()))
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("打印字体无法读取（{}）：{e}", dir.display()),
            )
        })
}

fn load() -> Result<(Arc<Fonts>, String), ApiError> {
    if let Some(dir) = std::env::var_os(FONTS_ENV).filter(|s| !s.is_empty()) {
        let dir = PathBuf::from(dir);
        if !has_fonts(&dir) {
            return Err(ApiError::new(
                ErrorCode::Internal,
                format!(
                    "环境变量 {FONTS_ENV} 指向的文件夹 {} 中没有 {SERIF_FILE} 和 {SANS_FILE}",
                    dir.display()
                ),
            ));
        }
        return from_dir(&dir);
    }
    let given = FONTS_DIR.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if let Some(dir) = given.filter(|d| has_fonts(d)) {
        return from_dir(&dir);
    }
    fallback()
}

#[cfg(feature = "bundled-fonts")]
fn fallback() -> Result<(Arc<Fonts>, String), ApiError> {
    Ok((Fonts::bundled(), "the binary".into()))
}

#[cfg(not(feature = "bundled-fonts"))]
fn fallback() -> Result<(Arc<Fonts>, String), ApiError> {
    let dirs = search_dirs();
    match dirs.iter().find(|d| has_fonts(d)) {
        Some(dir) => from_dir(dir),
        None => Err(ApiError::new(
            ErrorCode::Internal,
            format!(
                "找不到打印用的字体文件 {SERIF_FILE}、{SANS_FILE}（已查找：{}）。请重新安装工会台账，或用环境变量 {FONTS_ENV} 指定字体所在的文件夹",
                dirs.iter()
                    .map(|d| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join("；")
            ),
        )),
    }
}

/// Folders searched when the fonts are not built in.
#[cfg(not(feature = "bundled-fonts"))]
fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
    {
        for rel in [
            "fonts",
            "assets/fonts",
            "resources/fonts",
            "../share/union-ledger/fonts",
            "../lib/union-ledger/fonts",
        ] {
            dirs.push(exe_dir.join(rel));
        }
    }
    dirs.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/fonts"
    )));
    dirs
}
