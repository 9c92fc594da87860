//! Mainland mobile numbers: 11 digits starting with 1.

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("手机号应为以1开头的11位数字")]
    BadPhone,
}

/// Strip +86/0086, spaces, hyphens and brackets; fold full-width digits;
/// then require 11 digits starting with 1.
pub fn normalize(input: &str) -> Result<String, PhoneError> {
    let mut digits: String = input
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
            '+' | '-' | ' ' | '(' | ')' | '\u{3000}' | '\u{FF0B}' | '\u{FF0D}' => None,
            _ => Some('?'),
        })
        .collect();
    if digits.contains('?') {
        return Err(PhoneError::BadPhone);
    }
    if digits.len() == 13 && digits.starts_with("86") {
        digits.drain(..2);
    } else if digits.len() == 15 && digits.starts_with("0086") {
        digits.drain(..4);
    }
    if digits.len() == 11 && digits.starts_with('1') {
        Ok(digits)
    } else {
        Err(PhoneError::BadPhone)
    }
}

/// Mask a phone for lists: 138****5678.
pub fn mask(phone: &str) -> String {
    if phone.len() == 11 && phone.is_ascii() {
        format!("{}****{}", &phone[..3], &phone[7..])
    } else {
        phone.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_country_code_and_separators() {
        assert_eq!(normalize("+86 138-0013-8000").unwrap(), "13800138000");
        assert_eq!(normalize("0086 13800138000").unwrap(), "13800138000");
        assert_eq!(normalize("１３８００１３８０００").unwrap(), "13800138000");
    }

    #[test]
    fn refuses_landlines_and_short_numbers() {
        assert!(normalize("0931-8123456").is_err());
        assert!(normalize("1380013800").is_err());
        assert!(normalize("23800138000").is_err());
        assert!(normalize("138001380OO").is_err());
    }

    #[test]
    fn masks_the_middle_four() {
        assert_eq!(mask("13800138000"), "138****8000");
    }
}
