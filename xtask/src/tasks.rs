//! The tasks: run, test (the CI steps), the e2e runners, gen-types.

use super::*;
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) fn run(args: &[String]) -> R<()> {
    let mut db: Option<PathBuf> = None;
    let mut install = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--db" => db = Some(PathBuf::from(it.next().ok_or("--db needs a path")?)),
            "--no-install" => install = false,
            other => return Err(format!("run: unknown option `{other}`")),
        }
    }
    check_display()?;
    let mut steps = Steps::new(4);
    if install {
        steps.step("install missing dependencies", || install_deps(false))?;
    } else {
        steps.step("install missing dependencies", || {
            ensure_npm(&root().join("ui")).map(|n| format!("apt skipped (--no-install); {n}"))
        })?;
    }
    steps.step("build the UI (npm run build)", build_ui)?;
    steps.step("build ledger + union-ledger (UI embedded)", build_binaries)?;
    let dir = data_dir();
    let db = match db {
        Some(db) => db,
        None => dir.join("demo.db"),
    };
    steps.step("demo ledger", || demo_db(&db))?;
    steps.print_table();

    println!("\n==> opening 工会台账 on {}", db.display());
    println!(
        "    data dir {}  (log: {})",
        dir.display(),
        dir.join("logs/ledger.log").display()
    );
    let mut c = Command::new(desktop_bin());
    c.env("LEDGER_DB", &db);
    let status = c
        .status()
        .map_err(|e| format!("cannot start {}: {e}", desktop_bin().display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the app exited with {status}"))
    }
}

pub(crate) fn demo_db(db: &Path) -> R<String> {
    if db.exists() {
        return Ok(format!("{} exists; left as it is", db.display()));
    }
    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut c = Command::new(ledger_bin());
    c.arg("--db").arg(db).arg("demo");
    println!("$ {}", describe(&c));
    let out = c
        .output()
        .map_err(|e| format!("cannot start ledger: {e}"))?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    if out.status.success() {
        return Ok(format!("created {}", db.display()));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("unrecognized subcommand") || err.contains("unexpected argument") {
        println!(
            "\n!!! `ledger demo` does not exist yet in this build: SKIPPED creating demo data.\n\
             !!! The window opens on an empty ledger at {} (first-run wizard).\n",
            db.display()
        );
        return Ok("skipped: `ledger demo` not available".into());
    }
    eprint!("{err}");
    Err(format!("`ledger demo` failed ({})", out.status))
}

pub(crate) fn test(args: &[String]) -> R<()> {
    let mut install = true;
    let mut steps = Steps::new(11);
    for a in args {
        match a.as_str() {
            "--no-install" => install = false,
            "--keep-going" => steps.keep_going = true,
            other => return Err(format!("test: unknown option `{other}`")),
        }
    }
    let ui = root().join("ui");

    steps.step("install missing dependencies", || {
        if install {
            install_deps(true)
        } else {
            Ok("skipped (--no-install)".into())
        }
    })?;
    steps.step("cargo fmt --all --check", || {
        run_cmd(cmd("cargo", &["fmt", "--all", "--check"])).map(|_| "ok".into())
    })?;
    steps.step("ui: npm run typecheck", || {
        ensure_npm(&ui)?;
        run_cmd(npm_in("ui", &["run", "typecheck"])).map(|_| "ok".into())
    })?;
    steps.step("ui: npm test (vitest)", || {
        let lines = run_tests(npm_in("ui", &["test"]))?;
        Ok(last_or(&lines, "ok (no summary line seen)"))
    })?;
    // Before clippy: the desktop crate embeds ui/dist when built with
    // `custom-protocol`, and every cargo step below uses that feature so the
    // tauri dependency tree is compiled once for clippy and once for the
    // test/build profile, never twice.
    steps.step("ui: npm run build", build_ui)?;
    steps.step("cargo clippy --workspace --all-targets -D warnings", || {
        run_cmd(cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--features",
                DESKTOP_FEATURES,
                "--",
                "-D",
                "warnings",
            ],
        ))
        .map(|_| "ok".into())
    })?;
    let tests_started = std::time::SystemTime::now();
    steps.step("cargo test --workspace", || {
        let lines = run_tests(cmd(
            "cargo",
            &["test", "--workspace", "--features", DESKTOP_FEATURES],
        ))?;
        Ok(cargo_totals(&lines).unwrap_or_else(|| "ok (no `test result:` line seen)".into()))
    })?;
    steps.step("ledger + union-ledger binaries (UI embedded)", || {
        binaries_from_tests(tests_started)
    })?;
    steps.step("browser e2e (tests/e2e/browser)", browser_e2e)?;
    steps.step("desktop e2e (tests/e2e/desktop)", desktop_e2e)?;
    steps.step("git: generated files unchanged", generated_unchanged)?;
    steps.print_table();
    if !steps.failures.is_empty() {
        return Err(format!(
            "{} of {} steps failed:\n  {}",
            steps.failures.len(),
            steps.total,
            steps.failures.join("\n  ")
        ));
    }
    println!("xtask test: all {} steps passed", steps.total);
    Ok(())
}

