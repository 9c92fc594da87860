//! Citizen ID numbers (公民身份号码, GB 11643).
//!
//! 18 characters: 6-digit division code, 8-digit birth date, 3-digit
//! sequence (odd = male), and an ISO 7064 MOD 11-2 check character.
//! Legacy 15-digit numbers omit the century and the check character.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a citizen ID number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("位数不对（应为18位，旧证15位）")]
    BadLength,
    #[error("含有无效字符（只能是数字，最后一位可为X）")]
    BadChar,
    #[error("出生日期无效")]
    BadDate,
    #[error("校验码错误")]
    BadChecksum,
}

impl IdError {
    /// Stable machine code for scripts and the UI.
    pub fn code(self) -> &'static str {
        match self {
            IdError::BadLength | IdError::BadChar => "bad_length",
            IdError::BadDate => "bad_date",
            IdError::BadChecksum => "bad_checksum",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "男",
            Gender::Female => "女",
        }
    }
}

/// A validated 18-character citizen ID number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenId {
    value: String,
    /// True when the input was a legacy 15-digit number.
    pub upgraded_from_15: bool,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// ISO 7064 MOD 11-2 check character over the first 17 digits.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(CHECK_CHARS[(sum % 11) as usize])
}

/// Fold full-width digits and letters to ASCII, drop whitespace and
/// separators, upper-case `x`.
pub fn normalize(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32)?,
                '\u{FF58}' | '\u{FF38}' => 'X',
                c => c,
            };
            if c.is_whitespace() || c == '-' || c == '\u{3000}' {
                None
            } else {
                Some(c.to_ascii_uppercase())
            }
        })
        .collect()
}

fn birth_date(yyyymmdd: &str) -> Option<NaiveDate> {
    let y: i32 = yyyymmdd.get(0..4)?.parse().ok()?;
    let m: u32 = yyyymmdd.get(4..6)?.parse().ok()?;
    let d: u32 = yyyymmdd.get(6..8)?.parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

impl CitizenId {
    /// Normalise and validate. `today` bounds the birth date (no one is
    /// born in the future); it is passed in, never read from the clock.
    pub fn parse(input: &str, today: NaiveDate) -> Result<CitizenId, IdError> {
        let s = normalize(input);
        let (value, upgraded) = match s.len() {
            18 => (s, false),
            15 => {
                if !s.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(IdError::BadChar);
                }
                let first17 = format!("{}19{}", &s[..6], &s[6..]);
                let check = check_char(&first17).ok_or(IdError::BadChar)?;
                (format!("{first17}{check}"), true)
            }
            _ => {
                return Err(if s.chars().all(|c| c.is_ascii_alphanumeric()) {
                    IdError::BadLength
                } else {
                    IdError::BadChar
                })
            }
        };
        let (first17, last) = value.split_at(17);
        if !first17.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdError::BadChar);
        }
        let last = last.chars().next().ok_or(IdError::BadLength)?;
        if !(last.is_ascii_digit() || last == 'X') {
            return Err(IdError::BadChar);
        }
        match birth_date(&value[6..14]) {
            Some(d) if d <= today => {}
            _ => return Err(IdError::BadDate),
        }
        if check_char(first17) != Some(last) {
            return Err(IdError::BadChecksum);
        }
        Ok(CitizenId {
            value,
            upgraded_from_15: upgraded,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub fn birth_date(&self) -> NaiveDate {
        birth_date(&self.value[6..14]).expect("validated at parse")
    }

    pub fn gender(&self) -> Gender {
        let digit = self.value.as_bytes()[16] - b'0';
        if digit % 2 == 1 {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    /// The county-level division code (first six digits, 户籍地).
    pub fn division(&self) -> &str {
        &self.value[..6]
    }

    pub fn masked(&self) -> String {
        mask(&self.value)
    }
}

/// Mask an ID number for lists and exports: first 6 and last 4 kept.
pub fn mask(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn accepts_published_sample_numbers() {
        // The GB 11643 sample and widely published test numbers.
        for id in ["11010519491231002X", "110101199003074477"] {
            let c = CitizenId::parse(id, today()).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(c.as_str(), id);
        }
        let c = CitizenId::parse("11010519491231002X", today()).unwrap();
        assert_eq!(c.gender(), Gender::Female);
        assert_eq!(
            c.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert_eq!(c.division(), "110105");
    }

    #[test]
    fn normalises_full_width_spaces_and_lowercase_x() {
        let c = CitizenId::parse(" １１０１０５ 1949 1231 002x ", today()).unwrap();
        assert_eq!(c.as_str(), "11010519491231002X");
    }

    #[test]
    fn upgrades_legacy_15_digit_numbers() {
        let c = CitizenId::parse("110105491231002", today()).unwrap();
        assert_eq!(c.as_str(), "11010519491231002X");
        assert!(c.upgraded_from_15);
    }

    #[test]
    fn refuses_with_the_reason() {
        assert_eq!(
            CitizenId::parse("1101051949123100", today()),
            Err(IdError::BadLength)
        );
        assert_eq!(
            CitizenId::parse("110105194912310021", today()),
            Err(IdError::BadChecksum)
        );
        assert_eq!(
            CitizenId::parse("110105194902300021", today()),
            Err(IdError::BadDate)
        );
        assert_eq!(
            CitizenId::parse("11010519491231002Y", today()),
            Err(IdError::BadChar)
        );
        assert_eq!(IdError::BadChecksum.to_string(), "校验码错误");
    }

    #[test]
    fn refuses_birth_dates_in_the_future() {
        let first17 = "11010520300101002";
        let id = format!("{first17}{}", check_char(first17).unwrap());
        assert_eq!(CitizenId::parse(&id, today()), Err(IdError::BadDate));
    }

    #[test]
    fn masks_the_middle() {
        assert_eq!(mask("340602199001010976"), "340602********0976");
    }

    fn valid_id() -> impl Strategy<Value = String> {
        (
            110000u32..660000,
            1950i32..2008,
            1u32..13,
            1u32..29,
            0u32..1000,
        )
            .prop_map(|(div, y, m, d, seq)| {
                let first17 = format!("{div:06}{y:04}{m:02}{d:02}{seq:03}");
                format!("{first17}{}", check_char(&first17).unwrap())
            })
    }

    proptest! {
        #[test]
        fn every_generated_valid_number_passes(id in valid_id()) {
            prop_assert!(CitizenId::parse(&id, today()).is_ok());
        }

        #[test]
        fn any_single_digit_change_is_caught(id in valid_id(), pos in 0usize..17, delta in 1u8..10) {
            let mut bytes = id.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            // Either refused, or (never) accepted with the same check character.
            prop_assert!(CitizenId::parse(&changed, today()).is_err());
        }
    }
}
