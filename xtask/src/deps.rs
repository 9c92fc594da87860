//! Installing what is missing: apt packages, the Rust toolchain, npm modules, tauri-driver.

use super::*;
use std::path::Path;
use std::process::{Command, Stdio};

/// Debian/Ubuntu packages needed to build and run the desktop app.
pub(crate) const APT_BUILD: &[&str] = &[
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
pub(crate) const APT_TEST: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "imagemagick",
    "chromium",
    "poppler-utils",
    "zbar-tools",
];

pub(crate) fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

pub(crate) fn apt_missing(pkgs: &[&str]) -> Vec<String> {
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
pub(crate) fn ensure_apt(pkgs: &[&str]) -> R<String> {
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

pub(crate) fn ensure_toolchain() -> R<()> {
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
pub(crate) fn ensure_npm(dir: &Path) -> R<String> {
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

pub(crate) fn ensure_tauri_driver() -> R<String> {
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

pub(crate) fn install_deps(for_tests: bool) -> R<String> {
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
