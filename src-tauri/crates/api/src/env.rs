//! Where the app keeps its files, and logging to a file there.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};

use simplelog::{ConfigBuilder, LevelFilter, WriteLogger};

/// The per-user data directory (`directories`), e.g.
/// `~/.local/share/union-ledger` on Linux, `%APPDATA%\UnionLedger\union-ledger\data` on Windows.
/// `LEDGER_DATA_DIR` overrides it (tests, portable installs on a USB stick);
/// set but empty, it is ignored rather than meaning the current directory.
pub fn data_dir() -> PathBuf {
    data_dir_from(std::env::var_os("LEDGER_DATA_DIR"))
}

fn data_dir_from(over: Option<std::ffi::OsString>) -> PathBuf {
    if let Some(dir) = over.filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("cn", "UnionLedger", "union-ledger")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("union-ledger-data"))
}

/// The ledger file used when none is named.
pub fn default_db(dir: &Path) -> PathBuf {
    dir.join("ledger.db")
}

/// Send `log` records to `<dir>/logs/ledger.log` (appending). Returns the
/// file's path. Calling it twice is harmless.
pub fn init_logging(dir: &Path) -> std::io::Result<PathBuf> {
    let logs = dir.join("logs");
    fs::create_dir_all(&logs)?;
    let file = logs.join("ledger.log");
    let handle = OpenOptions::new().create(true).append(true).open(&file)?;
    let config = ConfigBuilder::new()
        .set_time_format_rfc3339()
        .add_filter_allow_str("ledger")
        .add_filter_allow_str("union_ledger")
        .build();
    let _ = WriteLogger::init(LevelFilter::Info, config, handle);
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_override_falls_back_to_the_user_data_dir() {
        assert_eq!(
            data_dir_from(Some("/tmp/x".into())),
            PathBuf::from("/tmp/x")
        );
        let fallback = data_dir_from(Some("".into()));
        assert_ne!(fallback, PathBuf::from(""));
        assert_eq!(fallback, data_dir_from(None));
    }
}
