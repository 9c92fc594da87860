//! Seal images as uploaded → PNGs fit to stamp over the issuer's name: the
//! paper of a seal scanned on white made transparent, empty margins cropped,
//! at most [`MAX_SIDE`] pixels a side (a 40 mm seal at 380 dpi), so that a
//! batch of a thousand certificates does not carry a large image a thousand
//! times.

/// The longest side of a stored seal, in pixels.
pub const MAX_SIDE: u32 = 600;

/// A seal image ready to store.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The upload had no transparency; white paper was made transparent.
    pub made_transparent: bool,
}

struct Rgba {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Result<Rgba, String> {
    let mut d = png::Decoder::new(std::io::Cursor::new(bytes));
    d.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut r = d.read_info().map_err(|e| e.to_string())?;
    let (w, h) = (r.info().width as usize, r.info().height as usize);
    if w == 0 || h == 0 || w > 8000 || h > 8000 {
        return Err(format!("尺寸 {w}×{h} 像素不合适"));
    }
    let mut buf = vec![0; r.output_buffer_size().ok_or("图片太大")?];
    let frame = r.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(frame.buffer_size());
    let px: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|g| [*g, *g, *g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Indexed => return Err("调色板图片未能展开".into()),
    };
    if px.len() != w * h * 4 {
        return Err("图片数据不完整".into());
    }
    Ok(Rgba { w, h, px })
}

/// "Colour to alpha" against white: paper becomes transparent, ink keeps
/// its colour, the soft edges become partly transparent ink.
fn white_to_alpha(img: &mut Rgba) {
    const PAPER: f32 = 24.0; // darkness below which a pixel is paper
    const INK: f32 = 120.0; // darkness from which a pixel is solid ink
    for p in img.px.chunks_exact_mut(4) {
        let darkness = 255.0 - f32::from(p[0].min(p[1]).min(p[2]));
        let a = ((darkness - PAPER) / (INK - PAPER)).clamp(0.0, 1.0);
        if a <= 0.0 {
            p.copy_from_slice(&[255, 255, 255, 0]);
            continue;
        }
        for c in &mut p[..3] {
            let observed = f32::from(*c);
            *c = ((observed - (1.0 - a) * 255.0) / a)
                .clamp(0.0, 255.0)
                .round() as u8;
        }
        p[3] = (a * 255.0).round() as u8;
    }
}

/// Crop to the pixels that show (alpha above a trace), with a small margin.
fn crop(img: &Rgba) -> Option<Rgba> {
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for y in 0..img.h {
        for x in 0..img.w {
            if img.px[(y * img.w + x) * 4 + 3] > 8 {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
        }
    }
    if x0 == usize::MAX {
        return None;
    }
    let m = 2;
    let (x0, y0) = (x0.saturating_sub(m), y0.saturating_sub(m));
    let (x1, y1) = ((x1 + m).min(img.w - 1), (y1 + m).min(img.h - 1));
    let (w, h) = (x1 - x0 + 1, y1 - y0 + 1);
    let mut px = Vec::with_capacity(w * h * 4);
    for y in y0..=y1 {
        let row = (y * img.w + x0) * 4;
        px.extend_from_slice(&img.px[row..row + w * 4]);
    }
    Some(Rgba { w, h, px })
}

/// Area-average down to at most `max` pixels a side (premultiplied alpha,
/// so transparent pixels do not darken the edges).
fn shrink(img: Rgba, max: usize) -> Rgba {
    let side = img.w.max(img.h);
    if side <= max {
        return img;
    }
    let tw = (img.w * max / side).max(1);
    let th = (img.h * max / side).max(1);
    let mut px = Vec::with_capacity(tw * th * 4);
    for ty in 0..th {
        let (sy0, sy1) = (
            ty * img.h / th,
            ((ty + 1) * img.h / th).max(ty * img.h / th + 1),
        );
        for tx in 0..tw {
            let (sx0, sx1) = (
                tx * img.w / tw,
                ((tx + 1) * img.w / tw).max(tx * img.w / tw + 1),
            );
            let mut acc = [0u64; 4];
            for sy in sy0..sy1 {
                for sx in sx0..sx1 {
                    let p = &img.px[(sy * img.w + sx) * 4..][..4];
                    let a = u64::from(p[3]);
                    acc[0] += u64::from(p[0]) * a;
                    acc[1] += u64::from(p[1]) * a;
                    acc[2] += u64::from(p[2]) * a;
                    acc[3] += a;
                }
            }
            let n = ((sy1 - sy0) * (sx1 - sx0)) as u64;
            px.extend_from_slice(&match acc[3] {
                0 => [255, 255, 255, 0],
                a => [
                    (acc[0] / a) as u8,
                    (acc[1] / a) as u8,
                    (acc[2] / a) as u8,
                    (a / n) as u8,
                ],
            });
        }
    }
    Rgba { w: tw, h: th, px }
}

fn encode(img: &Rgba) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, img.w as u32, img.h as u32);
    e.set_color(png::ColorType::Rgba);
    e.set_depth(png::BitDepth::Eight);
    e.set_compression(png::Compression::High);
    let mut w = e.write_header().map_err(|e| e.to_string())?;
    w.write_image_data(&img.px).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Make an uploaded PNG a seal image. The error is a Chinese phrase for
/// "公章图片：…".
pub fn normalise(bytes: &[u8]) -> Result<Normalised, String> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err("不是PNG图片；请用画图等工具另存为PNG（最好是透明背景）后再上传".into());
    }
    let mut img = decode(bytes).map_err(|e| format!("PNG图片无法读取（{e}）"))?;
    let opaque = img.px.chunks_exact(4).all(|p| p[3] == 255);
    if opaque {
        white_to_alpha(&mut img);
    }
    let img = crop(&img).ok_or("图片是空白的，没有看到公章")?;
    let img = shrink(img, MAX_SIDE as usize);
    let png = encode(&img)?;
    Ok(Normalised {
        png,
        width: img.w as u32,
        height: img.h as u32,
        made_transparent: opaque,
    })
}

