//! 500 card certificates in one PDF: time and size, beside LibreOffice
//! converting an equivalent 500-page document (`soffice --headless
//! --convert-to pdf`) made here from the same data, QR codes included.
//!
//! `cargo bench -p ledger-print` (release build). Set LEDGER_BENCH_N for
//! another count, LEDGER_BENCH_NO_SOFFICE=1 to skip LibreOffice. The last
//! line is JSON for BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ledger_print::sample::sample_certificates;
use ledger_print::{certificates_pdf, Certificate, Fonts, Layout};

fn main() {
    let n: usize = std::env::var("LEDGER_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../target/ledger-print-bench");
    std::fs::create_dir_all(&out).unwrap();
    let fonts_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/fonts");

    let t = Instant::now();
    let fonts = Fonts::from_dir(&fonts_dir).expect("fonts");
    let parse = t.elapsed();

    let certs = sample_certificates(n);
    let mut times = Vec::new();
    let mut pdf = None;
    for _ in 0..5 {
        let t = Instant::now();
        let p = certificates_pdf(&fonts, &certs, Layout::Card).expect("pdf");
        times.push(t.elapsed());
        pdf = Some(p);
    }
    times.sort();
    let ours = times[times.len() / 2];
    let pdf = pdf.unwrap();
    let ours_file = out.join("ledger-print-cards.pdf");
    std::fs::write(&ours_file, &pdf.bytes).unwrap();

    println!(
        "ledger-print benchmark: {n} card certificates, {} A4 sheets",
        pdf.pages
    );
    println!(
        "  fonts parsed (once per process)   {:>8.3} s",
        parse.as_secs_f64()
    );
    println!(
        "  ledger-print, median of 5         {:>8.3} s   {:>9} bytes ({:.2} MB)   {}",
        ours.as_secs_f64(),
        pdf.bytes.len(),
        pdf.bytes.len() as f64 / 1e6,
        ours_file.display()
    );

    let mut lo_json = String::new();
    if std::env::var_os("LEDGER_BENCH_NO_SOFFICE").is_none() {
        for (with_qr, key, what) in [
            (true, "libreoffice", "500 pages with QR images"),
            (false, "libreoffice_text_only", "500 pages, text only"),
        ] {
            match libreoffice(&certs, &out, with_qr) {
                Ok((time, size, version)) => {
                    println!(
                        "  {version} ({what}), best of 2: {:.3} s   {} bytes ({:.2} MB)",
                        time.as_secs_f64(),
                        size,
                        size as f64 / 1e6
                    );
                    println!(
                        "    ledger-print takes {:.1}% of its time; its file is {:.0}% of its size",
                        100.0 * ours.as_secs_f64() / time.as_secs_f64(),
                        100.0 * pdf.bytes.len() as f64 / size as f64
                    );
                    lo_json.push_str(&format!(
                        r#","{key}":{{"version":"{version}","seconds":{:.3},"bytes":{size}}}"#,
                        time.as_secs_f64()
                    ));
                }
                Err(e) => println!("  LibreOffice: not measured ({e})"),
            }
        }
    }
    println!(
        r#"BENCH_JSON {{"certificates":{n},"pages":{},"font_parse_seconds":{:.3},"seconds":{:.3},"bytes":{}{lo_json}}}"#,
        pdf.pages,
        parse.as_secs_f64(),
        ours.as_secs_f64(),
        pdf.bytes.len()
    );
}

