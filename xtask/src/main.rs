//! Task runner for Union Ledger (工会台账).
//!
//! ```text
//! cargo xtask run         install what is missing, build, open the desktop window on a demo ledger
//! cargo xtask test        everything CI runs, in order, failing fast
//! cargo xtask gen-types   rewrite ui/src/api/types.ts from the Rust DTOs
//! cargo xtask dist-deb    build a release .deb (Linux)
//! cargo xtask dist-windows  cross-compile a Windows setup .exe (Linux, mingw + makensis)
//! ```
//!
//! Only `std` is used, so this crate builds in seconds on a fresh clone.

mod compile;
mod deps;
mod dist;
mod exec;
mod paths;
mod steps;
mod tasks;

use std::process::ExitCode;

use compile::*;
use deps::*;
use dist::*;
use exec::*;
use paths::*;
use steps::*;
use tasks::*;

type R<T> = Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((t, rest)) => (t.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match task {
        "run" => run(rest),
        "test" => test(rest),
        "gen-types" => gen_types(),
        "dist-deb" => dist_deb(),
        "dist-windows" => dist_windows(),
        "desktop-e2e" => desktop_e2e_only(),
        "help" | "-h" | "--help" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "\
Usage: cargo xtask <task> [options]

Tasks:
  run [--db PATH] [--no-install]
        Install missing system packages and npm modules, build the UI, the
        `ledger` CLI and the desktop app (UI embedded), create a demo ledger
        (<data dir>/demo.db) if there is none, and open the window on it.
        --db PATH opens that ledger instead of the demo.
  test [--no-install] [--keep-going]
        Everything CI runs, in order, stopping at the first failure:
        deps, rustfmt, UI typecheck/unit tests/build, clippy, cargo test,
        desktop build, browser e2e, desktop e2e (Xvfb + tauri-driver).
        --keep-going runs every step and lists the failures at the end.
  gen-types
        Rewrite ui/src/api/types.ts from the Rust DTOs.
  dist-deb
        Build a release .deb with the Tauri CLI (installer/package.json).
  dist-windows
        Cross-compile for x86_64-pc-windows-gnu and build a setup .exe with
        makensis (installer/windows/union-ledger.nsi).
  desktop-e2e
        Only the desktop smoke test, against the already built binary.

Environment: LEDGER_DATA_DIR overrides the data directory; CARGO_TARGET_DIR
is honoured.
";