/// Whether a stored PNG can show through: an alpha channel or a tRNS chunk.
pub fn has_transparency(png: &[u8]) -> bool {
    matches!(png.get(25), Some(4 | 6)) || png.windows(4).any(|w| w == b"tRNS")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_rgb(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(png::ColorType::Rgb);
        e.set_depth(png::BitDepth::Eight);
        let mut wr = e.write_header().unwrap();
        let mut data = Vec::new();
        for y in 0..h {
            for x in 0..w {
                data.extend(f(x, y));
            }
        }
        wr.write_image_data(&data).unwrap();
        wr.finish().unwrap();
        out
    }

    #[test]
    fn a_seal_scanned_on_white_is_cropped_made_transparent_and_shrunk() {
        // 1600×1200 white paper with a red ring 400 px across in the middle.
        let scan = png_rgb(1600, 1200, |x, y| {
            let (dx, dy) = (x as f32 - 800.0, y as f32 - 600.0);
            let r = (dx * dx + dy * dy).sqrt();
            if (180.0..200.0).contains(&r) {
                [200, 20, 30]
            } else {
                [250, 250, 248]
            }
        });
        let n = normalise(&scan).unwrap();
        assert!(n.made_transparent);
        assert!(n.width <= 404 && n.width >= 396, "{}", n.width);
        assert_eq!(n.width, n.height);
        let img = decode(&n.png).unwrap();
        // Corners are paper: transparent. The ring is solid red.
        assert_eq!(img.px[3], 0);
        let mid_left = ((img.h / 2) * img.w + 8) * 4;
        assert_eq!(&img.px[mid_left..mid_left + 4], &[200, 20, 30, 255]);
        assert!(has_transparency(&n.png));

        // A large one is shrunk to MAX_SIDE.
        let big = png_rgb(2000, 1000, |_, _| [200, 20, 30]);
        let n = normalise(&big).unwrap();
        assert_eq!((n.width, n.height), (MAX_SIDE, MAX_SIDE / 2));
    }

    #[test]
    fn refuses_what_is_not_a_png_or_is_blank() {
        assert!(normalise(b"\xFF\xD8\xFF\xE0 jpeg")
            .unwrap_err()
            .contains("不是PNG"));
        let blank = png_rgb(50, 50, |_, _| [255, 255, 255]);
        assert!(normalise(&blank).unwrap_err().contains("空白"));
    }
}
