//! The built `union-ledger` binary. Having an integration test also makes
//! `cargo test` build the binary itself (with the same features as the test
//! run), which `cargo xtask test` then drives in the desktop smoke test.

use std::process::Command;

#[test]
fn answers_version_without_opening_a_window() {
    let out = Command::new(env!("CARGO_BIN_EXE_union-ledger"))
        .arg("--version")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run union-ledger");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("union-ledger {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_names_the_environment_variables() {
    let out = Command::new(env!("CARGO_BIN_EXE_union-ledger"))
        .arg("--help")
        .output()
        .expect("run union-ledger");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("LEDGER_DB") && text.contains("LEDGER_DATA_DIR"));
}