pub(crate) fn last_or(lines: &[String], default: &str) -> String {
    if lines.is_empty() {
        default.to_string()
    } else {
        lines.join(" | ")
    }
}

pub(crate) fn e2e_env(c: &mut Command) {
    c.env("UNION_LEDGER_BIN", desktop_bin())
        .env("LEDGER_BIN", ledger_bin())
        .env("UI_DIST", root().join("ui/dist"));
}

pub(crate) fn browser_e2e() -> R<String> {
    let dir = root().join("tests/e2e/browser");
    if !dir.join("package.json").is_file() {
        println!(
            "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
             !!! SKIPPED: tests/e2e/browser/package.json is not present: no browser e2e run\n\
             !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        );
        return Ok("SKIPPED: not present".into());
    }
    ensure_npm(&dir)?;
    let mut c = npm_in("tests/e2e/browser", &["test"]);
    e2e_env(&mut c);
    let lines = run_tests(c)?;
    Ok(last_or(&lines, "ok (no summary line seen)"))
}

pub(crate) fn desktop_e2e() -> R<String> {
    if !cfg!(target_os = "linux") {
        return Ok(format!(
            "SKIPPED: the desktop smoke test drives WebKitWebDriver (Linux); this is {}",
            std::env::consts::OS
        ));
    }
    let mut c = cmd("node", &["tests/e2e/desktop/smoke.mjs"]);
    e2e_env(&mut c);
    let lines = run_tests(c)?;
    Ok(last_or(&lines, "ok (no summary line seen)"))
}

pub(crate) fn desktop_e2e_only() -> R<()> {
    let mut steps = Steps::new(1);
    steps.step("desktop e2e (tests/e2e/desktop)", desktop_e2e)?;
    steps.print_table();
    Ok(())
}

/// The UI types are generated from Rust; a build must not change tracked files.
pub(crate) fn generated_unchanged() -> R<String> {
    if on_path("git").is_none() || !root().join(".git").exists() {
        return Ok("skipped: not a git checkout".into());
    }
    let out = cmd(
        "git",
        &["status", "--porcelain", "--", "ui/src/api/types.ts"],
    )
    .output()
    .map_err(|e| e.to_string())?;
    let changed = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if changed.is_empty() {
        Ok("ok".into())
    } else {
        Err(format!("generated file changed during the run: {changed}"))
    }
}

pub(crate) fn gen_types() -> R<()> {
    let mut c = cmd("cargo", &["test", "--package", "ledger-api", "bindings"]);
    c.env("UPDATE_TYPES", "1");
    run_cmd(c)?;
    println!("ui/src/api/types.ts is up to date");
    Ok(())
}
