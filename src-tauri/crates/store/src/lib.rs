//! The local store of Union Ledger: one SQLite file per office.
//!
//! * [`Store::open`] is the only place a connection is made and its pragmas set.
//! * Migrations are numbered, append-only `.sql` files embedded in the binary.
//! * [`Store::transact`] is the only write path; every write to a travelling
//!   table goes through [`Tx`], which stamps the row and appends to the change log.

pub mod bench;
pub mod ceremonies;
mod clock;
mod db;
pub mod employers;
mod error;
pub mod exports;
pub mod import;
pub mod members;
mod migrate;
pub mod orgs;
pub mod outbound;
pub mod posts;
pub mod printing;
pub mod roster;
pub mod settings;
mod tx;

pub use clock::{Clock, FixedClock, SystemClock};
pub use db::Store;
pub use error::StoreError;
pub use migrate::{MIGRATIONS, SCHEMA_VERSION};
pub use tx::{ChangeOp, Tx};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
