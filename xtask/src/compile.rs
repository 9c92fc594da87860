//! Build pieces: the UI bundle and the binaries.

use super::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Cargo features for every build that must embed `ui/dist` (and so share
/// one set of compiled dependencies between clippy, test and build).
pub(crate) const DESKTOP_FEATURES: &str = "union-ledger/custom-protocol";

pub(crate) fn npm_in(dir: &str, args: &[&str]) -> Command {
    let mut c = cmd("npm", args);
    c.current_dir(root().join(dir));
    c
}

pub(crate) fn build_ui() -> R<String> {
    run_cmd(npm_in("ui", &["run", "build"]))?;
    let index = root().join("ui/dist/index.html");
    if !index.is_file() {
        return Err(format!("{} was not produced", index.display()));
    }
    Ok("ui/dist built".into())
}

pub(crate) fn build_binaries() -> R<String> {
    run_cmd(cmd(
        "cargo",
        &[
            "build",
            "--package",
            "ledger-cli",
            "--package",
            "union-ledger",
            "--features",
            DESKTOP_FEATURES,
        ],
    ))?;
    Ok(format!(
        "{} and {}",
        ledger_bin().display(),
        desktop_bin().display()
    ))
}

/// `cargo test` builds the binaries of packages with integration tests
/// (ledger-cli and union-ledger have some), with the test run's features,
/// into the same place as `cargo build`. Building them again with
/// `cargo build -p ...` would unify features differently and recompile a
/// few dozen crates, so use those; fall back to a build if one is missing.
pub(crate) fn binaries_from_tests(since: std::time::SystemTime) -> R<String> {
    let fresh = |p: &Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .map(|t| t >= since)
            .unwrap_or(false)
    };
    let missing: Vec<PathBuf> = [ledger_bin(), desktop_bin()]
        .into_iter()
        .filter(|p| !p.is_file())
        .collect();
    if missing.is_empty() {
        let note = if fresh(&ledger_bin()) && fresh(&desktop_bin()) {
            "built by cargo test"
        } else {
            "up to date (cargo test had nothing to rebuild)"
        };
        return Ok(format!(
            "{note}: {}, {}",
            ledger_bin().display(),
            desktop_bin().display()
        ));
    }
    println!(
        "cargo test did not leave {:?}; building them",
        missing
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
    );
    build_binaries()
}

pub(crate) fn check_display() -> R<()> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    let set = |v: &str| std::env::var_os(v).is_some_and(|s| !s.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        Ok(())
    } else {
        Err("there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window \
             cannot open.\n  On a desktop session this is set for you. On a server or over SSH, run it \
             under a virtual display:\n      xvfb-run -a cargo xtask run\n  (`apt-get install xvfb xauth`), \
             or use `ssh -X`."
            .into())
    }
}
