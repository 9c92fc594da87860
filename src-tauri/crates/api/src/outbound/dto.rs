//! DTOs of this area; their TypeScript declarations are listed in [`decls`].

use ts_rs::Config;

/// TypeScript declarations of this area's DTOs, in the order they are written.
pub fn decls(_cfg: &Config) -> Vec<String> {
    Vec::new()
}
