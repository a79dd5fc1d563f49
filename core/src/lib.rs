//! Cloudwright's core: the design document and everything computed from it.
//!
//! Pure Rust: no I/O, no clock, no randomness, no web crates. What needs the
//! world (ids, time, prices) is passed in. Data flows one way:
//! document → analyses → reports → views.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod catalog;
pub mod command;
pub mod cost;
pub mod design;
pub mod diagnostic;
pub mod edit;
pub mod examples;
pub mod exports;
pub mod format;
pub mod graph;
pub mod history;
pub mod id;
pub mod layout;
pub mod limits;
pub mod migration;
pub mod order;
pub mod protocol;
pub mod resilience;
pub mod scenario;
pub mod share;
pub mod solver;
pub mod synth;
pub mod validate;

pub use catalog::{Catalog, Category, KindSpec, PropType, PropertySpec};
pub use command::{Command, EditError};
pub use design::{
    Component, ComponentKind, Container, ContainerKind, CostSettings, Design, Link, LinkMode, Point, PropValue, Rect,
    Size, Traffic, Workload, COMPONENT_SIZE, HEADER_HEIGHT,
};
pub use diagnostic::{Diagnostic, Severity};
pub use format::{export, export_for_storage, import, ImportError, Imported};
pub use history::History;
pub use id::{ComponentId, ContainerId, ItemRef, LinkId};
pub use validate::validate;

/// For the tests that keep a compiled-data file (`catalog/builtin.rs` and the
/// like) equal to what its generator makes of the JSON it comes from.
#[cfg(test)]
pub(crate) mod builtins {
    /// The first lines of a compiled-data file: where it comes from, and its `use` line.
    pub(crate) fn header(data: &str, uses: &str) -> String {
        format!(
            "//! Written by `CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p cloudwright-core builtin` from\n\
             //! `{data}`; edit that file, not this one.\n\nuse super::{{{uses}}};\n\n"
        )
    }

    /// With `CLOUDWRIGHT_WRITE_BUILTINS` set, writes `source` to `file` (under
    /// `src/`) and returns `false`: this build still holds the old data, and the
    /// next run checks the new. Otherwise asserts that `file` holds `source` and
    /// returns `true`, for the caller to compare the compiled data with the parse.
    pub(crate) fn current(file: &str, source: &str, data: &str) -> bool {
        current_bytes(file, source.as_bytes(), data)
    }

    /// [`current`] for a file of bytes (postcard).
    pub(crate) fn current_bytes(file: &str, bytes: &[u8], data: &str) -> bool {
        let path = format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("CLOUDWRIGHT_WRITE_BUILTINS").is_some() {
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {path}: {e}"));
            return false;
        }
        let written = std::fs::read(&path).unwrap_or_default();
        assert!(
            written == bytes,
            "core/src/{file} is not {data}: run `CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p cloudwright-core builtin`"
        );
        true
    }
}
