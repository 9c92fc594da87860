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

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

type R<T> = Result<T, String>;

/// Debian/Ubuntu packages needed to build and run the desktop app.
const APT_BUILD: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "fonts-noto-cjk",
];

/// Extra packages the tests need: a virtual display, the WebKit WebDriver,
/// a browser for the browser e2e tests, tools to look at PDFs and QR codes.
const APT_TEST: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "imagemagick",
    "chromium",
    "poppler-utils",
    "zbar-tools",
];

/// Cargo features for every build that must embed `ui/dist` (and so share
/// one set of compiled dependencies between clippy, test and build).
const DESKTOP_FEATURES: &str = "union-ledger/custom-protocol";

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

// ---------------------------------------------------------------------------
// Paths

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
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

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

fn desktop_bin() -> PathBuf {
    target_dir().join("debug").join(exe("union-ledger"))
}

fn ledger_bin() -> PathBuf {
    target_dir().join("debug").join(exe("ledger"))
}

/// The app's data directory, as `ledger_api::env::data_dir()` computes it
/// (`directories::ProjectDirs::from("cn", "UnionLedger", "union-ledger")`).
/// Kept in step by hand so that xtask needs no dependencies.
fn data_dir() -> PathBuf {
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

// ---------------------------------------------------------------------------
// Running commands

fn program(name: &str) -> String {
    // npm and npx are batch files on Windows.
    if cfg!(windows) && matches!(name, "npm" | "npx") {
        format!("{name}.cmd")
    } else {
        name.to_string()
    }
}

fn cmd(prog: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program(prog));
    c.args(args).current_dir(root());
    c
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    if let Some(dir) = c.get_current_dir() {
        if let Ok(rel) = dir.strip_prefix(root()) {
            if !rel.as_os_str().is_empty() {
                s = format!("(cd {}) {s}", rel.display());
            }
        }
    }
    s
}