/// Convert the same certificates with LibreOffice: a flat ODT with one
/// card-sized page per certificate (title, the six fields, the QR code as a
/// PNG), converted by `soffice --headless --convert-to pdf` with a fresh
/// profile warmed up on a one-page document first.
fn libreoffice(
    certs: &[Certificate],
    out: &Path,
    with_qr: bool,
) -> Result<(Duration, u64, String), String> {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|s| {
            Command::new(s)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .ok_or("soffice not found: apt-get install libreoffice-writer-nogui")?;
    let version = String::from_utf8_lossy(
        &Command::new(soffice)
            .arg("--version")
            .output()
            .unwrap()
            .stdout,
    )
    .split_whitespace()
    .take(2)
    .collect::<Vec<_>>()
    .join(" ");
    let dir = out.join(if with_qr {
        "libreoffice"
    } else {
        "libreoffice-text-only"
    });
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let profile = format!("file://{}", dir.join("profile").display());
    std::fs::write(dir.join("warmup.fodt"), fodt(&certs[..1], with_qr)).unwrap();
    std::fs::write(dir.join("certificates.fodt"), fodt(certs, with_qr)).unwrap();
    let convert = |name: &str| -> Result<Duration, String> {
        let t = Instant::now();
        let o = Command::new(soffice)
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&dir)
            .arg(dir.join(name))
            .output()
            .map_err(|e| e.to_string())?;
        let el = t.elapsed();
        if !o.status.success() {
            return Err(String::from_utf8_lossy(&o.stderr).into_owned());
        }
        Ok(el)
    };
    convert("warmup.fodt")?;
    let best = convert("certificates.fodt")?.min(convert("certificates.fodt")?);
    let pdf = dir.join("certificates.pdf");
    let size = std::fs::metadata(&pdf).map_err(|e| e.to_string())?.len();
    Ok((best, size, version))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn fodt(certs: &[Certificate], with_qr: bool) -> String {
    let mut body = String::new();
    for (i, c) in certs.iter().enumerate() {
        let title_style = if i == 0 { "T" } else { "TB" };
        let qr = if with_qr {
            format!(
                r#"<draw:frame draw:style-name="QR" draw:name="qr{i}" text:anchor-type="paragraph" svg:width="16mm" svg:height="16mm"><draw:image><office:binary-data>{}</office:binary-data></draw:image></draw:frame>"#,
                base64(&qr_png(&c.verify_url))
            )
        } else {
            String::new()
        };
        body.push_str(&format!(
            r#"<text:p text:style-name="{title_style}">工会会员证</text:p>
<text:p text:style-name="P">{qr}姓名：{}</text:p>
<text:p text:style-name="P">会员编号：{}</text:p>
<text:p text:style-name="P">所属组织：{}</text:p>
<text:p text:style-name="P">入会日期：{}</text:p>
<text:p text:style-name="P">发证单位：{}</text:p>
<text:p text:style-name="P">发证日期：{}</text:p>
"#,
            esc(&c.name),
            esc(&c.member_no),
            esc(&c.org_name),
            c.join_date.format("%Y年%m月%d日"),
            esc(&c.issuer),
            c.issue_date.format("%Y年%m月%d日"),
        ));
    }
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="7.5pt" style:font-size-asian="7.5pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="PM"><style:page-layout-properties fo:page-width="85.6mm" fo:page-height="54mm" fo:margin-top="3mm" fo:margin-bottom="2mm" fo:margin-left="4mm" fo:margin-right="4mm"/></style:page-layout>
<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="1.5mm"/><style:text-properties fo:color="#b51b22" fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="TB" style:family="paragraph" style:parent-style-name="T"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="1.5mm" fo:break-before="page"/><style:text-properties fo:color="#b51b22" fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:line-height="130%"/></style:style>
<style:style style:name="QR" style:family="graphic"><style:graphic-properties style:wrap="left" style:horizontal-pos="right" style:horizontal-rel="paragraph" style:vertical-pos="top" style:vertical-rel="paragraph"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PM"/></office:master-styles>
<office:body><office:text>
{body}</office:text></office:body></office:document>
"##
    )
}

/// The QR code as a grey PNG, 4 pixels a module, 4 modules of margin.
fn qr_png(text: &str) -> Vec<u8> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).unwrap();
    let w = code.width();
    let colors = code.to_colors();
    let (scale, quiet) = (4, 4);
    let side = (w + 2 * quiet) * scale;
    let mut px = vec![255u8; side * side];
    for y in 0..w {
        for x in 0..w {
            if colors[y * w + x] == qrcode::Color::Dark {
                for dy in 0..scale {
                    let row = ((y + quiet) * scale + dy) * side;
                    for dx in 0..scale {
                        px[row + (x + quiet) * scale + dx] = 0;
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, side as u32, side as u32);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&px).unwrap();
    out
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(A[((v >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}
