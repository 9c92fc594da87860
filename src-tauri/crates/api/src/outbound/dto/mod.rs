//! Truck-driver outbound reports (外出报告, 货车司机动态管理台账): issue #6.
//! DTOs of this area; their TypeScript declarations are listed in [`decls`].
//!
//! Dates are `YYYY-MM-DD` strings. Codes (`state`, `status`, `channel`,
//! `outcome`) are English; each row also carries the Chinese label.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::{Config, TS};

mod spot;
mod trips;

pub use spot::*;
pub use trips::*;

use crate::dto::{Choice, MemberInput};

/// TypeScript declarations of this area's DTOs, in the order they are written.
pub fn decls(cfg: &Config) -> Vec<String> {
    vec![
        OutboundProvince::decl(cfg),
        OutboundChoices::decl(cfg),
        OutboundSettings::decl(cfg),
        OutboundFields::decl(cfg),
        OutboundInput::decl(cfg),
        OutboundUpdate::decl(cfg),
        OutboundIds::decl(cfg),
        OutboundReasonInput::decl(cfg),
        OutboundBackInput::decl(cfg),
        OutboundRow::decl(cfg),
        OutboundReview::decl(cfg),
        OutboundContact::decl(cfg),
        OutboundDetail::decl(cfg),
        OutboundQuery::decl(cfg),
        OutboundTally::decl(cfg),
        OutboundList::decl(cfg),
        OutboundAlerts::decl(cfg),
        OutboundContactInput::decl(cfg),
        SpotDrawInput::decl(cfg),
        SpotCheck::decl(cfg),
        SpotItem::decl(cfg),
        SpotVillage::decl(cfg),
        SpotCheckDetail::decl(cfg),
        SpotRecordInput::decl(cfg),
        SpotSample::decl(cfg),
        OutboundExportInput::decl(cfg),
        SpotExportInput::decl(cfg),
        OutboundFormInput::decl(cfg),
    ]
}
