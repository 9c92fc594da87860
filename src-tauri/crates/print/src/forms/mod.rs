//! Filled forms for signature: the application (入会申请书) of one member per
//! page, and the roster (花名册) of a selection, which with a signature
//! column is also a ceremony's attendance list (签到表).
//!
//! The library prints what it is given: the caller decides whether a citizen
//! ID is printed whole (the member's own application) or masked (a roster
//! that leaves the office), as PIPL asks.
//!
//! Here only the module's face; the application is in `application.rs`, the
//! roster in `roster.rs`, and the table helpers they share with
//! `outbound_form.rs` and `post_report.rs` in `table.rs`.

mod application;
mod roster;
mod table;

pub use application::{applications_pdf, Application};
pub use roster::{roster_pdf, Roster, RosterRow};
pub use table::cn_date;
pub(crate) use table::{cell, missing, Fail, GREY, INK, RULE, SHADE};
