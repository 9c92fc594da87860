//! Packages: the Debian .deb and the Windows NSIS setup.

use super::*;
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) fn dist_deb() -> R<()> {
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
pub(crate) fn workspace_version() -> R<String> {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_string)
        .ok_or_else(|| "no version in Cargo.toml".into())
}

pub(crate) fn dist_windows() -> R<()> {
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
pub(crate) fn find_file(dir: &Path, name: &str, hint: &str) -> Option<PathBuf> {
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
