//! Where the app keeps its files, and logging to a file there.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};

use simplelog::{ConfigBuilder, LevelFilter, WriteLogger};

/// The per-user data directory (`directories`), e.g.
/// `~/.local/share/union-ledger` on Linux, `%APPDATA%\UnionLedger\union-ledger\data` on Windows.
/// `LEDGER_DATA_DIR` overrides it (tests, portable installs on a USB stick).
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("LEDGER_DATA_DIR") {
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
