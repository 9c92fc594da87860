//! County-level divisions (区, 县, 县级市, 旗 ...) of each prefecture-level
//! city, for the destination of a trip. The list is `data/counties.tsv`
//! (made by `data/make-counties.py` from the National Bureau of Statistics'
//! 2023 division codes). Divisions change: a county that is not in the list
//! is kept as typed, never refused; one that is (in full or without its
//! suffix: 萧山 → 萧山区) is written the way the list writes it.

use std::collections::HashMap;
use std::sync::OnceLock;

const TSV: &str = include_str!("../../data/counties.tsv");

/// Province → city → counties.
type Table = HashMap<&'static str, HashMap<&'static str, Vec<&'static str>>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Table = HashMap::new();
        for l in TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = l.split('\t');
            if let (Some(p), Some(c), Some(list)) = (cols.next(), cols.next(), cols.next()) {
                let list = list.split(' ').filter(|s| !s.is_empty()).collect();
                t.entry(p).or_default().insert(c, list);
            }
        }
        t
    })
}

/// The counties of a city (full province and city names, as in
/// [`super::divisions`]); empty for a county-level city under its province
/// and for Taiwan, Hong Kong and Macao.
pub fn counties(province: &str, city: &str) -> &'static [&'static str] {
    table()
        .get(province)
        .and_then(|cities| cities.get(city))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

const SUFFIXES: [&str; 6] = ["自治县", "自治旗", "区", "县", "市", "旗"];

/// The listed county `name` stands for: the full name, or the name without
/// its suffix (萧山 → 萧山区, 昆山 → 昆山市). `None` when the list has no
/// such county (it may be newer than the list: keep the text).
pub fn county(province: &str, city: &str, name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let all = counties(province, city);
    all.iter().copied().find(|c| *c == name).or_else(|| {
        let mut hits = all.iter().copied().filter(|c| {
            SUFFIXES
                .iter()
                .any(|s| c.strip_suffix(s) == Some(name) && name.chars().count() >= 2)
        });
        match (hits.next(), hits.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    })
}

/// The listed county at the start of `text` ("萧山区传化物流园" →
/// 萧山区, "传化物流园"), the longest match first.
pub fn strip_county<'t>(
    province: &str,
    city: &str,
    text: &'t str,
) -> Option<(&'static str, &'t str)> {
    let text = text.trim_start();
    counties(province, city)
        .iter()
        .filter_map(|c| text.strip_prefix(c).map(|rest| (*c, rest)))
        .max_by_key(|(c, _)| c.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbound::divisions::PROVINCES;

    #[test]
    fn every_listed_city_is_a_city_of_the_division_list() {
        let mut n = 0;
        for (p, cities) in table() {
            let listed = PROVINCES
                .iter()
                .find(|(name, _)| name == p)
                .map(|(_, c)| *c);
            for (c, list) in cities {
                assert!(
                    listed.is_some_and(|cs| cs.contains(c)),
                    "{p} {c} is not in divisions.rs"
                );
                assert!(!list.is_empty(), "{p} {c} has an empty county list");
                n += 1;
            }
        }
        assert!(n > 300, "the county list looks truncated: {n} cities");
    }

    #[test]
    fn finds_counties_by_full_or_short_name() {
        assert!(counties("浙江省", "杭州市").contains(&"萧山区"));
        assert!(counties("北京市", "北京市").contains(&"海淀区"));
        assert!(counties("湖北省", "仙桃市").is_empty());
        assert_eq!(county("浙江省", "杭州市", "萧山区"), Some("萧山区"));
        assert_eq!(county("浙江省", "杭州市", "萧山"), Some("萧山区"));
        assert_eq!(county("江苏省", "苏州市", "昆山"), Some("昆山市"));
        assert_eq!(county("甘肃省", "白银市", "会宁"), Some("会宁县"));
        assert_eq!(county("浙江省", "杭州市", "不存在区"), None);
        assert_eq!(county("浙江省", "杭州市", "萧"), None);
    }

    #[test]
    fn strips_a_county_from_the_start_of_an_address() {
        assert_eq!(
            strip_county("浙江省", "杭州市", "萧山区 传化物流园"),
            Some(("萧山区", " 传化物流园"))
        );
        assert_eq!(strip_county("浙江省", "杭州市", "传化物流园"), None);
    }
}
