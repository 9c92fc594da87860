//! Steps with banners and a closing table of results and times.

use super::*;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

pub(crate) struct Steps {
    pub(crate) done: Vec<(String, Duration, String)>,
    pub(crate) started: Instant,
    pub(crate) total: usize,
    /// Run the remaining steps after a failure (`--keep-going`).
    pub(crate) keep_going: bool,
    pub(crate) failures: Vec<String>,
}

impl Steps {
    pub(crate) fn new(total: usize) -> Steps {
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
    pub(crate) fn step(&mut self, name: &str, f: impl FnOnce() -> R<String>) -> R<()> {
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

    pub(crate) fn print_table(&self) {
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

pub(crate) fn fmt_dur(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}
