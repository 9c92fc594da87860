//! Search keys for names: full pinyin and initials (张三 → zhangsan, zs).

use pinyin::ToPinyin;

/// `(full, initials)` in lower-case ASCII. Characters without a reading
/// (letters, rare characters) are kept as lower-case where ASCII, else dropped.
pub fn pinyin_keys(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (ch, py) in name.chars().zip(name.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(&p.plain().replace('ü', "v"));
                initials.push_str(p.first_letter());
            }
            None if ch.is_ascii_alphanumeric() => {
                let c = ch.to_ascii_lowercase();
                full.push(c);
                initials.push(c);
            }
            None => {}
        }
    }
    (full, initials)
}

/// The smallest string greater than every string starting with `prefix`,
/// for index range scans (`col >= prefix AND col < upper`).
pub fn prefix_upper_bound(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pinyin_and_initials() {
        assert_eq!(pinyin_keys("张三"), ("zhangsan".into(), "zs".into()));
        assert_eq!(pinyin_keys("吕小龙"), ("lvxiaolong".into(), "lxl".into()));
        assert_eq!(pinyin_keys("王𠮷"), ("wang".into(), "w".into()));
    }

    #[test]
    fn upper_bound_sorts_after_every_extension() {
        let ub = prefix_upper_bound("张");
        assert!("张三" < ub.as_str() && "张" < ub.as_str() && "章" > ub.as_str());
    }
}
