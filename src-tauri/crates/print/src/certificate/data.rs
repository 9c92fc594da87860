//! The data of a certificate and how a batch is laid out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::card::CARDS_PER_SHEET;

/// One member's certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// 姓名
    pub name: String,
    /// 会员编号
    pub member_no: String,
    /// 所属组织: the union unit that holds the membership.
    pub org_name: String,
    /// 入会日期
    pub join_date: NaiveDate,
    /// 发证单位: the issuing union.
    pub issuer: String,
    /// 发证日期
    pub issue_date: NaiveDate,
    /// The whole text of the QR code, normally [`crate::verify_link`].
    pub verify_url: String,
    /// A PNG photo (any size; drawn 3:4, cropped to fill).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Vec<u8>>,
    /// The issuing union's seal as a PNG, ideally red on a transparent
    /// background; stamped over the issuer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Vec<u8>>,
}

/// How certificates are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Wallet cards (85.6 × 54 mm), ten to an A4 sheet with crop marks.
    Card,
    /// One certificate per A4 page (landscape), for ceremonies.
    A4,
    /// One certificate per A5 page (landscape).
    A5,
}

impl Layout {
    /// Certificates per page.
    pub fn per_page(self) -> usize {
        match self {
            Layout::Card => CARDS_PER_SHEET,
            Layout::A4 | Layout::A5 => 1,
        }
    }
}
