//! Where things are: the repository, the target directory, the binaries, the data directory.

use std::path::{Path, PathBuf};

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

pub(crate) fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => {
            let d = PathBuf::from(d);
            if d.is_absolute() {
                d
            } else {
                root().join(d)
            }
        }
        _ => root().join("target"),
    }
}

pub(crate) fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

pub(crate) fn desktop_bin() -> PathBuf {
    target_dir().join("debug").join(exe("union-ledger"))
}

pub(crate) fn ledger_bin() -> PathBuf {
    target_dir().join("debug").join(exe("ledger"))
}

/// The app's data directory, as `ledger_api::env::data_dir()` computes it
/// (`directories::ProjectDirs::from("cn", "UnionLedger", "union-ledger")`).
/// Kept in step by hand so that xtask needs no dependencies.
pub(crate) fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("LEDGER_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    let home = || {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
    };
    if cfg!(windows) {
        let appdata = std::env::var_os("APPDATA")
            .map(PathBuf::from)
            .unwrap_or_default();
        appdata
            .join("UnionLedger")
            .join("union-ledger")
            .join("data")
    } else if cfg!(target_os = "macos") {
        home().join("Library/Application Support/cn.UnionLedger.union-ledger")
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| home().join(".local/share"))
            .join("union-ledger")
    }
}
