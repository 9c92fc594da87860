//! Running commands and reading their test summaries.

use super::*;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;

pub(crate) fn program(name: &str) -> String {
    // npm and npx are batch files on Windows.
    if cfg!(windows) && matches!(name, "npm" | "npx") {
        format!("{name}.cmd")
    } else {
        name.to_string()
    }
}

pub(crate) fn cmd(prog: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program(prog));
    c.args(args).current_dir(root());
    c
}

pub(crate) fn describe(c: &Command) -> String {
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
pub(crate) fn run_cmd(mut c: Command) -> R<()> {
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
pub(crate) fn run_tests(mut c: Command) -> R<Vec<String>> {
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

pub(crate) fn strip_ansi(s: &str) -> String {
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

pub(crate) fn is_summary_line(l: &str) -> bool {
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
pub(crate) fn cargo_totals(lines: &[String]) -> Option<String> {
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

pub(crate) fn on_path(name: &str) -> Option<PathBuf> {
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
