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
    Size, Traffic, Workload, COMPONENT_SIZE,
};
pub use diagnostic::{Diagnostic, Severity};
pub use format::{export, export_for_storage, import, ImportError, Imported};
pub use history::History;
pub use id::{ComponentId, ContainerId, ItemRef, LinkId};
pub use validate::validate;
