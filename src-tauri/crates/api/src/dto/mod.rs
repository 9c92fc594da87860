//! Data transfer objects: the shapes that cross to the UI. TypeScript
//! declarations are generated from these (see `bindings.rs`).
mod app;
mod members;
mod print;
mod sheets;

pub use app::*;
pub use members::*;
pub use print::*;
pub use sheets::*;
