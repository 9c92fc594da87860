//! Domain rules of Union Ledger (工会台账).
//!
//! Everything here is pure: no database, no files, no clock. Callers pass
//! the current time in. The store and the API build on these rules.

pub mod citizen_id;
pub mod hlc;
pub mod member;
pub mod names;
pub mod org;
pub mod outbound;
pub mod phone;
pub mod posts;
