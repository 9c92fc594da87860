//! Importing members from a spreadsheet (批量导入).
//!
//! [`dry_run`] classifies every row — new, already a member, a duplicate
//! within the file, or refused with the ledger's own reason — and writes
//! nothing. [`commit`] classifies again inside the transaction (the ledger
//! may have changed since the dry run) and writes all valid new rows, plus
//! by [`Mode`] the empty or changed fields of people already in the ledger,
//! in that one transaction: everything or nothing. Rows are matched by
//! normalised citizen ID, so importing the same file again adds nothing.
//!
//! Speed: new rows go through [`Tx::insert_many`] (one cached statement,
//! logged by one range scan) with numbers allocated in one block; a large
//! import into a comparatively small ledger drops the member indexes and
//! builds them again after loading, which is about four times cheaper than
//! inserting into indexed tables. The unique index on the citizen ID is
//! rebuilt too, so a duplicate that slipped through would still fail the
//! transaction.

use std::collections::{BTreeMap, HashMap};

use ledger_core::member::{self, MemberDraft, MemberError, ValidMember};
use ledger_core::names::pinyin_keys;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use crate::members::{self, record_values, Member};
use crate::{orgs, Result, StoreError, Tx};

/// What to do with people who are already in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Leave them as they are.
    #[default]
    Skip,
    /// Fill fields that are empty in the ledger from the file.
    Fill,
    /// Overwrite fields with the file's non-empty values.
    Update,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Mode::Skip => "skip",
            Mode::Fill => "fill",
            Mode::Update => "update",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "skip" => Some(Mode::Skip),
            "fill" => Some(Mode::Fill),
            "update" => Some(Mode::Update),
            _ => None,
        }
    }
}

/// Why a row is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// `bad_length`, `bad_checksum`, `bad_date`, `bad_phone`,
    /// `missing_name`, `missing_group`, `invalid`.
    pub code: String,
    /// The member field at fault.
    pub field: String,
    /// Chinese, prefixed with the field's label.
    pub message: String,
}

impl From<&MemberError> for Refusal {
    fn from(e: &MemberError) -> Refusal {
        let code = match e {
            MemberError::EmptyName => "missing_name",
            MemberError::EmptyGroup => "missing_group",
            e => e.code(),
        };
        Refusal {
            code: code.to_string(),
            field: e.field().to_string(),
            message: e.to_string(),
        }
    }
}

/// One data row of the file: its sheet line and what it says, or why its
/// cells could not be read.
#[derive(Debug, Clone)]
pub struct SourceRow {
    pub line: u32,
    pub draft: std::result::Result<MemberDraft, Refusal>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub mode: Mode,
    /// The org that holds new memberships; this office when `None`.
    pub org_id: Option<String>,
    /// The file name, recorded on every row written.
    pub source: String,
    /// Member fields the file has (mapped columns): only these are filled
    /// or updated on people already in the ledger.
    pub fields: Vec<String>,
}

/// A field that fill or update changes on a person already in the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub label: &'static str,
    pub from: Option<String>,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    New,
    Existing {
        member_id: String,
        member_no: String,
        name: String,
        /// What the chosen mode changes (empty for skip).
        changes: Vec<FieldChange>,
    },
    /// The same citizen ID appeared on an earlier line.
    Duplicate {
        first_line: u32,
    },
    Refused(Refusal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowResult {
    pub line: u32,
    pub name: String,
    /// The normalised 18-character ID, when the row is valid.
    pub id_number: Option<String>,
    pub upgraded_from_15: bool,
    pub status: Status,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Data rows read (rows with nothing in a mapped column are not rows).
    pub rows: u32,
    pub new: u32,
    pub existing: u32,
    pub duplicates_in_file: u32,
    /// Valid rows whose ID was a legacy 15-digit number, upgraded to 18.
    pub legacy15_upgraded: u32,
    pub rejected: BTreeMap<String, u32>,
    pub rejected_total: u32,
    /// Existing people the mode changes.
    pub to_change: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub rows: Vec<RowResult>,
    pub counts: Counts,
    /// After a commit: members added and existing members changed.
    pub added: u32,
    pub updated: u32,
    /// After a commit: the run's id, stamped on every row it wrote.
    pub batch: Option<String>,
}

mod classify;
mod write;

use classify::*;
pub use write::commit;

pub(crate) fn holding_org(conn: &Connection, opts: &Options) -> Result<String> {
    let org_id = match opts
        .org_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(o) => o.to_string(),
        None => orgs::this_office(conn)?.ok_or(StoreError::NoOffice)?,
    };
    Ok(orgs::get(conn, &org_id)?.id)
}

/// Classify every row without writing anything.
pub fn dry_run(
    conn: &Connection,
    today: chrono::NaiveDate,
    rows: &[SourceRow],
    opts: &Options,
) -> Result<Outcome> {
    holding_org(conn, opts)?;
    Ok(classify(conn, today, rows, opts)?.0)
}
