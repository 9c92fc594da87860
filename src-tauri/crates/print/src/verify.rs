//! Signed verification links for the QR code on a certificate.
//!
//! The link carries the member number and a short signature: the first 60
//! bits of HMAC-SHA256 over the member number, under a key the office keeps
//! (random 32 bytes, generated and stored by the caller). Written in Crockford
//! base32: 12 characters, no I/L/O/U, so a cadre can also read it aloud or
//! type it. Without the key nobody can make a link that verifies, so a forged
//! certificate (or one with an altered number) is told apart at a scan.
//!
//! ```
//! let key = [7u8; 32];
//! let link = ledger_print::verify_link("https://ghj.example.cn/ledger", "6204212600001", &key);
//! assert!(link.starts_with("https://ghj.example.cn/ledger/v?n=6204212600001&s="));
//! let v = ledger_print::check(&link, &key);
//! assert!(v.genuine);
//! assert_eq!(v.member_no.as_deref(), Some("6204212600001"));
//! ```

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// Domain separation: a signature made here means nothing elsewhere.
const CONTEXT: &[u8] = b"union-ledger/member-certificate/v1\0";
/// Crockford base32 (no I, L, O, U).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a signature: 12 x 5 = 60 bits.
pub const SIGNATURE_LEN: usize = 12;

fn mac(key: &[u8], member_no: &str) -> [u8; 32] {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts any key length");
    m.update(CONTEXT);
    m.update(member_no.as_bytes());
    m.finalize().into_bytes().into()
}

/// The short signature of a member number: 12 characters of Crockford base32
/// (the first 60 bits of HMAC-SHA256).
pub fn sign(key: &[u8], member_no: &str) -> String {
    let digest = mac(key, member_no);
    let bits = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    (0..SIGNATURE_LEN)
        .map(|i| ALPHABET[((bits >> (59 - 5 * i)) & 31) as usize] as char)
        .collect()
}

/// The text to put in a certificate's QR code:
/// `{base_url}/v?n={member_no}&s={signature}` (trailing `/` of the base is
/// dropped; the member number is percent-encoded if it needs to be).
pub fn verify_link(base_url: &str, member_no: &str, key: &[u8]) -> String {
    format!(
        "{}/v?n={}&s={}",
        base_url.trim().trim_end_matches('/'),
        percent_encode(member_no),
        sign(key, member_no)
    )
}

/// What a scanned certificate link says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The signature matches the member number under this office's key.
    pub genuine: bool,
    /// The member number the link names, whenever one could be read, genuine
    /// or not. Trust it only when `genuine` is true.
    pub member_no: Option<String>,
    /// One sentence for the cadre, in Chinese.
    pub message: String,
}

/// Check what a scanner read from a certificate's QR code (a whole link, or
/// just its `n=...&s=...` part). Surrounding whitespace, a fragment, other
/// query parameters, any host, and lower-case or look-alike letters in the
/// signature are tolerated; only the number and signature decide.
pub fn check(scanned_text: &str, key: &[u8]) -> Verdict {
    let text = scanned_text.trim();
    let text = text.split('#').next().unwrap_or("");
    let query = match text.split_once('?') {
        Some((_, q)) => q,
        None if text.contains("n=") => text,
        None => {
            return Verdict {
                genuine: false,
                member_no: None,
                message: "这不是会员证上的验证链接（没有会员编号和签名）".into(),
            }
        }
    };
    let mut n = None;
    let mut s = None;
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k.trim() {
            "n" if n.is_none() => n = percent_decode(v.trim()),
            "s" if s.is_none() => s = Some(v.trim().to_string()),
            _ => {}
        }
    }
    let Some(member_no) = n.filter(|n| !n.is_empty()) else {
        return Verdict {
            genuine: false,
            member_no: None,
            message: "这不是会员证上的验证链接（没有会员编号）".into(),
        };
    };
    let Some(sig) = s.filter(|s| !s.is_empty()) else {
        return Verdict {
            genuine: false,
            member_no: Some(member_no),
            message: "链接里没有签名，无法证明是本会发放的会员证".into(),
        };
    };
    let genuine = signature_matches(key, &member_no, &sig);
    let message = if genuine {
        format!("真实：会员编号 {member_no} 的会员证由本会发放")
    } else {
        format!("签名不符：会员编号 {member_no} 的这张会员证不是本会发放的，或链接被改动过")
    };
    Verdict {
        genuine,
        member_no: Some(member_no),
        message,
    }
}

/// Normalise a typed or scanned signature: upper case, Crockford look-alikes.
fn normalise_sig(sig: &str) -> Vec<u8> {
    sig.bytes()
        .filter(|b| *b != b'-')
        .map(|b| match b.to_ascii_uppercase() {
            b'O' => b'0',
            b'I' | b'L' => b'1',
            c => c,
        })
        .collect()
}

/// Constant-time comparison of the expected and the presented signature.
fn signature_matches(key: &[u8], member_no: &str, presented: &str) -> bool {
    let expected = sign(key, member_no).into_bytes();
    let presented = normalise_sig(presented);
    if presented.len() != expected.len() {
        return false;
    }
    expected
        .iter()
        .zip(&presented)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn signature_is_short_stable_and_keyed() {
        let s = sign(KEY, "6204212600001");
        assert_eq!(s.len(), SIGNATURE_LEN);
        assert!(s.bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(s, sign(KEY, "6204212600001"));
        assert_ne!(s, sign(KEY, "6204212600002"));
        assert_ne!(s, sign(b"another key", "6204212600001"));
    }

    #[test]
    fn link_round_trips() {
        let link = verify_link("https://ghj.example.cn/ledger/", "6204212600001", KEY);
        assert_eq!(
            link,
            format!(
                "https://ghj.example.cn/ledger/v?n=6204212600001&s={}",
                sign(KEY, "6204212600001")
            )
        );
        let v = check(&format!("  {link}\n"), KEY);
        assert!(v.genuine, "{v:?}");
        assert_eq!(v.member_no.as_deref(), Some("6204212600001"));
    }

    #[test]
    fn tolerates_case_lookalikes_and_extra_parameters() {
        let sig = sign(KEY, "A-01 号");
        let link = verify_link("http://x", "A-01 号", KEY);
        assert!(link.contains("n=A-01%20%E5%8F%B7&"));
        assert!(check(&link, KEY).genuine);
        let lower = format!(
            "HTTP://X/v?utm=1&n=A-01%20%E5%8F%B7&s={}#top",
            sig.to_lowercase()
        );
        assert!(check(&lower, KEY).genuine);
        assert!(check(&format!("n=A-01%20%E5%8F%B7&s={sig}"), KEY).genuine);
    }

    #[test]
    fn refuses_forgeries() {
        let good = verify_link("https://x.cn", "6204212600001", KEY);
        // Another number with the same signature.
        let forged = good.replace("n=6204212600001", "n=6204212600009");
        let v = check(&forged, KEY);
        assert!(!v.genuine);
        assert_eq!(v.member_no.as_deref(), Some("6204212600009"));
        assert!(v.message.contains("签名不符"));
        // Right number, made with another key.
        assert!(!check(&verify_link("https://x.cn", "6204212600001", b"k2"), KEY).genuine);
        // Missing or truncated pieces.
        assert!(!check("https://x.cn/v?n=6204212600001", KEY).genuine);
        assert!(!check(&good[..good.len() - 1], KEY).genuine);
        let none = check("https://weixin.qq.com/abc", KEY);
        assert!(!none.genuine && none.member_no.is_none());
        assert!(!check("", KEY).genuine);
    }
}
