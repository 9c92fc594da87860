//! Write sample documents to a folder for a look:
//! `cargo run -p ledger-print --example preview -- /tmp/preview`
#[path = "../tests/common/mod.rs"]
mod common;

use ledger_print::{certificates_pdf, poster_pdf, Layout, PosterSize, PosterTemplate};

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "preview".into()));
    std::fs::create_dir_all(&out).unwrap();
    let fonts = common::fonts();
    let mut certs = common::sheet();
    for (i, c) in certs.iter_mut().enumerate() {
        c.seal = Some(common::seal_png());
        if i % 3 == 1 {
            c.photo = Some(common::photo_png());
        }
    }
    for (layout, name) in [
        (Layout::Card, "cards"),
        (Layout::A4, "a4"),
        (Layout::A5, "a5"),
    ] {
        let t = std::time::Instant::now();
        let pdf = certificates_pdf(fonts, &certs, layout).unwrap();
        std::fs::write(out.join(format!("{name}.pdf")), &pdf.bytes).unwrap();
        println!(
            "{name}: {} pages, {} bytes, {:?}",
            pdf.pages,
            pdf.bytes.len(),
            t.elapsed()
        );
    }
    for t in [
        PosterTemplate::Red,
        PosterTemplate::Blue,
        PosterTemplate::Ink,
    ] {
        for s in [PosterSize::A4, PosterSize::A3] {
            match poster_pdf(fonts, &common::poster(t, s)) {
                Ok(pdf) => {
                    std::fs::write(
                        out.join(format!("poster-{t:?}-{s:?}.pdf").to_lowercase()),
                        &pdf.bytes,
                    )
                    .unwrap();
                }
                Err(e) => println!("poster {t:?} {s:?}: {e}"),
            }
        }
    }
}
