//! DTOs of service posts (服务阵地) and service records; their TypeScript
//! declarations are listed in [`decls`].

use serde::{Deserialize, Serialize};
use ts_rs::{Config, TS};

mod figures;
mod records;
mod sites;

pub use figures::*;
pub use records::*;
pub use sites::*;

use crate::dto::{Choice, MemberInput};

/// TypeScript declarations of this area's DTOs, in the order they are written.
pub fn decls(cfg: &Config) -> Vec<String> {
    vec![
        PostChoices::decl(cfg),
        Post::decl(cfg),
        PostInput::decl(cfg),
        PostUpdate::decl(cfg),
        PostListQuery::decl(cfg),
        ServiceTypeRow::decl(cfg),
        ServiceTypes::decl(cfg),
        ServiceTypesInput::decl(cfg),
        RecordKindCode::decl(cfg),
        Insurance::decl(cfg),
        ServiceRecord::decl(cfg),
        ServiceInput::decl(cfg),
        ServiceUpdate::decl(cfg),
        ServiceListQuery::decl(cfg),
        ServicePage::decl(cfg),
        TicketInput::decl(cfg),
        LinkMemberInput::decl(cfg),
        EnrolPersonInput::decl(cfg),
        MemberIdArg::decl(cfg),
        MemberBenefits::decl(cfg),
        StatsQuery::decl(cfg),
        StatsRow::decl(cfg),
        TicketCounts::decl(cfg),
        Conversion::decl(cfg),
        ServiceStats::decl(cfg),
        StatsExportInput::decl(cfg),
        PostReportInput::decl(cfg),
        PostPosterInput::decl(cfg),
    ]
}