/// Run with inherited output; fail on a non-zero exit.
fn run_cmd(mut c: Command) -> R<()> {
    let what = describe(&c);
    println!("$ {what}");
    let status = c
        .status()
        .map_err(|e| format!("cannot start `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Run, echo every line, and return the lines that summarise a test run
/// (cargo's `test result:`, vitest/playwright/node totals).
fn run_tests(mut c: Command) -> R<Vec<String>> {
    let what = describe(&c);
    println!("$ {what}");
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start `{what}`: {e}"))?;
    let (tx, rx) = mpsc::channel::<String>();
    let pump = |r: Box<dyn Read + Send>, tx: mpsc::Sender<String>, err: bool| {
        std::thread::spawn(move || {
            for line in BufReader::new(r).split(b'\n').map_while(Result::ok) {
                let line = String::from_utf8_lossy(&line).trim_end().to_string();
                if err {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
                let _ = tx.send(line);
            }
        })
    };
    let a = pump(
        Box::new(child.stdout.take().expect("piped")),
        tx.clone(),
        false,
    );
    let b = pump(Box::new(child.stderr.take().expect("piped")), tx, true);
    let mut summary = Vec::new();
    for line in rx {
        let plain = strip_ansi(&line);
        if is_summary_line(&plain) {
            summary.push(plain.trim().to_string());
        }
    }
    let _ = a.join();
    let _ = b.join();
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(summary)
    } else {
        for s in &summary {
            println!("  {s}");
        }
        Err(format!("`{what}` failed ({status})"))
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // ESC [ ... final byte in @..~
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn is_summary_line(l: &str) -> bool {
    let t = l.trim_start();
    t.starts_with("test result:")
        || t.starts_with("Tests ")
        || t.starts_with("Test Files ")
        || t.starts_with("# pass")
        || t.starts_with("# fail")
        || t.starts_with("ℹ pass")
        || t.starts_with("ℹ fail")
        || t.starts_with("SMOKE ")
        || (t.contains(" passed") && (t.contains(" failed") || t.ends_with(')')) && t.len() < 120)
}

/// Add up cargo's `test result: ok. 12 passed; 0 failed; 1 ignored; ...` lines.
fn cargo_totals(lines: &[String]) -> Option<String> {
    let mut n = [0u64; 3];
    let mut found = false;
    for l in lines.iter().filter(|l| l.starts_with("test result:")) {
        found = true;
        for (i, word) in ["passed", "failed", "ignored"].iter().enumerate() {
            if let Some(pos) = l.find(&format!(" {word}")) {
                let num: String = l[..pos]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                n[i] += num.parse::<u64>().unwrap_or(0);
            }
        }
    }
    found.then(|| {
        format!(
            "cargo test: {} passed, {} failed, {} ignored ({} test binaries)",
            n[0],
            n[1],
            n[2],
            lines
                .iter()
                .filter(|l| l.starts_with("test result:"))
                .count()
        )
    })
}

fn on_path(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let names: Vec<String> = if cfg!(windows) {
        vec![
            format!("{name}.exe"),
            format!("{name}.cmd"),
            name.to_string(),
        ]
    } else {
        vec![name.to_string()]
    };
    dirs.iter()
        .flat_map(|d| names.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

// ---------------------------------------------------------------------------
// Steps with banners and a closing table

struct Steps {
    done: Vec<(String, Duration, String)>,
    started: Instant,
    total: usize,
    /// Run the remaining steps after a failure (`--keep-going`).
    keep_going: bool,
    failures: Vec<String>,
}

impl Steps {
    fn new(total: usize) -> Steps {
        Steps {
            done: Vec::new(),
            started: Instant::now(),
            total,
            keep_going: false,
            failures: Vec::new(),
        }
    }

    /// Run one step. `f` returns a short note for the table ("ok", a test
    /// summary, "skipped: ...").
    fn step(&mut self, name: &str, f: impl FnOnce() -> R<String>) -> R<()> {
        let n = self.done.len() + 1;
        let line = "=".repeat(78);
        println!("\n{line}\n==> [{n}/{}] {name}\n{line}", self.total);
        let t = Instant::now();
        let result = f();
        let took = t.elapsed();
        match result {
            Ok(note) => {
                println!(
                    "<== [{n}/{}] {name}: {note} ({})",
                    self.total,
                    fmt_dur(took)
                );
                self.done.push((name.to_string(), took, note));
                Ok(())
            }
            Err(e) => {
                self.done
                    .push((name.to_string(), took, "FAILED".to_string()));
                let msg = format!("step [{n}/{}] `{name}` failed: {e}", self.total);
                if self.keep_going {
                    println!(
                        "<== [{n}/{}] {name}: FAILED ({}); going on (--keep-going)",
                        self.total,
                        fmt_dur(took)
                    );
                    self.failures.push(msg);
                    return Ok(());
                }
                self.print_table();
                Err(msg)
            }
        }
    }

    fn print_table(&self) {
        let mut s = String::new();
        let w = self
            .done
            .iter()
            .map(|d| d.0.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let _ = writeln!(s, "\n{}", "-".repeat(78));
        let _ = writeln!(s, "{:<w$}  {:>8}  result", "step", "time");
        for (name, took, note) in &self.done {
            let pad = w - name.chars().count() + name.len();
            let _ = writeln!(s, "{name:<pad$}  {:>8}  {note}", fmt_dur(*took));
        }
        let _ = writeln!(s, "{:<w$}  {:>8}", "total", fmt_dur(self.started.elapsed()));
        let _ = write!(s, "{}", "-".repeat(78));
        println!("{s}");
    }
}

fn fmt_dur(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

// ---------------------------------------------------------------------------
// Dependencies

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn apt_missing(pkgs: &[&str]) -> Vec<String> {
    pkgs.iter()
        .filter(|p| {
            let out = Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .stderr(Stdio::null())
                .output();
            !matches!(out, Ok(o) if o.status.success()
                && String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .map(|p| p.to_string())
        .collect()
}

/// apt-get install the packages `dpkg` does not know, with sudo if needed.
fn ensure_apt(pkgs: &[&str]) -> R<String> {
    if !cfg!(target_os = "linux") {
        return Ok(format!("skipped: not Linux ({})", std::env::consts::OS));
    }
    if on_path("dpkg-query").is_none() || on_path("apt-get").is_none() {
        return Ok(format!(
            "skipped: no dpkg/apt-get; install the equivalents of: {}",
            pkgs.join(" ")
        ));
    }
    let missing = apt_missing(pkgs);
    if missing.is_empty() {
        return Ok(format!("{} apt packages present", pkgs.len()));
    }
    println!("missing apt packages: {}", missing.join(" "));
    let sudo = !is_root();
    if sudo && on_path("sudo").is_none() {
        return Err(format!(
            "not root and no sudo: install as root: apt-get install {}",
            missing.join(" ")
        ));
    }
    let apt = |args: &[&str]| {
        let mut c = if sudo {
            let mut c = cmd(
                "sudo",
                &["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"],
            );
            c.args(args);
            c
        } else {
            let mut c = cmd("apt-get", args);
            c.env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        c.current_dir(root());
        c
    };
    run_cmd(apt(&["update"]))?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(missing.iter().map(String::as_str));
    run_cmd(apt(&install))?;
    Ok(format!("installed {}", missing.join(" ")))
}

fn ensure_toolchain() -> R<()> {
    let node = Command::new(program("node")).arg("--version").output();
    match node {
        Ok(o) if o.status.success() => {
            let v = String::from_utf8_lossy(&o.stdout).trim().to_string();
            let mut parts = v.trim_start_matches('v').split('.');
            let mut num = || {
                parts
                    .next()
                    .and_then(|p| p.parse::<u32>().ok())
                    .unwrap_or(0)
            };
            let (major, minor) = (num(), num());
            // Vite 8 needs Node.js 20.19+ (or 22.12+).
            if major < 20 || (major == 20 && minor < 19) || (major == 22 && minor < 12) {
                return Err(format!(
                    "Node.js {v} is too old: install Node.js 20.19+ or 22.12+ (https://nodejs.org)"
                ));
            }
            println!("node {v}");
        }
        _ => {
            return Err(
                "Node.js is not installed: install Node.js 20.19+ or 22.12+ \
                        (https://nodejs.org; on Windows the LTS installer)"
                    .into(),
            )
        }
    }
    for comp in ["rustfmt", "clippy"] {
        let probe = if comp == "rustfmt" { "fmt" } else { "clippy" };
        let ok = Command::new("cargo")
            .args([probe, "--version"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            if on_path("rustup").is_some() {
                run_cmd(cmd("rustup", &["component", "add", comp]))?;
            } else {
                return Err(format!(
                    "cargo {probe} is missing: install the `{comp}` component"
                ));
            }
        }
    }
    Ok(())
}

/// `npm ci` in `dir` when node_modules is missing or package-lock.json
/// changed since the last install (a copy is kept in node_modules). A folder
/// without a lock file (installer/, whose only dependency is pinned exactly)
/// gets `npm install` when package.json changed.
fn ensure_npm(dir: &Path) -> R<String> {
    let rel = dir
        .strip_prefix(root())
        .unwrap_or(dir)
        .display()
        .to_string();
    let lock = dir.join("package-lock.json");
    let locked = lock.is_file();
    let manifest = if locked {
        lock
    } else {
        dir.join("package.json")
    };
    let stamp = dir.join("node_modules").join(".xtask-installed-from");
    let text = std::fs::read(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    if std::fs::read(&stamp).ok().as_ref() == Some(&text) {
        return Ok(format!("{rel}: node_modules up to date"));
    }
    let mut c = cmd("npm", &[]);
    c.current_dir(dir);
    if locked {
        c.args(["ci", "--no-audit", "--no-fund"]);
    } else {
        c.args(["install", "--no-audit", "--no-fund", "--no-package-lock"]);
    }
    run_cmd(c)?;
    std::fs::write(&stamp, text).map_err(|e| e.to_string())?;
    Ok(format!("{rel}: npm modules installed"))
}

fn ensure_tauri_driver() -> R<String> {
    if !cfg!(target_os = "linux") {
        return Ok("tauri-driver: skipped (desktop e2e runs on Linux only)".into());
    }
    if let Some(p) = on_path("tauri-driver") {
        return Ok(format!("tauri-driver at {}", p.display()));
    }
    run_cmd(cmd(
        "cargo",
        &["install", "tauri-driver", "--locked", "--version", "^2"],
    ))?;
    Ok("tauri-driver installed".into())
}

fn install_deps(for_tests: bool) -> R<String> {
    let mut notes = Vec::new();
    let mut pkgs: Vec<&str> = APT_BUILD.to_vec();
    if for_tests {
        pkgs.extend_from_slice(APT_TEST);
    }
    notes.push(ensure_apt(&pkgs)?);
    ensure_toolchain()?;
    notes.push(ensure_npm(&root().join("ui"))?);
    if for_tests {
        notes.push(ensure_tauri_driver()?);
    }
    Ok(notes.join("; "))
}

// ---------------------------------------------------------------------------
// Build pieces

fn npm_in(dir: &str, args: &[&str]) -> Command {
    let mut c = cmd("npm", args);
    c.current_dir(root().join(dir));
    c
}

fn build_ui() -> R<String> {
    run_cmd(npm_in("ui", &["run", "build"]))?;
    let index = root().join("ui/dist/index.html");
    if !index.is_file() {
        return Err(format!("{} was not produced", index.display()));
    }
    Ok("ui/dist built".into())
}

fn build_binaries() -> R<String> {
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
fn binaries_from_tests(since: std::time::SystemTime) -> R<String> {
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

fn check_display() -> R<()> {
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

// ---------------------------------------------------------------------------
// Tasks

fn run(args: &[String]) -> R<()> {
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

fn demo_db(db: &Path) -> R<String> {
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

fn test(args: &[String]) -> R<()> {
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

fn last_or(lines: &[String], default: &str) -> String {
    if lines.is_empty() {
        default.to_string()
    } else {
        lines.join(" | ")
    }
}

fn e2e_env(c: &mut Command) {
    c.env("UNION_LEDGER_BIN", desktop_bin())
        .env("LEDGER_BIN", ledger_bin())
        .env("UI_DIST", root().join("ui/dist"));
}

fn browser_e2e() -> R<String> {
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

fn desktop_e2e() -> R<String> {
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

fn desktop_e2e_only() -> R<()> {
    let mut steps = Steps::new(1);
    steps.step("desktop e2e (tests/e2e/desktop)", desktop_e2e)?;
    steps.print_table();
    Ok(())
}

/// The UI types are generated from Rust; a build must not change tracked files.
fn generated_unchanged() -> R<String> {
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

fn gen_types() -> R<()> {
    let mut c = cmd("cargo", &["test", "--package", "ledger-api", "bindings"]);
    c.env("UPDATE_TYPES", "1");
    run_cmd(c)?;
    println!("ui/src/api/types.ts is up to date");
    Ok(())
}

fn dist_deb() -> R<()> {
    if !cfg!(target_os = "linux") {
        return Err("dist-deb runs on Linux".into());
    }
    let mut steps = Steps::new(4);
    steps.step("install missing dependencies", || install_deps(false))?;
    steps.step("tauri CLI (installer/package.json)", || {
        ensure_npm(&root().join("installer"))
    })?;
    steps.step("build the UI (npm run build)", build_ui)?;
    let mut bundles = Vec::new();
    steps.step("tauri build --bundles deb (release)", || {
        let cli = root()
            .join("installer/node_modules/.bin")
            .join(exe("tauri"));
        let mut c = Command::new(cli);
        c.args(["build", "--bundles", "deb"])
            .current_dir(root().join("src-tauri"));
        run_cmd(c)?;
        let dir = target_dir().join("release/bundle/deb");
        bundles = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "deb"))
            .collect();
        if bundles.is_empty() {
            return Err(format!("no .deb in {}", dir.display()));
        }
        Ok(bundles
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "))
    })?;
    steps.print_table();
    for b in &bundles {
        println!("package: {}", b.display());
    }
    Ok(())
}

/// The version in the workspace manifest (`[workspace.package] version`).
fn workspace_version() -> R<String> {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_string)
        .ok_or_else(|| "no version in Cargo.toml".into())
}

fn dist_windows() -> R<()> {
    const TARGET: &str = "x86_64-pc-windows-gnu";
    if !cfg!(target_os = "linux") {
        return Err("dist-windows cross-compiles from Linux; on Windows build with MSVC \
                    and run makensis on installer/windows/union-ledger.nsi (see installer/README.md)"
            .into());
    }
    let version = workspace_version()?;
    let mut steps = Steps::new(5);
    steps.step("install missing dependencies", || {
        let mut pkgs = APT_BUILD.to_vec();
        pkgs.extend_from_slice(&["gcc-mingw-w64-x86-64", "nsis"]);
        let note = ensure_apt(&pkgs)?;
        ensure_toolchain()?;
        let n = ensure_npm(&root().join("ui"))?;
        Ok(format!("{note}; {n}"))
    })?;
    steps.step(&format!("rustup target add {TARGET}"), || {
        run_cmd(cmd("rustup", &["target", "add", TARGET])).map(|_| "ok".into())
    })?;
    steps.step("build the UI (npm run build)", build_ui)?;
    steps.step(&format!("cargo build --release --target {TARGET}"), || {
        run_cmd(cmd(
            "cargo",
            &[
                "build",
                "--release",
                "--target",
                TARGET,
                "--package",
                "union-ledger",
                "--package",
                "ledger-cli",
                "--features",
                DESKTOP_FEATURES,
            ],
        ))
        .map(|_| "ok".into())
    })?;
    let bin_dir = target_dir().join(TARGET).join("release");
    let out = bin_dir.join(format!("union-ledger_{version}_x64-setup.exe"));
    steps.step("makensis installer/windows/union-ledger.nsi", || {
        // Stage what the installer ships: the two programs (stripped of their
        // symbols when mingw's strip is there) and WebView2Loader.dll, which
        // GNU builds load at run time; webview2-com-sys leaves one in the
        // build tree.
        let stage = bin_dir.join("nsis-stage");
        let _ = std::fs::remove_dir_all(&stage);
        std::fs::create_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
        for name in ["union-ledger.exe", "ledger.exe"] {
            let to = stage.join(name);
            std::fs::copy(bin_dir.join(name), &to).map_err(|e| format!("copy {name}: {e}"))?;
            if on_path("x86_64-w64-mingw32-strip").is_some() {
                let mut c = cmd("x86_64-w64-mingw32-strip", &[]);
                c.arg(&to);
                run_cmd(c)?;
            }
        }
        let dll = Some(bin_dir.join("WebView2Loader.dll"))
            .filter(|p| p.is_file())
            .or_else(|| find_file(&bin_dir.join("build"), "WebView2Loader.dll", "x64"))
            .ok_or("WebView2Loader.dll not found in the build tree")?;
        std::fs::copy(&dll, stage.join("WebView2Loader.dll"))
            .map_err(|e| format!("copy {}: {e}", dll.display()))?;
        let mut c = cmd("makensis", &["-V2", "-INPUTCHARSET", "UTF8"]);
        c.arg(format!("-DVERSION={version}"))
            .arg(format!("-DBIN_DIR={}", stage.display()))
            .arg(format!("-DOUT_FILE={}", out.display()))
            .arg("union-ledger.nsi")
            .current_dir(root().join("installer/windows"));
        run_cmd(c)?;
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        Ok(format!("{} ({:.1} MB)", out.display(), size as f64 / 1e6))
    })?;
    steps.print_table();
    println!("package: {}", out.display());
    Ok(())
}

/// The first file called `name` under `dir` whose path contains `hint`.
fn find_file(dir: &Path, name: &str, hint: &str) -> Option<PathBuf> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == name) && p.to_string_lossy().contains(hint)
            {
                return Some(p);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_up_cargo_results() {
        let lines = vec![
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out".into(),
            "test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out".into(),
        ];
        assert_eq!(
            cargo_totals(&lines).unwrap(),
            "cargo test: 15 passed, 0 failed, 1 ignored (2 test binaries)"
        );
    }

    #[test]
    fn strips_colours() {
        assert_eq!(
            strip_ansi("\u{1b}[32m Tests \u{1b}[0m 3 passed"),
            " Tests  3 passed"
        );
        assert!(is_summary_line(&strip_ansi(
            "\u{1b}[2m Tests \u{1b}[22m 3 passed (3)"
        )));
    }
}
