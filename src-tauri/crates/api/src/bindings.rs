//! TypeScript declarations for the DTOs, written to `ui/src/api/types.ts`.
//! A test fails when the committed file is stale; `cargo xtask gen-types`
//! (or `ledger gen-types`) rewrites it.

use ts_rs::{Config, TS};

use crate::dto::*;
use crate::error::{ApiError, ErrorCode};

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut decls = vec![
        ErrorCode::decl(&cfg),
        ApiError::decl(&cfg),
        OrgKindCode::decl(&cfg),
        Org::decl(&cfg),
        OrgInput::decl(&cfg),
        OrgUpdate::decl(&cfg),
        IdArg::decl(&cfg),
        SetupLevel::decl(&cfg),
        SetupInput::decl(&cfg),
        AppInfo::decl(&cfg),
        Choice::decl(&cfg),
        Choices::decl(&cfg),
        OperatorInput::decl(&cfg),
        MemberInput::decl(&cfg),
        MemberRow::decl(&cfg),
        MemberDetail::decl(&cfg),
        MemberListQuery::decl(&cfg),
        MemberPage::decl(&cfg),
        MemberUpdate::decl(&cfg),
        MemberSortCode::decl(&cfg),
        TransferInput::decl(&cfg),
        PoolRouteInput::decl(&cfg),
        PoolRouteGroup::decl(&cfg),
        StatusInput::decl(&cfg),
        MemberIds::decl(&cfg),
        Count::decl(&cfg),
        RevealInput::decl(&cfg),
        Revealed::decl(&cfg),
        FieldChange::decl(&cfg),
        HistoryEntry::decl(&cfg),
        Suggestion::decl(&cfg),
        PoolRow::decl(&cfg),
        EmployerRow::decl(&cfg),
        EmployerList::decl(&cfg),
        FoundUnionInput::decl(&cfg),
        FoundUnionResult::decl(&cfg),
        SettingsDto::decl(&cfg),
        HomeSummary::decl(&cfg),
        FileArg::decl(&cfg),
        FileOut::decl(&cfg),
        SheetMapping::decl(&cfg),
        SheetField::decl(&cfg),
        ExportColumn::decl(&cfg),
        SheetChoices::decl(&cfg),
        ImportPreviewInput::decl(&cfg),
        ImportPreview::decl(&cfg),
        ImportModeCode::decl(&cfg),
        ImportInput::decl(&cfg),
        ImportRowResult::decl(&cfg),
        ImportSummary::decl(&cfg),
        ImportReportInput::decl(&cfg),
        SheetFormat::decl(&cfg),
        ExportMembersInput::decl(&cfg),
        RosterCompareInput::decl(&cfg),
        RosterPerson::decl(&cfg),
        RosterRejected::decl(&cfg),
        RosterBreakdown::decl(&cfg),
        RosterResult::decl(&cfg),
        RosterPart::decl(&cfg),
        RosterExportInput::decl(&cfg),
        // Printing (issue 5)
        PrintSettings::decl(&cfg),
        PrintSettingsInput::decl(&cfg),
        SealInfo::decl(&cfg),
        Seal::decl(&cfg),
        SealInput::decl(&cfg),
        OrgIdArg::decl(&cfg),
        FiveOnes::decl(&cfg),
        Ceremony::decl(&cfg),
        CeremonyDetail::decl(&cfg),
        CeremonyInput::decl(&cfg),
        CeremonyUpdate::decl(&cfg),
        CeremonyListQuery::decl(&cfg),
        CeremonyEnrolInput::decl(&cfg),
        CeremonyMembersInput::decl(&cfg),
        PrintSelection::decl(&cfg),
        CertificateLayout::decl(&cfg),
        PrintCertificatesInput::decl(&cfg),
        PdfOut::decl(&cfg),
        CertificatesOut::decl(&cfg),
        PrintCandidatesInput::decl(&cfg),
        CertificateCandidate::decl(&cfg),
        PrintCandidates::decl(&cfg),
        PosterSizeCode::decl(&cfg),
        PosterTemplateCode::decl(&cfg),
        PosterInput::decl(&cfg),
        ApplicationInput::decl(&cfg),
        RosterInput::decl(&cfg),
        VerifyInput::decl(&cfg),
        VerifyResult::decl(&cfg),
        PreviewPathInput::decl(&cfg),
        PreviewPath::decl(&cfg),
    ];
    decls.extend(crate::outbound::dto::decls(&cfg));
    decls.extend(crate::posts::dto::decls(&cfg));
    let mut out = String::from(
        "// Generated from the Rust DTOs in src-tauri/crates/api/src/dto/ and each area's dto/.\n\
         // Do not edit: run `cargo xtask gen-types`.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_typescript_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../ui/src/api/types.ts");
        let want = super::typescript();
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "ui/src/api/types.ts is stale: run `cargo xtask gen-types` (or UPDATE_TYPES=1 cargo test -p ledger-api)"
        );
    }
}
